"""Logging setup: one line per event, secrets redacted, chatty library loggers quietened."""

from __future__ import annotations

import logging
import re
import sys

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
# A source's URL may carry a password (https://user:pw@host/) or an API key in its query string; log lines
# name URLs (a failed poll, a skipped article), so both are blanked. Other query parameters (page=2, id=7)
# stay: they say which page failed.
_PASSWORD_IN_URL = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^\s/:@]*):[^\s/@]*@", re.IGNORECASE)
_KEY_IN_QUERY = re.compile(
    r"([?&;](?:[a-z0-9_.-]{0,40}(?:key|token|secret|passw(?:or)?d|pwd|sig(?:nature)?|auth|session|sid|ticket)"
    r"[a-z0-9_.-]{0,40})=)[^&;#\s\"'<>]+",
    re.IGNORECASE,
)


def register_secret(secret: str) -> None:
    """Never let this string appear in a log line (the bot token, webhook secret)."""
    if secret:
        _SECRETS.add(secret)


def redact(text: str) -> str:
    """Replace every registered secret, every token-shaped URL part, a URL's password and the values of its
    key-like query parameters in text."""
    for secret in _SECRETS:
        text = text.replace(secret, "<redacted>")
    text = _TOKEN_IN_URL.sub(r"\1<redacted>", text)
    if "://" in text:
        text = _PASSWORD_IN_URL.sub(r"\1:<redacted>@", text)
    if "=" in text:
        text = _KEY_IN_QUERY.sub(r"\1<redacted>", text)
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
