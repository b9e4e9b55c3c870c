"""The sender: a long-running task that drains the outbox through a Messenger, governed and crash-safe.

Loop: claim a batch of due rows (state 'sending'), launch each when the governor grants a turn (at push
priority: command replies and admin alerts go first), with at most
`concurrency` messages in flight; a slot is freed only after the row's result is committed. So after
a crash the rows that reached Telegram but were not recorded number at most `concurrency`: the
duplicate bound of the crash test. Results are committed in groups by one writer task.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from bot.config import DeliveryConfig
from bot.delivery.governor import Abandoned, Governor, GovernorSettings, Priority, Turn
from bot.delivery.texts import TextCache, zone
from bot.delivery.transport import (
    Buttons,
    ChatGone,
    ChatMoved,
    DeliveryError,
    Fatal,
    MaybeDelivered,
    Messenger,
    RateLimited,
    Rejected,
    Transient,
    Unparseable,
    flood_seconds,
)
from bot.quiet import quiet_until
from bot.render import to_plain
from storage.api import SendStore
from storage.models import DeliveryResult, DueDelivery, DueReminder

__all__ = ["Sender", "SenderSettings", "SenderStopped", "backoff"]

log = logging.getLogger(__name__)

_G = TypeVar("_G")
_MAX_RATE_RETRIES = 5  # RetryAfters for one message before it goes back to the outbox
_FATAL_PAUSE = 60.0


class SenderStopped(DeliveryError):
    """stop() began before the message got its turn: it was not sent (nor tried), and stays due.

    Raised by transmit to a send that waited for its turn when stop() began, and to one that asked for a
    turn after (until start()); every caller puts its rows back untried, a catch-up stays due.
    """


@dataclass(frozen=True, slots=True)
class SenderSettings:
    """How the sender paces and retries; from_config() reads [delivery]."""

    rate: float | None = 30.0  # messages/s overall; None = no cap (benchmarks against the emulator)
    paid_broadcast: bool = False
    per_chat_interval: float = 1.0
    group_per_minute: float = 20.0
    max_attempts: int = 5
    concurrency: int = 16
    link_preview: bool = False
    default_language: str = "zh"
    batch_size: int = 256  # rows claimed per query: bounds memory, not speed
    idle_poll: float = 2.0  # seconds between outbox checks when idle and not woken
    retry_slack: float = 0.5  # added to every retry_after
    backoff_base: float = 10.0  # first retry after a network error / 5xx, doubled each time
    backoff_cap: float = 3600.0
    stop_timeout: float = 3.0  # how long stop() lets in-flight messages finish
    digest_every: float = 30.0  # seconds between digest checks inside the loop; 0 = never

    def governor_settings(self) -> GovernorSettings:
        """The governor limits these settings describe (a Sender without a shared governor uses them)."""
        return GovernorSettings(
            rate=self.rate,
            per_chat_interval=self.per_chat_interval,
            group_per_minute=max(1, int(self.group_per_minute)),
            retry_slack=self.retry_slack,
        )

    @classmethod
    def from_config(cls, config: DeliveryConfig, *, default_language: str = "zh") -> SenderSettings:
        rate = config.rate
        if config.paid_broadcast:
            rate = max(rate, 1000.0) if rate <= 30.0 else rate
        return cls(
            rate=rate,
            paid_broadcast=config.paid_broadcast,
            per_chat_interval=config.per_chat_interval,
            group_per_minute=float(config.group_per_minute),
            max_attempts=config.max_attempts,
            concurrency=config.concurrency,
            link_preview=config.link_preview,
            default_language=default_language,
        )


def backoff(attempts: int, base: float, cap: float, rng: random.Random) -> float:
    """Seconds before retry number `attempts`: base * 2^(attempts-1), full jitter in [50%, 100%]."""
    delay = min(cap, base * 2.0 ** max(0, attempts - 1))
    return delay * rng.uniform(0.5, 1.0)


@dataclass(slots=True)
class SenderStats:
    """What this sender did since it started (the database keeps the lasting record)."""

    sent: int = 0
    retried: int = 0
    failed: int = 0
    skipped: int = 0
    rate_limited: int = 0
    timed_out: int = 0
    migrated: int = 0
    deactivated: int = 0
    plain_text: int = 0
    extra: dict[str, int] = field(default_factory=dict)


class Sender:
    """Drains the outbox; start() from post_init, stop() from post_shutdown; wake() after new notices."""

    def __init__(
        self,
        store: SendStore,
        messenger: Messenger,
        settings: SenderSettings | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = lambda: datetime.now(UTC),
        rng: random.Random | None = None,
        digests: Callable[[datetime], Awaitable[object]] | None = None,
        governor: Governor | None = None,
    ) -> None:
        self.store = store
        self.messenger = messenger
        self.settings = s = settings or SenderSettings()
        self.clock = clock
        self.wall = wall
        self.rng = rng or random.Random()
        # The bot shares one governor between replies, alerts and this sender; alone (the sender process,
        # tests) it keeps its own, counting 429s in the store as the shared one does.
        self.governor = governor or Governor(
            s.governor_settings(), flood_wait=flood_seconds, clock=clock, on_flood=self._count_429
        )
        self.texts = TextCache(store, s.default_language)
        self._stats = SenderStats()
        self.digests = digests  # an async callable(now) run every digest_every seconds (bot.delivery.digest)
        self._slots = asyncio.Semaphore(s.concurrency)
        self._stopping = asyncio.Event()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._writer: asyncio.Task[None] | None = None
        self._results: asyncio.Queue[tuple[DeliveryResult, asyncio.Future[None]]] = asyncio.Queue()
        self._inflight: set[asyncio.Task[None]] = set()
        self._gone: set[int] = set()
        # Group -> supergroup moves met by transmit (old id -> new): a caller that keeps state under the
        # chat id it started with (a catch-up's claim) finds where its send ended (rare: a chat moves once).
        self.moved: dict[int, int] = {}
        self._next_digest = 0.0
        self._periodic: asyncio.Task[None] | None = None
        self._steps = 0  # periodic steps run to their end (ended by an error included)
        self._dispatching = False

    # --- life cycle --------------------------------------------------------------------------------

    async def start(self) -> None:
        """Recover rows a crash left 'sending' and catch-ups left claimed, then run the loop as a task."""
        if self._task is not None:
            return
        await self.messenger.initialize()
        recovered = await self.store.recover_deliveries()
        if recovered:
            log.info("recovered %d deliveries left in flight by the previous run", recovered)
        if released := await self.store.recover_catchups():
            log.info("released %d catch-ups left in flight by the previous run", released)
        self._stopping.clear()
        self.governor.readmit(self)
        self._writer = asyncio.create_task(self._write_results(), name="delivery-writer")
        self._task = asyncio.create_task(self._run(), name="delivery-sender")

    async def stop(self) -> None:
        """Stop within about stop_timeout seconds; unsent rows stay pending (in-flight ones: 'sending')."""
        if self._task is None:
            return
        self._stopping.set()
        self._wake.set()
        self.governor.abandon(self)
        tasks = {self._task} | ({self._periodic} if self._periodic is not None else set())
        _, pending = await asyncio.wait(tasks, timeout=self.settings.stop_timeout)
        for task in pending | self._inflight:
            task.cancel()  # rows left 'sending' are recovered at the next start
        await asyncio.gather(*tasks, *self._inflight, return_exceptions=True)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._results.join(), self.settings.stop_timeout)
        assert self._writer is not None
        self._writer.cancel()
        await asyncio.gather(self._writer, return_exceptions=True)
        self._task = self._writer = self._periodic = None
        await self.messenger.shutdown()

    @property
    def running(self) -> bool:
        """Whether the loop task is alive."""
        return self._task is not None and not self._task.done()

    @property
    def busy(self) -> bool:
        """Whether a claimed batch or the periodic step is being sent or results wait to be recorded (rows
        'sending' in the database without this flag belong to a claim in progress, or to a crashed run)."""
        periodic = self._periodic is not None and not self._periodic.done()
        return periodic or self._dispatching or bool(self._inflight) or self._results.qsize() > 0

    @property
    def periodic_steps(self) -> int:
        """How many periodic steps have run to their end (one that failed included) since this sender
        was made: a caller that drains and exits waits for the first, whose sends the outbox does not show."""
        return self._steps

    def wake(self, *, periodic: bool = False) -> None:
        """New deliveries were queued: look now instead of at the next idle poll.

        periodic=True also runs the periodic step (digests, held pushes, reminders) now: a reminder
        just scheduled for today, or pushes released by /quiet off, need not wait for its interval.
        """
        if periodic:
            self._next_digest = 0.0
        self._wake.set()

    @property
    def stats(self) -> SenderStats:
        """What this sender did; rate_limited counts every 429 its governor met."""
        self._stats.rate_limited = self.governor.rate_limited
        return self._stats

    async def each_chat(self, groups: Iterable[_G], send: Callable[[_G], Awaitable[int]]) -> int:
        """Run send(group) for each chat's group, at most `concurrency` at once (sharing the outbox's
        slots); returns the sum. A chat whose sends time out holds one slot, not the whole step: the
        governor paces the others, and an error in one chat is logged and leaves the rest alone."""

        async def one(group: _G) -> int:
            async with self._slots:
                try:
                    return await send(group)
                except Exception:  # each send puts its rows back itself; this is when even that failed
                    log.exception("a timed send failed; rows it could not put back wait for the next start")
                    return 0

        return sum(await asyncio.gather(*(one(g) for g in groups)))

    def retry_later(
        self,
        rows: Sequence[DueDelivery | DueReminder],
        exc: BaseException,
        now: datetime,
        *,
        untried: Sequence[DueDelivery] = (),
    ) -> list[DeliveryResult]:
        """Results for rows whose send failed in a way a later try may mend: pending after a backoff,
        or failed once max_attempts is reached. A chat's rows share one time, so a batch stays one message.

        untried: rows of a multi-part send's later parts, never sent because an earlier part failed. They
        wait for the same time, but no attempt is counted against them: only a part that was tried and
        failed uses up its retry budget (as a digest puts its untried parts back).
        """
        s = self.settings
        attempts = max((r.attempts for r in rows), default=0) + 1
        error = f"{type(exc).__name__}: {exc}"
        when = now + timedelta(seconds=backoff(attempts, s.backoff_base, s.backoff_cap, self.rng))
        waiting = [
            DeliveryResult(r.id, "pending", next_attempt=when, counts_as_attempt=False) for r in untried
        ]
        if attempts >= s.max_attempts:
            return [DeliveryResult(r.id, "failed", error=error) for r in rows] + waiting
        return [DeliveryResult(r.id, "pending", error=error, next_attempt=when) for r in rows] + waiting

    async def _count_429(self, retry_after: float) -> None:
        await self.store.bump_counter("telegram_429")

    # --- the loop ----------------------------------------------------------------------------------

    async def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                if (
                    self.digests is not None
                    and self.settings.digest_every
                    and self.clock() >= self._next_digest
                    and (self._periodic is None or self._periodic.done())
                ):
                    # A task of its own: a chat whose digest or reminder times out must not hold up
                    # the instant pushes to everyone else (it holds one slot, as a push would).
                    self._next_digest = self.clock() + self.settings.digest_every
                    self._periodic = asyncio.create_task(self._run_periodic(self.digests), name="periodic")
                batch = await self.store.claim_deliveries(self.wall(), self.settings.batch_size)
                if batch:
                    self._dispatching = True
                    try:
                        await self._dispatch(batch)
                    finally:
                        self._dispatching = False
                else:
                    await self._idle()
            except Exception:  # a bug or a database error must not end delivery for good
                log.exception("delivery loop failed; retrying in 5 s")
                await self._sleep(5.0)

    async def _run_periodic(self, step: Callable[[datetime], Awaitable[object]]) -> None:
        try:
            await step(self.wall())
        except Exception:
            log.exception("the periodic step (digests, held pushes, reminders) failed")
        finally:
            self._steps += 1
            if self.clock() >= self._next_digest:
                self._wake.set()  # woken for it while it ran (wake(periodic=True)): run it again now

    async def _idle(self) -> None:
        self._wake.clear()
        timeout = self.settings.idle_poll
        due = await self.store.next_delivery_time()
        if due is not None:
            timeout = min(timeout, max(0.0, (due - self.wall()).total_seconds()))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout)

    async def _sleep(self, seconds: float) -> bool:
        """Sleep unless stopping; True when stop() was called (now or during the sleep)."""
        if seconds > 0 and not self._stopping.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), seconds)
        return self._stopping.is_set()

    async def _await_turn(self, chat_id: int, is_group: bool, priority: Priority) -> Turn | None:
        """Wait until the governor grants a turn to send to chat_id; None when stopping."""
        if self._stopping.is_set():
            return None
        try:
            return await self.governor.turn(chat_id, is_group, priority, owner=self)
        except Abandoned:
            return None

    async def _dispatch(self, batch: list[DueDelivery]) -> None:
        # _gone only stops rows claimed before their chat was deactivated; a chat that unblocks the bot and
        # is reactivated gets its new rows in later batches.
        self._gone.clear()
        for n, row in enumerate(batch):
            if self._stopping.is_set():
                await self._release(batch[n:])
                return
            if row.chat_id in self._gone:
                self._finish_later(DeliveryResult(row.id, "skipped", error="chat deactivated"))
                continue
            if row.quiet:
                # Quiet hours: the push waits (mode 'held') for the window's end; bot.delivery.timed sends it.
                until = quiet_until(row.quiet, zone(row.timezone) or UTC, self.wall())
                if until is not None:
                    self._finish_later(
                        DeliveryResult(row.id, "held", next_attempt=until, counts_as_attempt=False)
                    )
                    continue
            chat_wait = self.governor.chat_wait(row.chat_id)
            if chat_wait > 0:
                # This chat had a message moments ago: hand the row back for later instead of
                # holding a slot, so one busy chat never slows the broadcast to everyone else.
                when = self.wall() + timedelta(seconds=chat_wait)
                self._finish_later(
                    DeliveryResult(row.id, "pending", next_attempt=when, counts_as_attempt=False)
                )
                continue
            await self._slots.acquire()
            turn = await self._await_turn(row.chat_id, row.chat_type != "private", Priority.PUSH)
            if turn is None:
                self._slots.release()
                await self._release(batch[n:])
                return
            task = asyncio.create_task(self._deliver(row, turn))
            self._inflight.add(task)
            task.add_done_callback(self._inflight.discard)

    async def _release(self, rows: list[DueDelivery]) -> None:
        if rows:
            await self.store.record_results(
                [DeliveryResult(r.id, "pending", counts_as_attempt=False) for r in rows], self.wall()
            )

    async def _deliver(self, row: DueDelivery, turn: Turn) -> None:
        """Send one claimed row; its slot is released only once the outcome is committed."""
        try:
            try:
                result = await self._outcome(row, turn)
            except Exception as exc:  # a bug or a storage hiccup: the row must not stay claimed
                log.exception("delivery %s failed unexpectedly; it will be tried again", row.id)
                [result] = self.retry_later([row], exc, self.wall())
            await self._finish(result)
        finally:
            turn.release(sent=False)  # a no-op once the send used it
            self._slots.release()

    async def _finish(self, result: DeliveryResult) -> None:
        """Queue a result for the writer and wait until it is committed."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._results.put_nowait((result, done))
        await done

    def _finish_later(self, result: DeliveryResult) -> None:
        """Queue a result for the writer without waiting (rows that were never sent)."""
        self._results.put_nowait((result, asyncio.get_running_loop().create_future()))

    async def _write_results(self) -> None:
        """Group commit: everything finished since the last write goes in one transaction."""
        while True:
            items = [await self._results.get()]
            while not self._results.empty() and len(items) < 1000:
                items.append(self._results.get_nowait())
            while True:
                try:
                    await self.store.record_results([r for r, _ in items], self.wall())
                    break
                except Exception:
                    log.exception("recording %d delivery results failed; retrying", len(items))
                    await asyncio.sleep(1.0)
            for _, done in items:
                if not done.done():
                    done.set_result(None)
                self._results.task_done()

    # --- one message -------------------------------------------------------------------------------

    async def _outcome(self, row: DueDelivery, turn: Turn) -> DeliveryResult:
        text = await self.texts.for_delivery(row)
        if text is None:
            self._stats.skipped += 1
            return DeliveryResult(row.id, "skipped", error="notice no longer stored")
        buttons = await self.texts.buttons_for(row, self.wall())
        try:
            message_id = await self.transmit(
                row.chat_id,
                row.chat_type != "private",
                text,
                turn=turn,
                buttons=buttons,
                priority=Priority.PUSH,
            )
        except ChatGone as exc:
            self._stats.skipped += 1
            return DeliveryResult(row.id, "skipped", error=str(exc))
        except MaybeDelivered as exc:  # transmit resent it once already: a third copy risks a duplicate
            self._stats.failed += 1
            return DeliveryResult(row.id, "failed", error=f"{type(exc).__name__}: {exc}")
        except Transient as exc:
            [result] = self.retry_later([row], exc, self.wall())
            if result.state == "failed":
                self._stats.failed += 1
            else:
                self._stats.retried += 1
            return result
        except Rejected as exc:
            self._stats.failed += 1
            return DeliveryResult(row.id, "failed", error=f"Rejected: {exc}")
        except SenderStopped:
            return DeliveryResult(row.id, "pending", counts_as_attempt=False)
        except RateLimited as exc:
            # Flood control answered every resend: the governor is paused already; try again later.
            when = self.wall() + timedelta(seconds=_FATAL_PAUSE)
            return DeliveryResult(
                row.id, "pending", error=str(exc), next_attempt=when, counts_as_attempt=False
            )
        except Fatal as exc:
            log.error("cannot send to Telegram (%s); pausing %gs", exc, _FATAL_PAUSE)
            self.governor.pause(_FATAL_PAUSE)
            when = self.wall() + timedelta(seconds=_FATAL_PAUSE)
            return DeliveryResult(
                row.id, "pending", error=str(exc), next_attempt=when, counts_as_attempt=False
            )
        self._stats.sent += 1
        return DeliveryResult(row.id, "sent", message_id=message_id)

    async def transmit(
        self,
        chat_id: int,
        is_group: bool,
        text: str,
        *,
        turn: Turn | None = None,
        priority: Priority = Priority.DIGEST,
        buttons: Buttons = (),
    ) -> int:
        """Send text (HTML) to a chat through the governor, reacting to errors as telegram.md says;
        returns the message_id.

        Handled here: ChatMoved (move the chat, resend), Unparseable (resend as plain text), the first
        MaybeDelivered (resend once); the governor rides out RateLimited (pause all, resend). ChatGone
        deactivates the chat and is re-raised; Transient, Rejected, Fatal, a second MaybeDelivered and
        RateLimited after _MAX_RATE_RETRIES resends are raised for the caller. `turn`: one the caller
        already holds (the outbox loop); otherwise each attempt waits for its own at `priority`.
        """
        s = self.settings
        html, timed_out, moved = True, False, False
        while True:
            try:
                return await self.governor.call(
                    chat_id,
                    is_group,
                    priority,
                    # Awaited within this iteration, so the loop variables are the ones meant.
                    lambda: self.messenger.send(
                        chat_id,  # noqa: B023
                        text,  # noqa: B023
                        html=html,  # noqa: B023
                        link_preview=s.link_preview,
                        paid=s.paid_broadcast,
                        buttons=buttons,
                    ),
                    owner=self,
                    max_floods=_MAX_RATE_RETRIES,
                    first=turn,
                )
            except Abandoned as exc:
                if timed_out:
                    # The first copy may have arrived: a row put back untried would be sent twice more after
                    # the restart. Refused as "may have arrived", callers mark it doubtful as after a timeout.
                    raise MaybeDelivered(
                        f"chat {chat_id}: no answer, and stopping before the one resend"
                    ) from exc
                raise SenderStopped("stopping") from exc
            except ChatGone as exc:
                self._gone.add(chat_id)
                self._stats.deactivated += 1
                skipped = await self.store.deactivate_chat(chat_id, str(exc))
                log.info("chat %s deactivated (%s); %d deliveries skipped", chat_id, exc, skipped)
                raise
            except ChatMoved as exc:
                if moved:
                    raise Rejected(f"chat {chat_id} migrated twice") from exc
                moved = True
                self._stats.migrated += 1
                await self.store.migrate_chat(chat_id, exc.new_chat_id)
                self.moved[chat_id] = exc.new_chat_id
                log.info("chat %s migrated to %s; resending", chat_id, exc.new_chat_id)
                chat_id, is_group = exc.new_chat_id, True
            except Unparseable as exc:
                if not html:
                    raise Rejected(str(exc)) from exc
                log.error("Telegram could not parse our HTML (%s); resending as plain text", exc)
                self._stats.plain_text += 1
                await self.store.bump_counter("plain_text_resends")
                html, text = False, to_plain(text)
            except MaybeDelivered:
                self._stats.timed_out += 1
                if timed_out:
                    raise
                timed_out = True  # it may have arrived: one more try, never more (at-least-once)
            turn = None  # the next attempt waits for a turn of its own
