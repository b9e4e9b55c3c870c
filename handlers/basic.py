"""/start (with deep links), /help, /lang, /stop, unknown commands, and the error handler."""

from __future__ import annotations

import logging

from telegram import Update

from bot.delivery.transport import flood_seconds
from bot.i18n import t
from handlers.common import (
    Context,
    is_bot_admin,
    lang_of,
    may_change_chat,
    say,
    send,
)
from handlers.subs import subscribe_by_name

__all__ = ["cmd_help", "cmd_lang", "cmd_start", "cmd_stop", "cmd_unknown", "on_error"]

log = logging.getLogger(__name__)


async def cmd_start(update: Update, context: Context) -> None:
    """Greet the user; a `sub_<source>` deep-link payload subscribes in one tap."""
    payload = context.args[0] if context.args else ""
    if payload.startswith("sub_") and await may_change_chat(update, context):
        await subscribe_by_name(update, context, payload.removeprefix("sub_"))
        return
    lang = await lang_of(update, context)
    text = t("start.hello", lang) + "\n\n" + t("help", lang)
    await send(update, context, text)


async def cmd_help(update: Update, context: Context) -> None:
    """List the commands (admins also see theirs)."""
    lang = await lang_of(update, context)
    text = t("help", lang)
    if is_bot_admin(update, context):
        text += "\n" + t("help.admin", lang)
    await send(update, context, text)


async def cmd_lang(update: Update, context: Context) -> None:
    """Set the chat's language: /lang zh|en."""
    choice = (context.args or [""])[0].lower()
    if choice not in ("zh", "en"):
        await say(update, context, "lang.usage")
        return
    if not await may_change_chat(update, context):
        return
    chat = update.effective_chat
    assert chat is not None
    await context.services.store.set_chat_language(chat.id, choice)
    context.chat_changed(chat.id)  # the reply is in the new language
    await say(update, context, "lang.set")


async def cmd_stop(update: Update, context: Context) -> None:
    """Unsubscribe from everything and forget the chat (privacy)."""
    chat = update.effective_chat
    if chat is None or not await may_change_chat(update, context):
        return
    lang = await lang_of(update, context)  # read before the chat's record is gone
    await context.services.store.delete_chat(chat.id)
    context.chat_changed(chat.id)
    await send(update, context, t("stop.done", lang))


async def cmd_unknown(update: Update, context: Context) -> None:
    """Answer an unknown command with a pointer to /help."""
    await say(update, context, "unknown")


async def on_error(update: object, context: Context) -> None:
    """Log the error with its traceback first, then tell the user something went wrong."""
    if context.error is not None and flood_seconds(context.error) is not None:
        # Flood control that outlasted the governor's bound: one line, and no error text that
        # would only meet the same flood control.
        log.warning("flood control while handling an update: %s", context.error)
        return
    log.error("error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await say(update, context, "error.internal")
        except Exception:  # the chat may be the problem (blocked, gone): the log has the story
            log.warning("could not tell chat %s about the error", update.effective_chat.id)
