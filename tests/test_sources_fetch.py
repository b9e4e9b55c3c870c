"""Fetcher against a real HTTP server on 127.0.0.1: conditional GET, gzip, errors, timeouts, the size cap."""

from __future__ import annotations

import socket

import pytest

from bot.sources.errors import (
    ConnectFailed,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    TooLarge,
    TooManyRedirects,
)
from bot.sources.fetch import USER_AGENT, Fetcher
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401


async def test_fetch_returns_body_headers_and_sends_user_agent(http_server: NoticeServer) -> None:
    url = http_server.add(
        "/a.html", "<p>你好</p>", etag='"v1"', last_modified="Mon, 03 Feb 2020 04:14:42 GMT"
    )
    async with Fetcher() as fetcher:
        result = await fetcher.fetch(url)
    assert result.status == 200 and not result.not_modified
    assert result.body == "<p>你好</p>".encode()
    assert result.content_type == "text/html; charset=utf-8"
    assert result.etag == '"v1"' and result.last_modified == "Mon, 03 Feb 2020 04:14:42 GMT"
    (_path, headers), *_ = http_server.requests
    assert headers["user-agent"] == USER_AGENT
    assert "http" not in USER_AGENT  # a contact text, not a URL
    assert "gzip" in headers["accept-encoding"]


async def test_gzip_body_is_decompressed(http_server: NoticeServer) -> None:
    text = "全国总工会下发通知。" * 200
    url = http_server.add("/z.html", text, gzip=True)
    async with Fetcher() as fetcher:
        result = await fetcher.fetch(url)
    assert result.body.decode() == text


async def test_conditional_get_etag_and_last_modified_give_not_modified(http_server: NoticeServer) -> None:
    url = http_server.add("/feed", "<rss/>", etag='"abc"')
    lm_url = http_server.add("/lm", "<rss/>", last_modified="Mon, 03 Feb 2020 04:14:42 GMT")
    async with Fetcher() as fetcher:
        first = await fetcher.fetch(url)
        again = await fetcher.fetch(url, etag=first.etag)
        by_date = await fetcher.fetch(lm_url, last_modified="Mon, 03 Feb 2020 04:14:42 GMT")
        http_server.update("/feed", body="<rss>new</rss>", etag='"def"')
        changed = await fetcher.fetch(url, etag=first.etag)
    assert again.not_modified and again.status == 304 and again.body == b"" and again.etag == '"abc"'
    assert by_date.not_modified and by_date.last_modified == "Mon, 03 Feb 2020 04:14:42 GMT"
    assert not changed.not_modified and changed.body == b"<rss>new</rss>" and changed.etag == '"def"'
    assert http_server.hits("/feed") == 3


@pytest.mark.parametrize(("status", "hint"), [(404, "gone or the URL is wrong"), (500, "server error")])
async def test_http_errors_raise_with_advice(http_server: NoticeServer, status: int, hint: str) -> None:
    url = http_server.add("/err", "oops", status=status)
    async with Fetcher() as fetcher:
        with pytest.raises(HTTPStatusError, match=hint) as info:
            await fetcher.fetch(url)
    assert info.value.status == status
    assert str(status) in str(info.value)


async def test_slow_server_hits_read_timeout(http_server: NoticeServer) -> None:
    url = http_server.add("/slow", "late", delay=1.0)
    async with Fetcher(read_timeout=0.2) as fetcher:
        with pytest.raises(FetchTimeout, match="timed out"):
            await fetcher.fetch(url)


async def test_dripping_server_hits_total_timeout(http_server: NoticeServer) -> None:
    url = http_server.add("/drip", stream_bytes=10_000_000, chunk_delay=0.05)
    async with Fetcher(read_timeout=5, total_timeout=0.3) as fetcher:
        with pytest.raises(FetchTimeout, match="in total"):
            await fetcher.fetch(url)


async def test_redirects_are_followed_and_loops_stopped(http_server: NoticeServer) -> None:
    http_server.add("/old", status=301, location="/new")
    http_server.add("/new", "moved here")
    http_server.add("/loop-a", status=302, location="/loop-b")
    http_server.add("/loop-b", status=302, location="/loop-a")
    async with Fetcher(max_redirects=5) as fetcher:
        result = await fetcher.fetch(http_server.url("/old"))
        assert result.url == http_server.url("/new") and result.body == b"moved here"
        with pytest.raises(TooManyRedirects, match="redirect loop"):
            await fetcher.fetch(http_server.url("/loop-a"))
    assert http_server.hits("/loop-a") + http_server.hits("/loop-b") <= 7


async def test_oversize_stream_is_aborted_early(http_server: NoticeServer) -> None:
    total = 50 * 1024 * 1024
    url = http_server.add("/huge", stream_bytes=total)
    async with Fetcher(max_bytes=200_000) as fetcher:
        with pytest.raises(TooLarge, match="larger than 200,000 bytes"):
            await fetcher.fetch(url)
    # The server stopped far short of the full body: the client closed the connection once over the cap.
    assert http_server.streamed["/huge"] < total / 4


async def test_oversize_declared_length_is_refused_before_download(http_server: NoticeServer) -> None:
    url = http_server.add("/big", b"x" * 300_000)
    async with Fetcher(max_bytes=100_000) as fetcher:
        with pytest.raises(TooLarge):
            await fetcher.fetch(url)


async def test_gzip_bomb_is_capped_after_decompression(http_server: NoticeServer) -> None:
    url = http_server.add("/bomb", b"\0" * 5_000_000, gzip=True)  # about 5 KB on the wire
    async with Fetcher(max_bytes=1_000_000) as fetcher:
        with pytest.raises(TooLarge):
            await fetcher.fetch(url)


async def test_connection_refused_is_a_clean_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed once the block ends: nothing listens there
    async with Fetcher(connect_timeout=2) as fetcher:
        with pytest.raises(ConnectFailed, match="cannot connect"):
            await fetcher.fetch(f"http://127.0.0.1:{port}/")


async def test_fetch_outside_context_is_a_programming_error() -> None:
    with pytest.raises(RuntimeError):
        await Fetcher().fetch("http://127.0.0.1/")


@pytest.mark.parametrize(
    "location", ["http://xn--tok/x", "http://a:tok=SECRET/x", "http://127.0.0.1:99999/tok"]
)
async def test_a_bad_location_is_a_clean_error_that_does_not_quote_it(
    http_server: NoticeServer, location: str
) -> None:
    """An undecodable IDN host or an invalid port in Location: a FetchError (not a UnicodeError), no Location."""
    url = http_server.add("/bad", status=302, location=location)
    async with Fetcher() as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(url)
    assert "tok" not in str(caught.value) and "redirect" in str(caught.value)
