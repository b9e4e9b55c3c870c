"""The JSON control API under /_emu/: build the world, inject user actions, read what the bot did."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from bot.emulator.faults import TRANSPORT_FAULTS, Fault, FaultTable
from bot.emulator.limits import FloodLimiter
from bot.emulator.state import JSON, Chat, State, StoredMessage, User

__all__ = ["CONTROL_PREFIX", "Control", "ControlError"]

CONTROL_PREFIX = "/_emu/"
_MAX_WAIT = 60.0
_MAX_BULK = 100_000  # chats per bulk request: large enough for the failover test, bounded for one answer


class ControlError(Exception):
    """A control request that cannot be done; the message says what was wrong."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _int(body: JSON, key: str) -> int:
    try:
        return int(body[key])
    except KeyError:
        raise ControlError(f"missing {key!r}") from None
    except (TypeError, ValueError):
        raise ControlError(f"{key!r} must be an integer, got {body[key]!r}") from None


class Control:
    """Dispatches /_emu/<action> requests; every action takes and returns a JSON object."""

    def __init__(self, state: State, limiter: FloodLimiter, faults: FaultTable) -> None:
        self.state = state
        self.limiter = limiter
        self.faults = faults
        self.actions: dict[str, Callable[[JSON], Awaitable[Any]]] = {
            name[3:]: getattr(self, name) for name in dir(self) if name.startswith("do_")
        }

    async def handle(self, action: str, body: JSON) -> Any:
        handler = self.actions.get(action)
        if handler is None:
            raise ControlError(
                f"unknown control action {action!r}; known: {', '.join(sorted(self.actions))}", 404
            )
        return await handler(body)

    # --- lookups ---------------------------------------------------------------------------------

    def _user(self, body: JSON, key: str = "user_id") -> User:
        user = self.state.users.get(_int(body, key))
        if user is None:
            raise ControlError(f"no user {body[key]}; create it with the 'user' action first")
        return user

    def _users(self, ids: Any) -> list[User]:
        return [self._user({"user_id": uid}) for uid in ids or ()]

    def _chat(self, body: JSON) -> Chat:
        chat = self.state.find_chat(body.get("chat_id", ""))
        if chat is None:
            raise ControlError(f"no chat {body.get('chat_id')!r}")
        return chat

    def _message(self, chat: Chat, body: JSON) -> StoredMessage:
        msg = chat.by_id.get(_int(body, "message_id"))
        if msg is None or msg.deleted:
            raise ControlError(f"no message {body.get('message_id')} in chat {chat.id}")
        return msg

    # --- building the world ----------------------------------------------------------------------

    async def do_user(self, body: JSON) -> JSON:
        extra = {k: body[k] for k in ("last_name", "language_code") if body.get(k)}
        user = self.state.add_user(str(body.get("first_name") or "User"), body.get("username"), **extra)
        return user.to_json()

    async def do_private_chat(self, body: JSON) -> JSON:
        return self.state.private_chat(self._user(body)).to_json()

    async def do_private_chats(self, body: JSON) -> JSON:
        """count users named first_name+index who pressed Start, in one request (tests with thousands of chats)."""
        count = _int(body, "count")
        if not 0 < count <= _MAX_BULK:
            raise ControlError(f"'count' must be 1-{_MAX_BULK}, got {count}")
        prefix = str(body.get("first_name") or "User")
        chats = [self.state.private_chat(self.state.add_user(f"{prefix}{i}")) for i in range(count)]
        return {"chat_ids": [c.id for c in chats]}

    async def do_group(self, body: JSON) -> JSON:
        admins = self._users(body.get("admins"))
        members = self._users(body.get("members"))
        kind = "supergroup" if body.get("supergroup") else "group"
        chat = self.state.add_group(
            str(body.get("title") or "Group"),
            kind,
            members,
            admins,
            username=body.get("username"),
            bot_admin=bool(body.get("bot_admin")),
        )
        return chat.to_json()

    async def do_channel(self, body: JSON) -> JSON:
        admins = self._users(body.get("admins"))
        chat = self.state.add_group(
            str(body.get("title") or "Channel"), "channel", (), admins, username=body.get("username")
        )
        return chat.to_json()

    # --- user actions ----------------------------------------------------------------------------

    async def do_message(self, body: JSON) -> JSON:
        """A user writes text (a command if it starts with /) in a chat, default their private chat."""
        user = self._user(body)
        chat = self._chat(body) if body.get("chat_id") is not None else self.state.private_chat(user)
        if chat.type == "private" and chat.user is not user:
            raise ControlError(f"user {user.id} cannot write in the private chat of another user")
        if chat.type in ("group", "supergroup") and user.id not in chat.members:
            raise ControlError(f"user {user.id} is not a member of chat {chat.id}")
        if chat.type == "channel" and chat.members.get(user.id) not in ("creator", "administrator"):
            raise ControlError(f"user {user.id} is not an admin of channel {chat.id}")
        text = str(body.get("text") or "")
        if not text:
            raise ControlError("empty text")
        return self.state.user_message(user, chat, text).to_json(self.state.bot)

    async def do_press(self, body: JSON) -> JSON:
        """A user presses an inline button of a bot message, chosen by its text or its callback_data."""
        user = self._user(body)
        chat = self._chat(body)
        msg = self._message(chat, body)
        if body.get("data") is not None:
            # A modified client can send any callback_data for a message that has buttons.
            record = self.state.press(user, msg, str(body["data"])[:64])
            return {"callback_query_id": record.id, "data": record.data}
        wanted = str(body.get("button", ""))
        rows = (msg.reply_markup or {}).get("inline_keyboard") or []
        buttons = [b for row in rows for b in row if "callback_data" in b]
        for button in buttons:
            if wanted in (button["text"], button["callback_data"]):
                record = self.state.press(user, msg, button["callback_data"])
                return {"callback_query_id": record.id, "data": record.data}
        offered = [b["text"] for b in buttons]
        raise ControlError(f"message {msg.message_id} has no callback button {wanted!r}; it has {offered}")

    async def do_inline_mode(self, body: JSON) -> JSON:
        """Turn the bot's inline mode on or off (@BotFather's /setinline)."""
        self.state.inline_enabled = bool(body.get("enabled", True))
        return {"enabled": self.state.inline_enabled}

    async def do_inline_query(self, body: JSON) -> JSON:
        """A user types `@bot <query>` in some chat (or scrolls to the page at `offset`)."""
        user = self._user(body)
        if not self.state.inline_enabled:
            raise ControlError("the bot has no inline mode; enable it first (@BotFather /setinline)")
        query = str(body.get("query") or "")
        if len(query) > 256:
            raise ControlError("an inline query is at most 256 characters")
        record = self.state.inline_query(user, query, str(body.get("offset") or ""))
        return {"inline_query_id": record.id}

    async def do_inline_answer(self, body: JSON) -> JSON:
        """The bot's answer to an inline query; with `wait`, hold until it is given."""
        record = self.state.inline_queries.get(str(body.get("inline_query_id")))
        if record is None:
            raise ControlError(f"no inline query {body.get('inline_query_id')!r}")
        deadline = asyncio.get_running_loop().time() + min(float(body.get("wait") or 0), _MAX_WAIT)
        while not record.answered:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                break
            await self.state.wait_changed(remaining)
        results = [{k: v for k, v in r.items() if not k.startswith("_")} for r in record.results]
        return {
            "answered": record.answered,
            "seconds": round(record.answered_after, 3),
            "results": results,
            "next_offset": record.next_offset,
            "cache_time": record.cache_time,
            "is_personal": record.is_personal,
        }

    async def do_choose_inline(self, body: JSON) -> JSON:
        """The user picks result `result_id` of an answered inline query: its message is posted in `chat_id`."""
        user = self._user(body)
        record = self.state.inline_queries.get(str(body.get("inline_query_id")))
        if record is None or not record.answered or record.user is not user:
            raise ControlError(f"user {user.id} has no answered inline query {body.get('inline_query_id')!r}")
        result = next((r for r in record.results if r["id"] == str(body.get("result_id"))), None)
        if result is None or "_text" not in result:
            raise ControlError(f"the answer has no article result {body.get('result_id')!r}")
        chat = self._chat(body) if body.get("chat_id") is not None else self.state.private_chat(user)
        if chat.type != "private" and user.id not in chat.members:
            raise ControlError(f"user {user.id} is not a member of chat {chat.id}")
        msg = self.state.choose_inline(record, chat, result["_text"], result["_entities"])
        return msg.to_json(self.state.bot)

    async def do_callback_answer(self, body: JSON) -> JSON:
        record = self.state.callbacks.get(str(body.get("callback_query_id")))
        if record is None:
            raise ControlError(f"no callback query {body.get('callback_query_id')!r}")
        return {"answered": record.answered, **record.answer}

    # --- reading what the bot did ----------------------------------------------------------------

    async def do_transcript(self, body: JSON) -> JSON:
        """Messages of a chat from index `since`; with `wait`, hold until at least one is there."""
        chat = self._chat(body)
        since = max(0, int(body.get("since") or 0))
        incoming = bool(body.get("incoming"))
        deadline = asyncio.get_running_loop().time() + min(float(body.get("wait") or 0), _MAX_WAIT)
        while True:
            log = chat.log
            picked = [m for m in log[since:] if incoming or m.outgoing]
            remaining = deadline - asyncio.get_running_loop().time()
            if picked or remaining <= 0:
                break
            await self.state.wait_changed(remaining)
        bot = self.state.bot
        return {"messages": [m.to_transcript(bot) for m in picked], "next": len(log)}

    async def do_transcripts(self, body: JSON) -> JSON:
        """Every message the bot sent to each of chat_ids (no waiting), keyed by chat id."""
        ids = body.get("chat_ids")
        if not isinstance(ids, list) or len(ids) > _MAX_BULK:
            raise ControlError(f"'chat_ids' must be a list of at most {_MAX_BULK} chat ids")
        bot = self.state.bot
        out: JSON = {}
        for chat_id in ids:
            chat = self._chat({"chat_id": chat_id})
            out[str(chat.id)] = [m.to_transcript(bot) for m in chat.log if m.outgoing]
        return {"transcripts": out}

    async def do_counters(self, body: JSON) -> JSON:
        counters: JSON = dict(self.state.counters)
        counters.setdefault("rate_limited", 0)
        counters["pending_updates"] = len(self.state.updates)
        counters["in_flight"] = self.state.in_flight
        return counters

    async def do_commands(self, body: JSON) -> JSON:
        return {"commands": self.state.commands}

    async def do_bot(self, body: JSON) -> JSON:
        return self.state.bot.to_json()

    # --- steering --------------------------------------------------------------------------------

    async def do_reset(self, body: JSON) -> JSON:
        """Forget users, chats, messages, updates, counters, faults and flood state; keep limit settings."""
        self.state.reset()
        self.limiter.reset()
        self.faults.clear()
        return {}

    async def do_limits(self, body: JSON) -> JSON:
        try:
            self.limiter.config.update(body)
        except (TypeError, ValueError) as exc:
            raise ControlError(str(exc)) from None
        self.limiter.reset()
        return self.limiter.config.to_json()

    async def do_fault(self, body: JSON) -> JSON:
        """Set a chat-state fault (blocked, kicked, migrated) or add a transport fault rule."""
        kind = str(body.get("kind", ""))
        active = body.get("active", True)
        if kind == "blocked":
            chat = self._chat(body)
            if chat.user is None:
                raise ControlError(f"'blocked' needs a private chat; {chat.id} is a {chat.type}")
            chat.user.blocked_bot = bool(active)
            if body.get("announce"):
                self._member_update(chat, chat.user, "kicked" if active else "member")
            return chat.to_json()
        if kind == "kicked":
            chat = self._chat(body)
            if chat.type == "private":
                raise ControlError("'kicked' needs a group or channel; use 'blocked' for private chats")
            old_status = chat.bot_status
            chat.bot_status = "kicked" if active else "member"
            if body.get("announce"):
                self._member_update(chat, None, chat.bot_status, old_status)
            return chat.to_json()
        if kind == "migrated":
            try:
                return self.state.migrate(self._chat(body)).to_json()
            except ValueError as exc:
                raise ControlError(str(exc)) from None
        if kind not in TRANSPORT_FAULTS:
            known = ", ".join(("blocked", "kicked", "migrated", *TRANSPORT_FAULTS))
            raise ControlError(f"unknown fault kind {kind!r}; known: {known}")
        chat_id = body.get("chat_id")
        fault = Fault(
            kind=kind,
            chat_id=None if chat_id is None else int(chat_id),
            method=str(body["method"]).lower() if body.get("method") else None,
            times=None if body.get("times") is None else int(body["times"]),
            delay=float(body.get("delay") or 0.0),
            status=int(body.get("status") or 500),
            skip=int(body.get("skip") or 0),
        )
        try:
            self.faults.add(fault)
        except ValueError as exc:
            raise ControlError(str(exc)) from None
        return fault.to_json()

    def _member_update(self, chat: Chat, by: User | None, status: str, old: str | None = None) -> None:
        """The my_chat_member update Telegram sends when the bot is blocked, unblocked, kicked or re-added."""
        bot = self.state.bot.to_json()
        if old is None:
            old = "member" if status == "kicked" else "kicked"
        member: JSON = {"status": status, "user": bot}
        if status == "kicked":
            member["until_date"] = 0
        before: JSON = {"status": old, "user": bot}
        if old == "kicked":
            before["until_date"] = 0
        actor = by.to_json() if by is not None else bot
        payload = {
            "chat": chat.to_json(),
            "from": actor,
            "date": self.state.now(),
            "old_chat_member": before,
            "new_chat_member": member,
        }
        self.state.push_update("my_chat_member", payload)

    async def do_clear_faults(self, body: JSON) -> JSON:
        self.faults.clear()
        return {}
