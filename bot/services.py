"""The services a running bot holds, handed to handlers through the application's bot_data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.config import Config
from bot.delivery.governor import Governor
from bot.delivery.transport import flood_seconds
from bot.poller import Poller
from bot.sources.fetch import Fetcher
from bot.throttle import UserThrottle
from storage.api import Store

if TYPE_CHECKING:
    from bot.delivery import Digests, Sender
    from bot.delivery.timed import TimedSends
    from bot.inline import InlineSearch

__all__ = ["Services"]


@dataclass(slots=True)
class Services:
    """Store, fetcher, poller, governor and sender of one running bot, plus short-lived UI state."""

    config: Config
    store: Store
    fetcher: Fetcher
    poller: Poller
    sender: Sender | None = None
    digests: Digests | None = None
    # Every rate-limited Bot API call waits for its turn here (replies, alerts, pushes, digests).
    governor: Governor = field(default_factory=lambda: Governor(flood_wait=flood_seconds))
    throttle: UserThrottle | None = None  # inbound: a user flooding the bot is ignored for a while
    # Short keys for things too long for 64-byte callback data (search queries, pending /addsource).
    pending: dict[str, object] = field(default_factory=dict)
    timed: TimedSends | None = None  # held pushes and reminders (bot.delivery.timed)
    inline: InlineSearch | None = None  # inline mode's cached search
    # The wall clock of reminders and quiet hours; tests inject one to move time without sleeping.
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
