"""The poll cycle: which sources are due, fetching each within bounds, deciding what is new, storing it once."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from bot.attachments.compose import notice_text, summarize_item
from bot.attachments.reader import AttachmentReader
from bot.config import PollConfig
from bot.errors import SourceError
from bot.identity import content_hash, dup_key, identity_key
from bot.models import FetchedItem, NewNotice, Source, Summary
from bot.sources.fetch import Fetcher
from bot.sources.listing import Entry, fetch_entry, read_listing
from storage.api import PollStore

__all__ = ["NewNoticeReport", "PollReport", "Poller", "backoff_delay"]

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
    """Polls due sources concurrently (bounded); one slow or failing source never delays the others."""

    def __init__(
        self,
        store: PollStore,
        fetcher: Fetcher,
        config: PollConfig,
        *,
        summarizer: Summarizer | None = None,
        rng: random.Random | None = None,
        attachments: AttachmentReader | None = None,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.config = config
        self.summarizer = summarizer
        self.attachments = attachments  # None: attachment links are not followed
        self.rng = rng or random.Random()
        self._sources = asyncio.Semaphore(config.concurrency)
        self._articles = asyncio.Semaphore(config.article_concurrency * config.concurrency)
        self._cycle: asyncio.Task[list[PollReport]] | None = None
        self._inflight: set[int] = set()

    async def poll_due(self, now: datetime | None = None) -> list[PollReport]:
        """Poll every due source once, concurrently; return one report per source.

        A shared store hands out due sources in batches (leases), so claim again until nothing new is due:
        instances sharing the database then split a cycle between them as they finish batches.
        """
        reports: list[PollReport] = []
        seen: set[int] = set()
        while batch := [
            s for s in await self.store.due_sources(now or datetime.now(UTC)) if s.id not in seen
        ]:
            seen.update(s.id for s in batch)
            reports.extend(await self.poll_sources(batch))
        return reports

    async def poll_all(self) -> list[PollReport]:
        """Poll every active source now, due or not (/pollnow)."""
        return await self.poll_sources([s for s in await self.store.list_sources() if s.active])

    async def poll_sources(self, sources: list[Source]) -> list[PollReport]:
        """Poll these sources concurrently within the bound; one already being polled is left to finish."""
        # A source still being polled (a slow one, or /pollnow beside the schedule) is not polled twice;
        # the ids are claimed here, before any task runs, so two callers cannot both pass this check.
        todo = [s for s in sources if s.id not in self._inflight]
        self._inflight.update(s.id for s in todo)
        return list(await asyncio.gather(*(self._bounded(s) for s in todo)))

    def start_cycle(self) -> bool:
        """Start a poll cycle in the background unless one is running (for short scheduler ticks)."""
        if self._cycle is not None and not self._cycle.done():
            return False
        self._cycle = asyncio.create_task(self.poll_due(), name="noticebot-poll-cycle")
        return True

    @property
    def current_cycle(self) -> asyncio.Task[list[PollReport]] | None:
        """The background cycle start_cycle() started, if any."""
        return self._cycle

    async def stop(self) -> None:
        """Cancel a running background cycle (what it stored stays stored)."""
        if self._cycle is not None and not self._cycle.done():
            self._cycle.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._cycle

    async def _bounded(self, source: Source) -> PollReport:
        try:
            async with self._sources:
                return await self.poll_source(source)
        finally:
            self._inflight.discard(source.id)

    async def poll_source(self, source: Source) -> PollReport:
        """Poll one source and record its health; errors become the report's `error`, never exceptions."""
        report = PollReport(source=source.name)
        interval = source.spec.interval or self.config.interval
        try:
            await self._poll(source, report)
        except SourceError as exc:
            report.error = str(exc)
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
        )
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

    async def _poll(self, source: Source, report: PollReport) -> None:
        spec = source.spec
        # Validators belong to the URL they came from: a discovered feed is polled directly next time.
        url = source.feed_url or spec.url
        kind = source.detected_kind if source.detected_kind in ("feed", "page") else spec.kind
        listing = await read_listing(
            self.fetcher,
            url,
            kind=kind,  # type: ignore[arg-type]
            item_selector=spec.item_selector,
            etag=source.etag,
            last_modified=source.last_modified,
        )
        now = datetime.now(UTC)
        interval = spec.interval or self.config.interval
        next_due = now + timedelta(seconds=interval * self.rng.uniform(0.95, 1.05))
        if listing.not_modified:
            report.not_modified = True
            await self.store.record_poll_success(
                source.id,
                now=now,
                next_due=next_due,
                etag=listing.etag or source.etag,
                last_modified=listing.last_modified or source.last_modified,
                detected_kind=None,
                feed_url=None,
                item_count=None,
                layout_changed=source.layout_changed,
            )
            return
        # A listing page that suddenly yields nothing usually means the site was redesigned.
        report.layout_changed = listing.kind == "page" and listing.links_found == 0
        if report.layout_changed and not source.layout_changed:
            report.alert = "layout_changed"
        if report.layout_changed:
            log.warning("source %s: the page yielded no notice links; layout changed?", source.name)
        await self._store_entries(source, listing.entries, report)
        await self.store.record_poll_success(
            source.id,
            now=datetime.now(UTC),
            next_due=next_due,
            etag=listing.etag,
            last_modified=listing.last_modified,
            detected_kind=listing.kind,
            feed_url=listing.feed_url if listing.feed_url != spec.url else None,
            item_count=len(listing.entries),
            layout_changed=report.layout_changed,
        )

    async def _store_entries(self, source: Source, entries: list[Entry], report: PollReport) -> None:
        keyed: dict[str, Entry] = {}
        for entry in entries:
            key = identity_key(guid=entry.guid, url=entry.url, title=entry.title, published=entry.published)
            keyed.setdefault(key, entry)
        known = await self.store.stored_hashes(source.id, list(keyed))
        # Known entries are re-read only when the listing itself carries their full text (feeds): that is how
        # an edited notice is noticed without refetching every article page on every poll.
        wanted = {k: e for k, e in keyed.items() if k not in known or (e.text is not None and not e.teaser)}
        # A page whose last poll found no links was not understood then (detection failed, or the site was
        # down for maintenance): what it lists now is old news, not a burst of new notices.
        first_poll = source.first_polled is None or (
            source.detected_kind == "page" and source.last_item_count == 0
        )
        items = await asyncio.gather(*(self._complete(source, e, known.get(k)) for k, e in wanted.items()))
        new_items: list[tuple[str, FetchedItem]] = []
        for key, item in zip(wanted, items, strict=True):
            if item is None:
                report.skipped_articles += 1
                if first_poll and key not in known:
                    # Old news whose page failed now: recorded by title and link, so a later poll does not
                    # take it for a new notice. (After the first poll a failed entry is retried instead.)
                    entry = keyed[key]
                    new_items.append(
                        (key, FetchedItem(entry.url, entry.title, "", entry.published, entry.guid))
                    )
            elif known.get(key) != content_hash(item.title, item.text):  # new, or edited: worth summarising
                new_items.append((key, item))
        # Summaries are CPU work: off the event loop, so other sources' I/O keeps moving.
        notices = await asyncio.to_thread(lambda: [self._to_new(key, item) for key, item in new_items])
        if not notices:
            return
        # Deliver nothing on a first poll except the `backfill` newest (listings are newest first).
        backfill_keys = set(list(keyed)[: source.spec.backfill]) if first_poll else set(keyed)
        now = datetime.now(UTC)
        deliver = [n for n in notices if n.key in backfill_keys]
        quiet = [n for n in notices if n.key not in backfill_keys]
        outcomes = []
        for batch, flag in ((deliver, True), (quiet, False)):
            if batch:
                results = await self.store.store_notices(
                    source.id, batch, now=now, deliver=flag, notify_updates=source.spec.notify_updates
                )
                outcomes += [(n, r, flag) for n, r in zip(batch, results, strict=True)]
        for notice, outcome, flag in outcomes:
            if outcome.status == "new":
                report.new.append(
                    NewNoticeReport(
                        outcome.notice_id, source.name, notice.title, notice.url, notice.published, flag
                    )
                )
            elif outcome.status == "updated":
                report.updated += 1

    async def _complete(self, source: Source, entry: Entry, known_hash: str | None) -> FetchedItem | None:
        async with self._articles:
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

    def _to_new(self, key: str, item: FetchedItem) -> NewNotice:
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
            # The content hash stays the article's, so an unchanged feed entry is not re-read for its files.
            text=notice_text(item.text, item.attachments),
            published=item.published,
            content_hash=content_hash(item.title, item.text),
            dup_key=dup_key(item.title, item.published, key),
            summary=summary,
            attachments=tuple(a.attachment for a in item.attachments),
        )
