"""Shared pytest fixtures. Emulator fixtures: a Bot API emulator on a free loopback port, its control
client, and a PTB Bot pointed at it (tests/harness.py has the end-to-end Application harness). Storage
fixtures: one throwaway PostgreSQL cluster per session, and `store_target`, which runs a test once per
backend (a SQLite file, then a fresh PostgreSQL database)."""

from __future__ import annotations

import asyncio
import itertools
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest
from telegram import Bot

from bot import native
from bot.emulator import EmulatorClient, EmulatorServer
from tests.harness import TEST_TOKEN
from tests.pg_server import PgServer, ServerUnavailable, throwaway_server


def pytest_sessionstart(session: pytest.Session) -> None:
    """Refuse to test a stale compiled summariser: its sources changed, so the suite would test Python."""
    reason = native.outdated_at_import()  # checked when `bot` was imported, before this session loaded it
    if reason is not None and not os.environ.get("NOTICEBOT_PURE"):
        pytest.exit(
            f"the compiled summariser in {native.BUILD_DIR} is stale ({reason}): run `make install` to "
            "rebuild it, or NOTICEBOT_PURE=1 to test the modules as Python",
            returncode=2,
        )


@pytest.fixture
async def emulator() -> AsyncIterator[EmulatorServer]:
    """A fresh emulator on 127.0.0.1 with a free port, Telegram's flood limits on."""
    async with EmulatorServer() as server:
        yield server


@pytest.fixture
async def emu(emulator: EmulatorServer) -> AsyncIterator[EmulatorClient]:
    """The control client of the `emulator` fixture."""
    async with EmulatorClient(emulator.url) as client:
        yield client


@pytest.fixture
async def tg_bot(emulator: EmulatorServer) -> AsyncIterator[Bot]:
    """An initialized python-telegram-bot Bot talking to the `emulator` fixture over HTTP."""
    bot = Bot(TEST_TOKEN, base_url=emulator.base_url, base_file_url=emulator.base_file_url)
    async with bot:
        yield bot


async def _prepare(url: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        await conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    finally:
        await conn.close()


async def _new_schema(url: str, name: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(f"CREATE SCHEMA {name}")
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One PostgreSQL cluster for the whole session; skipped without server binaries, except in CI."""
    try:
        with throwaway_server() as server:
            # One database; each test gets a schema of its own in it (10x faster than a database each).
            server.shared_url = server.create_database("tests")
            asyncio.run(_prepare(server.shared_url))
            yield server
    except ServerUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PostgreSQL tests: {exc}")
        pytest.skip(f"no PostgreSQL server: {exc}")


_schemas = itertools.count(1)


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A fresh, empty schema on the session cluster, as a URL whose search_path starts with it."""
    name = f"t{next(_schemas)}"
    asyncio.run(_new_schema(pg_server.shared_url, name))
    return f"{pg_server.shared_url}?search_path={name},public"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where a contract test's store lives: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "noticebot.sqlite3"
    url: str = request.getfixturevalue("pg_url")
    return url
