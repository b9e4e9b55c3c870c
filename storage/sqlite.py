"""SQLiteStore: the Store interface over one SQLite file, delegating to one module per table group."""

from __future__ import annotations

import functools
import inspect
import os
import socket
import sqlite3
from collections.abc import Awaitable, Callable, Collection, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from storage import catchups, chats, deliveries, links, notices, reminders, search, sources, subscriptions
from storage.api import EXACT_BELOW
from storage.db import Database
from storage.errors import DatabaseFailure
from storage.models import (
    ChatRecord,
    ChatType,
    DeliveryMode,
    DeliveryResult,
    DigestChat,
    DueCatchup,
    DueDelivery,
    DueReminder,
    FailedDelivery,
    InstanceInfo,
    MissedNotice,
    NewNotice,
    NewReminder,
    Notice,
    PendingPages,
    Reminder,
    SearchPage,
    SearchQuery,
    Source,
    SourceSpec,
    StoreOutcome,
    Subscription,
    TitledNotice,
)
from storage.schema import migrate

__all__ = ["SQLiteStore", "open_store"]

_CORRUPT = ("malformed", "not a database", "disk i/o error", "corrupt")
C = TypeVar("C", bound=type)


def _failure(exc: sqlite3.Error, path: object) -> DatabaseFailure:
    corrupt = any(mark in str(exc).lower() for mark in _CORRUPT)
    what = "is damaged" if corrupt else "failed"
    return DatabaseFailure(f"the database {path} {what}: {exc}", corrupt=corrupt)


def _driver_errors_as_failures(cls: C) -> C:
    """Every public coroutine method raises DatabaseFailure, not sqlite3 errors, when the database fails.

    Integrity errors are the modules' own business (they turn them into rule errors); anything else the
    driver raises is the database's failure, which callers must never blame on their input.
    """

    def wrap(method: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        @functools.wraps(method)
        async def call(self: SQLiteStore, *args: Any, **kwargs: Any) -> Any:
            try:
                return await method(self, *args, **kwargs)
            except sqlite3.IntegrityError:
                raise
            except sqlite3.Error as exc:
                raise _failure(exc, self.db.path) from exc

        return call

    for name, member in list(vars(cls).items()):
        if not name.startswith("_") and inspect.iscoroutinefunction(member):
            setattr(cls, name, wrap(member))
    return cls


@_driver_errors_as_failures
class SQLiteStore:
    """The SQLite implementation of storage.api.Store."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._roles: set[str] = set()
        self._started = datetime.now(UTC)
        self._beat = self._started

    async def close(self) -> None:
        """Close the database."""
        await self.db.close()

    async def add_source(self, spec: SourceSpec) -> Source:
        """Store a new source."""
        return await sources.add_source(self.db, spec)

    async def sync_config_sources(self, specs: tuple[SourceSpec, ...]) -> list[Source]:
        """Create or update the config file's sources."""
        return [await sources.upsert_source(self.db, spec) for spec in specs]

    async def remove_source(self, name: str) -> None:
        """Delete a source."""
        await sources.remove_source(self.db, name)

    async def set_source_active(self, name: str, active: bool) -> None:
        """Pause or resume a source."""
        await sources.set_active(self.db, name, active)

    async def get_source(self, name: str) -> Source | None:
        """The source with this name."""
        return await sources.get_source(self.db, name)

    async def list_sources(self) -> list[Source]:
        """Every source."""
        return await sources.list_sources(self.db)

    async def due_sources(self, now: datetime, *, skip: Collection[int] = ()) -> list[Source]:
        """Sources due for a poll, but none of the ids in skip."""
        return [s for s in await sources.due_sources(self.db, now) if s.id not in skip]

    async def renew_lease(
        self, source_id: int, now: datetime, *, take: bool = False, lease: int | None = None
    ) -> int | None:
        """0: one process owns a SQLite file, so no source is leased (every Source.lease is 0)."""
        return 0

    async def record_poll_success(
        self,
        source_id: int,
        *,
        now: datetime,
        next_due: datetime,
        etag: str | None,
        last_modified: str | None,
        detected_kind: str | None,
        validated_url: str | None,
        feed_url: str | None,
        item_count: int | None,
        layout_changed: bool,
        lease: int | None = None,
    ) -> bool:
        """Record a successful poll; True: one process owns a SQLite file, so no write is fenced by a lease."""
        await sources.record_success(
            self.db,
            source_id,
            now=now,
            next_due=next_due,
            etag=etag,
            last_modified=last_modified,
            detected_kind=detected_kind,
            validated_url=validated_url,
            feed_url=feed_url,
            item_count=item_count,
            layout_changed=layout_changed,
        )
        return True

    async def record_poll_failure(
        self,
        source_id: int,
        *,
        now: datetime,
        next_due: datetime,
        error: str,
        pause_after: int,
        lease: int | None = None,
    ) -> int | None:
        """Record a failed poll."""
        return await sources.record_failure(
            self.db,
            source_id,
            now=now,
            next_due=next_due,
            error=error,
            pause_after=pause_after,
        )

    async def pending_pages(self, source_id: int) -> PendingPages:
        """The source's unfinished listing catch-up."""
        return await sources.pending_pages(self.db, source_id)

    async def set_pending_pages(
        self,
        source_id: int,
        pending: PendingPages,
        *,
        now: datetime | None = None,
        lease: int | None = None,
    ) -> bool:
        """Keep the source's unfinished listing catch-up; True (no leases, see record_poll_success)."""
        await sources.set_pending_pages(self.db, source_id, pending)
        return True

    async def stored_hashes(self, source_id: int, keys: list[str]) -> dict[str, str]:
        """Stored content hashes of these keys."""
        return await notices.stored_hashes(self.db, source_id, keys)

    async def store_notices(
        self,
        source_id: int,
        items: list[NewNotice],
        *,
        now: datetime,
        deliver: bool,
        notify_updates: bool,
        lease: int | None = None,
    ) -> list[StoreOutcome]:
        """Store items exactly once with their outbox rows (never fenced: no leases)."""
        return await notices.store_notices(
            self.db, source_id, items, now=now, deliver=deliver, notify_updates=notify_updates
        )

    async def get_notice(self, notice_id: int) -> Notice | None:
        """One notice."""
        return await notices.get_notice(self.db, notice_id)

    async def latest_notices(self, *, source_id: int | None = None, limit: int = 5) -> list[Notice]:
        """The newest notices."""
        return await notices.latest_notices(self.db, source_id=source_id, limit=limit)

    async def count_notices(self) -> int:
        """How many notices are stored."""
        return await notices.count_notices(self.db)

    async def estimate_notices(self, *, exact_below: int = EXACT_BELOW) -> tuple[int, bool]:
        """Exact: SQLite counts over its narrowest index (notices_seen), milliseconds per 100,000."""
        return await notices.count_notices(self.db), True

    async def titled_notices(
        self, fragment: str, *, before: int | None, source_id: int | None, limit: int = 20
    ) -> list[TitledNotice]:
        """Older notices whose title contains fragment, newest first."""
        return await links.titled_notices(self.db, fragment, before=before, source_id=source_id, limit=limit)

    async def exact_titles(self, source_id: int, titles: list[str]) -> list[tuple[str, datetime | None]]:
        """The title and publication date of each notice of source_id whose title is one of titles, exactly."""
        return await links.exact_titles(self.db, source_id, titles)

    async def search(
        self, query: SearchQuery, *, offset: int = 0, limit: int = 5, now: datetime | None = None
    ) -> SearchPage:
        """One page of notices containing every term, best first, with the total."""
        return await search.search(self.db, query, offset=offset, limit=limit, now=now)

    # chats
    async def upsert_chat(
        self, chat_id: int, chat_type: ChatType, title: str = "", *, language: str | None = None
    ) -> ChatRecord:
        """Store or refresh a chat."""
        return await chats.upsert_chat(self.db, chat_id, chat_type, title, language=language)

    async def get_chat(self, chat_id: int) -> ChatRecord | None:
        """One chat."""
        return await chats.get_chat(self.db, chat_id)

    async def set_chat_language(self, chat_id: int, language: str | None) -> None:
        """Set the chat's language."""
        await chats.set_language(self.db, chat_id, language)

    async def set_chat_timezone(self, chat_id: int, timezone: str) -> None:
        """Set the chat's time zone."""
        await chats.set_timezone(self.db, chat_id, timezone)

    async def deactivate_chat(self, chat_id: int, reason: str, *, now: datetime | None = None) -> int:
        """Stop sending to a chat."""
        return await chats.deactivate_chat(self.db, chat_id, reason, now=now)

    async def migrate_chat(self, old_id: int, new_id: int) -> None:
        """Move a chat to a new id."""
        await chats.migrate_chat(self.db, old_id, new_id)

    async def delete_chat(self, chat_id: int) -> bool:
        """Forget a chat."""
        return await chats.delete_chat(self.db, chat_id)

    # subscriptions
    async def subscribe(
        self,
        chat_id: int,
        source_id: int | None,
        *,
        include: Iterable[str] = (),
        exclude: Iterable[str] = (),
        mode: DeliveryMode = "instant",
        digest_at: str | None = None,
    ) -> bool:
        """Subscribe a chat to a source."""
        return await subscriptions.subscribe(
            self.db, chat_id, source_id, include=include, exclude=exclude, mode=mode, digest_at=digest_at
        )

    async def unsubscribe(self, chat_id: int, source_id: int | None) -> bool:
        """Remove one subscription."""
        return await subscriptions.unsubscribe(self.db, chat_id, source_id)

    async def list_subscriptions(self, chat_id: int) -> list[Subscription]:
        """The chat's subscriptions."""
        return await subscriptions.list_subscriptions(self.db, chat_id)

    async def set_keywords(
        self, chat_id: int, source_id: int | None, include: Iterable[str], exclude: Iterable[str]
    ) -> bool:
        """Replace one subscription's keyword filters."""
        return await subscriptions.set_keywords(self.db, chat_id, source_id, include, exclude)

    async def set_mode(
        self, chat_id: int, source_id: int | None, mode: DeliveryMode, digest_at: str | None = None
    ) -> bool:
        """Set one subscription's mode."""
        return await subscriptions.set_mode(self.db, chat_id, source_id, mode, digest_at)

    async def set_chat_mode(self, chat_id: int, mode: DeliveryMode, digest_at: str | None = None) -> int:
        """Set the mode of every subscription of the chat."""
        return await subscriptions.set_chat_mode(self.db, chat_id, mode, digest_at)

    # the outbox
    async def recover_deliveries(self) -> int:
        """Rows left 'sending' by a crash go back to pending."""
        return await deliveries.recover_deliveries(self.db)

    async def claim_deliveries(self, now: datetime, limit: int) -> list[DueDelivery]:
        """Claim due instant deliveries."""
        return await deliveries.claim_deliveries(self.db, now, limit)

    async def next_delivery_time(self) -> datetime | None:
        """When the earliest pending instant delivery is due."""
        return await deliveries.next_delivery_time(self.db)

    async def record_results(self, results: Sequence[DeliveryResult], now: datetime) -> None:
        """Record delivery outcomes."""
        await deliveries.record_results(self.db, results, now)

    async def delivery_counts(self) -> dict[str, int]:
        """Deliveries by state."""
        return await deliveries.delivery_counts(self.db)

    async def recent_failures(self, limit: int = 20) -> list[FailedDelivery]:
        """The latest failed deliveries."""
        return await deliveries.recent_failures(self.db, limit)

    async def prune_deliveries(self, finished_before: datetime, quiet_since: datetime, limit: int) -> int:
        """Delete up to limit old finished deliveries the dedup no longer needs."""
        return await deliveries.prune_deliveries(self.db, finished_before, quiet_since, limit)

    async def digest_chats(self) -> list[DigestChat]:
        """Active chats with digest subscriptions."""
        return await deliveries.digest_chats(self.db)

    async def claim_digest(self, chat_id: int, limit: int) -> list[DueDelivery]:
        """Claim the chat's pending digest deliveries."""
        return await deliveries.claim_digest(self.db, chat_id, limit)

    async def finish_digest(
        self, chat_id: int, delivery_ids: Sequence[int], message_id: int | None, now: datetime
    ) -> None:
        """Mark a digest sent."""
        await deliveries.finish_digest(self.db, chat_id, delivery_ids, message_id, now)

    async def bump_counter(self, name: str, by: int = 1) -> None:
        """Add to a named counter."""
        await deliveries.bump_counter(self.db, name, by)

    async def get_counters(self) -> dict[str, int]:
        """Every named counter."""
        return await deliveries.get_counters(self.db)

    # catch-ups of returning chats
    async def claim_catchups(self, limit: int) -> list[DueCatchup]:
        """Claim due catch-ups."""
        return await catchups.claim_catchups(self.db, limit)

    async def missed_notices(
        self,
        chat_id: int,
        since: datetime,
        until: datetime,
        *,
        limit: int,
        after: MissedNotice | None = None,
        texts: bool = True,
    ) -> list[MissedNotice]:
        """What a returning chat may have missed, one chunk."""
        return await catchups.missed_notices(
            self.db, chat_id, since, until, limit=limit, after=after, texts=texts
        )

    async def finish_catchup(self, chat_id: int, until: datetime, *, done: bool) -> None:
        """Release a claimed catch-up."""
        await catchups.finish_catchup(self.db, chat_id, until, done=done)

    async def recover_catchups(self) -> int:
        """Release catch-ups left claimed by a crash."""
        return await catchups.recover_catchups(self.db)

    # reminders and quiet hours
    async def set_chat_quiet(self, chat_id: int, window: str | None) -> bool:
        """Set or clear the chat's quiet hours."""
        return await reminders.set_quiet(self.db, chat_id, window)

    async def release_held(self, chat_id: int, now: datetime) -> int:
        """Make the chat's held pushes due now."""
        return await reminders.release_held(self.db, chat_id, now)

    async def claim_held(self, now: datetime, limit: int) -> list[DueDelivery]:
        """Claim held pushes whose window has ended."""
        return await reminders.claim_held(self.db, now, limit)

    async def add_reminders(
        self, chat_id: int, notice_id: int, items: Sequence[NewReminder], now: datetime
    ) -> int:
        """Replace the chat's pending reminders of a notice."""
        return await reminders.add_reminders(self.db, chat_id, notice_id, items, now)

    async def list_reminders(self, chat_id: int, limit: int = 50) -> list[Reminder]:
        """The chat's pending reminders."""
        return await reminders.list_reminders(self.db, chat_id, limit)

    async def move_reminders(self, chat_id: int, moves: Sequence[tuple[int, datetime]]) -> int:
        """Set new due times on pending reminders."""
        return await reminders.move_reminders(self.db, chat_id, moves)

    async def cancel_reminders(
        self, chat_id: int, *, notice_id: int | None = None, reminder_id: int | None = None
    ) -> int:
        """Cancel pending reminders."""
        return await reminders.cancel_reminders(
            self.db, chat_id, notice_id=notice_id, reminder_id=reminder_id
        )

    async def claim_reminders(self, now: datetime, limit: int) -> list[DueReminder]:
        """Claim due reminders."""
        return await reminders.claim_reminders(self.db, now, limit)

    async def record_reminder_results(self, results: Sequence[DeliveryResult], now: datetime) -> None:
        """Record reminder outcomes."""
        await reminders.record_reminder_results(self.db, results, now)

    async def recover_reminders(self) -> int:
        """Reminders left 'sending' go back to pending."""
        return await reminders.recover_reminders(self.db)

    async def prune_reminders(self, before: datetime, limit: int) -> int:
        """Delete up to limit finished reminders due before `before`."""
        return await reminders.prune_reminders(self.db, before, limit)

    # instances: a SQLite file serves one process, so every role is this one's.
    async def claim_role(self, role: str) -> bool:
        """Always granted: one process per SQLite file."""
        self._roles.add(role)
        return True

    async def release_role(self, role: str) -> None:
        """Forget the role."""
        self._roles.discard(role)

    async def heartbeat(self, roles: Sequence[str], *, now: datetime | None = None) -> None:
        """Remember the roles for /status (nothing to share), and the time (default the application's clock)."""
        self._roles = set(roles)
        self._beat = now or datetime.now(UTC)

    async def list_instances(self, *, now: datetime | None = None) -> list[InstanceInfo]:
        """This process alone, alive whatever `now` (no heartbeat to compare, no leases: one process)."""
        host = socket.gethostname()
        me = InstanceInfo(
            f"{host}:{os.getpid()}", host, os.getpid(), self._started, self._beat, tuple(sorted(self._roles))
        )
        return [me]


async def open_store(path: Path) -> SQLiteStore:
    """Open (creating and migrating as needed) the SQLite database at path."""
    try:
        db = await Database.open(path)
    except sqlite3.Error as exc:
        raise _failure(exc, path) from exc
    try:
        # Before migrating: the search triggers (and migration 3's backfill) call this Python function.
        await search.register_functions_async(db.conn)
        await migrate(db.conn)
    except sqlite3.Error as exc:
        await db.close()
        raise _failure(exc, path) from exc
    except BaseException:
        await db.close()
        raise
    return SQLiteStore(db)
