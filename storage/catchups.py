"""Catch-ups of returning chats: data access only (claims, missed notices; rules: bot.delivery.catchup)."""

from __future__ import annotations

from datetime import datetime

from storage.db import Database
from storage.models import DueCatchup, MissedNotice
from storage.timeconv import from_ts, to_ts

__all__ = ["claim_catchups", "finish_catchup", "missed_notices", "recover_catchups"]

# Notices skipped for the chat when it went away (next_attempt = when), and notices first seen while it was
# away at a source it subscribes to (every source for an all-sources subscription) and pushed to its
# subscribers (not one stored as seen only: a source's first poll); neither one it was sent. The title and
# text are the stored notice's (what the push matched the keywords on), the id its root's (what it showed);
# `{text}` is '' when the caller filters no keywords (no text loaded).
_MISSED_SQL = """
SELECT * FROM (
SELECT r.id AS id, n.source_id, {text}, n.first_seen AS seen, 1 AS skipped FROM deliveries d
JOIN notices n ON n.id = d.notice_id JOIN notices r ON r.id = coalesce(n.duplicate_of, n.id)
WHERE d.chat_id = ? AND d.state = 'skipped' AND d.next_attempt >= ? AND d.next_attempt <= ?
AND NOT EXISTS (SELECT 1 FROM deliveries o WHERE o.chat_id = d.chat_id AND o.notice_id = r.id AND o.state = 'sent')
UNION ALL
SELECT r.id, n.source_id, {text}, n.first_seen, 0 FROM notices n
JOIN notices r ON r.id = coalesce(n.duplicate_of, n.id)
WHERE n.first_seen > ? AND n.first_seen <= ? AND n.pushed = 1
AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.chat_id = ?
            AND (s.source_id = n.source_id OR s.source_id IS NULL))
AND NOT EXISTS (SELECT 1 FROM deliveries o WHERE o.chat_id = ? AND o.notice_id = r.id AND o.state = 'sent')
) WHERE (seen, id, skipped) < (?, ?, ?) ORDER BY seen DESC, id DESC, skipped DESC LIMIT ?
"""
_TEXT = "n.title, n.text"
_NO_TEXT = "'', ''"


# A chat's catch-up is due while chats.catchup_since is set (upsert_chat sets it when the chat comes back),
# claimed (catchup_claimed) while being sent, cleared once sent; recover_catchups releases stale claims.
async def claim_catchups(db: Database, limit: int) -> list[DueCatchup]:
    """Claim up to limit due catch-ups of active chats."""
    # Every periodic step asks; a write transaction would queue behind the poller's writes each time, so
    # a plain read (the partial index chats_catchup) first, and the claiming transaction only when one is due.
    if not await db.fetchall(
        "SELECT 1 FROM chats WHERE catchup_since IS NOT NULL AND active = 1 AND catchup_claimed = 0 LIMIT 1"
    ):
        return []
    async with db.transaction() as conn:
        async with conn.execute(
            "SELECT id, type, language, timezone, catchup_since, catchup_until FROM chats"
            " WHERE catchup_since IS NOT NULL AND active = 1 AND catchup_claimed = 0 ORDER BY id LIMIT ?",
            (limit,),
        ) as cur:
            rows = list(await cur.fetchall())
        await conn.executemany("UPDATE chats SET catchup_claimed = 1 WHERE id = ?", [(r[0],) for r in rows])
    return [
        DueCatchup(r[0], r[1], r[2], r[3], from_ts(r[4]) or datetime.min, from_ts(r[5]) or datetime.min)
        for r in rows
    ]


async def missed_notices(
    db: Database,
    chat_id: int,
    since: datetime,
    until: datetime,
    *,
    limit: int,
    after: MissedNotice | None = None,
    texts: bool = True,
) -> list[MissedNotice]:
    """Up to limit of what the chat may have missed in (since, until] (see _MISSED_SQL), newest first,
    from after the given one (a chunk's last: the next chunk); texts=False leaves title and text empty."""
    cursor = (to_ts(after.first_seen), after.notice_id, int(after.skipped)) if after else (float("inf"), 0, 0)
    rows = await db.fetchall(
        _MISSED_SQL.format(text=_TEXT if texts else _NO_TEXT),
        (chat_id, to_ts(since), to_ts(until), to_ts(since), to_ts(until), chat_id, chat_id, *cursor, limit),
    )
    return [MissedNotice(r[0], r[1], r[2], r[3], from_ts(r[4]) or datetime.min, bool(r[5])) for r in rows]


async def finish_catchup(db: Database, chat_id: int, until: datetime, *, done: bool) -> None:
    """Release a claimed catch-up: done, its period up to `until` is told (a period added since, by a
    flap while it was being sent, stays due from there); not done, it stays due as it is."""
    ts = to_ts(until)
    async with db.transaction() as conn:
        if not done:
            await conn.execute("UPDATE chats SET catchup_claimed = 0 WHERE id = ?", (chat_id,))
            return
        await conn.execute(
            "UPDATE chats SET catchup_claimed = 0,"
            " catchup_since = CASE WHEN catchup_until > ? THEN ? ELSE NULL END,"
            " catchup_until = CASE WHEN catchup_until > ? THEN catchup_until ELSE NULL END WHERE id = ?",
            (ts, ts, ts, chat_id),
        )


async def recover_catchups(db: Database) -> int:
    """Release catch-ups a crashed sender left claimed; returns how many."""
    async with db.transaction() as conn:
        cur = await conn.execute("UPDATE chats SET catchup_claimed = 0 WHERE catchup_claimed = 1")
        return max(cur.rowcount, 0)
