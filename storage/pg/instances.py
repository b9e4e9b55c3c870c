"""Instances sharing one PostgreSQL database: heartbeats, and roles held as session advisory locks.

A role (the sender, the long-poller of updates) is a pg_try_advisory_lock on a connection of its own, outside
the pool. The server releases it when that connection ends, so a killed instance's roles are free the moment
its TCP connection drops (or its backend is terminated), and another instance's next claim takes them.
"""

from __future__ import annotations

import logging
import os
import socket
import zlib
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from storage.models import InstanceInfo
from storage.pg.base import PgBase, is_connection_error, retrying

__all__ = ["InstancesMixin"]

log = logging.getLogger(__name__)
# Instances whose heartbeat (every bot.roles.ROLE_CHECK s) is older than this are gone from /status.
STALE = timedelta(seconds=20)


def role_key(role: str) -> int:
    """The advisory lock key of a role (a stable 32-bit number under noticebot's namespace)."""
    return 0x4E420000 + (zlib.crc32(role.encode()) & 0xFFFF)


class InstancesMixin(PgBase):
    """Roles and heartbeats of the instances on this database."""

    url: str
    _lock_conn: Any = None
    _roles: set[str]

    async def _lock_connection(self) -> Any:
        if self._lock_conn is None or self._lock_conn.is_closed():
            self._roles.clear()  # locks die with their connection
            self._lock_conn = await asyncpg.connect(self.url, timeout=10)
        return self._lock_conn

    async def claim_role(self, role: str) -> bool:
        """True while this instance holds the role: taken when free, kept while our lock connection lives."""
        try:
            conn = await self._lock_connection()
            if role in self._roles:
                await conn.fetchval("SELECT 1")  # still alive, so the lock is still ours
                return True
            if await conn.fetchval("SELECT pg_try_advisory_lock($1)", role_key(role)):
                self._roles.add(role)
                log.info("this instance (%s) now holds the %s role", self.instance, role)
                return True
            return False
        except Exception as exc:
            if not is_connection_error(exc):
                raise
            log.warning("lost the role connection (%s); roles %s given up", exc, sorted(self._roles))
            self._roles.clear()
            if self._lock_conn is not None:
                self._lock_conn.terminate()
                self._lock_conn = None
            return False

    async def release_role(self, role: str) -> None:
        """Give a role up (shutting down)."""
        if role in self._roles and self._lock_conn is not None and not self._lock_conn.is_closed():
            await self._lock_conn.execute("SELECT pg_advisory_unlock($1)", role_key(role))
        self._roles.discard(role)

    @retrying
    async def heartbeat(self, roles: Sequence[str], *, now: datetime | None = None) -> None:
        """Record that this instance is alive and which roles it holds, at `now` (the application's clock)."""
        now = now or datetime.now(UTC)
        await self.pool.execute(
            "INSERT INTO instances (id, host, pid, started, heartbeat, roles) VALUES ($1,$2,$3,$4,$4,$5)"
            " ON CONFLICT (id) DO UPDATE SET heartbeat = excluded.heartbeat, roles = excluded.roles",
            self.instance,
            socket.gethostname(),
            os.getpid(),
            now,
            ",".join(sorted(roles)),
        )

    @retrying
    async def list_instances(self, *, now: datetime | None = None) -> list[InstanceInfo]:
        """The live instances (a heartbeat in the last STALE before `now`, the application's clock), with
        their roles and the sources whose poll lease they hold at `now`."""
        # The application's time, not the server's now(): heartbeats and leases are stamped by the
        # application (hosts' clocks differ), as notices and a chat's time away are.
        now = now or datetime.now(UTC)
        rows = await self.pool.fetch(
            "SELECT i.*, coalesce((SELECT array_agg(s.name ORDER BY s.name) FROM sources s"
            " WHERE s.lease_owner = i.id AND s.lease_until > $1), '{}') AS polling"
            " FROM instances i WHERE i.heartbeat > $2 ORDER BY i.started",
            now,
            now - STALE,
        )
        return [
            InstanceInfo(
                id=r["id"],
                host=r["host"],
                pid=r["pid"],
                started=r["started"],
                heartbeat=r["heartbeat"],
                roles=tuple(x for x in r["roles"].split(",") if x),
                polling=tuple(r["polling"]),
            )
            for r in rows
        ]

    async def _close_roles(self) -> None:
        if self._lock_conn is not None and not self._lock_conn.is_closed():
            await self._lock_conn.close()
        self._lock_conn = None
        self._roles.clear()
