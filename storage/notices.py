"""The notices table: storing new and updated notices exactly once, and reading them back."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from domain.rules import DUPLICATE_WINDOW
from storage.codec import attachments_from_json as _attachments_from_json
from storage.codec import attachments_json as _attachments_json
from storage.codec import summary_from_json as _summary_from_json
from storage.codec import summary_json as _summary_json
from storage.db import Database
from storage.links import enqueue_followers
from storage.models import NewNotice, Notice, StoreOutcome
from storage.outbox import enqueue_for_notice
from storage.timeconv import from_ts, to_ts

__all__ = ["count_notices", "get_notice", "latest_notices", "store_notices", "stored_hashes"]


def _row_to_notice(row: sqlite3.Row) -> Notice:
    return Notice(
        id=row["id"],
        source_id=row["source_id"],
        source_name=row["source_name"],
        key=row["key"],
        url=row["url"],
        title=row["title"],
        text=row["text"],
        published=from_ts(row["published"]),
        first_seen=from_ts(row["first_seen"]) or datetime.min,
        content_hash=row["content_hash"],
        summary=_summary_from_json(row["summary_json"]),
        duplicate_of=row["duplicate_of"],
        updated_at=from_ts(row["updated_at"]),
        revision=row["revision"],
        attachments=_attachments_from_json(row["attachments"]),
    )


async def stored_hashes(db: Database, source_id: int, keys: list[str]) -> dict[str, str]:
    """The content hash of each of these identity keys already stored for the source."""
    found: dict[str, str] = {}
    for start in range(0, len(keys), 500):  # stay under SQLite's bound-parameter limit
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = await db.fetchall(
            f"SELECT key, content_hash FROM notices WHERE source_id = ? AND key IN ({marks})",
            [source_id, *chunk],
        )
        found.update((r[0], r[1]) for r in rows)
    return found


async def store_notices(
    db: Database,
    source_id: int,
    items: list[NewNotice],
    *,
    now: datetime,
    deliver: bool,
    notify_updates: bool = False,
) -> list[StoreOutcome]:
    """Store each item once per (source, key), in one transaction with its outbox rows.

    An item whose key is stored already is an update when its content hash differs, else unchanged; a
    reread (NewNotice.reread) is stored again as "refreshed", never as an update.
    `deliver=False` records items as seen without pushing them (a source's first poll).
    """
    ts = to_ts(now) or 0.0
    outcomes: list[StoreOutcome] = []
    async with db.transaction() as conn:
        for item in items:
            async with conn.execute(
                "SELECT id, content_hash, revision, coalesce(duplicate_of, id) FROM notices"
                " WHERE source_id = ? AND key = ?",
                (source_id, item.key),
            ) as cur:
                existing = await cur.fetchone()
            summary = item.summary
            if existing is not None:
                notice_id, old_hash, revision, root = existing
                if old_hash == item.content_hash:
                    outcomes.append(StoreOutcome(notice_id, "unchanged"))
                    continue
                await conn.execute(
                    "UPDATE notices SET title=?, text=?, url=?, content_hash=?, revision=revision+?,"
                    " updated_at=coalesce(?, updated_at), issuer=?, doc_number=?, summary=?, summary_json=?,"
                    " attachments=? WHERE id=?",
                    (
                        item.title,
                        item.text,
                        item.url,
                        item.content_hash,
                        0 if item.reread else 1,
                        None if item.reread else ts,
                        summary.issuer if summary else None,
                        summary.doc_number if summary else None,
                        summary.summary if summary else "",
                        _summary_json(summary),
                        _attachments_json(item.attachments),
                        notice_id,
                    ),
                )
                if item.reread:
                    outcomes.append(StoreOutcome(notice_id, "refreshed"))
                    continue
                sent = 0
                if deliver and notify_updates:
                    sent = await enqueue_for_notice(
                        conn,
                        notice_id=root,
                        source_id=source_id,
                        title=item.title,
                        text=item.text,
                        revision=revision + 1,
                        now=ts,
                    )
                outcomes.append(StoreOutcome(notice_id, "updated", deliveries=sent))
                continue
            async with conn.execute(
                "SELECT coalesce(duplicate_of, id) FROM notices WHERE dup_key = ? AND source_id != ?"
                " AND first_seen >= ? ORDER BY id LIMIT 1",
                (item.dup_key, source_id, ts - DUPLICATE_WINDOW.total_seconds()),
            ) as cur:
                dup = await cur.fetchone()
            duplicate_of = dup[0] if dup else None
            cur2 = await conn.execute(
                "INSERT INTO notices (source_id, key, url, title, text, published, first_seen, content_hash,"
                " dup_key, duplicate_of, issuer, doc_number, summary, summary_json)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (source_id, key) DO NOTHING",
                (
                    source_id,
                    item.key,
                    item.url,
                    item.title,
                    item.text,
                    to_ts(item.published),
                    ts,
                    item.content_hash,
                    item.dup_key,
                    duplicate_of,
                    summary.issuer if summary else None,
                    summary.doc_number if summary else None,
                    summary.summary if summary else "",
                    _summary_json(summary),
                ),
            )
            notice_id = cur2.lastrowid
            assert notice_id is not None
            if item.attachments:  # a column of its own step (migration 4): most notices have none
                await conn.execute(
                    "UPDATE notices SET attachments = ? WHERE id = ?",
                    (_attachments_json(item.attachments), notice_id),
                )
            if not deliver:  # a column of its own step (migration 7): the default (pushed) is the common case
                await conn.execute("UPDATE notices SET pushed = 0 WHERE id = ?", (notice_id,))
            sent = 0
            if deliver:
                sent = await enqueue_for_notice(
                    conn,
                    notice_id=duplicate_of or notice_id,
                    source_id=source_id,
                    title=item.title,
                    text=item.text,
                    revision=0,
                    now=ts,
                )
                if item.follows is not None:
                    sent += await enqueue_followers(
                        conn, duplicate_of or notice_id, earlier_id=item.follows, source_id=source_id, now=ts
                    )
            outcomes.append(StoreOutcome(notice_id, "new", duplicate_of=duplicate_of, deliveries=sent))
    return outcomes


_SELECT = "SELECT n.*, s.name AS source_name FROM notices n JOIN sources s ON s.id = n.source_id"


async def get_notice(db: Database, notice_id: int) -> Notice | None:
    """The notice with this id, if stored."""
    row = await db.fetchone(f"{_SELECT} WHERE n.id = ?", (notice_id,))
    return None if row is None else _row_to_notice(row)


async def latest_notices(db: Database, *, source_id: int | None = None, limit: int = 5) -> list[Notice]:
    """The newest notices (by publication date, else first seen), skipping cross-source duplicates."""
    where = "WHERE n.duplicate_of IS NULL" + (" AND n.source_id = ?" if source_id is not None else "")
    params: list[object] = [] if source_id is None else [source_id]
    rows = await db.fetchall(
        f"{_SELECT} {where} ORDER BY coalesce(n.published, n.first_seen) DESC, n.id DESC LIMIT ?",
        [*params, limit],
    )
    return [_row_to_notice(r) for r in rows]


async def count_notices(db: Database) -> int:
    """How many notices are stored."""
    row = await db.fetchone("SELECT count(*) FROM notices")
    return int(row[0]) if row else 0
