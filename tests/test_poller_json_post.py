"""JSON sources paged by a POST body (json_method/json_body): a real server on 127.0.0.1 that answers only POST,
polled through the real Fetcher, Poller and a SQLite file; and the config's errors for such sources."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from bot.admin import preview_source
from bot.alerts import _shown
from bot.config import PollConfig, source_spec
from bot.emulator import EmulatorServer
from bot.errors import ConfigError
from bot.i18n import t
from bot.logs import NOISY_LOGGERS, setup_logging
from bot.opml import export_opml, parse_opml
from bot.poller import Poller
from bot.sources.errors import EndpointMoved, TooManyRedirects
from bot.sources.fetch import Fetcher
from bot.sources.jsonbody import next_page_body
from bot.sources.jsonfields import BodyNotLast, parse_fields, typed_selector
from storage import SQLiteStore
from tests.chat_env import ChatEnv, chat_env
from tests.pollerkit import poll, subscribed_store_fixture  # noqa: F401
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

CONFIG = PollConfig(interval=600, concurrency=2, timeout=5.0, max_backoff=3600)
PAGE_SIZE = 3
TOKEN = "s3cr3t-token"
FORM = "application/x-www-form-urlencoded"


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
        self.redirect: tuple[int, str] | None = None  # /api/list answers this status and Location instead
        self.paths: list[str] = []  # every request's method and path, redirected or not
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
                    server.paths.append(f"GET {self.path}")
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
                path, _, query = self.path.partition("?")
                with server.lock:
                    server.paths.append(f"POST {self.path}")
                if server.redirect is not None and path == "/api/list":
                    self.send_response(server.redirect[0])
                    self.send_header("Location", server.redirect[1])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if self.headers.get("If-None-Match"):
                    self._send(400, b'{"msg": "conditional POST"}')
                    return
                try:
                    fields = dict(parse_qsl(query)) | (  # an empty body: the page is in the URL
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


@contextmanager
def bot_logging_at_debug() -> Iterator[None]:
    """The bot's own logging set up at DEBUG (what `--log-level debug` does); every level and handler it
    changes put back afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    levels = {name: logging.getLogger(name).level for name in NOISY_LOGGERS}
    setup_logging(logging.DEBUG)
    try:
        yield
    finally:
        for handler in root.handlers[:]:
            root.removeHandler(handler)
        for handler in handlers:
            root.addHandler(handler)
        root.setLevel(level)
        for name, was in levels.items():
            logging.getLogger(name).setLevel(was)


@pytest.fixture
def bot_logging() -> Iterator[None]:
    with bot_logging_at_debug():
        yield


def test_the_bot_logging_fixture_restores_what_setup_logging_changed() -> None:
    root = logging.getLogger()
    before = (list(root.handlers), root.level, {n: logging.getLogger(n).level for n in NOISY_LOGGERS})
    with bot_logging_at_debug():
        assert root.level == logging.DEBUG and logging.getLogger("apscheduler").level == logging.WARNING
    assert (list(root.handlers), root.level, {n: logging.getLogger(n).level for n in NOISY_LOGGERS}) == before
    assert {"apscheduler", "telegram.ext.ExtBot", "trafilatura", "htmldate", "aiosqlite"} <= set(
        NOISY_LOGGERS
    )


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
    subscribed_store: SQLiteStore,
    post_server: PostServer,
    body: str,
    content_type: str,
    caplog: pytest.LogCaptureFixture,
    bot_logging: None,
) -> None:
    """First poll: page 1 only. Then 6 new notices while a page holds 3: pageNo 2 and 3 are POSTed too."""
    caplog.set_level(logging.DEBUG)  # everything the bot logs when run at DEBUG (bot_logging)
    post_server.newest = 3
    spec = {"name": "kyc", "url": post_server.url("/api/list"), "json_method": "POST", "json_body": body}
    spec |= {"json_items": "data.list", "json_next": "pageNo"}
    await subscribed_store.add_source(source_spec(spec, "source"))
    async with Fetcher() as fetcher:
        poller = Poller(subscribed_store, fetcher, replace(CONFIG, max_pages=5))
        first = await poll(subscribed_store, poller)
        assert first.error is None
        assert [n.title for n in first.new] == [title(n) for n in (3, 2, 1)]
        assert post_server.pages_asked() == ["1"]
        post_server.newest = 9  # 9..7 on page 1, 6..4 on page 2, 3..1 (all seen) on page 3
        second = await poll(subscribed_store, poller)
    assert second.error is None
    assert [n.title for n in second.new] == [title(n) for n in range(9, 3, -1)]
    assert post_server.pages_asked() == ["1", "1", "2", "3"]
    assert all(kind.startswith(content_type) for kind, _, _ in post_server.posts)
    assert all(f["channelId"] == "123" and f["token"] == TOKEN for _, _, f in post_server.posts)
    assert not [p for p in post_server.gets if p.startswith("/api")]  # never a GET of the endpoint
    source = await subscribed_store.get_source("kyc")
    assert source is not None and source.etag is None  # a POST's validators are not kept
    assert TOKEN not in caplog.text
    assert TOKEN not in _shown(source.spec.item_selector)  # what a layout alert shows the admins


async def test_a_get_of_a_post_endpoint_and_a_50_mb_answer_fail_the_source_not_the_bot_gbk_is_read(
    subscribed_store: SQLiteStore, post_server: PostServer
) -> None:
    post_server.newest = 2
    url = post_server.url("/api/list")
    await subscribed_store.add_source(
        source_spec({"name": "get", "url": url, "json_items": "data.list"}, "s")
    )
    async with Fetcher() as fetcher:
        poller = Poller(subscribed_store, fetcher, CONFIG)
        report = await poll(subscribed_store, poller)
        assert report.error is not None and "405" in report.error and "json_method" in report.error
        await subscribed_store.remove_source("get")
        await subscribed_store.add_source(
            source_spec({"name": "big", "url": url, "json_body": "pageNo=1"}, "s")
        )
        post_server.huge = True
        report = await poll(subscribed_store, poller)
        assert report.error is not None and "larger than" in report.error
        post_server.huge, post_server.gbk = False, True
        report = await poll(
            subscribed_store, poller
        )  # the same poller, the same bot: the next poll works, in GBK
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


async def test_addsource_previews_a_post_endpoint(
    subscribed_store: SQLiteStore, post_server: PostServer
) -> None:
    """/addsource <url> name method=POST body=… (the admin's words): previewed by a POST, kept as kind json."""
    post_server.newest = 4
    async with Fetcher() as fetcher:
        preview = await preview_source(
            fetcher,
            subscribed_store,
            post_server.url("/api/list"),
            "kyc",
            f"body=pageNo=1&t={TOKEN} next=pageNo",
        )
    assert preview.kind == "json" and preview.titles == tuple(title(n) for n in (4, 3, 2))
    assert parse_fields(preview.spec.item_selector).body == f"pageNo=1&t={TOKEN}"
    assert post_server.pages_asked() == ["1"] and not post_server.gets


async def test_a_post_follows_a_redirect_only_to_its_own_host_and_port(
    subscribed_store: SQLiteStore, post_server: PostServer
) -> None:
    """A 307 to another port (another server, the same loopback host) is refused before the body goes there;
    a 302 is not read as page 1 by a GET; a 308 on the same host and port is POSTed again, body and all."""
    other = PostServer()
    other.thread.start()
    try:
        post_server.newest = other.newest = 2
        url = post_server.url("/api/list")
        table = {"name": "r", "url": url, "json_body": f"pageNo=1&t={TOKEN}", "json_items": "data.list"}
        await subscribed_store.add_source(source_spec(table, "s"))
        async with Fetcher() as fetcher:
            poller = Poller(subscribed_store, fetcher, CONFIG)
            for status, target in ((307, other.url("/api/list")), (302, post_server.url("/api/v2"))):
                post_server.redirect = (status, target)
                report = await poll(subscribed_store, poller)
                assert report.error is not None and f"HTTP {status}" in report.error
                assert "the endpoint moved; update its url" in report.error and TOKEN not in report.error
            assert post_server.paths == ["POST /api/list", "POST /api/list"]  # no GET of /api/v2
            post_server.redirect = (308, post_server.url("/api/v2"))
            report = await poll(subscribed_store, poller)
        assert report.error is None and [n.title for n in report.new] == [title(2), title(1)]
        assert post_server.paths[2:4] == ["POST /api/list", "POST /api/v2"]
        assert post_server.posts[-1][1] == f"pageNo=1&t={TOKEN}"
        assert other.paths == []  # the other server received nothing
        source = await subscribed_store.get_source("r")
        # The 308 target is remembered as the source's feed_url: the next poll POSTs there directly.
        assert source is not None and source.feed_url == post_server.url("/api/v2")
    finally:
        other.httpd.shutdown()
        other.httpd.server_close()


async def test_a_post_after_a_temporary_redirect_keeps_its_url(
    subscribed_store: SQLiteStore, post_server: PostServer
) -> None:
    """A 307 on the same host and port is POSTed on for this poll, but only a 308 moves the source: the next
    poll POSTs to the URL configured again."""
    post_server.newest = 2
    url = post_server.url("/api/list")
    table = {"name": "r", "url": url, "json_body": f"pageNo=1&t={TOKEN}", "json_items": "data.list"}
    await subscribed_store.add_source(source_spec(table, "s"))
    post_server.redirect = (307, post_server.url("/api/v2"))
    async with Fetcher() as fetcher:
        poller = Poller(subscribed_store, fetcher, CONFIG)
        report = await poll(subscribed_store, poller)
        assert report.error is None and [n.title for n in report.new] == [title(2), title(1)]
        source = await subscribed_store.get_source("r")
        assert source is not None and source.feed_url is None
        post_server.newest = 3
        report = await poll(subscribed_store, poller)
    assert report.error is None and [n.title for n in report.new] == [title(3)]
    assert [p for p in post_server.paths if p.startswith("POST")] == ["POST /api/list", "POST /api/v2"] * 2


async def test_a_post_redirect_loop_ends_in_an_error_after_the_bounded_hops(post_server: PostServer) -> None:
    post_server.redirect = (308, post_server.url("/api/list"))
    async with Fetcher(max_redirects=3) as fetcher:
        with pytest.raises(TooManyRedirects, match="redirect loop"):
            await fetcher.fetch(post_server.url("/api/list"), post=(b"pageNo=1", FORM))
    assert post_server.paths == ["POST /api/list"] * 4  # the first POST and 3 redirects, then it stopped


@pytest.mark.parametrize(
    "location", ["http://xn--tok/x", "http://a:tok=SECRET/x", "http://127.0.0.1:99999/tok"]
)
async def test_a_post_redirect_to_a_bad_location_is_endpoint_moved_quoting_nothing(
    post_server: PostServer, location: str
) -> None:
    post_server.redirect = (307, location)
    async with Fetcher() as fetcher:
        with pytest.raises(EndpointMoved) as caught:
            await fetcher.fetch(post_server.url("/api/list"), post=(f"t={TOKEN}".encode(), FORM))
    assert caught.value.status == 307 and "tok" not in str(caught.value) and TOKEN not in str(caught.value)
    assert post_server.paths == ["POST /api/list"]


async def test_method_post_without_a_body_pages_by_post(
    subscribed_store: SQLiteStore, post_server: PostServer
) -> None:
    """json_method = "POST" and the page number in the URL: every page is POSTed (an empty body), none GOT."""
    post_server.newest = 3
    table = {"name": "q", "url": post_server.url("/api/list?pageNo=1"), "json_method": "POST"}
    await subscribed_store.add_source(
        source_spec(table | {"json_items": "data.list", "json_next": "pageNo"}, "s")
    )
    async with Fetcher() as fetcher:
        poller = Poller(subscribed_store, fetcher, replace(CONFIG, max_pages=5))
        assert (await poll(subscribed_store, poller)).error is None
        post_server.newest = 9
        report = await poll(subscribed_store, poller)
    assert report.error is None and [n.title for n in report.new] == [title(n) for n in range(9, 3, -1)]
    assert post_server.pages_asked() == ["1", "1", "2", "3"]
    assert not [p for p in post_server.gets if p.startswith("/api")]


def test_next_page_body_changes_only_the_page_field() -> None:
    # A form: the rest goes as written (its escapes, its +), the page number keeps its width.
    assert next_page_body("t=a%2Bb&q=a+b&pageNo=09&x=50%25", "pageNo") == "t=a%2Bb&q=a+b&pageNo=10&x=50%25"
    assert next_page_body("page%5Bno%5D=1&a=b", "page[no]") == "page%5Bno%5D=2&a=b"
    assert next_page_body("pageNo=x&a=1", "pageNo") == ""
    # JSON: a nested page field, a string page keeping its zero padding, a number staying a number.
    nested = json.loads(next_page_body('{"q": {"page": {"no": "007"}}, "size": 20}', "q.page.no"))
    assert nested == {"q": {"page": {"no": "008"}}, "size": 20}
    assert json.loads(next_page_body('{"p": {"n": 1}}', "p.n")) == {"p": {"n": 2}}
    assert next_page_body('{"p": {"n": 1}}', "p.m") == "" and next_page_body('{"p": "1"}', "p.n") == ""


@pytest.mark.parametrize(
    "selector",
    [f'body={{"pageNo": 1, "token":"{TOKEN}"}}', f'items=x body={{"token": "{TOKEN}", "pageNo": 1}}'],
)
@pytest.mark.parametrize("kind", ["json", "auto"])
def test_a_selector_with_a_body_reports_its_errors_without_quoting_the_body(selector: str, kind: str) -> None:
    """Typed with spaces (a hand-written config): a word after body= is never quoted; under kind auto the
    error is reported too, not taken for a CSS selector."""
    with pytest.raises(ConfigError) as caught:
        source_spec(
            {"name": "x", "url": "https://example.org/api", "kind": kind, "item_selector": selector}, "s"
        )
    assert "a word after body=" in str(caught.value) and TOKEN not in str(caught.value)
    assert "SECRET" not in str(caught.value) and '"token"' not in str(caught.value)


def test_method_under_auto_reports_its_error() -> None:
    with pytest.raises(ConfigError, match="not GET or POST"):
        source_spec({"name": "x", "url": "https://example.org/api", "item_selector": "method=PUT"}, "s")


def test_a_typed_body_is_checked_with_the_method_typed() -> None:
    with pytest.raises(ValueError, match="only with method=POST"):
        typed_selector("method=GET body=pageNo=1")
    with pytest.raises(ValueError, match="empty"):
        typed_selector("next=pageNo body=  ")
    assert parse_fields(typed_selector("method=post body= q=a b&p=1 ")).body == "q=a b&p=1"
    assert typed_selector("div.list > a") == "div.list > a"


def test_the_usage_says_the_body_runs_to_the_end_of_the_message() -> None:
    # /addsource reads the message's text, newlines included, not one line.
    assert "to the end of the message" in t("admin.addsource_usage", "en")
    assert "取到消息末尾" in t("admin.addsource_usage", "zh")


@pytest.mark.parametrize(
    ("typed", "field"),
    [
        (f"items=data.list body=pageNo=1&t={TOKEN} next=pageNo", "next"),
        (f'body={{"pageNo": 1, "t": "{TOKEN}"}} next=pageNo', "next"),
        (f"body=t={TOKEN}\nmethod=POST", "method"),
        (f"body=t={TOKEN} body=pageNo=1", "body"),
    ],
)
def test_a_field_typed_after_the_body_is_refused_by_name(typed: str, field: str) -> None:
    """Not swallowed into the body (nor blamed on its JSON): the field is named, the body never quoted."""
    with pytest.raises(BodyNotLast) as caught:
        typed_selector(typed)
    assert (
        caught.value.name == field and TOKEN not in str(caught.value) and "pageNo=1" not in str(caught.value)
    )
    assert str(caught.value) == f"body= must come last; {field}= after it would be sent inside the body"
    assert t("admin.body_not_last", "en", field=field) == str(caught.value)
    assert t("admin.body_not_last", "zh", field=field).startswith("body= 须放在最后；其后的")
    # A body whose own text holds "=" after no space, or a space before no field name, is kept.
    assert parse_fields(typed_selector("body=next=1&q=a url")).body == "next=1&q=a url"


def test_a_long_body_round_trips_through_opml_and_the_cap_error_quotes_nothing() -> None:
    body = json.dumps(
        {"pageNo": 1, "keyword": "关于做好科研项目申报工作的通知" * 13 + "通知通知通"}, ensure_ascii=False
    )
    assert len(json.loads(body)["keyword"]) == 200
    spec = source_spec({"name": "long", "url": "https://example.org/api", "json_body": body}, "s")
    assert len(spec.item_selector) > 1000
    [back] = parse_opml(export_opml([spec]))
    assert back == spec and parse_fields(back.item_selector).body == body
    too_long = "div.notice-list " + "a" * 1000
    with pytest.raises(ConfigError) as caught:
        source_spec({"name": "x", "url": "https://example.org/", "item_selector": too_long}, "s")
    assert "div.notice" not in str(caught.value) and "1000" in str(caught.value)
    encoded = source_spec(
        {"name": "y", "url": "https://example.org/api", "json_body": "t=" + "😀" * 1998}, "s"
    )
    assert parse_fields(encoded.item_selector).body == "t=" + "😀" * 1998  # the longest body fits encoded


@pytest.fixture
async def env(emulator: EmulatorServer, http_server: NoticeServer, tmp_path: Path) -> AsyncIterator[ChatEnv]:
    async with chat_env(emulator, http_server, tmp_path) as e:
        yield e


async def test_addsource_sends_a_typed_body_as_typed(env: ChatEnv, post_server: PostServer) -> None:
    """/addsource over the real bot: body= comes last, spaces kept, its escapes (%2B %26 %25) sent as typed,
    stored so that the poller's next pages send them so too; a redirect and a bad body= are said in Chinese."""
    post_server.newest = 4
    url = post_server.url("/api/list")
    form = "t=a%2Bb&q=a%26b&sp=x+y&pageNo=1"
    await env.h.say(env.admin, f"/addsource {url} kyc items=data.list next=pageNo body={form}")
    checking, preview = await env.h.replies(env.admin, 2)
    assert "正在抓取" in checking["text"] and title(4) in preview["text"]
    await env.h.press(env.admin, preview, "添加")
    await env.h.wait_for(env.admin, lambda m: "已添加来源 kyc" in str(m.get("text")))
    assert post_server.posts[0][1] == form  # the preview's POST: the body exactly as typed
    assert parse_qsl(post_server.posts[0][1]) == [("t", "a+b"), ("q", "a&b"), ("sp", "x y"), ("pageNo", "1")]
    source = await env.services.store.get_source("kyc")
    assert source is not None and parse_fields(source.spec.item_selector).body == form
    json_body = '{"q": "50%25", "pageNo": 1, "size": 3}'
    await env.h.say(env.admin, f"/addsource {url} kyj next=pageNo body={json_body}")
    _, preview = await env.h.replies(env.admin, 2)
    assert title(4) in preview["text"] and json_body in [raw for _, raw, _ in post_server.posts]
    post_server.redirect = (302, post_server.url("/login"))
    assert "正在抓取" in (await env.ask(env.admin, f"/addsource {url} kyr body=pageNo=1"))["text"]
    moved = await env.h.reply(env.admin)
    assert "已迁移" in moved["text"] and "302" in moved["text"]
    post_server.redirect = None
    assert "正在抓取" in (await env.ask(env.admin, f"/addsource {url} kyb div.list body=pageNo=1"))["text"]
    assert "无法添加" in (await env.h.reply(env.admin))["text"]  # not previewed as a CSS selector
    # A field after body= is refused by name; the body (a token) is never echoed, nothing is POSTed.
    posted = len(post_server.paths)
    await env.h.say(env.admin, f"/addsource {url} kyn items=data.list body=pageNo=1&t={TOKEN} next=pageNo")
    _, refused = await env.h.replies(env.admin, 2)
    assert (
        "body= 须放在最后；其后的 next= 会被当作请求体发送" in refused["text"]
        and TOKEN not in refused["text"]
    )
    # The fields typed where the name goes: said so, nothing quoted, nothing fetched.
    told = await env.ask(env.admin, f"/addsource {url} body=pageNo=1&token={TOKEN} next=pageNo")
    assert "名称应写在网址之后" in told["text"] and TOKEN not in told["text"] and "pageNo" not in told["text"]
    assert len(post_server.paths) == posted
    # The catch-up of the stored source sends the rest of the typed body as it was typed.
    post_server.newest = 8
    async with env.services.store.db.transaction() as conn:
        await conn.execute("UPDATE sources SET next_due = 0 WHERE name = 'kyc'")
    await env.services.poller.poll_due()
    assert "t=a%2Bb&q=a%26b&sp=x+y&pageNo=2" in [raw for _, raw, _ in post_server.posts]


def test_a_json_body_may_hold_field_like_text_but_not_fields_after_it() -> None:
    # " date=" or " url=" inside a JSON string is the body's own text, not a field typed after it.
    typed = 'items=data.list body={"q": "x date=1", "u": "a url=b"}'
    assert json.loads(parse_fields(typed_selector(typed)).body or "") == {"q": "x date=1", "u": "a url=b"}
    with pytest.raises(BodyNotLast) as caught:
        typed_selector('body={"q": "x date=1"} next=pageNo')
    assert caught.value.name == "next"
    with pytest.raises(BodyNotLast):  # not JSON after all: today's check
        typed_selector('body={"q": x date=1')
