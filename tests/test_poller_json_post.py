"""JSON sources paged by a POST body (json_method/json_body): a real server on 127.0.0.1 that answers only POST,
polled through the real Fetcher, Poller and a SQLite file; and the config's errors for such sources."""

from __future__ import annotations

import json
import threading
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from bot.admin import preview_source
from bot.alerts import _shown
from bot.config import PollConfig, source_spec
from bot.errors import ConfigError
from bot.poller import Poller, PollReport
from bot.sources.fetch import Fetcher
from bot.sources.jsonfields import parse_fields
from storage import SQLiteStore, open_store

CONFIG = PollConfig(interval=600, concurrency=2, timeout=5.0, max_backoff=3600)
PAGE_SIZE = 3
TOKEN = "s3cr3t-token"


def title(n: int) -> str:
    return f"关于做好2024年第{n}批科研项目申报工作的通知"


class PostServer:
    """/api/list answers POST only (405 to a GET), page pageNo of the newest-first notices; /info/<n>.htm are
    the articles. `huge` makes /api/list stream 50 MB instead, `gbk` answer in GBK."""

    def __init__(self) -> None:
        self.newest = 0
        self.huge = False
        self.gbk = False  # answer in GBK (labelled so), as some portals do
        self.posts: list[tuple[str, str, dict[str, str]]] = []  # (content type, body, parsed fields)
        self.gets: list[str] = []
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02})
        self.thread.daemon = True

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def pages_asked(self) -> list[str]:
        with self.lock:
            return [fields.get("pageNo", "") for _, _, fields in self.posts]

    def _page(self, fields: dict[str, str]) -> bytes:
        number = int(fields["pageNo"])
        numbers = list(range(self.newest, 0, -1))[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        rows = [{"docTitle": title(n), "docUrl": f"/info/{n}.htm"} for n in numbers]
        return json.dumps({"code": 0, "data": {"list": rows}}, ensure_ascii=False).encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _send(self, status: int, body: bytes, kind: str = "application/json; charset=utf-8") -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("ETag", '"v1"')  # must never come back as If-None-Match on a POST
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                with server.lock:
                    server.gets.append(self.path)
                if self.path.startswith("/info/"):
                    n = int(self.path.split("/")[-1].split(".")[0])
                    text = "各单位要按照本通知要求，于5月20日前提交申报材料，逾期不予受理。" * 5
                    page = f"<html><body><div class='article'><h1>{title(n)}</h1><p>{text}</p></div></body></html>"
                    self._send(200, page.encode(), "text/html; charset=utf-8")
                else:
                    self._send(405, b'{"msg": "Request method GET not supported"}')

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
                kind = self.headers.get("Content-Type", "")
                if self.headers.get("If-None-Match"):
                    self._send(400, b'{"msg": "conditional POST"}')
                    return
                try:
                    fields = (
                        {k: str(v) for k, v in json.loads(raw).items()}
                        if kind.startswith("application/json")
                        else dict(parse_qsl(raw))
                    )
                    int(fields["pageNo"])
                except (ValueError, KeyError):
                    self._send(400, b'{"msg": "bad body"}')
                    return
                with server.lock:
                    server.posts.append((kind, raw, fields))
                if server.huge:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    try:
                        for _ in range(50 * 16):  # 50 MB in 64 KiB chunks, unless the client hangs up
                            self.wfile.write(b" " * 65536)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                    return
                if server.gbk:
                    page = server._page(fields).decode().encode("gbk")
                    self._send(200, page, "application/json; charset=GBK")
                else:
                    self._send(200, server._page(fields))

        return Handler


@pytest.fixture
def post_server() -> Iterator[PostServer]:
    server = PostServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SQLiteStore]:
    s = await open_store(tmp_path / "noticebot.sqlite3")
    await s.upsert_chat(1, "private")
    await s.subscribe(1, None)
    yield s
    await s.close()


async def poll(store: SQLiteStore, poller: Poller) -> PollReport:
    async with store.db.transaction() as conn:
        await conn.execute("UPDATE sources SET next_due = 0")
    [report] = await poller.poll_due()
    return report


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (
            f'{{"pageNo": 1, "pageSize": {PAGE_SIZE}, "channelId": "123", "token": "{TOKEN}"}}',
            "application/json",
        ),
        (f"pageNo=1&pageSize={PAGE_SIZE}&channelId=123&token={TOKEN}", "application/x-www-form-urlencoded"),
    ],
    ids=["json-body", "form-body"],
)
async def test_a_post_source_is_polled_and_paged_by_its_body(
    store: SQLiteStore,
    post_server: PostServer,
    body: str,
    content_type: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """First poll: page 1 only. Then 6 new notices while a page holds 3: pageNo 2 and 3 are POSTed too."""
    post_server.newest = 3
    spec = {"name": "kyc", "url": post_server.url("/api/list"), "json_method": "POST", "json_body": body}
    spec |= {"json_items": "data.list", "json_next": "pageNo"}
    await store.add_source(source_spec(spec, "source"))
    async with Fetcher() as fetcher:
        poller = Poller(store, fetcher, replace(CONFIG, max_pages=5))
        first = await poll(store, poller)
        assert first.error is None
        assert [n.title for n in first.new] == [title(n) for n in (3, 2, 1)]
        assert post_server.pages_asked() == ["1"]
        post_server.newest = 9  # 9..7 on page 1, 6..4 on page 2, 3..1 (all seen) on page 3
        second = await poll(store, poller)
    assert second.error is None
    assert [n.title for n in second.new] == [title(n) for n in range(9, 3, -1)]
    assert post_server.pages_asked() == ["1", "1", "2", "3"]
    assert all(kind.startswith(content_type) for kind, _, _ in post_server.posts)
    assert all(f["channelId"] == "123" and f["token"] == TOKEN for _, _, f in post_server.posts)
    assert not [p for p in post_server.gets if p.startswith("/api")]  # never a GET of the endpoint
    source = await store.get_source("kyc")
    assert source is not None and source.etag is None  # a POST's validators are not kept
    assert TOKEN not in caplog.text
    assert TOKEN not in _shown(source.spec.item_selector)  # what a layout alert shows the admins


async def test_a_get_of_a_post_endpoint_and_a_50_mb_answer_fail_the_source_not_the_bot_gbk_is_read(
    store: SQLiteStore, post_server: PostServer
) -> None:
    post_server.newest = 2
    url = post_server.url("/api/list")
    await store.add_source(source_spec({"name": "get", "url": url, "json_items": "data.list"}, "s"))
    async with Fetcher() as fetcher:
        poller = Poller(store, fetcher, CONFIG)
        report = await poll(store, poller)
        assert report.error is not None and "405" in report.error and "json_method" in report.error
        await store.remove_source("get")
        await store.add_source(source_spec({"name": "big", "url": url, "json_body": "pageNo=1"}, "s"))
        post_server.huge = True
        report = await poll(store, poller)
        assert report.error is not None and "larger than" in report.error
        post_server.huge, post_server.gbk = False, True
        report = await poll(store, poller)  # the same poller, the same bot: the next poll works, in GBK
    assert report.error is None and [n.title for n in report.new] == [title(2), title(1)]


@pytest.mark.parametrize(
    ("table", "key", "says"),
    [
        ({"json_body": f'{{"token": "{TOKEN}", "pageNo": 1,'}, "json_body", "not valid JSON"),
        ({"json_body": f'["{TOKEN}"]'}, "json_body", "not an object"),
        ({"json_body": f"just words {TOKEN}"}, "json_body", "neither a JSON object"),
        (
            {"json_body": f'{{"page": 1, "t": "{TOKEN}"}}', "json_next": "pageNo"},
            "json_body",
            "json_next 'pageNo'",
        ),
        ({"json_body": f"pageNo=x&t={TOKEN}", "json_next": "pageNo"}, "json_body", "not a page number"),
        ({"json_body": f"pageNo=1&t={TOKEN}", "json_method": "GET"}, "json_method", "POST"),
        ({"json_method": "PUT"}, "json_method", "GET"),
        ({"json_body": f"pageNo=1&t={TOKEN}", "kind": "page"}, "kind", "json"),
    ],
)
def test_config_errors_name_the_key_and_never_show_the_body(
    table: dict[str, str], key: str, says: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        source_spec({"name": "x", "url": "https://example.org/api"} | table, "sources[0]")
    assert caught.value.key == f"sources[0].{key}"
    assert says in str(caught.value)
    assert TOKEN not in str(caught.value)


def test_a_post_body_survives_the_item_selector_and_implies_kind_json() -> None:
    body = '{"pageNo": 1, "title": "通知 公告"}'
    spec = source_spec({"name": "x", "url": "https://example.org/api", "json_body": body}, "s")
    assert spec.kind == "json" and " " not in spec.item_selector.split("body=")[1]
    chosen = parse_fields(spec.item_selector)
    assert (chosen.method, chosen.body) == ("POST", body)
    # /addsource and the CLI give the choices as a selector: kind auto becomes json for a POST
    added = source_spec(
        {"name": "y", "url": "https://example.org/api", "item_selector": "body=pageNo=1"}, "s"
    )
    assert added.kind == "json" and parse_fields(added.item_selector).body == "pageNo=1"


async def test_addsource_previews_a_post_endpoint(store: SQLiteStore, post_server: PostServer) -> None:
    """/addsource <url> name method=POST body=… (the admin's words): previewed by a POST, kept as kind json."""
    post_server.newest = 4
    async with Fetcher() as fetcher:
        preview = await preview_source(
            fetcher, store, post_server.url("/api/list"), "kyc", f"body=pageNo=1&t={TOKEN} next=pageNo"
        )
    assert preview.kind == "json" and preview.titles == tuple(title(n) for n in (4, 3, 2))
    assert parse_fields(preview.spec.item_selector).body == f"pageNo=1&t={TOKEN}"
    assert post_server.pages_asked() == ["1"] and not post_server.gets
