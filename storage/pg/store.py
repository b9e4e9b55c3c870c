"""PostgresStore: the Store interfaces over a PostgreSQL database, one mixin per table group."""

from __future__ import annotations

import os
import socket
import uuid
from datetime import timedelta
from typing import Any

import asyncpg

from storage import redact_url
from storage.errors import StorageUnavailableError
from storage.pg.base import is_connection_error
from storage.pg.catchups import CatchupsMixin
from storage.pg.chats import ChatsMixin
from storage.pg.instances import InstancesMixin
from storage.pg.links import LinksMixin
from storage.pg.notices import NoticesMixin
from storage.pg.reminders import RemindersMixin
from storage.pg.schema import MIGRATIONS, migrate
from storage.pg.search import SearchMixin
from storage.pg.sources import SourcesMixin

__all__ = ["PostgresStore", "open_pg_store"]


class PostgresStore(
    SourcesMixin,
    NoticesMixin,
    LinksMixin,
    SearchMixin,
    ChatsMixin,
    CatchupsMixin,
    RemindersMixin,
    InstancesMixin,
):
    """The PostgreSQL implementation of storage.api.Store (asyncpg with a connection pool)."""

    def __init__(self, pool: asyncpg.Pool, url: str, instance: str) -> None:
        super().__init__(pool, instance)
        self.url = url
        self._roles = set()

    async def close(self) -> None:
        """Give up the roles (other instances take them at once) and close the pool."""
        try:
            await self._close_roles()
        finally:
            await self.pool.close()


def new_instance_id() -> str:
    """host:pid:random, unique per process run."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


async def _init_connection(conn: Any) -> None:
    # Every statement is short; one stuck behind a lock for minutes is a bug to surface, not to wait out.
    await conn.execute("SET statement_timeout = '120s'")


async def open_pg_store(
    url: str,
    *,
    instance: str | None = None,
    lease: float | None = None,
    min_size: int = 2,
    max_size: int = 10,
    migrate_schema: bool = True,
) -> PostgresStore:
    """Connect a pool, apply the migrations (unless told not to) and return the store.

    StorageUnavailableError, in one line naming the server, when the URL is wrong or the server unreachable.
    """
    try:
        pool = await asyncpg.create_pool(
            url, min_size=min_size, max_size=max_size, timeout=10, init=_init_connection, command_timeout=150
        )
    except (asyncpg.InvalidAuthorizationSpecificationError, asyncpg.InvalidCatalogNameError) as exc:
        raise StorageUnavailableError(f"cannot open {redact_url(url)}: {exc}") from None
    except Exception as exc:
        if is_connection_error(exc) or isinstance(exc, (ValueError, asyncpg.PostgresError)):
            raise StorageUnavailableError(f"cannot reach PostgreSQL at {redact_url(url)}: {exc}") from None
        raise
    try:
        if migrate_schema:
            async with pool.acquire() as conn:
                await migrate(conn)
        else:
            async with pool.acquire() as conn:
                version = await conn.fetchval(
                    "SELECT coalesce(max(version), 0) FROM schema_migrations"
                    " WHERE to_regclass('schema_migrations') IS NOT NULL"
                )
                if (version or 0) < len(MIGRATIONS):
                    raise StorageUnavailableError(
                        f"{redact_url(url)} needs `main.py storage migrate` (schema {version or 0} of {len(MIGRATIONS)})"
                    )
    except BaseException:
        await pool.close()
        raise
    store = PostgresStore(pool, url, instance or new_instance_id())
    if lease is not None:
        store.lease = timedelta(seconds=lease)
    return store
