"""The handlers' typed context: PTB's CallbackContext with the running bot's services as a property and the
update's stored chat, read once per update."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.models import ChatRecord
from bot.services import Services

__all__ = ["CONTEXT_TYPES", "BotContext"]


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """What every handler receives; `context.services` replaces bot_data lookups and casts.

    PTB builds one context per update and hands it to the handler of every group (Application.process_update),
    so what is cached here lives as long as the update: the chat row is read once however many handlers and
    helpers (recording the chat, its language, its zone) ask for it.
    """

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application, chat_id, user_id)
        self._chats: dict[int, ChatRecord | None] = {}

    async def stored_chat(self, chat_id: int) -> ChatRecord | None:
        """The stored chat, read from the store the first time in this update."""
        if chat_id not in self._chats:
            self._chats[chat_id] = await self.services.store.get_chat(chat_id)
        return self._chats[chat_id]

    def chat_changed(self, chat_id: int, record: ChatRecord | None = None) -> None:
        """This update changed the stored chat: keep the fresh record (e.g. upsert_chat's), else read again."""
        if record is None:
            self._chats.pop(chat_id, None)
        else:
            self._chats[chat_id] = record

    @property
    def services(self) -> Services:
        """The running bot's services (put in bot_data by bot.app in post_init)."""
        services = self.application.bot_data["services"]
        if not isinstance(services, Services):
            raise RuntimeError("the bot's services are not set up (post_init has not run)")
        return services


# Handed to Application.builder().context_types() by bot.app.
CONTEXT_TYPES = ContextTypes(context=BotContext)
