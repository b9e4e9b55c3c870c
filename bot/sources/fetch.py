"""HTTP fetching for sources: one httpx client, timeouts, redirect limit, size cap, conditional GET, gzip.

The only module that imports httpx. Every failure leaves as a bot.sources.errors.FetchError subclass.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace
from types import TracebackType
from typing import Self

import httpx

from bot.sources.errors import (
    ConnectFailed,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    TooLarge,
    TooManyRedirects,
)

__all__ = ["DEFAULT_MAX_BYTES", "USER_AGENT", "FetchResult", "Fetcher"]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# Sites block anonymous or library-default agents (peers.md, complaint 6): name the bot and say who runs it.
USER_AGENT = "noticebot/0.1 (official-notice watcher; contact: the operator of this bot)"


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One HTTP response: the final URL after redirects, and the (decompressed) body."""

    url: str
    status: int
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool = False
    headers: dict[str, str] = field(default_factory=dict)  # lower-cased names


class Fetcher:
    """An async context manager over one httpx.AsyncClient; `fetch` never returns an error status."""

    def __init__(
        self,
        *,
        user_agent: str = USER_AGENT,
        connect_timeout: float = 10.0,
        read_timeout: float = 30.0,
        total_timeout: float = 120.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = 5,
        max_connections: int = 50,
    ) -> None:
        self.user_agent = user_agent
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        # A server that drips one byte per read_timeout would never time out without a total deadline.
        self.total_timeout = total_timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.max_connections = max_connections
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Self:
        self._client = httpx.AsyncClient(
            headers={
                "User-Agent": self.user_agent,
                "Accept-Encoding": "gzip, deflate",
                "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                "text/html;q=0.9, */*;q=0.5",
            },
            timeout=httpx.Timeout(self.read_timeout, connect=self.connect_timeout),
            follow_redirects=True,
            max_redirects=self.max_redirects,
            # Few idle connections: httpcore checks every pooled connection on each request.
            limits=httpx.Limits(max_connections=self.max_connections, max_keepalive_connections=8),
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the underlying client (also done by `async with`)."""
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """GET url; a 304 answer to a conditional request comes back with not_modified=True and no body."""
        if self._client is None:
            raise RuntimeError("use `async with Fetcher() as fetcher:` before fetch()")
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            async with asyncio.timeout(self.total_timeout):
                return await self._get(self._client, url, headers)
        except TimeoutError:
            raise FetchTimeout(
                url, f"{url} took longer than {self.total_timeout:g}s in total; the site is too slow"
            ) from None
        except httpx.TimeoutException as exc:
            what = "connecting to" if isinstance(exc, httpx.ConnectTimeout) else "reading from"
            raise FetchTimeout(
                url, f"timed out {what} {url}; the site is slow or down, we will retry"
            ) from None
        except httpx.TooManyRedirects:
            raise TooManyRedirects(
                url,
                f"{url} redirects more than {self.max_redirects} times (a redirect loop?); "
                "open it in a browser and use the final URL",
            ) from None
        except httpx.ConnectError as exc:
            raise ConnectFailed(
                url, f"cannot connect to {url} ({exc}); check the host name and port"
            ) from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol):
            raise FetchError(url, f"{url!r} is not a valid http(s) URL") from None
        except httpx.DecodingError:
            raise FetchError(url, f"{url} sent a body that cannot be decompressed") from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"fetching {url} failed: {exc.__class__.__name__}: {exc}") from None

    async def _get(self, client: httpx.AsyncClient, url: str, headers: dict[str, str]) -> FetchResult:
        async with client.stream("GET", url, headers=headers) as response:
            final_url = str(response.url)
            if response.status_code == 304:
                # Servers often omit the validators on a 304; the ones we sent are still current.
                result = self._result(response, final_url, b"", not_modified=True)
                return replace(
                    result,
                    etag=result.etag or headers.get("If-None-Match"),
                    last_modified=result.last_modified or headers.get("If-Modified-Since"),
                )
            if response.status_code >= 400:
                raise HTTPStatusError(final_url, response.status_code, response.reason_phrase)
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise self._too_large(final_url)
            chunks: list[bytes] = []
            size = 0
            # Counted after decompression, so a small gzip bomb is stopped too.
            async for chunk in response.aiter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise self._too_large(final_url)  # leaving the block closes the connection mid-body
                chunks.append(chunk)
            return self._result(response, final_url, b"".join(chunks))

    def _too_large(self, url: str) -> TooLarge:
        return TooLarge(
            url,
            f"{url} is larger than {self.max_bytes:,} bytes; download stopped (raise the size cap if needed)",
        )

    @staticmethod
    def _result(
        response: httpx.Response, url: str, body: bytes, *, not_modified: bool = False
    ) -> FetchResult:
        h = response.headers
        return FetchResult(
            url=url,
            status=response.status_code,
            body=body,
            content_type=h.get("Content-Type"),
            etag=h.get("ETag"),
            last_modified=h.get("Last-Modified"),
            not_modified=not_modified,
            headers={k.lower(): v for k, v in h.items()},
        )
