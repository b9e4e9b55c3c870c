"""Change notices' links (PostgreSQL): candidate earlier notices by title, and the change for their recipients."""

from __future__ import annotations

from datetime import datetime

from storage.models import TitledNotice
from storage.pg.base import PgBase, affected, retrying
from storage.pg.schema import OUTBOX_LOCK

__all__ = ["LinksMixin"]

# As storage/links.py: the earlier notice's recipients, still active and subscribed to either source.
_FOLLOWERS = (
    "INSERT INTO deliveries (notice_id, chat_id, revision, mode, next_attempt, created)"
    " SELECT $1, d.chat_id, 0, CASE WHEN d.mode = 'digest' THEN 'digest' ELSE 'instant' END, $2, $2"
    " FROM deliveries d JOIN chats c ON c.id = d.chat_id"
    " WHERE d.notice_id = (SELECT coalesce(duplicate_of, id) FROM notices WHERE id = $3) AND d.revision = 0"
    " AND d.state IN ('pending', 'sending', 'sent') AND c.active"
    " AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.chat_id = d.chat_id AND (s.source_id IS NULL"
    " OR s.source_id = $4 OR s.source_id = (SELECT source_id FROM notices WHERE id = $3)))"
    " ON CONFLICT DO NOTHING"
)


class LinksMixin(PgBase):
    """Finding the notice a change notice refers to, and queueing the change for its recipients."""

    @retrying
    async def titled_notices(
        self, fragment: str, *, before: int, source_id: int | None, limit: int = 20
    ) -> list[TitledNotice]:
        """Notices older than `before` (an id) whose title contains fragment (case folded), newest first."""
        rows = await self.pool.fetch(
            "SELECT id, source_id, title, duplicate_of FROM notices WHERE id < $1"
            " AND ($2::bigint IS NULL OR source_id = $2) AND strpos(lower(title), lower($3)) > 0"
            " ORDER BY id DESC LIMIT $4",
            before,
            source_id,
            fragment,
            limit,
        )
        return [TitledNotice(r["id"], r["source_id"], r["title"], r["duplicate_of"]) for r in rows]

    @retrying
    async def enqueue_followers(
        self, notice_id: int, *, earlier_id: int, source_id: int, now: datetime
    ) -> int:
        """Queue notice_id (a root notice of source_id) for every chat that got earlier_id; returns how many."""
        async with self.tx() as conn:
            # Deliveries have no foreign keys: the shared outbox lock keeps a chat from being deleted or
            # renumbered under this insert, as for a broadcast (storage/pg/notices.py).
            await conn.execute(f"SELECT pg_advisory_xact_lock_shared({OUTBOX_LOCK})")
            return affected(await conn.execute(_FOLLOWERS, notice_id, now, earlier_id, source_id))
