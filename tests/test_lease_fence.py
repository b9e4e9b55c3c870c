"""A poll that outlived its lease writes nothing of the source's state: two instances on one real PostgreSQL
server, the listing site on a real 127.0.0.1 server. What the stale poll stored stays stored, once."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

import pytest

from bot.models import PendingPages, SourceSpec
from bot.poller import Poller
from bot.sources.fetch import Fetcher
from storage import open_backend
from storage.api import Store
from tests.delivery_world import NOW
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401
from tests.test_poller_pages import CONFIG, page_path, publish, title
from tests.test_poller_pending import LATER, queued, setup
from tests.test_poller_pending import fetcher as fetcher  # a fixture


async def _success(store: Store, source_id: int, when: datetime) -> bool:
    """A poll's success record, due an hour later."""
    return await store.record_poll_success(
        source_id, now=when, next_due=when + timedelta(hours=1), etag=None, last_modified=None,
        detected_kind="page", feed_url=None, item_count=5, layout_changed=False,
    )  # fmt: skip


async def _pair(pg_url: str) -> tuple[Store, Store]:
    a = await open_backend(pg_url, instance="A", lease=60)
    try:
        return a, await open_backend(pg_url, instance="B", lease=60)
    except BaseException:
        await a.close()
        raise


async def test_writes_of_an_instance_whose_lease_ran_out_are_refused_and_change_nothing(pg_url: str) -> None:
    a, b = await _pair(pg_url)
    try:
        src = await a.add_source(SourceSpec(name="s", url="http://127.0.0.1/s"))
        assert [s.id for s in await a.due_sources(NOW)] == [src.id]
        assert await a.set_pending_pages(src.id, PendingPages(2, 0), now=NOW)  # A holds the lease
        # A stalls past its lease: by the clock, even before anyone else claims it, it is no longer A's.
        late = NOW + timedelta(seconds=61)
        assert not await a.set_pending_pages(src.id, PendingPages(), now=late)
        assert [s.id for s in await b.due_sources(late)] == [src.id]  # B takes it over
        assert await b.set_pending_pages(src.id, PendingPages(3, 1), now=late)
        # A's writes, stamped with a time inside its own old lease too, are refused: B owns the lease.
        for when in (NOW + timedelta(seconds=30), late):
            assert not await a.set_pending_pages(src.id, PendingPages(), now=when)
            assert (
                await a.record_poll_failure(src.id, now=when, next_due=when, error="x", pause_after=1) is None
            )
            assert not await _success(a, src.id, when)
        kept = await b.get_source("s")
        assert kept is not None and kept.active and kept.failures == 0 and kept.last_error is None
        assert kept.last_success is None and await b.pending_pages(src.id) == PendingPages(3, 1)
        # B records its poll (releasing the lease): a free lease is not A's either.
        done = late + timedelta(seconds=1)
        for _ in range(2):  # the same record repeated (a retry after a lost answer) is no refusal
            assert await _success(b, src.id, done)
        assert await a.record_poll_failure(src.id, now=done, next_due=done, error="x", pause_after=1) is None
        assert not await a.set_pending_pages(src.id, PendingPages(), now=done)
        final = await a.get_source("s")
        assert final is not None and final.active and final.failures == 0 and final.last_success == done
        assert final.next_due == done + timedelta(hours=1) and await a.pending_pages(src.id) == PendingPages(
            3, 1
        )
        # A poll nobody claimed (/pollnow) takes a free lease, and then writes under it; not a held one.
        assert await a.renew_lease(src.id, done, take=True)
        assert not await b.renew_lease(src.id, done, take=True)
        assert await a.set_pending_pages(src.id, PendingPages(), now=done)
    finally:
        await a.close()
        await b.close()


async def test_a_stalled_poll_loses_its_lease_and_neither_overwrites_nor_loses_nor_doubles(
    pg_url: str, fetcher: Fetcher, http_server: NoticeServer, caplog: pytest.LogCaptureFixture
) -> None:
    stale = await setup(pg_url, http_server, instance="A")  # a subscribed chat, the site's first ten
    try:
        owner = await open_backend(pg_url, instance="B", lease=60)
    except BaseException:
        await stale.close()
        raise
    try:
        await Poller(stale, fetcher, CONFIG).poll_due(LATER)  # the first poll: what is listed is seen
        seen = await owner.count_notices()  # page 1's five
        publish(http_server, 13)  # three new on page 1
        http_server.update("/a/11.htm", delay=4.0)  # A's poll hangs on one article…
        claimed = LATER + timedelta(hours=1)
        polling = asyncio.create_task(Poller(stale, fetcher, CONFIG).poll_due(claimed))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 15
        while http_server.hits("/a/11.htm") == 0 or await owner.count_notices() < seen + 2:
            assert loop.time() < deadline, "A never stored two and asked for the third"
            await asyncio.sleep(0.02)
        http_server.update("/a/11.htm", delay=0.0)  # …past its lease: B claims the source and polls it
        [taken] = await Poller(owner, fetcher, CONFIG).poll_due(claimed + timedelta(seconds=61))
        assert taken.error is None and sorted(n.title for n in taken.new) == [title(11)]
        site = await owner.get_source("site")
        assert site is not None
        with caplog.at_level(logging.WARNING, logger="bot.poller"):
            [late] = await polling  # A wakes up, stores what it read (already stored), and is refused
        assert late.error is None and late.alert is None
        assert sorted(n.title for n in late.new) == [title(12), title(13)]  # stored before it stalled
        after = await owner.get_source("site")
        assert after == site  # B's record of its poll stands: times, validators, health
        refused = [r.getMessage() for r in caplog.records if "lease ran out" in r.getMessage()]
        assert refused and "site" in refused[0] and "success was not recorded" in refused[0]
        assert await owner.pending_pages(site.id) == PendingPages()
        # B polls again: nothing new; every new notice is queued for the chat exactly once.
        [again] = await Poller(owner, fetcher, CONFIG).poll_due(claimed + timedelta(hours=2))
        assert again.error is None and again.new == []
        assert http_server.hits(page_path(0)) == 4
        assert await owner.count_notices() == seen + 3
        assert await queued(owner) == sorted(title(n) for n in (11, 12, 13))
    finally:
        await stale.close()
        await owner.close()
