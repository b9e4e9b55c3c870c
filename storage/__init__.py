"""Storage: the Store interfaces (storage.api), SQLite and PostgreSQL backends. Knows nothing of Telegram.

Importing the package loads no database driver: the records (storage.models) and interfaces are usable
without aiosqlite or asyncpg; a backend's driver is imported when that backend is opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from storage.api import Store
from storage.errors import SourceExistsError, SourceNotFoundError, StorageError
from storage.urls import redact_url, redact_urls

if TYPE_CHECKING:
    from storage.sqlite import SQLiteStore

__all__ = [
    "SQLiteStore",
    "SourceExistsError",
    "SourceNotFoundError",
    "StorageError",
    "Store",
    "is_postgres_url",
    "open_backend",
    "open_store",
    "redact_url",
    "redact_urls",
    "sqlite_path",
]


def __getattr__(name: str) -> object:
    if name == "SQLiteStore":
        from storage.sqlite import SQLiteStore

        return SQLiteStore
    raise AttributeError(name)


def is_postgres_url(target: str | Path) -> bool:
    """Whether a storage target names a PostgreSQL database rather than a SQLite file."""
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


async def open_store(path: Path) -> SQLiteStore:
    """Open (creating and migrating as needed) the SQLite database at path."""
    from storage.sqlite import open_store as open_sqlite

    return await open_sqlite(path)


async def open_backend(
    target: str | Path, *, instance: str | None = None, lease: float | None = None
) -> Store:
    """Open the store a target names: a postgresql:// URL, "sqlite:PATH", or a SQLite file path.

    StorageUnavailableError (one line, no traceback) when a PostgreSQL server cannot be reached.
    """
    if is_postgres_url(target):
        from storage.pg import open_pg_store

        return await open_pg_store(str(target), instance=instance, lease=lease)
    return await open_store(sqlite_path(target))


def sqlite_path(target: str | Path) -> Path:
    """The file a SQLite target names ("sqlite:PATH" or a plain path)."""
    return Path(target.removeprefix("sqlite:")) if isinstance(target, str) else target
