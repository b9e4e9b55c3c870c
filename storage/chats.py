"""The chats table: who may receive messages, in which language and zone; deactivation, migration, /stop."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from storage.db import Database
from storage.deliveries import add_totals
from storage.errors import ChatNotFoundError
from storage.models import DEFAULT_TIMEZONE, ChatRecord, ChatType
from storage.timeconv import from_ts, to_ts
from storage.totals import TOTALS

__all__ = [
    "ChatNotFoundError",
    "deactivate_chat",
    "delete_chat",
    "get_chat",
    "migrate_chat",
    "set_language",
    "set_timezone",
    "upsert_chat",
]

_OPEN_STATES = "('pending', 'sending')"
# In an upsert: the stored chat is inactive since a known time, so this reactivates it.
_RETURNING = "chats.active = 0 AND chats.deactivated_at IS NOT NULL"


def _row_to_chat(row: sqlite3.Row) -> ChatRecord:
    return ChatRecord(
        id=row["id"],
        type=row["type"],
        title=row["title"],
        language=row["language"],
        timezone=row["timezone"],
        active=bool(row["active"]),
        created=from_ts(row["created"]),
        deactivated_reason=row["deactivated_reason"],
        last_digest=from_ts(row["last_digest"]),
        quiet=row["quiet"],
    )


async def upsert_chat(
    db: Database,
    chat_id: int,
    chat_type: ChatType,
    title: str = "",
    *,
    language: str | None = None,
    now: datetime | None = None,
) -> ChatRecord:
    """Store or refresh a chat; a chat that talks to the bot again is active again (it unblocked us).

    A language given here only fills an empty one: a choice made with /lang is never overwritten.
    An inactive chat that comes back is owed a catch-up for the time it was away: queued here, in the
    transaction that reactivates it (only the one that finds it inactive does), widening one not yet sent.
    """
    ts = to_ts(now or datetime.now(UTC))
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO chats (id, type, title, language, created) VALUES (?,?,?,?,?)"
            " ON CONFLICT (id) DO UPDATE SET type = excluded.type, title = excluded.title,"
            " language = coalesce(chats.language, excluded.language),"
            f" catchup_since = CASE WHEN {_RETURNING} THEN coalesce(chats.catchup_since, chats.deactivated_at)"
            " ELSE chats.catchup_since END,"
            f" catchup_until = CASE WHEN {_RETURNING} THEN excluded.created ELSE chats.catchup_until END,"
            " active = 1, deactivated_reason = NULL, deactivated_at = NULL",
            (chat_id, chat_type, title, language, ts),
        )
    chat = await get_chat(db, chat_id)
    assert chat is not None
    return chat


async def get_chat(db: Database, chat_id: int) -> ChatRecord | None:
    """The chat with this id, if stored."""
    row = await db.fetchone("SELECT * FROM chats WHERE id = ?", (chat_id,))
    return None if row is None else _row_to_chat(row)


async def _set(db: Database, chat_id: int, column: str, value: object) -> None:
    async with db.transaction() as conn:
        cur = await conn.execute(f"UPDATE chats SET {column} = ? WHERE id = ?", (value, chat_id))
        if cur.rowcount == 0:
            raise ChatNotFoundError(chat_id)


async def set_language(db: Database, chat_id: int, language: str | None) -> None:
    """Set the chat's language (zh | en; None = follow the user's Telegram language)."""
    await _set(db, chat_id, "language", language)


async def set_timezone(db: Database, chat_id: int, timezone: str) -> None:
    """Set the chat's IANA time zone (the caller validates it with zoneinfo)."""
    await _set(db, chat_id, "timezone", timezone)


async def deactivate_chat(db: Database, chat_id: int, reason: str, *, now: datetime | None = None) -> int:
    """Stop sending to a chat (blocked, kicked, gone): mark it inactive and skip its open deliveries.

    Returns how many deliveries were skipped. Subscriptions are kept so that a chat that comes back
    (/start again) resumes where it was; inactive chats get no new outbox rows meanwhile. The time it
    went away (kept while it stays away) and the skipped rows' next_attempt (= when they were skipped)
    are what its catch-up lists on return.
    """
    ts = to_ts(now or datetime.now(UTC))
    async with db.transaction() as conn:
        await conn.execute(
            "UPDATE chats SET active = 0, deactivated_reason = ?,"
            " deactivated_at = coalesce(CASE WHEN active = 1 THEN NULL ELSE deactivated_at END, ?) WHERE id = ?",
            (reason, ts, chat_id),
        )
        cur = await conn.execute(
            "UPDATE deliveries SET state = 'skipped', last_error = ?, next_attempt = ?"
            f" WHERE chat_id = ? AND state IN {_OPEN_STATES}",
            (reason, ts, chat_id),
        )
        skipped = max(cur.rowcount, 0)
        await add_totals(conn, {TOTALS["skipped"]: skipped} if skipped else {})  # open rows, now finished
        return skipped


async def migrate_chat(db: Database, old_id: int, new_id: int) -> None:
    """A group became a supergroup: move the chat, its subscriptions and open deliveries to the new id.

    Usually one UPDATE of chats.id does it (subscriptions and deliveries follow by ON UPDATE CASCADE).
    When the new id is stored already (the supergroup wrote to the bot first), the old chat's
    subscriptions, open deliveries and the settings the new chat has not made (language, time zone,
    quiet hours) are merged into it instead, and the old chat is removed.
    """
    async with db.transaction() as conn:
        async with conn.execute("SELECT 1 FROM chats WHERE id = ?", (new_id,)) as cur:
            exists = await cur.fetchone() is not None
        if not exists:
            await conn.execute("UPDATE chats SET id = ?, type = 'supergroup' WHERE id = ?", (new_id, old_id))
            return
        # OR IGNORE: the new chat may hold the same subscription or delivery already; it wins.
        await conn.execute(
            "UPDATE OR IGNORE subscriptions SET chat_id = ? WHERE chat_id = ?", (new_id, old_id)
        )
        await conn.execute(
            f"UPDATE OR IGNORE deliveries SET chat_id = ? WHERE chat_id = ? AND state IN {_OPEN_STATES}",
            (new_id, old_id),
        )
        await conn.execute(
            "UPDATE OR IGNORE reminders SET chat_id = ? WHERE chat_id = ? AND state = 'pending'",
            (new_id, old_id),
        )
        # Its catch-up (due, or claimed by a send now ending on the new id) goes along, merged with one of
        # the new chat's: one message for the wider period, released by the sender under the new id.
        # So do its language, zone and quiet hours where the new chat has none of its own (a zone still at
        # the default counts as none): the new chat's choices win.
        await conn.execute(
            "UPDATE chats SET"
            " catchup_since = min(coalesce(catchup_since, o.s), coalesce(o.s, catchup_since)),"
            " catchup_until = max(coalesce(catchup_until, o.u), coalesce(o.u, catchup_until)),"
            " catchup_claimed = max(catchup_claimed, o.c),"
            " language = coalesce(language, o.l), quiet = coalesce(quiet, o.q),"
            " timezone = CASE WHEN timezone = ? THEN o.z ELSE timezone END"
            " FROM (SELECT catchup_since AS s, catchup_until AS u, catchup_claimed AS c,"
            " language AS l, timezone AS z, quiet AS q FROM chats WHERE id = ?) o"
            " WHERE id = ?",
            (DEFAULT_TIMEZONE, old_id, new_id),
        )
        await conn.execute("DELETE FROM chats WHERE id = ?", (old_id,))


async def delete_chat(db: Database, chat_id: int) -> bool:
    """Forget everything about a chat (/stop): the chat, its subscriptions and its deliveries."""
    async with db.transaction() as conn:
        cur = await conn.execute("DELETE FROM chats WHERE id = ?", (chat_id,))
        return cur.rowcount > 0
