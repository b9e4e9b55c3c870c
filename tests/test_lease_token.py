"""A claim's fencing token (PostgreSQL lease_seq): kept while this instance holds the lease live, new once it
ran out; a poll cycle leaves alone a source whose record the fence refused. Real PostgreSQL, a real page on
127.0.0.1 held mid-answer by the test (no timing race decides an assertion)."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime, timedelta

from bot.models import PendingPages, SourceSpec
from bot.poller import Poller
from bot.sources.fetch import Fetcher
from storage import open_backend
from tests.delivery_world import NOW
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401
from tests.test_poller_pages import CONFIG
from tests.test_poller_pending import fetcher as fetcher  # a fixture

PAGE = "<html><body><ul><li><a href='/n/1.htm'>关于开展职工技能竞赛的通知</a></li></ul></body></html>"


async def test_a_live_reclaim_or_take_by_the_owner_keeps_the_token_a_claim_after_the_lease_ran_out_does_not(
    pg_url: str,
) -> None:
    a = await open_backend(pg_url, instance="A", lease=60)
    try:
        src = await a.add_source(SourceSpec(name="s", url="http://127.0.0.1/s"))
        [first] = await a.due_sources(NOW)
        [again] = await a.due_sources(NOW + timedelta(seconds=10))  # live: the same claim going on
        assert again.lease == first.lease
        assert await a.renew_lease(src.id, NOW + timedelta(seconds=20), take=True) == first.lease  # /pollnow
        # The take started the lease afresh (to NOW + 80 s); a claim after that is a new one.
        [later] = await a.due_sources(NOW + timedelta(seconds=81))
        assert later.lease == first.lease + 1
        when = NOW + timedelta(seconds=82)
        assert not await a.set_pending_pages(src.id, PendingPages(2, 0), now=when, lease=first.lease)
        assert await a.set_pending_pages(src.id, PendingPages(2, 0), now=when, lease=later.lease)
    finally:
        await a.close()


async def _started(server: NoticeServer, path: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 15
    while server.hits(path) == 0:
        assert loop.time() < deadline, "the poll never fetched its page"
        await asyncio.sleep(0.02)


async def test_a_claim_made_while_its_poll_runs_keeps_the_token_and_the_poll_records_its_result(
    pg_url: str, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    gate = threading.Event()
    http_server.add("/list.htm", PAGE, gate=gate)
    a = await open_backend(pg_url, instance="A", lease=60)
    try:
        await a.add_source(SourceSpec(name="s", url=http_server.url("/list.htm"), kind="page"))
        poller = Poller(a, fetcher, CONFIG)
        polling = asyncio.create_task(poller.poll_due())
        await _started(http_server, "/list.htm")  # the poll waits for the page's answer
        claimed = await a.get_source("s")
        assert claimed is not None
        assert await poller.claim_due() == []  # the next cycle's claim: the store re-claims, the poller skips
        held = await a.get_source("s")
        assert held is not None and held.lease == claimed.lease and held.last_success is None
        gate.set()
        [report] = await polling
        assert report.error is None
        done = await a.get_source("s")
        assert done is not None and done.last_success is not None and done.failures == 0
    finally:
        gate.set()
        await a.close()


async def test_a_poll_whose_lease_ran_out_leaves_its_source_free_not_claimed_again_and_unpolled(
    pg_url: str, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    # The page answers after 1.5 s, the lease lasts 1 s: the poll's record comes after its lease ran out.
    http_server.add("/list.htm", PAGE, delay=1.5)
    a = await open_backend(pg_url, instance="A", lease=1)
    try:
        b = await open_backend(pg_url, instance="B", lease=60)
    except BaseException:
        await a.close()
        raise
    try:
        await a.add_source(SourceSpec(name="s", url=http_server.url("/list.htm"), kind="page"))
        [report] = await Poller(a, fetcher, CONFIG).poll_due()
        assert report.error is None and http_server.hits("/list.htm") == 1
        left = await a.get_source("s")
        assert left is not None and left.last_success is None  # refused by the fence: still due
        # The cycle did not claim it again (that claim, its lease run out, would have been a new token).
        assert left.lease == 1
        [taken] = await b.due_sources(datetime.now(UTC))  # another instance may poll it at once
        assert taken.id == left.id and taken.lease == 2
    finally:
        await a.close()
        await b.close()
