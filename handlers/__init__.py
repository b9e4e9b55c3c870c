"""Telegram adapters: parse a command, call the core, reply. No SQL, no feed parsing. `register` wires them."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from handlers import admin, basic, chats, inline, notices, reminders, subs
from handlers.context import CONTEXT_TYPES, BotContext

__all__ = ["COMMANDS", "CONTEXT_TYPES", "BotContext", "register"]

# (command, i18n key of its description) in the order the command menu shows them.
COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "cmd.start"),
    ("help", "cmd.help"),
    ("subscribe", "cmd.subscribe"),
    ("unsubscribe", "cmd.unsubscribe"),
    ("mysubs", "cmd.mysubs"),
    ("filter", "cmd.filter"),
    ("digest", "cmd.digest"),
    ("timezone", "cmd.timezone"),
    ("search", "cmd.search"),
    ("latest", "cmd.latest"),
    ("notice", "cmd.notice"),
    ("remind", "cmd.remind"),
    ("reminders", "cmd.reminders"),
    ("quiet", "cmd.quiet"),
    ("lang", "cmd.lang"),
    ("stop", "cmd.stop"),
)


def register(app: Application[Any, BotContext, Any, Any, Any, Any]) -> None:
    """Register every handler of the bot, in the order PTB should try them."""
    # Before any command, for every update: a flooding user is ignored (group -2), the chat is recorded
    # and a chat that had blocked the bot is active again (group -1), whatever the command.
    app.add_handler(TypeHandler(Update, chats.throttle), group=-2)
    app.add_handler(TypeHandler(Update, chats.record_chat), group=-1)
    app.add_handler(ChatMemberHandler(chats.on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    commands = {
        "start": basic.cmd_start,
        "help": basic.cmd_help,
        "lang": basic.cmd_lang,
        "stop": basic.cmd_stop,
        "subscribe": subs.cmd_subscribe,
        "unsubscribe": subs.cmd_unsubscribe,
        "mysubs": subs.cmd_mysubs,
        "filter": subs.cmd_filter,
        "digest": subs.cmd_digest,
        "timezone": subs.cmd_timezone,
        "search": notices.cmd_search,
        "latest": notices.cmd_latest,
        "notice": notices.cmd_notice,
        "remind": reminders.cmd_remind,
        "reminders": reminders.cmd_reminders,
        "quiet": reminders.cmd_quiet,
        "addsource": admin.cmd_addsource,
        "removesource": admin.cmd_removesource,
        "sources": admin.cmd_sources,
        "status": admin.cmd_status,
        "pollnow": admin.cmd_pollnow,
    }
    for name, callback in commands.items():
        app.add_handler(CommandHandler(name, callback))
    app.add_handler(CallbackQueryHandler(subs.on_subs_button, pattern=r"^(sub|srcp|uns|mode):"))
    app.add_handler(CallbackQueryHandler(notices.on_search_page, pattern=r"^s:"))
    app.add_handler(CallbackQueryHandler(admin.on_addsource_button, pattern=r"^addx?:"))
    app.add_handler(CallbackQueryHandler(reminders.on_reminder_button, pattern=r"^rm[dc]?:"))
    app.add_handler(InlineQueryHandler(inline.on_inline_query))
    app.add_handler(MessageHandler(filters.COMMAND, basic.cmd_unknown))
    # A result chosen in inline mode is posted "via" the bot; in its own chat that is not a search.
    app.add_handler(
        MessageHandler(filters.TEXT & filters.ChatType.PRIVATE & ~filters.VIA_BOT, notices.on_text)
    )
    app.add_error_handler(basic.on_error)
