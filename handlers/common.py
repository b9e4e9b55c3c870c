"""What every handler shares: the services, the chat's language, replies, and permission checks."""

from __future__ import annotations

import asyncio
import html
import logging
from typing import cast

from telegram import Chat, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatMemberStatus, ParseMode
from telegram.error import RetryAfter, TelegramError
from telegram.ext import ContextTypes

import handlers.texts  # noqa: F401  (registers the strings)
from bot.delivery.transport import retry_seconds
from bot.i18n import Language, language_of, t
from bot.models import ChatType, Source
from bot.services import Services

__all__ = [
    "Context",
    "attr",
    "esc",
    "find_source",
    "is_bot_admin",
    "is_chat_admin",
    "lang_of",
    "remember_chat",
    "send",
    "services",
]

log = logging.getLogger(__name__)
Context = ContextTypes.DEFAULT_TYPE
_MAX_REPLY_WAIT = 10.0  # seconds a reply may wait for Telegram's flood control
_ADMIN_STATES = {ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR}


def services(context: Context) -> Services:
    """The running bot's services (put in bot_data by bot.app at start-up)."""
    return cast(Services, context.application.bot_data["services"])


def esc(value: object) -> str:
    """HTML-escape a dynamic value for Telegram's HTML parse mode."""
    return html.escape(str(value), quote=False)


def attr(value: object) -> str:
    """HTML-escape a value for an attribute (href="..."), quotes included."""
    return html.escape(str(value), quote=True)


async def remember_chat(update: Update, context: Context) -> None:
    """Store or refresh the chat this update came from (new chats default to the user's language)."""
    chat = update.effective_chat
    if chat is None:
        return
    store = services(context).store
    known = await store.get_chat(chat.id)
    if known is None or not known.active or known.title != (chat.title or chat.full_name or ""):
        user = update.effective_user
        language = None
        if known is None and user is not None and user.language_code:
            language = language_of(user.language_code, services(context).config.telegram.default_language)  # type: ignore[arg-type]
        await store.upsert_chat(
            chat.id, cast(ChatType, chat.type), chat.title or chat.full_name or "", language=language
        )


async def lang_of(update: Update, context: Context) -> Language:
    """The chat's chosen language, else the user's Telegram language, else the configured default."""
    default = cast(Language, services(context).config.telegram.default_language)
    chat = update.effective_chat
    if chat is not None:
        record = await services(context).store.get_chat(chat.id)
        if record is not None and record.language:
            return language_of(record.language, default)
    user = update.effective_user
    return language_of(user.language_code if user else None, default)


async def send(
    update: Update,
    context: Context,
    text_html: str,
    *,
    keyboard: InlineKeyboardMarkup | None = None,
    edit: bool = False,
) -> Message | None:
    """Reply in the update's chat (or edit the pressed message), HTML, no link previews.

    Replies are sent directly, never through the broadcast queue, so a user never waits behind a broadcast.
    """
    chat = update.effective_chat
    if chat is None:
        return None
    if edit and update.callback_query is not None and update.callback_query.message is not None:
        try:
            edited = await update.callback_query.edit_message_text(
                text_html, parse_mode=ParseMode.HTML, reply_markup=keyboard, disable_web_page_preview=True
            )
            return edited if isinstance(edited, Message) else None
        except TelegramError as exc:
            if "not modified" in str(exc).lower():
                return None
            raise
    sender = services(context).sender
    if sender is not None:
        sender.note_reply(chat.id, chat.type != Chat.PRIVATE)
    for attempt in range(2):
        try:
            return await context.bot.send_message(
                chat.id,
                text_html,
                parse_mode=ParseMode.HTML,
                reply_markup=keyboard,
                disable_web_page_preview=True,
            )
        except RetryAfter as exc:
            # A user typing faster than Telegram lets us answer: wait as asked (briefly), then answer once more.
            wait = retry_seconds(exc)
            if attempt or wait > _MAX_REPLY_WAIT:
                raise
            await asyncio.sleep(wait + 0.1)
    return None


async def say(update: Update, context: Context, key: str, **values: object) -> Message | None:
    """Reply with a catalogue string in the chat's language; values are escaped."""
    lang = await lang_of(update, context)
    return await send(update, context, t(key, lang, **{k: esc(v) for k, v in values.items()}))


async def find_source(update: Update, context: Context, name: str) -> Source | None:
    """The source with this name; when there is none, tell the user which names exist."""
    store = services(context).store
    source = await store.get_source(name)
    if source is None:
        names = ", ".join(s.name for s in await store.list_sources()) or "-"
        await say(update, context, "sources.unknown", name=name[:64], names=names)
    return source


def is_bot_admin(update: Update, context: Context) -> bool:
    """Whether the user is one of the bot's administrators (config telegram.admins)."""
    user = update.effective_user
    return user is not None and user.id in services(context).config.telegram.admins


async def is_chat_admin(context: Context, chat_id: int | str, user_id: int) -> bool:
    """Whether the user administers the chat (getChatMember); False when Telegram cannot say."""
    try:
        member = await context.bot.get_chat_member(chat_id, user_id)
    except TelegramError as exc:
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
