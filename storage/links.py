"""Change notices' links (SQLite): candidate earlier notices by title, and the change for their recipients."""

from __future__ import annotations

from datetime import datetime

import aiosqlite

from storage.db import Database
from storage.models import TitledNotice
from storage.timeconv import from_ts

__all__ = ["enqueue_followers", "exact_titles", "titled_notices"]


async def titled_notices(
    db: Database, fragment: str, *, before: int | None, source_id: int | None, limit: int
) -> list[TitledNotice]:
    """Notices older than `before` (an id; None: all) whose title contains fragment (ASCII case folded),
    newest first."""
    rows = await db.fetchall(
        "SELECT id, source_id, title FROM notices WHERE (? IS NULL OR id < ?)"
        " AND (? IS NULL OR source_id = ?) AND instr(lower(title), lower(?)) > 0 ORDER BY id DESC LIMIT ?",
        (before, before, source_id, source_id, fragment, limit),
    )
    return [TitledNotice(r[0], r[1], r[2]) for r in rows]


async def exact_titles(db: Database, source_id: int, titles: list[str]) -> list[tuple[str, datetime | None]]:
    """The title and publication date of each notice of source_id whose title is one of titles, exactly."""
    if not titles:
        return []
    marks = ",".join("?" * len(titles))
    rows = await db.fetchall(
        f"SELECT title, published FROM notices WHERE source_id = ? AND title IN ({marks})",
        (source_id, *titles),
    )
    return [(r[0], from_ts(r[1])) for r in rows]


# The chats the earlier notice went (or is going) to, still active and still subscribed to one of the
# notices' sources (the change's, the earlier notice's, or its root's when that was another source's copy,
# or to all): each gets the change once (the unique key makes a second row a no-op). A digest row's follower
# goes in the digest only while the chat still has a digest subscription: else no digest would ever claim it
# (as subscriptions._release_orphan_digest_rows guards), and it goes now.
_FOLLOWERS = (
    "INSERT OR IGNORE INTO deliveries (notice_id, chat_id, revision, mode, next_attempt, created)"
    " SELECT ?, d.chat_id, 0, CASE WHEN d.mode = 'digest' AND EXISTS (SELECT 1 FROM subscriptions ds"
    " WHERE ds.chat_id = d.chat_id AND ds.mode = 'digest') THEN 'digest' ELSE 'instant' END, ?, ?"
    " FROM deliveries d JOIN chats c ON c.id = d.chat_id"
    " WHERE d.notice_id = (SELECT coalesce(duplicate_of, id) FROM notices WHERE id = ?) AND d.revision = 0"
    " AND d.state IN ('pending', 'sending', 'sent') AND c.active = 1"
    " AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.chat_id = d.chat_id AND (s.source_id IS NULL"
    " OR s.source_id = ? OR s.source_id IN (SELECT source_id FROM notices WHERE id = ?"
    " OR id = (SELECT coalesce(duplicate_of, id) FROM notices WHERE id = ?))))"
)


async def enqueue_followers(
    conn: aiosqlite.Connection, notice_id: int, *, earlier_id: int, source_id: int, now: float
) -> int:
    """Queue notice_id (a root notice of source_id) for every chat that got earlier_id, in the caller's
    transaction (storage.notices.store_notices); returns how many rows were added."""
    cur = await conn.execute(_FOLLOWERS, (notice_id, now, now, earlier_id, source_id, earlier_id, earlier_id))
    return max(cur.rowcount, 0)
