"""Pagination catch-up against real listing sites on 127.0.0.1 and a real SQLite file: no notice rolls away.

Each site lists notices newest first, five to a page, at /list/index.html, /list/index_1.html, …; between
polls more notices appear than page 1 holds, so the older new ones sit on page 2 and beyond.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.config import PollConfig, parse_config
from bot.errors import ConfigError
from bot.models import PendingPages, SourceSpec
from bot.poller import _PAGE_TRIES, Poller, PollReport
from bot.sources.fetch import Fetcher
from bot.sources.listing import Entry
from bot.sources.paging import entry_key, moved
from storage import SQLiteStore
from tests import pollerkit
from tests.pollerkit import fetcher_fixture, subscribed_store_fixture  # noqa: F401
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

CONFIG = PollConfig(interval=600, concurrency=4, timeout=2.0, max_backoff=3600, max_pages=5)
PER_PAGE = 5
BODY = "各单位要按照本通知要求，认真做好有关工作，确保各项措施落实到位。" * 8
Pager = Callable[[int, int], str]  # (page index, page count) -> the pager's HTML


def page_path(index: int) -> str:
    return "/list/index.html" if index == 0 else f"/list/index_{index}.html"


def rel_next(index: int, count: int) -> str:
    return f"<link rel='next' href='{page_path(index + 1)}'>" if index + 1 < count else ""


def text_next(index: int, count: int) -> str:
    link = f"<a href='{page_path(index + 1)}'>下一页</a>" if index + 1 < count else ""
    return f"<div class='page'><a href='{page_path(0)}'>首页</a> {link}</div>"


def script_next(index: int, count: int) -> str:
    # The government CMS pager: the links are written by a script; only the call's arguments say them.
    return f"<div id='page_div'></div><script>createPageHTML({count}, {index}, 'index', 'html');</script>"


def title(n: int) -> str:
    return f"关于做好第{n}批重点项目申报工作的通知（试行）"  # punctuation, as real titles have


def listing(numbers: list[int], index: int, count: int, pager: Pager, articles: str = "/a") -> str:
    rows = "".join(
        f"<tr><td><a href='{articles}/{n}.htm'>{title(n)}</a></td><td>{date(2024, 1, 1) + timedelta(days=n)}</td></tr>"
        for n in numbers
    )
    head = pager(index, count) if pager is rel_next else ""
    tail = "" if pager is rel_next else pager(index, count)
    return (
        f"<html><head><meta charset='utf-8'><title>通知公告</title>{head}</head><body>"
        f"<table class='list'>{rows}</table>{tail}</body></html>"
    )


def publish(
    server: NoticeServer, newest: int, pager: Pager = text_next, pinned: int = 0, articles: str = "/a"
) -> None:
    """The site once notices 1..newest exist: pages of PER_PAGE, newest first, and every article page.

    pinned: that notice also heads page 1, above the list (置顶), as sites do with a standing notice.
    articles: the path the article pages are under (a site that moves them changes every notice's link).
    """
    numbers = list(range(newest, 0, -1))
    pages = [numbers[i : i + PER_PAGE] for i in range(0, len(numbers), PER_PAGE)]
    if pinned:
        pages[0] = [pinned, *pages[0]]
    for index, chunk in enumerate(pages):
        server.add(page_path(index), listing(chunk, index, len(pages), pager, articles))
    for n in numbers:
        server.add(
            f"{articles}/{n}.htm",
            f"<html><head><meta charset='utf-8'></head><body><div class='article'><h1>{title(n)}</h1>"
            f"<p>{BODY}</p></div></body></html>",
        )


async def poll(store: SQLiteStore, poller: Poller) -> PollReport:
    """pollerkit.poll, which must succeed."""
    report = await pollerkit.poll(store, poller)
    assert report.error is None, report.error
    return report


async def started(store: SQLiteStore, fetcher: Fetcher, server: NoticeServer, config: PollConfig) -> Poller:
    """A page source polled once (its notices recorded as seen); the poller to poll it again."""
    await store.add_source(SourceSpec(name="site", url=server.url(page_path(0)), kind="page"))
    poller = Poller(store, fetcher, config)
    report = await poll(store, poller)
    assert len(report.new) == PER_PAGE and not any(n.delivered for n in report.new)
    assert server.hits(page_path(1)) == 0  # a first poll never pages: what is listed then is old news
    return poller


async def queued_titles(store: SQLiteStore) -> list[str]:
    """The titles of every notice queued for the subscribed chat, each once per queued row."""
    rows = await store.claim_deliveries(datetime.now(UTC) + timedelta(seconds=5), 1000)
    titles = []
    for row in rows:
        notice = await store.get_notice(row.notice_id)
        assert notice is not None
        titles.append(notice.title)
    return titles


@pytest.mark.parametrize("pager", [rel_next, text_next, script_next], ids=["rel-next", "下一页", "script"])
async def test_more_new_notices_than_page_one_holds_are_all_delivered_once(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer, pager: Pager
) -> None:
    publish(http_server, 10, pager)
    poller = await started(subscribed_store, fetcher, http_server, CONFIG)
    publish(http_server, 22, pager)  # 12 new: pages 0 and 1 all new, page 2 holds 12..8 (10..8 seen)
    report = await poll(subscribed_store, poller)
    assert [n.title for n in report.new] == [title(n) for n in range(22, 10, -1)]  # listing order
    assert all(n.delivered for n in report.new)
    assert http_server.hits(page_path(2)) == 1  # read: page 1 was all new
    assert http_server.hits(page_path(3)) == 0  # not read: page 2 held notices already seen
    assert (await poll(subscribed_store, poller)).new == []  # nothing twice
    queued = await queued_titles(subscribed_store)
    assert sorted(queued) == sorted(title(n) for n in range(22, 10, -1))  # each pushed exactly once
    assert await subscribed_store.count_notices() == 22 - 10 + PER_PAGE


async def test_pages_stop_at_max_pages(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    publish(http_server, 10)
    poller = await started(subscribed_store, fetcher, http_server, replace(CONFIG, max_pages=2))
    publish(http_server, 30)  # 20 new over four pages
    report = await poll(subscribed_store, poller)
    assert [n.title for n in report.new] == [title(n) for n in range(30, 20, -1)]  # two pages' worth
    assert http_server.hits(page_path(1)) == 1 and http_server.hits(page_path(2)) == 0


async def test_pages_stop_once_max_entries_are_listed(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    publish(http_server, 10)
    poller = await started(subscribed_store, fetcher, http_server, replace(CONFIG, max_entries=7))
    publish(http_server, 30)
    report = await poll(subscribed_store, poller)
    assert [n.title for n in report.new] == [title(n) for n in range(30, 23, -1)]  # the newest 7
    assert http_server.hits(page_path(1)) == 1 and http_server.hits(page_path(2)) == 0


async def test_a_next_link_back_to_a_page_already_read_stops(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    publish(http_server, 10)
    poller = await started(subscribed_store, fetcher, http_server, CONFIG)
    publish(http_server, 30)
    # Page 2 is page 1's next page, and page 1 again is page 2's: a loop.
    looping = listing(list(range(25, 20, -1)), 1, 3, text_next).replace(page_path(2), page_path(0))
    http_server.add(page_path(1), looping)
    report = await poll(subscribed_store, poller)
    assert len(report.new) == 2 * PER_PAGE
    assert http_server.hits(page_path(0)) == 2  # once per poll, never again through the loop
    assert http_server.hits(page_path(2)) == 0


async def test_a_failing_later_page_keeps_what_page_one_gave(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    publish(http_server, 10)
    poller = await started(subscribed_store, fetcher, http_server, CONFIG)
    publish(http_server, 30)
    http_server.update(page_path(1), status=503, body="busy")
    report = await poll(subscribed_store, poller)
    assert [n.title for n in report.new] == [title(n) for n in range(30, 25, -1)]
    assert all(n.delivered for n in report.new)
    assert http_server.hits(page_path(1)) == 1 and http_server.hits(page_path(2)) == 0  # tried, then stopped
    source = await subscribed_store.get_source("site")
    assert source is not None and source.failures == 0 and source.last_error is None


async def test_a_later_page_that_fails_once_is_read_on_the_next_poll(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    publish(http_server, 10)
    poller = await started(subscribed_store, fetcher, http_server, CONFIG)
    publish(http_server, 22)  # 12 new: pages 0 and 1 all new, page 2 holds 12..8 (10..8 seen)
    http_server.update(page_path(0), etag='"v22"')  # unchanged next time: a conditional GET would get 304
    http_server.update(page_path(1), status=503)
    first = await poll(subscribed_store, poller)
    assert [n.title for n in first.new] == [title(n) for n in range(22, 17, -1)]  # page 1, stored
    http_server.update(page_path(1), status=200)
    second = await poll(subscribed_store, poller)  # page 1 is all stored now, yet the catch-up goes on
    assert [(n.title, n.delivered) for n in second.new] == [(title(n), True) for n in range(17, 10, -1)]
    assert http_server.hits(page_path(3)) == 0
    assert sorted(await queued_titles(subscribed_store)) == sorted(title(n) for n in range(22, 10, -1))


async def test_a_later_page_that_keeps_failing_is_tried_a_few_polls_only(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    publish(http_server, 10)
    poller = await started(subscribed_store, fetcher, http_server, CONFIG)
    publish(http_server, 22)
    http_server.update(page_path(1), status=404)
    for _ in range(6):
        await poll(subscribed_store, poller)
    # Tried on _PAGE_TRIES polls in all, then given up (as page 1 alone would).
    assert http_server.hits(page_path(1)) == _PAGE_TRIES


async def test_an_article_of_a_later_page_that_keeps_failing_is_retried_a_few_polls_only(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    publish(http_server, 10)
    poller = await started(subscribed_store, fetcher, http_server, CONFIG)
    publish(http_server, 18)  # 8 new: page 1 all new, page 2 three new and two seen
    http_server.update(page_path(0), etag='"v18"')
    http_server.update("/a/12.htm", status=404)  # gone for good
    for _ in range(6):
        await poll(subscribed_store, poller)
    assert http_server.hits(page_path(1)) == _PAGE_TRIES  # read again for it a few polls, then given up
    source = await subscribed_store.get_source("site")
    assert source is not None and source.etag == '"v18"'  # page 1's validators kept: conditional GETs again
    assert await subscribed_store.pending_pages(source.id) == PendingPages()  # given up: nothing left pending


async def test_the_pending_catch_up_of_a_removed_source_is_forgotten(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    publish(http_server, 10)
    poller = await started(subscribed_store, fetcher, http_server, CONFIG)
    publish(http_server, 22)
    http_server.update(page_path(1), status=503)
    await poll(subscribed_store, poller)
    source = await subscribed_store.get_source("site")
    assert source is not None
    assert await subscribed_store.pending_pages(source.id) == PendingPages(
        2, 1
    )  # page 2 is to be read again…
    await subscribed_store.remove_source("site")
    assert (
        await subscribed_store.pending_pages(source.id) == PendingPages()
    )  # …but the source is gone, and it with it
    again = await subscribed_store.add_source(
        SourceSpec(name="site", url=http_server.url(page_path(0)), kind="page")
    )
    assert (
        await subscribed_store.pending_pages(again.id) == PendingPages()
    )  # a source added again starts afresh


async def test_an_off_site_next_link_is_not_followed(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    publish(http_server, 10)
    # Private addresses allowed, so only the same-site rule can keep the poller off the other host.
    poller = await started(subscribed_store, fetcher, http_server, replace(CONFIG, allow_private=("*",)))
    publish(http_server, 30)
    with NoticeServer(host="127.0.0.2") as other:
        publish(other, 30)
        off_site = listing(list(range(25, 20, -1)), 1, 3, text_next).replace(
            f"href='{page_path(2)}'", f"href='{other.url(page_path(2))}'"
        )
        http_server.add(page_path(1), off_site)
        report = await poll(subscribed_store, poller)
        assert other.hits(page_path(2)) == 0
    assert len(report.new) == 2 * PER_PAGE  # page 2, on the site, was read
    assert http_server.hits(page_path(2)) == 0


async def test_a_next_page_redirecting_off_site_is_not_read(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    publish(http_server, 10)
    poller = await started(subscribed_store, fetcher, http_server, replace(CONFIG, allow_private=("*",)))
    publish(http_server, 30)
    with NoticeServer(host="127.0.0.2") as other:
        publish(other, 30)
        # The third page is on the site but redirects to another host (whose links are "same site" there).
        http_server.update(page_path(2), status=302, location=other.url(page_path(2)), body="")
        report = await poll(subscribed_store, poller)
        assert other.hits(page_path(2)) == 1  # the redirect was followed by the fetcher…
        assert other.hits("/a/20.htm") == 0  # …but that page's links are not this source's notices
    assert [n.title for n in report.new] == [title(n) for n in range(30, 20, -1)]  # the first two pages only


async def test_a_later_page_of_seen_notices_stops_paging(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    publish(http_server, 10)
    poller = await started(subscribed_store, fetcher, http_server, CONFIG)
    publish(http_server, 15)  # exactly one page of new notices; page 2 is the old page 1
    report = await poll(subscribed_store, poller)
    assert len(report.new) == PER_PAGE
    assert http_server.hits(page_path(1)) == 1  # read (page 1 was all new) and found all seen
    assert http_server.hits(page_path(2)) == 0


async def test_an_old_notice_pinned_above_the_list_does_not_stop_the_catch_up(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    publish(http_server, 10, pinned=3)
    await subscribed_store.add_source(SourceSpec(name="site", url=http_server.url(page_path(0)), kind="page"))
    poller = Poller(subscribed_store, fetcher, CONFIG)
    await poll(subscribed_store, poller)
    publish(http_server, 20, pinned=3)  # 10 new under the pinned one: pages 0 and 1 are all new
    report = await poll(subscribed_store, poller)
    assert [n.title for n in report.new] == [title(n) for n in range(20, 10, -1)]
    assert http_server.hits(page_path(2)) == 1 and http_server.hits(page_path(3)) == 0


@pytest.mark.parametrize("recurring", ["通知公告", "Public Notice on Road Works"], ids=["short", "long"])
async def test_a_new_notice_titled_like_an_old_one_does_not_stop_the_catch_up(
    subscribed_store: SQLiteStore,
    fetcher: Fetcher,
    http_server: NoticeServer,
    monkeypatch: pytest.MonkeyPatch,
    recurring: str,
) -> None:
    # Sites reuse titles ("通知公告", "Public Notice"): an old notice (7) and a new one (14, on page 2) share one.
    plain = title
    monkeypatch.setattr(sys.modules[__name__], "title", lambda n: recurring if n in (7, 14) else plain(n))
    publish(http_server, 10)
    poller = await started(subscribed_store, fetcher, http_server, CONFIG)
    publish(http_server, 22)  # 12 new: pages 0 and 1 all new (14 among them), page 2 holds 12..8
    for _ in range(3):
        await poll(subscribed_store, poller)
    assert sorted(await queued_titles(subscribed_store)) == sorted(title(n) for n in range(22, 10, -1))


@pytest.mark.parametrize("added", [0, 2], ids=["same-notices", "two-new"])
async def test_a_site_that_moves_its_notices_to_new_links_does_not_page(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer, added: int
) -> None:
    publish(http_server, 10)
    poller = await started(subscribed_store, fetcher, http_server, CONFIG)
    publish(http_server, 10 + added, articles="/news/2024")  # every link on page 1 is new, the titles are not
    report = await poll(subscribed_store, poller)
    assert http_server.hits(page_path(1)) == 0  # not a catch-up: the list reaches notices already seen
    # Page 1 alone is what it was before paging: its five entries, now under their new links.
    assert [n.title for n in report.new] == [title(n) for n in range(10 + added, 5 + added, -1)]


async def test_a_later_page_without_notice_links_stops_paging(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    publish(http_server, 10)
    poller = await started(subscribed_store, fetcher, http_server, CONFIG)
    publish(http_server, 30)
    # Page 2 answers, but with a maintenance notice instead of a list (and a pager that goes on).
    http_server.add(
        page_path(1), page_path(2).join(["<html><body><p>系统维护中</p><a href='", "'>下一页</a>"])
    )
    report = await poll(subscribed_store, poller)
    assert len(report.new) == PER_PAGE and report.error is None
    assert http_server.hits(page_path(1)) == 1 and http_server.hits(page_path(2)) == 0


async def test_a_catch_up_cut_short_by_the_article_budget_reads_those_pages_again(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    publish(http_server, 10)
    poller = await started(subscribed_store, fetcher, http_server, replace(CONFIG, max_articles=3))
    publish(http_server, 18)  # 8 new: page 1 all new, page 2 three new and two seen
    stored = []
    for _ in range(3):  # three articles a poll: the newest first, the rest on the next polls
        stored += [n.title for n in (await poll(subscribed_store, poller)).new]
    assert sorted(stored) == sorted(title(n) for n in range(18, 10, -1))
    assert sorted(await queued_titles(subscribed_store)) == sorted(stored)


async def test_an_article_of_a_later_page_that_failed_is_fetched_on_the_next_poll(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    publish(http_server, 10)
    poller = await started(subscribed_store, fetcher, http_server, CONFIG)
    publish(http_server, 18)  # 8 new: page 1 all new, page 2 three new and two seen
    http_server.update(page_path(0), etag='"v18"')  # unchanged next time: a conditional GET would get 304
    http_server.update("/a/12.htm", status=503)
    first = await poll(subscribed_store, poller)
    assert len(first.new) == 7 and first.skipped_articles == 1
    http_server.update("/a/12.htm", status=200)
    second = await poll(subscribed_store, poller)  # page 1 is all stored now, yet page 2 is read again
    assert [(n.title, n.delivered) for n in second.new] == [(title(12), True)]
    assert sorted(await queued_titles(subscribed_store)) == sorted(title(n) for n in range(18, 10, -1))


async def test_a_catch_up_cut_short_by_the_deadline_reads_those_pages_again(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    publish(http_server, 10)
    poller = await started(subscribed_store, fetcher, http_server, replace(CONFIG, deadline=1.0))
    publish(http_server, 18)  # 8 new: page 1 all new, page 2 three new and two seen
    for n in (13, 12, 11):
        http_server.update(f"/a/{n}.htm", delay=2.0)  # page 2's new articles outlast the poll's deadline
    await pollerkit.make_due(subscribed_store)
    [first] = await poller.poll_due()
    assert first.error is not None and "deadline" in first.error
    assert sorted(n.title for n in first.new) == sorted(title(n) for n in range(18, 13, -1))  # page 1, kept
    for n in (13, 12, 11):
        http_server.update(f"/a/{n}.htm", delay=0.0)
    second = await poll(subscribed_store, poller)  # page 1 is all stored now, yet page 2 is read again
    assert [n.title for n in second.new] == [title(n) for n in (13, 12, 11)]


async def test_a_deadline_while_reading_later_pages_keeps_the_catch_up_pending(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    publish(http_server, 10)
    poller = await started(subscribed_store, fetcher, http_server, replace(CONFIG, deadline=1.0))
    publish(http_server, 18)  # 8 new: page 1 all new, page 2 three new and two seen
    http_server.update("/a/12.htm", status=503)
    assert len((await poll(subscribed_store, poller)).new) == 7  # 12 failed: page 2 is to be read again
    http_server.update(page_path(1), delay=2.0)  # …but next time page 2 outlasts the poll's deadline
    await pollerkit.make_due(subscribed_store)
    [second] = await poller.poll_due()
    assert second.error is not None and "deadline" in second.error
    http_server.update(page_path(1), delay=0.0)
    http_server.update("/a/12.htm", status=200)
    third = await poll(subscribed_store, poller)  # the catch-up is still pending
    assert [(n.title, n.delivered) for n in third.new] == [(title(12), True)]


def rss_page(numbers: list[int], next_path: str) -> str:
    items = "".join(
        f"<item><title>{title(n)}</title><link>http://127.0.0.1/n/{n}</link><guid>g{n}</guid>"
        f"<description><![CDATA[<p>{BODY * 2}</p>]]></description></item>"  # full text: no article fetch
        for n in numbers
    )
    nxt = f"<atom:link rel='next' href='{next_path}'/>" if next_path else ""
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0' xmlns:atom='http://www.w3.org/2005/Atom'>"
        f"<channel><title>t</title><link>http://127.0.0.1/</link>{nxt}{items}</channel></rss>"
    )


async def test_a_paged_feed_is_caught_up_through_its_next_link(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    def serve(newest: int) -> None:
        numbers = list(range(newest, 0, -1))
        for i in range(0, len(numbers), 3):
            nxt = f"/feed{i // 3 + 1}.xml" if i + 3 < len(numbers) else ""
            path = "/feed.xml" if i == 0 else f"/feed{i // 3}.xml"
            http_server.add(path, rss_page(numbers[i : i + 3], nxt), content_type="application/rss+xml")

    serve(6)
    await subscribed_store.add_source(SourceSpec(name="site", url=http_server.url("/feed.xml")))
    poller = Poller(subscribed_store, fetcher, CONFIG)
    assert len((await poll(subscribed_store, poller)).new) == 3 and http_server.hits("/feed1.xml") == 0
    serve(13)  # 7 new: feed pages 0 and 1 all new, page 2 has one new
    report = await poll(subscribed_store, poller)
    assert [n.title for n in report.new] == [title(n) for n in range(13, 6, -1)]
    assert http_server.hits("/feed3.xml") == 0


def test_max_pages_is_read_from_the_config() -> None:
    assert parse_config({"poll": {"max_pages": 1}}, env={}).poll.max_pages == 1  # 1: paging off
    assert parse_config({}, env={}).poll.max_pages == 3
    with pytest.raises(ConfigError, match=r"poll\.max_pages"):
        parse_config({"poll": {"max_pages": 0}}, env={})


async def test_a_page_is_moved_only_when_most_of_its_new_entries_are_stored_by_title_and_date() -> None:
    day = datetime(2024, 3, 1, tzinfo=UTC)
    old = [(title(n), day + timedelta(days=n)) for n in range(1, 6)]  # what the source has stored

    async def stored_titles(titles: list[str]) -> list[tuple[str, datetime | None]]:
        return [(t, p) for t, p in old if t in titles]

    def page(numbers: list[int], *, dated: bool = True, shift: int = 0) -> list[Entry]:
        return [
            Entry(
                f"http://127.0.0.1/new/{n}.htm",
                title(n),
                published=day + timedelta(days=n + shift) if dated else None,
            )
            for n in numbers
        ]

    async def moved_page(entries: list[Entry], stored: frozenset[str] = frozenset()) -> bool:
        return await moved(entries, [entry_key(e) for e in entries], set(stored), stored_titles)

    assert await moved_page(page([5, 4, 3, 2, 1]))  # every notice under a new link
    assert await moved_page(page([7, 6, 3, 2, 1]))  # two new ones above three moved
    assert not await moved_page(page([9, 8, 7, 6, 3]))  # one new notice titled like an old one
    assert await moved_page(page([5, 4, 3], dated=False))  # a listing without dates: the title alone
    assert not await moved_page(page([5, 4, 3], shift=400))  # the same titles, other dates: new notices
    pinned = page([1]) + page([9, 8, 3, 2])  # counted, it would make three of five
    assert not await moved_page(pinned, frozenset({entry_key(pinned[0])}))  # the pinned one does not count


class CountingStore(SQLiteStore):
    """The real SQLite store, noting each stored_hashes call's keys."""

    def __init__(self, store: SQLiteStore) -> None:
        super().__init__(store.db)
        self.asked: list[list[str]] = []

    async def stored_hashes(self, source_id: int, keys: list[str]) -> dict[str, str]:
        self.asked.append(list(keys))
        return await super().stored_hashes(source_id, keys)


async def test_a_catch_up_asks_storage_once_per_page_for_what_is_stored(
    subscribed_store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    counting = CountingStore(subscribed_store)
    publish(http_server, PER_PAGE)
    poller = await started(counting, fetcher, http_server, CONFIG)
    publish(http_server, 2 * PER_PAGE)  # two pages: page 1 all new, page 2 the notices seen before
    counting.asked.clear()
    report = await poll(counting, poller)
    assert [n.title for n in report.new] == [title(n) for n in range(2 * PER_PAGE, PER_PAGE, -1)]
    assert all(n.delivered for n in report.new)
    assert http_server.hits(page_path(1)) == 1
    asked = [key for keys in counting.asked for key in keys]
    assert len(counting.asked) == 2 and len(asked) == len(set(asked)) == 2 * PER_PAGE  # each page's keys once
    assert sorted(await queued_titles(counting)) == sorted(
        title(n) for n in range(2 * PER_PAGE, PER_PAGE, -1)
    )
    assert (await poll(counting, poller)).new == []  # nothing twice
