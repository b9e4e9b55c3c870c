"""The catch-up of a chat that comes back: one message listing the notices it missed while it was away.

A chat that blocked or removed the bot is deactivated and gets nothing meanwhile; when it comes back
(storage: upsert_chat, which queues the catch-up in the transaction that reactivates it), this sends it
one message: how many notices matched its subscriptions while the bot could not write there, the newest
few with `/notice <id>`. It runs in the Sender's periodic step and goes out through Sender.transmit.
Missed = the deliveries skipped when the chat went away, plus the notices first seen while it was away
that its subscriptions (and their keyword filters: domain.rules) would have matched, within `window`
(the outbox retention: older skipped rows may be pruned already).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from bot.delivery.governor import Priority
from bot.delivery.sender import Sender
from bot.delivery.texts import zone
from bot.delivery.transport import ChatGone, DeliveryError, MaybeDelivered, Rejected
from bot.i18n import language_of, t
from bot.render import MAX_TEXT_LENGTH, clip, digest_line, visible_length
from domain.rules import matches_keywords
from storage.models import DueCatchup, MissedNotice, Notice, Subscription

__all__ = ["SHOWN", "CatchUps", "missed", "render_catchup"]

log = logging.getLogger(__name__)

SHOWN = 10  # the newest missed notices listed; the rest are counted
_TITLE_MAX = 150
_LINE_MAX = 120
_TAIL_ROOM = 100  # "…and M more"


def missed(candidates: Sequence[MissedNotice], subscriptions: Sequence[Subscription]) -> list[int]:
    """The ids of the notices the chat missed, newest first, once each: those skipped when it went away,
    and those seen meanwhile that one of its subscriptions (source and keywords) would have pushed."""
    out: dict[int, None] = {}
    for c in candidates:
        if c.notice_id in out:
            continue
        if c.skipped or any(
            s.source_id in (None, c.source_id) and matches_keywords(c.title, c.text, s.include, s.exclude)
            for s in subscriptions
        ):
            out[c.notice_id] = None
    return list(out)


def render_catchup(notices: Sequence[Notice], total: int, lang: str, since: str) -> str:
    """The message: the count since the date, the given notices as digest lines, "…and M more"."""
    head = f"<b>{_e(t('catchup.title', lang, date=since, count=total))}</b>"
    blocks = [head]
    for n in notices:
        title = clip(" ".join((n.title or n.url).split()), _TITLE_MAX)
        line = clip(" ".join(digest_line(n).split()), _LINE_MAX)
        block = f"• <b>{_e(title)}</b>\n{_e(line)}\n/notice {n.id}"
        # Ten clipped items fit easily; this guard keeps room for the tail whatever they hold.
        if visible_length("\n\n".join([*blocks, block])) > MAX_TEXT_LENGTH - _TAIL_ROOM:
            break
        blocks.append(block)
    more = total - (len(blocks) - 1)
    if more > 0:
        blocks.append(_e(t("catchup.more", lang, count=more)))
    return "\n\n".join(blocks)


def _e(value: str) -> str:
    return html.escape(value, quote=False)


class CatchUps:
    """Sends the catch-ups that are due; call it with the current time (UTC, timezone-aware)."""

    def __init__(self, sender: Sender, *, window: timedelta = timedelta(days=30), batch: int = 50) -> None:
        self.sender = sender
        self.store = sender.store
        self.window = window
        self.batch = batch
        self._recovered = False

    async def __call__(self, now: datetime | None = None) -> int:
        """Send every due catch-up; returns how many chats got one."""
        at = now or datetime.now(UTC)
        if not self._recovered:
            if recovered := await self.store.recover_catchups():
                log.info("released %d catch-ups left in flight by the previous run", recovered)
            self._recovered = True
        due = await self.store.claim_catchups(self.batch)
        return await self.sender.each_chat(due, lambda item: self.send(item, at))

    async def send(self, due: DueCatchup, now: datetime) -> int:
        """Send one chat's catch-up (nothing when it missed nothing); 1 if one went out."""
        try:
            return await self._send(due, now)
        except Exception:  # a bug or a storage hiccup: it must not stay claimed
            log.exception("catch-up for chat %s failed unexpectedly; it stays due", due.chat_id)
            await self.store.finish_catchup(due.chat_id, due.until, done=False)
            return 0

    async def _send(self, due: DueCatchup, now: datetime) -> int:
        # The window: the outbox retention, so what is listed is what the outbox could still show.
        since = max(due.since, now - self.window)
        ids = missed(
            await self.store.missed_notices(due.chat_id, since, due.until),
            await self.store.list_subscriptions(due.chat_id),
        )
        notices = [n for n in [await self.sender.texts.notice(i) for i in ids[:SHOWN]] if n is not None]
        if not notices:
            await self.store.finish_catchup(due.chat_id, due.until, done=True)  # nothing was missed
            return 0
        lang = language_of(due.language, self.sender.texts.default_language)
        date = since.astimezone(zone(due.timezone) or UTC).date().isoformat()
        text = render_catchup(notices, len(ids), lang, date)
        try:
            await self.sender.transmit(
                due.chat_id, due.chat_type != "private", text, priority=Priority.DIGEST
            )
        except ChatGone:
            # Deactivated again: it stays due, and its return widens it (upsert_chat keeps the older since).
            await self.store.finish_catchup(due.chat_id, due.until, done=False)
            return 0
        except (Rejected, MaybeDelivered) as exc:
            # Telegram refused it, or it may have arrived (transmit resent it once): not a third copy.
            log.warning("catch-up for chat %s given up: %s", due.chat_id, exc)
            await self.store.finish_catchup(due.chat_id, due.until, done=True)
            return 0
        except DeliveryError as exc:
            log.warning("catch-up for chat %s not sent (%s); it stays due", due.chat_id, exc)
            await self.store.finish_catchup(due.chat_id, due.until, done=False)
            return 0
        await self.store.finish_catchup(due.chat_id, due.until, done=True)
        return 1
