"""The sources table: specs, health after each poll, which sources are due, a pending listing catch-up."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from storage.db import Database
from storage.errors import SourceExistsError, SourceNotFoundError
from storage.models import LEARNT_FROM_URL, PendingPages, Source, SourceKind, SourceSpec
from storage.timeconv import from_ts, to_ts

__all__ = [
    "add_source",
    "due_sources",
    "get_source",
    "list_sources",
    "pending_pages",
    "record_failure",
    "record_success",
    "remove_source",
    "set_pending_pages",
    "upsert_source",
]


def _row_to_source(row: sqlite3.Row) -> Source:
    kind: SourceKind = row["kind"]
    columns = row.keys()  # a Row's `in` tests its values, not its column names
    spec = SourceSpec(
        name=row["name"],
        url=row["url"],
        kind=kind,
        interval=row["interval"],
        item_selector=row["item_selector"],
        backfill=row["backfill"],
        fetch_article=bool(row["fetch_article"]),
        notify_updates=bool(row["notify_updates"]),
    )
    return Source(
        id=row["id"],
        spec=spec,
        active=bool(row["active"]),
        from_config=bool(row["from_config"]),
        created=from_ts(row["created"]) or datetime.now(UTC),
        detected_kind=row["detected_kind"],
        feed_url=row["feed_url"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        # Added by migration 9: a database still short of it (the migration tests write through an older
        # schema before migrating it) has no validator's URL, which reads as "the URL polled".
        validated_url=row["validated_url"] if "validated_url" in columns else None,
        first_polled=from_ts(row["first_polled"]),
        last_polled=from_ts(row["last_polled"]),
        last_success=from_ts(row["last_success"]),
        last_error=row["last_error"],
        failures=row["failures"],
        next_due=from_ts(row["next_due"]),
        last_item_count=row["last_item_count"],
        layout_changed=bool(row["layout_changed"]),
    )


def _spec_values(spec: SourceSpec) -> tuple[object, ...]:
    return (
        spec.name,
        spec.url,
        spec.kind,
        spec.interval,
        spec.item_selector,
        spec.backfill,
        int(spec.fetch_article),
        int(spec.notify_updates),
    )


async def add_source(db: Database, spec: SourceSpec, *, from_config: bool = False) -> Source:
    """Store a new source, due at once; SourceExistsError if its name or URL is taken."""
    try:
        async with db.transaction() as conn:
            cur = await conn.execute(
                "INSERT INTO sources (name, url, kind, interval, item_selector, backfill, fetch_article,"
                " notify_updates, from_config, created, next_due) VALUES (?,?,?,?,?,?,?,?,?,?,0)",
                (*_spec_values(spec), int(from_config), to_ts(datetime.now(UTC))),
            )
            source_id = cur.lastrowid
    except sqlite3.IntegrityError:
        raise SourceExistsError(f"{spec.name} ({spec.url})") from None
    source = await get_source(db, spec.name)
    assert source is not None and source.id == source_id
    return source


async def upsert_source(db: Database, spec: SourceSpec) -> Source:
    """Create or update a source declared in the config file (matched by name), keeping its health."""
    existing = await get_source(db, spec.name)
    if existing is None:
        return await add_source(db, spec, from_config=True)
    if existing.spec != spec:
        old = existing.spec
        # Another URL, kind or selector makes what was learnt about the old one (detected kind, discovered
        # feed, validators) wrong; forgetting first_polled makes the next poll seen-only, not a flood.
        relearn = (old.url, old.kind, old.item_selector) != (spec.url, spec.kind, spec.item_selector)
        try:
            async with db.transaction() as conn:
                await conn.execute(
                    "UPDATE sources SET name=?, url=?, kind=?, interval=?, item_selector=?, backfill=?,"
                    " fetch_article=?, notify_updates=?, from_config=1, active=1 WHERE id=?",
                    (*_spec_values(spec), existing.id),
                )
                if relearn:
                    await conn.execute(
                        f"UPDATE sources SET {LEARNT_FROM_URL},"
                        " first_polled=NULL, last_item_count=NULL, layout_changed=0, failures=0, next_due=0"
                        " WHERE id=?",
                        (existing.id,),
                    )
        except sqlite3.IntegrityError:
            raise SourceExistsError(spec.url) from None
    updated = await get_source(db, spec.name)
    assert updated is not None
    return updated


async def remove_source(db: Database, name: str) -> None:
    """Delete a source with its notices (deliveries cascade); SourceNotFoundError if unknown."""
    async with db.transaction() as conn:
        cur = await conn.execute("DELETE FROM sources WHERE name = ?", (name,))
        if cur.rowcount == 0:
            raise SourceNotFoundError(name)


async def get_source(db: Database, name: str) -> Source | None:
    """The source with this name, if any."""
    row = await db.fetchone("SELECT * FROM sources WHERE name = ?", (name,))
    return None if row is None else _row_to_source(row)


async def list_sources(db: Database) -> list[Source]:
    """Every source, by name."""
    return [_row_to_source(r) for r in await db.fetchall("SELECT * FROM sources ORDER BY name")]


async def due_sources(db: Database, now: datetime) -> list[Source]:
    """Active sources whose next poll time has come, most overdue first."""
    rows = await db.fetchall(
        "SELECT * FROM sources WHERE active = 1 AND next_due <= ? ORDER BY next_due, id", (to_ts(now),)
    )
    return [_row_to_source(r) for r in rows]


async def record_success(
    db: Database,
    source_id: int,
    *,
    now: datetime,
    next_due: datetime,
    etag: str | None,
    last_modified: str | None,
    detected_kind: str | None,
    validated_url: str | None,
    feed_url: str | None,
    item_count: int | None,
    layout_changed: bool,
) -> None:
    """Record a successful poll: health reset, validators and next due time stored; feed_url as given (None:
    the configured URL is polled again)."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE sources SET etag=?, last_modified=?, validated_url=?, detected_kind=coalesce(?, detected_kind),"
            " feed_url=?, first_polled=coalesce(first_polled, ?), last_polled=?,"
            " last_success=?, last_error=NULL, failures=0, next_due=?,"
            " last_item_count=coalesce(?, last_item_count), layout_changed=? WHERE id=?",
            (
                etag,
                last_modified,
                validated_url,
                detected_kind,
                feed_url,
                to_ts(now),
                to_ts(now),
                to_ts(now),
                to_ts(next_due),
                item_count,
                int(layout_changed),
                source_id,
            ),
        )


async def record_failure(
    db: Database,
    source_id: int,
    *,
    now: datetime,
    next_due: datetime,
    error: str,
    pause_after: int,
) -> int:
    """Record a failed poll; returns the new consecutive-failure count. The source is deactivated (paused)
    when the count reaches pause_after."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE sources SET last_polled=?, last_error=?, failures=failures+1, next_due=?,"
            " active = CASE WHEN failures + 1 >= ? THEN 0 ELSE active END WHERE id=?",
            (to_ts(now), error[:500], to_ts(next_due), pause_after, source_id),
        )
        async with conn.execute("SELECT failures FROM sources WHERE id=?", (source_id,)) as cur:
            row = await cur.fetchone()
    return int(row[0]) if row else 0


async def set_active(db: Database, name: str, active: bool) -> None:
    """Pause or resume a source (resuming makes it due at once)."""
    async with db.transaction() as conn:
        cur = await conn.execute(
            # Resuming starts the failure count afresh: one more failure must not pause it again at once.
            "UPDATE sources SET active=?, next_due=CASE WHEN ? THEN 0 ELSE next_due END,"
            " failures=CASE WHEN ? THEN 0 ELSE failures END WHERE name=?",
            (int(active), int(active), int(active), name),
        )
        if cur.rowcount == 0:
            raise SourceNotFoundError(name)


# A pending listing catch-up is two columns of the source's row (migration 8): it goes with the source, and
# is read only by the poller, so Source (read by every command) and what older schemas hold stay as they were.
async def pending_pages(db: Database, source_id: int) -> PendingPages:
    """The listing catch-up the source's last poll left unfinished; PendingPages() when none."""
    row = await db.fetchone("SELECT pending_pages, pending_failed FROM sources WHERE id = ?", (source_id,))
    return PendingPages() if row is None else PendingPages(row[0], row[1])


async def set_pending_pages(db: Database, source_id: int, pending: PendingPages) -> None:
    """Keep the source's unfinished listing catch-up (PendingPages(): none)."""
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE sources SET pending_pages = ?, pending_failed = ? WHERE id = ?",
            (pending.pages, pending.failed_polls, source_id),
        )
