"""The subscriptions table: which chat follows which source (or all), with keyword filters and a mode."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime

import aiosqlite

from domain.rules import InvalidSubscriptionError, normalize_keywords
from domain.rules import check_mode as _check_mode
from storage.chats import ChatNotFoundError
from storage.db import Database
from storage.models import DeliveryMode, Subscription
from storage.timeconv import from_ts, to_ts

__all__ = [
    "InvalidSubscriptionError",
    "list_subscriptions",
    "normalize_keywords",
    "set_chat_mode",
    "set_keywords",
    "set_mode",
    "subscribe",
    "unsubscribe",
]


def _row_to_subscription(row: sqlite3.Row) -> Subscription:
    return Subscription(
        id=row["id"],
        chat_id=row["chat_id"],
        source_id=row["source_id"],
        source_name=row["source_name"],
        include=tuple(json.loads(row["include"])),
        exclude=tuple(json.loads(row["exclude"])),
        mode=row["mode"],
        digest_at=row["digest_at"],
        created=from_ts(row["created"]),
    )


# subscriptions_one is unique on (chat_id, ifnull(source_id, 0)): the same expression finds a row.
_WHERE_ONE = "chat_id = ? AND ifnull(source_id, 0) = ifnull(?, 0)"


async def subscribe(
    db: Database,
    chat_id: int,
    source_id: int | None,
    *,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    mode: DeliveryMode = "instant",
    digest_at: str | None = None,
    now: datetime | None = None,
) -> bool:
    """Subscribe a chat to a source (None = all sources); False when it was subscribed already."""
    _check_mode(mode, digest_at)
    inc, exc = normalize_keywords(include), normalize_keywords(exclude)
    try:
        async with db.transaction() as conn:
            cur = await conn.execute(
                "INSERT OR IGNORE INTO subscriptions (chat_id, source_id, include, exclude, mode, digest_at,"
                " created) VALUES (?,?,?,?,?,?,?)",
                (
                    chat_id,
                    source_id,
                    json.dumps(list(inc), ensure_ascii=False),
                    json.dumps(list(exc), ensure_ascii=False),
                    mode,
                    digest_at if mode == "digest" else None,
                    to_ts(now or datetime.now(UTC)),
                ),
            )
            return cur.rowcount > 0
    except sqlite3.IntegrityError:
        # Only the foreign keys can fail here (the unique index is OR IGNOREd): which one?
        row = await db.fetchone("SELECT 1 FROM chats WHERE id = ?", (chat_id,))
        if row is None:
            raise ChatNotFoundError(chat_id) from None
        raise InvalidSubscriptionError(f"no source with id {source_id}") from None


async def unsubscribe(db: Database, chat_id: int, source_id: int | None) -> bool:
    """Remove one subscription (source None = the all-sources one); False when there was none."""
    async with db.transaction() as conn:
        cur = await conn.execute(f"DELETE FROM subscriptions WHERE {_WHERE_ONE}", (chat_id, source_id))
        return cur.rowcount > 0


async def list_subscriptions(db: Database, chat_id: int) -> list[Subscription]:
    """The chat's subscriptions, "all sources" first, then by source name."""
    rows = await db.fetchall(
        "SELECT s.*, src.name AS source_name FROM subscriptions s LEFT JOIN sources src ON src.id = s.source_id"
        " WHERE s.chat_id = ? ORDER BY s.source_id IS NOT NULL, src.name",
        (chat_id,),
    )
    return [_row_to_subscription(r) for r in rows]


async def set_keywords(
    db: Database, chat_id: int, source_id: int | None, include: Iterable[str], exclude: Iterable[str]
) -> bool:
    """Replace one subscription's include and exclude keywords; False when there is no such subscription."""
    inc, exc = normalize_keywords(include), normalize_keywords(exclude)
    async with db.transaction() as conn:
        cur = await conn.execute(
            f"UPDATE subscriptions SET include = ?, exclude = ? WHERE {_WHERE_ONE}",
            (
                json.dumps(list(inc), ensure_ascii=False),
                json.dumps(list(exc), ensure_ascii=False),
                chat_id,
                source_id,
            ),
        )
        return cur.rowcount > 0


async def set_mode(
    db: Database, chat_id: int, source_id: int | None, mode: DeliveryMode, digest_at: str | None = None
) -> bool:
    """Set instant or digest-at-HH:MM on one subscription; False when there is no such subscription.

    Notices already queued keep the mode they were queued with, unless the chat has no digest left.
    """
    _check_mode(mode, digest_at)
    async with db.transaction() as conn:
        cur = await conn.execute(
            f"UPDATE subscriptions SET mode = ?, digest_at = ? WHERE {_WHERE_ONE}",
            (mode, digest_at if mode == "digest" else None, chat_id, source_id),
        )
        await _release_orphan_digest_rows(conn, chat_id)
        return cur.rowcount > 0


async def set_chat_mode(db: Database, chat_id: int, mode: DeliveryMode, digest_at: str | None = None) -> int:
    """Set instant or digest-at-HH:MM on every subscription of the chat; returns how many changed."""
    _check_mode(mode, digest_at)
    async with db.transaction() as conn:
        cur = await conn.execute(
            "UPDATE subscriptions SET mode = ?, digest_at = ? WHERE chat_id = ?",
            (mode, digest_at if mode == "digest" else None, chat_id),
        )
        await _release_orphan_digest_rows(conn, chat_id)
        return max(cur.rowcount, 0)


async def _release_orphan_digest_rows(conn: aiosqlite.Connection, chat_id: int) -> None:
    """A chat with no digest subscription left gets its queued digest notices pushed now, not never."""
    await conn.execute(
        "UPDATE deliveries SET mode = 'instant', next_attempt = 0 WHERE chat_id = ? AND state = 'pending'"
        " AND mode = 'digest' AND NOT EXISTS"
        " (SELECT 1 FROM subscriptions WHERE chat_id = ? AND mode = 'digest')",
        (chat_id, chat_id),
    )
