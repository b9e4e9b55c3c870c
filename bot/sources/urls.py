"""URL canonicalisation for notice links: absolute, fragment dropped, host lower-cased, tracking params out."""

from __future__ import annotations

from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

__all__ = ["canonical_url", "host_of", "same_site"]

_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING = ("utm_", "spm", "from", "share_")


def canonical_url(href: str, base: str = "") -> str:
    """href resolved against base and normalised; '' when it is not an http(s) URL.

    The query is kept in its order (notice ids often live there: ?id=123); only tracking parameters go.
    """
    href = href.strip().replace("\\", "/")
    try:
        absolute = urljoin(base, href) if base else href
        parts = urlsplit(absolute)
        port = parts.port
    except ValueError:  # "http://[bad" or a non-numeric port
        return ""
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return ""
    netloc = parts.hostname.lower()
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=~-._")
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith(_TRACKING)
        ],
        doseq=True,
    )
    return urlunsplit((scheme, netloc, path, query, ""))


def host_of(url: str) -> str:
    """The host name without a leading 'www.' (sites serve both)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def same_site(a: str, b: str) -> bool:
    """Whether two URLs are on the same host (www. ignored)."""
    return bool(host_of(a)) and host_of(a) == host_of(b)
