"""The delivery engine: pacing, the outbox sender, digests, and the Messenger seam to Telegram."""

from __future__ import annotations

from bot.delivery.digest import Digests, digest_due
from bot.delivery.pacing import Pacer
from bot.delivery.sender import Sender, SenderSettings
from bot.delivery.transport import Messenger, PTBMessenger

__all__ = ["Digests", "Messenger", "PTBMessenger", "Pacer", "Sender", "SenderSettings", "digest_due"]
