"""A JSON notice list polled end to end: real HTTP servers on 127.0.0.1, a real SQLite file, the real Poller."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.admin import preview_source
from bot.config import PollConfig, source_spec
from bot.i18n import Language, t
from bot.models import SourceSpec
from bot.poller import Poller, PollReport
from bot.sources.errors import SourceError
from bot.sources.fetch import Fetcher
from handlers.admin import _source_line
from handlers.common import esc
from storage import SQLiteStore
from tests.pollerkit import make_due, poll, subscribed_store_fixture  # noqa: F401
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

CONFIG = PollConfig(interval=600, concurrency=2, timeout=2.0, max_backoff=3600)
BODY = "各学院要按照本通知要求，组织学生于5月20日前完成网上报名，逾期不予受理。" * 6


def title(n: int) -> str:
    return f"关于做好2024年第{n}批创新创业项目申报工作的通知"


def endpoint(numbers: list[int], extra: list[dict[str, object]] | None = None) -> bytes:
    """What the listing page's script fetches: {"code": 0, "data": {"records": [...]}}, newest first."""
    records: list[dict[str, object]] = [
        {
            "infoId": n,
            "infoTitle": title(n),
            "linkUrl": f"/info/{n}.htm",
            "createTime": 1714521600000 + n * 86400_000,
        }
        for n in numbers
    ]
    return json.dumps({"code": 0, "data": {"current": 1, "records": (extra or []) + records}}).encode()


def publish(server: NoticeServer, numbers: list[int]) -> str:
    for n in numbers:
        server.add(
            f"/info/{n}.htm",
            f"<html><head><meta charset='utf-8'></head><body><div class='top'>学校首页</div>"
            f"<div class='article'><h1>{title(n)}</h1><p>{BODY}</p></div></body></html>",
        )
    return server.add("/api/notices", endpoint(numbers), content_type="application/json;charset=UTF-8")


async def test_a_json_list_is_polled_like_a_page(
    subscribed_store: SQLiteStore, http_server: NoticeServer
) -> None:
    url = publish(http_server, [2, 1])
    await subscribed_store.add_source(SourceSpec(name="xsc", url=url, kind="auto", backfill=1))
    with NoticeServer(host="127.0.0.2") as other:
        other.add("/internal/admin.htm", "<html><body><p>secret</p></body></html>")
        async with Fetcher(read_timeout=2.0, total_timeout=4.0) as fetcher:
            poller = Poller(subscribed_store, fetcher, CONFIG)
            first = await poll(subscribed_store, poller)
            assert first.error is None
            assert [(n.title, n.delivered) for n in first.new] == [(title(2), True), (title(1), False)]
            source = await subscribed_store.get_source("xsc")
            assert source is not None and source.detected_kind == "json" and source.last_item_count == 2
            stored = await subscribed_store.get_notice(first.new[0].id)
            assert stored is not None and BODY[:40] in stored.text and "学校首页" not in stored.text
            assert stored.url == http_server.url("/info/2.htm")

            # A new notice, and one whose link points at another (private) host: the guard refuses it.
            publish(http_server, [3, 2, 1])
            sneaky = {
                "infoId": 9,
                "infoTitle": "关于开展内部系统安全检查的通知",
                "linkUrl": other.url("/internal/admin.htm"),
            }
            http_server.update("/api/notices", body=endpoint([3, 2, 1], [sneaky]))
            second = await poll(subscribed_store, poller)
            assert second.error is None and second.skipped_articles == 1
            assert [(n.title, n.delivered) for n in second.new] == [(title(3), True)]
            assert other.hits("/internal/admin.htm") == 0
            assert (await poll(subscribed_store, poller)).new == []  # nothing twice
            assert await subscribed_store.count_notices() == 3

            # The endpoint breaks: a clear error on the source, nothing stored is lost, the poller goes on.
            http_server.update("/api/notices", body=b'{"code": 0, "data": {"records": [')
            broken = await poll(subscribed_store, poller)
    assert broken.error is not None and "did not send valid JSON" in broken.error
    assert await subscribed_store.count_notices() == 3
    source = await subscribed_store.get_source("xsc")
    assert source is not None and source.failures == 1 and source.last_error == broken.error
    langs: tuple[Language, ...] = ("zh", "en")
    for lang in langs:  # what /sources shows the admins, in their language
        line = _source_line(source, lang)
        assert "xsc" in line and t("admin.last_error", lang, error=esc(broken.error)) in line


async def test_addsource_preview_of_a_json_endpoint(
    subscribed_store: SQLiteStore, http_server: NoticeServer
) -> None:
    rows = {"rows": [{"id": n, "docTitle": title(n)} for n in (5, 4)], "total": 2}
    url = http_server.add("/api/rows", json.dumps(rows).encode(), content_type="application/json")
    async with Fetcher() as fetcher:
        preview = await preview_source(
            fetcher, subscribed_store, url, "jwc", "template=" + http_server.url("/art/{id}.html")
        )
    assert preview.kind == "json" and preview.spec.kind == "json" and preview.links_found == 2
    assert preview.titles == (title(5), title(4))
    assert preview.spec.item_selector == "template=" + http_server.url("/art/{id}.html")  # kept for the polls


@pytest.mark.parametrize("selector", ["", "items=data.records"], ids=["discovered", "json_items"])
async def test_an_empty_json_list_is_no_layout_change_but_a_missing_list_is(
    subscribed_store: SQLiteStore, http_server: NoticeServer, selector: str
) -> None:
    """data.records = [] is no notices today (none yet, all withdrawn); records gone or not a list is the
    layout change admins are told about, once."""
    url = publish(http_server, [2, 1])
    await subscribed_store.add_source(SourceSpec(name="jwc", url=url, kind="json", item_selector=selector))

    async def answer(data: object) -> PollReport:
        http_server.update("/api/notices", body=json.dumps({"code": 0, "data": data}).encode())
        return await poll(subscribed_store, poller)

    async with Fetcher(read_timeout=2.0, total_timeout=4.0) as fetcher:
        poller = Poller(subscribed_store, fetcher, CONFIG)
        assert len((await poll(subscribed_store, poller)).new) == 2
        for data in ({"current": 1, "records": []}, {"current": 2, "records": [], "total": 0}):
            empty = await answer(data)
            assert empty.error is None and not empty.layout_changed and empty.alert is None
        source = await subscribed_store.get_source("jwc")
        assert source is not None and not source.layout_changed and source.last_item_count == 0
        gone = await answer({"current": 1, "total": 0})  # the list itself is gone
        assert gone.error is None and gone.layout_changed and gone.alert == "layout_changed"
        again = await answer({"current": 1, "records": None})  # not a list: still changed, told once
        assert again.layout_changed and again.alert is None
        source = await subscribed_store.get_source("jwc")
        assert source is not None and source.layout_changed and source.failures == 0
        publish(http_server, [3])  # its article page
        back = await answer({"current": 1, "records": json.loads(endpoint([3]))["data"]["records"]})
    assert not back.layout_changed and [n.title for n in back.new] == [title(3)]
    source = await subscribed_store.get_source("jwc")
    assert source is not None and not source.layout_changed
    assert await subscribed_store.count_notices() == 3  # nothing stored was lost on the way


async def test_a_list_missing_at_the_first_poll_fails_it_and_one_busy_answer_later_loses_nothing(
    subscribed_store: SQLiteStore, http_server: NoticeServer
) -> None:
    """A source added from sources.toml (no preview) whose endpoint first answers without its list: that
    poll fails, so the list that appears later is what the site already had, recorded as seen, not pushed as
    a burst. A source that was running: one "busy" answer is a layout alert, and what appears after it is
    news. A list found empty was understood: its first notice is news."""
    publish(http_server, [5])  # the article page the quiet source lists later
    publish(http_server, [3, 2, 1])
    busy = json.dumps({"code": 500, "msg": "busy"}).encode()
    http_server.update("/api/notices", body=busy)
    http_server.add("/api/running", endpoint([1]), content_type="application/json")
    empty = json.dumps({"code": 0, "data": {"current": 1, "records": []}}).encode()
    http_server.add("/api/empty", empty, content_type="application/json")
    for name, path in (("busy", "/api/notices"), ("running", "/api/running"), ("quiet", "/api/empty")):
        await subscribed_store.add_source(SourceSpec(name=name, url=http_server.url(path), kind="json"))

    async def poll_all() -> dict[str, PollReport]:
        await make_due(subscribed_store)
        return {r.source: r for r in await poller.poll_due()}

    async with Fetcher(read_timeout=2.0, total_timeout=4.0) as fetcher:
        poller = Poller(subscribed_store, fetcher, CONFIG)
        first = await poll_all()
        assert first["busy"].error is not None and "no list" in first["busy"].error
        assert first["busy"].alert == "layout_changed"  # admins hear of it at once
        assert first["running"].error is None and first["quiet"].error is None
        http_server.update("/api/running", body=busy)
        second = await poll_all()
        assert second["running"].layout_changed and second["running"].error is None
        http_server.update("/api/notices", body=endpoint([3, 2, 1]))
        http_server.update("/api/running", body=endpoint([3, 2, 1]))
        http_server.update("/api/empty", body=endpoint([5]))
        third = await poll_all()
    assert [(n.title, n.delivered) for n in third["busy"].new] == [(title(n), False) for n in (3, 2, 1)]
    assert [(n.title, n.delivered) for n in third["running"].new] == [(title(n), True) for n in (3, 2)]
    assert [(n.title, n.delivered) for n in third["quiet"].new] == [(title(5), True)]
    assert len(await subscribed_store.claim_deliveries(datetime.now(UTC), 10)) == 3


async def test_a_list_missing_at_every_first_poll_is_recorded_after_a_few_not_failed_to_a_pause(
    subscribed_store: SQLiteStore, http_server: NoticeServer
) -> None:
    """An API that answers "records": null until it has notices: three first polls fail (told once), then
    one is recorded as a layout change, so the source is not paused, and what appears later is news."""
    publish(http_server, [1])
    http_server.update("/api/notices", body=json.dumps({"code": 0, "data": {"records": None}}).encode())
    await subscribed_store.add_source(
        SourceSpec(name="jwc", url=http_server.url("/api/notices"), kind="json")
    )
    async with Fetcher(read_timeout=2.0, total_timeout=4.0) as fetcher:
        poller = Poller(subscribed_store, fetcher, CONFIG)
        reports = [await poll(subscribed_store, poller) for _ in range(4)]
        assert [r.error is not None for r in reports] == [True, True, True, False]
        assert [r.alert for r in reports] == ["layout_changed", None, None, None]
        source = await subscribed_store.get_source("jwc")
        assert source is not None and source.first_polled is not None and source.failures == 0
        http_server.update("/api/notices", body=endpoint([1]))
        later = await poll(subscribed_store, poller)
    assert [(n.title, n.delivered) for n in later.new] == [(title(1), True)]


async def test_addsource_says_a_json_items_path_leads_to_no_list(
    subscribed_store: SQLiteStore, http_server: NoticeServer
) -> None:
    url = publish(http_server, [1])
    async with Fetcher() as fetcher:
        with pytest.raises(SourceError, match=r"json_items 'data.rows' does not lead to a list"):
            await preview_source(fetcher, subscribed_store, url, "jwc", "items=data.rows")
        preview = await preview_source(fetcher, subscribed_store, url, "jwc", "items=data.records")
    assert preview.kind == "json" and preview.titles == (title(1),)


def page(numbers: list[int]) -> bytes:
    return json.dumps(
        {"data": {"list": [{"title": title(n), "url": f"/info/{n}.htm"} for n in numbers]}}
    ).encode()


async def test_json_next_pages_a_catch_up(subscribed_store: SQLiteStore, http_server: NoticeServer) -> None:
    """Eight new notices while page 1 shows three: pageNo=2 and 3 are read, pageNo=4 is not."""
    publish(http_server, list(range(1, 12)))  # the article pages
    paths = [f"/api/list?pageSize=3&pageNo={p}" for p in range(1, 6)]

    def serve(newest: int) -> None:
        numbers = list(range(newest, 0, -1))
        for index, path in enumerate(paths):
            http_server.add(path, page(numbers[3 * index : 3 * index + 3]), content_type="application/json")

    serve(3)
    spec = {"name": "jwc", "url": http_server.url(paths[0]), "json_next": "pageNo"}
    await subscribed_store.add_source(source_spec(spec, "source"))
    async with Fetcher() as fetcher:
        poller = Poller(subscribed_store, fetcher, replace(CONFIG, max_pages=5))
        assert len((await poll(subscribed_store, poller)).new) == 3
        assert http_server.hits(paths[1]) == 0  # a first poll never pages
        serve(11)  # 11..9 on page 1, 8..6 on page 2, 5..3 on page 3 (3 seen), 2..1 on page 4
        report = await poll(subscribed_store, poller)
    assert [n.title for n in report.new] == [title(n) for n in range(11, 3, -1)]
    assert all(n.delivered for n in report.new)
    assert [http_server.hits(p) for p in paths] == [2, 1, 1, 0, 0]


async def test_the_first_notices_of_an_empty_json_list_are_delivered(
    subscribed_store: SQLiteStore, http_server: NoticeServer
) -> None:
    """data.records = [] is an empty listing, not a list not found: what appears in it next is news."""
    url = publish(http_server, [])
    await subscribed_store.add_source(SourceSpec(name="empty", url=url, kind="json"))
    async with Fetcher(read_timeout=2.0, total_timeout=4.0) as fetcher:
        poller = Poller(subscribed_store, fetcher, CONFIG)
        first = await poll(subscribed_store, poller)
        assert first.error is None and first.new == []
        source = await subscribed_store.get_source("empty")
        assert source is not None and source.first_polled is not None and source.last_item_count == 0
        publish(http_server, [2, 1])
        second = await poll(subscribed_store, poller)
    assert second.error is None
    assert [(n.title, n.delivered) for n in second.new] == [(title(2), True), (title(1), True)]
