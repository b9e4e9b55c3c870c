"""The seam between the sender and Telegram: a Messenger sends one text, PTB's errors become ours.

The sender only sees these exceptions, each naming the reaction telegram.md prescribes:

DeliveryError
 +-- RateLimited      429: pause everything for retry_after, then resend the same message
 +-- ChatGone         403 Forbidden, 400 "chat not found": deactivate the chat, skip its deliveries
 +-- ChatMoved        group became a supergroup: move the chat to new_chat_id, resend
 +-- Unparseable      400 "can't parse entities": resend as plain text, log it
 +-- MaybeDelivered   timed out: it may have arrived; resend at most once
 +-- Transient        network error or 5xx: back off with jitter, up to max_attempts
 +-- Rejected         any other 400: retrying cannot help; the delivery fails with the error
 +-- Fatal            bad token, conflict: nothing can be sent; pause and keep everything pending

PTB (telegram) is imported here and nowhere else in bot.delivery.
"""

from __future__ import annotations

import warnings
from datetime import timedelta
from typing import Protocol

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.request import HTTPXRequest
from telegram.warnings import PTBDeprecationWarning

from bot.errors import NoticebotError

__all__ = [
    "Buttons",
    "ChatGone",
    "ChatMoved",
    "DeliveryError",
    "Fatal",
    "MaybeDelivered",
    "Messenger",
    "PTBMessenger",
    "RateLimited",
    "Rejected",
    "Transient",
    "Unparseable",
    "file_url_for",
    "flood_seconds",
    "retry_seconds",
]


# Inline buttons of a message: rows of (label, callback_data); () = none.
Buttons = tuple[tuple[tuple[str, str], ...], ...]


class DeliveryError(NoticebotError):
    """Sending one message failed; the subclass says what the sender should do about it."""


class RateLimited(DeliveryError):
    def __init__(self, retry_after: float) -> None:
        super().__init__(f"Too Many Requests: retry after {retry_after:g}")
        self.retry_after = retry_after


class ChatGone(DeliveryError):
    """The bot may not write to this chat any more (blocked, kicked, deleted)."""


class ChatMoved(DeliveryError):
    def __init__(self, new_chat_id: int) -> None:
        super().__init__(f"group migrated to supergroup {new_chat_id}")
        self.new_chat_id = new_chat_id


class Unparseable(DeliveryError):
    """Telegram could not parse the HTML (a rendering bug: every value should be escaped)."""


class MaybeDelivered(DeliveryError):
    """No answer in time; Telegram may have delivered the message anyway."""


class Transient(DeliveryError):
    """A network error or a 5xx: worth retrying later."""


class Rejected(DeliveryError):
    """Telegram refused this message for good (a 400 other than the ones above)."""


class Fatal(DeliveryError):
    """Nothing can be sent (invalid token, conflict): an operator must act."""


class Messenger(Protocol):
    """Sends one text message and returns its message_id, or raises a DeliveryError."""

    async def initialize(self) -> None:
        """Open connections (idempotent)."""

    async def shutdown(self) -> None:
        """Close connections this messenger opened."""

    async def send(
        self, chat_id: int, text: str, *, html: bool, link_preview: bool, paid: bool, buttons: Buttons = ()
    ) -> int:
        """Send text to chat_id; html selects parse_mode HTML, paid sets allow_paid_broadcast."""
        ...


def retry_seconds(exc: RetryAfter) -> float:
    """The seconds a RetryAfter asks us to wait, whichever type PTB gives retry_after."""
    # PTB 22 warns on .retry_after unless PTB_TIMEDELTA is set; the value is right either way.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def flood_seconds(exc: BaseException) -> float | None:
    """How long Telegram's flood control asks us to wait, if exc is one (PTB's RetryAfter or ours)."""
    if isinstance(exc, RateLimited):
        return exc.retry_after
    if isinstance(exc, RetryAfter):
        return retry_seconds(exc)
    return None


def translate(exc: TelegramError) -> DeliveryError:
    """Map a PTB exception to the reaction it calls for (subclasses first: TimedOut is a NetworkError)."""
    message = exc.message
    lowered = message.lower()
    if isinstance(exc, RetryAfter):
        return RateLimited(retry_seconds(exc))
    if isinstance(exc, ChatMigrated):
        return ChatMoved(exc.new_chat_id)
    if isinstance(exc, Forbidden):
        return ChatGone(message)
    if isinstance(exc, TimedOut):
        return MaybeDelivered(message)
    if isinstance(exc, BadRequest):
        if "chat not found" in lowered or "user not found" in lowered or "chat_id is empty" in lowered:
            return ChatGone(message)
        if "can't parse entities" in lowered or "can't find end" in lowered:
            return Unparseable(message)
        return Rejected(message)
    if isinstance(exc, NetworkError):
        return Transient(message)
    return Fatal(f"{type(exc).__name__}: {message}")


def file_url_for(base_url: str) -> str:
    """The file endpoint beside a Bot API base URL (…/bot -> …/file/bot)."""
    head, sep, _ = base_url.rstrip("/").rpartition("/bot")
    return f"{head}/file/bot" if sep else base_url


class PTBMessenger:
    """A Messenger over python-telegram-bot's Bot.send_message, without AIORateLimiter (we pace).

    Give it a Bot of its own (see dedicated()) so broadcast requests hold their own connection pool
    and a command reply on the application's Bot never waits behind them.
    """

    def __init__(self, bot: Bot, *, owns_bot: bool = False) -> None:
        self.bot = bot
        self._owns_bot = owns_bot

    @classmethod
    def dedicated(
        cls,
        token: str,
        *,
        base_url: str | None = None,
        base_file_url: str | None = None,
        pool_size: int = 32,
        read_timeout: float = 10.0,
        trust_env: bool = True,
    ) -> PTBMessenger:
        """A messenger with its own Bot and HTTP pool (pool_size >= the sender's concurrency)."""
        request = HTTPXRequest(
            connection_pool_size=pool_size,
            read_timeout=read_timeout,
            pool_timeout=read_timeout,
            httpx_kwargs={"trust_env": trust_env},
        )
        bot = Bot(
            token,
            base_url=base_url or "https://api.telegram.org/bot",
            base_file_url=base_file_url or "https://api.telegram.org/file/bot",
            request=request,
        )
        return cls(bot, owns_bot=True)

    async def initialize(self) -> None:
        await self.bot.initialize()

    async def shutdown(self) -> None:
        if self._owns_bot:
            await self.bot.shutdown()

    async def send(
        self, chat_id: int, text: str, *, html: bool, link_preview: bool, paid: bool, buttons: Buttons = ()
    ) -> int:
        markup = (
            InlineKeyboardMarkup(
                [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in buttons]
            )
            if buttons
            else None
        )
        try:
            message = await self.bot.send_message(
                chat_id,
                text,
                parse_mode="HTML" if html else None,
                link_preview_options=LinkPreviewOptions(is_disabled=not link_preview),
                allow_paid_broadcast=True if paid else None,
                reply_markup=markup,
            )
        except TelegramError as exc:
            raise translate(exc) from exc
        return message.message_id
