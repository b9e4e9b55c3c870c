"""What every handler shares: the services, the chat's language, replies, and permission checks."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram import Chat, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatMemberStatus, ParseMode
from telegram.error import TelegramError

import handlers.texts  # noqa: F401  (registers the strings)
from bot.delivery.governor import FloodWaitExpired, Priority
from bot.i18n import Language, language_of, t
from bot.models import ChatType, Source
from handlers.context import BotContext

__all__ = [
    "Context",
    "answer",
    "attr",
    "esc",
    "find_source",
    "governed",
    "is_bot_admin",
    "is_chat_admin",
    "lang_of",
    "number",
    "remember_chat",
    "send",
]

log = logging.getLogger(__name__)
T = TypeVar("T")
Context = BotContext
_ADMIN_STATES = {ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR}
_CHAT_TYPES: dict[str, ChatType] = {
    "private": "private",
    "group": "group",
    "supergroup": "supergroup",
    "channel": "channel",
}


_NUMBER = re.compile(r"[0-9]{1,12}")


def number(text: str) -> int | None:
    """A non-negative integer written in ASCII digits (at most 12), else None.

    str.isdigit() also accepts '²' or '٣', which int() refuses or reads: user input and callback data
    (which a client can forge) are parsed by this instead.
    """
    return int(text) if _NUMBER.fullmatch(text) else None


def esc(value: object) -> str:
    """HTML-escape a dynamic value for Telegram's HTML parse mode."""
    return html.escape(str(value), quote=False)


def attr(value: object) -> str:
    """HTML-escape a value for an attribute (href="..."), quotes included."""
    return html.escape(str(value), quote=True)


async def remember_chat(update: Update, context: Context) -> None:
    """Store or refresh the chat this update came from (new chats default to the user's language); a
    chat that had blocked the bot and writes again is active again. Run for every update by
    handlers.chats at group -1, so no command can forget it."""
    chat = update.effective_chat
    if chat is None or chat.type not in _CHAT_TYPES:
        return
    svc = context.services
    known = await context.stored_chat(chat.id)
    if known is None or not known.active or known.title != (chat.title or chat.full_name or ""):
        user = update.effective_user
        language = None
        if known is None and user is not None and user.language_code:
            language = language_of(user.language_code, _language(svc.config.telegram.default_language))
        record = await svc.store.upsert_chat(
            chat.id, _CHAT_TYPES[chat.type], chat.title or chat.full_name or "", language=language
        )
        context.chat_changed(chat.id, record)  # what the rest of this update reads: no second query
        if known is not None and not known.active and svc.sender is not None:
            svc.sender.wake(periodic=True)  # it came back: its catch-up (queued by upsert_chat) goes now


def _language(value: str) -> Language:
    return "en" if value == "en" else "zh"


async def lang_of(update: Update, context: Context) -> Language:
    """The chat's chosen language, else the user's Telegram language, else the configured default."""
    default = _language(context.services.config.telegram.default_language)
    chat = update.effective_chat
    if chat is not None:
        record = await context.stored_chat(chat.id)
        if record is not None and record.language:
            return language_of(record.language, default)
    user = update.effective_user
    return language_of(user.language_code if user else None, default)


async def governed(context: Context, chat: Chat, make: Callable[[], Awaitable[T]]) -> T | None:
    """Make one message-sending call to chat through the governor at reply priority.

    Flood control is ridden out (the same call is made again); a reply that waited reply_wait seconds
    in all is given up with one log line and None, never an error shown to the user.
    """
    svc = context.services
    wait = svc.config.delivery.reply_wait
    try:
        return await svc.governor.call(chat.id, chat.type != Chat.PRIVATE, Priority.REPLY, make, within=wait)
    except FloodWaitExpired:
        log.warning("reply to chat %s given up after %gs of flood control", chat.id, wait)
        return None


async def send(
    update: Update,
    context: Context,
    text_html: str,
    *,
    keyboard: InlineKeyboardMarkup | None = None,
    edit: bool = False,
) -> Message | None:
    """Reply in the update's chat (or edit the pressed message), HTML, no link previews.

    Both go through the governor at reply priority: ahead of every broadcast, within the limits.
    """
    chat = update.effective_chat
    if chat is None:
        return None
    query = update.callback_query
    if edit and query is not None and query.message is not None:
        try:
            edited = await governed(
                context,
                chat,
                lambda: query.edit_message_text(
                    text_html, parse_mode=ParseMode.HTML, reply_markup=keyboard, disable_web_page_preview=True
                ),
            )
        except TelegramError as exc:
            if "not modified" in str(exc).lower():
                return None
            raise
        return edited if isinstance(edited, Message) else None
    return await governed(
        context,
        chat,
        lambda: context.bot.send_message(
            chat.id,
            text_html,
            parse_mode=ParseMode.HTML,
            reply_markup=keyboard,
            disable_web_page_preview=True,
        ),
    )


async def answer(update: Update, context: Context, text: str | None = None) -> None:
    """Answer the pressed button (stops its spinner); not a message, but it rides out flood control too."""
    query = update.callback_query
    if query is None:
        return
    try:
        await context.services.governor.unmetered(
            lambda: query.answer(text), within=context.services.config.delivery.reply_wait
        )
    except FloodWaitExpired:
        log.warning(
            "callback answer in chat %s given up after flood control", query.message and query.message.chat.id
        )
    except TelegramError as exc:  # too old, or answered already: the button still works
        log.info("answerCallbackQuery failed: %s", exc)


async def say(update: Update, context: Context, key: str, **values: object) -> Message | None:
    """Reply with a catalogue string in the chat's language; values are escaped."""
    lang = await lang_of(update, context)
    return await send(update, context, t(key, lang, **{k: esc(v) for k, v in values.items()}))


async def find_source(update: Update, context: Context, name: str) -> Source | None:
    """The source with this name; when there is none, tell the user which names exist."""
    store = context.services.store
    source = await store.get_source(name)
    if source is None:
        names = ", ".join(s.name for s in await store.list_sources()) or "-"
        await say(update, context, "sources.unknown", name=name[:64], names=names)
    return source


def is_bot_admin(update: Update, context: Context) -> bool:
    """Whether the user is one of the bot's administrators (config telegram.admins)."""
    user = update.effective_user
    return user is not None and user.id in context.services.config.telegram.admins


async def is_chat_admin(context: Context, chat_id: int | str, user_id: int) -> bool:
    """Whether the user administers the chat (getChatMember); False when Telegram cannot say."""
    try:
        member = await context.services.governor.unmetered(
            lambda: context.bot.get_chat_member(chat_id, user_id),
            within=context.services.config.delivery.reply_wait,
        )
    except (TelegramError, FloodWaitExpired) as exc:
        log.info("getChatMember(%s, %s) failed: %s", chat_id, user_id, exc)
        return False
    return member.status in _ADMIN_STATES


async def may_change_chat(update: Update, context: Context) -> bool:
    """Private chats: always. Groups: only their admins (and the bot's admins). Tells the user when not."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return False
    if chat.type == Chat.PRIVATE or is_bot_admin(update, context):
        return True
    if await is_chat_admin(context, chat.id, user.id):
        return True
    await say(update, context, "not_admin.group")
    return False
