"""PostgreSQL sources: specs, health after each poll, due sources claimed with a lease, pending catch-ups."""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import asyncpg

from storage.errors import SourceExistsError, SourceNotFoundError
from storage.models import LEARNT_FROM_URL, PendingPages, Source, SourceSpec
from storage.pg.base import PgBase, retrying

__all__ = ["SourcesMixin"]

# How long a claimed source stays this instance's: longer than any poll (fetch timeouts bound it), short
# enough that a crashed instance's sources are polled by another one soon after.
DEFAULT_LEASE = timedelta(minutes=15)  # bot.config.StorageConfig.lease, for stores opened without a config


# The lease fence of a poll's writes (storage.api.PollStore): the row changes only while this instance holds
# the source's lease by the application's clock, under the very claim the poll began with (its fencing
# token, lease_seq: NULL for a caller holding no claimed Source). A stalled poll whose lease ran out, and was
# perhaps taken and released by another instance since, or claimed again by this one, matches no row; the
# check and the write are one statement.
_FENCE = (
    "lease_owner = {owner} AND lease_until > {now}::timestamptz"
    " AND ({seq}::bigint IS NULL OR lease_seq = {seq}::bigint)"
)

# A claim's new token: a lease this instance still holds live is the same claim going on (its poll, started
# by /pollnow or an earlier claim, is this process's, which never polls a source twice at once); any other
# (free, run out, another's) is a new claim, and a poll under an older one is fenced out.
# ASSUMES ONE Poller PER STORE (per instance name): that Poller's task table is what keeps a source from
# being polled twice under the one token. Two Pollers over one store (or two processes sharing an instance
# name) would both write under it, unfenced from each other.
_NEXT_SEQ = "CASE WHEN lease_owner = {owner} AND lease_until > {now} THEN lease_seq ELSE lease_seq + 1 END"


def source_from_row(row: Any) -> Source:
    """A Source from a sources row."""
    spec = SourceSpec(
        name=row["name"],
        url=row["url"],
        kind=row["kind"],
        interval=row["interval"],
        item_selector=row["item_selector"],
        backfill=row["backfill"],
        fetch_article=row["fetch_article"],
        notify_updates=row["notify_updates"],
    )
    return Source(
        id=row["id"],
        spec=spec,
        active=row["active"],
        from_config=row["from_config"],
        created=row["created"],
        detected_kind=row["detected_kind"],
        feed_url=row["feed_url"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        # Added by migration 12: a database still short of it (the migration tests write through an older
        # schema before migrating it) has no validator's URL, which reads as "the URL polled".
        validated_url=row.get("validated_url"),
        first_polled=row["first_polled"],
        last_polled=row["last_polled"],
        last_success=row["last_success"],
        last_error=row["last_error"],
        failures=row["failures"],
        next_due=row["next_due"],
        last_item_count=row["last_item_count"],
        layout_changed=row["layout_changed"],
        lease=row.get("lease_seq", 0),  # 0 on a schema before its migration (tests of migrating)
    )


def _spec_values(spec: SourceSpec) -> tuple[object, ...]:
    return (
        spec.name,
        spec.url,
        spec.kind,
        spec.interval,
        spec.item_selector,
        spec.backfill,
        spec.fetch_article,
        spec.notify_updates,
    )


class SourcesMixin(PgBase):
    """The sources table."""

    lease = DEFAULT_LEASE
    claim_batch = 16  # sources one claim takes: instances share a cycle batch by batch

    @retrying
    async def add_source(self, spec: SourceSpec, *, from_config: bool = False) -> Source:
        """Store a new source, due at once; SourceExistsError if its name or URL is taken."""
        try:
            async with self.tx() as conn:
                row = await conn.fetchrow(
                    "INSERT INTO sources (name, url, kind, interval, item_selector, backfill, fetch_article,"
                    " notify_updates, from_config, created) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING *",
                    *_spec_values(spec),
                    from_config,
                    datetime.now(UTC),
                )
        except asyncpg.UniqueViolationError:
            raise SourceExistsError(f"{spec.name} ({spec.url})") from None
        return source_from_row(row)

    async def sync_config_sources(self, specs: tuple[SourceSpec, ...]) -> list[Source]:
        """Create or update the config file's sources (matched by name), keeping their health."""
        return [await self._upsert_source(spec) for spec in specs]

    @retrying
    async def _upsert_source(self, spec: SourceSpec) -> Source:
        existing = await self.get_source(spec.name)
        if existing is None:
            try:
                return await self.add_source(spec, from_config=True)
            except SourceExistsError:
                # Another instance starting at the same time stored it first: update that one.
                existing = await self.get_source(spec.name)
                if existing is None:
                    raise
        if existing.spec == spec:
            return existing
        old = existing.spec
        # Another URL, kind or selector makes what was learnt about the old one wrong (see storage.sources).
        relearn = (old.url, old.kind, old.item_selector) != (spec.url, spec.kind, spec.item_selector)
        try:
            async with self.tx() as conn:
                await conn.execute(
                    "UPDATE sources SET name=$1, url=$2, kind=$3, interval=$4, item_selector=$5, backfill=$6,"
                    " fetch_article=$7, notify_updates=$8, from_config=true, active=true WHERE id=$9",
                    *_spec_values(spec),
                    existing.id,
                )
                if relearn:
                    await conn.execute(
                        f"UPDATE sources SET {LEARNT_FROM_URL},"
                        " first_polled=NULL, last_item_count=NULL, layout_changed=false, failures=0,"
                        " next_due='epoch' WHERE id=$1",
                        existing.id,
                    )
        except asyncpg.UniqueViolationError:
            raise SourceExistsError(spec.url) from None
        updated = await self.get_source(spec.name)
        assert updated is not None
        return updated

    @retrying
    async def remove_source(self, name: str) -> None:
        """Delete a source with its notices (deliveries cascade); SourceNotFoundError if unknown."""
        async with self.tx() as conn:
            if await conn.fetchval("DELETE FROM sources WHERE name = $1 RETURNING id", name) is None:
                raise SourceNotFoundError(name)

    @retrying
    async def set_source_active(self, name: str, active: bool) -> None:
        """Pause or resume a source (resuming makes it due at once and forgets its failures)."""
        async with self.tx() as conn:
            found = await conn.fetchval(
                "UPDATE sources SET active=$1, next_due=CASE WHEN $1 THEN 'epoch' ELSE next_due END,"
                " failures=CASE WHEN $1 THEN 0 ELSE failures END WHERE name=$2 RETURNING id",
                active,
                name,
            )
            if found is None:
                raise SourceNotFoundError(name)

    @retrying
    async def get_source(self, name: str) -> Source | None:
        """The source with this name."""
        row = await self.pool.fetchrow("SELECT * FROM sources WHERE name = $1", name)
        return None if row is None else source_from_row(row)

    @retrying
    async def list_sources(self) -> list[Source]:
        """Every source, by name."""
        return [source_from_row(r) for r in await self.pool.fetch("SELECT * FROM sources ORDER BY name")]

    @retrying
    async def due_sources(self, now: datetime, *, skip: Collection[int] = ()) -> list[Source]:
        """Claim the active sources due for a poll that no live lease holds, most overdue first; none of the
        ids in skip (a cycle's polled ones: one whose record the fence refused is still due, and is left free).

        FOR UPDATE SKIP LOCKED: two instances claiming at once get disjoint sources, and neither waits.
        The lease lasts until the poll is recorded (which clears it) or `lease` passes (a crash).
        """
        async with self.tx() as conn:
            rows = await conn.fetch(
                "UPDATE sources SET lease_owner = $2, lease_until = $1::timestamptz + $3::interval,"
                f" lease_seq = {_NEXT_SEQ.format(owner='$2', now='$1')}"
                " WHERE id IN (SELECT id FROM sources WHERE active AND next_due <= $1"
                " AND (lease_until IS NULL OR lease_until <= $1 OR lease_owner = $2) AND NOT (id = ANY($5))"
                " ORDER BY next_due, id LIMIT $4 FOR UPDATE SKIP LOCKED) RETURNING *",
                now,
                self.instance,
                self.lease,
                self.claim_batch,
                list(skip),
            )
        return sorted((source_from_row(r) for r in rows), key=lambda s: (s.next_due or now, s.id))

    @retrying
    async def record_poll_success(
        self,
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
        lease: int | None = None,
    ) -> bool:
        """Record a successful poll: health reset, validators, feed_url (None: the configured URL) and next due
        time stored, lease released.
        Only while this instance holds the source's lease at `now` under the claim `lease` (_FENCE); False,
        nothing written, if not."""
        async with self.tx() as conn:
            done = await conn.fetchval(
                "UPDATE sources SET etag=$1, last_modified=$2, detected_kind=coalesce($3, detected_kind),"
                " feed_url=$4, first_polled=coalesce(first_polled, $5), last_polled=$5,"
                " last_success=$5, last_error=NULL, failures=0, next_due=$6,"
                " last_item_count=coalesce($7, last_item_count), layout_changed=$8,"
                " lease_owner=NULL, lease_until=NULL, validated_url=$12"
                f" WHERE id=$9 AND ({_FENCE.format(owner='$10', now='$5', seq='$11')}"
                # The same record again (retrying, after a commit whose answer was lost): idempotent, not
                # refused. Its time is this poll's own, to the microsecond; no other poll wrote it.
                " OR (lease_owner IS NULL AND last_success = $5)) RETURNING id",
                etag,
                last_modified,
                detected_kind,
                feed_url,
                now,
                next_due,
                item_count,
                layout_changed,
                source_id,
                self.instance,
                lease,
                validated_url,
            )
        return done is not None

    @retrying
    async def record_poll_failure(
        self,
        source_id: int,
        *,
        now: datetime,
        next_due: datetime,
        error: str,
        pause_after: int,
        lease: int | None = None,
    ) -> int | None:
        """Record a failed poll, pausing at pause_after failures in a row; returns the count. Fenced as
        record_poll_success is: None, nothing written, when this instance no longer holds the lease."""
        error = error[:500]
        async with self.tx() as conn:
            count = await conn.fetchval(
                "UPDATE sources SET last_polled=$1, last_error=$2, failures=failures+1, next_due=$3,"
                " active = CASE WHEN failures + 1 >= $4 THEN false ELSE active END, lease_owner=NULL,"
                f" lease_until=NULL WHERE id=$5 AND {_FENCE.format(owner='$6', now='$1', seq='$7')}"
                " RETURNING failures",
                now,
                error,
                next_due,
                pause_after,
                source_id,
                self.instance,
                lease,
            )
            if count is None:
                # The same record again (retrying, after a commit whose answer was lost): its count, not a
                # refusal, so the poller still pauses and alerts. Read apart from the UPDATE, which must
                # not count the failure twice; its time is this poll's own, to the microsecond.
                count = await conn.fetchval(
                    "SELECT failures FROM sources WHERE id=$1 AND lease_owner IS NULL AND last_polled=$2"
                    " AND last_error=$3",
                    source_id,
                    now,
                    error,
                )
        return None if count is None else int(count)

    @retrying
    async def renew_lease(
        self, source_id: int, now: datetime, *, take: bool = False, lease: int | None = None
    ) -> int | None:
        """Start this instance's lease on a source afresh, if it still holds it under the claim `lease` (a poll
        begins); never shortened. Returns the lease's fencing token, None when it no longer holds it (another
        instance took it). take: also take a lease nobody holds, or one run out (a poll nobody claimed,
        /pollnow), as a claim would: a new token."""
        free = " OR lease_until IS NULL OR lease_until <= $2" if take else ""
        return cast(
            "int | None",
            await self.pool.fetchval(
                "UPDATE sources SET lease_owner = $4,"
                " lease_until = greatest(coalesce(lease_until, $2), $2::timestamptz + $3::interval),"
                f" lease_seq = {_NEXT_SEQ.format(owner='$4', now='$2') if take else 'lease_seq'} WHERE id = $1"
                f" AND (lease_owner = $4 AND ($5::bigint IS NULL OR lease_seq = $5::bigint){free})"
                " RETURNING lease_seq",
                source_id,
                now,
                self.lease,
                self.instance,
                lease,
            ),
        )

    # Two columns of the source's row, read only by the poller (storage.sources says why not in Source).
    @retrying
    async def pending_pages(self, source_id: int) -> PendingPages:
        """The listing catch-up the source's last poll left unfinished; PendingPages() when none."""
        row = await self.pool.fetchrow(
            "SELECT pending_pages, pending_failed FROM sources WHERE id = $1", source_id
        )
        return PendingPages() if row is None else PendingPages(row[0], row[1])

    @retrying
    async def set_pending_pages(
        self,
        source_id: int,
        pending: PendingPages,
        *,
        now: datetime | None = None,
        lease: int | None = None,
    ) -> bool:
        """Keep the source's unfinished listing catch-up (PendingPages(): none); fenced as
        record_poll_success is (False, nothing written, when this instance no longer holds the lease)."""
        done = await self.pool.fetchval(
            "UPDATE sources SET pending_pages = $1, pending_failed = $2"
            f" WHERE id = $3 AND {_FENCE.format(owner='$4', now='$5', seq='$6')} RETURNING id",
            pending.pages,
            pending.failed_polls,
            source_id,
            self.instance,
            now or datetime.now(UTC),
            lease,
        )
        return done is not None
