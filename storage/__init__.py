"""Storage: the Store interfaces (storage.api), SQLite and PostgreSQL backends. Knows nothing of Telegram.

Importing the package loads no database driver: the records (storage.models) and interfaces are usable
without aiosqlite or asyncpg; a backend's driver is imported when that backend is opened.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from storage.api import Store
from storage.errors import SourceExistsError, SourceNotFoundError, StorageError

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


def redact_url(url: str, *, query: bool = False) -> str:
    """The URL without its password, for messages and logs; query=True also cuts its query string to "?…"
    (a source's URL may carry an API key there; a database URL's options are kept). A web URL's userinfo
    without a password (https://TOKEN@host/, how many APIs take a token) is cut whole; a database URL's is
    its user name, kept."""
    if query and "?" in url:
        url = url.split("?", 1)[0] + "?…"
    head, sep, tail = url.partition("://")
    if "@" in tail:
        cred, _, rest = tail.rpartition("@")
        user, colon, _ = cred.partition(":")
        if colon:
            return f"{head}{sep}{user}:***@{rest}"
        if cred and "/" not in cred and head.lower() in ("http", "https"):  # an @ in the path is no userinfo
            return f"{head}{sep}***@{rest}"
    return url


# The scheme is bounded and starts where no scheme character precedes it: an unbounded one, tried at every
# letter of a long run without "://", made this quadratic (seconds on a 100,000-character error).
_URL_IN_TEXT = re.compile(r"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,30}://[^\s<>\"']+")


def redact_urls(text: str) -> str:
    """Every URL in a message (a poll's error) as redact_url(query=True) shows it."""
    return _URL_IN_TEXT.sub(lambda m: redact_url(m.group(), query=True), text)
