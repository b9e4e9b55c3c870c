"""The PostgreSQL connection pool and the retry rule: a lost connection is retried with back-off, not lost."""

from __future__ import annotations

import asyncio
import functools
import logging
import random
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Any, ParamSpec, TypeVar

import asyncpg

from storage.errors import StorageUnavailableError

__all__ = ["PgBase", "affected", "is_connection_error", "retrying"]

log = logging.getLogger(__name__)
P = ParamSpec("P")
T = TypeVar("T")

# How long one operation keeps retrying a lost server before giving up with StorageUnavailableError.
RETRY_FOR = 120.0
_BACKOFF_MAX = 5.0


def is_connection_error(exc: BaseException) -> bool:
    """Whether exc means the server or the connection went away (worth retrying), not a query error."""
    return isinstance(
        exc,
        (
            OSError,  # refused, reset, unreachable (ConnectionError is one)
            asyncio.TimeoutError,
            asyncpg.exceptions.ConnectionDoesNotExistError,
            asyncpg.exceptions.ConnectionFailureError,
            asyncpg.exceptions.CannotConnectNowError,  # the server is starting or shutting down
            asyncpg.exceptions.AdminShutdownError,
            asyncpg.exceptions.CrashShutdownError,
            asyncpg.exceptions.TooManyConnectionsError,
            asyncpg.exceptions.InterfaceError,  # "connection is closed" and kin
            asyncpg.exceptions.InternalClientError,  # a terminated connection caught mid-protocol
        ),
    )


def retrying(fn: Callable[P, Coroutine[Any, Any, T]]) -> Callable[P, Coroutine[Any, Any, T]]:
    """Run a store method again, from the start, when the connection was lost.

    Safe because every method is one transaction (or one statement): a transaction the server did not
    commit left nothing behind, and one it did commit is idempotent to repeat (notices are unique per
    source and key, outbox rows per notice, chat and revision, claims re-read the state).
    """

    @functools.wraps(fn)
    async def run(*args: P.args, **kwargs: P.kwargs) -> T:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + RETRY_FOR
        delay = 0.1
        while True:
            try:
                return await fn(*args, **kwargs)
            except Exception as exc:
                if not is_connection_error(exc):
                    raise
                if loop.time() >= deadline:
                    raise StorageUnavailableError(
                        f"PostgreSQL unreachable for {RETRY_FOR:.0f} s: {exc}"
                    ) from exc
                log.warning("database connection lost (%s); retrying %s in %.1f s", exc, fn.__name__, delay)
                await asyncio.sleep(delay * random.uniform(0.8, 1.2))
                delay = min(_BACKOFF_MAX, delay * 2)

    return run


class PgBase:
    """The pool every table mixin of PostgresStore uses."""

    def __init__(self, pool: asyncpg.Pool, instance: str) -> None:
        self.pool = pool
        self.instance = instance  # this process's id among the instances sharing the database

    @asynccontextmanager
    async def tx(self) -> AsyncIterator[Any]:
        """One connection inside one transaction: committed on success, rolled back on any exception."""
        async with self.pool.acquire() as conn, conn.transaction():
            yield conn


def affected(status: str) -> int:
    """Rows a statement touched, from asyncpg's command tag ("INSERT 0 12", "UPDATE 3")."""
    tail = status.rsplit(" ", 1)[-1]
    return int(tail) if tail.isdigit() else 0
