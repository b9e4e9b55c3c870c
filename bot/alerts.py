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
from storage import redact_url, redact_urls

__all__ = ["notify_admins"]

log = logging.getLogger(__name__)

register(
    {
        "alert.layout_changed": {
            "zh": "⚠️ 来源 <b>{name}</b> 的页面不再有通知链接，网站可能改版了。请检查网址或 CSS 选择器（/sources）。",
            "en": "⚠️ Source <b>{name}</b> stopped yielding notice links: the site may have been redesigned. Check its URL or CSS selector (/sources).",
        },
        # A JSON source has no CSS selector: it names the list path and fields it is configured with.
        "alert.layout_changed_json": {
            "zh": "⚠️ JSON 来源 <b>{name}</b> 的接口不再返回通知列表，接口可能改了。请检查网址或 JSON 字段设置：{fields}（/sources）。",
            "en": "⚠️ JSON source <b>{name}</b> no longer returns its list of notices: the API may have changed. Check its URL or its JSON fields: {fields} (/sources).",
        },
        "alert.json_fields_auto": {
            "zh": "未设置，由程序自动识别（可设 json_items 等）",
            "en": "none set, found automatically (json_items etc. can name them)",
        },
        "alert.paused": {
            "zh": "⛔ 来源 <b>{name}</b> 连续失败，已暂停轮询：{error}",
            "en": "⛔ Source <b>{name}</b> kept failing and was paused: {error}",
        },
    }
)


def _shown(selector: str) -> str:
    """The source's fields as an alert shows them: a URL's query string (a template=/next= link may carry an
    API key there) cut to "?…" and its password (or a web URL's token userinfo) to "***", the URL found
    inside key=value, and a POST body (a token perhaps) to "body=…", since the alert goes to every admin chat."""
    return " ".join(
        "body=…" if tok.startswith("body=") else redact_url(tok, query=True) for tok in selector.split()
    )


def _line(report: PollReport, lang: str) -> str:
    """One report's alert in lang, every value from the source escaped."""
    key = f"alert.{report.alert}"
    if report.alert == "layout_changed" and report.kind == "json":
        key = "alert.layout_changed_json"
    # Up to 1,000 characters in the config: a few hundred say which, and keep many alerts in one message.
    fields = (
        html.escape(_shown(report.selector)[:300]) if report.selector else t("alert.json_fields_auto", lang)
    )
    return t(
        key,
        lang,
        name=html.escape(report.source),
        error=html.escape(redact_urls(report.error or "")[:200]),  # it names the URL it fetched
        fields=f"<code>{fields}</code>" if report.selector else fields,
    )


async def notify_admins(bot: Bot, services: Services, reports: list[PollReport]) -> None:
    """Tell each bot admin, in their chat's language, which sources stopped yielding or were paused.

    Through the governor at alert priority: after replies, before pushes, flood control ridden out.
    """
    for admin in services.config.telegram.admins:
        chat = await services.store.get_chat(admin)
        lang = chat.language if chat and chat.language else services.config.telegram.default_language
        text = "\n".join(_line(r, lang) for r in reports)
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
