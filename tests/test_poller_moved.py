"""Where a source is polled after redirects, on both backends: validators kept with the URL they came from, a
stored feed URL that is gone replaced by what the configured URL leads to. Real HTTP sources on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import PollConfig
from bot.models import Source, SourceSpec
from bot.poller import Poller, PollReport
from bot.sources.errors import GONE_HINT, HTTPStatusError
from bot.sources.fetch import Fetcher
from storage import open_backend
from storage.api import Store
from tests.pollerkit import fetcher_fixture  # noqa: F401
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401
from tests.test_poller import BODY, rss

CONFIG = PollConfig(interval=600, concurrency=4, timeout=2.0, max_backoff=3600)
RSS = "application/rss+xml"


@pytest.fixture(name="backend")
async def backend_fixture(store_target: Path | str) -> AsyncIterator[Store]:
    store = await open_backend(store_target)
    yield store
    await store.close()


async def _poll(store: Store, poller: Poller) -> tuple[PollReport, Source]:
    """Poll the store's one source now: its report and the source as stored after it."""
    [source] = await store.list_sources()
    [report] = await poller.poll_sources([source])
    polled = await store.get_source(source.spec.name)
    assert polled is not None
    return report, polled


def _feed_page(href: str) -> str:
    return (
        f'<html><head><meta charset="utf-8"><link rel="alternate" type="application/rss+xml" href="{href}">'
        '</head><body><a href="/n/1.html">关于做好节日期间安全工作的通知</a></body></html>'
    )


NEWER = rss([("b", "通知乙", BODY), ("a", "通知甲", BODY)])  # the feed with one new item, 通知乙


async def _first_poll(backend: Store, fetcher: Fetcher, url: str) -> tuple[Poller, PollReport, Source]:
    """Add the one source at url, make its poller and poll it once: the poller, the report, the source after."""
    await backend.add_source(SourceSpec(name="f", url=url))
    poller = Poller(backend, fetcher, CONFIG)
    report, source = await _poll(backend, poller)
    return poller, report, source


async def _discovered(
    backend: Store, fetcher: Fetcher, http_server: NoticeServer, feed: str = "/feed.xml"
) -> Poller:
    """A page /news/ advertising feed (one item, 通知甲), polled once: the feed found and read in its place."""
    http_server.add("/news/", _feed_page(feed), content_type="text/html; charset=utf-8")
    http_server.add(feed, rss([("a", "通知甲", BODY)]), content_type=RSS)
    poller, _, source = await _first_poll(backend, fetcher, http_server.url("/news/"))
    assert (source.feed_url, source.detected_kind) == (http_server.url(feed), "feed")
    return poller


def _gone(http_server: NoticeServer, status: int = 404, path: str = "/feed.xml") -> None:
    """The feed at path now answers status (404 or 410), in plain text."""
    http_server.update(path, status=status, body=b"gone", content_type="text/plain")


def _drop_feed(http_server: NoticeServer, status: int) -> None:
    """The page /news/ stops advertising its feed, and the feed answers status."""
    http_server.update("/news/", body=_feed_page("/none.xml").replace('<link rel="alternate"', "<meta"))
    _gone(http_server, status)


def _move_feed(http_server: NoticeServer) -> None:
    """The page /news/ advertises /rss.xml instead, a feed with a new item (通知乙)."""
    http_server.update("/news/", body=_feed_page("/rss.xml"))
    http_server.add("/rss.xml", NEWER, content_type=RSS)


async def test_validators_read_through_a_temporary_redirect_are_kept_with_their_url(
    backend: Store, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    http_server.add("/tzgg/", status=302, location=http_server.url("/tzgg/index.xml"))
    http_server.add("/tzgg/index.xml", rss([("a", "通知甲", BODY)]), content_type=RSS, etag='"v1"')
    poller, first, source = await _first_poll(backend, fetcher, http_server.url("/tzgg/"))
    assert first.error is None and source.feed_url is None  # a temporary redirect: the configured URL kept
    assert (source.etag, source.validated_url) == ('"v1"', http_server.url("/tzgg/index.xml"))
    second, source = await _poll(backend, poller)
    assert second.not_modified and source.validated_url == http_server.url("/tzgg/index.xml")
    assert http_server.requests[-1][1].get("if-none-match") == '"v1"'  # not downloaded in full each time
    # The configured URL now leads elsewhere, to a list whose ETag happens to be the same: its 304 does not
    # count (it is not the URL the validators came from), and the list is read in full.
    http_server.add("/tzgg/new.xml", NEWER, content_type=RSS, etag='"v1"')
    http_server.update("/tzgg/", location=http_server.url("/tzgg/new.xml"))
    third, source = await _poll(backend, poller)
    assert not third.not_modified and [n.title for n in third.new] == ["通知乙"]
    assert source.validated_url == http_server.url("/tzgg/new.xml")


async def test_a_moved_sources_new_url_that_is_gone_is_left_after_two_404s(
    backend: Store, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    http_server.add("/a", status=301, location=http_server.url("/b"))
    http_server.add("/b", rss([("a", "通知甲", BODY)]), content_type=RSS, etag='"b1"')
    poller, _, source = await _first_poll(backend, fetcher, http_server.url("/a"))
    assert source.feed_url == http_server.url("/b")
    # The site undoes the move: /b is gone, /a serves the feed itself.
    http_server.update("/b", status=404, body=b"gone", content_type="text/plain", etag=None)
    http_server.update(
        "/a",
        status=200,
        location=None,
        body=NEWER,
        content_type=RSS,
    )
    # One 404 may be the site's passing fault: the new URL is kept, with its validators.
    failed, source = await _poll(backend, poller)
    assert failed.error is not None and "404" in failed.error and source.failures == 1
    assert (source.feed_url, source.etag) == (http_server.url("/b"), '"b1"')
    assert http_server.hits("/a") == 1
    # A second 404 in a row: the configured URL is read in the same poll, and polled from then on.
    again, source = await _poll(backend, poller)
    assert again.error is None and [n.title for n in again.new] == ["通知乙"] and source.failures == 0
    assert (source.feed_url, source.validated_url) == (None, http_server.url("/a"))
    await _poll(backend, poller)
    assert http_server.hits("/b") == 3  # not asked again


async def test_one_404_of_a_stored_feed_url_keeps_it(
    backend: Store, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    poller = await _discovered(backend, fetcher, http_server)
    # The page stops advertising its feed, whose server has a bad minute; another fault comes between two
    # 404s: no two 404s in a row.
    _drop_feed(http_server, 404)
    failed, source = await _poll(backend, poller)
    assert failed.error is not None and source.failures == 1
    http_server.update("/feed.xml", status=500)
    failed, source = await _poll(backend, poller)
    http_server.update("/feed.xml", status=404)
    failed, source = await _poll(backend, poller)
    assert failed.error is not None and "404" in failed.error and source.failures == 3
    assert http_server.hits("/news/") == 1  # the page was not read in its place
    http_server.update("/feed.xml", status=200, body=NEWER)
    again, source = await _poll(backend, poller)
    assert again.error is None and [n.title for n in again.new] == ["通知乙"]
    assert (source.feed_url, source.detected_kind) == (http_server.url("/feed.xml"), "feed")


@pytest.mark.parametrize("status", [404, 410])
async def test_a_discovered_feed_that_is_gone_is_found_anew(
    backend: Store, fetcher: Fetcher, http_server: NoticeServer, status: int
) -> None:
    poller = await _discovered(backend, fetcher, http_server)
    # The site moves its feed: the old one is gone, the page advertises the new one.
    _gone(http_server, status)
    _move_feed(http_server)
    if status == 404:  # once: maybe a passing fault; the feed is kept
        failed, source = await _poll(backend, poller)
        assert failed.error is not None and source.feed_url == http_server.url("/feed.xml")
    again, source = await _poll(backend, poller)
    assert again.error is None and [n.title for n in again.new] == ["通知乙"]
    assert (source.feed_url, source.detected_kind) == (http_server.url("/rss.xml"), "feed")


async def test_a_gone_feed_the_page_no_longer_advertises_is_kept_not_the_page(
    backend: Store, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    poller = await _discovered(backend, fetcher, http_server)
    # The feed answers 410 and the page has dropped its link (a redesign in progress): the page's links are
    # not settled on; the poll fails and the old feed is asked again.
    _drop_feed(http_server, 410)
    for _ in range(2):
        failed, source = await _poll(backend, poller)
        assert failed.error is not None and "410" in failed.error
        assert (source.feed_url, source.detected_kind) == (http_server.url("/feed.xml"), "feed")
    assert http_server.hits("/news/") == 3  # the first poll, then once each failed poll
    http_server.update("/feed.xml", status=200, body=NEWER)
    again, source = await _poll(backend, poller)
    assert again.error is None and [n.title for n in again.new] == ["通知乙"] and source.failures == 0


async def test_the_configured_url_gone_keeps_failing_as_before(
    backend: Store, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    http_server.add("/feed.xml", rss([("a", "通知甲", BODY)]), content_type=RSS)
    poller, _, _ = await _first_poll(backend, fetcher, http_server.url("/feed.xml"))
    _gone(http_server, 404)
    failed, source = await _poll(backend, poller)
    assert failed.error is not None and source.failures == 1 and source.detected_kind == "feed"


async def test_a_feed_redirected_to_an_error_page_naming_a_new_session_each_time_is_left(
    backend: Store, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    poller = await _discovered(backend, fetcher, http_server)
    # The feed moves to /rss.xml; the old one now 302s to a 404 error page whose URL names a new session on
    # every request: the same gone feed, its query aside.
    _move_feed(http_server)
    http_server.add("/error", status=404, body=b"nf", content_type="text/plain")
    http_server.update("/feed.xml", status=302, body=b"", location=http_server.url("/error?sid=1"))
    failed, source = await _poll(backend, poller)
    assert failed.error is not None and "404" in failed.error and source.failures == 1
    http_server.update("/feed.xml", location=http_server.url("/error?sid=2#top"))
    again, source = await _poll(backend, poller)
    assert again.error is None and [n.title for n in again.new] == ["通知乙"]
    assert source.feed_url == http_server.url("/rss.xml")


async def test_a_404_from_another_url_does_not_count_as_the_second(
    backend: Store, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    # A guard (it held before the stable key too): only the query and fragment are set aside.
    poller = await _discovered(backend, fetcher, http_server)
    http_server.add("/err1", status=404, body=b"nf", content_type="text/plain")
    http_server.add("/err2", status=404, body=b"nf", content_type="text/plain")
    http_server.update("/feed.xml", status=302, body=b"", location=http_server.url("/err1?x=1"))
    await _poll(backend, poller)
    http_server.update("/feed.xml", location=http_server.url("/err2?x=1"))
    failed, source = await _poll(backend, poller)
    assert failed.error is not None and source.failures == 2
    assert http_server.hits("/news/") == 1  # the page was not read in the feed's place


async def test_a_moved_feed_the_site_undoes_for_a_page_is_left_after_the_feed_was_kept_once(
    backend: Store, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    page = (
        '<html><head><meta charset="utf-8"></head><body><ul>'
        '<li><a href="/n/1.html">关于做好节日期间安全工作的通知</a></li>'
        '<li><a href="/n/2.html">关于开展消防安全检查工作的通知</a></li></ul></body></html>'
    )
    http_server.add("/a", status=301, location=http_server.url("/b"))
    http_server.add("/b", rss([("a", "通知甲", BODY)]), content_type=RSS)
    poller, _, source = await _first_poll(backend, fetcher, http_server.url("/a"))
    assert (source.feed_url, source.detected_kind) == (http_server.url("/b"), "feed")
    # The site undoes the move: /b is gone, /a is an HTML listing again.
    _gone(http_server, 404, "/b")
    http_server.update("/a", status=200, location=None, body=page, content_type="text/html; charset=utf-8")
    first, source = await _poll(backend, poller)  # one 404: maybe a passing fault
    kept, source = await _poll(backend, poller)  # gone, but the page leads to no feed: the feed is kept once
    assert first.error is not None and kept.error is not None and source.failures == 2
    assert source.feed_url == http_server.url("/b")
    taken, source = await _poll(backend, poller)
    assert taken.error is None and source.failures == 0 and source.active
    # Settled on the page, which is read as its configured kind again next time (a feed it advertises is
    # taken); its links, keyed otherwise than the feed's items, are old news: recorded, none delivered.
    assert (source.feed_url, source.detected_kind) == (None, "")
    assert len(taken.new) == 2 and not any(n.delivered for n in taken.new)


async def test_the_configured_urls_own_error_is_named_with_the_gone_feeds(
    backend: Store, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    poller = await _discovered(backend, fetcher, http_server)
    _gone(http_server, 410)
    http_server.update("/news/", status=503, body=b"down", content_type="text/plain")
    failed, source = await _poll(backend, poller)
    assert failed.error is not None and "410" in failed.error and "503" in failed.error
    assert http_server.url("/news/") in failed.error
    # The next poll still reads the feed's 410 out of that error: the configured URL is asked again.
    http_server.update(
        "/news/", status=200, body=_feed_page("/rss.xml"), content_type="text/html; charset=utf-8"
    )
    http_server.add("/rss.xml", NEWER, content_type=RSS)
    again, source = await _poll(backend, poller)
    assert again.error is None and source.feed_url == http_server.url("/rss.xml")


_HTML = "text/html; charset=utf-8"
_TITLES = ["关于做好节日期间安全工作的通知", "关于开展消防安全检查工作的通知", "关于举办春季运动会的通知"]


def _list_page(numbers: range, feed: str | None = None, next_page: str | None = None) -> str:
    """A listing page linking /n/<i>.html for each i, advertising feed, with a link to next_page."""
    link = f'<link rel="alternate" type="application/rss+xml" href="{feed}">' if feed else ""
    items = "".join(
        f'<li><a href="/n/{i}.html">{_TITLES[i % 3]}{i}</a><span>2020-02-0{1 + i % 9}</span></li>'
        for i in numbers
    )
    pager = f'<div class="page"><a href="{next_page}">下一页</a></div>' if next_page else ""
    return f'<html><head><meta charset="utf-8">{link}</head><body><ul class="list">{items}</ul>{pager}</body></html>'


def _articles(http_server: NoticeServer, numbers: range) -> None:
    for i in numbers:
        http_server.add(
            f"/n/{i}.html",
            f'<html><head><meta charset="utf-8"><title>{_TITLES[i % 3]}{i}</title></head><body>'
            f'<div class="content"><p>{BODY}</p></div></body></html>',
            content_type=_HTML,
        )


def _items(http_server: NoticeServer, numbers: range) -> bytes:
    """A feed of /n/<i>.html, each item's guid its link."""
    items = "".join(
        f"<item><title>{_TITLES[i % 3]}{i}</title><link>{http_server.url(f'/n/{i}.html')}</link>"
        f"<guid>{http_server.url(f'/n/{i}.html')}</guid><description>{BODY}</description></item>"
        for i in numbers
    )
    return f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode()


async def _give_up_feed(backend: Store, poller: Poller) -> PollReport:
    """Poll a source whose feed now 404s and whose page leads to no feed until the page is settled on."""
    for _ in range(2):  # one 404; then gone, the feed kept once
        failed, source = await _poll(backend, poller)
        assert failed.error is not None and source.detected_kind == "feed"
    taken, source = await _poll(backend, poller)
    assert taken.error is None and (source.feed_url, source.detected_kind) == (None, "")
    return taken


async def test_a_page_settled_on_in_place_of_a_gone_feed_delivers_no_old_notice(
    backend: Store, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    _articles(http_server, range(41))
    http_server.add("/news/", _list_page(range(20), "/feed.xml", "/news/2.html"), content_type=_HTML)
    http_server.add("/news/2.html", _list_page(range(20, 40)), content_type=_HTML)
    http_server.add("/feed.xml", _items(http_server, range(10)), content_type=RSS)
    poller, _, source = await _first_poll(backend, fetcher, http_server.url("/news/"))
    assert source.detected_kind == "feed"
    _gone(http_server, 404)
    http_server.update("/news/", body=_list_page(range(20), None, "/news/2.html"))
    # The page's links are keyed by link, the feed's items were by guid: all look new to storage. The poll
    # that settles on the page is a first poll: recorded as seen, none delivered, no later page read.
    taken = await _give_up_feed(backend, poller)
    assert len(taken.new) == 20 and not any(n.delivered for n in taken.new)
    assert http_server.hits("/news/2.html") == 0
    # From then on the page is polled as any page: a new link is delivered.
    http_server.update(
        "/news/",
        body=_list_page(range(20), None, "/news/2.html").replace(
            '<ul class="list">', f'<ul class="list"><li><a href="/n/40.html">{_TITLES[1]}40</a></li>'
        ),
    )
    later, source = await _poll(backend, poller)
    assert later.error is None and [(n.title, n.delivered) for n in later.new] == [(f"{_TITLES[1]}40", True)]
    assert source.detected_kind == ""


async def test_a_site_back_from_maintenance_has_its_feed_taken_again_without_a_burst(
    backend: Store, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    _articles(http_server, range(21))
    http_server.add("/news/", _list_page(range(20), "/feed.xml"), content_type=_HTML)
    http_server.add("/feed.xml", _items(http_server, range(10)), content_type=RSS)
    poller, _, _ = await _first_poll(backend, fetcher, http_server.url("/news/"))
    # Maintenance: the feed 404s, the page is an interim one with three links of its own and no feed.
    _gone(http_server, 404)
    http_server.update("/news/", body=_list_page(range(100, 103)))
    _articles(http_server, range(100, 103))
    taken = await _give_up_feed(backend, poller)
    assert not any(n.delivered for n in taken.new)
    # The site is back and advertises its feed: it is read again (found anew), and its items, keyed by
    # guid, are not delivered again, nor are the page's 20 links.
    http_server.update("/feed.xml", status=200, body=_items(http_server, range(10)), content_type=RSS)
    http_server.update("/news/", body=_list_page(range(20), "/feed.xml"))
    feed_hits = http_server.hits("/feed.xml")
    back, source = await _poll(backend, poller)
    assert back.error is None and not any(n.delivered for n in back.new)
    assert http_server.hits("/feed.xml") == feed_hits + 1
    assert (source.feed_url, source.detected_kind) == (http_server.url("/feed.xml"), "feed")
    # And a new item of the feed is delivered as usual.
    http_server.update("/feed.xml", body=_items(http_server, range(11)))
    later, _ = await _poll(backend, poller)
    assert [(n.title, n.delivered) for n in later.new] == [(f"{_TITLES[10 % 3]}10", True)]


@pytest.mark.parametrize("length", [300, 420, 460, 600])
async def test_a_long_feed_urls_two_404s_are_recognised(
    backend: Store, fetcher: Fetcher, http_server: NoticeServer, length: int
) -> None:
    # Storage keeps 500 characters of an error: the 404's text must still give the same URL back.
    feed = "/feed.xml?k=" + "x" * length
    poller = await _discovered(backend, fetcher, http_server, feed)
    _move_feed(http_server)
    http_server.update(feed, status=404, body=b"nf", content_type="text/plain")
    failed, source = await _poll(backend, poller)
    assert failed.error is not None and source.failures == 1
    again, source = await _poll(backend, poller)
    assert again.error is None and source.feed_url == http_server.url("/rss.xml")


async def test_an_unrelated_failure_does_not_count_as_the_feed_kept_once(
    backend: Store, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    _articles(http_server, range(3))
    http_server.add("/news/", _list_page(range(3), "/feed.xml"), content_type=_HTML)
    http_server.add("/feed.xml", _items(http_server, range(3)), content_type=RSS)
    poller, _, _ = await _first_poll(backend, fetcher, http_server.url("/news/"))
    http_server.update("/feed.xml", status=503, body=b"busy", content_type="text/plain")
    await _poll(backend, poller)
    http_server.update("/feed.xml", status=404, body=b"nf")
    http_server.update("/news/", body=_list_page(range(3)))
    await _poll(backend, poller)  # one 404 (after a 503)
    kept, source = await _poll(backend, poller)  # gone, the page leads to no feed: kept once, marked so
    assert kept.error is not None and "leads to no feed" in kept.error and source.detected_kind == "feed"
    taken, source = await _poll(backend, poller)
    assert taken.error is None and source.detected_kind == "" and not any(n.delivered for n in taken.new)


def test_a_404s_text_keeps_its_hint_within_what_storage_keeps() -> None:
    # A long URL and a long reason phrase (a hostile server's) are cut: the hint, and a kept feed's mark
    # after it, fit in the 500 characters stored; two queries of one long URL read as the same URL.
    long = "https://h.org/" + "p" * 1000
    for url in (long + "?sid=1", long + "?sid=2#top"):
        text = str(HTTPStatusError(url, 404, "R" * 1000)) + "; the configured URL leads to no feed: x"
        assert "leads to no feed" in text[:500] and GONE_HINT in text[:500]
    first, second = (str(HTTPStatusError(long + q, 404, "Not Found")) for q in ("?a=1", "?a=2"))
    assert first == second and len(first) < 400
