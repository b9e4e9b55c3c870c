"""JSON notice lists against a real HTTP server on 127.0.0.1: discovery, overrides, auto, JSON Feed, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.config import source_spec
from bot.errors import ConfigError, SourceError
from bot.models import SourceSpec
from bot.opml import export_opml, parse_opml
from bot.sources.errors import TooLarge
from bot.sources.fetch import Fetcher
from bot.sources.jsonfields import JsonFields, parse_fields
from bot.sources.jsonlist import MAX_ITEMS, find_json_links
from bot.sources.listing import Listing, fetch_entry, read_listing
from storage import open_store
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]

BODY = "各有关单位要按照本通知要求，认真组织开展自查，于规定时间前报送材料。" * 6
T1, T2 = "关于开展2024年度安全生产大检查的通知", "关于做好五一劳动节期间值班工作的通知"
MAY1 = 1714521600000  # 2024-05-01T00:00:00Z in milliseconds


def as_json(data: Any, **dumps: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, **dumps).encode("utf-8")


def article(title: str, extra: str = "") -> str:
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><div class='nav'>首页</div>"
        f"<div class='article'><h1>{title}</h1><p>{BODY}</p>{extra}</div></body></html>"
    )


async def listed(
    server: NoticeServer, path: str, body: bytes, kind: str = "json", selector: str = "", **route: Any
) -> Listing:
    url = server.add(
        path, body, content_type=route.pop("content_type", "application/json; charset=utf-8"), **route
    )
    async with Fetcher() as fetcher:
        return await read_listing(fetcher, url, kind=kind, item_selector=selector)  # type: ignore[arg-type]


NESTED = {
    "code": 200,
    "msg": "success",
    "nav": [{"name": "首页", "href": "/"}, {"name": "通知公告", "href": "/tzgg/"}],  # menus are arrays too
    "data": {
        "total": 2,
        "pageNo": 1,
        "list": [
            {
                "id": 101,
                "title": T1,
                "url": "/art/2024/5/1/art_1_101.html",
                "publishTime": MAY1,
                "pic": "/i/1.jpg",
            },
            {
                "id": 102,
                "title": T2,
                "url": "art/2024/4/28/art_1_102.html",
                "publishTime": MAY1 - 3 * 86400_000,
            },
        ],
    },
}


async def test_nested_data_list_with_epoch_ms_dates_and_the_article_path(http_server: NoticeServer) -> None:
    http_server.add(
        "/art/2024/5/1/art_1_101.html", article(T1, "<p><a href='/files/fangan.pdf'>实施方案.pdf</a></p>")
    )
    url = http_server.add("/api/notice/list", as_json(NESTED), content_type="application/json", etag='"v1"')
    async with Fetcher() as fetcher:
        listing = await read_listing(fetcher, url, kind="json")
        assert listing.kind == "json" and listing.links_found == 2 and listing.next_url == ""
        again = await read_listing(fetcher, url, kind="json", etag=listing.etag)  # a conditional GET
        assert again.not_modified and again.kind == "json" and again.entries == []
        assert [(e.url, e.title) for e in listing.entries] == [
            (http_server.url("/art/2024/5/1/art_1_101.html"), T1),
            (http_server.url("/api/notice/art/2024/4/28/art_1_102.html"), T2),  # relative to the endpoint
        ]
        assert listing.entries[0].published == datetime(2024, 5, 1, tzinfo=UTC)
        assert listing.entries[1].published == datetime(2024, 4, 28, tzinfo=UTC)
        first = listing.entries[0]
        assert first.text is None and first.guid == ""  # keyed by link, as a page's links are
        item = await fetch_entry(fetcher, first)  # the page path: fetched and extracted
    assert item.title == T1 and BODY[:40] in item.text and "首页" not in item.text
    assert [a.url for a in item.attachment_links] == [http_server.url("/files/fangan.pdf")]


ROWS = {
    "rows": [
        {"docId": "a1b2", "docTitle": T1, "docRelTime": "2024-05-01 10:30:00"},
        {"docId": "c/3 d", "docTitle": T2, "docRelTime": "2024-04-28"},
    ],
    "total": 2,
}


async def test_rows_of_ids_need_a_url_template_which_is_filled_url_safely(http_server: NoticeServer) -> None:
    with pytest.raises(SourceError, match=r"ids \(docId\).*url_template"):
        await listed(http_server, "/rows", as_json(ROWS))
    template = "template=https://example.org/art/{docId}.html?from=list&t={docRelTime}"
    listing = await listed(http_server, "/rows", as_json(ROWS), selector=template)
    assert [e.url for e in listing.entries] == [
        "https://example.org/art/a1b2.html?t=2024-05-01+10%3A30%3A00",  # "from" is a tracking parameter
        "https://example.org/art/c%2F3%20d.html?t=2024-04-28",  # "/" and " " cannot change the path
    ]
    assert listing.entries[0].published == datetime(2024, 5, 1, 2, 30, tzinfo=UTC)  # China time
    assert listing.entries[1].published == datetime(2024, 4, 28, 12, tzinfo=UTC)  # a day: noon, as pages


async def test_chinese_field_names_and_a_gbk_jsonp_body(http_server: NoticeServer) -> None:
    data = {
        "状态": "成功",
        "结果": {
            "数据": [
                {"标题": "关于举办学术讲座的通知", "链接": "/xw/1.htm", "发布时间": "2024年5月1日"},
                {"标题": "关于2024年劳动节放假安排的通知", "链接": "/xw/2.htm", "发布时间": "2024年4月20日"},
            ]
        },
    }
    body = f"jQuery1830_1714({json.dumps(data, ensure_ascii=False)});".encode("gbk")
    listing = await listed(
        http_server, "/cms/list.do", body, content_type="application/javascript; charset=gbk"
    )
    assert [e.title for e in listing.entries] == ["关于举办学术讲座的通知", "关于2024年劳动节放假安排的通知"]
    assert [e.url for e in listing.entries] == [http_server.url("/xw/1.htm"), http_server.url("/xw/2.htm")]
    assert listing.entries[1].published == datetime(2024, 4, 20, 12, tzinfo=UTC)


def test_explicit_fields_override_what_discovery_guesses() -> None:
    items = [
        {"name": "办公室", "bt": T1, "link": "/n/1.html", "fbrq": "2024-05-01", "d": "2024-01-01"},
        {"name": "财务处", "bt": T2, "link": "/n/2.html", "fbrq": "2024-04-28", "d": "2024-01-02"},
    ]
    data = {
        "hot": [{"bt": f"热点{n}", "name": f"科室{n}", "link": f"/hot/{n}.html"} for n in range(3)],
        "result": {"items": items},
    }
    base = "http://127.0.0.1/api"
    guessed = find_json_links(data, base)
    # The dated list of the two, but "name" (a department) ranks above "bt" (标题) as a title: wrong.
    assert [link.title for link in guessed] == ["办公室", "财务处"]
    chosen = parse_fields("items=result.items title=bt date=d")
    picked = find_json_links(data, base, chosen)
    assert [(link.title, link.url) for link in picked] == [
        (T1, "http://127.0.0.1/n/1.html"),
        (T2, "http://127.0.0.1/n/2.html"),
    ]
    assert picked[0].published == datetime(2024, 1, 1, 12, tzinfo=UTC)  # date=d, not the fbrq it would pick
    by_position = find_json_links(
        {"pages": [{"rows": items}]},
        base,
        parse_fields("items=pages.0.rows url=link title=bt"),
    )
    assert [link.title for link in by_position] == [T1, T2]


def test_config_keys_become_the_stored_selector_and_bad_ones_name_the_key() -> None:
    table = {
        "name": "portal",
        "url": "https://example.org/api/list",
        "json_items": "data.list",
        "url_template": "https://example.org/art/{id}.html",
    }
    spec = source_spec(table, "sources[0]")
    assert spec.kind == "json"  # json_* keys imply it
    assert parse_fields(spec.item_selector) == JsonFields(
        items="data.list", template="https://example.org/art/{id}.html"
    )
    bad: list[tuple[dict[str, object], str]] = [
        ({"kind": "page", "json_title": "t"}, "sources[0].kind"),
        ({"url_template": "https://example.org/art/1.html"}, "sources[0].url_template"),
        ({"json_title": "doc title"}, "sources[0].json_title"),
        ({"json_url": 3}, "sources[0].json_url"),
        ({"kind": "json", "item_selector": "div.list a"}, "sources[0].item_selector"),
        ({"json_next": "page&no"}, "sources[0].json_next"),
    ]
    for extra, key in bad:
        with pytest.raises(ConfigError, match=key.replace("[", r"\[").replace("]", r"\]")):
            source_spec({"name": "portal", "url": "https://example.org/api/list", **extra}, "sources[0]")


async def test_auto_reads_json_as_a_json_listing(http_server: NoticeServer) -> None:
    listing = await listed(http_server, "/api/list", as_json(NESTED), kind="auto", content_type="text/plain")
    assert listing.kind == "json" and [e.title for e in listing.entries] == [T1, T2]
    assert http_server.requests[-1][1]["accept"].startswith("application/rss+xml")  # auto asks for a feed
    await listed(http_server, "/api/list", as_json(NESTED), kind="json")
    assert http_server.requests[-1][1]["accept"].startswith("application/json")  # json asks for JSON
    # Text that only starts like JSON is read as before (a page), unless it is labelled JSON.
    text = "[公告] 本站维护中 <a href='/tzgg/1.html'>关于暂停网上办事服务的通知</a> 2024-05-01".encode()
    assert (
        await listed(http_server, "/notice.txt", text, kind="auto", content_type="text/plain")
    ).kind == "page"
    with pytest.raises(SourceError, match="did not send valid JSON"):
        await listed(http_server, "/notice.txt", text, kind="auto", content_type="application/json")


JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "通知公告",
    "home_page_url": "https://example.org/",
    "items": [
        {
            "id": "n-2",
            "url": "/n/2.html",
            "title": T2,
            "content_html": f"<p>{BODY}</p><p><a href='/files/2.docx'>附件</a></p>",
            "date_published": "2024-04-28T09:00:00+08:00",
        },
        {
            "id": "n-1",
            "url": "/n/1.html",
            "title": T1,
            "summary": "详见正文。",
            "date_modified": "2024-04-01T00:00:00Z",
        },
    ],
}


@pytest.mark.parametrize("kind", ["feed", "auto", "json"])
async def test_a_json_feed_is_read_on_the_feed_path(
    http_server: NoticeServer, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    decoded: list[str] = []
    real_loads = json.loads

    def loads(text: str | bytes, **kw: Any) -> Any:  # the real decoder, counting its JSON Feed bodies
        if isinstance(text, str) and "jsonfeed.org" in text:
            decoded.append(text)
        return real_loads(text, **kw)

    monkeypatch.setattr(json, "loads", loads)
    listing = await listed(
        http_server, "/feed.json", as_json(JSON_FEED), kind=kind, content_type="application/feed+json"
    )
    assert listing.kind == "feed"
    assert len(decoded) == 1  # the body is decoded once, whichever path found it is a feed
    full, teaser = listing.entries
    assert (full.guid, full.url, full.title) == ("n-2", http_server.url("/n/2.html"), T2)
    assert full.text is not None and BODY[:30] in full.text and not full.teaser
    assert full.published == datetime(2024, 4, 28, 1, tzinfo=UTC)
    assert [a.url for a in full.attachments] == [http_server.url("/files/2.docx")]
    assert teaser.teaser and teaser.published == datetime(2024, 4, 1, tzinfo=UTC)  # its article gets fetched


# --- bad input: a clear SourceError or a graceful skip, never another exception ---------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"data": {"list": [{"title": "x", }]}}', "did not send valid JSON"),
        (b"<html><body>\xe7\xbb\xb4\xe6\x8a\xa4\xe4\xb8\xad</body></html>", "did not send valid JSON"),
        (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
        (b'{"data": 1' + b"0" * 5000 + b"}", "did not send valid JSON"),  # past Python's integer digit limit
    ],
    ids=["syntax", "html", "deep", "huge-int"],
)
async def test_bad_json_is_a_clear_source_error(http_server: NoticeServer, body: bytes, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        await listed(http_server, "/bad", body)


def test_deep_but_parsable_nesting_is_walked_within_bounds() -> None:
    node: Any = {"list": [{"title": T1, "url": "/deep.html"}]}
    for _ in range(600):  # json.loads reads this; discovery must not recurse through it
        node = {"data": node}
    with pytest.raises(SourceError, match="no list of notices found"):
        find_json_links(node, "http://127.0.0.1/api")
    shallow = {"a": {"b": {"c": {"list": [{"title": T1, "url": "/ok.html"}]}}}}
    assert [link.url for link in find_json_links(shallow, "http://127.0.0.1/api")] == [
        "http://127.0.0.1/ok.html"
    ]


async def test_a_huge_array_is_bounded(http_server: NoticeServer) -> None:
    rows = [{"title": f"关于第{n}批项目的公示", "url": f"/p/{n}.html"} for n in range(40_000)]
    listing = await listed(http_server, "/huge", as_json({"data": {"rows": rows}}, separators=(",", ":")))
    assert listing.links_found == MAX_ITEMS
    assert listing.entries[-1].url == http_server.url(f"/p/{MAX_ITEMS - 1}.html")


async def test_a_50_mb_response_stops_at_the_size_cap(http_server: NoticeServer) -> None:
    with pytest.raises(TooLarge):
        await listed(http_server, "/big", b"", stream_bytes=50_000_000)
    assert http_server.streamed["/big"] < 20_000_000  # the download was stopped, not read to the end


async def test_wrong_types_are_skipped_and_linkless_items_fail_clearly(http_server: NoticeServer) -> None:
    rows: list[object] = [
        {"title": T1, "url": "/ok/1.html", "date": "2024-05-01"},
        {"title": 42, "url": "/bad/2.html"},
        {"title": None, "url": {"href": "/bad/3.html"}},
        {"title": ["list"], "url": "/bad/4.html"},
        {"title": T2, "url": "/ok/5.html", "date": {"y": 2024}},
        "a string member",
        None,
        {"title": "关于调整作息时间的通知", "url": "/ok/6.html", "date": 99999999999999},
        {"title": "关于&quot;<em>双创</em>&quot;周的通知", "url": "/ok/7.html", "date": "20240502"},
        {"title": "关于&quot;三下乡&quot;活动的通知", "url": "/ok/8.html", "date": "1714608000"},
    ]
    listing = await listed(http_server, "/mixed", as_json({"list": rows}))
    assert [e.url for e in listing.entries] == [
        http_server.url(p) for p in ("/ok/1.html", "/ok/5.html", "/ok/6.html", "/ok/7.html", "/ok/8.html")
    ]
    assert [e.title for e in listing.entries][3:] == ['关于"双创"周的通知', '关于"三下乡"活动的通知']
    assert [e.published for e in listing.entries] == [
        datetime(2024, 5, 1, 12, tzinfo=UTC),
        None,  # an object
        None,  # past 2100
        datetime(2024, 5, 2, 12, tzinfo=UTC),  # yyyymmdd: a day
        datetime(2024, 5, 2, tzinfo=UTC),  # epoch seconds as a string
    ]
    linkless = {
        "list": [
            {"title": T1, "url": "javascript:void(0)"},
            {"title": T2, "url": "mailto:office@example.org"},
        ]
    }
    for selector in ("", "url=url"):  # found by discovery, or named: either way it says what is missing
        with pytest.raises(SourceError, match="2 items with no usable http"):
            await listed(http_server, "/linkless", as_json(linkless), selector=selector)
    wrong = await listed(http_server, "/mixed", as_json({"list": rows}), selector="items=data.rows")
    assert wrong.entries == [] and "json_items 'data.rows' does not lead to a list" in wrong.missing
    with pytest.raises(SourceError, match="not one of items="):
        await listed(http_server, "/mixed", as_json({"list": rows}), selector="div.list a")


async def test_an_empty_list_is_an_empty_listing(http_server: NoticeServer) -> None:
    menu = [{"name": "首页"}, {"name": "通知公告"}]  # titles without links beside it: not the list
    listing = await listed(http_server, "/empty", as_json({"menu": menu, "data": {"list": [], "total": 0}}))
    assert listing.kind == "json" and listing.entries == [] and listing.links_found == 0
    assert listing.missing == ""  # no notices today: not a layout change
    named = await listed(http_server, "/named", as_json({"data": {"list": []}}), selector="items=data.list")
    assert named.entries == [] and named.missing == ""


async def test_a_missing_list_is_a_layout_change_and_not_a_json_source_when_guessing(
    http_server: NoticeServer,
) -> None:
    no_list = as_json({"code": 0, "msg": "ok", "data": {"count": 3, "tags": ["a", "b"]}})
    listing = await listed(http_server, "/nolist", no_list)
    assert listing.kind == "json" and listing.entries == [] and "no list of notices found" in listing.missing
    for selector in ("items=data.list", "items=data.count"):  # missing, or not a list
        named = await listed(http_server, "/nolist", no_list, selector=selector)
        assert named.entries == [] and "does not lead to a list" in named.missing
    with pytest.raises(SourceError, match="no list of notices found"):  # kind auto: not taken for a source
        await listed(http_server, "/nolist", no_list, kind="auto")


def test_opml_keeps_json_sources_and_does_not_call_them_feeds() -> None:
    spec = SourceSpec(
        name="portal",
        url="https://example.org/api/list?pageNo=1",
        kind="json",
        item_selector="items=data.list next=pageNo",
    )
    data = export_opml([spec])
    assert b"xmlUrl" not in data  # another reader must not poll a JSON endpoint as RSS
    assert parse_opml(data) == [spec]


async def test_cli_sources_add_takes_the_json_options(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[storage]\npath = "db.sqlite3"\n', encoding="utf-8")

    def add(*options: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "sources", "--config", str(config), "add", "portal",
             "https://example.org/api/list", *options],
            cwd=tmp_path, capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    bad = add("--url-template", "https://example.org/art/1.html")
    assert bad.returncode == 2 and "url_template" in bad.stderr and "names no field" in bad.stderr
    done = add("--json-items", "data.rows", "--url-template", "https://example.org/art/{docId}.html")
    assert done.returncode == 0, done.stderr
    store = await open_store(tmp_path / "db.sqlite3")
    try:
        source = await store.get_source("portal")
    finally:
        await store.close()
    assert source is not None and source.spec.kind == "json"
    assert parse_fields(source.spec.item_selector) == JsonFields(
        items="data.rows", template="https://example.org/art/{docId}.html"
    )
