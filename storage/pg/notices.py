"""PostgreSQL notices: stored exactly once with their outbox rows, cross-source re-posts linked, read back."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from domain.rules import DUPLICATE_WINDOW, matches_keywords
from storage.api import EXACT_BELOW
from storage.codec import attachments_from_json, attachments_json, summary_from_json, summary_json
from storage.errors import LeaseLost
from storage.models import NewNotice, Notice, StoreOutcome
from storage.pg.base import PgBase, affected, retrying
from storage.pg.links import enqueue_followers
from storage.pg.schema import OUTBOX_LOCK
from storage.textindex import tokens

__all__ = ["NoticesMixin"]


def notice_from_row(row: Any) -> Notice:
    """A Notice from a notices row joined with its source's name."""
    return Notice(
        id=row["id"],
        source_id=row["source_id"],
        source_name=row["source_name"],
        key=row["key"],
        url=row["url"],
        title=row["title"],
        text=row["text"],
        published=row["published"],
        first_seen=row["first_seen"],
        content_hash=row["content_hash"],
        summary=summary_from_json(row["summary_json"]),
        duplicate_of=row["duplicate_of"],
        updated_at=row["updated_at"],
        revision=row["revision"],
        attachments=attachments_from_json(row["attachments"]),
    )


# A chat subscribed both to this source and to all sources, without keywords, gets one row (the source's).
_BROADCAST = (
    "INSERT INTO deliveries (notice_id, chat_id, revision, mode, next_attempt, created)"
    " SELECT $1, s.chat_id, $2, s.mode, $3, $3 FROM subscriptions s JOIN chats c ON c.id = s.chat_id"
    " WHERE c.active AND s.include = '{}' AND s.exclude = '{}' AND (s.source_id = $4 OR (s.source_id IS NULL"
    " AND NOT EXISTS (SELECT 1 FROM subscriptions o WHERE o.chat_id = s.chat_id AND o.source_id = $4"
    " AND o.include = '{}' AND o.exclude = '{}')))"
)


async def enqueue_for_notice(
    conn: Any,
    *,
    notice_id: int,
    source_id: int,
    title: str,
    text: str,
    revision: int,
    now: datetime,
    fresh: bool = False,
) -> int:
    """Insert a pending delivery for every active chat whose subscription matches; returns how many.

    Subscriptions without keywords in one INSERT ... SELECT (the broadcast case); the few with keywords are
    filtered by the domain rule. (notice, chat, revision) is unique: one row per chat whatever matched twice.
    fresh: notice_id was inserted in this transaction, so no row of it exists yet and the broadcast insert
    skips ON CONFLICT's per-row speculative insertion (a third of the time for a million rows).
    """
    # Shared: broadcasts run side by side, while deleting or renumbering a chat waits for them (schema.py,
    # migration 5: deliveries have no foreign keys). Taken before the INSERT, whose snapshot comes after it.
    # JIT off: the planner deems a million-row insert costly enough to compile, which takes 0.2-0.4 s and
    # buys nothing for an insert of constants and two column copies.
    await conn.execute(f"SET LOCAL jit = off; SELECT pg_advisory_xact_lock_shared({OUTBOX_LOCK})")
    status = await conn.execute(
        _BROADCAST + ("" if fresh else " ON CONFLICT DO NOTHING"), notice_id, revision, now, source_id
    )
    count = affected(status)
    rows = await conn.fetch(
        "SELECT s.chat_id, s.mode, s.include, s.exclude FROM subscriptions s JOIN chats c ON c.id = s.chat_id"
        " WHERE c.active AND (s.source_id = $1 OR s.source_id IS NULL)"
        " AND (s.include != '{}' OR s.exclude != '{}')",
        source_id,
    )
    chosen = [r for r in rows if matches_keywords(title, text, r["include"], r["exclude"])]
    if chosen:
        status = await conn.execute(
            "INSERT INTO deliveries (notice_id, chat_id, revision, mode, next_attempt, created)"
            " SELECT $1, u.chat_id, $2, u.mode, $3, $3 FROM unnest($4::bigint[], $5::text[]) AS u(chat_id, mode)"
            " ON CONFLICT DO NOTHING",
            notice_id,
            revision,
            now,
            [r["chat_id"] for r in chosen],
            [r["mode"] for r in chosen],
        )
        count += affected(status)
    return count


_SELECT = "SELECT n.*, s.name AS source_name FROM notices n JOIN sources s ON s.id = n.source_id"


class NoticesMixin(PgBase):
    """The notices table and the outbox rows created with them."""

    @retrying
    async def stored_hashes(self, source_id: int, keys: list[str]) -> dict[str, str]:
        """The content hash of each of these identity keys already stored for the source."""
        rows = await self.pool.fetch(
            "SELECT key, content_hash FROM notices WHERE source_id = $1 AND key = ANY($2::text[])",
            source_id,
            keys,
        )
        return {r["key"]: r["content_hash"] for r in rows}

    @retrying
    async def store_notices(
        self,
        source_id: int,
        items: list[NewNotice],
        *,
        now: datetime,
        deliver: bool,
        notify_updates: bool,
        lease: int | None = None,
    ) -> list[StoreOutcome]:
        """Store each item once per (source, key), in one transaction with its outbox rows; LeaseLost, nothing
        stored, when `lease` (a poll's claim) is given and this instance no longer holds it at `now`.

        Two instances storing the same item at once: the unique (source_id, key) makes the second INSERT a
        no-op (ON CONFLICT DO NOTHING) that reports "unchanged", so a notice and its deliveries exist once.
        """
        outcomes: list[StoreOutcome] = []
        async with self.tx() as conn:
            # A poll's notices are fenced by its lease as its other writes are (storage.pg.sources._FENCE):
            # a stalled poll must not put back an older text of a notice edited since, nor push it as an
            # update. FOR SHARE: the lease cannot change hands before this transaction commits.
            if lease is not None and not await conn.fetchval(
                "SELECT 1 FROM sources WHERE id = $1 AND lease_owner = $2 AND lease_until > $3"
                " AND lease_seq = $4 FOR SHARE",
                source_id,
                self.instance,
                now,
                lease,
            ):
                raise LeaseLost("its notices")
            for item in items:
                outcomes.append(await self._store_one(conn, source_id, item, now, deliver, notify_updates))
        return outcomes

    async def _store_one(
        self, conn: Any, source_id: int, item: NewNotice, now: datetime, deliver: bool, notify_updates: bool
    ) -> StoreOutcome:
        s = item.summary
        summary_values = (s.issuer if s else None, s.doc_number if s else None, s.summary if s else "")
        existing = await conn.fetchrow(
            "SELECT id, content_hash, revision, coalesce(duplicate_of, id) AS root FROM notices"
            " WHERE source_id = $1 AND key = $2 FOR UPDATE",
            source_id,
            item.key,
        )
        if existing is not None and existing["content_hash"] == item.content_hash:
            return StoreOutcome(existing["id"], "unchanged")
        grams = tokens(item.title, item.text, s.summary if s else "")  # not for an unchanged notice
        if existing is not None:
            # A reread (its files read again) is the same notice: no new revision, no update time.
            await conn.execute(
                "UPDATE notices SET title=$1, text=$2, url=$3, content_hash=$4, revision=revision+$13,"
                " updated_at=coalesce($5, updated_at), issuer=$6, doc_number=$7, summary=$8, summary_json=$9,"
                " grams=$10, attachments=$12 WHERE id=$11",
                item.title,
                item.text,
                item.url,
                item.content_hash,
                None if item.reread else now,
                *summary_values,
                summary_json(s),
                grams,
                existing["id"],
                attachments_json(item.attachments),
                0 if item.reread else 1,
            )
            if item.reread:
                return StoreOutcome(existing["id"], "refreshed")
            sent = 0
            if deliver and notify_updates:
                sent = await enqueue_for_notice(
                    conn,
                    notice_id=existing["root"],
                    source_id=source_id,
                    title=item.title,
                    text=item.text,
                    revision=existing["revision"] + 1,
                    now=now,
                )
            return StoreOutcome(existing["id"], "updated", deliveries=sent)
        duplicate_of = await conn.fetchval(
            "SELECT coalesce(duplicate_of, id) FROM notices WHERE dup_key = $1 AND source_id != $2"
            " AND first_seen >= $3 ORDER BY id LIMIT 1",
            item.dup_key,
            source_id,
            now - DUPLICATE_WINDOW,
        )
        notice_id = await conn.fetchval(
            "INSERT INTO notices (source_id, key, url, title, text, published, first_seen, content_hash, dup_key,"
            " duplicate_of, issuer, doc_number, summary, summary_json, grams, attachments)"
            " VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)"
            " ON CONFLICT (source_id, key) DO NOTHING RETURNING id",
            source_id,
            item.key,
            item.url,
            item.title,
            item.text,
            item.published,
            now,
            item.content_hash,
            item.dup_key,
            duplicate_of,
            *summary_values,
            summary_json(s),
            grams,
            attachments_json(item.attachments),
        )
        if notice_id is None:  # another instance stored it between our SELECT and INSERT
            stored = await conn.fetchval(
                "SELECT id FROM notices WHERE source_id = $1 AND key = $2", source_id, item.key
            )
            return StoreOutcome(int(stored), "unchanged")
        if not deliver:  # a column of its own step (migration 7): the default (pushed) is the common case
            await conn.execute("UPDATE notices SET pushed = false WHERE id = $1", notice_id)
        sent = 0
        if deliver:
            sent = await enqueue_for_notice(
                conn,
                notice_id=duplicate_of or notice_id,
                source_id=source_id,
                title=item.title,
                text=item.text,
                revision=0,
                now=now,
                fresh=duplicate_of is None,
            )
            if item.follows is not None:  # enqueue_for_notice took the outbox lock for this transaction
                sent += await enqueue_followers(
                    conn, duplicate_of or notice_id, earlier_id=item.follows, source_id=source_id, now=now
                )
        return StoreOutcome(notice_id, "new", duplicate_of=duplicate_of, deliveries=sent)

    @retrying
    async def get_notice(self, notice_id: int) -> Notice | None:
        """One notice."""
        row = await self.pool.fetchrow(f"{_SELECT} WHERE n.id = $1", notice_id)
        return None if row is None else notice_from_row(row)

    @retrying
    async def latest_notices(self, *, source_id: int | None = None, limit: int = 5) -> list[Notice]:
        """The newest notices (by publication date, else first seen), skipping cross-source duplicates."""
        rows = await self.pool.fetch(
            f"{_SELECT} WHERE n.duplicate_of IS NULL AND ($1::bigint IS NULL OR n.source_id = $1)"
            " ORDER BY coalesce(n.published, n.first_seen) DESC, n.id DESC LIMIT $2",
            source_id,
            limit,
        )
        return [notice_from_row(r) for r in rows]

    @retrying
    async def count_notices(self) -> int:
        """How many notices are stored."""
        return int(await self.pool.fetchval("SELECT count(*) FROM notices"))

    @retrying
    async def estimate_notices(self, *, exact_below: int = EXACT_BELOW) -> tuple[int, bool]:
        """The planner's estimate of the notices stored once it says exact_below or more, else the count.

        As the planner does: the rows per page ANALYZE (autovacuum) last saw, times the table's pages now,
        so growth since then counts. Reads pg_class and the table's size, never its rows.
        """
        estimate = await self.pool.fetchval(
            "SELECT CASE WHEN c.relpages > 0 THEN c.reltuples / c.relpages"
            " * (pg_relation_size(c.oid) / current_setting('block_size')::int) ELSE c.reltuples END"
            " FROM pg_class c WHERE c.oid = 'notices'::regclass"
        )
        if estimate is not None and estimate >= exact_below:
            return round(estimate), False
        return await self.count_notices(), True
