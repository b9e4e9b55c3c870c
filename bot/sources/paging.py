"""Catch-up over a listing's later pages: which to read and when to stop (the poller says what is new)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from bot.identity import dup_key, identity_key, normalize_title, telling_title
from bot.sources.fetch import Fetcher
from bot.sources.listing import Entry, Listing, read_next_page
from bot.sources.urls import canonical_url, same_site

__all__ = ["Pages", "entry_key", "later_pages", "moved", "overflows"]

log = logging.getLogger(__name__)

Stored = Callable[[list[str]], Awaitable[set[str]]]  # which of these entry keys the source has stored
# The title and publication date of each notice the source has stored whose title is one of these, exactly.
StoredTitles = Callable[[list[str]], Awaitable[list[tuple[str, datetime | None]]]]


@dataclass(frozen=True, slots=True)
class Pages:
    """What a catch-up read: page 1's entries and the later pages', in page order."""

    entries: list[Entry]
    read: int  # pages read, page 1 included
    # A later page failed or redirected off-site before the walk could tell where the new notices end:
    # the next poll should read on from there.
    cut_short: bool = False


def _page(url: str, body: str) -> str:
    """What tells a listing page from the others: its URL, and the body it is POSTed with (if it is)."""
    return f"{url}\n{body}" if body else url


def entry_key(entry: Entry) -> str:
    """The identity key a listing entry is stored under (bot.identity)."""
    return identity_key(guid=entry.guid, url=entry.url, title=entry.title, published=entry.published)


def _pinned(keys: list[str], stored: set[str]) -> int:
    """How many stored entries head the page: sites pin an old notice above the list (置顶)."""
    top = 0
    while top < len(keys) and keys[top] in stored:
        top += 1
    return top


def overflows(keys: list[str], stored: set[str]) -> bool:
    """Whether a page's entries (keys in page order) are all new, so that older new ones may be on the next.

    Stored entries at the top do not count: a pinned old notice would otherwise stop every catch-up. A stored
    entry below a new one does: the list has reached what we saw.
    """
    rest = keys[_pinned(keys, stored) :]
    return bool(rest) and not any(k in stored for k in rest)


def _seen(entry: Entry, keys: set[str], titles: set[str]) -> bool:
    """Whether a stored notice is this entry under another link: the same title and date, as bot.identity's
    dup_key links one notice of two sources (the title alone where the listing gives no date); keys and
    titles are the stored notices' dup keys and normalised titles."""
    if not telling_title(entry.title):  # "通知公告" recurs: it tells nothing
        return False
    if entry.published is None:
        return normalize_title(entry.title) in titles
    return dup_key(entry.title, entry.published, "") in keys


async def moved(page: list[Entry], keys: list[str], stored: set[str], stored_titles: StoredTitles) -> bool:
    """Whether a page whose entries look all new (overflows) lists notices already seen under new links.

    A site that moves its notices (http to https, new article paths) moves all of them: most of the page's
    entries below the pinned ones are then stored by title and date. One new notice titled like an old one
    ("Public Notice", a yearly notice re-issued) is not a move, and must not end a catch-up.
    """
    rest = page[_pinned(keys, stored) :]
    found = await stored_titles(list(dict.fromkeys(e.title for e in rest if telling_title(e.title))))
    found_keys = {dup_key(title, published, "") for title, published in found}
    found_titles = {normalize_title(title) for title, _ in found}
    return 2 * sum(_seen(e, found_keys, found_titles) for e in rest) > len(rest)


async def later_pages(
    fetcher: Fetcher,
    listing: Listing,
    stored: Stored,
    stored_titles: StoredTitles,
    *,
    source: str,
    source_url: str,
    item_selector: str = "",
    max_pages: int,
    max_entries: int,
    read_anyway: int = 1,
) -> Pages:
    """The listing's entries and those of the later pages a catch-up needs.

    When every notice on a listing page is new, older new ones may have rolled onto the next page (a busy
    source, or the bot was down). The next page (rel="next", a 下一页 link, the CMS pager script:
    bot.sources.nextpage, a link on the same site) is read through the one fetch path, so netguard, the
    size cap and the poll's deadline hold; a next page that redirects to another site is fetched, then
    dropped unread (a POST JSON source's page is never redirected off its own host: bot.sources.fetch).

    The next page is read while every entry of the page before is new (overflows), up to max_pages pages
    or max_entries entries; the first read_anyway pages are read whatever they hold (the last catch-up did
    not store all it listed, or was cut short). A later page that fails, leads off-site or back to a page
    already read, or lists nothing ends it; the pages before count. Nothing here raises for a later page:
    its failure is logged, and reported as cut_short.

    A page is all new only if its notices are not, for the most part, stored by title and date (moved): a
    site that moves its notices to new links lists every one under a new key, and paging would then deliver
    up to max_pages pages of old notices instead of one.
    """
    entries = list(listing.entries)
    listed = {entry_key(e) for e in entries}
    # A POST JSON source's pages share one URL: its body (its page number) tells them apart.
    visited = {
        _page(canonical_url(listing.feed_url), listing.body),
        _page(canonical_url(source_url), listing.body),
    }
    page, url, body, pages = listing.entries, listing.next_url, listing.next_body, 1
    while url and max_pages > 1:
        if pages >= read_anyway:
            page_keys = [entry_key(e) for e in page]
            if not page_keys:
                break
            known = await stored(page_keys)
            if not overflows(page_keys, known):
                break
            if await moved(page, page_keys, known, stored_titles):
                log.info(
                    "source %s: listing page %d lists notices already seen under new links", source, pages
                )
                break
        if pages >= max_pages or len(entries) >= max_entries:
            # A poll takes at most max_entries, newest first: a page beyond that would be read for nothing.
            log.warning(
                "source %s: all %d listing pages read (%d entries) were new; older notices may be missed "
                "(raise [poll] max_pages or max_entries)",
                source,
                pages,
                len(entries),
            )
            break
        if _page(url, body) in visited:
            log.warning("source %s: listing page %s links back to a page already read", source, url)
            break
        visited.add(_page(url, body))
        try:
            later = await read_next_page(fetcher, url, listing, item_selector=item_selector, body=body)
        except Exception as exc:  # a failing later page costs only itself: the pages before are kept
            log.warning("source %s: listing page %d (%s) not read: %s", source, pages + 1, url, exc)
            return Pages(entries, pages, cut_short=True)
        if not same_site(later.feed_url, listing.feed_url):  # redirected to another site: not this listing
            log.warning("source %s: listing page %s redirects to another site; not read", source, url)
            return Pages(entries, pages, cut_short=True)
        pages += 1
        visited.add(_page(canonical_url(later.feed_url), body))
        # A notice that slid from one page to the next while we read is listed once.
        page = [e for e in later.entries if entry_key(e) not in listed]
        listed.update(entry_key(e) for e in page)
        entries += page
        url, body = later.next_url, later.next_body
        if not page:
            break
    return Pages(entries, pages)
