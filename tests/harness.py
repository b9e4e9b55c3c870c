"""End-to-end harness: a real PTB Application polling the Bot API emulator over HTTP on loopback.

async with BotHarness(emulator, build) as h:      # build(builder) -> Application, or an Application
    alice = await h.user("Alice")
    await h.say(alice, "/start")
    msg = await h.reply(alice)                    # the next message the bot sent to that chat
    await h.press(alice, msg, "Subscribe")        # by button text or callback_data
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable, Mapping
from contextlib import AbstractAsyncContextManager
from types import TracebackType
from typing import Any

from telegram.ext import Application, ApplicationBuilder, ContextTypes

from bot.emulator import EmulatorClient, EmulatorServer
from bot.emulator.client import ChatRef, UserRef
from bot.runner import polling

__all__ = ["TEST_TOKEN", "AppSource", "BotHarness", "ReplyTimeout", "application_builder"]

JSON = dict[str, Any]
AnyApplication = Application[Any, Any, Any, Any, Any, Any]
# An Application already pointed at the emulator, or a callable that finishes the preset builder.
AppSource = AnyApplication | Callable[[ApplicationBuilder[Any, Any, Any, Any, Any, Any]], AnyApplication]

TEST_TOKEN = "123456:TEST-token-for-the-local-emulator"


class ReplyTimeout(AssertionError):
    """The bot did not send the expected message in time; the message lists any handler errors."""


def application_builder(
    server: EmulatorServer, token: str = TEST_TOKEN
) -> ApplicationBuilder[Any, Any, Any, Any, Any, Any]:
    """Application.builder() with the token, base_url and base_file_url of the emulator set."""
    return Application.builder().token(token).base_url(server.base_url).base_file_url(server.base_file_url)


def _chat_id(chat: ChatRef) -> int | str:
    if isinstance(chat, Mapping):
        return chat["id"]  # type: ignore[no-any-return]
    return chat


class BotHarness:
    """Starts the Application polling the emulator, injects user actions, and awaits the bot's replies.

    Handler exceptions are recorded (see `errors`); unless raise_errors=False, the first one is
    re-raised when the block exits, so a test never passes over a crashed handler.
    """

    def __init__(
        self,
        server: EmulatorServer,
        app: AppSource,
        *,
        poll_timeout: int = 1,
        raise_errors: bool = True,
    ) -> None:
        self.server = server
        self.emu = EmulatorClient(server.url)
        self.app: AnyApplication = app if isinstance(app, Application) else app(application_builder(server))
        # A short long-poll keeps shutdown quick; PTB also aborts the poll when stopping.
        self.poll_timeout = poll_timeout
        self.raise_errors = raise_errors
        self.errors: list[BaseException] = []
        self._running: AbstractAsyncContextManager[None] = polling(self.app, poll_timeout=poll_timeout)
        self._cursor: dict[int | str, int] = {}
        self._unread: dict[int | str, deque[JSON]] = {}

    async def _record_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        if context.error is not None:
            self.errors.append(context.error)

    async def __aenter__(self) -> BotHarness:
        self.app.add_error_handler(self._record_error)
        try:
            await self._running.__aenter__()
        except BaseException:
            await self.emu.aclose()
            raise
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self._stop()
        if exc_type is None and self.raise_errors and self.errors:
            raise self.errors[0]

    async def _stop(self) -> None:
        try:
            await self._running.__aexit__(None, None, None)
        finally:
            await self.emu.aclose()

    # --- user side -------------------------------------------------------------------------------

    async def user(self, first_name: str = "User", username: str | None = None) -> JSON:
        """A new user who has started a private chat with the bot (chat id == user id)."""
        user = await self.emu.create_user(first_name, username)
        await self.emu.create_private_chat(user)
        return user

    async def say(self, user: UserRef, text: str, chat: ChatRef | None = None) -> JSON:
        """The user sends text (e.g. "/add https://x.gov.cn") in chat, default their private chat."""
        return await self.emu.send_text(user, text, chat)

    async def press(self, user: UserRef, message: Mapping[str, Any], button: str) -> str:
        """The user presses an inline button (by text or callback_data); returns the callback query id."""
        return await self.emu.press(user, message, button)

    # --- bot side --------------------------------------------------------------------------------

    # timeout is the emulator's server-side wait, not a cancel scope, so ASYNC109 does not apply.
    async def reply(self, chat: ChatRef, timeout: float = 5.0) -> JSON:  # noqa: ASYNC109
        """The next message the bot sent to chat that this harness has not returned yet."""
        key = _chat_id(chat)
        unread = self._unread.setdefault(key, deque())
        if not unread:
            messages, nxt = await self.emu.transcript_page(chat, since=self._cursor.get(key, 0), wait=timeout)
            self._cursor[key] = nxt
            unread.extend(messages)
        if not unread:
            errors = f"; handler errors: {self.errors!r}" if self.errors else ""
            raise ReplyTimeout(f"the bot sent nothing to chat {key} within {timeout}s{errors}")
        return unread.popleft()

    async def replies(self, chat: ChatRef, n: int, timeout: float = 5.0) -> list[JSON]:  # noqa: ASYNC109
        """The next n messages the bot sent to chat, each waited for up to timeout seconds."""
        return [await self.reply(chat, timeout) for _ in range(n)]

    async def wait_for(
        self,
        chat: ChatRef,
        predicate: Callable[[JSON], bool],
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> JSON:
        """The first message in chat's transcript (bot's and users') matching predicate, e.g. an edit."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            for message in await self.emu.transcript(chat, incoming=True):
                if predicate(message):
                    return message
            if loop.time() >= deadline:
                raise ReplyTimeout(f"no matching message in chat {_chat_id(chat)} within {timeout}s")
            await asyncio.sleep(0.02)  # edits add no message to wait on, so poll; tests only

    async def no_reply(self, chat: ChatRef, within: float = 0.3) -> None:
        """Assert the bot sends nothing more to chat within `within` seconds."""
        try:
            extra = await self.reply(chat, within)
        except ReplyTimeout:
            return
        raise AssertionError(f"unexpected message to chat {_chat_id(chat)}: {extra.get('text')!r}")
