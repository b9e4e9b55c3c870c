"""Feed parsing (RSS 0.9x/2.0, RSS 1.0, Atom) with feedparser, from bytes, off the event loop.

The only module that imports feedparser. Before feedparser sees a feed we make it safe and well-formed:
decoded as pages are (a declared charset is used only when the bytes agree, else detected) and handed over
as UTF-8; entity declarations refused (feedparser's fallback parser would expand a billion laughs);
character references to code points XML forbids (&#xD800;) and stray ampersands (R&D) repaired, so one bad
entry does not send the whole feed to the fallback parser or sink it. Text fields are unescaped exactly
once, by their declared type; dates outside 1990..now+1 year are dropped.
"""

from __future__ import annotations

import calendar
import html
import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

from bot.attachments.links import feed_attachment_links
from bot.dates import parse_datetime, plausible_date
from bot.models import AttachmentLink
from bot.sources.decode import decode_body
from bot.sources.errors import FeedError, NotAFeedError
from bot.sources.markup import html_to_text, parse_html
from bot.sources.urls import canonical_url
from bot.sources.workers import run_parser

log = logging.getLogger(__name__)

__all__ = ["FeedEntry", "ParsedFeed", "find_feed_links", "looks_like_html", "parse_feed", "parse_feed_sync"]


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed entry, text already stripped of HTML."""

    url: str
    title: str
    guid: str
    published: datetime | None  # aware UTC
    text: str  # the fullest body the feed gives (content, else summary); may be ''
    teaser: bool  # only a short summary: the linked article should be fetched
    attachments: tuple[AttachmentLink, ...] = ()  # enclosures and file links in the body


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A parsed feed: its title and link, the usable entries, and whether the XML had errors (bozo)."""

    title: str
    link: str
    entries: list[FeedEntry]
    bozo: bool = False
    problem: str = ""  # feedparser's complaint when bozo
    next: str = ""  # a paged feed's next (older) page, RFC 5005 <link rel="next">, canonical


_TEASER_CHARS = 300  # a summary shorter than this, with no full content, is a teaser
_MORE = re.compile(
    r"(?:\.\.\.|…|\[…\]|\[\.\.\.\]|阅读全文|查看全文|详细内容|更多|Read more|Continue reading)\W*$", re.I
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[.*?\]\s*>", re.I | re.S)
_ENTITY_DECL = re.compile(r"<!ENTITY", re.I)
# CDATA is kept as it is; elsewhere a "&" that starts no reference is a stray ampersand.
_AMP_OR_CDATA = re.compile(
    r"(<!\[CDATA\[.*?\]\]>)|&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9._-]*;)", re.S
)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_CHAR_REF = re.compile(r"&#(?:([0-9]{1,10})|[xX]([0-9a-fA-F]{1,8}));")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body)", re.I | re.S)
_FEED_START = re.compile(rb"<(?:rss|feed|rdf:RDF|channel)[\s>]", re.I)
# Complaints about labels, not about the XML: the entries are fine.
_HARMLESS = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")


async def parse_feed(body: bytes, *, url: str = "", headers: dict[str, str] | None = None) -> ParsedFeed:
    """Parse feed bytes in the parse pool, within its time limit (feedparser is CPU-bound and synchronous)."""
    return await run_parser(parse_feed_sync, body, url=url, headers=headers, what=url or "a feed")


def parse_feed_sync(body: bytes, *, url: str = "", headers: dict[str, str] | None = None) -> ParsedFeed:
    """Parse feed bytes; raises NotAFeedError for HTML, FeedError when nothing usable comes out."""
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    content_type = headers.get("content-type", "")
    if looks_like_html(body, content_type):
        raise NotAFeedError(
            f'{url or "the source"} serves an HTML page, not a feed; use kind "page" or its feed link'
        )
    body, headers = _to_utf8(body, headers, url)
    if url:
        headers.setdefault("content-location", url)  # base for relative links in the feed
    try:
        parsed = feedparser.parse(
            body, response_headers=headers, sanitize_html=False, resolve_relative_uris=True
        )
    except Exception as exc:  # feedparser is lenient, but a parser crash must stay a source failure
        raise FeedError(f"feed at {url or 'the source'} could not be parsed: {exc}") from None
    serious = bool(parsed.get("bozo")) and not isinstance(parsed.get("bozo_exception"), _HARMLESS)
    problem = str(parsed.get("bozo_exception", "")) if parsed.get("bozo") else ""
    entries = [e for e in (_salvaged(raw, url) for raw in parsed.entries) if e is not None]
    # A well-formed feed with no items is fine; broken XML that yields no items is a failure.
    if not entries and (not parsed.get("version") or serious):
        detail = f": {problem}" if problem else ""
        raise FeedError(f"{url or 'the source'} is not a readable RSS/Atom feed{detail}")
    feed = parsed.feed
    return ParsedFeed(
        title=_plain(feed.get("title", ""), _is_html(feed.get("title_detail"))),
        link=feed.get("link", "") or url,
        entries=entries,
        bozo=bool(parsed.get("bozo")),
        problem=problem,
        next=_next_link(feed, url),
    )


def _next_link(feed: Any, url: str) -> str:
    # feedparser gathers both Atom <link> and RSS <atom:link> elements of the channel into feed.links.
    for link in feed.get("links", []):
        if isinstance(link, dict) and link.get("rel") == "next":
            return canonical_url(str(link.get("href") or ""), url)
    return ""


def looks_like_html(body: bytes, content_type: str | None = None) -> bool:
    """Whether the bytes are an HTML page rather than a feed (some feeds are served as text/html)."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head):
        return True
    return "html" in (content_type or "").lower() and not _FEED_START.search(body[:4096])


def _to_utf8(body: bytes, headers: dict[str, str], url: str) -> tuple[bytes, dict[str, str]]:
    """The feed as safe, well-formed UTF-8 bytes, and headers that say so."""
    content_type = headers.get("content-type", "")
    # As pages: the declared charset only when the bytes decode with it, else detection (GBK sent as utf-8).
    text = decode_body(body, content_type)
    text = _XML_DECL.sub("", text.lstrip("\ufeff"), count=1)
    text = _DOCTYPE_SUBSET.sub("", text, count=1)
    if _ENTITY_DECL.search(text):
        raise FeedError(f"{url or 'the source'} declares XML entities; refused (an entity expansion attack?)")
    text = _XML_ILLEGAL.sub("\ufffd", _CHAR_REF.sub(_valid_char_ref, text))
    text = _AMP_OR_CDATA.sub(lambda m: m.group(1) or "&amp;", text)
    base_type = content_type.split(";", 1)[0].strip() or "application/xml"
    headers["content-type"] = f"{base_type}; charset=utf-8"
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + text).encode("utf-8", "replace"), headers


def _valid_char_ref(match: re.Match[str]) -> str:
    decimal, hexa = match.groups()
    code = int(decimal) if decimal else int(hexa, 16)
    ok = (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )
    return match.group(0) if ok else "&#xFFFD;"


def _salvaged(raw: Any, feed_url: str) -> FeedEntry | None:
    try:
        return _entry(raw, feed_url)
    except Exception:  # one malformed entry must not cost the feed its good ones
        log.warning("feed %s: skipped a malformed entry", feed_url, exc_info=True)
        return None


def _entry(raw: Any, feed_url: str) -> FeedEntry | None:
    link = raw.get("link", "") or ""
    guid = raw.get("id", "") or ""
    url = canonical_url(link, feed_url) if link else ""
    if not url and guid.startswith(("http://", "https://")):
        url = canonical_url(guid)
    title = _plain(raw.get("title", ""), _is_html(raw.get("title_detail")))
    content = max(
        (_plain(c.get("value", ""), _is_html(c)) for c in raw.get("content", []) or []), key=len, default=""
    )
    summary = _plain(raw.get("summary", ""), _is_html(raw.get("summary_detail")))
    if not url and not (title and guid):
        return None  # nothing to identify or open: not salvageable
    text = content if len(content) >= len(summary) else summary
    teaser = not content and (len(summary) < _TEASER_CHARS or bool(_MORE.search(summary)))
    bodies = [c.get("value", "") for c in raw.get("content", []) or []] + [raw.get("summary", "")]
    files = tuple(feed_attachment_links(raw, url or feed_url, bodies))
    return FeedEntry(
        url=url,
        title=title,
        guid=guid,
        published=_published(raw),
        text=text,
        teaser=teaser,
        attachments=files,
    )


def _published(raw: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        # dict.get: feedparser's own get() maps updated_parsed to published_parsed, with a warning.
        value = dict.get(raw, key)
        if value:
            try:
                stamp = datetime.fromtimestamp(calendar.timegm(value), UTC)
            except (OverflowError, ValueError):
                continue
            if plausible_date(stamp):
                return stamp
    for key in ("published", "updated", "date"):
        if dict.get(raw, key):
            parsed = parse_datetime(str(dict.get(raw, key)))  # Chinese dates feedparser does not know
            if parsed is not None and plausible_date(parsed):
                return parsed
    return None


def _is_html(detail: Any) -> bool | None:
    """Whether feedparser typed the field as markup; None when it gave no type (then the value decides)."""
    kind = str(detail.get("type", "")) if isinstance(detail, dict) else ""
    return ("html" in kind) if kind else None  # text/html, application/xhtml+xml; text/plain: plain


def _plain(value: str, is_html: bool | None) -> str:
    # feedparser hands back markup (entities still escaped) for html-typed fields and text for plain ones:
    # unescape exactly once, and only what is markup. An untyped field (a summary feedparser copied from
    # the content) is markup when it has tags.
    if is_html is None:
        is_html = bool(_TAG.search(value))
    if not is_html:
        return html_to_text(value) if "\n" in value else " ".join(value.split())
    if "<" in value:
        return html_to_text(value)
    return " ".join(html.unescape(value).split())


def find_feed_links(html: str, base_url: str) -> list[str]:
    """Feed URLs a page advertises with <link rel="alternate" type="application/rss+xml|atom+xml">."""
    tree = parse_html(html)
    found: list[str] = []
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in _FEED_TYPES[:3]:
            url = canonical_url(link.get("href") or "", base_url)
            if url and url not in found:
                found.append(url)
    return found
