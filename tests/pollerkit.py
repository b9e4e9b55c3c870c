"""What the poller tests share: a SQLite store (with or without a subscribed chat), a fetcher with short
timeouts, and one poll of the due sources.

A test module imports the fixtures it needs; each registers under its `name`, so a test's `store`,
`subscribed_store` or `fetcher` parameter does not shadow an imported name (ruff F811):

    from tests.pollerkit import fetcher_fixture, poll, subscribed_store_fixture  # noqa: F401

The two stores have two names (`store`, `subscribed_store`): a module importing both gets both.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.poller import Poller, PollReport
from bot.sources.fetch import Fetcher
from storage import SQLiteStore, open_store

__all__ = ["fetcher_fixture", "make_due", "poll", "store_fixture", "subscribed_store_fixture"]


@pytest.fixture(name="store")
async def store_fixture(tmp_path: Path) -> AsyncIterator[SQLiteStore]:
    """A SQLite file with no chat: polls store notices, and nobody gets deliveries."""
    s = await open_store(tmp_path / "noticebot.sqlite3")
    yield s
    await s.close()


@pytest.fixture(name="subscribed_store")
async def subscribed_store_fixture(tmp_path: Path) -> AsyncIterator[SQLiteStore]:
    """A SQLite file whose private chat 1 is subscribed to every source: new notices become deliveries."""
    s = await open_store(tmp_path / "subscribed.sqlite3")  # not `store`'s file: a test may ask for both
    await s.upsert_chat(1, "private")
    await s.subscribe(1, None)
    yield s
    await s.close()


@pytest.fixture(name="fetcher")
async def fetcher_fixture() -> AsyncIterator[Fetcher]:
    """A Fetcher whose timeouts and size cap keep a slow or large test page short."""
    async with Fetcher(read_timeout=2.0, total_timeout=4.0, max_bytes=200_000) as f:
        yield f


async def make_due(store: SQLiteStore) -> None:
    """Every source due now, whatever its interval."""
    async with store.db.transaction() as conn:
        await conn.execute("UPDATE sources SET next_due = 0")


async def poll(store: SQLiteStore, poller: Poller) -> PollReport:
    """Poll the store's one source now; its report."""
    await make_due(store)
    [report] = await poller.poll_due()
    return report
