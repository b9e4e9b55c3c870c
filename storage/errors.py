"""Storage's domain errors: what callers may catch (integrity rules), never programming errors."""

from __future__ import annotations

__all__ = [
    "ChatNotFoundError",
    "DatabaseFailure",
    "LeaseLost",
    "SourceExistsError",
    "SourceNotFoundError",
    "StorageError",
    "StorageUnavailableError",
]


class StorageError(Exception):
    """A stored-data rule was broken (storage knows nothing of the bot, so this is its own root)."""


class LeaseLost(Exception):
    """A poll's write was refused: the source's lease ran out, or is another claim's now (storage.api.PollStore's
    fence). Not a StorageError: nothing is wrong with the data; the poll stops, the source is not its to write."""


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


class ChatNotFoundError(StorageError):
    """No chat has this id (a chat is stored when it first talks to the bot)."""

    def __init__(self, chat_id: int) -> None:
        super().__init__(f"no chat {chat_id}; store it with upsert_chat first")


class StorageUnavailableError(StorageError):
    """The database cannot be reached or opened (wrong URL, server down, bad credentials)."""
