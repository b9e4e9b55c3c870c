"""The delivery engine: the outbound governor, the outbox sender, digests, and the Messenger seam to Telegram."""

from __future__ import annotations

from bot.delivery.digest import Digests, digest_due
from bot.delivery.governor import FloodWaitExpired, Governor, GovernorSettings, Priority
from bot.delivery.sender import Sender, SenderSettings
from bot.delivery.transport import Messenger, PTBMessenger

__all__ = [
    "Digests",
    "FloodWaitExpired",
    "Governor",
    "GovernorSettings",
    "Messenger",
    "PTBMessenger",
    "Priority",
    "Sender",
    "SenderSettings",
    "digest_due",
]
