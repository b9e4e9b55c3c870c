"""The poll cycle: which sources are due, fetching each within bounds, deciding what is new, storing it once."""

from __future__ import annotations

import asyncio
import functools
import logging
import random
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.attachments.compose import notice_text, summarize_item
from bot.attachments.reader import AttachmentReader
from bot.attachments.retry import is_retry, stored_hash, waiting
from bot.changelinks import find_earlier
from bot.config import PollConfig
from bot.errors import SourceError, StorageError
from bot.identity import content_hash, dup_key
from bot.models import FetchedItem, NewNotice, PendingPages, Source, Summary
from bot.sources.errors import GONE_HINT, FetchError, HTTPStatusError, NoListError, without_query
from bot.sources.fetch import Fetcher
from bot.sources.listing import Entry, Listing, fetch_entry, needs_article, read_listing
from bot.sources.netguard import net_scope
from bot.sources.paging import Pages, entry_key, later_pages
from storage.api import PollStore
from storage.errors import LeaseLost

__all__ = ["LeaseLost", "NewNoticeReport", "PollReport", "Poller", "backoff_delay", "newest_entries"]

log = logging.getLogger(__name__)

Summarizer = Callable[[FetchedItem], Summary | None]


@dataclass(frozen=True, slots=True)
class NewNoticeReport:
    """One notice a poll stored for the first time."""

    id: int
    source: str
    title: str
    url: str
    published: datetime | None
    delivered: bool  # False on a source's first poll (recorded as seen)


@dataclass(slots=True)
class PollReport:
    """What polling one source did."""

    source: str
    new: list[NewNoticeReport] = field(default_factory=list)
    updated: int = 0
    not_modified: bool = False
    error: str | None = None
    skipped_articles: int = 0
    layout_changed: bool = False
    # Worth telling the admins, once: the page just stopped yielding links, or the source was just paused.
    alert: str | None = None
    kind: str = ""  # what the listing was read as ("feed", "page", "json"), once it was read
    selector: str = ""  # its item_selector: a page's CSS selector, a JSON source's fields (jsonfields)
    busy: bool = False  # not polled: another instance holds its lease and is polling it (/pollnow)
    running: bool = False  # not polled again: this poller is polling it already (/pollnow)


def _gone_key(error: str) -> str | None:
    """A 404's or 410's status and the URL that answered it, without its query or fragment, read from its
    error text ("HTTP 404 Not Found from http://h/error?sid=7: …" gives "404 http://h/error": a feed that
    redirects to an error page naming a new session each time is the same gone feed); None for any other
    error. The text's start only: an error may go on with another URL's (_read_configured)."""
    if not error.startswith(("HTTP 404", "HTTP 410")):
        return None
    head = error.partition(f": {GONE_HINT}")[0]  # a stored error cut short may have lost the hint
    url = head[head.rfind(" ") + 1 :]
    return f"{error[5:8]} {without_query(url)}"


def _gone(source: Source, exc: HTTPStatusError) -> bool:
    """Whether the source's stored feed_url (a discovered feed, or where a permanent redirect led) is gone:
    it answered 410, or 404 now and on the last poll too, from the same URL (_gone_key); one 404 may be a
    site's passing fault."""
    if source.feed_url is None or exc.status not in (404, 410):
        return False
    return exc.status == 410 or (source.failures > 0 and _gone_again(source, exc))


def _gone_again(source: Source, exc: HTTPStatusError) -> bool:
    """Whether the source's last error was this same 404 or 410 from the same URL (_gone_key)."""
    return _gone_key(source.last_error or "") == _gone_key(str(exc))


# Appended to a gone feed's error when the configured URL led to no feed and the feed was kept
# (_read_configured); a 404's or 410's text with its hint fits well within the 500 characters stored of an
# error (bot.sources.errors shortens a long URL in it).
_NO_FEED = "; the configured URL leads to no feed:"

_BATCH = 20  # entries stored per transaction while a poll goes on
_CATCH_UP = 60.0  # seconds: the next poll of a source whose article budget ran out
# Polls a catch-up is tried on while a later listing page fails (or redirects off-site), or an article
# listed on one does, before giving up on it: a page or an article broken for good then costs a few fetches,
# not the listing pages in full (their validators unsaved) on every poll.
_PAGE_TRIES = 3
# First polls of a JSON source that fail because its list is missing, before one is recorded without it.
_FIRST_LIST_TRIES = 3


def newest_entries(entries: list[Entry], cap: int) -> list[Entry]:
    """At most cap entries, newest first by date (listing order among equal or missing dates)."""
    if len(entries) <= cap:
        return entries
    floor = datetime.min.replace(tzinfo=UTC)
    # Listings are newest first; a dated entry sorts by its date, undated ones keep their place after.
    ranked = sorted(enumerate(entries), key=lambda p: (-(p[1].published or floor).timestamp(), p[0]))
    return [entry for _, entry in ranked[:cap]]


# The detected kind stored for a page settled on in place of a gone feed (_read_configured): polled as a page,
# but read as the configured kind, so that a feed the page advertises again is found (and taken) anew.
_SETTLED_PAGE = ""


def _first_poll(source: Source, kind: str) -> bool:
    """Whether this poll, whose listing was read as kind, is a first one: what it lists is old news, recorded
    as seen, at most spec.backfill delivered, no later pages read."""
    # A page whose last poll found no links was not understood then (detection failed, or the site was
    # down for maintenance): what it lists now is old news, not a burst of new notices. Not so a JSON list:
    # one missing at a source's first poll fails that poll (below, in _poll), so a recorded poll understood
    # it; a list found empty, or missing later in a source's life (one "busy" answer), leaves what appears
    # next to be news.
    if source.first_polled is None:
        return True
    known = "page" if source.detected_kind == _SETTLED_PAGE else source.detected_kind
    # A listing of another kind than last time (a gone feed's page settled on, or the feed the page leads to
    # again): its entries are keyed otherwise (a feed's by guid, a page's by link), so all would look new.
    if known is not None and kind != known:
        return True
    return known == "page" and source.last_item_count == 0


def _listed(entry: Entry) -> FetchedItem:
    return FetchedItem(entry.url, entry.title, entry.text or "", entry.published, entry.guid)


def backoff_delay(interval: float, failures: int, cap: float, rng: random.Random) -> float:
    """Exponential back-off after `failures` consecutive failures, jittered +-20%, never above cap."""
    base = min(cap, interval * 2.0 ** max(0, failures - 1))
    return min(cap, base * rng.uniform(0.8, 1.2))


def default_summarizer(budget: int, headline: int = 150) -> Summarizer:
    """The summariser the poller stores with each notice (bot.summarize), with the configured lengths."""

    def run(item: FetchedItem) -> Summary | None:
        return summarize_item(item, budget or None, headline)  # bot.summarize, with the attachments' text

    return run


class Poller:
    """Polls sources, each in its own task with its own deadline: a slow or huge source delays no other.

    The steps are separate methods so that other backends can hook in: claim_due() picks the due sources,
    poll_source() polls one (fetch, parse, then _store_entries() in small batches as entries complete).
    """

    def __init__(
        self,
        store: PollStore,
        fetcher: Fetcher,
        config: PollConfig,
        *,
        summarizer: Summarizer | None = None,
        rng: random.Random | None = None,
        attachments: AttachmentReader | None = None,
        on_report: Callable[[PollReport], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.config = config
        self.summarizer = summarizer
        self.attachments = attachments  # None: attachment links are not followed
        self.rng = rng or random.Random()
        # Called with each background poll's report (the bot wakes the sender and alerts admins there).
        self.on_report = on_report
        self.on_error = on_error  # and with what stopped a background poll (a storage failure)
        self._sources = asyncio.Semaphore(config.concurrency)
        self._tasks: dict[int, asyncio.Task[PollReport]] = {}

    async def claim_due(self, now: datetime | None = None, *, skip: Collection[int] = ()) -> list[Source]:
        """The due sources that are not being polled already (by this poller), none of the ids in skip."""
        due = await self.store.due_sources(now or datetime.now(UTC), skip=skip)
        return [s for s in due if s.id not in self._tasks]

    async def poll_due(self, now: datetime | None = None) -> list[PollReport]:
        """Poll every due source once, concurrently; return one report per source.

        A shared store hands out due sources in batches (leases), so claim again until nothing new is due:
        instances sharing the database then split a cycle between them as they finish batches.
        """
        reports: list[PollReport] = []
        seen: set[int] = set()
        # A source polled in this cycle is skipped by the claim itself: one whose record the lease fence
        # refused (its lease ran out during the poll) is still due, and claimed again it would stay leased,
        # and unpolled, for a whole lease.
        while batch := await self.claim_due(now, skip=seen):
            seen.update(s.id for s in batch)
            reports.extend(await self.poll_sources(batch, claimed=True))
        return reports

    async def poll_all(self) -> list[PollReport]:
        """Poll every active source now, due or not (/pollnow)."""
        return await self.poll_sources([s for s in await self.store.list_sources() if s.active])

    async def poll_sources(self, sources: list[Source], *, claimed: bool = False) -> list[PollReport]:
        """Poll these sources concurrently and wait for them; one already being polled is left to finish,
        and reported as running (its own poll reports its outcome: awaiting it here would alert twice).
        claimed: they come from claim_due, so each poll renews its lease first (and is skipped if lost)."""
        running = {s.id for s in sources if s.id in self._tasks}
        polls = self._start([s for s in sources if s.id not in running], claimed=claimed)
        reports = list(await asyncio.gather(*polls))
        return reports + [PollReport(source=s.name, running=True) for s in sources if s.id in running]

    def start_cycle(self) -> bool:
        """Start polling the due sources in the background, each in its own task; never waits for them."""
        task = asyncio.create_task(self._start_due(), name="noticebot-claim-due")
        task.add_done_callback(self._failed)
        return True

    @property
    def polling(self) -> int:
        """How many sources are being polled right now."""
        return len(self._tasks)

    async def stop(self) -> None:
        """Cancel the running polls (what they stored stays stored)."""
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _start_due(self) -> None:
        for task in self._start(await self.claim_due(), claimed=True):
            task.add_done_callback(self._reported)

    def _start(self, sources: list[Source], *, claimed: bool) -> list[asyncio.Task[PollReport]]:
        # Ids are registered before any task runs, so two callers cannot both start the same source.
        started = []
        for source in sources:
            if source.id in self._tasks:
                continue
            task = asyncio.create_task(self._bounded(source, claimed), name=f"poll-{source.name}")
            self._tasks[source.id] = task
            task.add_done_callback(functools.partial(self._forget, source.id))
            started.append(task)
        return started

    def _forget(self, source_id: int, _task: asyncio.Task[PollReport]) -> None:
        self._tasks.pop(source_id, None)

    def _reported(self, task: asyncio.Task[PollReport]) -> None:
        if not self._failed(task) and not task.cancelled() and self.on_report is not None:
            self.on_report(task.result())

    def _failed(self, task: asyncio.Task[Any]) -> bool:
        if task.cancelled() or task.exception() is None:
            return False
        exc = task.exception()
        assert exc is not None
        if self.on_error is not None:
            self.on_error(exc)
        else:
            log.error("polling failed", exc_info=exc)
        return True

    async def _bounded(self, source: Source, claimed: bool) -> PollReport:
        queued = self._sources.locked()  # no slot free: this poll waits behind others
        async with self._sources:
            # A claim takes a batch of sources at once and its leases start then; one queued behind the
            # others for a slot starts its lease again, so the lease outlasts its own poll's deadline. One
            # that waited so long that another instance took it is that instance's to poll.
            now = datetime.now(UTC)
            if (
                claimed
                and queued
                and await self.store.renew_lease(source.id, now, lease=source.lease) is None
            ):
                log.info(
                    "source %s: another instance took its lease while it waited; not polled", source.name
                )
                return PollReport(source=source.name)
            # A poll nobody claimed (/pollnow) takes the lease as a claim would, with a new fencing token: what
            # it records is fenced by it. One that another instance holds is that instance's poll to finish.
            if not claimed:
                token = await self.store.renew_lease(source.id, now, take=True)
                if token is None:
                    log.info("source %s: another instance is polling it; not polled", source.name)
                    return PollReport(source=source.name, busy=True)
                source = replace(source, lease=token)
            return await self.poll_source(source)

    def _allow_private(self, source: Source) -> bool:
        allowed = self.config.allow_private
        return "*" in allowed or source.name in allowed

    async def poll_source(self, source: Source) -> PollReport:
        """Poll one source and record its health; errors become the report's `error`, never exceptions.

        Storage failures are the exception: they are nobody's source's fault and propagate.
        """
        report = PollReport(source=source.name, selector=source.spec.item_selector)
        interval = source.spec.interval or self.config.interval
        deadline = self.config.deadline
        try:
            # Every fetch for this source (its discovered feed, articles, redirects) acts for the host the
            # config names: a page cannot make its advertised feed's host a trusted one.
            with net_scope(source.spec.url, allow_private=self._allow_private(source)):
                async with asyncio.timeout(deadline):
                    await self._poll(source, report)
        except StorageError:
            raise
        except LeaseLost as exc:
            return self._lease_lost(source, report, str(exc))
        except SourceError as exc:
            report.error = str(exc)
        except TimeoutError:
            # What was stored before the deadline stays stored; the next poll goes on from there.
            report.error = f"the poll took longer than its deadline ({deadline:g}s); stopped"
        except Exception as exc:  # a parser bug on hostile input must not stop the other sources
            log.exception("unexpected error polling %s", source.name)
            report.error = f"internal error: {type(exc).__name__}: {exc}"
        now = datetime.now(UTC)
        if report.error is None:
            return report
        delay = backoff_delay(interval, source.failures + 1, max(interval, self.config.max_backoff), self.rng)
        failures = await self.store.record_poll_failure(
            source.id,
            now=now,
            next_due=now + timedelta(seconds=delay),
            error=report.error,
            pause_after=self.config.pause_after_failures,
            lease=source.lease,
        )
        if failures is None:
            return self._lease_lost(source, report, "its failure")
        pause = failures >= self.config.pause_after_failures
        if pause:
            report.alert = "paused"
        log.warning(
            "source %s failed (%d in a row%s): %s",
            source.name,
            failures,
            ", paused" if pause else f", next try in {delay:.0f}s",
            report.error,
        )
        return report

    def _lease_lost(self, source: Source, report: PollReport, what: str) -> PollReport:
        """A poll whose write the lease fence refused: logged, and reported with no alert (the instance
        holding the lease now decides those); the notices it stored stay stored (idempotent by key)."""
        log.warning(
            "source %s: its lease ran out during this poll (another instance may hold it now); the poll"
            " stopped without recording %s",
            source.name,
            what,
        )
        report.alert = None
        report.layout_changed = False
        return report

    async def _poll(self, source: Source, report: PollReport) -> None:
        spec = source.spec
        # A discovered feed, or where a permanent redirect led, is polled directly next time.
        url = source.feed_url or spec.url
        listing = await self._read_listing(source, url)
        report.kind = listing.kind
        now = datetime.now(UTC)
        interval = spec.interval or self.config.interval
        next_due = now + timedelta(seconds=interval * self.rng.uniform(0.95, 1.05))
        # The URL to poll next time, stored on every success: a source whose redirect led back to its configured
        # URL polls that again (None), rather than keeping the address it moved to once.
        lasting = listing.lasting_url if listing.lasting_url != spec.url else None
        if listing.not_modified:
            report.not_modified = True
            await self._record_success(
                source,
                now=now,
                next_due=next_due,
                etag=listing.etag or source.etag,
                last_modified=listing.last_modified or source.last_modified,
                validated_url=listing.feed_url,
                detected_kind=None,
                feed_url=lasting,
                item_count=None,
                layout_changed=source.layout_changed,
            )
            return
        # A JSON list missing at a source's first poll: recorded, this poll would make the list that appears
        # next (the site was busy, or json_items is wrong) old news; failed, the next poll is still the first
        # and records it as seen, not a burst. Admins hear of it at once; after a few such polls (an API that
        # answers null while it has no notices yet) it is recorded after all, rather than failing on to a pause.
        first_missing = bool(listing.missing) and listing.kind == "json" and source.first_polled is None
        if first_missing and source.failures < _FIRST_LIST_TRIES:
            if source.failures == 0:
                report.layout_changed, report.alert = True, "layout_changed"
            raise NoListError(listing.missing)
        # A listing page without notice links, or a JSON listing without its list (an empty list is no
        # notices today, not a redesign), usually means the site was redesigned.
        report.layout_changed = bool(listing.missing)
        if (
            report.layout_changed and not source.layout_changed and not first_missing
        ):  # told at its first poll
            report.alert = "layout_changed"
        if report.layout_changed:
            log.warning("source %s: %s; layout changed?", source.name, listing.missing)
        # A source whose last poll read several listing pages but did not store all they listed (the article
        # budget or the deadline ran out, an article failed), or whose catch-up was cut short by a later page
        # that failed, has those pages read again, new or not: page 1 is stored by then, so it no longer looks
        # like the start of a catch-up. Kept with the source, not in this process: a restart, or another
        # instance taking the source's lease, reads on where the last poll stopped.
        # Read, not cleared: a deadline while reading the later pages leaves it for the next poll.
        before = await self.store.pending_pages(source.id)
        again = max(1, before.pages)
        # What storage said of each key the page walk asked about (its hash; None: not stored), so that
        # storing asks only about the rest: one query per page.
        asked: dict[str, str | None] = {}
        # Whether what is listed is old news (recorded as seen, no later pages read): the page walk's and the
        # store's question both.
        first = _first_poll(source, listing.kind)
        walk = await self._later_pages(source, listing, again, asked, first)
        entries = newest_entries(walk.entries, self.config.max_entries)
        # A failure this poll (a later page, an article) is worth another try on the next polls, but only on
        # _PAGE_TRIES polls in all: this is the last one when as many before it failed too.
        retry = before.failed_polls + 1 < _PAGE_TRIES
        read_on = walk.cut_short and retry
        # Until every entry of those pages is stored, and past the page that failed.
        pending = max(again, walk.read + 1) if read_on else walk.read
        unfinished = pending if pending > 1 else 0
        # Kept before storing: a deadline or a crash while storing leaves these pages to the next poll.
        failing = before.failed_polls if unfinished else 0  # a catch-up no longer pending has no failures
        kept = await self._keep_pending(source, before, PendingPages(unfinished, failing))
        complete = await self._store_entries(source, entries, report, asked, first)
        failed = walk.cut_short or report.skipped_articles > 0
        if complete and not read_on and not (report.skipped_articles and retry):
            unfinished = 0
        await self._keep_pending(
            source, kept, PendingPages(unfinished, failing + 1 if failed and unfinished else 0)
        )
        # Page 1's validators only once nothing is left to read: a 304 next time would skip the later pages.
        settled = complete and not unfinished
        await self._record_success(
            source,
            now=datetime.now(UTC),
            # Entries left for lack of article budget: come back soon rather than after a whole interval.
            next_due=next_due if complete else now + timedelta(seconds=min(interval, _CATCH_UP)),
            etag=listing.etag if settled else None,
            last_modified=listing.last_modified if settled else None,
            validated_url=listing.feed_url if settled else None,
            detected_kind=self._kind_to_store(source, listing),
            feed_url=lasting,
            item_count=len(listing.entries),
            layout_changed=report.layout_changed,
        )

    @staticmethod
    def _kind_to_store(source: Source, listing: Listing) -> str:
        """The detected kind to store after a poll: a page read in place of a gone feed (or since) is stored
        as _SETTLED_PAGE, so that the next polls read the configured URL as its configured kind again and a
        feed it advertises once more (the site back from maintenance) is taken."""
        if listing.kind == "page" and source.detected_kind in ("feed", _SETTLED_PAGE):
            return _SETTLED_PAGE
        return listing.kind

    async def _read_listing(self, source: Source, url: str) -> Listing:
        """The source's listing at url, asked conditionally with its validators. They are kept with the URL
        they came from (after redirects: a source always reached through a temporary redirect keeps them too),
        and a 304 counts only from that URL: another target of the redirect could answer 304 to them, and is
        read in full instead. A stored feed_url that is gone (_gone) is replaced by the configured URL's
        listing (_read_configured)."""
        spec = source.spec
        kind = source.detected_kind if source.detected_kind in ("feed", "page", "json") else spec.kind
        read = functools.partial(
            read_listing,
            self.fetcher,
            url,
            kind=kind,  # type: ignore[arg-type]
            item_selector=spec.item_selector,
        )
        try:
            listing = await read(etag=source.etag, last_modified=source.last_modified)
            if listing.not_modified and listing.feed_url != (source.validated_url or url):
                listing = await read()
        except HTTPStatusError as exc:
            if not _gone(source, exc):
                raise
            return await self._read_configured(source, exc)
        return listing

    async def _read_configured(self, source: Source, gone: HTTPStatusError) -> Listing:
        """The configured URL's listing, read (as its configured kind: a page's feed is found anew) in place
        of a stored feed_url that is gone. A stored feed that the page no longer leads to is kept at first
        (the poll fails with its error, the next one asks it again): it may come back. Once the source has
        failed twice in a row, the last time with this same 404 or 410 (_gone_key), the page's own listing is
        taken: a site that undid a
        move (a 301 target gone, the configured URL a page again) is not paused for good. When the
        configured URL fails too, the poll's error names both."""
        spec = source.spec
        try:
            listing = await read_listing(
                self.fetcher, spec.url, kind=spec.kind, item_selector=spec.item_selector
            )
        except SourceError as exc:
            raise FetchError(gone.url, f"{gone}; the configured URL failed too: {exc}") from exc
        if source.detected_kind == "feed" and listing.kind != "feed" and not self._kept_once(source, gone):
            # Marked (_NO_FEED), so that only a poll that kept the feed this way counts as the keeping.
            raise FetchError(gone.url, f"{gone}{_NO_FEED} {spec.url}")
        return listing

    @staticmethod
    def _kept_once(source: Source, gone: HTTPStatusError) -> bool:
        """Whether the source's last poll failed with this poll's 404 or 410 from the same URL (_gone_key)
        and kept the feed because the configured URL led to no feed (_NO_FEED): it has been kept once."""
        return source.failures >= 2 and _NO_FEED in (source.last_error or "") and _gone_again(source, gone)

    async def _record_success(
        self,
        source: Source,
        *,
        now: datetime,
        next_due: datetime,
        etag: str | None,
        last_modified: str | None,
        validated_url: str | None,
        detected_kind: str | None,
        feed_url: str | None,
        item_count: int | None,
        layout_changed: bool,
    ) -> None:
        """Record the poll's success under its lease; LeaseLost if the lease fence refused it."""
        if not await self.store.record_poll_success(
            source.id,
            now=now,
            next_due=next_due,
            etag=etag,
            last_modified=last_modified,
            validated_url=validated_url,
            detected_kind=detected_kind,
            feed_url=feed_url,
            item_count=item_count,
            layout_changed=layout_changed,
            lease=source.lease,
        ):
            raise LeaseLost("its success")

    async def _keep_pending(
        self, source: Source, stored: PendingPages, pending: PendingPages
    ) -> PendingPages:
        """Store the source's pending catch-up if it is not what is stored already (most polls: none);
        LeaseLost if the lease fence refused it (nothing more of the poll is stored then)."""
        if pending != stored and not await self.store.set_pending_pages(
            source.id, pending, now=datetime.now(UTC), lease=source.lease
        ):
            raise LeaseLost("its pending listing catch-up")
        return pending

    async def _later_pages(
        self, source: Source, listing: Listing, again: int, asked: dict[str, str | None], first_poll: bool
    ) -> Pages:
        """Page 1's entries and the later pages' a catch-up needs (bot.sources.paging); never on a first poll
        (_first_poll). What storage answers about each page's keys is noted in asked."""
        if first_poll:  # what is listed then is old news, recorded as seen
            return Pages(listing.entries, 1)

        async def stored(keys: list[str]) -> set[str]:
            found = await self.store.stored_hashes(source.id, keys)
            asked.update((k, found.get(k)) for k in keys)
            return set(found)

        async def stored_titles(titles: list[str]) -> list[tuple[str, datetime | None]]:
            # Asked only of a page that looks all new by link: one query per page of a catch-up.
            return await self.store.exact_titles(source.id, titles)

        return await later_pages(
            self.fetcher,
            listing,
            stored,
            stored_titles,
            source=source.name,
            source_url=source.feed_url or source.spec.url,
            item_selector=source.spec.item_selector,
            max_pages=self.config.max_pages,
            max_entries=self.config.max_entries,
            read_anyway=again,
        )

    async def _store_entries(
        self,
        source: Source,
        entries: list[Entry],
        report: PollReport,
        asked: dict[str, str | None],
        first_poll: bool,
    ) -> bool:
        """Complete and store what is new, in batches as they finish; False if some were left for later.
        asked: what storage said of some keys this poll already (the page walk's); only the rest is asked.
        first_poll: whether this is a first poll (_first_poll), whose listing is old news."""
        keyed: dict[str, Entry] = {}
        for entry in entries:
            keyed.setdefault(entry_key(entry), entry)
        known = {k: h for k in keyed if (h := asked.get(k)) is not None}
        if rest := [k for k in keyed if k not in asked]:
            known.update(await self.store.stored_hashes(source.id, rest))
        # Known entries are re-read only when the listing itself carries their full text (feeds): that is how
        # an edited notice is noticed without refetching every article page on every poll.
        # A notice whose files failed to download is fetched again too, a few polls at most (attachments.retry).
        wanted = {
            k: e
            for k, e in keyed.items()
            if k not in known or (e.text is not None and not e.teaser) or waiting(known[k])
        }
        # Deliver nothing on a first poll except the `backfill` newest (listings are newest first).
        backfill_keys = set(list(keyed)[: source.spec.backfill]) if first_poll else set(keyed)
        # Article pages and attached files are the expensive part: at most max_articles entries that need
        # them per poll, newest first. On a first poll the rest is old news, recorded by title and link;
        # later, it waits for the next poll.
        budget = self.config.max_articles
        plan: list[tuple[str, Entry, bool]] = []  # key, entry, complete it (False: record as listed)?
        complete = True
        for key, entry in wanted.items():
            costly = needs_article(entry, fetch_article=source.spec.fetch_article) or bool(entry.attachments)
            if costly and budget <= 0:
                if first_poll and key not in backfill_keys and key not in known:
                    plan.append((key, entry, False))
                else:
                    complete = False
                continue
            budget -= costly
            plan.append((key, entry, True))
        articles = asyncio.Semaphore(self.config.article_concurrency)
        done: asyncio.Queue[tuple[str, FetchedItem | None]] = asyncio.Queue()

        async def complete_one(key: str, entry: Entry, fetch: bool) -> None:
            item = await self._complete(source, entry, articles, known.get(key)) if fetch else _listed(entry)
            await done.put((key, item))

        workers = [asyncio.create_task(complete_one(*step)) for step in plan]
        try:
            remaining = len(plan)
            while remaining:
                # Store in small batches as articles arrive: a deadline or a crash keeps what was done.
                batch = [await done.get()]
                while not done.empty() and len(batch) < _BATCH:
                    batch.append(done.get_nowait())
                remaining -= len(batch)
                await self._store_batch(source, batch, keyed, known, first_poll, backfill_keys, report)
        finally:
            for worker in workers:
                worker.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
            # Batches complete in any order; the report lists new notices in listing order.
            order = {entry.url: i for i, entry in enumerate(keyed.values())}
            report.new.sort(key=lambda n: order.get(n.url, len(order)))
        return complete

    async def _store_batch(
        self,
        source: Source,
        batch: list[tuple[str, FetchedItem | None]],
        keyed: dict[str, Entry],
        known: dict[str, str],
        first_poll: bool,
        backfill_keys: set[str],
        report: PollReport,
    ) -> None:
        new_items: list[tuple[str, FetchedItem]] = []
        hashes: dict[str, str] = {}  # the article's hash, worked out once per item
        for key, item in batch:
            if item is None:
                report.skipped_articles += 1
                if first_poll and key not in known:
                    # Old news whose page failed now: recorded by title and link, so a later poll does not
                    # take it for a new notice. (After the first poll a failed entry is retried instead.)
                    new_items.append((key, _listed(keyed[key])))
            else:
                hashes[key] = content_hash(item.title, item.text)
                if known.get(key) != hashes[key]:  # new, or edited: worth summarising
                    new_items.append((key, item))
        if not new_items:
            return
        # Summaries are CPU work: off the event loop, so other sources' I/O keeps moving.
        notices = await asyncio.to_thread(
            lambda: [self._to_new(key, item, hashes.get(key), known.get(key)) for key, item in new_items]
        )
        now = datetime.now(UTC)
        # A notice read again for its files is the same notice: stored, never pushed or counted as an update.
        retried = {key for key, _ in new_items if key in hashes and is_retry(known.get(key), hashes[key])}
        notices = [replace(n, reread=True) if n.key in retried else n for n in notices]
        # Only a notice new to this source can change an earlier one (store_notices reads follows only then).
        deliver = [
            n if n.key in known else await self._with_follows(source, n)
            for n in notices
            if n.key in backfill_keys and not n.reread
        ]
        quiet = [n for n in notices if n.key not in backfill_keys or n.reread]
        outcomes = []
        for group, flag in ((deliver, True), (quiet, False)):
            if group:
                results = await self.store.store_notices(
                    source.id,
                    group,
                    now=now,
                    deliver=flag,
                    notify_updates=source.spec.notify_updates,
                    lease=source.lease,
                )
                outcomes += [(n, r, flag) for n, r in zip(group, results, strict=True)]
        for notice, outcome, flag in outcomes:
            if outcome.status == "new":
                report.new.append(
                    NewNoticeReport(
                        outcome.notice_id, source.name, notice.title, notice.url, notice.published, flag
                    )
                )
            elif outcome.status == "updated":
                report.updated += 1

    async def _with_follows(self, source: Source, notice: NewNotice) -> NewNotice:
        """The notice, with the earlier notice it corrects, postpones… (NewNotice.follows): storing it then
        queues it also for every chat that got that one, whatever its keyword filter says (it acted on it).

        Looked up before storing, so that the change and those rows are one transaction. A failure here (a
        storage error, a bug on a hostile title) costs only those extra rows: logged, and the notice is
        stored and pushed to its subscribers as any other (its push still names the earlier notice).
        """
        try:
            link = await find_earlier(
                self.store, notice_id=None, source_id=source.id, title=notice.title, text=notice.text
            )
        except Exception as exc:
            log.warning(
                "source %s: finding the notice %s changes failed: %s",
                source.name,
                notice.url,
                type(exc).__name__,
            )
            return notice
        return notice if link is None else replace(notice, follows=link.notice_id)

    async def _complete(
        self, source: Source, entry: Entry, articles: asyncio.Semaphore, known_hash: str | None
    ) -> FetchedItem | None:
        async with articles:
            try:
                item = await fetch_entry(self.fetcher, entry, fetch_article=source.spec.fetch_article)
                # Attachments only of a new or edited notice: an unchanged one keeps what was read before.
                if (
                    self.attachments
                    and item.attachment_links
                    and known_hash != content_hash(item.title, item.text)
                ):
                    item = replace(item, attachments=await self.attachments.read_all(item.attachment_links))
                return item
            except SourceError as exc:
                log.warning("source %s: skipped %s: %s", source.name, entry.url, exc)
            except Exception:  # a parser bug on one hostile page must not stop the source's other notices
                log.warning("source %s: skipped %s: unexpected error", source.name, entry.url, exc_info=True)
            return None

    def _to_new(
        self, key: str, item: FetchedItem, article_hash: str | None = None, known_hash: str | None = None
    ) -> NewNotice:
        summary = None
        if self.summarizer is not None:
            try:
                summary = self.summarizer(item)
            except Exception:  # a summariser bug must not lose the notice
                log.exception("summariser failed on %s", item.url)
        return NewNotice(
            key=key,
            url=item.url,
            title=item.title,
            # The article, then the attachments' text under markers: summarised and searched as one notice.
            # The content hash stays the article's, so an unchanged feed entry is not re-read for its files
            # (marked while a file that failed to download is to be read again).
            text=notice_text(item.text, item.attachments),
            published=item.published,
            content_hash=stored_hash(
                article_hash or content_hash(item.title, item.text), item.attachments, known_hash
            ),
            dup_key=dup_key(item.title, item.published, key),
            summary=summary,
            attachments=tuple(a.attachment for a in item.attachments),
        )
