"""Deadline reminders, quiet hours and held pushes: data access only (the rules live in bot.reminders, bot.quiet).

A reminder's life mirrors a delivery's: pending -> sending (claimed) -> sent | pending (retry) | failed |
skipped, or cancelled by the user. Rows left 'sending' by a crash go back to pending (recover_reminders).
Held pushes are ordinary deliveries rows with mode 'held' and next_attempt = the end of the quiet window.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from storage.db import Database
from storage.deliveries import _claim
from storage.models import DeliveryResult, DueDelivery, DueReminder, NewReminder, Reminder
from storage.timeconv import from_ts, to_ts

__all__ = [
    "add_reminders",
    "cancel_reminders",
    "claim_held",
    "claim_reminders",
    "list_reminders",
    "move_reminders",
    "prune_reminders",
    "record_reminder_results",
    "recover_reminders",
    "release_held",
    "set_quiet",
]


async def set_quiet(db: Database, chat_id: int, window: str | None) -> bool:
    """Set the chat's quiet hours ('HH:MM-HH:MM', validated by the caller) or clear them; False if unknown."""
    async with db.transaction() as conn:
        cur = await conn.execute("UPDATE chats SET quiet = ? WHERE id = ?", (window, chat_id))
        return cur.rowcount > 0


async def release_held(db: Database, chat_id: int, now: datetime) -> int:
    """Make the chat's held pushes due now (quiet hours turned off or changed); returns how many."""
    async with db.transaction() as conn:
        cur = await conn.execute(
            "UPDATE deliveries SET next_attempt = ? WHERE chat_id = ? AND mode = 'held' AND state = 'pending'",
            (to_ts(now), chat_id),
        )
        return max(cur.rowcount, 0)


async def claim_held(db: Database, now: datetime, limit: int) -> list[DueDelivery]:
    """Claim held pushes whose quiet window has ended, grouped by chat (one message per chat)."""
    return await _claim(
        db,
        "d.state = 'pending' AND d.mode = 'held' AND d.next_attempt <= ? AND c.active = 1"
        " ORDER BY d.chat_id, d.id",
        (to_ts(now),),
        limit,
    )


async def add_reminders(
    db: Database, chat_id: int, notice_id: int, items: Sequence[NewReminder], now: datetime
) -> int:
    """Replace the chat's pending reminders for this notice with items; returns how many are pending now.

    Replacing (not adding) is what lets `/remind 12 7d 1d` change the lead times of a notice already set.
    """
    ts = to_ts(now)
    async with db.transaction() as conn:
        await conn.execute(
            "DELETE FROM reminders WHERE chat_id = ? AND notice_id = ? AND state = 'pending'",
            (chat_id, notice_id),
        )
        await conn.executemany(
            "INSERT OR IGNORE INTO reminders (chat_id, notice_id, deadline, sentence, due, created)"
            " VALUES (?,?,?,?,?,?)",
            [(chat_id, notice_id, r.deadline, r.sentence, to_ts(r.due), ts) for r in items],
        )
        async with conn.execute(
            "SELECT count(*) FROM reminders WHERE chat_id = ? AND notice_id = ? AND state = 'pending'",
            (chat_id, notice_id),
        ) as cur:
            row = await cur.fetchone()
    return int(row[0]) if row else 0


async def list_reminders(db: Database, chat_id: int, limit: int = 50) -> list[Reminder]:
    """The chat's pending reminders, soonest first, with their notices' titles."""
    rows = await db.fetchall(
        "SELECT r.id, r.chat_id, r.notice_id, n.title, r.deadline, r.sentence, r.due FROM reminders r"
        " JOIN notices n ON n.id = r.notice_id WHERE r.chat_id = ? AND r.state = 'pending'"
        " ORDER BY r.due, r.id LIMIT ?",
        (chat_id, limit),
    )
    return [Reminder(r[0], r[1], r[2], r[3], r[4], r[5], from_ts(r[6]) or datetime.min) for r in rows]


async def move_reminders(db: Database, chat_id: int, moves: Sequence[tuple[int, datetime]]) -> int:
    """Set new due times (reminder id, due) on the chat's pending reminders; returns how many moved.

    A reminder whose new time is taken by another row of the same notice and deadline (a cancelled or sent
    one keeps its time) stays where it is; a clash with one that moves too is retried after it has moved."""
    async with db.transaction() as conn:
        moved, left = 0, list(moves)
        while left:
            waiting: list[tuple[int, datetime]] = []
            for reminder_id, due in left:
                cur = await conn.execute(
                    "UPDATE reminders SET due = ? WHERE id = ? AND chat_id = ? AND state = 'pending'"
                    " AND NOT EXISTS (SELECT 1 FROM reminders o WHERE o.chat_id = reminders.chat_id"
                    " AND o.notice_id = reminders.notice_id AND o.deadline = reminders.deadline"
                    " AND o.due = ? AND o.id <> reminders.id)",
                    (to_ts(due), reminder_id, chat_id, to_ts(due)),
                )
                if cur.rowcount > 0:
                    moved += 1
                else:
                    waiting.append((reminder_id, due))
            if len(waiting) == len(left):
                break  # no progress: the rest clash with rows that stay
            left = waiting
        return moved


async def cancel_reminders(
    db: Database, chat_id: int, *, notice_id: int | None = None, reminder_id: int | None = None
) -> int:
    """Cancel the chat's pending reminders of a notice, or one reminder; returns how many."""
    where, params = "chat_id = ? AND state = 'pending'", [chat_id]
    if notice_id is not None:
        where += " AND notice_id = ?"
        params.append(notice_id)
    if reminder_id is not None:
        where += " AND id = ?"
        params.append(reminder_id)
    async with db.transaction() as conn:
        cur = await conn.execute(f"UPDATE reminders SET state = 'cancelled' WHERE {where}", params)
        return max(cur.rowcount, 0)


async def claim_reminders(db: Database, now: datetime, limit: int) -> list[DueReminder]:
    """Claim (state 'sending') due reminders of active chats, soonest first."""
    async with db.transaction() as conn:
        async with conn.execute(
            "SELECT r.id, r.chat_id, c.type, c.language, c.timezone, c.quiet, r.notice_id, n.title,"
            " r.deadline, r.sentence, r.due, r.attempts FROM reminders r JOIN chats c ON c.id = r.chat_id"
            " JOIN notices n ON n.id = r.notice_id"
            " WHERE r.state = 'pending' AND r.due <= ? AND c.active = 1 ORDER BY r.due, r.id LIMIT ?",
            (to_ts(now), limit),
        ) as cur:
            rows = [tuple(r) for r in await cur.fetchall()]
        if rows:
            await conn.executemany(
                "UPDATE reminders SET state = 'sending' WHERE id = ?", [(r[0],) for r in rows]
            )
    return [
        DueReminder(
            id=r[0],
            chat_id=r[1],
            chat_type=r[2],
            language=r[3],
            timezone=r[4],
            quiet=r[5],
            notice_id=r[6],
            title=r[7],
            deadline=r[8],
            sentence=r[9],
            due=from_ts(r[10]) or datetime.min,
            attempts=r[11],
        )
        for r in rows
    ]


async def record_reminder_results(db: Database, results: Sequence[DeliveryResult], now: datetime) -> None:
    """Record what became of claimed reminders (delivery_id is the reminder's id), in one transaction."""
    ts = to_ts(now)
    async with db.transaction() as conn:
        for r in results:
            attempt = 1 if r.counts_as_attempt else 0
            if r.state == "sent":
                await conn.execute(
                    "UPDATE reminders SET state = 'sent', message_id = ?, sent_at = ?, attempts = attempts + ?"
                    " WHERE id = ?",
                    (r.message_id, ts, attempt, r.delivery_id),
                )
            elif r.state in ("pending", "held"):
                await conn.execute(
                    "UPDATE reminders SET state = 'pending', due = coalesce(?, due), attempts = attempts + ?,"
                    " last_error = coalesce(?, last_error) WHERE id = ? AND state = 'sending'",
                    (to_ts(r.next_attempt), attempt, r.error, r.delivery_id),
                )
            else:
                await conn.execute(
                    "UPDATE reminders SET state = ?, attempts = attempts + ?, last_error = ? WHERE id = ?",
                    (r.state, attempt, r.error, r.delivery_id),
                )


async def recover_reminders(db: Database) -> int:
    """Put reminders a crashed run left 'sending' back to pending; returns how many."""
    async with db.transaction() as conn:
        cur = await conn.execute("UPDATE reminders SET state = 'pending' WHERE state = 'sending'")
        return max(cur.rowcount, 0)


async def prune_reminders(db: Database, before: datetime, limit: int) -> int:
    """Delete up to limit finished reminders (sent, cancelled, failed, skipped) due before `before`; how many.

    Found by the reminders_due (state, due) index. Nothing relies on them: a reminder is planned only for a
    due time still ahead, so a deleted row can never be planned, and sent, again.
    """
    async with db.transaction() as conn:
        cur = await conn.execute(
            "DELETE FROM reminders WHERE id IN (SELECT id FROM reminders"
            " WHERE state IN ('sent', 'cancelled', 'failed', 'skipped') AND due < ? LIMIT ?)",
            (to_ts(before), limit),
        )
        return max(cur.rowcount, 0)
