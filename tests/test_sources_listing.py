"""read_listing / fetch_entry end to end against a real HTTP server: pages, feeds, auto, 304, failures."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.errors import SourceError
from bot.sources.errors import HTTPStatusError, NotAFeedError, TooLarge
from bot.sources.fetch import Fetcher
from bot.sources.listing import Entry, fetch_entry, read_listing
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
ARTICLE_PATHS = [
    "/gonghui/2020-02/03/content_12.htm",
    "/gonghui/2020-02/01/content_11.htm",
    "/gonghui/2020-01/15/content_8.htm",
    "/gonghui/content_7.htm",
    "/gonghui/2019-12/30/content_5.htm",
]
TITLE = "全国总工会下发《关于充分发挥工会组织作用 团结动员广大职工坚决打赢新型冠状病毒感染肺炎疫情防控阻击战的通知》"


def _serve_site(server: NoticeServer) -> str:
    """The seed-shaped site: a GBK table listing (no charset header) and its GBK article pages."""
    article = (FIXTURES / "article-table-gbk.html").read_bytes()
    for path in ARTICLE_PATHS:
        server.add(path, article, content_type="text/html")
    return server.add(
        "/gonghui/list.html",
        (FIXTURES / "listing-table-gbk.html").read_bytes(),
        content_type="text/html",
        etag='"L1"',
    )


def _feed(server: NoticeServer) -> bytes:
    return (FIXTURES / "rss2.xml").read_bytes().replace(b"http://www.example.org", server.base_url.encode())


async def test_page_source_lists_links_then_extracts_articles(http_server: NoticeServer) -> None:
    url = _serve_site(http_server)
    async with Fetcher() as fetcher:
        listing = await read_listing(fetcher, url, kind="page")
        assert listing.kind == "page" and listing.feed_url == url and listing.etag == '"L1"'
        assert listing.links_found == 5
        assert [e.url for e in listing.entries] == [http_server.url(p) for p in ARTICLE_PATHS]
        first = listing.entries[0]
        assert first.text is None and first.guid == ""
        item = await fetch_entry(fetcher, first)
    assert item.url == http_server.url(ARTICLE_PATHS[0])
    assert item.title == TITLE
    assert item.published == datetime(2020, 2, 3, 4, 14, 42, tzinfo=UTC)  # the article's time, same day
    assert item.text.count("《通知》") >= 4 and "王东明" not in item.text and "ICP" not in item.text


async def test_page_source_not_modified_and_layout_changed(http_server: NoticeServer) -> None:
    url = _serve_site(http_server)
    async with Fetcher() as fetcher:
        again = await read_listing(fetcher, url, kind="page", etag='"L1"')
        assert again.not_modified and again.entries == [] and again.etag == '"L1"'
        http_server.update(
            "/gonghui/list.html", body="<html><body><p>网站改版中</p></body></html>", etag='"L2"'
        )
        redesigned = await read_listing(fetcher, url, kind="page", etag='"L1"')
    assert not redesigned.not_modified and redesigned.links_found == 0 and redesigned.etag == '"L2"'


async def test_item_selector_and_invalid_selector(http_server: NoticeServer) -> None:
    url = _serve_site(http_server)
    async with Fetcher() as fetcher:
        listing = await read_listing(fetcher, url, kind="page", item_selector="td.title a")
        assert listing.links_found == 5
        with pytest.raises(SourceError, match="fix item_selector"):
            await read_listing(fetcher, url, kind="page", item_selector="td[")


async def test_feed_entries_full_teaser_and_fetch_article_switch(http_server: NoticeServer) -> None:
    feed_url = http_server.add("/feed.xml", _feed(http_server), content_type="application/rss+xml")
    _serve_site(http_server)
    async with Fetcher() as fetcher:
        listing = await read_listing(fetcher, feed_url, kind="feed")
        assert listing.kind == "feed" and listing.links_found == 3
        full, teaser, _english = listing.entries
        assert not full.teaser and full.text and full.guid == "acftu-2020-0008"
        item = await fetch_entry(fetcher, full)
        assert item.text == full.text and item.guid == "acftu-2020-0008"
        assert http_server.hits(ARTICLE_PATHS[2]) == 0  # full content: no article fetch

        assert teaser.teaser
        kept = await fetch_entry(fetcher, teaser, fetch_article=False)
        assert kept.text == teaser.text and http_server.hits(ARTICLE_PATHS[1]) == 0
        fetched = await fetch_entry(fetcher, teaser)
    assert http_server.hits(ARTICLE_PATHS[1]) == 1
    assert fetched.title == "全总办公厅关于做好2020年春节后错峰返程工作的通知"  # the feed's title wins
    assert fetched.published == datetime(2020, 2, 1, 8, 0, tzinfo=UTC)  # the feed's date wins
    assert "《通知》强调" in fetched.text


async def test_auto_detects_feed_advertised_feed_and_page(http_server: NoticeServer) -> None:
    feed_url = http_server.add("/feed.xml", _feed(http_server), content_type="text/xml")
    page_with_feed = http_server.add(
        "/news/",
        f'<html><head><link rel="alternate" type="application/rss+xml" href="{feed_url}"></head><body></body></html>',
    )
    listing_url = _serve_site(http_server)
    async with Fetcher() as fetcher:
        direct = await read_listing(fetcher, feed_url)
        advertised = await read_listing(fetcher, page_with_feed)
        page = await read_listing(fetcher, listing_url)
    assert direct.kind == "feed" and direct.feed_url == feed_url
    assert advertised.kind == "feed" and advertised.feed_url == feed_url and advertised.links_found == 3
    assert page.kind == "page" and page.links_found == 5


async def test_html_served_as_feed_is_a_feed_error(http_server: NoticeServer) -> None:
    url = http_server.add("/rss", (FIXTURES / "article-div-utf8.html").read_bytes())
    async with Fetcher() as fetcher:
        with pytest.raises(NotAFeedError):
            await read_listing(fetcher, url, kind="feed")


async def test_article_failures_raise_source_errors(http_server: NoticeServer) -> None:
    http_server.add("/gone.htm", "no", status=404)
    http_server.add("/huge.htm", stream_bytes=20_000_000)
    http_server.add("/empty.htm", "<html><body><div class='nav'><a href='/'>首页</a></div></body></html>")
    async with Fetcher(max_bytes=100_000) as fetcher:
        with pytest.raises(HTTPStatusError):
            await fetch_entry(fetcher, Entry(url=http_server.url("/gone.htm"), title="x"))
        with pytest.raises(TooLarge):
            await fetch_entry(fetcher, Entry(url=http_server.url("/huge.htm"), title="x"))
        with pytest.raises(SourceError, match="no article text"):
            await fetch_entry(fetcher, Entry(url=http_server.url("/empty.htm"), title="x"))
