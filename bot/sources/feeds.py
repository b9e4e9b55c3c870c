"""Feed parsing (RSS 0.9x/2.0, RSS 1.0, Atom) with feedparser, from bytes, off the event loop.

The only module that imports feedparser. feedparser does its own encoding detection from the bytes and the
response headers; we fix the labels it would misread (gb2312/gbk -> gb18030) and transcode feeds that
declare no encoding at all, since without chardet feedparser would read undeclared GBK as windows-1252.
"""

from __future__ import annotations

import asyncio
import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

from bot.attachments.links import feed_attachment_links
from bot.models import AttachmentLink
from bot.sources.dates import parse_date
from bot.sources.decode import charset_from_content_type, decode_body
from bot.sources.errors import FeedError, NotAFeedError
from bot.sources.markup import html_to_text, parse_html
from bot.sources.urls import canonical_url

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


_TEASER_CHARS = 300  # a summary shorter than this, with no full content, is a teaser
_MORE = re.compile(
    r"(?:\.\.\.|…|\[…\]|\[\.\.\.\]|阅读全文|查看全文|详细内容|更多|Read more|Continue reading)\W*$", re.I
)
_GB_LABEL = re.compile(rb"(<\?xml[^>]*?encoding\s*=\s*[\"'])(gb2312|gbk|x-gbk|GB2312|GBK)([\"'])")
_XML_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=", re.I)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body)", re.I | re.S)
_FEED_START = re.compile(rb"<(?:rss|feed|rdf:RDF|channel)[\s>]", re.I)
# Complaints about labels, not about the XML: the entries are fine.
_HARMLESS = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")


async def parse_feed(body: bytes, *, url: str = "", headers: dict[str, str] | None = None) -> ParsedFeed:
    """Parse feed bytes in a worker thread (feedparser is CPU-bound and synchronous)."""
    return await asyncio.to_thread(parse_feed_sync, body, url=url, headers=headers)


def parse_feed_sync(body: bytes, *, url: str = "", headers: dict[str, str] | None = None) -> ParsedFeed:
    """Parse feed bytes; raises NotAFeedError for HTML, FeedError when nothing usable comes out."""
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    content_type = headers.get("content-type", "")
    if looks_like_html(body, content_type):
        raise NotAFeedError(
            f'{url or "the source"} serves an HTML page, not a feed; use kind "page" or its feed link'
        )
    body, headers = _fix_encoding(body, headers)
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
    entries = [e for e in (_entry(raw, url) for raw in parsed.entries) if e is not None]
    # A well-formed feed with no items is fine; broken XML that yields no items is a failure.
    if not entries and (not parsed.get("version") or serious):
        detail = f": {problem}" if problem else ""
        raise FeedError(f"{url or 'the source'} is not a readable RSS/Atom feed{detail}")
    feed = parsed.feed
    return ParsedFeed(
        title=_plain(feed.get("title", "")),
        link=feed.get("link", "") or url,
        entries=entries,
        bozo=bool(parsed.get("bozo")),
        problem=problem,
    )


def looks_like_html(body: bytes, content_type: str | None = None) -> bool:
    """Whether the bytes are an HTML page rather than a feed (some feeds are served as text/html)."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head):
        return True
    return "html" in (content_type or "").lower() and not _FEED_START.search(body[:4096])


def _fix_encoding(body: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    content_type = headers.get("content-type", "")
    header_charset = charset_from_content_type(content_type)
    if header_charset == "gb18030" and "gb18030" not in content_type.lower():
        # A gb2312/gbk header label: strict gb2312 fails on names like 镕 (text.md).
        headers["content-type"] = re.sub(
            r"charset\s*=\s*[\"']?[^\"';,\s]+", "charset=gb18030", content_type, flags=re.I
        )
    body = _GB_LABEL.sub(rb"\g<1>gb18030\g<3>", body, count=1)
    declared = (
        header_charset
        or _XML_ENCODING.search(body[:1024])
        or body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
    )
    if not declared:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            # Undeclared and not UTF-8: decode by detection ourselves, hand feedparser UTF-8.
            body = decode_body(body).encode("utf-8")
            base_type = content_type.split(";", 1)[0].strip() or "application/xml"
            headers["content-type"] = f"{base_type}; charset=utf-8"
    return body, headers


def _entry(raw: Any, feed_url: str) -> FeedEntry | None:
    link = raw.get("link", "") or ""
    guid = raw.get("id", "") or ""
    url = canonical_url(link, feed_url) if link else ""
    if not url and guid.startswith(("http://", "https://")):
        url = canonical_url(guid)
    title = _plain(raw.get("title", ""))
    content = max((_plain(c.get("value", "")) for c in raw.get("content", []) or []), key=len, default="")
    summary = _plain(raw.get("summary", ""))
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
        value = raw.get(key)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), UTC)
            except (OverflowError, ValueError):
                continue
    for key in ("published", "updated", "date"):
        if raw.get(key):
            parsed = parse_date(str(raw.get(key)))  # Chinese dates feedparser does not know
            if parsed is not None:
                return parsed
    return None


def _plain(value: str) -> str:
    # feedparser hands back HTML for html-typed fields; plain fields only need their whitespace collapsed.
    return html_to_text(value) if "<" in value or "\n" in value else " ".join(value.split())


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
