"""The poller against real HTTP sources on 127.0.0.1 and a real SQLite file: new exactly once, health, back-off."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.admin import preview_source
from bot.config import PollConfig
from bot.models import Source, SourceSpec
from bot.poller import Poller, backoff_delay, default_summarizer
from bot.sources.fetch import Fetcher
from storage import SQLiteStore, open_store
from tests.delivery_world import unreadable_title
from tests.pollerkit import fetcher_fixture, make_due, store_fixture, subscribed_store_fixture  # noqa: F401
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
CONFIG = PollConfig(interval=600, concurrency=4, timeout=2.0, max_backoff=3600)


def rss(items: list[tuple[str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (guid, title, body) items, newest first, with full content."""
    parts = [
        f"<item><title>{t}</title><link>http://127.0.0.1/n/{g}</link><guid isPermaLink='false'>{g}</guid>"
        f"<pubDate>Mon, 03 Feb 2020 08:00:00 +0800</pubDate><content:encoded><![CDATA[<p>{b}</p>]]></content:encoded></item>"
        for g, t, b in items
    ]
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel><title>t</title>"
        f"<link>http://127.0.0.1/</link>{''.join(parts)}</channel></rss>"
    ).encode()


BODY = "各级工会要加强组织领导，确保职工安全返岗。" * 12  # long enough not to count as a teaser


def listing_page(links: list[tuple[str, str, str]]) -> bytes:
    """A table-layout listing page: navigation, then (href, title, date) rows, then a footer."""
    rows = "".join(f"<tr><td><a href='{h}'>{t}</a></td><td>{d}</td></tr>" for h, t, d in links)
    return (
        "<html><head><meta charset='utf-8'><title>通知公告</title></head><body>"
        "<table><tr><td><a href='/'>首页</a> <a href='/about/'>关于我们</a> <a href='/contact/'>联系我们</a></td></tr></table>"
        f"<table class='list'>{rows}</table>"
        "<p><a href='/sitemap/'>网站地图</a> 京ICP备00000000号</p></body></html>"
    ).encode()


async def add(store: SQLiteStore, name: str, url: str, **kw: object) -> Source:
    return await store.add_source(SourceSpec(name=name, url=url, **kw))  # type: ignore[arg-type]


async def test_pollerkit_gives_each_store_its_own_name(
    store: SQLiteStore, subscribed_store: SQLiteStore
) -> None:
    # Both imported: neither silently replaces the other.
    assert await store.get_chat(1) is None
    assert [s.source_id for s in await subscribed_store.list_subscriptions(1)] == [None]


async def test_feed_first_poll_is_seen_then_only_new_items_are_new(
    store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    http_server.add(
        "/feed.xml", rss([("a", "通知甲", BODY), ("b", "通知乙", BODY)]), content_type="application/rss+xml"
    )
    await add(store, "feed", http_server.url("/feed.xml"))
    poller = Poller(store, fetcher, CONFIG)
    [first] = await poller.poll_due()
    assert first.error is None and len(first.new) == 2
    assert not any(n.delivered for n in first.new)  # recorded as seen, nobody is flooded with old notices
    assert await poller.poll_due() == []  # not due again until its interval passes
    http_server.update(
        "/feed.xml", body=rss([("c", "通知丙", BODY), ("a", "通知甲", BODY), ("b", "通知乙", BODY)])
    )
    await make_due(store)
    [second] = await poller.poll_due()
    assert [(n.title, n.delivered) for n in second.new] == [("通知丙", True)]
    assert await store.count_notices() == 3
    source = await store.get_source("feed")
    assert source is not None and source.detected_kind == "feed" and source.failures == 0


async def test_restart_between_polls_stores_nothing_twice(tmp_path: Path, http_server: NoticeServer) -> None:
    http_server.add("/feed.xml", rss([("a", "通知甲", BODY)]), content_type="application/rss+xml")
    path = tmp_path / "db.sqlite3"
    for round_ in range(3):
        store = await open_store(path)
        if round_ == 0:
            await add(store, "feed", http_server.url("/feed.xml"))
        await make_due(store)
        async with Fetcher() as fetcher:
            [report] = await Poller(store, fetcher, CONFIG).poll_due()
        assert len(report.new) == (1 if round_ == 0 else 0)
        assert await store.count_notices() == 1
        await store.close()


async def test_two_pollers_racing_store_each_notice_once(tmp_path: Path, http_server: NoticeServer) -> None:
    items = [(f"g{i}", f"通知{i}", BODY) for i in range(20)]
    http_server.add("/feed.xml", rss(items), content_type="application/rss+xml", delay=0.2)
    path = tmp_path / "db.sqlite3"
    a, b = await open_store(path), await open_store(path)
    await add(a, "feed", http_server.url("/feed.xml"))
    async with Fetcher() as fa, Fetcher() as fb:
        ra, rb = await asyncio.gather(Poller(a, fa, CONFIG).poll_due(), Poller(b, fb, CONFIG).poll_due())
    assert len(ra[0].new) + len(rb[0].new) == 20  # both polled; the database let each notice in once
    assert await a.count_notices() == 20
    await a.close()
    await b.close()


async def test_conditional_get_304_does_nothing(
    store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    http_server.add(
        "/feed.xml", rss([("a", "通知甲", BODY)]), content_type="application/rss+xml", etag='"v1"'
    )
    await add(store, "feed", http_server.url("/feed.xml"))
    poller = Poller(store, fetcher, CONFIG)
    await poller.poll_due()
    await make_due(store)
    [report] = await poller.poll_due()
    assert report.not_modified and report.new == []
    assert http_server.requests[-1][1].get("if-none-match") == '"v1"'


async def test_changed_feed_body_is_an_update_not_a_new_notice(
    store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    http_server.add("/feed.xml", rss([("a", "通知甲", BODY)]), content_type="application/rss+xml")
    await add(store, "feed", http_server.url("/feed.xml"))
    poller = Poller(store, fetcher, CONFIG)
    await poller.poll_due()
    http_server.update("/feed.xml", body=rss([("a", "通知甲", BODY + "另：截止日期延至3月31日。")]))
    await make_due(store)
    [report] = await poller.poll_due()
    assert report.new == [] and report.updated == 1
    assert await store.count_notices() == 1


async def test_page_source_follows_links_and_extracts_articles(
    store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    article = (FIXTURES / "article-table-gbk.html").read_bytes()
    http_server.add("/a/1.htm", article, content_type="text/html")  # charset left out on purpose: GBK body
    http_server.add("/a/2.htm", (FIXTURES / "article-div-utf8.html").read_bytes())
    http_server.add(
        "/list/",
        listing_page(
            [
                ("/a/1.htm", "全国总工会下发关于疫情防控阻击战的通知", "2020-02-03"),
                ("/a/2.htm", "全国总工会关于疫情防控工作的通知（转载）", "2020-02-02"),
            ]
        ),
    )
    await add(store, "acftu", http_server.url("/list/"), kind="page", backfill=1)
    [report] = await Poller(store, fetcher, CONFIG, summarizer=default_summarizer(0)).poll_due()
    assert report.error is None, report.error
    assert len(report.new) == 2
    assert [n.delivered for n in report.new].count(True) == 1  # backfill=1 pushes only the newest
    notice = await store.get_notice(report.new[0].id)
    assert notice is not None
    assert notice.text.count("《通知》") >= 4 and "王东明" not in notice.text and "ICP" not in notice.text
    assert notice.summary is not None and "加强党的领导" in notice.summary.summary
    assert notice.summary.issuer == "中华全国总工会"
    assert http_server.hits("/about/") == 0  # navigation is not followed


async def test_failures_back_off_and_keep_the_error(
    store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    http_server.add("/broken", b"oops", status=500)
    http_server.add("/huge", stream_bytes=2_000_000)
    await add(store, "broken", http_server.url("/broken"))
    await add(store, "huge", http_server.url("/huge"))
    before = datetime.now(UTC)
    reports = {r.source: r for r in await Poller(store, fetcher, CONFIG).poll_due()}
    assert "500" in (reports["broken"].error or "")
    assert reports["huge"].error is not None
    assert "larger than" in (reports["huge"].error or "")  # the size cap, not a crash
    for name in ("broken", "huge"):
        source = await store.get_source(name)
        assert source is not None and source.failures == 1 and source.last_error
        assert source.next_due is not None and source.next_due > before + timedelta(seconds=400)


def test_backoff_grows_and_is_capped() -> None:
    rng = random.Random(1)
    delays = [backoff_delay(600, n, 3600, rng) for n in range(1, 8)]
    assert delays[0] < delays[1] < delays[2] and max(delays) <= 3600
    assert 480 <= delays[0] <= 720


async def test_slow_source_does_not_delay_the_others(
    store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    http_server.add("/slow.xml", rss([("s", "慢通知", BODY)]), content_type="application/rss+xml", delay=1.5)
    http_server.add("/fast.xml", rss([("f", "快通知", BODY)]), content_type="application/rss+xml")
    await add(store, "slow", http_server.url("/slow.xml"))
    await add(store, "fast", http_server.url("/fast.xml"))
    task = asyncio.create_task(Poller(store, fetcher, CONFIG).poll_due())
    for _ in range(100):
        if await store.count_notices() == 1:
            break
        await asyncio.sleep(0.02)
    assert not task.done() and await store.count_notices() == 1  # fast stored while slow still downloads
    await task
    assert await store.count_notices() == 2


async def test_page_with_no_links_is_flagged_layout_changed(
    store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    http_server.add("/list/", listing_page([("/a/1.htm", "关于开展安全生产检查的通知", "2020-02-03")]))
    http_server.add("/a/1.htm", (FIXTURES / "article-div-utf8.html").read_bytes())
    await add(store, "p", http_server.url("/list/"), kind="page")
    poller = Poller(store, fetcher, CONFIG)
    await poller.poll_due()
    http_server.update(
        "/list/", body=b"<html><body><p>\xe7\xbd\x91\xe7\xab\x99\xe6\x94\xb9\xe7\x89\x88</p></body></html>"
    )
    await make_due(store)
    [report] = await poller.poll_due()
    assert report.layout_changed and report.error is None
    source = await store.get_source("p")
    assert source is not None and source.layout_changed


async def test_same_notice_from_two_sources_is_linked(
    store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    feed = rss([("x1", "关于做好春节后错峰返程工作的通知", BODY)])
    http_server.add("/a.xml", feed, content_type="application/rss+xml")
    http_server.add("/b.xml", feed.replace(b"x1", b"y9"), content_type="application/rss+xml")
    await add(store, "a", http_server.url("/a.xml"))
    await add(store, "b", http_server.url("/b.xml"))
    reports = await Poller(store, fetcher, CONFIG).poll_due()
    ids = sorted(n.id for r in reports for n in r.new)
    later = await store.get_notice(ids[1])
    assert later is not None and later.duplicate_of == ids[0]


async def test_an_article_that_failed_on_the_first_poll_is_not_pushed_later_as_new(
    store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    article = (FIXTURES / "article-div-utf8.html").read_bytes()
    http_server.add("/a/1.htm", article)
    http_server.add("/a/2.htm", b"down", status=503)  # this one fails while we first look at the site
    http_server.add("/a/3.htm", article.replace("疫情".encode(), "防汛".encode()))
    rows = [("/a/1.htm", "关于甲项工作的通知", "2020-02-03"), ("/a/2.htm", "关于乙项工作的通知", "2020-02-02"),
            ("/a/3.htm", "关于丙项工作的通知", "2020-02-01")]  # fmt: skip
    http_server.add("/list/", listing_page(rows))
    await add(store, "p", http_server.url("/list/"), kind="page")
    poller = Poller(store, fetcher, CONFIG)
    [first] = await poller.poll_due()
    assert first.skipped_articles == 1 and len(first.new) == 3 and not any(n.delivered for n in first.new)
    http_server.update("/a/2.htm", status=200, body=article)
    await make_due(store)
    [second] = await poller.poll_due()
    assert second.new == []  # old news stays old
    assert http_server.hits("/a/2.htm") == 1  # and its page is not fetched again


async def test_a_failed_change_link_loses_nothing_and_the_batch_goes_on(
    store: SQLiteStore,
    tmp_path: Path,
    fetcher: Fetcher,
    http_server: NoticeServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    original = "关于开展职工疗休养活动的通知"
    http_server.add("/feed.xml", rss([("a", original, BODY)]), content_type="application/rss+xml")
    await add(store, "feed", http_server.url("/feed.xml"))
    await store.upsert_chat(1, "private")
    await store.subscribe(1, None)
    poller = Poller(store, fetcher, CONFIG)
    [first] = await poller.poll_due()
    unreadable_title(tmp_path / "noticebot.sqlite3", first.new[0].id)  # so the title search fails
    fix, other = f"关于《{original}》的更正通知", "关于做好春节后错峰返程工作的通知"
    http_server.update("/feed.xml", body=rss([("c", fix, BODY), ("b", other, BODY), ("a", original, BODY)]))
    await make_due(store)
    [report] = await poller.poll_due()
    assert report.error is None and sorted(n.title for n in report.new) == sorted([fix, other])
    queued = await store.claim_deliveries(datetime.now(UTC) + timedelta(seconds=1), 10)
    assert sorted(r.notice_id for r in queued) == sorted(n.id for n in report.new)  # both still pushed
    assert "changes failed: DatabaseFailure" in caplog.text


@pytest.mark.parametrize(
    ("chain", "kept"),
    [
        ([302], "/feed.xml"),  # moved for now: the source's URL stays
        ([303], "/feed.xml"),
        ([307], "/feed.xml"),
        ([301], "/r1"),  # moved for good: the next poll asks the new URL directly
        ([308], "/r1"),
        ([301, 307], "/r1"),  # as far as the permanent hops go
        ([307, 301], "/feed.xml"),
    ],
)
async def test_only_a_permanent_redirect_moves_a_sources_feed_url(
    store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer, chain: list[int], kept: str
) -> None:
    hops = ["/feed.xml"] + [f"/r{n}" for n in range(1, len(chain) + 1)]
    for here, status, there in zip(hops, chain, hops[1:], strict=False):
        http_server.add(here, status=status, location=http_server.url(there))
    http_server.add(hops[-1], rss([("a", "通知甲", BODY)]), content_type="application/rss+xml")
    await add(store, "feed", http_server.url("/feed.xml"))
    poller = Poller(store, fetcher, CONFIG)
    [report] = await poller.poll_due()
    assert report.error is None and [n.title for n in report.new] == ["通知甲"]  # read where it led this time
    source = await store.get_source("feed")
    assert source is not None
    assert source.feed_url == (None if kept == "/feed.xml" else http_server.url(kept))
    http_server.update(hops[-1], body=rss([("b", "通知乙", BODY), ("a", "通知甲", BODY)]))
    await make_due(store)
    [second] = await poller.poll_due()
    assert [n.title for n in second.new] == ["通知乙"]
    assert http_server.hits(kept) == 2 and http_server.hits(hops[-1]) == 2  # asked again, led there again


async def test_a_source_moved_back_to_its_url_polls_that_url_again(
    store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    feed = rss([("a", "通知甲", BODY)])
    http_server.add("/feed.xml", status=301, location=http_server.url("/new.xml"))
    http_server.add("/new.xml", feed, content_type="application/rss+xml", etag='"n1"')
    await add(store, "feed", http_server.url("/feed.xml"))
    poller = Poller(store, fetcher, CONFIG)
    [first] = await poller.poll_due()
    source = await store.get_source("feed")
    assert first.error is None and source is not None and source.feed_url == http_server.url("/new.xml")
    # The site moves it back: the new address now redirects, for good, to the configured one.
    http_server.update("/new.xml", status=301, location=http_server.url("/feed.xml"), body=b"", etag=None)
    http_server.update("/feed.xml", status=200, location=None, body=feed, content_type="application/rss+xml")
    await make_due(store)
    [second] = await poller.poll_due()
    source = await store.get_source("feed")
    assert second.error is None and source is not None and source.feed_url is None  # the configured URL again
    await make_due(store)
    [third] = await poller.poll_due()
    assert third.error is None and http_server.hits("/new.xml") == 2  # not asked a third time
    assert http_server.hits("/feed.xml") == 3


async def test_adding_a_source_keeps_its_url_after_a_temporary_redirect(
    store: SQLiteStore, fetcher: Fetcher, http_server: NoticeServer
) -> None:
    http_server.add("/feed.xml", status=302, location=http_server.url("/today.xml"))
    http_server.add("/today.xml", rss([("a", "通知甲", BODY)]), content_type="application/rss+xml")
    http_server.add("/old.xml", status=301, location=http_server.url("/feed.xml"))
    for asked in ("/feed.xml", "/old.xml"):  # a permanent redirect before it still moves the source
        preview = await preview_source(fetcher, store, http_server.url(asked), "feed")
        assert preview.kind == "feed" and preview.titles == ("通知甲",)
        assert preview.spec.url == http_server.url("/feed.xml")
