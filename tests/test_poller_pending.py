"""A pending listing catch-up outlives its poller: a restart over the same SQLite file, and another PostgreSQL
instance taking the source's lease after a crash, read on where the last poll stopped; the migration that
adds it keeps what an older database holds.

The listing site is tests/test_poller_pages.py's (five notices a page, newest first) on a real 127.0.0.1
server; every poller, store and database here is a real one, opened afresh where a process would restart.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import storage.pg.schema
import storage.schema
from bot.config import PollConfig
from bot.models import PendingPages, SourceSpec
from bot.poller import _PAGE_TRIES, Poller, PollReport
from bot.sources.fetch import Fetcher
from storage import is_postgres_url, open_backend
from storage.api import Store
from tests.delivery_world import NOW, notice
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401
from tests.test_poller_pages import CONFIG, PER_PAGE, page_path, publish, title

# Whatever time it is when the test runs: a poll records its next due time from the real clock, so every
# claim at this time finds the source due, and the leases it takes run out a minute after it.
LATER = datetime.now(UTC) + timedelta(days=1)


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    # Timeouts far above the slow article pages': a fetch here ends only by the poll being stopped.
    async with Fetcher(read_timeout=60.0, total_timeout=60.0, max_bytes=200_000) as f:
        yield f


async def poll(store: Store, config: PollConfig, fetcher: Fetcher, now: datetime = LATER) -> PollReport:
    """One poll of the source by a poller made for it (a process that has just started)."""
    [report] = await Poller(store, fetcher, config).poll_due(now)
    assert report.error is None, report.error
    return report


async def setup(target: Path | str, server: NoticeServer, instance: str | None = None) -> Store:
    """A store with a subscribed chat and the site as a page source, its first ten notices published."""
    store = await open_backend(target, instance=instance, lease=60)
    await store.upsert_chat(1, "private")
    await store.subscribe(1, None)
    await store.add_source(SourceSpec(name="site", url=server.url(page_path(0)), kind="page"))
    publish(server, 10)
    return store


async def queued(store: Store) -> list[str]:
    """The titles of every notice queued for the chat, each once per queued row."""
    titles = []
    for row in await store.claim_deliveries(datetime.now(UTC) + timedelta(seconds=5), 1000):
        found = await store.get_notice(row.notice_id)
        assert found is not None
        titles.append(found.title)
    return sorted(titles)


async def source_id(store: Store) -> int:
    source = await store.get_source("site")
    assert source is not None
    return source.id


@pytest.mark.parametrize("stop", ["max_articles", "deadline"])
async def test_a_restarted_poller_stores_what_an_interrupted_poll_left_on_later_pages(
    tmp_path: Path, fetcher: Fetcher, http_server: NoticeServer, stop: str
) -> None:
    path = tmp_path / "noticebot.sqlite3"
    store = await setup(path, http_server)
    try:
        await poll(store, CONFIG, fetcher)
        publish(http_server, 22)  # 12 new: pages 1 and 2 all new, page 3 two new (12, 11) above seen ones
        if stop == "max_articles":
            first = await poll(store, replace(CONFIG, max_articles=PER_PAGE), fetcher)
        else:
            for n in range(17, 10, -1):
                http_server.update(
                    f"/a/{n}.htm", delay=30.0
                )  # the articles of pages 2 and 3 outlast the poll
            # Long enough for page 1's five articles on a loaded machine; far below the delay above.
            [first] = await Poller(store, fetcher, replace(CONFIG, deadline=6.0)).poll_due(LATER)
            assert first.error is not None and "deadline" in first.error
            for n in range(17, 10, -1):
                http_server.update(f"/a/{n}.htm", delay=0.0)
        assert [n.title for n in first.new] == [
            title(n) for n in range(22, 17, -1)
        ]  # page 1, then it stopped
        assert await store.pending_pages(await source_id(store)) == PendingPages(3, 0)
    finally:
        await store.close()
    store = await open_backend(path)  # a restart: the store and the poller are new, the file is not
    try:
        # Page 1 is all stored: only the stored catch-up sends this poll on to pages 2 and 3.
        second = await poll(store, CONFIG, fetcher)
        assert [(n.title, n.delivered) for n in second.new] == [(title(n), True) for n in range(17, 10, -1)]
        assert http_server.hits(page_path(2)) == 2 and http_server.hits(page_path(3)) == 0
        assert await store.pending_pages(await source_id(store)) == PendingPages()  # done: cleared
        assert await queued(store) == sorted(title(n) for n in range(22, 10, -1))  # each once
        assert (await poll(store, CONFIG, fetcher)).new == [] and http_server.hits(page_path(1)) == 2
    finally:
        await store.close()


async def test_a_page_that_keeps_failing_is_tried_on_three_polls_across_restarts(
    tmp_path: Path, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    path = tmp_path / "noticebot.sqlite3"
    store = await setup(path, http_server)
    try:
        await poll(store, CONFIG, fetcher)
        publish(http_server, 22)
        http_server.update(page_path(1), status=404)  # page 2, gone for good
        for _ in range(5):  # each poll by a process of its own
            await store.close()
            store = await open_backend(path)
            await poll(store, CONFIG, fetcher)
        # Forgotten at each restart it would be read once; its failures forgotten, on every poll.
        assert http_server.hits(page_path(1)) == _PAGE_TRIES
        assert await store.pending_pages(await source_id(store)) == PendingPages()  # given up: cleared
    finally:
        await store.close()


async def test_an_instance_taking_the_lease_of_one_that_died_mid_poll_reads_on(
    pg_url: str, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    dying = await setup(pg_url, http_server, instance="A")
    poller = Poller(dying, fetcher, CONFIG)
    try:
        taking = await open_backend(pg_url, instance="B", lease=60)
    except BaseException:
        await dying.close()
        raise
    try:
        await poll(dying, CONFIG, fetcher)
        publish(http_server, 22)  # 12 new over three pages
        for n in range(17, 10, -1):
            http_server.update(f"/a/{n}.htm", delay=20.0)  # the articles of pages 2 and 3 hang…
        crash = asyncio.create_task(poller.poll_due(LATER))
        site = await source_id(taking)
        deadline = asyncio.get_running_loop().time() + 15
        while await taking.count_notices() < 2 * PER_PAGE:  # …while page 1 is stored
            assert asyncio.get_running_loop().time() < deadline, "page 1 not stored in time"
            await asyncio.sleep(0.05)
        assert await taking.pending_pages(site) == PendingPages(3, 0)
        await poller.stop()  # the instance dies mid-poll: nothing recorded, its lease left to run out
        await asyncio.gather(crash, return_exceptions=True)
        await dying.close()
        assert await taking.due_sources(LATER + timedelta(seconds=30)) == []  # A's lease holds
        for n in range(17, 10, -1):
            http_server.update(f"/a/{n}.htm", delay=0.0)
        report = await poll(taking, CONFIG, fetcher, LATER + timedelta(seconds=61))
        assert [(n.title, n.delivered) for n in report.new] == [(title(n), True) for n in range(17, 10, -1)]
        assert await taking.pending_pages(site) == PendingPages()
        assert await queued(taking) == sorted(title(n) for n in range(22, 10, -1))
    finally:
        await poller.stop()
        await dying.close()
        await taking.close()


async def test_the_migration_keeps_an_older_databases_sources_and_notices(
    store_target: Path | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    schema = storage.pg.schema if is_postgres_url(store_target) else storage.schema
    step = [name for name, _ in schema.MIGRATIONS].index("sources: a listing catch-up left unfinished")
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:step])  # the schema before it
    old = await open_backend(store_target)
    try:
        added = await old.add_source(SourceSpec(name="site", url="http://127.0.0.1/list/"))
        await old.upsert_chat(1, "private")
        await old.subscribe(1, None)
        await old.store_notices(added.id, [notice("k1")], now=NOW, deliver=True, notify_updates=False)
    finally:
        await old.close()
    monkeypatch.undo()
    store = await open_backend(store_target)
    try:
        source = await store.get_source("site")
        assert source is not None and (source.id, source.spec) == (added.id, added.spec)
        [kept] = await store.latest_notices(source_id=added.id)
        assert kept.title == notice("k1").title and await store.count_notices() == 1
        assert len(await store.claim_deliveries(NOW + timedelta(days=1), 10)) == 1  # its push still queued
        assert await store.pending_pages(added.id) == PendingPages()  # no catch-up pending
        assert len(await store.due_sources(NOW)) == 1  # a poll's claim: its lease fences the write
        assert await store.set_pending_pages(added.id, PendingPages(3, 2), now=NOW)
        assert await store.pending_pages(added.id) == PendingPages(3, 2)
        await store.remove_source("site")
        assert await store.pending_pages(added.id) == PendingPages()  # gone with its source
    finally:
        await store.close()


async def test_a_source_queued_behind_the_others_is_polled_by_one_instance_only(
    pg_url: str, http_server: NoticeServer
) -> None:
    """One claim takes a batch and starts every lease then. A source that waits for a poll slot starts its
    lease again as its poll begins, so the lease (longer than the deadline) outlasts that poll too; one that
    waited so long that another instance took it is left to that instance."""
    for name in ("a", "b", "c"):
        http_server.add(f"/{name}.htm", b"<html><body>none</body></html>", delay=1.9)
    config = replace(CONFIG, concurrency=1, deadline=2.0)  # b waits about 1.9 s for a's slot, c about 3.8 s
    one = await open_backend(pg_url, instance="one", lease=2.5)  # longer than the deadline
    try:
        two = await open_backend(pg_url, instance="two", lease=2.5)
    except BaseException:
        await one.close()
        raise
    try:
        for name in ("a", "b", "c"):
            await one.add_source(SourceSpec(name=name, url=http_server.url(f"/{name}.htm"), kind="page"))
        async with Fetcher(read_timeout=5.0, total_timeout=6.0) as own, Fetcher() as other:
            clock = asyncio.get_running_loop().time
            began = clock()
            polling = asyncio.create_task(Poller(one, own, config).poll_due())
            while http_server.hits("/b.htm") == 0:  # b's poll began (about 1.9 s in, later on a busy machine)
                assert clock() - began < 30, "b was never polled"
                await asyncio.sleep(0.02)
            await asyncio.sleep(max(0.05, began + 2.7 - clock()))  # past the leases the claim started
            assert http_server.hits("/c.htm") == 0  # c still waits for its slot
            taken = await two.due_sources(datetime.now(UTC))
            # b is being polled: its lease was started again. c's ran out while it waited: two takes it.
            assert [s.name for s in taken] == ["c"]
            await Poller(two, other, config).poll_sources(taken, claimed=True)
            reports = {r.source: r for r in await polling}
        assert http_server.hits("/b.htm") == 1 and http_server.hits("/c.htm") == 1  # each polled once
        assert reports["c"].error is None and reports["b"].error is None
    finally:
        await one.close()
        await two.close()
