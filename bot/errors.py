"""The root of noticebot's exception hierarchy.

NoticebotError
 +-- ConfigError          a config file or value is wrong (the message names the key)
 +-- SourceError          a source could not be fetched or parsed (bot.sources)
StorageError (storage.errors, re-exported here): storage's own root, as storage does not import the core.
 +-- DatabaseFailure      the database itself failed (damaged file, I/O error): no source is to blame
"""

from __future__ import annotations

from storage.errors import DatabaseFailure, StorageError

__all__ = ["ConfigError", "DatabaseFailure", "NoticebotError", "SourceError", "StorageError"]


class NoticebotError(Exception):
    """Base class of every error noticebot raises on purpose."""


class ConfigError(NoticebotError):
    """A configuration key is missing or has a wrong value; the message names the key."""

    def __init__(self, key: str, expected: str, got: object = None) -> None:
        self.key = key
        self.expected = expected
        detail = "" if got is None else f" (got {got!r})"
        super().__init__(f"config key '{key}': expected {expected}{detail}")


class SourceError(NoticebotError):
    """A source failed: network error, HTTP error, oversize body, or content that cannot be parsed."""
