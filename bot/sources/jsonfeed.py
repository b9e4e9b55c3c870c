"""JSON Feed 1.0/1.1 (jsonfeed.org, application/feed+json) read into the same ParsedFeed RSS and Atom give.

feedparser 6.0 reads only XML feeds (its JSON Feed support came after 6.0.x), and feeds.py hands it
UTF-8 XML; a JSON Feed is mapped here instead, field by field, and then goes down the one feed path
(listing._feed_listing): same entries, dedup keys, teaser rule for fetching the article, attachments.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.attachments.links import feed_attachment_links
from bot.sources.errors import FeedError, SourceError
from bot.sources.feeds import FeedEntry, ParsedFeed
from bot.sources.jsonlist import MAX_ITEMS, is_json_feed, json_date, load_json
from bot.sources.markup import html_to_text
from bot.sources.urls import canonical_url

__all__ = ["json_feed", "parse_json_feed"]

log = logging.getLogger(__name__)


def parse_json_feed(body: bytes, content_type: str | None, url: str) -> ParsedFeed:
    """Parse a JSON Feed; FeedError when the body is not JSON or the JSON is not a feed."""
    try:
        data = load_json(body, content_type, url)
    except SourceError as exc:  # a FeedError, so that `auto` may still read the body as a page
        raise FeedError(str(exc)) from None
    return json_feed(data, url)


def json_feed(data: Any, url: str) -> ParsedFeed:
    """A JSON Feed already parsed (a JSON listing found it is one): read once, not decoded again."""
    if not is_json_feed(data):
        raise FeedError(f'{url} sends JSON but not a JSON Feed; use kind "json" for a JSON notice list')
    entries = []
    for raw in data.get("items", [])[:MAX_ITEMS]:
        if not isinstance(raw, dict):
            continue
        try:
            entry = _entry(raw, url)
        except Exception:  # one malformed item must not cost the feed its good ones
            log.warning("JSON feed %s: skipped a malformed item", url, exc_info=True)
            continue
        if entry is not None:
            entries.append(entry)
    return ParsedFeed(
        title=_text(data.get("title")),
        link=_text(data.get("home_page_url")) or url,
        entries=entries,
        next=canonical_url(_text(data.get("next_url")), url) if data.get("next_url") else "",
    )


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _entry(raw: dict[str, Any], feed_url: str) -> FeedEntry | None:
    guid = _text(raw.get("id")) or (str(raw["id"]) if isinstance(raw.get("id"), int) else "")
    link = _text(raw.get("url")) or _text(raw.get("external_url"))
    url = canonical_url(link, feed_url) if link else ""
    title = _text(raw.get("title"))
    content_html = raw.get("content_html") if isinstance(raw.get("content_html"), str) else ""
    content = html_to_text(content_html) if content_html else ""
    plain = raw.get("content_text")
    if not content and isinstance(plain, str):
        # Plain text: html_to_text keeps its paragraphs, but would read a "<" in it as markup.
        content = html_to_text(plain) if "<" not in plain else " ".join(plain.split())
    summary = _text(raw.get("summary"))
    if not url and not (title and guid):
        return None
    if not title:  # JSON Feed items may be untitled (microblogs): the start of the text stands in
        title = (content or summary)[:80]
    enclosures = [
        {"href": a.get("url", ""), "type": a.get("mime_type", ""), "title": a.get("title", "")}
        for a in raw.get("attachments") or []
        if isinstance(a, dict) and isinstance(a.get("url"), str)
    ]
    files = feed_attachment_links({"enclosures": enclosures}, url or feed_url, [content_html or ""])
    return FeedEntry(
        url=url,
        title=title,
        guid=guid,
        published=json_date(raw.get("date_published")) or json_date(raw.get("date_modified")),
        text=content or summary,
        teaser=not content,  # only a summary: the linked article is fetched, as for RSS teasers
        attachments=tuple(files),
    )
