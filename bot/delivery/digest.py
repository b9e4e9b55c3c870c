"""Digest mode: at each chat's local HH:MM, one message (split if long) listing the notices since the last.

The check is cheap when nothing is due; the Sender runs it every SenderSettings.digest_every seconds
inside its own task (so digests share its pacing), or an application may call it from a job.
Crash-safe like the outbox: rows are claimed, sent, then marked sent together with the digest time.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime, time, timedelta, tzinfo

from bot.delivery.sender import Sender
from bot.delivery.texts import zone
from bot.delivery.transport import ChatGone, DeliveryError
from bot.i18n import language_of
from bot.render import render_digest
from storage.models import DeliveryResult, DigestChat, Notice

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
        now = now or datetime.now(UTC)
        sent = 0
        for chat in await self.store.digest_chats():
            tz = zone(chat.timezone) or UTC
            if digest_due(chat.times, tz, chat.since, now):
                try:
                    sent += await self.send(chat, tz, now)
                except Exception:
                    log.exception("digest for chat %s failed; it stays due", chat.chat_id)
        return sent

    async def send(self, chat: DigestChat, tz: tzinfo, now: datetime) -> int:
        """Send one chat's digest now; 1 if a message went out, else 0."""
        rows = await self.store.claim_digest(chat.chat_id, self.max_items)
        if not rows:
            await self.store.finish_digest(chat.chat_id, [], None, now)  # nothing new: next one tomorrow
            return 0
        notices: list[Notice] = []
        seen: set[int] = set()
        for row in rows:
            notice = await self.sender.texts.notice(row.notice_id)
            if notice is not None and notice.id not in seen:
                seen.add(notice.id)
                notices.append(notice)
        lang = language_of(chat.language, self.sender.texts.default_language)
        texts = render_digest(notices, lang, date=now.astimezone(tz).date().isoformat())
        first: int | None = None
        try:
            for text in texts:
                message_id = await self.sender.transmit(chat.chat_id, chat.chat_type != "private", text)
                first = first if first is not None else message_id
        except ChatGone:
            return 0  # the chat was deactivated and its deliveries skipped
        except DeliveryError as exc:
            log.warning("digest for chat %s not sent (%s); it stays due", chat.chat_id, exc)
            untried = [DeliveryResult(r.id, "pending", counts_as_attempt=False) for r in rows]
            await self.store.record_results(untried, now)
            return 0
        await self.store.finish_digest(chat.chat_id, [r.id for r in rows], first, now)
        return 1
