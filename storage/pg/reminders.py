"""PostgreSQL deadline reminders, quiet hours and held pushes (the rules live in bot.reminders, bot.quiet)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from storage.models import DeliveryResult, DueDelivery, DueReminder, NewReminder, Reminder
from storage.pg.base import affected, retrying
from storage.pg.outbox import OutboxMixin

__all__ = ["RemindersMixin"]


class RemindersMixin(OutboxMixin):
    """The reminders table, chats.quiet, and deliveries held in 'held' mode."""

    @retrying
    async def set_chat_quiet(self, chat_id: int, window: str | None) -> bool:
        """Set ('HH:MM-HH:MM') or clear the chat's quiet hours; False when the chat is unknown."""
        return (
            affected(await self.pool.execute("UPDATE chats SET quiet = $1 WHERE id = $2", window, chat_id))
            > 0
        )

    @retrying
    async def release_held(self, chat_id: int, now: datetime) -> int:
        """Make the chat's held pushes due now; returns how many."""
        status = await self.pool.execute(
            "UPDATE deliveries SET next_attempt = $1 WHERE chat_id = $2 AND mode = 'held' AND state = 'pending'",
            now,
            chat_id,
        )
        return affected(status)

    @retrying
    async def claim_held(self, now: datetime, limit: int) -> list[DueDelivery]:
        """Claim held pushes whose quiet window has ended, ordered by chat."""
        rows = await self._claim(
            "d.state = 'pending' AND d.mode = 'held' AND d.next_attempt <= $1"
            " AND EXISTS (SELECT 1 FROM chats c WHERE c.id = d.chat_id AND c.active)"
            " ORDER BY d.chat_id, d.created, d.id",
            (now,),
            limit,
            order="d.chat_id, d.created, d.id",
        )
        return rows

    @retrying
    async def add_reminders(
        self, chat_id: int, notice_id: int, items: Sequence[NewReminder], now: datetime
    ) -> int:
        """Replace the chat's pending reminders of a notice; returns how many are pending."""
        async with self.tx() as conn:
            await conn.execute(
                "DELETE FROM reminders WHERE chat_id = $1 AND notice_id = $2 AND state = 'pending'",
                chat_id,
                notice_id,
            )
            await conn.executemany(
                "INSERT INTO reminders (chat_id, notice_id, deadline, sentence, due, created)"
                " VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING",
                [(chat_id, notice_id, r.deadline, r.sentence, r.due, now) for r in items],
            )
            count = await conn.fetchval(
                "SELECT count(*) FROM reminders WHERE chat_id = $1 AND notice_id = $2 AND state = 'pending'",
                chat_id,
                notice_id,
            )
        return int(count)

    @retrying
    async def list_reminders(self, chat_id: int, limit: int = 50) -> list[Reminder]:
        """The chat's pending reminders, soonest first."""
        rows = await self.pool.fetch(
            "SELECT r.id, r.chat_id, r.notice_id, n.title, r.deadline, r.sentence, r.due FROM reminders r"
            " JOIN notices n ON n.id = r.notice_id WHERE r.chat_id = $1 AND r.state = 'pending'"
            " ORDER BY r.due, r.id LIMIT $2",
            chat_id,
            limit,
        )
        return [Reminder(*tuple(r)) for r in rows]

    @retrying
    async def move_reminders(self, chat_id: int, moves: Sequence[tuple[int, datetime]]) -> int:
        """Set new due times on the chat's pending reminders; returns how many moved (a clash with a row
        that stays keeps the reminder where it is, as in storage/reminders.py)."""
        async with self.tx() as conn:
            moved, left = 0, list(moves)
            while left:
                waiting: list[tuple[int, datetime]] = []
                for reminder_id, due in left:
                    if affected(
                        await conn.execute(
                            "UPDATE reminders r SET due = $1 WHERE r.id = $2 AND r.chat_id = $3"
                            " AND r.state = 'pending' AND NOT EXISTS (SELECT 1 FROM reminders o"
                            " WHERE o.chat_id = r.chat_id AND o.notice_id = r.notice_id"
                            " AND o.deadline = r.deadline AND o.due = $1 AND o.id <> r.id)",
                            due,
                            reminder_id,
                            chat_id,
                        )
                    ):
                        moved += 1
                    else:
                        waiting.append((reminder_id, due))
                if len(waiting) == len(left):
                    break  # no progress: the rest clash with rows that stay
                left = waiting
            return moved

    @retrying
    async def cancel_reminders(
        self, chat_id: int, *, notice_id: int | None = None, reminder_id: int | None = None
    ) -> int:
        """Cancel pending reminders of a notice (or one); returns how many."""
        status = await self.pool.execute(
            "UPDATE reminders SET state = 'cancelled' WHERE chat_id = $1 AND state = 'pending'"
            " AND ($2::bigint IS NULL OR notice_id = $2) AND ($3::bigint IS NULL OR id = $3)",
            chat_id,
            notice_id,
            reminder_id,
        )
        return affected(status)

    @retrying
    async def claim_reminders(self, now: datetime, limit: int) -> list[DueReminder]:
        """Claim due reminders of active chats (state 'sending'), soonest first."""
        async with self.tx() as conn:
            rows = await conn.fetch(
                "WITH picked AS (SELECT r.id FROM reminders r JOIN chats c ON c.id = r.chat_id"
                " WHERE r.state = 'pending' AND r.due <= $1 AND c.active ORDER BY r.due, r.id LIMIT $2"
                " FOR UPDATE OF r SKIP LOCKED), claimed AS (UPDATE reminders r SET state = 'sending' FROM picked"
                " WHERE r.id = picked.id RETURNING r.*)"
                " SELECT r.id, r.chat_id, c.type, c.language, c.timezone, c.quiet, r.notice_id, n.title,"
                " r.deadline, r.sentence, r.due, r.attempts FROM claimed r JOIN chats c ON c.id = r.chat_id"
                " JOIN notices n ON n.id = r.notice_id ORDER BY r.due, r.id",
                now,
                limit,
            )
        return [DueReminder(*tuple(r)) for r in rows]

    @retrying
    async def record_reminder_results(self, results: Sequence[DeliveryResult], now: datetime) -> None:
        """Record outcomes of claimed reminders (delivery_id = reminder id), in one transaction."""
        async with self.tx() as conn:
            for r in results:
                attempt = 1 if r.counts_as_attempt else 0
                if r.state == "sent":
                    await conn.execute(
                        "UPDATE reminders SET state = 'sent', message_id = $1, sent_at = $2,"
                        " attempts = attempts + $3 WHERE id = $4",
                        r.message_id,
                        now,
                        attempt,
                        r.delivery_id,
                    )
                elif r.state in ("pending", "held"):
                    await conn.execute(
                        "UPDATE reminders SET state = 'pending', due = coalesce($1, due), attempts = attempts + $2,"
                        " last_error = coalesce($3, last_error) WHERE id = $4 AND state = 'sending'",
                        r.next_attempt,
                        attempt,
                        r.error,
                        r.delivery_id,
                    )
                else:
                    await conn.execute(
                        "UPDATE reminders SET state = $1, attempts = attempts + $2, last_error = $3 WHERE id = $4",
                        r.state,
                        attempt,
                        r.error,
                        r.delivery_id,
                    )

    @retrying
    async def prune_reminders(self, before: datetime, limit: int) -> int:
        """Delete up to limit finished reminders due before `before` (by reminders_due); returns how many.

        A reminder is planned only for a due time still ahead, so a deleted row is never planned again.
        SKIP LOCKED: instances pruning at once delete disjoint rows.
        """
        return affected(
            await self.pool.execute(
                "DELETE FROM reminders WHERE id = ANY (ARRAY(SELECT id FROM reminders"
                " WHERE state IN ('sent', 'cancelled', 'failed', 'skipped') AND due < $1 LIMIT $2"
                " FOR UPDATE SKIP LOCKED))",
                before,
                limit,
            )
        )

    @retrying
    async def recover_reminders(self) -> int:
        """Reminders left 'sending' by a crash go back to pending; returns how many."""
        return affected(
            await self.pool.execute("UPDATE reminders SET state = 'pending' WHERE state = 'sending'")
        )
