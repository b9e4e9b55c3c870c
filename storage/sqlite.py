"""SQLiteStore: the Store interface over one SQLite file, delegating to one module per table group."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from storage import notices, search, sources
from storage.db import Database
from storage.models import NewNotice, Notice, SearchPage, SearchQuery, Source, SourceSpec, StoreOutcome
from storage.schema import migrate

__all__ = ["SQLiteStore", "open_store"]


class SQLiteStore:
    """The SQLite implementation of storage.api.Store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def close(self) -> None:
        """Close the database."""
        await self.db.close()

    async def add_source(self, spec: SourceSpec) -> Source:
        """Store a new source."""
        return await sources.add_source(self.db, spec)

    async def sync_config_sources(self, specs: tuple[SourceSpec, ...]) -> list[Source]:
        """Create or update the config file's sources."""
        return [await sources.upsert_source(self.db, spec) for spec in specs]

    async def remove_source(self, name: str) -> None:
        """Delete a source."""
        await sources.remove_source(self.db, name)

    async def set_source_active(self, name: str, active: bool) -> None:
        """Pause or resume a source."""
        await sources.set_active(self.db, name, active)

    async def get_source(self, name: str) -> Source | None:
        """The source with this name."""
        return await sources.get_source(self.db, name)

    async def list_sources(self) -> list[Source]:
        """Every source."""
        return await sources.list_sources(self.db)

    async def due_sources(self, now: datetime) -> list[Source]:
        """Sources due for a poll."""
        return await sources.due_sources(self.db, now)

    async def record_poll_success(
        self,
        source_id: int,
        *,
        now: datetime,
        next_due: datetime,
        etag: str | None,
        last_modified: str | None,
        detected_kind: str | None,
        feed_url: str | None,
        item_count: int | None,
        layout_changed: bool,
    ) -> None:
        """Record a successful poll."""
        await sources.record_success(
            self.db,
            source_id,
            now=now,
            next_due=next_due,
            etag=etag,
            last_modified=last_modified,
            detected_kind=detected_kind,
            feed_url=feed_url,
            item_count=item_count,
            layout_changed=layout_changed,
        )

    async def record_poll_failure(
        self, source_id: int, *, now: datetime, next_due: datetime, error: str, pause: bool
    ) -> int:
        """Record a failed poll."""
        return await sources.record_failure(
            self.db, source_id, now=now, next_due=next_due, error=error, pause=pause
        )

    async def known_keys(self, source_id: int, keys: list[str]) -> set[str]:
        """Stored keys among these."""
        return await notices.known_keys(self.db, source_id, keys)

    async def store_notices(
        self, source_id: int, items: list[NewNotice], *, now: datetime, deliver: bool, notify_updates: bool
    ) -> list[StoreOutcome]:
        """Store items exactly once with their outbox rows."""
        return await notices.store_notices(
            self.db, source_id, items, now=now, deliver=deliver, notify_updates=notify_updates
        )

    async def get_notice(self, notice_id: int) -> Notice | None:
        """One notice."""
        return await notices.get_notice(self.db, notice_id)

    async def latest_notices(self, *, source_id: int | None = None, limit: int = 5) -> list[Notice]:
        """The newest notices."""
        return await notices.latest_notices(self.db, source_id=source_id, limit=limit)

    async def count_notices(self) -> int:
        """How many notices are stored."""
        return await notices.count_notices(self.db)

    async def search(
        self, query: SearchQuery, *, offset: int = 0, limit: int = 5, now: datetime | None = None
    ) -> SearchPage:
        """One page of notices containing every term, best first, with the total."""
        return await search.search(self.db, query, offset=offset, limit=limit, now=now)


async def open_store(path: Path) -> SQLiteStore:
    """Open (creating and migrating as needed) the SQLite database at path."""
    db = await Database.open(path)
    try:
        # Before migrating: the search triggers (and migration 3's backfill) call this Python function.
        await search.register_functions_async(db.conn)
        await migrate(db.conn)
    except BaseException:
        await db.close()
        raise
    return SQLiteStore(db)
