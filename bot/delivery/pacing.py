"""Pacing before Telegram complains: one overall rate, ~1 message/s per private chat, 20/min per group.

Pure: time comes in as a number (monotonic seconds), nothing sleeps here. The sender asks how long to
wait, sleeps, then records the send. Limits are from telegram.md / PTB's FloodLimit constants.
"""

from __future__ import annotations

import math

__all__ = ["GlobalRate", "Pacer"]

_JITTER_MARGIN = 1.05


class GlobalRate:
    """The overall cap as a GCRA (virtual scheduling): sends spaced 1/rate apart, a small burst allowed.

    Unlike a token bucket that caps at `burst` while we are busy elsewhere, lateness is made up within
    the burst, so the achieved rate stays at the cap instead of drifting below it.
    """

    def __init__(self, rate: float | None, burst: float = 1.0) -> None:
        self.rate = rate  # None = no cap (the emulator's raw-throughput benchmark)
        self.interval = 0.0 if rate is None else 1.0 / rate
        self.tolerance = max(0.0, burst - 1.0) * self.interval
        self._tat = -math.inf  # theoretical arrival time of the next send

    def wait(self, now: float) -> float:
        """Seconds until one more send is allowed (0 = now)."""
        if self.rate is None:
            return 0.0
        return max(0.0, self._tat - self.tolerance - now)

    def take(self, now: float) -> None:
        """Record one send at now."""
        if self.rate is not None:
            self._tat = max(self._tat, now) + self.interval


class Pacer:
    """Decides when the next message may go, overall and to one chat; also holds a global pause.

    Private chats: at least per_chat_interval between two messages. Groups, supergroups and channels:
    at least 60/group_per_minute seconds (20/min -> 3 s; never less than per_chat_interval), the strict reading of "20 per minute", so a
    long digest never bursts into a group. A RetryAfter pauses everything until the time asked.
    """

    def __init__(
        self,
        rate: float | None = 30.0,
        *,
        per_chat_interval: float = 1.0,
        group_per_minute: float = 20.0,
        burst: float | None = None,
    ) -> None:
        # A burst of a tenth of a second's worth absorbs scheduling jitter without ever nearing the
        # ~1 s of burst Telegram tolerates.
        self.rate = GlobalRate(rate, burst if burst is not None else max(1.0, (rate or 0.0) / 10))
        self.per_chat_interval = per_chat_interval
        # The per-chat limit applies to groups too: a group gets the slower of the two spacings.
        self.group_interval = max(per_chat_interval, 60.0 / group_per_minute)
        self._next_for_chat: dict[int, float] = {}
        self._paused_until = -math.inf
        self._sweep_at = 0.0

    def chat_interval(self, is_group: bool) -> float:
        """The minimum spacing of messages to one chat of this kind, with a margin for network jitter
        (two requests sent exactly one interval apart may arrive a few milliseconds closer)."""
        return (self.group_interval if is_group else self.per_chat_interval) * _JITTER_MARGIN

    def chat_wait(self, chat_id: int, now: float) -> float:
        """Seconds until this chat may receive another message (0 = now)."""
        return max(0.0, self._next_for_chat.get(chat_id, -math.inf) - now)

    def global_wait(self, now: float) -> float:
        """Seconds until any message may go: a RetryAfter pause, else the overall rate."""
        return max(self._paused_until - now, self.rate.wait(now), 0.0)

    def record(self, chat_id: int, is_group: bool, now: float) -> None:
        """Count one message to chat_id sent at now (the sender's, or a command reply outside it)."""
        self.rate.take(now)
        self._next_for_chat[chat_id] = now + self.chat_interval(is_group)
        if now >= self._sweep_at:
            self._sweep(now)

    def pause(self, seconds: float, now: float) -> None:
        """Send nothing for `seconds` from now (a RetryAfter); a longer pause already set wins."""
        self._paused_until = max(self._paused_until, now + seconds)

    @property
    def paused_until(self) -> float:
        """The end of the current pause (-inf when none was ever set)."""
        return self._paused_until

    def _sweep(self, now: float) -> None:
        # Forget chats whose spacing has passed, so a broadcast to 100,000 chats does not keep
        # 100,000 entries for the life of the process.
        self._next_for_chat = {c: t for c, t in self._next_for_chat.items() if t > now}
        self._sweep_at = now + max(self.group_interval, 10.0)
