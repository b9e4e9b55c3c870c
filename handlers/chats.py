"""Before any command: throttle a flooding user, record the update's chat; and my_chat_member updates."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatMemberStatus
from telegram.ext import ApplicationHandlerStop

from handlers.common import Context, remember_chat

__all__ = ["on_my_chat_member", "record_chat", "throttle"]

log = logging.getLogger(__name__)
_GONE = {ChatMemberStatus.BANNED, ChatMemberStatus.LEFT}  # BANNED is "kicked" (also: a user blocked us)


async def throttle(update: Update, context: Context) -> None:
    """Group -2: ignore a user who sends far more than a person can type, with one warning per episode."""
    user = update.effective_user
    svc = context.services
    if user is None or svc.throttle is None:
        return
    allowed, started = svc.throttle.allow(user.id)
    if allowed:
        return
    if started:
        log.warning(
            "user %s sends more than %d updates at once; ignoring them until they slow down",
            user.id,
            int(svc.throttle.burst),
        )
    raise ApplicationHandlerStop


async def record_chat(update: Update, context: Context) -> None:
    """Group -1: store or refresh the chat of every update, reactivating one that had blocked the bot."""
    if update.my_chat_member is not None:
        return  # on_my_chat_member decides: it may be the bot being removed
    await remember_chat(update, context)


async def on_my_chat_member(update: Update, context: Context) -> None:
    """The bot's own membership changed: blocked/unblocked by a user, added to or removed from a group."""
    change = update.my_chat_member
    if change is None:
        return
    chat = change.chat
    status = change.new_chat_member.status
    store = context.services.store
    if status in _GONE:
        skipped = await store.deactivate_chat(chat.id, f"bot {status} by the chat")
        context.chat_changed(chat.id)
        log.info("chat %s: bot %s; chat deactivated, %d deliveries skipped", chat.id, status, skipped)
    else:
        await remember_chat(update, context)
        log.info("chat %s: bot is %s; chat active", chat.id, status)
