"""The outbox as the sender sees it: claim due rows in batches, record results, recover after a crash.

A row's life: pending -> sending (claimed) -> sent | pending again (retry later) | failed | skipped,
then deleted by the retention job (prune_deliveries) once old enough.
Rows left 'sending' by a crash go back to pending at start-up; that, plus recording a result only after
Telegram answered, is what makes delivery at-least-once with duplicates bounded by what was in flight.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

import aiosqlite

from storage.db import Database
from storage.models import DeliveryResult, DigestChat, DueDelivery, FailedDelivery
from storage.timeconv import from_ts, to_ts
from storage.totals import TOTALS, total_changes

__all__ = [
    "COUNT_OPEN_SQL",
    "PRUNE_SQL",
    "add_totals",
    "bump_counter",
    "claim_deliveries",
    "claim_digest",
    "delivery_counts",
    "digest_chats",
    "finish_digest",
    "get_counters",
    "next_delivery_time",
    "prune_deliveries",
    "recent_failures",
    "record_results",
    "recover_deliveries",
]

# The open rows /status counts: deliveries_due (state, mode, next_attempt) covers them, an index search.
COUNT_OPEN_SQL = "SELECT state, count(*) FROM deliveries WHERE state IN ('pending', 'sending') GROUP BY state"
# Finished rows old enough, found by the same index (every mode, so each (state, mode) is one range of it),
# and only when no notice with the same dup_key (the notice itself, a re-post of it, or a notice its
# re-posts could still be linked to) was first seen since :quiet: a re-post enqueues rows for its original
# notice, and the existing (notice, chat, revision) row is what stops it from reaching a chat twice.
PRUNE_SQL = (
    "DELETE FROM deliveries WHERE id IN (SELECT d.id FROM deliveries d"
    " WHERE d.state IN ('sent', 'failed', 'skipped') AND d.mode IN ('instant', 'digest', 'held')"
    " AND d.next_attempt < :before AND coalesce(d.sent_at, d.next_attempt) < :before"
    " AND NOT EXISTS (SELECT 1 FROM notices r JOIN notices m ON m.dup_key = r.dup_key"
    " WHERE r.id = d.notice_id AND m.first_seen >= :quiet) LIMIT :limit)"
)

_DUE_COLUMNS = (
    "d.id, d.notice_id, d.chat_id, c.type, c.language, c.timezone, d.revision, d.mode, d.attempts, c.quiet"
    " FROM deliveries d JOIN chats c ON c.id = d.chat_id"
)


def _due(row: Sequence[object]) -> DueDelivery:
    return DueDelivery(*row)  # type: ignore[arg-type]


async def _claim(db: Database, where: str, params: tuple[object, ...], limit: int) -> list[DueDelivery]:
    async with db.transaction() as conn:
        async with conn.execute(f"SELECT {_DUE_COLUMNS} WHERE {where} LIMIT ?", (*params, limit)) as cur:
            rows = [_due(tuple(r)) for r in await cur.fetchall()]
        if rows:
            await conn.executemany(
                "UPDATE deliveries SET state = 'sending' WHERE id = ?", [(r.id,) for r in rows]
            )
    return rows


async def claim_deliveries(db: Database, now: datetime, limit: int) -> list[DueDelivery]:
    """Claim (state 'sending') up to limit instant deliveries that are due, oldest first.

    One batch at a time, so a broadcast to 100,000 chats is never read into memory at once; the
    deliveries_due index (state, mode, next_attempt) serves both the filter and the order.
    """
    return await _claim(
        db,
        "d.state = 'pending' AND d.mode = 'instant' AND d.next_attempt <= ? ORDER BY d.next_attempt, d.id",
        (to_ts(now),),
        limit,
    )


async def next_delivery_time(db: Database) -> datetime | None:
    """When the earliest pending instant delivery is due (None when there is none)."""
    row = await db.fetchone(
        "SELECT min(next_attempt) FROM deliveries WHERE state = 'pending' AND mode = 'instant'"
    )
    return None if row is None else from_ts(row[0])


async def record_results(db: Database, results: Sequence[DeliveryResult], now: datetime) -> None:
    """Record a batch of outcomes in one transaction (group commit keeps the sender off the disk)."""
    ts = to_ts(now)
    sent, pending, final, held = [], [], [], []
    for r in results:
        attempt = 1 if r.counts_as_attempt else 0
        if r.state == "sent":
            sent.append((r.message_id, ts, attempt, r.delivery_id))
        elif r.state == "held":
            held.append((to_ts(r.next_attempt) or ts, r.delivery_id))
        elif r.state == "pending":
            pending.append((to_ts(r.next_attempt) or ts, attempt, r.error, r.delivery_id))
        else:
            final.append((r.state, attempt, r.error, r.delivery_id))
    async with db.transaction() as conn:
        before = await _states(conn, [r.delivery_id for r in results])
        if sent:
            await conn.executemany(
                "UPDATE deliveries SET state = 'sent', message_id = ?, sent_at = ?, attempts = attempts + ?,"
                " last_error = NULL WHERE id = ?",
                sent,
            )
        if pending:
            await conn.executemany(
                "UPDATE deliveries SET state = 'pending', next_attempt = ?, attempts = attempts + ?,"
                " last_error = coalesce(?, last_error) WHERE id = ?",
                pending,
            )
        if final:
            await conn.executemany(
                "UPDATE deliveries SET state = ?, attempts = attempts + ?, last_error = ? WHERE id = ?", final
            )
        if held:  # quiet hours: out of the instant queue until the window ends (bot.delivery.timed)
            await conn.executemany(
                "UPDATE deliveries SET state = 'pending', mode = 'held', next_attempt = ? WHERE id = ?", held
            )
        after = {r.delivery_id: "pending" if r.state == "held" else r.state for r in results}
        await add_totals(conn, total_changes(before, after))


async def recover_deliveries(db: Database) -> int:
    """Put rows a crashed sender left 'sending' back to pending; returns how many. Call before sending."""
    async with db.transaction() as conn:
        cur = await conn.execute("UPDATE deliveries SET state = 'pending' WHERE state = 'sending'")
        return max(cur.rowcount, 0)


async def _states(conn: aiosqlite.Connection, ids: Sequence[int]) -> dict[int, str]:
    """The current state of each of these deliveries (inside the caller's write transaction)."""
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        async with conn.execute(f"SELECT id, state FROM deliveries WHERE id IN ({marks})", chunk) as cur:
            found.update((r[0], r[1]) for r in await cur.fetchall())
    return found


async def add_totals(conn: aiosqlite.Connection, changes: Mapping[str, int]) -> None:
    """Move the totals of finished deliveries (storage.totals) inside the caller's transaction."""
    await conn.executemany(
        "INSERT INTO counters (name, value) VALUES (?, ?)"
        " ON CONFLICT (name) DO UPDATE SET value = value + excluded.value",
        sorted(changes.items()),
    )


async def delivery_counts(db: Database) -> dict[str, int]:
    """Open deliveries (pending, sending) as they are now; finished ones (sent, failed, skipped) in total.

    Every state present, zero if none. Neither reads the finished rows: the open ones by an index search,
    the totals from their counters, so /status costs the same after a year as on the first day.
    """
    counts = dict.fromkeys(("pending", "sending", "sent", "failed", "skipped"), 0)
    for state, n in await db.fetchall(COUNT_OPEN_SQL):
        counts[state] = n
    values = await get_counters(db)
    for state, name in TOTALS.items():
        counts[state] = values.get(name, 0)
    return counts


async def prune_deliveries(db: Database, finished_before: datetime, quiet_since: datetime, limit: int) -> int:
    """Delete up to limit finished deliveries (sent, failed, skipped) that finished before finished_before
    and whose notice has no same-key notice first seen since quiet_since; returns how many (PRUNE_SQL)."""
    params = {"before": to_ts(finished_before), "quiet": to_ts(quiet_since), "limit": limit}
    async with db.transaction() as conn:
        cur = await conn.execute(PRUNE_SQL, params)
        return max(cur.rowcount, 0)


async def recent_failures(db: Database, limit: int = 20) -> list[FailedDelivery]:
    """The latest deliveries that gave up, with their errors, for admins."""
    rows = await db.fetchall(
        "SELECT id, notice_id, chat_id, attempts, last_error FROM deliveries WHERE state = 'failed'"
        " ORDER BY id DESC LIMIT ?",
        (limit,),
    )
    return [FailedDelivery(*tuple(r)) for r in rows]


# --- digests --------------------------------------------------------------------------------------


async def digest_chats(db: Database) -> list[DigestChat]:
    """Every active chat with at least one digest subscription, with its HH:MM times."""
    rows = await db.fetchall(
        "SELECT c.id, c.type, c.language, c.timezone, coalesce(c.last_digest, min(s.created)),"
        " group_concat(DISTINCT s.digest_at) FROM chats c JOIN subscriptions s ON s.chat_id = c.id"
        " WHERE c.active = 1 AND s.mode = 'digest' AND s.digest_at IS NOT NULL GROUP BY c.id"
    )
    return [
        DigestChat(
            chat_id=r[0],
            chat_type=r[1],
            language=r[2],
            timezone=r[3],
            times=tuple(sorted(r[5].split(","))),
            since=from_ts(r[4]) or datetime.min,
        )
        for r in rows
    ]


async def claim_digest(db: Database, chat_id: int, limit: int) -> list[DueDelivery]:
    """Claim the chat's pending digest deliveries (the notices since its last digest), oldest first."""
    return await _claim(
        db, "d.chat_id = ? AND d.state = 'pending' AND d.mode = 'digest' ORDER BY d.id", (chat_id,), limit
    )


async def finish_digest(
    db: Database, chat_id: int, delivery_ids: Sequence[int], message_id: int | None, now: datetime
) -> None:
    """Mark a digest's deliveries sent and move the chat's last-digest time, in one transaction."""
    ts = to_ts(now)
    async with db.transaction() as conn:
        before = await _states(conn, delivery_ids)
        await conn.executemany(
            "UPDATE deliveries SET state = 'sent', message_id = ?, sent_at = ?, attempts = attempts + 1"
            " WHERE id = ?",
            [(message_id, ts, i) for i in delivery_ids],
        )
        await add_totals(conn, total_changes(before, dict.fromkeys(delivery_ids, "sent")))
        await conn.execute("UPDATE chats SET last_digest = ? WHERE id = ?", (ts, chat_id))


# --- counters -------------------------------------------------------------------------------------


async def bump_counter(db: Database, name: str, by: int = 1) -> None:
    """Add to a named counter (429s seen, messages sent as plain text, ...)."""
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO counters (name, value) VALUES (?, ?)"
            " ON CONFLICT (name) DO UPDATE SET value = value + excluded.value",
            (name, by),
        )


async def get_counters(db: Database) -> dict[str, int]:
    """Every named counter."""
    return {name: value for name, value in await db.fetchall("SELECT name, value FROM counters")}
