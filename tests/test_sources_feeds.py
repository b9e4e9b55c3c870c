"""Feed parsing: RSS 2.0, RSS 1.0, Atom, GB labels, undeclared GBK, broken XML, HTML instead of a feed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.sources.errors import FeedError, NotAFeedError
from bot.sources.feeds import find_feed_links, looks_like_html, parse_feed, parse_feed_sync

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
FEED_URL = "http://www.example.org/feed.xml"


def _read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


async def test_rss2_full_content_teasers_and_guids() -> None:
    feed = await parse_feed(_read("rss2.xml"), url=FEED_URL, headers={"Content-Type": "application/rss+xml"})
    assert feed.title == "全总文件" and not feed.bozo
    full, teaser, english = feed.entries
    assert full.url == "http://www.example.org/gonghui/2020-01/15/content_8.htm"  # fragment dropped
    assert full.guid == "acftu-2020-0008"
    assert full.published == datetime(2020, 1, 15, 1, 30, tzinfo=UTC)
    assert not full.teaser
    assert full.text.split("\n\n")[1].startswith("《通知》要求") and "<p>" not in full.text
    assert teaser.teaser and teaser.url == "http://www.example.org/gonghui/2020-02/01/content_11.htm"
    assert english.teaser and english.title == "A notice with an English title & an entity"


async def test_atom_entries() -> None:
    feed = await parse_feed(_read("atom.xml"), url=FEED_URL, headers={"Content-Type": "application/atom+xml"})
    first, second = feed.entries
    assert first.title == "关于做好疫情防控期间劳动关系工作的通知"  # HTML title stripped
    assert first.guid == "tag:example.org,2020:notice-1"
    assert first.published == datetime(2020, 2, 5, 10, 0, tzinfo=UTC)
    assert not first.teaser and "2020年2月20日前报送" in first.text
    assert second.teaser and second.published == datetime(2020, 2, 4, 9, 0, tzinfo=UTC)


async def test_rss1_entries() -> None:
    feed = await parse_feed(_read("rss1.xml"), url=FEED_URL)
    assert [e.url for e in feed.entries] == [
        "http://www.example.org/circulars/1.html",
        "http://www.example.org/circulars/2.html",
    ]
    assert feed.entries[0].published == datetime(2020, 2, 3, 4, 14, 42, tzinfo=UTC)
    assert "must complete" in feed.entries[0].text


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("rss2-gb2312-label.xml", "application/rss+xml; charset=gb2312"),  # header and XML both say gb2312
        ("rss2-gb2312-label.xml", "application/rss+xml"),  # only the XML declaration says gb2312
        ("rss2-gbk-undeclared.xml", "application/rss+xml"),  # GBK bytes, no label anywhere
        ("rss2-gbk-undeclared.xml", ""),
    ],
)
def test_gbk_feeds_keep_names_outside_gb2312(name: str, content_type: str) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    feed = parse_feed_sync(_read(name), url=FEED_URL, headers=headers)
    assert feed.title == "省总工会通知"
    assert feed.entries[0].title == "关于表彰朱镕基式的劳动模范和王珺同志的通知"


def test_broken_feed_salvages_good_entries() -> None:
    feed = parse_feed_sync(_read("broken-salvageable.xml"), url=FEED_URL)
    assert feed.bozo and feed.problem
    assert [e.url for e in feed.entries][:2] == [
        "http://www.example.org/news/1.htm",
        "http://www.example.org/news/2.htm?a=1&b=2",
    ]
    assert feed.entries[0].published == datetime(2020, 2, 3, 4, 0, tzinfo=UTC)


def test_feedparser_illformed_sample_salvaged() -> None:
    # From feedparser's own suite (tests/fixtures/sources/feedparser/README.md): unclosed root element.
    feed = parse_feed_sync(_read("feedparser/rss_item_link_corrupted_ampersands.xml"), url=FEED_URL)
    assert feed.entries[0].url == "http://link/get?a=1&b=2"


@pytest.mark.parametrize("name", ["broken-hopeless.xml", "feedparser/aaa_illformed.xml"])
def test_hopeless_feed_raises_feed_error(name: str) -> None:
    with pytest.raises(FeedError, match="not a readable RSS/Atom feed"):
        parse_feed_sync(_read(name), url=FEED_URL)


@pytest.mark.parametrize(
    "name", ["feedparser/http_application_atom_xml_gb2312_charset.xml", "feedparser/big5.xml"]
)
def test_empty_but_valid_feeds_are_not_errors(name: str) -> None:
    assert (
        parse_feed_sync(
            _read(name), headers={"Content-Type": "application/atom+xml;charset='gb2312'"}
        ).entries
        == []
    )


def test_html_instead_of_feed() -> None:
    page = _read("article-div-utf8.html")
    assert looks_like_html(page, "text/html")
    assert not looks_like_html(_read("rss2.xml"), "text/html")  # a feed served as text/html is still a feed
    with pytest.raises(NotAFeedError, match="HTML page, not a feed"):
        parse_feed_sync(page, url=FEED_URL, headers={"Content-Type": "text/html"})


def test_find_feed_links() -> None:
    html = (
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">'
        '<link rel="alternate" type="application/atom+xml" href="https://other.example.org/atom">'
        '<link rel="stylesheet" type="text/css" href="/s.css">'
        '<link rel="alternate" hreflang="en" href="/en/"></head><body></body></html>'
    )
    assert find_feed_links(html, "http://www.example.org/news/") == [
        "http://www.example.org/rss.xml",
        "https://other.example.org/atom",
    ]
