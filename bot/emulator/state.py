"""The emulator's world: users, chats, messages, the update queue, callback queries and counters."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "JSON",
    "ApiError",
    "CallbackRecord",
    "Chat",
    "InlineRecord",
    "State",
    "StoredMessage",
    "User",
]

JSON = dict[str, Any]

# Id ranges chosen to look like Telegram's: users positive, basic groups small negative,
# supergroups and channels -100xxxxxxxxxx.
_USER_BASE = 100_000_000
_GROUP_BASE = 4_000_000
_SUPERGROUP_BASE = 1_000_000_000_000
_UPDATE_TYPES = (
    "message",
    "edited_message",
    "channel_post",
    "callback_query",
    "inline_query",
    "chosen_inline_result",
    "my_chat_member",
)


class ApiError(Exception):
    """A Bot API error answer: HTTP status, Telegram's description, optional response parameters."""

    def __init__(self, code: int, description: str, parameters: JSON | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def to_json(self) -> JSON:
        body: JSON = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


@dataclass(slots=True)
class User:
    """A Telegram user; blocked_bot is set when the user blocked the bot."""

    id: int
    first_name: str
    username: str | None = None
    last_name: str | None = None
    language_code: str | None = None
    is_bot: bool = False
    blocked_bot: bool = False

    def to_json(self) -> JSON:
        data: JSON = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        if self.language_code:
            data["language_code"] = self.language_code
        return data


@dataclass(slots=True)
class StoredMessage:
    """One message in a chat, sent by the bot (outgoing) or injected from a user."""

    message_id: int
    chat: Chat
    date: int
    text: str
    entities: list[JSON]
    outgoing: bool
    sender: User | None = None
    reply_markup: JSON | None = None
    reply_to: StoredMessage | None = None
    edit_date: int | None = None
    deleted: bool = False
    extra: JSON = field(default_factory=dict)
    stamp: float = field(default_factory=time.time)  # when the emulator stored it (latency tests)

    def to_json(self, bot: User, *, nested: bool = False) -> JSON:
        """The Bot API Message object as Telegram would return it."""
        data: JSON = {"message_id": self.message_id, "date": self.date, "chat": self.chat.to_json()}
        if self.chat.type == "channel":
            data["sender_chat"] = self.chat.to_json()
        else:
            sender = bot if self.outgoing else self.sender
            if sender is not None:  # service messages (a group migrating) have no sender
                data["from"] = sender.to_json()
        if self.text:
            data["text"] = self.text
        if self.entities:
            data["entities"] = self.entities
        if self.reply_markup and "inline_keyboard" in self.reply_markup:
            data["reply_markup"] = self.reply_markup
        if self.edit_date:
            data["edit_date"] = self.edit_date
        if self.reply_to is not None and not nested:
            data["reply_to_message"] = self.reply_to.to_json(bot, nested=True)
        data.update(self.extra)
        return data

    def to_transcript(self, bot: User) -> JSON:
        """The Message JSON plus emulator bookkeeping: direction, deletion, and any reply keyboard."""
        data = self.to_json(bot)
        data["outgoing"] = self.outgoing
        data["deleted"] = self.deleted
        data["emu_time"] = self.stamp
        if self.reply_markup is not None:
            data["reply_markup"] = self.reply_markup
        return data


@dataclass(slots=True)
class Chat:
    """A private chat, group, supergroup or channel with its members and message log."""

    id: int
    type: str
    title: str | None = None
    username: str | None = None
    user: User | None = None  # the other party of a private chat
    members: dict[int, str] = field(default_factory=dict)  # user id -> creator/administrator/member
    bot_status: str = "member"  # member, administrator, kicked, left
    migrated_to: int | None = None
    log: list[StoredMessage] = field(default_factory=list)
    by_id: dict[int, StoredMessage] = field(default_factory=dict)
    next_message_id: int = 1

    @property
    def is_group(self) -> bool:
        return self.type != "private"

    def to_json(self) -> JSON:
        data: JSON = {"id": self.id, "type": self.type}
        if self.title:
            data["title"] = self.title
        if self.username:
            data["username"] = self.username
        if self.user is not None:
            data["first_name"] = self.user.first_name
            if self.user.username:
                data["username"] = self.user.username
        return data

    def add_message(self, msg_factory: Callable[[int], StoredMessage]) -> StoredMessage:
        msg = msg_factory(self.next_message_id)
        self.next_message_id += 1
        self.log.append(msg)
        self.by_id[msg.message_id] = msg
        return msg


@dataclass(slots=True)
class CallbackRecord:
    """A callback query injected by a press, and the bot's answer to it once given."""

    id: str
    user: User
    message: StoredMessage
    data: str
    answered: bool = False
    answer: JSON = field(default_factory=dict)


@dataclass(slots=True)
class InlineRecord:
    """An inline query a user typed (`@bot words`), and the bot's answer once given."""

    id: str
    user: User
    query: str
    offset: str
    created: float  # State.clock() when it was sent: answers must come within INLINE_ANSWER_TIMEOUT
    answered: bool = False
    answered_after: float = 0.0
    results: list[JSON] = field(default_factory=list)
    next_offset: str = ""
    cache_time: int = 300
    is_personal: bool = False  # False: Telegram may show this answer to every user typing the same query


class State:
    """Everything the emulator remembers; methods are O(1) per message so broadcasts stay fast."""

    def __init__(self, bot: User, clock: Callable[[], float] = time.time) -> None:
        self.bot = bot
        self.clock = clock
        # Ids stay monotonic across reset(): a polling bot keeps its getUpdates offset.
        self._user_ids = itertools.count(_USER_BASE + 1)
        self._group_ids = itertools.count(_GROUP_BASE + 1)
        self._super_ids = itertools.count(_SUPERGROUP_BASE + 1)
        self._update_ids = itertools.count(1)
        self._query_ids = itertools.count(1)
        self.reset()

    def reset(self) -> None:
        # Wake long polls and transcript waiters that still hold the events being replaced.
        for name in ("_updates_event", "_changed_event"):
            old = getattr(self, name, None)
            if old is not None:
                old.set()
        self.users: dict[int, User] = {}
        self.chats: dict[int, Chat] = {}
        self.chats_by_username: dict[str, Chat] = {}
        self.updates: deque[tuple[int, str, JSON]] = deque()
        self.allowed_updates: frozenset[str] | None = None
        self.callbacks: dict[str, CallbackRecord] = {}
        self.inline_queries: dict[str, InlineRecord] = {}
        self.inline_enabled = True  # @BotFather's /setinline; off: users cannot send inline queries
        self.commands: dict[str, list[JSON]] = {}
        self.counters: Counter[str] = Counter()
        self.in_flight = 0
        self._updates_event = asyncio.Event()
        self._changed_event = asyncio.Event()
        self._changed_waiters = 0

    def now(self) -> int:
        return int(self.clock())

    # --- users and chats -------------------------------------------------------------------------

    def add_user(self, first_name: str, username: str | None = None, **extra: Any) -> User:
        user = User(id=next(self._user_ids), first_name=first_name, username=username, **extra)
        self.users[user.id] = user
        return user

    def private_chat(self, user: User) -> Chat:
        """The user's private chat with the bot, created as if the user had pressed Start."""
        chat = self.chats.get(user.id)
        if chat is None:
            chat = Chat(id=user.id, type="private", user=user)
            self.chats[chat.id] = chat
        return chat

    def add_group(
        self,
        title: str,
        kind: str,
        members: Iterable[User] = (),
        admins: Iterable[User] = (),
        username: str | None = None,
        bot_admin: bool = False,
    ) -> Chat:
        ids = self._group_ids if kind == "group" else self._super_ids
        chat = Chat(id=-next(ids), type=kind, title=title, username=username)
        chat.bot_status = "administrator" if bot_admin or kind == "channel" else "member"
        for user in members:
            chat.members[user.id] = "member"
        admin_list = list(admins)
        for n, user in enumerate(admin_list):
            chat.members[user.id] = "creator" if n == 0 else "administrator"
        self.chats[chat.id] = chat
        if username:
            self.chats_by_username[username.lower()] = chat
        return chat

    def migrate(self, chat: Chat) -> Chat:
        """Upgrade a basic group to a supergroup, as Telegram does when a group grows or gets settings."""
        if chat.type != "group":
            raise ValueError(f"only a basic group can migrate, chat {chat.id} is a {chat.type}")
        new = Chat(id=-next(self._super_ids), type="supergroup", title=chat.title)
        new.members = dict(chat.members)
        new.bot_status = chat.bot_status
        chat.migrated_to = new.id
        self.chats[new.id] = new
        # Telegram announces the move in both chats with service messages.
        self.user_message(None, chat, "", extra={"migrate_to_chat_id": new.id})
        self.user_message(None, new, "", extra={"migrate_from_chat_id": chat.id})
        return new

    def find_chat(self, ref: int | str) -> Chat | None:
        if isinstance(ref, str) and ref.startswith("@"):
            return self.chats_by_username.get(ref[1:].lower())
        try:
            return self.chats.get(int(ref))
        except ValueError:
            return None

    # --- messages and updates --------------------------------------------------------------------

    def bot_message(
        self,
        chat: Chat,
        text: str,
        entities: list[JSON],
        reply_markup: JSON | None,
        reply_to: StoredMessage | None = None,
    ) -> StoredMessage:
        msg = chat.add_message(
            lambda mid: StoredMessage(
                message_id=mid,
                chat=chat,
                date=self.now(),
                text=text,
                entities=entities,
                outgoing=True,
                reply_markup=reply_markup,
                reply_to=reply_to,
            )
        )
        self.counters["messages"] += 1
        self.changed()
        return msg

    def user_message(
        self,
        user: User | None,
        chat: Chat,
        text: str,
        extra: JSON | None = None,
        entities: list[JSON] | None = None,
    ) -> StoredMessage:
        """Record a message from a user (or a service message) and queue it as an update for the bot."""
        msg = chat.add_message(
            lambda mid: StoredMessage(
                message_id=mid,
                chat=chat,
                date=self.now(),
                text=text,
                entities=command_entities(text) if entities is None else entities,
                outgoing=False,
                sender=user,
                extra=extra or {},
            )
        )
        kind = "channel_post" if chat.type == "channel" else "message"
        self.push_update(kind, msg.to_json(self.bot))
        return msg

    def press(self, user: User, msg: StoredMessage, data: str) -> CallbackRecord:
        record = CallbackRecord(id=str(next(self._query_ids)), user=user, message=msg, data=data)
        self.callbacks[record.id] = record
        query: JSON = {
            "id": record.id,
            "from": user.to_json(),
            "message": msg.to_json(self.bot),
            "chat_instance": str(abs(msg.chat.id) * 7919 + 1),
            "data": data,
        }
        self.push_update("callback_query", query)
        return record

    def inline_query(
        self, user: User, query: str, offset: str = "", chat_type: str = "sender"
    ) -> InlineRecord:
        """The user typed `@bot query` in some chat: queue an inline_query update."""
        record = InlineRecord(
            id=f"iq{next(self._query_ids)}", user=user, query=query, offset=offset, created=self.clock()
        )
        self.inline_queries[record.id] = record
        payload: JSON = {
            "id": record.id,
            "from": user.to_json(),
            "query": query,
            "offset": offset,
            "chat_type": chat_type,
        }
        self.push_update("inline_query", payload)
        return record

    def choose_inline(
        self, record: InlineRecord, chat: Chat, text: str, entities: list[JSON]
    ) -> StoredMessage:
        """The user picked a result: its message is posted in chat by the user, "via" the bot.

        (chosen_inline_result updates need @BotFather's /setinlinefeedback; the emulator does not send them.)
        """
        msg = self.user_message(
            record.user, chat, text, extra={"via_bot": self.bot.to_json()}, entities=entities
        )
        self.changed()
        return msg

    def push_update(self, kind: str, payload: JSON) -> None:
        update_id = next(self._update_ids)
        self.updates.append((update_id, kind, {"update_id": update_id, kind: payload}))
        self.wake_pollers()

    def wake_pollers(self) -> None:
        """Answer every waiting getUpdates now."""
        self._updates_event.set()
        self._updates_event = asyncio.Event()

    def confirm(self, offset: int) -> None:
        """Drop updates below offset (Telegram's confirmation); a negative offset keeps the last -offset."""
        if offset < 0:
            while len(self.updates) > -offset:
                self.updates.popleft()
            return
        while self.updates and self.updates[0][0] < offset:
            self.updates.popleft()

    def pending(self, limit: int) -> list[JSON]:
        allowed = self.allowed_updates
        out: list[JSON] = []
        for _, kind, update in self.updates:
            if allowed is None or kind in allowed:
                out.append(update)
                if len(out) >= limit:
                    break
        return out

    async def wait_updates(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._updates_event.wait(), seconds)

    def changed(self) -> None:
        """Wake anyone waiting for new bot output (the harness's reply())."""
        # Skip the swap when nobody waits: a broadcast records thousands of messages a second.
        if self._changed_waiters:
            self._changed_event.set()
            self._changed_event = asyncio.Event()

    async def wait_changed(self, seconds: float) -> bool:
        self._changed_waiters += 1
        try:
            await asyncio.wait_for(self._changed_event.wait(), seconds)
        except TimeoutError:
            return False
        finally:
            self._changed_waiters -= 1
        return True

    def set_allowed_updates(self, allowed: list[str] | None) -> None:
        # Telegram remembers the last list; an empty list means "all the usual types".
        if allowed is None:
            return
        self.allowed_updates = frozenset(allowed) if allowed else frozenset(_UPDATE_TYPES)


def command_entities(text: str) -> list[JSON]:
    """bot_command entities for every /command in text, with UTF-16 offsets as Telegram counts them."""
    if "/" not in text:
        return []
    entities: list[JSON] = []
    pos16 = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "/" and (i == 0 or text[i - 1].isspace()):
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] in "_@"):
                j += 1
            if j > i + 1:
                length = utf16_len(text[i:j])
                entities.append({"type": "bot_command", "offset": pos16, "length": length})
                pos16 += length
                i = j
                continue
        pos16 += 2 if ord(ch) > 0xFFFF else 1
        i += 1
    return entities


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram uses for entity offsets."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le")) // 2
