"""The handlers' typed context: PTB's CallbackContext with the running bot's services as a property."""

from __future__ import annotations

from typing import Any

from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.services import Services

__all__ = ["CONTEXT_TYPES", "BotContext"]


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """What every handler receives; `context.services` replaces bot_data lookups and casts."""

    @property
    def services(self) -> Services:
        """The running bot's services (put in bot_data by bot.app in post_init)."""
        services = self.application.bot_data["services"]
        if not isinstance(services, Services):
            raise RuntimeError("the bot's services are not set up (post_init has not run)")
        return services


# Handed to Application.builder().context_types() by bot.app.
CONTEXT_TYPES = ContextTypes(context=BotContext)
