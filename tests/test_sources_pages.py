"""Notice links on listing pages: auto-detection on the seed-shaped table listing, selectors, URL rules."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.sources.decode import decode_body
from bot.sources.pages import find_notice_links
from bot.sources.urls import canonical_url

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
BASE = "http://www.example.org/gonghui/list.html"
NOTICES = [
    "http://www.example.org/gonghui/2020-02/03/content_12.htm",
    "http://www.example.org/gonghui/2020-02/01/content_11.htm",
    "http://www.example.org/gonghui/2020-01/15/content_8.htm",
    "http://www.example.org/gonghui/content_7.htm",  # relative href
    "http://www.example.org/gonghui/2019-12/30/content_5.htm",  # fragment dropped
]


def _listing() -> str:
    return decode_body((FIXTURES / "listing-table-gbk.html").read_bytes(), "text/html")


def test_auto_detection_finds_exactly_the_notice_links() -> None:
    links = find_notice_links(_listing(), BASE)
    assert [link.url for link in links] == NOTICES
    assert links[1].title == "全总办公厅关于做好2020年春节后错峰返程工作的通知"
    assert links[0].title.startswith("全国总工会下发《关于充分发挥工会组织作用")
    assert links[0].published == datetime(2020, 2, 3, 12, tzinfo=UTC)
    assert all(link.published is not None for link in links)


def test_css_selector_overrides_detection() -> None:
    links = find_notice_links(_listing(), BASE, "td.title a")
    assert [link.url for link in links] == NOTICES
    assert [
        link.url for link in find_notice_links(_listing(), BASE, "td.title")
    ] == NOTICES  # containers work too
    with pytest.raises(ValueError, match="invalid CSS selector"):
        find_notice_links(_listing(), BASE, "td..title[")


def test_auto_detection_on_a_div_list_with_truncated_titles() -> None:
    items = "".join(
        f'<li><a href="/tzgg/t2020020{i}_{i}.html" title="关于做好第{i}批职工疫情防控补贴发放工作的通知">'
        f"关于做好第{i}批职工疫情防控…</a><span>2020-02-0{i}</span></li>"
        for i in range(1, 5)
    )
    html = (
        '<html><body><div class="menu"><a href="/">首页</a><a href="/tzgg/">通知公告</a></div>'
        f'<ul class="news-list">{items}</ul>'
        '<div class="footer"><a href="/about.html">关于我们的一些很长很长的说明文字</a></div></body></html>'
    )
    links = find_notice_links(html, "https://www.example.gov.cn/tzgg/index.html")
    assert [link.url for link in links] == [
        f"https://www.example.gov.cn/tzgg/t2020020{i}_{i}.html" for i in range(1, 5)
    ]
    assert links[0].title == "关于做好第1批职工疫情防控补贴发放工作的通知"  # from the title attribute


def test_a_page_without_a_notice_list_gives_nothing() -> None:
    html = '<html><body><div class="nav"><a href="/a/">首页</a> <a href="/b/">工会</a></div><p>Hello</p></body></html>'
    assert find_notice_links(html, BASE) == []
    assert find_notice_links("", BASE) == []


def test_base_href_is_respected() -> None:
    html = (
        '<html><head><base href="http://www.example.org/docs/"></head><body><table>'
        + "".join(
            f'<tr><td><a href="n{i}.htm">第{i}号文件关于加强安全生产工作的通知</a></td><td>2020-01-0{i}</td></tr>'
            for i in range(1, 4)
        )
        + "</table></body></html>"
    )
    assert [link.url for link in find_notice_links(html, BASE)] == [
        f"http://www.example.org/docs/n{i}.htm" for i in range(1, 4)
    ]


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("content_1.htm#top", "http://www.example.org/gonghui/content_1.htm"),
        ("HTTP://WWW.Example.ORG:80/a?id=3&utm_source=x", "http://www.example.org/a?id=3"),
        ("/b c.htm", "http://www.example.org/b%20c.htm"),
        ("javascript:void(0)", ""),
        ("mailto:a@example.org", ""),
        ("http://[bad", ""),
    ],
)
def test_canonical_url(href: str, expected: str) -> None:
    assert canonical_url(href, BASE) == expected
