"""Flood accounting, pure: sliding windows per bot and per chat, and the learned (AIMD) overall rate.

Time comes in as a number (monotonic seconds); nothing sleeps here. The governor (governor.py) asks
how long to wait, grants a turn, and reports when Telegram answered.
"""

from __future__ import annotations

import math
from collections import deque

__all__ = ["ChatLimits", "LearnedRate", "SlidingWindow"]


class SlidingWindow:
    """At most `capacity` sends in any `length` seconds, counted so that no delay can break it.

    A send holds its slot from the moment it starts until `length` seconds after Telegram answered. The
    server saw the request somewhere between those two instants, so whatever the network and the
    server's queue did, the server never counts more than `capacity` of ours inside one window. (A
    bucket that allows bursts above the rate, or a window over start times, both trip a server that
    counts a strict window.)
    """

    __slots__ = ("_ends", "capacity", "inflight", "length")

    def __init__(self, capacity: int, length: float) -> None:
        self.capacity = max(1, capacity)
        self.length = length
        self.inflight = 0
        self._ends: deque[float] = deque()  # when each answered send leaves the window, ascending

    def _expire(self, now: float) -> None:
        ends = self._ends
        while ends and ends[0] <= now:
            ends.popleft()

    def wait(self, now: float) -> float:
        """Seconds until one more send fits (0 = now; inf = only when a send in flight is answered)."""
        self._expire(now)
        excess = self.inflight + len(self._ends) - self.capacity
        if excess < 0:
            return 0.0
        # The oldest `excess + 1` answered sends must leave first; sends in flight leave last.
        return self._ends[excess] - now if excess < len(self._ends) else math.inf

    def take(self) -> None:
        """A send starts now."""
        self.inflight += 1

    def answered(self, now: float) -> None:
        """A send taken earlier was answered at now (whatever the answer: a 429 may count too)."""
        self.inflight = max(0, self.inflight - 1)
        self._ends.append(now + self.length)

    def untake(self) -> None:
        """A send taken earlier never went out."""
        self.inflight = max(0, self.inflight - 1)

    def idle(self, now: float) -> bool:
        """Nothing in flight and nothing left in the window: the state can be forgotten."""
        self._expire(now)
        return self.inflight == 0 and not self._ends


class ChatLimits:
    """One chat's limits: ~1 message per `interval` to any chat, plus `per_minute` in any 60 s to a group."""

    __slots__ = ("chat", "group")

    def __init__(self, interval: float, group_per_minute: int | None) -> None:
        self.chat = SlidingWindow(1, interval)
        self.group = SlidingWindow(group_per_minute, 60.0) if group_per_minute else None

    def wait(self, now: float) -> float:
        """Seconds until this chat may receive one more message."""
        wait = self.chat.wait(now)
        return max(wait, self.group.wait(now)) if self.group is not None else wait

    def take(self) -> None:
        self.chat.take()
        if self.group is not None:
            self.group.take()

    def answered(self, now: float) -> None:
        self.chat.answered(now)
        if self.group is not None:
            self.group.answered(now)

    def untake(self) -> None:
        self.chat.untake()
        if self.group is not None:
            self.group.untake()

    def idle(self, now: float) -> bool:
        return self.chat.idle(now) and (self.group is None or self.group.idle(now))


class LearnedRate:
    """The overall rate the bot allows itself: the configured ceiling until Telegram says otherwise.

    AIMD, as TCP does with a network whose capacity it cannot see: each 429 multiplies the rate by
    `decrease` (once per burst of 429s: answers to sends that started before the cut do not cut
    again), and each quiet `quiet` seconds add `step` back, up to the ceiling. A server whose real limit
    is below the configured one answers 429 a handful of times in a long broadcast, not every few seconds.
    """

    def __init__(
        self,
        ceiling: float | None,
        *,
        decrease: float = 0.8,
        step: float = 1.0,
        quiet: float = 60.0,
        floor: float = 1.0,
    ) -> None:
        # None (or 0): no overall cap (benchmarks against an unlimited emulator)
        self.ceiling = ceiling if ceiling else None
        self.current = self.ceiling
        self.decrease = decrease
        self.step = step
        self.quiet = quiet
        self.floor = floor
        self.cuts = 0
        self._last_cut = -math.inf
        self._quiet_since = -math.inf

    def flooded(self, now: float, started: float) -> bool:
        """A 429 came back for a send that started at `started`; True if the rate was cut."""
        self._quiet_since = now
        if self.current is None or started < self._last_cut:
            return False
        self.current = max(self.floor, self.current * self.decrease)
        self._last_cut = now
        self.cuts += 1
        return True

    def tick(self, now: float) -> None:
        """Climb back one step if the last quiet period lasted long enough."""
        if self.current is None or self.ceiling is None or self.current >= self.ceiling:
            return
        if self._quiet_since == -math.inf:
            self._quiet_since = now
        elif now - self._quiet_since >= self.quiet:
            self.current = min(self.ceiling, self.current + self.step)
            self._quiet_since = now

    @property
    def capacity(self) -> int | None:
        """Sends allowed in any one-second window at the current rate."""
        return None if self.current is None else max(1, math.floor(self.current + 1e-9))

    @property
    def spacing(self) -> float:
        """The smallest gap between two send starts: sends spread over the second instead of bunching
        at its start, so a lower hidden limit is met by one 429, not by every request in flight."""
        return 0.0 if self.current is None else 1.0 / self.current
