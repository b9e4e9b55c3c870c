"""The exceptions bot.sources raises; each message says what failed and what the user can do.

SourceError (bot.errors)
 +-- FetchError           the HTTP exchange failed
 |    +-- HTTPStatusError      the server answered 4xx/5xx (.status)
 |    +-- FetchTimeout         connect/read/total time limit reached
 |    +-- TooLarge             the body exceeded the size cap (download aborted)
 |    +-- TooManyRedirects     a redirect loop or an over-long redirect chain
 |    +-- ConnectFailed        DNS failure, connection refused or reset
 |    +-- BlockedAddress       the host resolves to a private address the source may not reach
 +-- FeedError            the bytes are not a usable feed
 |    +-- NotAFeedError        an HTML page was served where a feed was expected
 +-- ExtractError         no article text could be found on a page
 +-- NoListError          a JSON listing has no list of notices where one belongs (its layout changed?)
 +-- ParseTimeout         parsing a feed, listing or article took longer than its limit
"""

from __future__ import annotations

from bot.errors import SourceError

__all__ = [
    "GONE_HINT",
    "BlockedAddress",
    "ConnectFailed",
    "EndpointMoved",
    "ExtractError",
    "FeedError",
    "FetchError",
    "FetchTimeout",
    "HTTPStatusError",
    "NoListError",
    "NotAFeedError",
    "ParseTimeout",
    "SourceError",
    "TooLarge",
    "TooManyRedirects",
    "without_query",
]


# What a 404 or 410 says after its URL (bot/poller.py reads the URL back out of a stored error by it).
GONE_HINT = "the page is gone or the URL is wrong; check the source URL"


_REASON_CAP = 60  # characters of a server's reason phrase kept in an error
_URL_CAP = 300  # characters of a URL kept in an HTTP error


def without_query(url: str) -> str:
    """The URL without its query and fragment: what names the same resource whatever session or page it asks."""
    return url.partition("#")[0].partition("?")[0]


def _shown(url: str) -> str:
    """The URL as an HTTP error names it: in full, or when long without its query and fragment and cut to
    _URL_CAP characters with "…" (the same for every answer from that URL but for its query)."""
    if len(url) <= _URL_CAP:
        return url
    return without_query(url)[:_URL_CAP] + "…"


class FetchError(SourceError):
    """Fetching a URL failed."""

    def __init__(self, url: str, message: str) -> None:
        self.url = url
        super().__init__(message)


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, url: str, status: int, reason: str = "") -> None:
        self.status = status
        if status in (404, 410):
            hint = GONE_HINT
        elif status in (401, 403):
            hint = "the site refuses access (it may block bots); check the URL in a browser"
        elif status == 429:
            hint = "the site asks us to slow down; use a longer interval for this source"
        elif status == 405:
            hint = "the endpoint refuses this method; check json_method (GET or POST) for this source"
        elif status >= 500:
            hint = "the site has a server error; it is usually temporary, we will retry"
        else:
            hint = "check the source URL"
        # Both cut short, so that the hint after them always fits in the 500 characters of an error that
        # storage keeps (bot/poller.py reads a 404's URL back out of it by the hint).
        label = f"{status} {reason[:_REASON_CAP]}".strip()
        super().__init__(url, f"HTTP {label} from {_shown(url)}: {hint}")


class FetchTimeout(FetchError):
    """A connect, read or total time limit was reached."""


class TooLarge(FetchError):
    """The response body exceeded the size cap; the download was aborted."""


class EndpointMoved(FetchError):
    """A POST endpoint answered with a redirect that is not a 307/308 on its own scheme, host and port."""

    def __init__(self, url: str, status: int) -> None:
        self.status = status
        # Not the redirect's target: its query string might echo what was posted.
        super().__init__(
            url, f"{url} answered HTTP {status} (a redirect): the endpoint moved; update its url"
        )


class TooManyRedirects(FetchError):
    """A redirect loop or an over-long redirect chain."""


class ConnectFailed(FetchError):
    """The host could not be reached."""


class FeedError(SourceError):
    """The content could not be read as a feed."""


class NotAFeedError(FeedError):
    """An HTML page was served where a feed was expected."""


class ExtractError(SourceError):
    """No article text could be extracted from a page."""


class BlockedAddress(FetchError):
    """The URL resolves to a loopback, private, link-local or metadata address this source may not reach."""


class NoListError(SourceError):
    """A JSON listing's list of notices is missing (json_items leads nowhere, or to no list; discovery finds
    none). Not an empty list, which is a listing with no notices today: this one is a layout change."""


class ParseTimeout(SourceError):
    """Parsing a feed, a listing page or an article took longer than its time limit."""
