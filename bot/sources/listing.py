"""The two-phase API the poller calls: read a source's listing (feed or page), then fetch one entry.

read_listing() does one conditional GET (two when `auto` follows a page's <link rel=alternate> feed; one POST,
never conditional, for a JSON source with method=POST or a body) and returns candidate entries and the
listing's next page; read_next_page() reads that one (the poller decides
whether to); fetch_entry() turns an entry into a FetchedItem, fetching and extracting the
article page when the listing only gave a link or a teaser. Dedup is not done here: that is the poller's.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal

from bot.attachments.kinds import extension_of, sniff
from bot.attachments.links import find_attachment_links, merge_links
from bot.dates import CHINA_TZ
from bot.models import AttachmentLink, FetchedItem, SourceKind
from bot.sources.decode import decode_body
from bot.sources.errors import ExtractError, FeedError, NoListError, NotAFeedError, SourceError
from bot.sources.extract import Article, extract_article
from bot.sources.feeds import find_feed_links, looks_like_html, parse_feed
from bot.sources.fetch import Fetcher, FetchResult
from bot.sources.jsonbody import body_content, next_page_body
from bot.sources.jsonfeed import json_feed, parse_json_feed
from bot.sources.jsonfields import JsonFields, parse_fields
from bot.sources.jsonlist import (
    find_json_links,
    is_json_feed,
    json_labelled,
    load_json,
    looks_like_json,
    next_page_url,
)
from bot.sources.nextpage import find_next_page
from bot.sources.pages import PageLink, find_notice_links
from bot.sources.urls import same_site
from bot.sources.workers import run_parser

__all__ = ["Entry", "Listing", "fetch_entry", "needs_article", "read_listing", "read_next_page"]

ListingKind = Literal["feed", "page", "json"]
# What a JSON source's endpoint is asked for: one that also speaks XML answers in the first type asked.
JSON_ACCEPT = "application/json, text/javascript;q=0.9, */*;q=0.5"


@dataclass(frozen=True, slots=True)
class Entry:
    """A candidate notice from a listing; text is None when the article page must be fetched."""

    url: str
    title: str
    guid: str = ""
    published: datetime | None = None
    text: str | None = None
    teaser: bool = False
    kind: ListingKind = "page"  # where it came from: feed dates are exact, page and JSON dates often day-only
    attachments: tuple[AttachmentLink, ...] = ()  # feed enclosures and file links in the entry's body


@dataclass(frozen=True, slots=True)
class Listing:
    """One read of a source: feed_url is the URL read, after redirects; lasting_url is the one to poll next
    time (feed_url, unless only a temporary redirect led there). etag/last_modified are feed_url's.

    On not_modified there are no entries, and kind only repeats what was asked ("feed" for auto).
    """

    kind: ListingKind
    feed_url: str
    lasting_url: str
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    entries: list[Entry] = field(default_factory=list)
    links_found: int = 0  # the number of entries (links of a page or JSON list, entries of a feed)
    next_url: str = ""  # the next (older) page of the listing, same site; '' when there is none
    next_body: str = ""  # a POST JSON source's next page is next_url POSTed with this body (jsonbody)
    body: str = ""  # the body this page was POSTed with ('' for a GET)
    # Why no list of notices was found where one belongs (the site's layout changed?); '' when one was,
    # even an empty one: a page without notice links, a JSON listing whose list is missing (not empty).
    missing: str = ""


async def read_listing(
    fetcher: Fetcher,
    url: str,
    *,
    kind: SourceKind = "auto",
    item_selector: str = "",
    etag: str | None = None,
    last_modified: str | None = None,
) -> Listing:
    """Fetch url (conditionally) and list its entries. Raises SourceError subclasses on failure."""
    chosen = _json_fields(item_selector) if kind == "json" else JsonFields()
    if chosen.post:  # never conditional: the body, not the URL, says which page
        result = await _post(fetcher, url, chosen.body)
        return await _json_listing(result, item_selector, body=chosen.body)
    accept = JSON_ACCEPT if kind == "json" else None
    result = await fetcher.fetch(url, etag=etag, last_modified=last_modified, accept=accept)
    if result.not_modified:
        return _unchanged(kind if kind in ("page", "json") else "feed", result)
    if kind == "page":
        return await _page_listing(result, item_selector)
    if kind == "json":
        return await _json_listing(result, item_selector)
    if kind == "feed":
        return await _feed_listing(result)
    # auto: a feed if it parses as one (JSON Feed too), else a JSON listing, else the page's advertised
    # feed, else the page itself.
    if looks_like_json(result.body, result.content_type) and not looks_like_html(result.body):
        try:
            data = await run_parser(load_json, result.body, result.content_type, result.url, what=result.url)
        except SourceError:
            if json_labelled(result.content_type):
                raise
            # Text that merely starts with "[" or "{" and is not labelled JSON: read on as before.
        else:
            listing = await _json_listing(result, item_selector, data)
            if listing.missing:  # guessing the kind: JSON without a list of notices is no source yet
                raise NoListError(listing.missing)
            return listing
    if not looks_like_html(result.body, result.content_type):
        try:
            return await _feed_listing(result)
        except NotAFeedError:
            pass
        except FeedError:
            if not _could_be_html(result):
                raise
    html = await run_parser(decode_body, result.body, result.content_type, what=result.url)
    advertised = await run_parser(find_feed_links, html, result.url, what=result.url)
    for feed_url in advertised[:2]:
        try:
            feed_result = await fetcher.fetch(feed_url)
            return await _feed_listing(feed_result)
        except SourceError:
            continue  # a dead advertised feed: the page itself is still a source
    return await _page_listing(result, item_selector, html)


async def read_next_page(
    fetcher: Fetcher, url: str, listing: Listing, *, item_selector: str = "", body: str = ""
) -> Listing:
    """A later page of listing, read as the same kind (no conditional GET); a POST JSON source's (method=POST
    or a body in item_selector) is POSTed, with body (its next page's) when it pages by its body. Raises
    SourceError subclasses."""
    if listing.kind == "json" and _json_fields(item_selector).post:
        later = await _json_listing(await _post(fetcher, url, body), item_selector, body=body)
        if later.missing:
            raise NoListError(later.missing)
        return later
    result = await fetcher.fetch(url, accept=JSON_ACCEPT if listing.kind == "json" else None)
    if listing.kind == "feed":
        return await _feed_listing(result)
    if listing.kind == "json":
        later = await _json_listing(result, item_selector)
        if later.missing:  # a failed page, tried again at the next polls (bot.sources.paging)
            raise NoListError(later.missing)
        return later
    return await _page_listing(result, item_selector)


def _json_fields(item_selector: str) -> JsonFields:
    try:
        return parse_fields(item_selector)
    except ValueError as exc:
        raise SourceError(f"{exc}; fix this JSON source's json_* keys or url_template") from None


async def _post(fetcher: Fetcher, url: str, body: str) -> FetchResult:
    """A POST JSON source's page; its validators dropped, so that the poller never sends them with a GET."""
    result = await fetcher.fetch(url, accept=JSON_ACCEPT, post=body_content(body))
    return replace(result, etag=None, last_modified=None)


def _could_be_html(result: FetchResult) -> bool:
    return b"<a " in result.body[:200_000].lower() or b"<html" in result.body[:4096].lower()


def _unchanged(kind: ListingKind, result: FetchResult) -> Listing:
    return Listing(
        kind=kind,
        feed_url=result.url,
        lasting_url=result.lasting_url,
        not_modified=True,
        etag=result.etag,
        last_modified=result.last_modified,
    )


async def _feed_listing(result: FetchResult, data: Any = None) -> Listing:
    """A feed's entries; data: the body already parsed as JSON (a JSON Feed), so it is not decoded twice."""
    if data is not None:
        feed = await run_parser(json_feed, data, result.url, what=result.url)
    elif looks_like_json(result.body, result.content_type) and not looks_like_html(result.body):
        feed = await run_parser(
            parse_json_feed, result.body, result.content_type, result.url, what=result.url
        )
    else:
        feed = await parse_feed(result.body, url=result.url, headers=result.headers)
    entries = [
        Entry(
            url=e.url,
            title=e.title,
            guid=e.guid,
            published=e.published,
            text=e.text or None,
            teaser=e.teaser,
            kind="feed",
            attachments=e.attachments,
        )
        for e in feed.entries
    ]
    return Listing(
        kind="feed",
        feed_url=result.url,
        lasting_url=result.lasting_url,
        etag=result.etag,
        last_modified=result.last_modified,
        entries=entries,
        links_found=len(entries),
        next_url=feed.next if same_site(feed.next, result.url) else "",
    )


async def _page_listing(result: FetchResult, item_selector: str, html: str | None = None) -> Listing:
    # Off the event loop and time-limited: a hostile page must not stall every chat and every source.
    try:
        links, next_url = await run_parser(_links, result, item_selector, html, what=result.url)
    except ValueError as exc:  # an invalid selector from the config
        raise SourceError(f"{exc}; fix item_selector for this source") from None
    # A listing page with no notice links usually means the site was redesigned.
    missing = "" if links else f"the page at {result.url} yielded no notice links"
    return _linked("page", result, links, next_url, missing)


async def _json_listing(result: FetchResult, item_selector: str, data: Any = None, body: str = "") -> Listing:
    """A JSON endpoint's notice list (bot.sources.jsonlist); a JSON Feed is read as the feed it is. body: what
    this page was POSTed with ('' for a GET)."""
    chosen = _json_fields(item_selector)
    if data is None:
        data = await run_parser(load_json, result.body, result.content_type, result.url, what=result.url)
    if is_json_feed(data):
        return await _feed_listing(result, data)
    try:
        links = await run_parser(find_json_links, data, result.url, chosen, what=result.url)
    except NoListError as exc:  # the list is gone, not empty: a layout change, flagged as a page's is
        return _linked("json", result, [], "", str(exc))
    # The catch-up (bot.sources.paging) reads the next page only while every notice on this one is new.
    if body and chosen.next and links:  # the page field is in the body: the same URL, the next body
        next_body = next_page_body(body, chosen.next)
        return replace(
            _linked("json", result, links, result.url if next_body else ""), next_body=next_body, body=body
        )
    next_url = next_page_url(result.url, chosen.next) if chosen.next and links else ""
    return replace(_linked("json", result, links, next_url), body=body)


def _linked(
    kind: ListingKind, result: FetchResult, links: list[PageLink], next_url: str, missing: str = ""
) -> Listing:
    """A page's or JSON list's links as the listing's entries (each needs its article fetched); missing says
    why there is no list at all, if so."""
    entries = [Entry(url=link.url, title=link.title, published=link.published, kind=kind) for link in links]
    return Listing(
        kind=kind,
        feed_url=result.url,
        lasting_url=result.lasting_url,
        etag=result.etag,
        last_modified=result.last_modified,
        entries=entries,
        links_found=len(entries),
        next_url=next_url,
        missing=missing,
    )


def _links(result: FetchResult, item_selector: str, html: str | None) -> tuple[list[PageLink], str]:
    if html is None:
        html = decode_body(result.body, result.content_type)
    return find_notice_links(html, result.url, item_selector), find_next_page(html, result.url)


def needs_article(entry: Entry, *, fetch_article: bool = True) -> bool:
    """Whether fetch_entry() will fetch the entry's article page (the listing lacks its text)."""
    needs_page = entry.text is None or (entry.teaser and fetch_article)
    return needs_page and fetch_article and bool(entry.url)


async def fetch_entry(fetcher: Fetcher, entry: Entry, *, fetch_article: bool = True) -> FetchedItem:
    """The entry as a FetchedItem, with the article page fetched and extracted when the listing lacked text.

    Raises SourceError subclasses when the article cannot be fetched or has no text.
    """
    if not needs_article(entry, fetch_article=fetch_article):
        return FetchedItem(
            url=entry.url,
            title=entry.title,
            text=entry.text or "",
            published=entry.published,
            guid=entry.guid,
            attachment_links=entry.attachments,
        )
    # The entry links straight to a PDF or Word file (English agencies do): the file is the notice. Known by
    # its name, it is not fetched as a page: the attachment reader downloads it once, under its own size cap.
    result = None
    if not extension_of(entry.url):
        result = await fetcher.fetch(entry.url)  # the fetcher's size cap bounds what reaches the extractor
    if result is None or sniff(result.body) not in ("", "html"):
        link = AttachmentLink(url=entry.url, name=entry.title)
        return FetchedItem(
            url=entry.url,
            title=entry.title,
            text=entry.text or "",
            published=entry.published,
            guid=entry.guid,
            attachment_links=tuple(merge_links([link, *entry.attachments])),
        )
    article, links = await run_parser(_extract, result, what=result.url)
    text = article.text
    if not text:
        if entry.text:
            text = entry.text  # a teaser is better than nothing
        elif not links:  # a page that only links its attachments is still a notice: they are its text
            raise ExtractError(f"no article text found at {result.url}; set item_selector or check the page")
    return FetchedItem(
        url=entry.url,
        title=_best_title(entry.title, article.title),
        text=text,
        published=_best_date(entry, article.published),
        guid=entry.guid,
        attachment_links=tuple(merge_links([*entry.attachments, *links])),
    )


def _extract(result: FetchResult) -> tuple[Article, list[AttachmentLink]]:
    # In the parse pool: decoding, extraction and link finding are the CPU-bound part of an article.
    html = decode_body(result.body, result.content_type)
    return extract_article(html, result.url), find_attachment_links(html, result.url)


def _best_title(listed: str, extracted: str) -> str:
    # Listings truncate long titles ("关于做好…"); the article's own heading is complete.
    stem = listed.rstrip(".…").strip()
    if not stem or (extracted and (listed != stem or extracted.startswith(stem))):
        return extracted or listed
    return listed


def _best_date(entry: Entry, extracted: datetime | None) -> datetime | None:
    if entry.published is None:
        return extracted
    # A listing's day-only date is the calendar day in the site's zone; the article page may add the time.
    if (
        entry.kind != "feed"
        and extracted is not None
        and extracted.astimezone(CHINA_TZ).date() == entry.published.date()
    ):
        return extracted  # same day, but the article page also has the time
    return entry.published
