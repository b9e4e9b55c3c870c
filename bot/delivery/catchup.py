"""The catch-up of a chat that comes back: one message listing the notices it missed (docs/delivery.md)."""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from bot.delivery.governor import Priority
from bot.delivery.sender import Sender, SenderStopped
from bot.delivery.texts import zone
from bot.delivery.transport import ChatGone, DeliveryError, MaybeDelivered, Rejected
from bot.i18n import language_of, t
from bot.render import MAX_TEXT_LENGTH, digest_item, visible_length
from domain.rules import matches_keywords
from storage.api import SendStore
from storage.models import DueCatchup, MissedNotice, Notice, Subscription

__all__ = ["CAP", "CHUNK", "MAX_ATTEMPTS", "SHOWN", "CatchUps", "collect", "missed", "render_catchup"]

log = logging.getLogger(__name__)

SHOWN = 10  # the newest missed notices listed; the rest are counted
CAP = 200  # counted up to this; beyond it the message says "more than CAP" (bounds the work per chat)
CHUNK = 500  # candidate rows per query, newest first; the loop gets a turn between chunks
# Failed sends (network, 5xx, 429) of one catch-up before it is dropped, as the outbox's rows.
MAX_ATTEMPTS = 5
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


async def collect(
    store: SendStore, due: DueCatchup, since: datetime, subscriptions: Sequence[Subscription]
) -> tuple[list[int], int]:
    """The newest SHOWN missed ids and how many were missed, counting stops past CAP (then CAP + 1).

    Without keyword filters no text is loaded (every candidate counts); with them, candidates are matched
    in chunks of CHUNK newest first, the event loop getting a turn between chunks."""
    texts = any(s.include or s.exclude for s in subscriptions)
    found: dict[int, None] = {}
    after: MissedNotice | None = None
    while True:
        chunk = await store.missed_notices(
            due.chat_id, since, due.until, limit=CHUNK, after=after, texts=texts
        )
        for notice_id in missed(chunk, subscriptions):
            found[notice_id] = None
            if len(found) > CAP:
                return list(found)[:SHOWN], len(found)
        if len(chunk) < CHUNK:
            return list(found)[:SHOWN], len(found)
        after = chunk[-1]
        await asyncio.sleep(0)


def render_catchup(notices: Sequence[Notice], total: int, lang: str, since: str) -> str:
    """The message: the count since the date (past CAP: "more than CAP"), the given notices as digest
    lines, "…and M more"."""
    if total > CAP:
        title = t("catchup.title_many", lang, date=since, count=CAP)
    else:
        title = t("catchup.title_one" if total == 1 else "catchup.title", lang, date=since, count=total)
    head = f"<b>{_e(title)}</b>"
    blocks = [head]
    for n in notices:
        block = f"{digest_item(n)}\n/notice {n.id}"
        # Ten clipped items fit easily; this guard keeps room for the tail whatever they hold.
        if visible_length("\n\n".join([*blocks, block])) > MAX_TEXT_LENGTH - _TAIL_ROOM:
            break
        blocks.append(block)
    more = total - (len(blocks) - 1)
    if total > CAP:
        blocks.append(_e(t("catchup.more_many", lang)))
    elif more > 0:
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
        # chat -> failed sends so far (this process; bounded by MAX_ATTEMPTS)
        self._failures: dict[int, int] = {}

    async def __call__(self, now: datetime | None = None) -> int:
        """Send every due catch-up; returns how many chats got one (Sender.start released stale claims)."""
        at = now or datetime.now(UTC)
        due = await self.store.claim_catchups(self.batch)
        return await self.sender.each_chat(due, lambda item: self.send(item, at))

    async def send(self, due: DueCatchup, now: datetime) -> int:
        """Send one chat's catch-up (nothing when it missed nothing); 1 if one went out. The claim is
        released whatever happens, a cancellation (Sender.stop) included."""
        done = False
        try:
            sent, done = await self._send(due, now)
            return sent
        except Exception:  # a bug or a storage hiccup: it must not stay claimed
            log.exception("catch-up for chat %s failed unexpectedly; it stays due", due.chat_id)
            return 0
        finally:
            # By the id the send ended on: a group that became a supergroup on the way moved its claim.
            chat_id = self.sender.moved.get(due.chat_id, due.chat_id)
            # Shielded: a cancelled step still releases the claim (else it stays claimed until a restart).
            await asyncio.shield(self.store.finish_catchup(chat_id, due.until, done=done))

    async def _send(self, due: DueCatchup, now: datetime) -> tuple[int, bool]:
        """(1 if sent, whether its period is told)."""
        # The window: the outbox retention, so what is listed is what the outbox could still show.
        since = max(due.since, now - self.window)
        ids, total = await collect(self.store, due, since, await self.store.list_subscriptions(due.chat_id))
        notices = [n for n in [await self.sender.texts.notice(i) for i in ids] if n is not None]
        if not notices:
            return 0, True  # nothing was missed
        lang = language_of(due.language, self.sender.texts.default_language)
        date = since.astimezone(zone(due.timezone) or UTC).date().isoformat()
        text = render_catchup(notices, total, lang, date)
        try:
            await self.sender.transmit(
                due.chat_id, due.chat_type != "private", text, priority=Priority.DIGEST
            )
        except ChatGone:
            # Deactivated again: it stays due, and its return widens it (upsert_chat keeps the older since).
            return 0, False
        except SenderStopped:  # stopping: not tried, so no failed send; it stays due for the next start
            log.info("catch-up for chat %s not sent: the sender is stopping; it stays due", due.chat_id)
            return 0, False
        except (Rejected, MaybeDelivered) as exc:
            # Telegram refused it, or it may have arrived (transmit resent it once): not a third copy.
            log.warning("catch-up for chat %s given up: %s", due.chat_id, exc)
            return 0, True
        except DeliveryError as exc:
            # Network, 5xx, 429s past the governor's bound: retried at the next steps, MAX_ATTEMPTS in all.
            failures = self._failures.get(due.chat_id, 0) + 1
            if failures >= MAX_ATTEMPTS:
                self._failures.pop(due.chat_id, None)
                log.warning(
                    "catch-up for chat %s dropped after %d failed sends: %s", due.chat_id, failures, exc
                )
                return 0, True
            self._failures[due.chat_id] = failures
            log.warning("catch-up for chat %s not sent (%s); it stays due", due.chat_id, exc)
            return 0, False
        self._failures.pop(due.chat_id, None)
        return 1, True
