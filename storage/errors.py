"""Storage's domain errors: what callers may catch (integrity rules), never programming errors."""

from __future__ import annotations

__all__ = ["SourceExistsError", "SourceNotFoundError", "StorageError"]


class StorageError(Exception):
    """A stored-data rule was broken (storage knows nothing of the bot, so this is its own root)."""


class SourceExistsError(StorageError):
    """A source with this name or URL is already stored."""

    def __init__(self, what: str) -> None:
        super().__init__(f"a source with this name or URL already exists: {what}")


class SourceNotFoundError(StorageError):
    """No source has this name."""

    def __init__(self, name: str) -> None:
        super().__init__(f"no source named {name!r}")
