"""Digest mode: at each chat's local HH:MM, one message (split if long) listing the notices since the last.

The check is cheap when nothing is due; the Sender runs it every SenderSettings.digest_every seconds
inside its own task (so digests share its pacing), or an application may call it from a job.
Crash-safe like the outbox: rows are claimed, then each message's rows are marked sent when it arrives
(bot.delivery.batch), and the digest time moves once all are.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta, tzinfo

from bot.delivery.batch import Batch, retry_split
from bot.delivery.sender import Sender
from bot.delivery.texts import zone
from bot.delivery.transport import ChatGone, DeliveryError, MaybeDelivered, Rejected, Transient
from bot.i18n import language_of
from bot.render import render_digest_parts
from storage.models import DeliveryResult, DigestChat

__all__ = ["Digests", "digest_due"]

log = logging.getLogger(__name__)

_LOOKBACK = timedelta(days=2)  # a bot down for a week sends one digest on return, not seven


def _hhmm(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def digest_due(times: Sequence[str], tz: tzinfo, since: datetime, now: datetime) -> bool:
    """Whether a local HH:MM in `times` fell in (since, now]; DST gaps are handled by zoneinfo."""
    start = max(since, now - _LOOKBACK)
    day = start.astimezone(tz).date()
    last = now.astimezone(tz).date()
    while day <= last:
        for hhmm in times:
            scheduled = datetime.combine(day, _hhmm(hhmm), tzinfo=tz)
            if start < scheduled <= now:
                return True
        day += timedelta(days=1)
    return False


class Digests:
    """Sends the digests that are due; call it with the current time (UTC, timezone-aware)."""

    def __init__(self, sender: Sender, *, max_items: int = 200) -> None:
        self.sender = sender
        self.store = sender.store
        self.max_items = max_items

    async def __call__(self, now: datetime | None = None) -> int:
        """Send every due digest; returns how many chats got one."""
        at = now or datetime.now(UTC)
        due: list[tuple[DigestChat, tzinfo]] = []
        for chat in await self.store.digest_chats():
            tz = zone(chat.timezone) or UTC
            if digest_due(chat.times, tz, chat.since, at):
                due.append((chat, tz))
        # Chats side by side (bounded, paced by the governor): one whose sends time out delays no other.
        return await self.sender.each_chat(due, lambda item: self.send(item[0], item[1], at))

    async def send(self, chat: DigestChat, tz: tzinfo, now: datetime) -> int:
        """Send one chat's digest now; 1 if it went out whole, else 0 (what is left stays due)."""
        rows = await self.store.claim_digest(chat.chat_id, self.max_items)
        batch = Batch(self.sender, rows)
        try:
            return await self._send(chat, tz, now, batch)
        except Exception as exc:  # a bug or a storage hiccup: the rows must not stay claimed
            log.exception("digest for chat %s failed unexpectedly", chat.chat_id)
            await self.store.record_results(self.sender.retry_later(batch.unsent, exc, now), now)
            return 0

    async def _send(self, chat: DigestChat, tz: tzinfo, now: datetime, batch: Batch) -> int:
        await batch.load()
        if batch.gone:
            await self.store.record_results(
                [DeliveryResult(r.id, "skipped", error="notice no longer stored") for r in batch.gone], now
            )
        if not batch.notices:
            await self.store.finish_digest(chat.chat_id, [], None, now)  # nothing new: next one tomorrow
            return 0
        lang = language_of(chat.language, self.sender.texts.default_language)
        changes = await self.sender.texts.changes(batch.notices)
        parts = render_digest_parts(
            batch.notices, lang, date=now.astimezone(tz).date().isoformat(), changes=changes
        )
        try:
            await batch.send(chat.chat_id, chat.chat_type != "private", parts)
        except ChatGone:
            return 0  # the chat was deactivated and its deliveries skipped
        except DeliveryError as exc:
            # The parts that arrived are recorded sent; the rest wait for the next check (the digest is
            # still due), so a retry never repeats a message the chat already has.
            log.warning("digest for chat %s not sent whole (%s); the rest stays due", chat.chat_id, exc)
            await self.store.record_results(self._put_back(batch, exc, now), now)
            return 0
        await self.store.finish_digest(chat.chat_id, [], None, now)  # every row is recorded: move the clock
        return 1

    def _put_back(self, batch: Batch, exc: DeliveryError, now: datetime) -> list[DeliveryResult]:
        """The unsent rows after a part failed. A part that timed out twice may have arrived
        (Sender.transmit resent it once): it fails rather than risk a third copy. A part that failed otherwise
        (a 5xx, a refusal) uses up one attempt of its rows (retry_split, as held pushes do), so one that keeps
        failing fails for good after max_attempts instead of going again at every check; the parts after it
        were never tried and keep their budget. Stopping, or Telegram unusable: all untried."""
        if not isinstance(exc, MaybeDelivered | Transient | Rejected):
            return [DeliveryResult(r.id, "pending", counts_as_attempt=False) for r in batch.unsent]
        maybe = isinstance(exc, MaybeDelivered)
        error = f"{type(exc).__name__}: {exc}"
        results = [DeliveryResult(r.id, "failed", error=error) for r in batch.in_flight] if maybe else []
        tried, untried = retry_split(batch.in_flight, batch.unsent, maybe_delivered=maybe)
        return results + self.sender.retry_later(tried, exc, now, untried=untried)
