"""An async client for the emulator's control API, used by the tests, the harness and the demo."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import TracebackType
from typing import Any

import httpx

__all__ = ["ChatRef", "EmulatorClient", "EmulatorError", "UserRef"]

JSON = dict[str, Any]
UserRef = int | Mapping[str, Any]  # a user id or the user object create_user returned
ChatRef = int | str | Mapping[str, Any]  # a chat id, "@channelname", or a chat object


class EmulatorError(Exception):
    """The control API refused a request; the message is the emulator's explanation."""


def _id(ref: UserRef | ChatRef) -> int | str:
    if isinstance(ref, Mapping):
        return ref["id"]  # type: ignore[no-any-return]
    return ref


class EmulatorClient:
    """Drives an emulator at `url` (http://127.0.0.1:PORT, with or without /_emu)."""

    def __init__(self, url: str, *, timeout: float = 30.0, client: httpx.AsyncClient | None = None) -> None:
        self.url = url.rstrip("/").removesuffix("/_emu")
        # trust_env=False: a proxy from the environment must never see loopback test traffic.
        self._client = client or httpx.AsyncClient(timeout=timeout, trust_env=False)

    async def aclose(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> EmulatorClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def call(self, action: str, **body: Any) -> Any:
        """POST /_emu/<action> with a JSON body; return its result or raise EmulatorError."""
        payload = {k: v for k, v in body.items() if v is not None}
        wait = float(payload.get("wait") or 0)
        # The long-poll wait of transcript() must not trip the client's own read timeout.
        timeout = httpx.Timeout(wait + 10.0) if wait else httpx.USE_CLIENT_DEFAULT
        response = await self._client.post(f"{self.url}/_emu/{action}", json=payload, timeout=timeout)
        try:
            data = response.json()
        except ValueError:
            raise EmulatorError(f"{action}: HTTP {response.status_code} {response.text[:200]!r}") from None
        if not data.get("ok"):
            raise EmulatorError(f"{action}: {data.get('error', response.text)}")
        return data["result"]

    # --- building the world ----------------------------------------------------------------------

    async def create_user(
        self,
        first_name: str = "User",
        username: str | None = None,
        *,
        last_name: str | None = None,
        language_code: str | None = None,
    ) -> JSON:
        return await self.call(  # type: ignore[no-any-return]
            "user", first_name=first_name, username=username, last_name=last_name, language_code=language_code
        )

    async def create_private_chat(self, user: UserRef) -> JSON:
        """The user's private chat with the bot, as if the user had pressed Start."""
        return await self.call("private_chat", user_id=_id(user))  # type: ignore[no-any-return]

    async def create_private_chats(self, count: int, first_name: str = "User") -> list[int]:
        """count new users (first_name0, first_name1, ...) who pressed Start, in one request; their chat ids."""
        result = await self.call("private_chats", count=count, first_name=first_name)
        return [int(i) for i in result["chat_ids"]]

    async def create_group(
        self,
        title: str = "Group",
        *,
        members: Iterable[UserRef] = (),
        admins: Iterable[UserRef] = (),
        supergroup: bool = False,
        username: str | None = None,
        bot_admin: bool = False,
    ) -> JSON:
        """A group with the bot in it; the first admin is the creator. Admins need not be listed in members."""
        return await self.call(  # type: ignore[no-any-return]
            "group",
            title=title,
            members=[_id(u) for u in members],
            admins=[_id(u) for u in admins],
            supergroup=supergroup,
            username=username,
            bot_admin=bot_admin,
        )

    async def create_channel(
        self, title: str = "Channel", *, admins: Iterable[UserRef] = (), username: str | None = None
    ) -> JSON:
        """A channel where the bot is an administrator (so it may post)."""
        return await self.call(  # type: ignore[no-any-return]
            "channel", title=title, admins=[_id(u) for u in admins], username=username
        )

    # --- user actions ----------------------------------------------------------------------------

    async def send_text(self, user: UserRef, text: str, chat: ChatRef | None = None) -> JSON:
        """The user writes text in chat (default: their private chat); returns the Message object."""
        chat_id = None if chat is None else _id(chat)
        return await self.call("message", user_id=_id(user), chat_id=chat_id, text=text)  # type: ignore[no-any-return]

    async def command(self, user: UserRef, command: str, args: str = "", chat: ChatRef | None = None) -> JSON:
        """The user sends /command args; command may be given with or without the slash."""
        text = "/" + command.lstrip("/") + (f" {args}" if args else "")
        return await self.send_text(user, text, chat)

    async def press(self, user: UserRef, message: Mapping[str, Any], button: str) -> str:
        """The user presses the inline button with this text or callback_data; returns the query id."""
        result = await self.call(
            "press",
            user_id=_id(user),
            chat_id=message["chat"]["id"],
            message_id=message["message_id"],
            button=button,
        )
        return str(result["callback_query_id"])

    async def press_data(self, user: UserRef, message: Mapping[str, Any], data: str) -> str:
        """A forged press: callback_data of the user's choosing on a message with buttons (a modified
        client can send any); returns the query id."""
        result = await self.call(
            "press",
            user_id=_id(user),
            chat_id=message["chat"]["id"],
            message_id=message["message_id"],
            data=data,
        )
        return str(result["callback_query_id"])

    async def set_inline_mode(self, enabled: bool) -> JSON:
        """Turn the bot's inline mode on or off (as @BotFather's /setinline does)."""
        return await self.call("inline_mode", enabled=enabled)  # type: ignore[no-any-return]

    async def inline_query(self, user: UserRef, query: str, offset: str = "") -> str:
        """The user types `@bot query` (offset: a later page); returns the inline query id."""
        data = await self.call("inline_query", user_id=_id(user), query=query, offset=offset)
        return str(data["inline_query_id"])

    async def inline_answer(self, query_id: str, wait: float = 5.0) -> JSON:
        """The bot's answer (results, next_offset, seconds it took), waiting up to `wait` seconds for it."""
        return await self.call("inline_answer", inline_query_id=query_id, wait=wait)  # type: ignore[no-any-return]

    async def choose_inline(
        self, user: UserRef, query_id: str, result_id: str, chat: ChatRef | None = None
    ) -> JSON:
        """The user picks a result: its message is posted (via the bot) in chat, default their private chat."""
        body: dict[str, Any] = {"user_id": _id(user), "inline_query_id": query_id, "result_id": result_id}
        if chat is not None:
            body["chat_id"] = _id(chat)
        return await self.call("choose_inline", **body)  # type: ignore[no-any-return]

    async def callback_answer(self, query_id: str) -> JSON:
        """{"answered": bool, "text", "show_alert", "url"} for a pressed button."""
        return await self.call("callback_answer", callback_query_id=query_id)  # type: ignore[no-any-return]

    # --- reading what the bot did ----------------------------------------------------------------

    async def transcript_page(
        self, chat: ChatRef, *, since: int = 0, incoming: bool = False, wait: float = 0.0
    ) -> tuple[list[JSON], int]:
        """Messages from log index `since` (the bot's only unless incoming) and the next index to ask for."""
        result = await self.call(
            "transcript", chat_id=_id(chat), since=since, incoming=incoming or None, wait=wait or None
        )
        return result["messages"], int(result["next"])

    async def transcript(self, chat: ChatRef, *, incoming: bool = False) -> list[JSON]:
        """Every message the bot sent to chat (and the users' too if incoming), oldest first."""
        messages, _ = await self.transcript_page(chat, incoming=incoming)
        return messages

    async def transcripts(self, chats: Sequence[ChatRef]) -> dict[int, list[JSON]]:
        """Every message the bot sent to each chat, in one request, keyed by chat id."""
        result = await self.call("transcripts", chat_ids=[_id(c) for c in chats])
        return {int(k): v for k, v in result["transcripts"].items()}

    async def counters(self) -> dict[str, int]:
        """requests, messages, edits, deletes, rate_limited (429s sent), errors, status_<code>, method_<name>."""
        return await self.call("counters")  # type: ignore[no-any-return]

    async def commands(self) -> JSON:
        """The command lists set with setMyCommands, keyed by scope JSON and language."""
        result = await self.call("commands")
        return result["commands"]  # type: ignore[no-any-return]

    async def bot(self) -> JSON:
        return await self.call("bot")  # type: ignore[no-any-return]

    # --- steering --------------------------------------------------------------------------------

    async def reset(self) -> None:
        await self.call("reset")

    async def set_fault(
        self,
        kind: str,
        chat: ChatRef | None = None,
        *,
        method: str | None = None,
        times: int | None = None,
        delay: float | None = None,
        status: int | None = None,
        skip: int = 0,
        active: bool = True,
        announce: bool = False,
    ) -> JSON:
        """Chat faults: blocked, kicked, migrated (returns the new supergroup); transport faults for
        matching requests: server_error (status), slow (delay seconds), drop; times=None means until cleared;
        skip=N lets the first N matching requests through (fail the second chunk of a long digest).
        announce=True: a blocked/kicked change also sends the bot its my_chat_member update."""
        return await self.call(  # type: ignore[no-any-return]
            "fault",
            announce=announce,
            kind=kind,
            chat_id=None if chat is None else _id(chat),
            method=method,
            times=times,
            delay=delay,
            status=status,
            skip=skip,
            active=active,
        )

    async def clear_faults(self) -> None:
        await self.call("clear_faults")

    async def set_limits(self, **values: float | bool | str) -> JSON:
        """Change flood limits (enabled, per_chat_rate, per_chat_burst, group_per_minute, group_burst,
        global_rate, global_burst, model "bucket"|"window", hidden_rate); returns the whole configuration."""
        return await self.call("limits", **values)  # type: ignore[no-any-return]
