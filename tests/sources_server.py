"""A real HTTP server on 127.0.0.1 for source tests, poller tests and benchmarks: a route table per path.

Usage in a test module (the fixture is registered under the name `http_server`):

    from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

    async def test_x(http_server: NoticeServer) -> None:
        http_server.add("/feed.xml", body=b"...", content_type="application/rss+xml", etag='"v1"')
        url = http_server.url("/feed.xml")
        ...
        assert http_server.hits("/feed.xml") == 1
"""

from __future__ import annotations

import gzip as gzip_module
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

__all__ = ["NoticeServer", "Route", "http_server_fixture"]


@dataclass
class Route:
    """What one path answers. Fields can be changed between polls through NoticeServer.update()."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line (slow server)
    etag: str | None = None  # sent, and If-None-Match equal to it answers 304
    last_modified: str | None = None  # sent, and If-Modified-Since equal to it answers 304
    gzip: bool = False  # compress the body and send Content-Encoding: gzip
    location: str | None = None  # sent as Location (use with status 301/302/307)
    stream_bytes: int = 0  # > 0: ignore body, stream this many filler bytes with no Content-Length
    chunk_delay: float = 0.0  # pause between streamed chunks
    gate: threading.Event | None = None  # answer only once it is set (at most 30 s): a poll held mid-fetch


class NoticeServer:
    """A threaded HTTP server with a mutable route table, per-path hit counts and a request log."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host  # another loopback address (127.0.0.2) acts as another host
        self.routes: dict[str, Route] = {}
        self._hits: defaultdict[str, int] = defaultdict(int)
        self.requests: list[tuple[str, dict[str, str]]] = []  # (path, lower-cased headers)
        self.streamed: defaultdict[str, int] = defaultdict(int)  # bytes actually written per streamed path
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((host, 0), _make_handler(self))
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False  # slow handlers must not hold up teardown
        # A short poll interval keeps shutdown (and so each test's teardown) fast.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.02},
            name="notice-server",
            daemon=True,
        )

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str) -> str:
        """The absolute URL of path on this server."""
        return self.base_url + path

    def add(self, path: str, body: bytes | str = b"", **options: object) -> str:
        """Register (or replace) the route for path; returns its URL. Options are Route fields."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        route = Route(body=data, **options)  # type: ignore[arg-type]
        with self._lock:
            self.routes[path] = route
        return self.url(path)

    def update(self, path: str, **changes: object) -> None:
        """Change fields of an existing route (new content between polls, a new ETag...)."""
        with self._lock:
            route = self.routes[path]
            for name, value in changes.items():
                if name == "body" and isinstance(value, str):
                    value = value.encode("utf-8")
                setattr(route, name, value)

    def hits(self, path: str) -> int:
        """How many requests reached path (query string included in the key if the route has one)."""
        with self._lock:
            return self._hits[path]

    def _route_for(self, raw_path: str) -> tuple[str, Route | None]:
        with self._lock:
            key = raw_path if raw_path in self.routes else raw_path.split("?", 1)[0]
            self._hits[key] += 1
            return key, self.routes.get(key)

    def start(self) -> NoticeServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> NoticeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _make_handler(server: NoticeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        # HTTP/1.0: one request per connection, and a streamed body ends when the connection closes.
        protocol_version = "HTTP/1.0"

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

        def do_GET(self) -> None:
            headers = {k.lower(): v for k, v in self.headers.items()}
            with server._lock:
                server.requests.append((self.path, headers))
            key, route = server._route_for(self.path)
            try:
                if route is None:
                    self._send(404, {"Content-Type": "text/plain"}, b"not found")
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.gate is not None:
                    route.gate.wait(30)
                self._answer(key, route, headers)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout or size cap): that is what some tests provoke

        def _answer(self, key: str, route: Route, req: dict[str, str]) -> None:
            out = {"Content-Type": route.content_type, **route.headers}
            if route.etag:
                out["ETag"] = route.etag
            if route.last_modified:
                out["Last-Modified"] = route.last_modified
            if route.location:
                out["Location"] = route.location
            fresh = (route.etag and req.get("if-none-match") == route.etag) or (
                route.last_modified and req.get("if-modified-since") == route.last_modified
            )
            if fresh:
                self._send(304, {k: v for k, v in out.items() if k != "Content-Type"}, b"")
                return
            if route.stream_bytes:
                self._stream(key, route, out)
                return
            body = route.body
            if route.gzip:
                body = gzip_module.compress(body)
                out["Content-Encoding"] = "gzip"
            self._send(route.status, out, body)

        def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def _stream(self, key: str, route: Route, headers: dict[str, str]) -> None:
            self.send_response(route.status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            chunk = b"<p>" + b"x" * 16_377 + b"</p>\n"  # 16 KiB
            sent = 0
            while sent < route.stream_bytes:
                self.wfile.write(chunk)
                self.wfile.flush()
                sent += len(chunk)
                with server._lock:
                    server.streamed[key] = sent
                if route.chunk_delay:
                    time.sleep(route.chunk_delay)

    return Handler


@pytest.fixture(name="http_server")
def http_server_fixture() -> Iterator[NoticeServer]:
    """A started NoticeServer on a random port, stopped after the test."""
    with NoticeServer() as server:
        yield server
