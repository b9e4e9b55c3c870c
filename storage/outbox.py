"""Creating delivery rows (the outbox) for a stored notice, inside the caller's transaction."""

from __future__ import annotations

import json

import aiosqlite

from domain.rules import matches_keywords

__all__ = ["enqueue_for_notice"]


async def enqueue_for_notice(
    conn: aiosqlite.Connection,
    *,
    notice_id: int,
    source_id: int,
    title: str,
    text: str,
    revision: int,
    now: float,
) -> int:
    """Insert a pending delivery for every active chat whose subscription matches; returns how many.

    Subscriptions without keywords are matched in SQL in one statement (the common case, and the one that
    reaches 100,000 subscribers); the few with keywords are filtered here. (notice, chat, revision) is
    unique, so a chat with two matching subscriptions, or a notice reported by two sources, gets one row.
    """
    cur = await conn.execute(
        "INSERT OR IGNORE INTO deliveries (notice_id, chat_id, revision, mode, next_attempt, created)"
        " SELECT ?, s.chat_id, ?, s.mode, ?, ? FROM subscriptions s JOIN chats c ON c.id = s.chat_id"
        " WHERE c.active = 1 AND (s.source_id = ? OR s.source_id IS NULL)"
        " AND s.include = '[]' AND s.exclude = '[]'",
        (notice_id, revision, now, now, source_id),
    )
    count = max(cur.rowcount, 0)
    rows: list[tuple[object, ...]] = []
    async with conn.execute(
        "SELECT s.chat_id, s.mode, s.include, s.exclude FROM subscriptions s JOIN chats c ON c.id = s.chat_id"
        " WHERE c.active = 1 AND (s.source_id = ? OR s.source_id IS NULL)"
        " AND (s.include != '[]' OR s.exclude != '[]')",
        (source_id,),
    ) as sub_cur:
        async for chat_id, mode, include, exclude in sub_cur:
            if matches_keywords(title, text, json.loads(include), json.loads(exclude)):
                rows.append((notice_id, chat_id, revision, mode, now, now))
    if rows:
        before = conn.total_changes
        await conn.executemany(
            "INSERT OR IGNORE INTO deliveries (notice_id, chat_id, revision, mode, next_attempt, created)"
            " VALUES (?,?,?,?,?,?)",
            rows,
        )
        count += conn.total_changes - before
    return count
