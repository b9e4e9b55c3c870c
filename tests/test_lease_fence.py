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
from storage.errors import LeaseLost
from tests.delivery_world import NOW, notice
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401
from tests.test_poller_pages import CONFIG, page_path, publish, title
from tests.test_poller_pending import LATER, queued, setup
from tests.test_poller_pending import fetcher as fetcher  # a fixture


async def _success(store: Store, source_id: int, when: datetime) -> bool:
    """A poll's success record, due an hour later."""
    return await store.record_poll_success(
        source_id, now=when, next_due=when + timedelta(hours=1), etag=None, last_modified=None,
        validated_url=None, detected_kind="page", feed_url=None, item_count=5, layout_changed=False,
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
        # Only the very same record is taken for a repeat: A's success at another time is still refused.
        assert not await _success(a, src.id, done + timedelta(seconds=1))
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


async def test_a_failure_record_repeated_by_a_retry_gives_its_count_and_counts_once(pg_url: str) -> None:
    a, b = await _pair(pg_url)
    try:
        src = await a.add_source(SourceSpec(name="s", url="http://127.0.0.1/s"))
        [claimed] = await a.due_sources(NOW)

        async def fail(store: Store, when: datetime) -> int | None:
            return await store.record_poll_failure(
                src.id, now=when, next_due=when, error="boom", pause_after=1, lease=claimed.lease
            )

        # Committed, its answer lost, sent again: the count (which pauses, and alerts the admins), not None.
        assert await fail(a, NOW) == 1 and await fail(a, NOW) == 1
        paused = await a.get_source("s")
        assert paused is not None and paused.failures == 1 and not paused.active
        assert await fail(a, NOW + timedelta(seconds=1)) is None  # another failure: refused
    finally:
        await a.close()
        await b.close()


async def test_the_fence_is_per_claim_a_stale_poll_of_an_instance_that_claimed_again_is_refused(
    pg_url: str,
) -> None:
    a, b = await _pair(pg_url)
    try:
        src = await a.add_source(SourceSpec(name="s", url="http://127.0.0.1/s"))
        [first] = await a.due_sources(NOW)  # A's poll stalls past its lease; B polls and releases
        late = NOW + timedelta(seconds=61)
        [taken] = await b.due_sources(late)
        assert await b.record_poll_success(
            src.id, now=late, next_due=late, etag=None, last_modified=None, detected_kind="page",
            validated_url=None, feed_url=None, item_count=5, layout_changed=False, lease=taken.lease,
        )  # fmt: skip
        again = await a.renew_lease(src.id, late, take=True)  # A claims it anew (a /pollnow)
        assert again is not None and len({first.lease, taken.lease, again}) == 3
        # The stalled poll's writes, in time under A's new lease, carry the old claim's token: refused.
        assert not await a.set_pending_pages(src.id, PendingPages(2, 0), now=late, lease=first.lease)
        assert not await a.record_poll_success(
            src.id, now=late, next_due=NOW, etag=None, last_modified=None, detected_kind="page",
            validated_url=None, feed_url=None, item_count=5, layout_changed=False, lease=first.lease,
        )  # fmt: skip
        failed = await a.record_poll_failure(
            src.id, now=late, next_due=late, error="x", pause_after=1, lease=first.lease
        )
        assert failed is None
        with pytest.raises(LeaseLost):
            await a.store_notices(
                src.id, [notice("k")], now=late, deliver=True, notify_updates=True, lease=first.lease
            )
        assert await a.renew_lease(src.id, late, lease=first.lease) is None  # nor does it renew that claim
        kept = await b.get_source("s")
        assert kept is not None and kept.last_success == late and kept.next_due == late and kept.failures == 0
        assert await b.count_notices() == 0
        # Its new claim writes.
        assert await a.set_pending_pages(src.id, PendingPages(2, 0), now=late, lease=again)
    finally:
        await a.close()
        await b.close()


async def test_a_stalled_poll_cannot_put_back_an_older_text_of_an_edited_notice(pg_url: str) -> None:
    a, b = await _pair(pg_url)
    try:
        src = await a.add_source(SourceSpec(name="s", url="http://127.0.0.1/s", notify_updates=True))
        [mine] = await a.due_sources(NOW)
        old = notice("k", text="旧的正文。")
        [stored] = await a.store_notices(
            src.id, [old], now=NOW, deliver=True, notify_updates=True, lease=mine.lease
        )
        assert stored.status == "new"
        # A stalls with the old text; B takes the source over and stores the notice as edited since.
        late = NOW + timedelta(seconds=61)
        [theirs] = await b.due_sources(late)
        edited = notice("k", text="改过的正文。")
        [update] = await b.store_notices(
            src.id, [edited], now=late, deliver=True, notify_updates=True, lease=theirs.lease
        )
        assert update.status == "updated"
        for when in (NOW + timedelta(seconds=30), late):  # A wakes up with the text it read: refused
            with pytest.raises(LeaseLost):
                await a.store_notices(
                    src.id, [old], now=when, deliver=True, notify_updates=True, lease=mine.lease
                )
        kept = await b.get_notice(stored.notice_id)
        assert kept is not None and kept.text == "改过的正文。" and kept.revision == 1
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
        # It stopped at the one it had yet to store: refused like its other writes (not stored again).
        assert refused and "site" in refused[0] and "without recording its notices" in refused[0]
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
