"""HTTP fetching for sources: one httpx client, timeouts, redirect limit, size cap, conditional GET, gzip.

A JSON source paged by a POST body (bot.sources.jsonbody) is read here too, with the same limits; a POST is
never conditional (validators describe a GET's answer) and is never retried by this module. Its body (a token
perhaps) goes only to the URL configured: a 307/308 is followed only to the same scheme, host and port, and
any other redirect is an error (EndpointMoved), never a GET read as page 1.

The only module that fetches with httpx (netguard builds its transport). Every failure leaves as a
bot.sources.errors.FetchError subclass. Feeds, pages, articles and attachments all come through fetch():
the size cap counts decoded bytes while decoding, so no Content-Encoding stack can expand past it.
"""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from types import TracebackType
from typing import Self

import httpx

from bot.sources.errors import (
    ConnectFailed,
    EndpointMoved,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    TooLarge,
    TooManyRedirects,
)
from bot.sources.netguard import POLICY_EXTENSION, GuardedTransport, NetPolicy, current_policy

__all__ = ["DEFAULT_MAX_BYTES", "MAX_ENCODINGS", "USER_AGENT", "FetchResult", "Fetcher"]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_ENCODINGS = 2  # Content-Encoding layers; "gzip, gzip, gzip" is an attack, not a compression scheme
_STEP = 64 * 1024  # no decoding step produces more than this at once
# Sites block anonymous or library-default agents (peers.md, complaint 6): name the bot and say who runs it.
USER_AGENT = "noticebot/0.1 (official-notice watcher; contact: the operator of this bot)"


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One HTTP response: the final URL after redirects, and the (decompressed) body."""

    url: str
    # The URL to ask next time: url, unless a temporary redirect (302, 303, 307) led there; then the URL that
    # answered it (the permanent ones, 301 and 308, before it moved the resource for good).
    lasting_url: str
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
            event_hooks={"response": [_check_location]},
            # Few idle connections: httpcore checks every pooled connection on each request.
            transport=GuardedTransport(
                limits=httpx.Limits(max_connections=self.max_connections, max_keepalive_connections=8)
            ),
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
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        policy: NetPolicy | None = None,
        accept: str | None = None,
        post: tuple[bytes, str] | None = None,
    ) -> FetchResult:
        """GET url; a 304 answer to a conditional request comes back with not_modified=True and no body.

        post: (body, content type) makes it a POST of that body instead; etag and last_modified are then
        ignored, and a 304 is an error (nothing was asked conditionally). The body is never logged nor put
        in an error message: it may carry a token.

        max_bytes overrides the fetcher's cap for this one request (attachments), accept the Accept header
        (JSON endpoints that also speak XML answer in what is asked first). The network policy is
        policy, else the enclosing net_scope()'s, else "url's own host may be private, nothing else".
        """
        if self._client is None:
            raise RuntimeError("use `async with Fetcher() as fetcher:` before fetch()")
        cap = self.max_bytes if max_bytes is None else max_bytes
        policy = policy or current_policy() or NetPolicy.for_url(url)
        headers: dict[str, str] = {"Accept": accept} if accept else {}
        if post is not None:
            headers["Content-Type"] = post[1]
        else:
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
        try:
            async with asyncio.timeout(self.total_timeout):
                return await self._request(self._client, url, headers, cap, policy, post)
        except _BadLocation as exc:
            # Neither the Location nor httpx's words about it are quoted: either may carry what was posted.
            if post is not None:
                raise EndpointMoved(url, exc.status) from None
            raise FetchError(
                url, f"{url} answered HTTP {exc.status} with a redirect to an invalid address"
            ) from None
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
        except (httpx.InvalidURL, httpx.UnsupportedProtocol, UnicodeError):  # UnicodeError: a bad IDN host
            raise FetchError(url, f"{url!r} is not a valid http(s) URL") from None
        except httpx.DecodingError:
            raise FetchError(url, f"{url} sent a body that cannot be decompressed") from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"fetching {url} failed: {exc.__class__.__name__}: {exc}") from None

    async def _request(
        self,
        client: httpx.AsyncClient,
        url: str,
        headers: dict[str, str],
        cap: int,
        policy: NetPolicy,
        post: tuple[bytes, str] | None = None,
    ) -> FetchResult:
        """One GET (redirects followed by httpx), or one POST (redirects by _post_redirect)."""
        extensions = {POLICY_EXTENSION: policy}
        method, content = ("POST", post[0]) if post is not None else ("GET", None)
        hops: list[httpx.Response] = []  # a POST's redirects (a GET's are its response's history)
        for _ in range(self.max_redirects + 1):
            async with client.stream(
                method,
                url,
                headers=headers,
                content=content,
                extensions=extensions,
                follow_redirects=post is None,
            ) as response:
                if post is not None and response.status_code // 100 == 3 and response.status_code != 304:
                    url = _post_redirect(url, response)
                    hops.append(response)
                    continue
                lasting = _lasting(hops if post is not None else response.history, response)
                return await self._read(response, headers, cap, post is not None, lasting)
        raise httpx.TooManyRedirects("too many redirects")

    async def _read(
        self, response: httpx.Response, headers: dict[str, str], cap: int, posted: bool, lasting: str
    ) -> FetchResult:
        """The response's (decoded, capped) body; an error status raises."""
        final_url = str(response.url)
        if response.status_code == 304 and not posted:
            # Servers often omit the validators on a 304; the ones we sent are still current.
            result = self._result(response, final_url, lasting, b"", not_modified=True)
            return replace(
                result,
                etag=result.etag or headers.get("If-None-Match"),
                last_modified=result.last_modified or headers.get("If-Modified-Since"),
            )
        if response.status_code >= 400 or response.status_code == 304:
            raise HTTPStatusError(final_url, response.status_code, response.reason_phrase)
        declared = response.headers.get("Content-Length", "")
        if declared.isascii() and declared.isdigit() and int(declared) > cap:
            raise self._too_large(final_url, cap)
        decoder = _Decoder(final_url, response.headers.get_list("Content-Encoding", split_commas=True))
        chunks: list[bytes] = []
        size = 0
        raw_size = 0
        # Raw bytes, decoded here in bounded steps: httpx would decode a whole chunk through every
        # layer before we could count it (a 2 KB "gzip, gzip" body is gigabytes after one chunk).
        async for raw in response.aiter_raw():
            raw_size += len(raw)
            if raw_size > cap:
                raise self._too_large(final_url, cap)
            for piece in decoder.feed(raw):
                size += len(piece)
                if size > cap:
                    raise self._too_large(final_url, cap)  # leaving the block closes the connection
                chunks.append(piece)
        decoder.finish()
        return self._result(response, final_url, lasting, b"".join(chunks))

    @staticmethod
    def _too_large(url: str, cap: int) -> TooLarge:
        return TooLarge(
            url, f"{url} is larger than {cap:,} bytes; download stopped (raise the size cap if needed)"
        )

    @staticmethod
    def _result(
        response: httpx.Response, url: str, lasting: str, body: bytes, *, not_modified: bool = False
    ) -> FetchResult:
        h = response.headers
        return FetchResult(
            url=url,
            lasting_url=lasting,
            status=response.status_code,
            body=body,
            content_type=h.get("Content-Type"),
            etag=h.get("ETag"),
            last_modified=h.get("Last-Modified"),
            not_modified=not_modified,
            headers={k.lower(): v for k, v in h.items()},
        )


class _BadLocation(Exception):
    """A redirect whose Location is not a valid URL (raised by _check_location, turned into a FetchError)."""

    def __init__(self, status: int) -> None:
        self.status = status
        super().__init__(f"HTTP {status}")


async def _check_location(response: httpx.Response) -> None:
    """Response hook: a redirect's Location must parse and its host decode (an "xn--" label that is not
    IDNA raises UnicodeError deep in httpx) and its port be one. httpx runs hooks before it builds the
    redirected request."""
    if not response.has_redirect_location:
        return
    try:
        target = response.url.join(response.headers["Location"])
        _ = target.host  # decodes the IDNA host
    except (httpx.InvalidURL, UnicodeError):
        raise _BadLocation(response.status_code) from None
    if target.port is not None and not 0 < target.port < 65536:
        # httpx parses ":99999" but the connect raises a bare OverflowError, past every handler.
        raise _BadLocation(response.status_code)


def _lasting(hops: list[httpx.Response], final: httpx.Response) -> str:
    """FetchResult.lasting_url of a response reached through hops (the redirects, in order): the URL of the
    first hop that moved it only for now, else the final URL."""
    for hop in hops:
        if hop.status_code not in (301, 308):
            return str(hop.url)
    return str(final.url)


def _post_redirect(url: str, response: httpx.Response) -> str:
    """Where a POST's redirect leads: a 307/308 (which keep the method and the body) to the same scheme,
    host and port; anything else means the endpoint moved, and the body is not sent on (nor a GET made)."""
    target = response.next_request.url if response.next_request is not None else None
    here = httpx.URL(url)
    if (
        response.status_code in (307, 308)
        and target is not None
        and (target.scheme, target.host, target.port) == (here.scheme, here.host, here.port)
    ):
        return str(target)
    raise EndpointMoved(url, response.status_code)


class _Decoder:
    """Content-Encoding layers (gzip, deflate; at most MAX_ENCODINGS), decoded in steps of at most _STEP."""

    def __init__(self, url: str, encodings: list[str]) -> None:
        names = [e.strip().lower() for e in encodings if e.strip() and e.strip().lower() != "identity"]
        if len(names) > MAX_ENCODINGS:
            raise FetchError(url, f"{url} sent {len(names)} layers of Content-Encoding; refused")
        for name in names:
            if name not in ("gzip", "x-gzip", "deflate"):
                raise FetchError(url, f"{url} sent an unsupported Content-Encoding {name!r}")
        self.url = url
        # The last encoding applied is the first to undo.
        self._layers = [_Layer(url, name) for name in reversed(names)]

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The decoded pieces of data, each at most _STEP bytes, produced lazily."""
        return self._through(0, data)

    def _through(self, index: int, data: bytes) -> Iterator[bytes]:
        if index == len(self._layers):
            if data:
                yield data
            return
        for piece in self._layers[index].feed(data):
            yield from self._through(index + 1, piece)

    def finish(self) -> None:
        """Raise when the body ended inside a compressed stream."""
        if any(layer.started and not layer.done for layer in self._layers):
            raise FetchError(self.url, f"{self.url} sent a truncated compressed body")


class _Layer:
    """One zlib stream; deflate bodies come with or without the zlib header (servers differ)."""

    def __init__(self, url: str, name: str) -> None:
        self.url = url
        self.raw_deflate = name == "deflate"
        self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16 if name != "deflate" else zlib.MAX_WBITS)
        self.started = False
        self.done = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self.done:
            return  # trailing bytes after the stream end (padding) are ignored
        while True:
            try:
                out = self._zlib.decompress(data, _STEP)
            except zlib.error:
                if self.raw_deflate and not self.started:
                    self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                    self.raw_deflate = False
                    continue
                raise FetchError(self.url, f"{self.url} sent a body that cannot be decompressed") from None
            self.started = True
            if out:
                yield out
            if self._zlib.eof:
                self.done = True
                return
            data = self._zlib.unconsumed_tail
            # A full step may leave output pending inside zlib even when the input is all consumed.
            if not data and len(out) < _STEP:
                return
