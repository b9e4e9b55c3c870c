"""Logging setup: one line per event, secrets redacted, chatty library loggers quietened."""

from __future__ import annotations

import functools
import logging
import re
import sys

from storage.urls import blank_userinfo

__all__ = ["NOISY_LOGGERS", "redact", "register_secret", "setup_logging"]

# Quietened to WARNING by setup_logging: httpx logs every request URL at INFO, and Bot API URLs contain the
# token; aiosqlite logs every query's parameters at DEBUG (a POST source's item_selector holds its body).
NOISY_LOGGERS = (
    "httpx",
    "httpcore",
    "apscheduler",
    "telegram.ext.ExtBot",
    "trafilatura",
    "htmldate",
    "aiosqlite",
)

_SECRETS: set[str] = set()
# Bot API URLs carry the token as /bot<TOKEN>/; redact that shape even for tokens we were never told about.
_TOKEN_IN_URL = re.compile(r"(/bot)(\d+:[A-Za-z0-9_-]{20,})")
# A source's URL may carry a password (https://user:pw@host/), an API token as its whole userinfo
# (https://TOKEN@host/) or an API key in its query string; log lines name URLs (a failed poll, a skipped
# article), so all are blanked: the userinfo as admin alerts blank it (storage.urls, one finder for both), the
# query parameters by name. Other parameters (page=2, id=7, keyword=…) stay: they say which page failed.
# A value stops at "?" too: "redirect=https://o/cb?token=…" carries a second query, scanned on its own.
_QUERY_PARAM = re.compile(r"([?&;#])([a-z0-9_.-]{1,60})=([^?&;#\s\"'<>]*)", re.IGNORECASE)
# A parameter is a secret when one part of its name (split at _ . - and camelCase) is one of these ...
_SECRET_PART = frozenset(
    "key apikey appkey appid token secret password passwd pwd pass passcode sig signature sign auth "
    "authorization session sessionid jsessionid sid ticket credential credentials jwt hmac otp".split()
)
# ... or its whole name is one of these (as parts they are too common: areaCode, channelCode, pageHash) ...
_SECRET_NAME = frozenset("code hash pw".split())
# ... or it holds one of these anywhere, for names written as one word (appsecret, accesstoken, secretkey).
_SECRET_IN_NAME = re.compile(r"token|secret|passw|apikey|accesskey|privatekey|appkey|signature")
_NAME_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


# Cached: a log line's parameter names are few and repeat (page, id, token), and each is split by a regex.
@functools.lru_cache(maxsize=512)
def _secret_param(name: str) -> bool:
    low = name.lower()
    if low in _SECRET_NAME or low in _SECRET_PART or _SECRET_IN_NAME.search(low):
        return True
    return any(part.lower() in _SECRET_PART for part in _NAME_PART.findall(name))


def _without_key(m: re.Match[str]) -> str:
    if not m.group(3) or not _secret_param(m.group(2)):
        return m.group()
    return f"{m.group(1)}{m.group(2)}=<redacted>"


def register_secret(secret: str) -> None:
    """Never let this string appear in a log line (the bot token, webhook secret)."""
    if secret:
        _SECRETS.add(secret)


def redact(text: str) -> str:
    """Replace every registered secret, every token-shaped URL part, a URL's password (or token userinfo) and
    the values of its key-like query parameters in text."""
    for secret in _SECRETS:
        text = text.replace(secret, "<redacted>")
    text = _TOKEN_IN_URL.sub(r"\1<redacted>", text)
    if "://" in text:
        text = blank_userinfo(text, "<redacted>")
    if "=" in text:
        text = _QUERY_PARAM.sub(_without_key, text)
    return text


class _RedactingFormatter(logging.Formatter):
    """Formats the record as usual, then redacts the finished line, tracebacks included."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(level: int = logging.INFO) -> None:
    """Send logs to stderr as `time level logger: message`, redacted; idempotent."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_noticebot", False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler._noticebot = True  # type: ignore[attr-defined]
    handler.setFormatter(_RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    for noisy in NOISY_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.WARNING)
