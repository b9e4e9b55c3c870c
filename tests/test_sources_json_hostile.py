"""JSON listings against hostile or misleading bodies: JSONP unwrapping in linear time, menus beside lists."""

from __future__ import annotations

import json

import pytest

from bot.errors import SourceError
from bot.sources.jsonfields import JsonFields
from bot.sources.jsonlist import find_json_links, json_date, load_json, next_page_url

API = "http://127.0.0.1/api/list"


@pytest.mark.parametrize(
    "text",
    [
        'cb({"a": [1]});',
        'jQuery1830_1714({"a": [1]})',
        '  window.app.cb ( {"a": [1]} ) ;\n',
        '$cb(\n{"a": [1]}\n);  \r\n',
    ],
)
def test_jsonp_answers_are_unwrapped(text: str) -> None:
    assert load_json(text.encode(), "application/javascript", API) == {"a": [1]}


@pytest.mark.parametrize(
    "text", ['cb{"a": 1}', 'cb({"a": 1}', 'c b({"a": 1})', '9cb({"a": 1})', 'cb({"a": 1}) x']
)
def test_what_is_not_jsonp_is_not_json(text: str) -> None:
    with pytest.raises(SourceError, match="did not send valid JSON"):
        load_json(text.encode(), "application/javascript", API)


def test_a_megabyte_whitespace_run_in_jsonp_is_read_in_linear_time() -> None:
    # A lazy regex group between whitespace classes backtracked quadratically here (40 KB: 3.6 s of CPU, this
    # megabyte: hours), holding the GIL so that run_parser's time limit could not fire: these must return.
    run = " " * 1_000_000
    with pytest.raises(SourceError, match="did not send valid JSON"):
        load_json(f"cb({{{run}x".encode(), "application/javascript", API)
    padded = f"cb({run}{json.dumps({'a': [1]})}{run}){run};{run}"
    assert load_json(padded.encode(), "application/javascript", API) == {"a": [1]}


def test_unicode_digits_int_refuses_skip_the_value_not_the_listing() -> None:
    # "²" and "３" pass str.isdigit(); int() raises on the first: each is an unreadable value, nothing more.
    rows = [
        {"title": "关于开展2024年度安全生产大检查的通知", "url": "/a/1.html", "date": "171460800²"},
        {"title": "关于做好五一劳动节期间值班工作的通知", "url": "/a/2.html", "date": "1714608000"},
    ]
    links = find_json_links({"data": {"list": rows}}, API)
    assert [(link.url, link.published is None) for link in links] == [
        ("http://127.0.0.1/a/1.html", True),
        ("http://127.0.0.1/a/2.html", False),
    ]
    assert json_date("2024050²") is None
    assert next_page_url(f"{API}?pageNo=²", "pageNo") == ""
    assert next_page_url(f"{API}?pageNo=2", "pageNo") == f"{API}?pageNo=3"
    with pytest.raises(SourceError, match="does not lead to a list"):
        find_json_links({"data": [rows]}, API, JsonFields(items="data.²"))
    assert [link.title for link in find_json_links({"data": [rows]}, API, JsonFields(items="data.0"))] == [
        r["title"] for r in rows
    ]


def test_discovery_scores_a_bounded_number_of_keys_per_array() -> None:
    # Members with keys of their own used to add theirs each (50 x 80 keys, each scored against every member).
    from bot.sources.jsonlist import _MAX_KEYS, _SAMPLE, _roles

    members = [
        {f"k{i}_{j}": f"关于第{j}项工作的<b>通知</b>" for j in range(_MAX_KEYS)} for i in range(_SAMPLE)
    ]
    roles, titled = _roles(members, JsonFields(), API)
    assert len(titled) == _MAX_KEYS  # every considered key was scored as a title, each once
    assert all(len(found) == _SAMPLE for found in titled.values())
    assert roles.title == ""  # no key is shared by half the members


T1, T2, T3 = (
    "关于开展2024年度安全生产大检查的通知",
    "关于做好五一劳动节期间值班工作的通知",
    "关于调整作息时间的通知",
)


def test_a_menu_beside_the_notice_list_is_not_taken_for_it() -> None:
    nav = [
        {"name": "首页", "href": "/"},
        {"name": "通知公告", "href": "/tzgg/"},
        {"name": "学院概况", "href": "/xygk/"},
    ]
    data = {
        "nav": nav,
        "data": {"list": [{"title": T1, "url": "/a/1.html"}, {"title": T2, "url": "/a/2.html"}]},
    }
    assert [link.title for link in find_json_links(data, API)] == [T1, T2]
    channels = [
        {"id": n, "name": name} for n, name in enumerate(["要闻", "通知公告", "学术活动", "媒体报道", "专题"])
    ]
    notices = [
        {"title": t, "url": f"/info/{n}.htm", "publishTime": f"2024-05-0{n}"}
        for n, t in enumerate([T1, T2, T3], 1)
    ]
    data = {"channels": channels, "result": {"records": notices}}
    links = find_json_links(data, API)
    assert [(link.title, link.url) for link in links] == [
        (t, f"http://127.0.0.1/info/{n}.htm") for n, t in enumerate([T1, T2, T3], 1)
    ]
    assert all(link.published is not None for link in links)
