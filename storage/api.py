"""The one narrow interface the core asks of storage; SQLite implements it, PostgreSQL may later."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from storage.models import NewNotice, Notice, SearchPage, SearchQuery, Source, SourceSpec, StoreOutcome

__all__ = ["Store"]


class Store(Protocol):
    """What the core needs from a database, in its own terms (no SQL crosses this line)."""

    async def close(self) -> None:
        """Release the connection."""

    # sources
    async def add_source(self, spec: SourceSpec) -> Source:
        """Store a new source; SourceExistsError when its name or URL is taken."""
        ...

    async def sync_config_sources(self, specs: tuple[SourceSpec, ...]) -> list[Source]:
        """Create or update the sources declared in the config file."""
        ...

    async def remove_source(self, name: str) -> None:
        """Delete a source and its notices; SourceNotFoundError when unknown."""

    async def set_source_active(self, name: str, active: bool) -> None:
        """Pause or resume a source."""

    async def get_source(self, name: str) -> Source | None:
        """The source with this name."""
        ...

    async def list_sources(self) -> list[Source]:
        """Every source."""
        ...

    async def due_sources(self, now: datetime) -> list[Source]:
        """Active sources due for a poll."""
        ...

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

    async def record_poll_failure(
        self, source_id: int, *, now: datetime, next_due: datetime, error: str, pause: bool
    ) -> int:
        """Record a failed poll; returns the consecutive-failure count."""
        ...

    # notices
    async def known_keys(self, source_id: int, keys: list[str]) -> set[str]:
        """Which identity keys are already stored for the source."""
        ...

    async def store_notices(
        self, source_id: int, items: list[NewNotice], *, now: datetime, deliver: bool, notify_updates: bool
    ) -> list[StoreOutcome]:
        """Store items exactly once, with their outbox rows, in one transaction."""
        ...

    async def get_notice(self, notice_id: int) -> Notice | None:
        """One notice."""
        ...

    async def latest_notices(self, *, source_id: int | None = None, limit: int = 5) -> list[Notice]:
        """The newest notices."""
        ...

    async def count_notices(self) -> int:
        """How many notices are stored."""
        ...

    # search
    async def search(
        self, query: SearchQuery, *, offset: int = 0, limit: int = 5, now: datetime | None = None
    ) -> SearchPage:
        """One page of the notices containing every term (case-insensitive substrings), ranked by relevance
        and recency (now: the reference time, default the current time), with the total count."""
        ...
