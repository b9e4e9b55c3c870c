"""Change notices' links (PostgreSQL): candidate earlier notices by title, and the change for their recipients."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from storage.models import TitledNotice
from storage.pg.base import PgBase, affected, retrying

__all__ = ["LinksMixin", "enqueue_followers"]

# As storage/links.py: the earlier notice's recipients, still active and subscribed to the change's source,
# the earlier notice's or its root's; in the digest only while the chat still has a digest subscription.
_FOLLOWERS = (
    "INSERT INTO deliveries (notice_id, chat_id, revision, mode, next_attempt, created)"
    " SELECT $1, d.chat_id, 0, CASE WHEN d.mode = 'digest' AND EXISTS (SELECT 1 FROM subscriptions ds"
    " WHERE ds.chat_id = d.chat_id AND ds.mode = 'digest') THEN 'digest' ELSE 'instant' END, $2, $2"
    " FROM deliveries d JOIN chats c ON c.id = d.chat_id"
    " WHERE d.notice_id = (SELECT coalesce(duplicate_of, id) FROM notices WHERE id = $3) AND d.revision = 0"
    " AND d.state IN ('pending', 'sending', 'sent') AND c.active"
    " AND EXISTS (SELECT 1 FROM subscriptions s WHERE s.chat_id = d.chat_id AND (s.source_id IS NULL"
    " OR s.source_id = $4 OR s.source_id IN (SELECT source_id FROM notices WHERE id = $3"
    " OR id = (SELECT coalesce(duplicate_of, id) FROM notices WHERE id = $3))))"
    # In chat order: two instances queueing the same change (two sources' copies of it share its root)
    # meet on the unique key in the same order, so one waits for the other instead of deadlocking.
    " ORDER BY d.chat_id ON CONFLICT DO NOTHING"
)


class LinksMixin(PgBase):
    """Finding the notice a change notice refers to."""

    @retrying
    async def titled_notices(
        self, fragment: str, *, before: int | None, source_id: int | None, limit: int = 20
    ) -> list[TitledNotice]:
        """Notices older than `before` (an id; None: all) whose title contains fragment (case folded),
        newest first."""
        rows = await self.pool.fetch(
            "SELECT id, source_id, title FROM notices WHERE ($1::bigint IS NULL OR id < $1)"
            " AND ($2::bigint IS NULL OR source_id = $2) AND strpos(lower(title), lower($3)) > 0"
            " ORDER BY id DESC LIMIT $4",
            before,
            source_id,
            fragment,
            limit,
        )
        return [TitledNotice(r["id"], r["source_id"], r["title"]) for r in rows]

    @retrying
    async def exact_titles(self, source_id: int, titles: list[str]) -> list[tuple[str, datetime | None]]:
        """The title and publication date of each notice of source_id whose title is one of titles, exactly."""
        if not titles:
            return []
        rows = await self.pool.fetch(
            "SELECT title, published FROM notices WHERE source_id = $1 AND title = ANY($2::text[])",
            source_id,
            titles,
        )
        return [(r["title"], r["published"]) for r in rows]


async def enqueue_followers(
    conn: Any, notice_id: int, *, earlier_id: int, source_id: int, now: datetime
) -> int:
    """Queue notice_id (a root notice of source_id) for every chat that got earlier_id, in the caller's
    transaction (store_notices, which holds the outbox lock shared already); returns how many rows."""
    return affected(await conn.execute(_FOLLOWERS, notice_id, now, earlier_id, source_id))
