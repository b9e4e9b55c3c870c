"""PostgreSQL outbox: claim due deliveries in batches, record results, recover after a crash, digests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from storage.models import DeliveryResult, DigestChat, DueDelivery, FailedDelivery
from storage.pg.base import PgBase, affected, retrying
from storage.totals import TOTALS, total_changes

__all__ = ["COUNT_OPEN_SQL", "PRUNE_SQL", "OutboxMixin", "add_totals"]

# The open rows /status counts, each by a partial index (deliveries_due: pending instant rows;
# deliveries_state: sending, and pending digest or held rows); no finished row is read.
COUNT_OPEN_SQL = (
    "SELECT (SELECT count(*) FROM deliveries WHERE state = 'pending' AND mode = 'instant')"
    " + (SELECT count(*) FROM deliveries WHERE state = 'pending' AND mode <> 'instant') AS pending,"
    " (SELECT count(*) FROM deliveries WHERE state = 'sending') AS sending"
)
# Finished rows old enough, by the deliveries_done index, and only when no notice with the same dup_key (the
# notice itself, a re-post of it, or a notice its re-posts could still be linked to) was first seen since $2:
# a re-post enqueues rows for its original notice, and the existing (chat, notice, revision) row is what stops
# it from reaching a chat twice. SKIP LOCKED: instances pruning at once delete disjoint rows, never wait.
# The ids as an array: the DELETE then finds each by the primary key (as a join it hashed the whole table).
PRUNE_SQL = (
    "DELETE FROM deliveries WHERE id = ANY (ARRAY(SELECT o.id FROM deliveries o"
    " WHERE o.state IN ('sent', 'failed', 'skipped') AND o.next_attempt < $1"
    " AND coalesce(o.sent_at, o.next_attempt) < $1"
    " AND NOT EXISTS (SELECT 1 FROM notices r JOIN notices m ON m.dup_key = r.dup_key"
    " WHERE r.id = o.notice_id AND m.first_seen >= $2)"
    " LIMIT $3 FOR UPDATE OF o SKIP LOCKED))"
)


async def add_totals(conn: Any, changes: Mapping[str, int]) -> None:
    """Move the totals of finished deliveries (storage.totals) inside the caller's transaction."""
    if changes:  # in name order: two transactions moving the same counters lock them in one order
        await conn.executemany(
            "INSERT INTO counters (name, value) VALUES ($1, $2)"
            " ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value",
            sorted(changes.items()),
        )


async def _lock_states(conn: Any, ids: Sequence[int]) -> dict[int, str]:
    """The current state of these deliveries, locked (in id order) until the caller's transaction ends, so
    that a concurrent change (a chat deactivated meanwhile) lands before or after, never in between."""
    rows = await conn.fetch(
        "SELECT id, state FROM deliveries WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE", list(ids)
    )
    return {r["id"]: r["state"] for r in rows}


_DUE = (
    "d.id, d.notice_id, d.chat_id, c.type, c.language, c.timezone, d.revision, d.mode, d.attempts, c.quiet"
    " FROM deliveries d JOIN chats c ON c.id = d.chat_id"
)


def _due(row: Any) -> DueDelivery:
    return DueDelivery(*tuple(row))


class OutboxMixin(PgBase):
    """The deliveries and counters tables."""

    async def _claim(
        self, where: str, params: tuple[object, ...], limit: int, order: str = "d.created, d.id"
    ) -> list[DueDelivery]:
        # SKIP LOCKED: a claim never waits behind (or double-claims with) another transaction's claim.
        # Oldest first by created (the notice's arrival), not by id: ids come from per-connection blocks of
        # the sequence (schema migration 5), unique but not in arrival order across connections.
        async with self.tx() as conn:
            rows = await conn.fetch(
                f"WITH picked AS (SELECT d.id FROM deliveries d WHERE {where} LIMIT {int(limit)}"
                " FOR UPDATE SKIP LOCKED), claimed AS (UPDATE deliveries d SET state = 'sending' FROM picked"
                f" WHERE d.id = picked.id RETURNING d.*) SELECT {_DUE.replace('deliveries d', 'claimed d')}"
                f" ORDER BY {order}",
                *params,
            )
        return [_due(r) for r in rows]

    @retrying
    async def claim_deliveries(self, now: datetime, limit: int) -> list[DueDelivery]:
        """Claim up to limit due instant deliveries (state 'sending'), oldest first."""
        rows = await self._claim(
            "d.state = 'pending' AND d.mode = 'instant' AND d.next_attempt <= $1 ORDER BY d.next_attempt",
            (now,),
            limit,
        )
        return rows

    @retrying
    async def next_delivery_time(self) -> datetime | None:
        """When the earliest pending instant delivery is due."""
        value: datetime | None = await self.pool.fetchval(
            "SELECT min(next_attempt) FROM deliveries WHERE state = 'pending' AND mode = 'instant'"
        )
        return value

    @retrying
    async def record_results(self, results: Sequence[DeliveryResult], now: datetime) -> None:
        """Record a batch of delivery outcomes in one transaction."""
        sent, pending, final, held = [], [], [], []
        for r in results:
            attempt = 1 if r.counts_as_attempt else 0
            if r.state == "sent":
                sent.append((r.message_id, now, attempt, r.delivery_id))
            elif r.state == "held":
                held.append((r.next_attempt or now, r.delivery_id))
            elif r.state == "pending":
                pending.append((r.next_attempt or now, attempt, r.error, r.delivery_id))
            else:
                final.append((r.state, attempt, r.error, r.delivery_id))
        async with self.tx() as conn:
            before = await _lock_states(conn, [r.delivery_id for r in results])
            if sent:
                await conn.executemany(
                    "UPDATE deliveries SET state = 'sent', message_id = $1, sent_at = $2,"
                    " attempts = attempts + $3, last_error = NULL WHERE id = $4",
                    sent,
                )
            if pending:
                await conn.executemany(
                    "UPDATE deliveries SET state = 'pending', next_attempt = $1, attempts = attempts + $2,"
                    " last_error = coalesce($3, last_error) WHERE id = $4",
                    pending,
                )
            if final:
                await conn.executemany(
                    "UPDATE deliveries SET state = $1, attempts = attempts + $2, last_error = $3 WHERE id = $4",
                    final,
                )
            if held:  # quiet hours: out of the instant queue until the window ends (bot.delivery.timed)
                await conn.executemany(
                    "UPDATE deliveries SET state = 'pending', mode = 'held', next_attempt = $1 WHERE id = $2",
                    held,
                )
            after = {r.delivery_id: "pending" if r.state == "held" else r.state for r in results}
            await add_totals(conn, total_changes(before, after))

    @retrying
    async def recover_deliveries(self) -> int:
        """Rows left 'sending' by a crashed sender go back to pending; returns how many.

        Only the elected sender calls this (at start and on taking over), so no live claim is undone.
        """
        return affected(
            await self.pool.execute("UPDATE deliveries SET state = 'pending' WHERE state = 'sending'")
        )

    @retrying
    async def delivery_counts(self) -> dict[str, int]:
        """Open deliveries (pending, sending) as they are now; finished ones (sent, failed, skipped) in total.

        Every state present, zero if none; no finished row is read (COUNT_OPEN_SQL, TOTALS).
        """
        # One snapshot for both reads: READ COMMITTED (the default) takes one per statement, so a batch
        # finished between them would count as open and as a total at once.
        async with self.pool.acquire() as conn, conn.transaction(isolation="repeatable_read", readonly=True):
            row = await conn.fetchrow(COUNT_OPEN_SQL)
            values = {r["name"]: r["value"] for r in await conn.fetch("SELECT name, value FROM counters")}
        counts = {"pending": int(row["pending"]), "sending": int(row["sending"])}
        for state, name in TOTALS.items():
            counts[state] = int(values.get(name, 0))
        return counts

    @retrying
    async def prune_deliveries(self, finished_before: datetime, quiet_since: datetime, limit: int) -> int:
        """Delete up to limit old finished deliveries the dedup no longer needs (PRUNE_SQL); how many."""
        return affected(await self.pool.execute(PRUNE_SQL, finished_before, quiet_since, limit))

    @retrying
    async def recent_failures(self, limit: int = 20) -> list[FailedDelivery]:
        """The latest failed deliveries with their errors."""
        rows = await self.pool.fetch(
            "SELECT id, notice_id, chat_id, attempts, last_error FROM deliveries WHERE state = 'failed'"
            " ORDER BY created DESC, id DESC LIMIT $1",  # ids are cached per connection: not in arrival order
            limit,
        )
        return [FailedDelivery(*tuple(r)) for r in rows]

    @retrying
    async def digest_chats(self) -> list[DigestChat]:
        """Active chats with digest subscriptions, with their HH:MM times."""
        rows = await self.pool.fetch(
            "SELECT c.id, c.type, c.language, c.timezone, coalesce(c.last_digest, min(s.created)) AS since,"
            " array_agg(DISTINCT s.digest_at) AS times FROM chats c JOIN subscriptions s ON s.chat_id = c.id"
            " WHERE c.active AND s.mode = 'digest' AND s.digest_at IS NOT NULL GROUP BY c.id"
        )
        return [
            DigestChat(
                chat_id=r["id"],
                chat_type=r["type"],
                language=r["language"],
                timezone=r["timezone"],
                times=tuple(sorted(r["times"])),
                since=r["since"],
            )
            for r in rows
        ]

    @retrying
    async def claim_digest(self, chat_id: int, limit: int) -> list[DueDelivery]:
        """Claim the chat's pending digest deliveries, oldest first."""
        return await self._claim(
            "d.chat_id = $1 AND d.state = 'pending' AND d.mode = 'digest' ORDER BY d.created, d.id",
            (chat_id,),
            limit,
        )

    @retrying
    async def finish_digest(
        self, chat_id: int, delivery_ids: Sequence[int], message_id: int | None, now: datetime
    ) -> None:
        """Mark a digest's deliveries sent and record the digest time, in one transaction."""
        async with self.tx() as conn:
            before = await _lock_states(conn, delivery_ids)
            await conn.execute(
                "UPDATE deliveries SET state = 'sent', message_id = $1, sent_at = $2, attempts = attempts + 1"
                " WHERE id = ANY($3::bigint[])",
                message_id,
                now,
                list(delivery_ids),
            )
            await add_totals(conn, total_changes(before, dict.fromkeys(delivery_ids, "sent")))
            await conn.execute("UPDATE chats SET last_digest = $1 WHERE id = $2", now, chat_id)

    @retrying
    async def bump_counter(self, name: str, by: int = 1) -> None:
        """Add to a named counter."""
        await self.pool.execute(
            "INSERT INTO counters (name, value) VALUES ($1, $2)"
            " ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value",
            name,
            by,
        )

    @retrying
    async def get_counters(self) -> dict[str, int]:
        """Every named counter."""
        return {r["name"]: r["value"] for r in await self.pool.fetch("SELECT name, value FROM counters")}
