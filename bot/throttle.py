"""Inbound throttling: a user who floods the bot is ignored until they slow down, other users are not."""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["UserThrottle"]

_SWEEP_EVERY = 60.0


class UserThrottle:
    """A token bucket per user: `burst` updates at once, then `rate` a second on average.

    allow() says whether to handle an update and whether this one started a new throttled episode (so
    the caller logs one line per episode, not one per ignored update). An episode ends when the
    user's bucket has refilled completely.
    """

    def __init__(
        self, burst: int = 20, rate: float = 1.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.burst = float(max(1, burst))
        self.rate = rate
        self.clock = clock
        self._buckets: dict[int, tuple[float, float]] = {}  # user -> (tokens, when)
        self._throttled: set[int] = set()
        self.ignored = 0
        self._sweep_at = 0.0

    def allow(self, user_id: int) -> tuple[bool, bool]:
        """(handle it?, did a throttled episode start with this update?)"""
        now = self.clock()
        tokens, when = self._buckets.get(user_id, (self.burst, now))
        tokens = min(self.burst, tokens + (now - when) * self.rate)
        if tokens >= self.burst:
            self._throttled.discard(user_id)
        if tokens >= 1.0:
            self._buckets[user_id] = (tokens - 1.0, now)
            allowed, started = True, False
        else:
            self._buckets[user_id] = (tokens, now)
            self.ignored += 1
            started = user_id not in self._throttled
            self._throttled.add(user_id)
            allowed = False
        if now >= self._sweep_at:
            self._sweep(now)
        return allowed, started

    def _sweep(self, now: float) -> None:
        # Users whose bucket is full again need no entry.
        full = now - self.burst / self.rate if self.rate > 0 else -float("inf")
        self._buckets = {u: (k, w) for u, (k, w) in self._buckets.items() if w > full}
        self._throttled &= set(self._buckets)
        self._sweep_at = now + _SWEEP_EVERY
