"""SQLite connection handling: pragmas, the single-writer transaction helper. Contains no business logic."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

__all__ = ["Database"]


class Database:
    """One aiosqlite connection plus a lock that makes each transaction exclusive within this process.

    aiosqlite runs every statement on one thread, but coroutines interleave: without the lock, a statement
    of one coroutine could land inside another's open transaction. Other processes are kept out by SQLite
    itself (BEGIN IMMEDIATE + busy_timeout).
    """

    def __init__(self, conn: aiosqlite.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path) -> Database:
        """Open (creating folders as needed) with WAL, foreign keys and a busy timeout."""
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
        pending = aiosqlite.connect(str(path), isolation_level=None)
        # aiosqlite's worker thread is not a daemon: one connection left open (a crashed task, a failed
        # test) would keep the process from ever exiting. SQLite's journal makes a killed thread harmless.
        worker = getattr(pending, "_thread", None)
        if worker is not None:
            worker.daemon = True
        conn = await pending
        try:
            conn.row_factory = sqlite3.Row
            await conn.execute("PRAGMA journal_mode=WAL")
            await conn.execute("PRAGMA synchronous=NORMAL")  # durable at checkpoints; WAL keeps it consistent
            await conn.execute("PRAGMA foreign_keys=ON")
            await conn.execute("PRAGMA busy_timeout=10000")
        except BaseException:
            # SQLite opens any file; the first PRAGMA finds out it is no database (or cannot be written).
            # Close here: the caller never gets the connection, and a dropped one warns at some later
            # garbage collection, inside whatever runs then.
            await conn.close()
            raise
        return cls(conn, path)

    async def close(self) -> None:
        """Close the connection."""
        await self.conn.close()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """Run the block as one write transaction: committed on success, rolled back on any exception."""
        async with self._write_lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                await self.conn.execute("ROLLBACK")
                raise
            await self.conn.execute("COMMIT")

    async def fetchall(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        """Run a read query and return every row."""
        async with self.conn.execute(sql, params) as cur:
            return list(await cur.fetchall())

    async def fetchone(self, sql: str, params: Sequence[object] = ()) -> sqlite3.Row | None:
        """Run a read query and return its first row."""
        async with self.conn.execute(sql, params) as cur:
            row: sqlite3.Row | None = await cur.fetchone()
            return row
