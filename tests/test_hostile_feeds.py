"""Hostile feeds and listing pages (issue 11 rows 2, 3, 6, 7, 9, 14), served by a real server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from bot.sources.fetch import Fetcher
from bot.sources.listing import read_listing
from tests.hostile import entity_bomb_feed, run_measured
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

RSS = "application/rss+xml"


def rss(items: list[str], *, declared: str = "utf-8") -> str:
    return (
        f"<?xml version='1.0' encoding='{declared}'?><rss version='2.0'><channel><title>t</title>"
        f"<link>http://127.0.0.1/</link>{''.join(items)}</channel></rss>"
    )


def item(n: int, title: str, description: str = "正文", date: str = "Mon, 03 Feb 2020 08:00:00 +0800") -> str:
    return (
        f"<item><title>{title}</title><link>http://127.0.0.1/n/{n}</link><guid>g{n}</guid>"
        f"<pubDate>{date}</pubDate><description>{description}</description></item>"
    )


async def listing(server: NoticeServer, path: str) -> list[tuple[str, str, int | None]]:
    async with Fetcher() as fetcher:
        result = await read_listing(fetcher, server.url(path), kind="feed")
    return [(e.title, e.text or "", e.published.year if e.published else None) for e in result.entries]


def test_an_entity_bomb_is_not_expanded(http_server: NoticeServer, tmp_path: Path) -> None:
    # Row 2: 200 KB declaring a 100 KB entity referenced 20,000 times (2 GB once expanded).
    url = http_server.add("/bomb.xml", entity_bomb_feed(), content_type=RSS)
    config = tmp_path / "config.toml"
    config.write_text(f'[[sources]]\nname = "bomb"\nurl = "{url}"\nkind = "feed"\n', encoding="utf-8")
    run = run_measured("poll", "--once", "--config", str(config), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.peak_mb < 300, f"poll peaked at {run.peak_mb:.0f} MB"


async def test_gbk_bytes_declared_as_utf8_are_redetected(http_server: NoticeServer) -> None:
    # Row 6: the header and the XML declaration both say utf-8; the bytes are GBK.
    body = rss([item(1, "关于进一步加强工会工作的通知", "各级工会要加强组织领导。")]).encode("gbk")
    http_server.add("/gbk.xml", body, content_type="application/rss+xml; charset=utf-8")
    assert await listing(http_server, "/gbk.xml") == [
        ("关于进一步加强工会工作的通知", "各级工会要加强组织领导。", 2020)
    ]


async def test_one_bad_entry_does_not_sink_the_good_ones(http_server: NoticeServer) -> None:
    # Row 7: a character reference XML forbids, in one entry among good ones.
    items = [item(1, "第一份通知"), item(2, "坏条目", "bad &#xD800; &#0; here"), item(3, "第三份通知")]
    http_server.add("/bad.xml", rss(items), content_type=RSS)
    entries = await listing(http_server, "/bad.xml")
    assert [title for title, _, _ in entries] == ["第一份通知", "坏条目", "第三份通知"]
    assert entries[1][1] == "bad \ufffd \ufffd here"


async def test_entities_are_decoded_exactly_once(http_server: NoticeServer) -> None:
    # Row 9: a bare R&D, an escaped one, and escaped markup in an HTML description.
    items = [
        item(1, "R&D 通知", "R&D 部门"),
        item(2, "R&amp;D 通知", "R&amp;D &lt;b&gt;部门&lt;/b&gt; &amp;amp;"),
        item(3, "标题", "<![CDATA[R&D <b>部门</b>]]>"),
    ]
    http_server.add("/amp.xml", rss(items), content_type=RSS)
    assert [(t, x) for t, x, _ in await listing(http_server, "/amp.xml")] == [
        ("R&D 通知", "R&D 部门"),
        ("R&D 通知", "R&D 部门 &"),  # XML &amp;amp; is the HTML &amp;, which is the text &
        ("标题", "R&D 部门"),
    ]


async def test_impossible_dates_are_dropped(http_server: NoticeServer) -> None:
    # Row 14: year 99999 (stored as 9999 before) and a date before 1990.
    items = [
        item(1, "未来", date="99999-01-01"),
        item(2, "远古", date="Mon, 01 Jan 1900 08:00:00 +0800"),
        item(3, "正常"),
    ]
    http_server.add("/dates.xml", rss(items), content_type=RSS)
    assert [(t, y) for t, _, y in await listing(http_server, "/dates.xml")] == [
        ("未来", None),
        ("远古", None),
        ("正常", 2020),
    ]


# In the heavy group: that worker runs its tests one at a time, so the multi-process end-to-end runs (which
# can keep both cores busy for seconds) never run beside this loop-latency bound; on the other worker they
# could. It costs the heavy worker well under a second, and only light tests can run beside it there.
@pytest.mark.xdist_group("heavy")
async def test_links_sharing_one_row_parse_off_the_loop_in_linear_time(http_server: NoticeServer) -> None:
    # Row 3: 3,000 links in one table row took minutes of parsing on the event loop (quadratic).
    links = "".join(
        f"<a href='/list/content_{i}.htm'>关于做好第{i}项重点工作的通知要求</a> 2020-01-{i % 28 + 1:02d} "
        for i in range(3000)
    )
    page = f"<html><body><table><tr><td>{links}</td></tr></table></body></html>"
    url = http_server.add("/list/index.htm", page)
    stalls: list[float] = []

    async def ticker() -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(0.01)
            stalls.append(time.perf_counter() - before)

    tick = asyncio.create_task(ticker())
    try:
        async with Fetcher() as fetcher:
            result = await read_listing(fetcher, url, kind="page")
    finally:
        tick.cancel()
    assert len(result.entries) == 3000 and result.entries[1].published is not None
    # The event loop kept running (other chats are answered) while the page was parsed.
    assert max(stalls) < 1.0, f"the event loop stalled {max(stalls):.1f}s"
