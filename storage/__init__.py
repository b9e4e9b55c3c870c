"""Storage: the Store interface (storage.api) and its SQLite implementation. Knows nothing of Telegram."""

from __future__ import annotations

from storage.api import Store
from storage.errors import SourceExistsError, SourceNotFoundError, StorageError
from storage.sqlite import SQLiteStore, open_store

__all__ = ["SQLiteStore", "SourceExistsError", "SourceNotFoundError", "StorageError", "Store", "open_store"]
