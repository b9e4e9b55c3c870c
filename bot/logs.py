"""Logging setup: one line per event, secrets redacted, chatty library loggers quietened."""

from __future__ import annotations

import logging
import re
import sys

__all__ = ["redact", "register_secret", "setup_logging"]

_SECRETS: set[str] = set()
# Bot API URLs carry the token as /bot<TOKEN>/; redact that shape even for tokens we were never told about.
_TOKEN_IN_URL = re.compile(r"(/bot)(\d+:[A-Za-z0-9_-]{20,})")


def register_secret(secret: str) -> None:
    """Never let this string appear in a log line (the bot token, webhook secret)."""
    if secret:
        _SECRETS.add(secret)


def redact(text: str) -> str:
    """Replace every registered secret and every token-shaped URL part in text."""
    for secret in _SECRETS:
        text = text.replace(secret, "<redacted>")
    return _TOKEN_IN_URL.sub(r"\1<redacted>", text)


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
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    for noisy in ("httpx", "httpcore", "apscheduler", "telegram.ext.ExtBot", "trafilatura", "htmldate"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
