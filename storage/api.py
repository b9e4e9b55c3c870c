"""What the core asks of storage, one Protocol per consumer; SQLite and PostgreSQL implement them all.

The poller needs PollStore, the sender SendStore, the chat handlers ChatStore (+ SourceStore, NoticeStore);
Store is all of them, what a backend implements. Records cross as storage.models; no SQL crosses.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from typing import Protocol

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

__all__ = [
    "EXACT_BELOW",
    "CatchupStore",
    "ChangeStore",
    "ChatStore",
    "InstanceStore",
    "NoticeStore",
    "PollStore",
    "SendStore",
    "SourceStore",
    "Store",
]

EXACT_BELOW = 100_000  # notices: below this many, counting them exactly on PostgreSQL costs milliseconds


class SourceStore(Protocol):
    """Managing sources (config sync, admin commands, the CLI)."""

    async def add_source(self, spec: SourceSpec) -> Source:
        """Store a new source; SourceExistsError when its name or URL is taken."""
        ...

    async def sync_config_sources(self, specs: tuple[SourceSpec, ...]) -> list[Source]:
        """Create or update the sources declared in the config file."""
        ...

    async def remove_source(self, name: str) -> None:
        """Delete a source and its notices; SourceNotFoundError when unknown."""

    async def set_source_active(self, name: str, active: bool) -> None:
        """Pause or resume a source."""

    async def get_source(self, name: str) -> Source | None:
        """The source with this name."""
        ...

    async def list_sources(self) -> list[Source]:
        """Every source."""
        ...


class ChangeStore(Protocol):
    """Change notices (bot.changelinks): the candidates for the notice one refers to. (Its recipients are
    queued by store_notices, with the change: NewNotice.follows.)"""

    async def titled_notices(
        self, fragment: str, *, before: int | None, source_id: int | None, limit: int = 20
    ) -> list[TitledNotice]:
        """Notices with an id below `before` (None: all), of source_id (None: any), whose title contains
        fragment (case folded), newest first."""
        ...


class PollStore(ChangeStore, Protocol):
    """What the poller needs: claim due sources, record each poll, store notices with their outbox rows."""

    async def exact_titles(self, source_id: int, titles: list[str]) -> list[tuple[str, datetime | None]]:
        """The title and publication date of each notice of source_id whose title is one of titles, exactly
        (a listing page's, bot.sources.paging: at most a page's worth)."""
        ...

    async def list_sources(self) -> list[Source]:
        """Every source."""
        ...

    async def due_sources(self, now: datetime, *, skip: Collection[int] = ()) -> list[Source]:
        """Claim the active sources due for a poll (a lease, where several instances share the store), but
        none of the ids in skip (those a poll cycle polled already: neither returned nor leased)."""
        ...

    async def renew_lease(
        self, source_id: int, now: datetime, *, take: bool = False, lease: int | None = None
    ) -> int | None:
        """Start this instance's lease on a source it claimed (Source.lease) afresh, as its poll begins; its
        fencing token, None when another instance has taken it meanwhile (0 without leases). take: a poll
        nobody claimed (/pollnow) takes the lease too, with a new token, unless another instance's lease on it
        has not run out."""
        ...

    # The writes of a poll's outcome are fenced by the lease: where several instances share the store, each
    # is made only while this instance still holds the source's lease at `now`, under the claim whose token
    # (Source.lease, renew_lease's answer) it passes as `lease` (atomically, in the write's transaction), so a
    # poll that stalled past its lease cannot overwrite what the polls since wrote. Refused: False (None for
    # the failure count, LeaseLost for notices) and nothing written. A store without leases never refuses.
    # lease=None (a caller outside a poll): the source records fenced by this instance's lease only, the
    # notices not at all. The same record repeated by a connection retry is not refused (see the backends).
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
        """Record a successful poll (releasing the lease); False when the lease was lost (nothing written).
        feed_url is the URL to poll next time, written as given: None polls the configured URL again."""
        ...

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
        """Record a failed poll, pausing the source at `pause_after` failures in a row; returns the count
        (None when the lease was lost: nothing written)."""
        ...

    async def stored_hashes(self, source_id: int, keys: list[str]) -> dict[str, str]:
        """The content hash of each of these identity keys already stored for the source."""
        ...

    async def pending_pages(self, source_id: int) -> PendingPages:
        """The listing catch-up the source's last poll left unfinished (PendingPages(): none, or no source)."""
        ...

    async def set_pending_pages(
        self,
        source_id: int,
        pending: PendingPages,
        *,
        now: datetime | None = None,
        lease: int | None = None,
    ) -> bool:
        """Keep the source's unfinished listing catch-up with it (PendingPages() clears it); data only, the
        poller decides what it is. Fenced by the lease at `now` (default: the application's clock now) as
        record_poll_success is; False when refused."""
        ...

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
        """Store items exactly once, with their outbox rows, in one transaction (fenced by `lease`, above)."""
        ...


class NoticeStore(Protocol):
    """Reading notices back (/latest, /notice, /search, the renderer)."""

    async def get_notice(self, notice_id: int) -> Notice | None:
        """One notice."""
        ...

    async def latest_notices(self, *, source_id: int | None = None, limit: int = 5) -> list[Notice]:
        """The newest notices."""
        ...

    async def count_notices(self) -> int:
        """How many notices are stored."""
        ...

    async def estimate_notices(self, *, exact_below: int = EXACT_BELOW) -> tuple[int, bool]:
        """How many notices are stored, and whether exactly, without reading every row (/status): SQLite
        counts (a scan of its narrowest index); PostgreSQL estimates from the planner's statistics once
        they say exact_below or more, and counts below that."""
        ...

    async def search(
        self, query: SearchQuery, *, offset: int = 0, limit: int = 5, now: datetime | None = None
    ) -> SearchPage:
        """One page of the notices containing every term (case-insensitive substrings), ranked by relevance
        and recency (now: the reference time, default the current time), with the total count."""
        ...


class ChatStore(Protocol):
    """What the chat handlers need: chats, their settings and subscriptions."""

    async def upsert_chat(
        self, chat_id: int, chat_type: ChatType, title: str = "", *, language: str | None = None
    ) -> ChatRecord:
        """Store or refresh a chat and make it active again."""
        ...

    async def get_chat(self, chat_id: int) -> ChatRecord | None:
        """One chat."""
        ...

    async def set_chat_language(self, chat_id: int, language: str | None) -> None:
        """Set the chat's language (zh | en); ChatNotFoundError when unknown."""

    async def set_chat_timezone(self, chat_id: int, timezone: str) -> None:
        """Set the chat's IANA time zone; ChatNotFoundError when unknown."""

    async def deactivate_chat(self, chat_id: int, reason: str, *, now: datetime | None = None) -> int:
        """Stop sending to a chat and skip its open deliveries; returns how many were skipped. now: when
        (default the application's clock, as notices are stamped; never the database server's)."""
        ...

    async def migrate_chat(self, old_id: int, new_id: int) -> None:
        """Move a chat, its subscriptions and open deliveries to a new id (group -> supergroup)."""

    async def delete_chat(self, chat_id: int) -> bool:
        """Forget a chat and everything about it (/stop)."""
        ...

    # subscriptions (delivery)
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
        """Subscribe a chat to a source (None = all sources); False when already subscribed."""
        ...

    async def unsubscribe(self, chat_id: int, source_id: int | None) -> bool:
        """Remove one subscription; False when there was none."""
        ...

    async def list_subscriptions(self, chat_id: int) -> list[Subscription]:
        """The chat's subscriptions."""
        ...

    async def set_keywords(
        self, chat_id: int, source_id: int | None, include: Iterable[str], exclude: Iterable[str]
    ) -> bool:
        """Replace one subscription's keyword filters (plain substrings)."""
        ...

    async def set_mode(
        self, chat_id: int, source_id: int | None, mode: DeliveryMode, digest_at: str | None = None
    ) -> bool:
        """Set one subscription to instant or digest at HH:MM."""
        ...

    async def set_chat_mode(self, chat_id: int, mode: DeliveryMode, digest_at: str | None = None) -> int:
        """Set every subscription of the chat to instant or digest at HH:MM; returns how many."""
        ...


class CatchupStore(Protocol):
    """Catch-ups of chats that come back (bot.delivery.catchup); upsert_chat queues them."""

    async def claim_catchups(self, limit: int) -> list[DueCatchup]:
        """Claim up to limit due catch-ups of active chats."""
        ...

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
        """Up to limit notices the chat may have missed in (since, until]: skipped when it went away, or
        first seen meanwhile at a source it subscribes to (not yet keyword-filtered), not sent to it; newest
        first, from after `after` (the previous chunk's last); texts=False: title and text left empty."""
        ...

    async def list_subscriptions(self, chat_id: int) -> list[Subscription]:
        """The chat's subscriptions."""
        ...

    async def finish_catchup(self, chat_id: int, until: datetime, *, done: bool) -> None:
        """Release a claimed catch-up; done: its period up to `until` is told."""

    async def recover_catchups(self) -> int:
        """Release catch-ups a crashed sender left claimed; returns how many."""
        ...


class SendStore(ChangeStore, CatchupStore, Protocol):
    """What the sender and the digests need: the outbox, the notices it points to, chat fates, counters."""

    async def get_notice(self, notice_id: int) -> Notice | None:
        """One notice."""
        ...

    async def deactivate_chat(self, chat_id: int, reason: str, *, now: datetime | None = None) -> int:
        """Stop sending to a chat and skip its open deliveries; returns how many were skipped. now: when
        (default the application's clock, as notices are stamped; never the database server's)."""
        ...

    async def migrate_chat(self, old_id: int, new_id: int) -> None:
        """Move a chat, its subscriptions and open deliveries to a new id (group -> supergroup)."""

    async def recover_deliveries(self) -> int:
        """Rows left 'sending' by a crash go back to pending; returns how many."""
        ...

    async def claim_deliveries(self, now: datetime, limit: int) -> list[DueDelivery]:
        """Claim up to limit due instant deliveries (state 'sending'), oldest first."""
        ...

    async def next_delivery_time(self) -> datetime | None:
        """When the earliest pending instant delivery is due."""
        ...

    async def record_results(self, results: Sequence[DeliveryResult], now: datetime) -> None:
        """Record a batch of delivery outcomes in one transaction."""

    async def delivery_counts(self) -> dict[str, int]:
        """Open deliveries (pending, sending) as they are now; sent, failed and skipped ones in total, since
        the database was created (kept as counters, so pruning the rows does not lower them)."""
        ...

    async def prune_deliveries(self, finished_before: datetime, quiet_since: datetime, limit: int) -> int:
        """Delete up to limit finished deliveries (sent, failed, skipped; never pending, claimed or held)
        that finished before finished_before, keeping those of a notice that shares its dup_key with a
        notice first seen since quiet_since (a re-post relies on them not to reach a chat twice);
        returns how many were deleted. Safe to run from several instances at once."""
        ...

    async def recent_failures(self, limit: int = 20) -> list[FailedDelivery]:
        """The latest failed deliveries with their errors."""
        ...

    async def digest_chats(self) -> list[DigestChat]:
        """Active chats with digest subscriptions."""
        ...

    async def claim_digest(self, chat_id: int, limit: int) -> list[DueDelivery]:
        """Claim the chat's pending digest deliveries."""
        ...

    async def finish_digest(
        self, chat_id: int, delivery_ids: Sequence[int], message_id: int | None, now: datetime
    ) -> None:
        """Mark a digest's deliveries sent and record the digest time."""

    async def bump_counter(self, name: str, by: int = 1) -> None:
        """Add to a named counter."""

    async def get_counters(self) -> dict[str, int]:
        """Every named counter."""
        ...

    # reminders and quiet hours (issue 14)
    async def set_chat_quiet(self, chat_id: int, window: str | None) -> bool:
        """Set ('HH:MM-HH:MM') or clear the chat's quiet hours; False when the chat is unknown."""
        ...

    async def release_held(self, chat_id: int, now: datetime) -> int:
        """Make the chat's held pushes due now; returns how many."""
        ...

    async def claim_held(self, now: datetime, limit: int) -> list[DueDelivery]:
        """Claim held pushes whose quiet window has ended, ordered by chat."""
        ...

    async def add_reminders(
        self, chat_id: int, notice_id: int, items: Sequence[NewReminder], now: datetime
    ) -> int:
        """Replace the chat's pending reminders of a notice; returns how many are pending."""
        ...

    async def list_reminders(self, chat_id: int, limit: int = 50) -> list[Reminder]:
        """The chat's pending reminders, soonest first."""
        ...

    async def move_reminders(self, chat_id: int, moves: Sequence[tuple[int, datetime]]) -> int:
        """Set new due times, (reminder id, due), on the chat's pending reminders; returns how many moved."""
        ...

    async def cancel_reminders(
        self, chat_id: int, *, notice_id: int | None = None, reminder_id: int | None = None
    ) -> int:
        """Cancel pending reminders of a notice (or one); returns how many."""
        ...

    async def claim_reminders(self, now: datetime, limit: int) -> list[DueReminder]:
        """Claim due reminders of active chats (state 'sending')."""
        ...

    async def record_reminder_results(self, results: Sequence[DeliveryResult], now: datetime) -> None:
        """Record outcomes of claimed reminders (delivery_id = reminder id)."""

    async def recover_reminders(self) -> int:
        """Reminders left 'sending' by a crash go back to pending; returns how many."""
        ...

    async def prune_reminders(self, before: datetime, limit: int) -> int:
        """Delete up to limit finished reminders (sent, cancelled, failed, skipped) due before `before`;
        returns how many. Safe to run from several instances at once."""
        ...


class InstanceStore(Protocol):
    """Instances sharing the store: who holds which role (sender, updates), and who is alive.

    A role is held by at most one live instance; a dead instance's roles are free again at once (PostgreSQL:
    advisory locks die with their connection). SQLite is one instance: every role is always its own.
    """

    async def claim_role(self, role: str) -> bool:
        """Take the role if free; True while this instance holds it (call again to keep checking)."""
        ...

    async def release_role(self, role: str) -> None:
        """Give the role up (shutting down, or stepping back)."""

    async def heartbeat(self, roles: Sequence[str], *, now: datetime | None = None) -> None:
        """Record that this instance is alive and holds these roles. now: when (default the application's
        clock, as poll leases are stamped; never the database server's)."""

    async def list_instances(self, *, now: datetime | None = None) -> list[InstanceInfo]:
        """The live instances, their roles and the sources they are polling, as of `now` (default the
        application's clock, by which heartbeats and leases were stamped; never the database server's)."""
        ...


class Store(SourceStore, PollStore, NoticeStore, ChatStore, SendStore, InstanceStore, Protocol):
    """Everything: what a backend implements and what the composition root hands out."""

    async def close(self) -> None:
        """Release the connection(s)."""
