"""The catalogue of user-visible strings in Chinese and English, and the lookup that picks one.

Add a string by adding a key to CATALOG with both languages; t() fills {placeholders} with str.format.
Values filled in are NOT escaped here: callers that build HTML escape them first (bot.render does).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

__all__ = ["CATALOG", "DEFAULT_LANGUAGE", "LANGUAGES", "Language", "language_of", "register", "t"]

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")
DEFAULT_LANGUAGE: Language = "zh"

CATALOG: dict[str, dict[Language, str]] = {
    # notices (bot.render)
    "notice.issuer": {"zh": "发文单位", "en": "Issuer"},
    "notice.doc_number": {"zh": "文号", "en": "No."},
    "notice.date": {"zh": "日期", "en": "Date"},
    "notice.directives": {"zh": "要点", "en": "Key points"},
    "notice.deadlines": {"zh": "截止时间", "en": "Deadlines"},
    "notice.source": {"zh": "来源", "en": "Source"},
    "notice.read_more": {"zh": "阅读原文", "en": "Read the full notice"},
    "notice.updated": {"zh": "通知已更新", "en": "Notice updated"},
    "notice.trimmed": {"zh": "（内容过长，已截断）", "en": "(too long, shortened)"},
    # the push (bot.render.render_push): the line that leads to the full list
    "push.more": {"zh": "全部 {count} 条要点：/notice {id}", "en": "All {count} points: /notice {id}"},
    "push.due": {"zh": "截止", "en": "Due"},
    # a change notice's first line (bot.render.render_push, bot.changelinks): what it changes, and where that is
    "change.correction": {
        "zh": "✏️ 更正：本通知更正此前的《{title}》（/notice {id}）",
        "en": "✏️ Correction of an earlier notice: “{title}” (/notice {id})",
    },
    "change.supplement": {
        "zh": "➕ 补充：本通知补充此前的《{title}》（/notice {id}）",
        "en": "➕ Supplement to an earlier notice: “{title}” (/notice {id})",
    },
    "change.postponement": {
        "zh": "⏳ 延期：本通知推迟或延长此前的《{title}》（/notice {id}）",
        "en": "⏳ Postpones or extends an earlier notice: “{title}” (/notice {id})",
    },
    "change.withdrawal": {
        "zh": "⛔ 撤销：本通知撤销、废止或取消此前的《{title}》（/notice {id}）",
        "en": "⛔ Withdraws an earlier notice: “{title}” (/notice {id})",
    },
    # attachments (bot.render.attachments_block)
    "attachments.title": {"zh": "附件", "en": "Attachments"},
    "attachments.not_read": {
        "zh": "未读取：本机无法转换此格式",
        "en": "not read: no converter for this format",
    },
    "attachments.scanned": {"zh": "扫描件，未读取", "en": "scanned, not read"},
    "attachments.too_large": {"zh": "文件过大，未读取", "en": "too large, not read"},
    "attachments.failed": {"zh": "无法读取", "en": "could not be read"},
    # digests (bot.delivery.digest)
    "digest.title": {
        "zh": "每日摘要 · {date} · 共 {count} 条",
        "en": "Daily digest · {date} · {count} notices",
    },
    "digest.continued": {"zh": "每日摘要（续 {part}）", "en": "Daily digest (part {part})"},
    # the catch-up of a chat that comes back (bot.delivery.catchup)
    "catchup.title": {
        "zh": "机器人无法在此发送消息期间（自 {date} 起），有 {count} 条通知符合您的订阅：",
        "en": "While the bot could not write here (since {date}), {count} notices matched your subscriptions:",
    },
    "catchup.title_one": {
        "zh": "机器人无法在此发送消息期间（自 {date} 起），有 {count} 条通知符合您的订阅：",
        "en": "While the bot could not write here (since {date}), 1 notice matched your subscriptions:",
    },
    "catchup.title_many": {
        "zh": "机器人无法在此发送消息期间（自 {date} 起），有超过 {count} 条通知符合您的订阅：",
        "en": "While the bot could not write here (since {date}), more than {count} notices matched your subscriptions:",
    },
    "catchup.more": {"zh": "……另有 {count} 条", "en": "…and {count} more"},
    "catchup.more_many": {"zh": "……另有更多", "en": "…and more"},
}


def register(entries: Mapping[str, Mapping[Language, str]]) -> None:
    """Add strings from another module; each needs both languages and a key not taken yet."""
    for key, texts in entries.items():
        missing = [lang for lang in LANGUAGES if not texts.get(lang)]
        if missing:
            raise ValueError(f"i18n key {key!r} lacks {', '.join(missing)}")
        if key in CATALOG and dict(texts) != CATALOG[key]:
            raise ValueError(f"i18n key {key!r} is defined twice with different texts")
        CATALOG[key] = {lang: texts[lang] for lang in LANGUAGES}


def language_of(code: str | None, default: Language = DEFAULT_LANGUAGE) -> Language:
    """zh or en from a stored choice or a Telegram language_code (zh-hans, en-US, ...); else default."""
    if code:
        base = code.strip().lower().split("-", 1)[0].split("_", 1)[0]
        if base == "zh":
            return "zh"
        if base == "en":
            return "en"
    return default


def t(key: str, lang: str | None = None, /, **values: object) -> str:
    """The string for key in lang (zh | en | a Telegram language_code), with {placeholders} filled."""
    texts = CATALOG[key]  # a KeyError here is a programming error: every key is in the catalogue
    text = texts[language_of(lang)]
    return text.format(**values) if values else text
