"""Telling the bot's admins, once, about sources that need a human: a page that stopped yielding, a pause."""

from __future__ import annotations

import html
import logging

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.delivery.governor import FloodWaitExpired, Priority
from bot.i18n import register, t
from bot.poller import PollReport
from bot.services import Services

__all__ = ["notify_admins"]

log = logging.getLogger(__name__)

register(
    {
        "alert.layout_changed": {
            "zh": "⚠️ 来源 <b>{name}</b> 的页面不再有通知链接，网站可能改版了。请检查网址或 CSS 选择器（/sources）。",
            "en": "⚠️ Source <b>{name}</b> stopped yielding notice links: the site may have been redesigned. Check its URL or CSS selector (/sources).",
        },
        "alert.paused": {
            "zh": "⛔ 来源 <b>{name}</b> 连续失败，已暂停轮询：{error}",
            "en": "⛔ Source <b>{name}</b> kept failing and was paused: {error}",
        },
    }
)


async def notify_admins(bot: Bot, services: Services, reports: list[PollReport]) -> None:
    """Tell each bot admin, in their chat's language, which sources stopped yielding or were paused.

    Through the governor at alert priority: after replies, before pushes, flood control ridden out.
    """
    for admin in services.config.telegram.admins:
        chat = await services.store.get_chat(admin)
        lang = chat.language if chat and chat.language else services.config.telegram.default_language
        lines = [
            t(f"alert.{r.alert}", lang, name=html.escape(r.source), error=html.escape((r.error or "")[:200]))
            for r in reports
        ]
        text = "\n".join(lines)
        try:
            await services.governor.call(
                admin,
                False,
                Priority.ALERT,
                lambda: bot.send_message(admin, text, parse_mode=ParseMode.HTML),  # noqa: B023
                within=services.config.delivery.reply_wait,
            )
        except (TelegramError, FloodWaitExpired) as exc:  # an admin who never started the bot: the log has it
            log.warning("could not alert admin %s: %s", admin, exc)
