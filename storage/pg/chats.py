"""PostgreSQL chats and subscriptions: who receives what, in which language, zone and mode."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import asyncpg

from domain.rules import InvalidSubscriptionError, check_mode, normalize_keywords
from storage.errors import ChatNotFoundError
from storage.models import DEFAULT_TIMEZONE, ChatRecord, ChatType, DeliveryMode, Subscription
from storage.pg.base import PgBase, affected, retrying
from storage.pg.outbox import add_totals
from storage.pg.schema import OUTBOX_LOCK
from storage.totals import TOTALS

__all__ = ["ChatsMixin"]

_OPEN = "('pending', 'sending')"
_RETURNING = "NOT chats.active AND chats.deactivated_at IS NOT NULL"  # in an upsert: this reactivates it
# subscriptions_one is unique on (chat_id, coalesce(source_id, 0)): the same expression finds a row.
_ONE = "chat_id = $1 AND coalesce(source_id, 0) = coalesce($2::bigint, 0)"


def _chat(row: Any) -> ChatRecord:
    return ChatRecord(
        id=row["id"],
        type=row["type"],
        title=row["title"],
        language=row["language"],
        timezone=row["timezone"],
        active=row["active"],
        created=row["created"],
        deactivated_reason=row["deactivated_reason"],
        last_digest=row["last_digest"],
        quiet=row["quiet"],
    )


async def _release_orphan_digest_rows(conn: Any, chat_id: int) -> None:
    """A chat with no digest subscription left gets its queued digest notices pushed now, not never."""
    await conn.execute(
        "UPDATE deliveries SET mode = 'instant', next_attempt = 'epoch' WHERE chat_id = $1 AND state = 'pending'"
        " AND mode = 'digest' AND NOT EXISTS (SELECT 1 FROM subscriptions WHERE chat_id = $1 AND mode = 'digest')",
        chat_id,
    )


class ChatsMixin(PgBase):
    """The chats and subscriptions tables."""

    @retrying
    async def upsert_chat(
        self, chat_id: int, chat_type: ChatType, title: str = "", *, language: str | None = None
    ) -> ChatRecord:
        """Store or refresh a chat and make it active again; a language only fills an empty one.

        An inactive chat that comes back is owed a catch-up (storage.chats.upsert_chat): queued in this
        transaction; of concurrent ones (several instances, one update) only the first finds it inactive,
        the others wait for its row lock and then see it active.
        """
        async with self.tx() as conn:
            row = await conn.fetchrow(
                "INSERT INTO chats (id, type, title, language, created) VALUES ($1,$2,$3,$4,$5)"
                " ON CONFLICT (id) DO UPDATE SET type = excluded.type, title = excluded.title,"
                " language = coalesce(chats.language, excluded.language),"
                f" catchup_since = CASE WHEN {_RETURNING} THEN coalesce(chats.catchup_since, chats.deactivated_at)"
                " ELSE chats.catchup_since END,"
                f" catchup_until = CASE WHEN {_RETURNING} THEN excluded.created ELSE chats.catchup_until END,"
                " active = true, deactivated_reason = NULL, deactivated_at = NULL RETURNING *",
                chat_id,
                chat_type,
                title,
                language,
                datetime.now(UTC),
            )
        return _chat(row)

    @retrying
    async def get_chat(self, chat_id: int) -> ChatRecord | None:
        """One chat."""
        row = await self.pool.fetchrow("SELECT * FROM chats WHERE id = $1", chat_id)
        return None if row is None else _chat(row)

    async def _set_chat(self, chat_id: int, column: str, value: object) -> None:
        status = await self.pool.execute(f"UPDATE chats SET {column} = $1 WHERE id = $2", value, chat_id)
        if affected(status) == 0:
            raise ChatNotFoundError(chat_id)

    @retrying
    async def set_chat_language(self, chat_id: int, language: str | None) -> None:
        """Set the chat's language (zh | en; None = follow the user's Telegram language)."""
        await self._set_chat(chat_id, "language", language)

    @retrying
    async def set_chat_timezone(self, chat_id: int, timezone: str) -> None:
        """Set the chat's IANA time zone (the caller validates it)."""
        await self._set_chat(chat_id, "timezone", timezone)

    @retrying
    async def deactivate_chat(self, chat_id: int, reason: str, *, now: datetime | None = None) -> int:
        """Stop sending to a chat and skip its open deliveries; returns how many were skipped."""
        async with self.tx() as conn:
            # The time it went away (kept while it stays away) and the skipped rows' next_attempt (= when
            # they were skipped) are what its catch-up lists on return (storage.chats.deactivate_chat).
            # The application's time, not the server's now(): notices' first_seen is the application's,
            # and the catch-up compares the two (hosts' clocks differ).
            ts = now or datetime.now(UTC)
            await conn.execute(
                "UPDATE chats SET active = false, deactivated_reason = $1,"
                " deactivated_at = coalesce(CASE WHEN active THEN NULL ELSE deactivated_at END, $3)"
                " WHERE id = $2",
                reason,
                chat_id,
                ts,
            )
            status = await conn.execute(
                "UPDATE deliveries SET state = 'skipped', last_error = $1, next_attempt = $3"
                f" WHERE chat_id = $2 AND state IN {_OPEN}",
                reason,
                chat_id,
                ts,
            )
            if affected(status):  # open rows, now finished
                await add_totals(conn, {TOTALS["skipped"]: affected(status)})
        return affected(status)

    @retrying
    async def migrate_chat(self, old_id: int, new_id: int) -> None:
        """Move a chat, its subscriptions and open deliveries to a new id (group -> supergroup); into an
        existing chat, also the settings it has not made (storage.chats.migrate_chat)."""
        async with self.tx() as conn:
            # The outbox lock first (its triggers take it anyway): rows are moved only after the broadcasts in
            # flight, never while one of them waits on a row moved here (a deadlock).
            await conn.execute(f"SELECT pg_advisory_xact_lock({OUTBOX_LOCK})")
            if await conn.fetchval("SELECT 1 FROM chats WHERE id = $1", new_id) is None:
                await conn.execute(
                    "UPDATE chats SET id = $1, type = 'supergroup' WHERE id = $2", new_id, old_id
                )
                return
            # The new chat may hold the same subscription or delivery already; it wins.
            await conn.execute(
                "UPDATE subscriptions s SET chat_id = $1 WHERE chat_id = $2 AND NOT EXISTS (SELECT 1 FROM"
                " subscriptions o WHERE o.chat_id = $1 AND coalesce(o.source_id, 0) = coalesce(s.source_id, 0))",
                new_id,
                old_id,
            )
            await conn.execute(
                f"UPDATE deliveries d SET chat_id = $1 WHERE chat_id = $2 AND state IN {_OPEN} AND NOT EXISTS"
                " (SELECT 1 FROM deliveries o WHERE o.chat_id = $1 AND o.notice_id = d.notice_id"
                " AND o.revision = d.revision)",
                new_id,
                old_id,
            )
            await conn.execute(
                "UPDATE reminders r SET chat_id = $1 WHERE chat_id = $2 AND state = 'pending' AND NOT EXISTS"
                " (SELECT 1 FROM reminders o WHERE o.chat_id = $1 AND o.notice_id = r.notice_id"
                " AND o.deadline = r.deadline AND o.due = r.due)",
                new_id,
                old_id,
            )
            # Its catch-up goes along, merged with one of the new chat's, and its language, zone and quiet
            # hours where the new chat has none of its own (storage.chats.migrate_chat).
            await conn.execute(
                "UPDATE chats c SET catchup_since = least(c.catchup_since, o.catchup_since),"
                " catchup_until = greatest(c.catchup_until, o.catchup_until),"
                " catchup_claimed = c.catchup_claimed OR o.catchup_claimed,"
                " language = coalesce(c.language, o.language), quiet = coalesce(c.quiet, o.quiet),"
                " timezone = CASE WHEN c.timezone = $3 THEN o.timezone ELSE c.timezone END"
                " FROM chats o WHERE o.id = $2 AND c.id = $1",
                new_id,
                old_id,
                DEFAULT_TIMEZONE,
            )
            await conn.execute("DELETE FROM chats WHERE id = $1", old_id)

    @retrying
    async def delete_chat(self, chat_id: int) -> bool:
        """Forget a chat and everything about it (/stop)."""
        return affected(await self.pool.execute("DELETE FROM chats WHERE id = $1", chat_id)) > 0

    @retrying
    async def subscribe(
        self,
        chat_id: int,
        source_id: int | None,
        *,
        include: Iterable[str] = (),
        exclude: Iterable[str] = (),
        mode: DeliveryMode = "instant",
        digest_at: str | None = None,
    ) -> bool:
        """Subscribe a chat to a source (None = all sources); False when already subscribed."""
        check_mode(mode, digest_at)
        inc, exc = list(normalize_keywords(include)), list(normalize_keywords(exclude))
        try:
            status = await self.pool.execute(
                "INSERT INTO subscriptions (chat_id, source_id, include, exclude, mode, digest_at, created)"
                " VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT DO NOTHING",
                chat_id,
                source_id,
                inc,
                exc,
                mode,
                digest_at if mode == "digest" else None,
                datetime.now(UTC),
            )
        except asyncpg.ForeignKeyViolationError as error:
            if "chat_id" in (error.detail or "") or "chats" in str(error):
                raise ChatNotFoundError(chat_id) from None
            raise InvalidSubscriptionError(f"no source with id {source_id}") from None
        return affected(status) > 0

    @retrying
    async def unsubscribe(self, chat_id: int, source_id: int | None) -> bool:
        """Remove one subscription; False when there was none."""
        return (
            affected(await self.pool.execute(f"DELETE FROM subscriptions WHERE {_ONE}", chat_id, source_id))
            > 0
        )

    @retrying
    async def list_subscriptions(self, chat_id: int) -> list[Subscription]:
        """The chat's subscriptions, "all sources" first, then by source name."""
        rows = await self.pool.fetch(
            "SELECT s.*, src.name AS source_name FROM subscriptions s LEFT JOIN sources src ON src.id = s.source_id"
            " WHERE s.chat_id = $1 ORDER BY s.source_id IS NOT NULL, src.name",
            chat_id,
        )
        return [
            Subscription(
                id=r["id"],
                chat_id=r["chat_id"],
                source_id=r["source_id"],
                source_name=r["source_name"],
                include=tuple(r["include"]),
                exclude=tuple(r["exclude"]),
                mode=r["mode"],
                digest_at=r["digest_at"],
                created=r["created"],
            )
            for r in rows
        ]

    @retrying
    async def set_keywords(
        self, chat_id: int, source_id: int | None, include: Iterable[str], exclude: Iterable[str]
    ) -> bool:
        """Replace one subscription's keyword filters."""
        inc, exc = list(normalize_keywords(include)), list(normalize_keywords(exclude))
        status = await self.pool.execute(
            f"UPDATE subscriptions SET include = $3, exclude = $4 WHERE {_ONE}", chat_id, source_id, inc, exc
        )
        return affected(status) > 0

    @retrying
    async def set_mode(
        self, chat_id: int, source_id: int | None, mode: DeliveryMode, digest_at: str | None = None
    ) -> bool:
        """Set one subscription to instant or digest at HH:MM."""
        check_mode(mode, digest_at)
        async with self.tx() as conn:
            status = await conn.execute(
                f"UPDATE subscriptions SET mode = $3, digest_at = $4 WHERE {_ONE}",
                chat_id,
                source_id,
                mode,
                digest_at if mode == "digest" else None,
            )
            await _release_orphan_digest_rows(conn, chat_id)
        return affected(status) > 0

    @retrying
    async def set_chat_mode(self, chat_id: int, mode: DeliveryMode, digest_at: str | None = None) -> int:
        """Set every subscription of the chat to instant or digest at HH:MM; returns how many."""
        check_mode(mode, digest_at)
        async with self.tx() as conn:
            status = await conn.execute(
                "UPDATE subscriptions SET mode = $1, digest_at = $2 WHERE chat_id = $3",
                mode,
                digest_at if mode == "digest" else None,
                chat_id,
            )
            await _release_orphan_digest_rows(conn, chat_id)
        return affected(status)
