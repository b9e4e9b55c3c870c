"""Storage's domain errors: what callers may catch (integrity rules), never programming errors."""

from __future__ import annotations

__all__ = ["DatabaseFailure", "SourceExistsError", "SourceNotFoundError", "StorageError"]


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


class DatabaseFailure(StorageError):
    """The database itself failed (corrupted file, disk error, lock not released): nobody's input is to blame.

    corrupt: the file is damaged; a running bot stops rather than go on writing into it.
    """

    def __init__(self, message: str, *, corrupt: bool) -> None:
        self.corrupt = corrupt
        super().__init__(message)
