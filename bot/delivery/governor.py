"""The outbound governor: every rate-limited Bot API call the bot makes waits for its turn here.

Command replies, callback edits, admin alerts, pushes and digests all ask one Governor for a turn, so
the bot's own accounting (accounting.py) sees everything it sends. Turns are granted by priority
(replies, then alerts, then pushes, then digests; first come first served within one), never faster
than the learned overall rate, the per-chat spacing or a group's 20 in any 60 s. A 429 pauses the
whole governor for the time Telegram asked, cuts the learned rate, and the same call is made again.

The governor knows nothing about PTB: the caller passes `flood_wait`, which says whether an exception
is Telegram's flood control and for how long (bot.delivery.transport.flood_seconds).
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import itertools
import logging
import math
import time
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TypeVar

from bot.delivery.accounting import ChatLimits, LearnedRate, SlidingWindow
from bot.errors import NoticebotError

__all__ = [
    "Abandoned",
    "FloodWaitExpired",
    "Governor",
    "GovernorSettings",
    "GovernorStatus",
    "Priority",
    "Turn",
]

log = logging.getLogger(__name__)
T = TypeVar("T")
_SWEEP_EVERY = 10.0  # seconds between sweeps of forgotten chats' state


class Priority(IntEnum):
    """Who goes first when several sends wait (lower first)."""

    REPLY = 0  # a user is looking at the chat: command replies, edits, callback answers
    ALERT = 1  # the bot's admins must hear about a broken source
    PUSH = 2  # a new notice
    DIGEST = 3  # a daily digest can wait a few seconds more


class FloodWaitExpired(NoticebotError):
    """A call waited longer than its bound for flood control; it was not made (again)."""


class Abandoned(NoticebotError):
    """The owner of a waiting call gave up (the sender stopping): the call was not made."""


@dataclass(frozen=True, slots=True)
class GovernorSettings:
    """The limits the governor keeps; the defaults are Telegram's published ones."""

    rate: float | None = 30.0  # messages per second overall (any 1 s window); None = no cap
    per_chat_interval: float = 1.0  # seconds between two messages to one chat
    group_per_minute: int = 20  # messages to one group or channel in any 60 s
    retry_slack: float = 0.5  # added to every retry_after
    decrease: float = 0.8  # the learned rate is multiplied by this after a 429
    step: float = 1.0  # and climbs back by this many messages/s
    quiet: float = 60.0  # after each quiet period this long


@dataclass(frozen=True, slots=True)
class GovernorStatus:
    """What /status shows about sending."""

    configured_rate: float | None
    learned_rate: float | None
    paused_for: float
    waiting: int
    in_flight: int
    rate_limited: int


@dataclass(eq=False, slots=True)
class _Waiter:
    key: tuple[int, int]  # (priority, arrival): the order turns are granted in
    chat_id: int
    is_group: bool
    owner: object | None
    future: asyncio.Future[Turn]
    timer: asyncio.TimerHandle | None = None

    def __lt__(self, other: _Waiter) -> bool:
        return self.key < other.key


@dataclass(eq=False, slots=True)
class Turn:
    """One granted send. release() once Telegram answered (or the call failed before reaching it)."""

    governor: Governor
    chat: ChatLimits
    started: float
    done: bool = field(default=False)

    def release(self, *, sent: bool = True) -> None:
        """Give the slot back: sent=False when the request never left (then it does not count)."""
        if not self.done:
            self.done = True
            self.governor._release(self, sent)


class Governor:
    """Grants turns to send; call() wraps one Bot API call in a turn and rides out flood control."""

    def __init__(
        self,
        settings: GovernorSettings | None = None,
        *,
        flood_wait: Callable[[BaseException], float | None],
        clock: Callable[[], float] = time.monotonic,
        on_flood: Callable[[float], Awaitable[object]] | None = None,
    ) -> None:
        self.settings = s = settings or GovernorSettings()
        self.flood_wait = flood_wait
        self.clock = clock
        self.on_flood = on_flood  # e.g. count the 429 in the store (shown by /status)
        self.rate = LearnedRate(s.rate, decrease=s.decrease, step=s.step, quiet=s.quiet)
        self.rate_limited = 0
        self._window = SlidingWindow(self.rate.capacity or 1, 1.0)
        self._next_start = -math.inf
        self._paused_until = -math.inf
        self._chats: dict[int, ChatLimits] = {}
        self._waiters: list[_Waiter] = []
        self._arrivals = itertools.count()
        self._timer: asyncio.TimerHandle | None = None
        self._sweep_at = 0.0
        # Owners that abandoned their turns (a stopping sender): a turn they ask for later is refused too,
        # until readmit() (a sender started again). Weak: a sender dropped without restarting is forgotten.
        self._abandoned: weakref.WeakSet[object] = weakref.WeakSet()

    # --- asking for a turn -------------------------------------------------------------------------

    def chat_wait(self, chat_id: int) -> float:
        """Seconds until chat_id may receive another message (0 = now); a guess of one interval while a
        message to it is still in flight (its answer starts the interval)."""
        limits = self._chats.get(chat_id)
        wait = 0.0 if limits is None else limits.wait(self.clock())
        return wait if math.isfinite(wait) else self.settings.per_chat_interval

    async def turn(
        self,
        chat_id: int,
        is_group: bool,
        priority: Priority,
        *,
        owner: object | None = None,
        within: float | None = None,
    ) -> Turn:
        """Wait for a turn to send to chat_id; raises FloodWaitExpired after `within` s, Abandoned on abandon()
        (and at once when the owner abandoned its turns and was not readmitted since)."""
        if owner is not None and owner in self._abandoned:
            raise Abandoned("stopping")
        if not self._waiters:
            now = self.clock()
            if self._ready(chat_id, now):
                return self._grant(chat_id, is_group, now)
        loop = asyncio.get_running_loop()
        waiter = _Waiter(
            (int(priority), next(self._arrivals)), chat_id, is_group, owner, loop.create_future()
        )
        bisect.insort(self._waiters, waiter)
        if within is not None:
            waiter.timer = loop.call_later(max(0.0, within), self._expire, waiter)
        self._pump()
        try:
            return await waiter.future
        except asyncio.CancelledError:
            # Cancelled after the grant but before it resumed: the slot must not leak.
            if waiter.future.done() and not waiter.future.cancelled() and waiter.future.exception() is None:
                waiter.future.result().release(sent=False)
            self._forget(waiter)
            raise

    async def call(
        self,
        chat_id: int,
        is_group: bool,
        priority: Priority,
        make: Callable[[], Awaitable[T]],
        *,
        owner: object | None = None,
        within: float | None = None,
        max_floods: int | None = None,
        first: Turn | None = None,
    ) -> T:
        """Make one Bot API call in a turn (`first`, if the caller already holds one). Flood control
        pauses everything, then the same call is made again, up to max_floods times (then the flood
        error is raised) and within `within` seconds in all (then FloodWaitExpired); every other error
        is the caller's."""
        deadline = None if within is None else self.clock() + within
        floods = 0
        while True:
            if first is not None:
                turn, first = first, None
            else:
                left = None if deadline is None else deadline - self.clock()
                try:
                    if left is not None and left <= 0:
                        raise FloodWaitExpired("deadline passed")
                    turn = await self.turn(chat_id, is_group, priority, owner=owner, within=left)
                except FloodWaitExpired:
                    raise FloodWaitExpired(
                        f"no turn for chat {chat_id} within {within:g}s of flood control"
                    ) from None
            try:
                result = await make()
            except BaseException as exc:
                turn.release()
                wait = self.flood_wait(exc) if isinstance(exc, Exception) else None
                if wait is None:
                    raise
                floods += 1
                await self.flooded(wait, turn.started)
                if max_floods is not None and floods > max_floods:
                    raise
                continue
            turn.release()
            return result

    async def unmetered(self, make: Callable[[], Awaitable[T]], *, within: float | None = None) -> T:
        """A call that is not a message (answerCallbackQuery, getChatMember): it takes no slot, but it
        waits out a pause and rides out flood control like every other call (FloodWaitExpired after
        `within` seconds of waiting)."""
        deadline = None if within is None else self.clock() + within
        while True:
            pause = self._paused_until - self.clock()
            if pause > 0:
                if deadline is not None and self.clock() + pause > deadline:
                    raise FloodWaitExpired(f"flood control lasts longer than {within:g}s")
                await asyncio.sleep(pause)
                continue
            try:
                return await make()
            except Exception as exc:
                wait = self.flood_wait(exc)
                if wait is None:
                    raise
                # Its own limit, not the messages': pause as asked, but the learned rate stays.
                await self.flooded(wait, self.clock(), learn=False)

    async def flooded(self, retry_after: float, started: float, *, learn: bool = True) -> None:
        """Telegram answered 429 to a send that started at `started`: pause everything, learn."""
        now = self.clock()
        self.rate_limited += 1
        self._paused_until = max(self._paused_until, now + retry_after + self.settings.retry_slack)
        if learn and self.rate.flooded(now, started):
            self._window.capacity = self.rate.capacity or 1
            log.warning(
                "Telegram asked to wait %gs; pausing all sending, rate now %.1f/s",
                retry_after,
                self.rate.current or 0,
            )
        self._pump()
        if self.on_flood is not None:
            try:
                await self.on_flood(retry_after)
            except Exception:  # counting must not fail a send
                log.exception("recording a 429 failed")

    def pause(self, seconds: float) -> None:
        """Send nothing for `seconds` (an operator-level problem: bad token, conflict)."""
        self._paused_until = max(self._paused_until, self.clock() + seconds)

    def abandon(self, owner: object) -> None:
        """Fail every waiting turn of this owner with Abandoned (the sender is stopping), and every turn it
        asks for until readmit(owner): once stopping began, no new send of its may start."""
        self._abandoned.add(owner)
        for waiter in [w for w in self._waiters if w.owner is owner]:
            self._forget(waiter)
            if not waiter.future.done():
                waiter.future.set_exception(Abandoned("stopping"))

    def readmit(self, owner: object) -> None:
        """Grant this owner's turns again (a stopped sender started again)."""
        self._abandoned.discard(owner)

    def status(self) -> GovernorStatus:
        now = self.clock()
        return GovernorStatus(
            configured_rate=self.rate.ceiling,
            learned_rate=self.rate.current,
            paused_for=max(0.0, self._paused_until - now),
            waiting=len(self._waiters),
            in_flight=self._window.inflight,
            rate_limited=self.rate_limited,
        )

    # --- granting ----------------------------------------------------------------------------------

    def _limits(self, chat_id: int, is_group: bool) -> ChatLimits:
        limits = self._chats.get(chat_id)
        if limits is None:
            s = self.settings
            limits = self._chats[chat_id] = ChatLimits(
                s.per_chat_interval, s.group_per_minute if is_group else None
            )
        return limits

    def _learn(self, now: float) -> None:
        """Climb back after a quiet period (AIMD's additive half) and size the window to the rate."""
        self.rate.tick(now)
        if self.rate.capacity is not None:
            self._window.capacity = self.rate.capacity

    def _global_wait(self, now: float) -> float:
        if self.rate.capacity is None:
            return max(0.0, self._paused_until - now)
        return max(0.0, self._paused_until - now, self._next_start - now, self._window.wait(now))

    def _ready(self, chat_id: int, now: float) -> bool:
        self._learn(now)
        if self._global_wait(now) > 0:
            return False
        limits = self._chats.get(chat_id)
        return limits is None or limits.wait(now) <= 0

    def _grant(self, chat_id: int, is_group: bool, now: float) -> Turn:
        limits = self._limits(chat_id, is_group)
        limits.take()
        if self.rate.capacity is not None:
            self._window.take()
            # Timer lateness is made up by at most half a gap, never banked into a burst; the window
            # above stays the hard bound either way.
            spacing = self.rate.spacing
            self._next_start = max(self._next_start, now - spacing / 2) + spacing
        if now >= self._sweep_at:
            self._sweep(now)
        return Turn(self, limits, now)

    def _release(self, turn: Turn, sent: bool) -> None:
        now = self.clock()
        if sent:
            turn.chat.answered(now)
            if self.rate.capacity is not None:
                self._window.answered(now)
        else:
            turn.chat.untake()
            if self.rate.capacity is not None:
                self._window.untake()
        if self._waiters:
            self._pump()

    def _pump(self) -> None:
        """Grant every turn that may go now, best priority first; set a timer for the next one."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        now = self.clock()
        self._learn(now)
        next_at = math.inf
        while self._waiters:
            wait = self._global_wait(now)
            if wait > 0:
                next_at = now + wait
                break
            chosen = None
            for waiter in self._waiters:
                if waiter.future.done():
                    continue
                limits = self._chats.get(waiter.chat_id)
                chat_wait = 0.0 if limits is None else limits.wait(now)
                if chat_wait <= 0:
                    chosen = waiter
                    break
                next_at = min(next_at, now + chat_wait)
            self._waiters = [w for w in self._waiters if not w.future.done()]
            if chosen is None:
                break
            self._forget(chosen)
            chosen.future.set_result(self._grant(chosen.chat_id, chosen.is_group, now))
        if self._waiters and math.isfinite(next_at):
            loop = asyncio.get_running_loop()
            self._timer = loop.call_at(loop.time() + max(0.0, next_at - now), self._pump)

    def _expire(self, waiter: _Waiter) -> None:
        self._forget(waiter)
        if not waiter.future.done():
            waiter.future.set_exception(FloodWaitExpired("waited too long for flood control"))

    def _forget(self, waiter: _Waiter) -> None:
        if waiter.timer is not None:
            waiter.timer.cancel()
            waiter.timer = None
        with contextlib.suppress(ValueError):
            self._waiters.remove(waiter)

    def _sweep(self, now: float) -> None:
        # A broadcast to 100,000 chats must not keep 100,000 entries for the life of the process.
        self._chats = {c: lim for c, lim in self._chats.items() if not lim.idle(now)}
        self._sweep_at = now + _SWEEP_EVERY
