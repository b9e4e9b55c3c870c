"""Flood limits modelled on Telegram's: per chat, per group or channel, and per bot.

Figures from the Bot API FAQ and PTB's FloodLimit: about 1 message/s per chat with short bursts
tolerated, 20 per minute per group or channel, about 30/s overall. Two models, since Telegram does not
publish its algorithm: "bucket" (token buckets that tolerate bursts; the default) and "window" (strict
sliding windows: at most global_rate accepted in any 1 s, per_chat_rate in any 1 s to one chat,
group_per_minute in any 60 s to one group). hidden_rate > 0 enforces that overall limit instead of
global_rate while the configuration reads as before: a server stricter than the bot was told.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

__all__ = ["FloodLimiter", "LimitConfig"]


@dataclass(slots=True)
class LimitConfig:
    """Rates and burst sizes; enabled=False turns every limit off (benchmarks of raw throughput)."""

    enabled: bool = True
    per_chat_rate: float = 1.0  # messages per second to one chat
    per_chat_burst: int = 3
    group_per_minute: float = 20.0  # messages per minute to one group, supergroup or channel
    group_burst: int = 20
    global_rate: float = 30.0  # messages per second from the bot overall
    global_burst: int = 30
    model: str = "bucket"  # "bucket" (bursts tolerated) or "window" (strict sliding windows)
    hidden_rate: float = 0.0  # > 0: the overall limit actually enforced, whatever global_rate says

    def update(self, values: dict[str, Any]) -> None:
        """Set the named fields; unknown names are an error so a typo does not silently do nothing."""
        known = {f.name: f.type for f in fields(self)}
        for key, value in values.items():
            if key not in known:
                raise ValueError(f"unknown limit {key!r}; known: {', '.join(sorted(known))}")
            if key == "enabled":
                self.enabled = bool(value)
            elif key == "model":
                if value not in ("bucket", "window"):
                    raise ValueError(f"unknown flood model {value!r}; known: bucket, window")
                self.model = str(value)
            elif key.endswith("burst"):
                setattr(self, key, max(1, int(value)))
            else:
                setattr(self, key, float(value))

    def to_json(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


class _Bucket:
    __slots__ = ("stamp", "tokens")

    def __init__(self, tokens: float, stamp: float) -> None:
        self.tokens = tokens
        self.stamp = stamp

    def refill(self, rate: float, burst: int, now: float) -> float:
        """Top up for the time elapsed; return seconds until one token is available (0 if now)."""
        self.tokens = min(float(burst), self.tokens + (now - self.stamp) * rate)
        self.stamp = now
        if self.tokens >= 1.0:
            return 0.0
        return (1.0 - self.tokens) / rate if rate > 0 else math.inf


class FloodLimiter:
    """Decides whether one more message may go to a chat now, and if not, how long to wait."""

    def __init__(self, config: LimitConfig, clock: Callable[[], float] = time.monotonic) -> None:
        self.config = config
        self.clock = clock
        self.reset()

    def reset(self) -> None:
        self._chats: dict[int, _Bucket] = {}
        self._groups: dict[int, _Bucket] = {}
        self._global = _Bucket(float(self.config.global_burst), self.clock())
        self._window = _Window()
        self._chat_windows: dict[int, _Window] = {}
        self._group_windows: dict[int, _Window] = {}
        self._sweep_at = 0.0

    @property
    def enforced_rate(self) -> float:
        """The overall limit in force (hidden_rate when set)."""
        return self.config.hidden_rate if self.config.hidden_rate > 0 else self.config.global_rate

    def _bucket(self, table: dict[int, _Bucket], chat_id: int, burst: int, now: float) -> _Bucket:
        bucket = table.get(chat_id)
        if bucket is None:
            bucket = table[chat_id] = _Bucket(float(burst), now)
        return bucket

    def acquire(self, chat_id: int, is_group: bool) -> int | None:
        """Take a token from every bucket that applies, or none: return retry_after seconds if limited."""
        cfg = self.config
        if not cfg.enabled:
            return None
        if cfg.model == "window":
            return self._acquire_window(chat_id, is_group)
        now = self.clock()
        chat = self._bucket(self._chats, chat_id, cfg.per_chat_burst, now)
        wait = chat.refill(cfg.per_chat_rate, cfg.per_chat_burst, now)
        group: _Bucket | None = None
        if is_group:
            group = self._bucket(self._groups, chat_id, cfg.group_burst, now)
            wait = max(wait, group.refill(cfg.group_per_minute / 60.0, cfg.group_burst, now))
        wait = max(wait, self._global.refill(self.enforced_rate, cfg.global_burst, now))
        if wait > 0:
            # Telegram answers whole seconds and never 0.
            return max(1, math.ceil(wait)) if math.isfinite(wait) else 3600
        chat.tokens -= 1.0
        if group is not None:
            group.tokens -= 1.0
        self._global.tokens -= 1.0
        return None

    def _acquire_window(self, chat_id: int, is_group: bool) -> int | None:
        cfg = self.config
        now = self.clock()
        chat = self._chat_windows.setdefault(chat_id, _Window())
        checks = [
            (self._window, int(self.enforced_rate), 1.0),
            (chat, int(cfg.per_chat_rate), 1.0),
        ]
        if is_group:
            group = self._group_windows.setdefault(chat_id, _Window())
            checks.append((group, int(cfg.group_per_minute), 60.0))
        wait = max(window.wait(max(1, limit), length, now) for window, limit, length in checks)
        if wait > 0:
            return max(1, math.ceil(wait))
        for window, _, _ in checks:
            window.times.append(now)
        if now >= self._sweep_at:
            self._chat_windows = {c: w for c, w in self._chat_windows.items() if w.live(now, 1.0)}
            self._group_windows = {c: w for c, w in self._group_windows.items() if w.live(now, 60.0)}
            self._sweep_at = now + 60.0
        return None


class _Window:
    """Accepted message times inside the last window (strict model)."""

    __slots__ = ("times",)

    def __init__(self) -> None:
        self.times: deque[float] = deque()

    def wait(self, limit: int, length: float, now: float) -> float:
        """Seconds until one more message fits (0 = now)."""
        times = self.times
        while times and times[0] <= now - length:
            times.popleft()
        if len(times) < limit:
            return 0.0
        return times[len(times) - limit] + length - now

    def live(self, now: float, length: float) -> bool:
        return bool(self.times) and self.times[-1] > now - length
