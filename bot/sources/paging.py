"""Catch-up over a listing's later pages: which to read and when to stop (the poller says what is new)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.identity import identity_key, normalize_title
from bot.sources.fetch import Fetcher
from bot.sources.listing import Entry, Listing, read_next_page
from bot.sources.urls import canonical_url, same_site

__all__ = ["Pages", "entry_key", "later_pages", "overflows"]

log = logging.getLogger(__name__)

Stored = Callable[[list[str]], Awaitable[set[str]]]  # which of these entry keys the source has stored
# Which of these titles the source has stored under any key (compared as bot.identity.normalize_title does).
StoredTitles = Callable[[list[str]], Awaitable[set[str]]]


@dataclass(frozen=True, slots=True)
class Pages:
    """What a catch-up read: page 1's entries and the later pages', in page order."""

    entries: list[Entry]
    read: int  # pages read, page 1 included
    # A later page failed or redirected off-site before the walk could tell where the new notices end:
    # the next poll should read on from there.
    cut_short: bool = False


def entry_key(entry: Entry) -> str:
    """The identity key a listing entry is stored under (bot.identity)."""
    return identity_key(guid=entry.guid, url=entry.url, title=entry.title, published=entry.published)


def overflows(keys: list[str], stored: set[str]) -> bool:
    """Whether a page's entries (keys in page order) are all new, so that older new ones may be on the next.

    Stored entries at the top do not count: sites pin an old notice above the list (置顶), and it would
    otherwise stop every catch-up. A stored entry below a new one does: the list has reached what we saw.
    """
    top = 0
    while top < len(keys) and keys[top] in stored:
        top += 1
    rest = keys[top:]
    return bool(rest) and not any(k in stored for k in rest)


async def _titled(page: list[Entry], stored_titles: StoredTitles) -> set[str]:
    """The keys of the page's entries whose title the source has stored."""
    titles = {entry_key(e): e.title for e in page if normalize_title(e.title)}
    known = await stored_titles(list(dict.fromkeys(titles.values())))
    return {key for key, t in titles.items() if t in known}


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
    size cap and the poll's deadline hold; a next page that redirects to another site is read once, then
    dropped.

    The next page is read while every entry of the page before is new (overflows), up to max_pages pages
    or max_entries entries; the first read_anyway pages are read whatever they hold (the last catch-up did
    not store all it listed, or was cut short). A later page that fails, leads off-site or back to a page
    already read, or lists nothing ends it; the pages before count. Nothing here raises for a later page:
    its failure is logged, and reported as cut_short.

    A page is all new only if its notices are new by title too: a site that moves its notices to new links
    (http to https, new article paths) lists every one under a new key, and paging would then deliver up to
    max_pages pages of old notices instead of one.
    """
    entries = list(listing.entries)
    listed = {entry_key(e) for e in entries}
    visited = {canonical_url(listing.feed_url), canonical_url(source_url)}
    page, url, pages = listing.entries, listing.next_url, 1
    while url and max_pages > 1:
        if pages >= read_anyway:
            page_keys = [entry_key(e) for e in page]
            if not page_keys or not overflows(page_keys, await stored(page_keys)):
                break
            if not overflows(page_keys, await _titled(page, stored_titles)):
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
        if url in visited:
            log.warning("source %s: listing page %s links back to a page already read", source, url)
            break
        visited.add(url)
        try:
            later = await read_next_page(fetcher, url, listing, item_selector=item_selector)
        except Exception as exc:  # a failing later page costs only itself: the pages before are kept
            log.warning("source %s: listing page %d (%s) not read: %s", source, pages + 1, url, exc)
            return Pages(entries, pages, cut_short=True)
        if not same_site(later.feed_url, listing.feed_url):  # redirected to another site: not this listing
            log.warning("source %s: listing page %s redirects to another site; not read", source, url)
            return Pages(entries, pages, cut_short=True)
        pages += 1
        visited.add(canonical_url(later.feed_url))
        # A notice that slid from one page to the next while we read is listed once.
        page = [e for e in later.entries if entry_key(e) not in listed]
        listed.update(entry_key(e) for e in page)
        entries += page
        url = later.next_url
        if not page:
            break
    return Pages(entries, pages)
