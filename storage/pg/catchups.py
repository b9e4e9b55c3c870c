"""PostgreSQL catch-ups of returning chats: data access only (storage.catchups says how they work)."""

from __future__ import annotations

from datetime import datetime

from storage.models import DueCatchup, MissedNotice
from storage.pg.base import PgBase, affected, retrying

__all__ = ["CatchupsMixin"]

# storage.catchups._MISSED_SQL: skipped when the chat went away, or first seen meanwhile at a source it
# subscribes to, pushed to subscribers (not seen only); neither sent to it; in chunks, newest first.
_MISSED_SQL = """
SELECT * FROM (
SELECT r.id AS id, n.source_id, {text}, n.first_seen AS seen, true AS skipped FROM deliveries d
JOIN notices n ON n.id = d.notice_id JOIN notices r ON r.id = coalesce(n.duplicate_of, n.id)
WHERE d.chat_id = $1 AND d.state = 'skipped' AND d.next_attempt >= $2 AND d.next_attempt <= $3
AND NOT EXISTS (SELECT 1 FROM deliveries o WHERE o.chat_id = $1 AND o.notice_id = r.id AND o.state = 'sent')
UNION ALL
SELECT r.id, n.source_id, {text}, n.first_seen, false FROM notices n
JOIN notices r ON r.id = coalesce(n.duplicate_of, n.id)
WHERE n.first_seen > $2 AND n.first_seen <= $3 AND n.pushed
AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.chat_id = $1
            AND (s.source_id = n.source_id OR s.source_id IS NULL))
AND NOT EXISTS (SELECT 1 FROM deliveries o WHERE o.chat_id = $1 AND o.notice_id = r.id AND o.state = 'sent')
) m WHERE $4::timestamptz IS NULL OR (seen, id, skipped) < ($4, $5, $6)
ORDER BY seen DESC, id DESC, skipped DESC LIMIT $7
"""
_TEXT = "n.title, n.text"
_NO_TEXT = "''::text AS title, ''::text AS text"


class CatchupsMixin(PgBase):
    """The catch-up columns of chats."""

    @retrying
    async def claim_catchups(self, limit: int) -> list[DueCatchup]:
        """Claim up to limit due catch-ups of active chats (SKIP LOCKED: two senders never claim one)."""
        rows = await self.pool.fetch(
            "UPDATE chats SET catchup_claimed = true WHERE id IN (SELECT id FROM chats"
            " WHERE catchup_since IS NOT NULL AND active AND NOT catchup_claimed ORDER BY id LIMIT $1"
            " FOR UPDATE SKIP LOCKED)"
            " RETURNING id, type, language, timezone, catchup_since, catchup_until",
            limit,
        )
        return [DueCatchup(r[0], r[1], r[2], r[3], r[4], r[5]) for r in sorted(rows, key=lambda r: r[0])]

    @retrying
    async def missed_notices(
        self,
        chat_id: int,
        since: datetime,
        until: datetime,
        *,
        limit: int,
        after: MissedNotice | None = None,
        texts: bool = True,
    ) -> list[MissedNotice]:
        """Up to limit of what the chat may have missed in (since, until], newest first, after `after`."""
        rows = await self.pool.fetch(
            _MISSED_SQL.format(text=_TEXT if texts else _NO_TEXT),
            chat_id,
            since,
            until,
            after.first_seen if after else None,
            after.notice_id if after else 0,
            after.skipped if after else False,
            limit,
        )
        return [MissedNotice(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]

    @retrying
    async def finish_catchup(self, chat_id: int, until: datetime, *, done: bool) -> None:
        """Release a claimed catch-up; done: its period up to `until` is told, a later one stays due."""
        if not done:
            await self.pool.execute("UPDATE chats SET catchup_claimed = false WHERE id = $1", chat_id)
            return
        await self.pool.execute(
            "UPDATE chats SET catchup_claimed = false,"
            " catchup_since = CASE WHEN catchup_until > $1 THEN $1 ELSE NULL END,"
            " catchup_until = CASE WHEN catchup_until > $1 THEN catchup_until ELSE NULL END WHERE id = $2",
            until,
            chat_id,
        )

    @retrying
    async def recover_catchups(self) -> int:
        """Release catch-ups a crashed sender left claimed; returns how many."""
        return affected(
            await self.pool.execute("UPDATE chats SET catchup_claimed = false WHERE catchup_claimed")
        )
