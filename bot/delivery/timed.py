"""Sends that wait for a time: pushes held over a chat's quiet hours, and deadline reminders.

Both run inside the Sender's loop (its periodic hook, like digests) and go out through Sender.transmit,
so they share its pacing and its reactions to 429s, blocked chats and migrations. Crash-safe like the
outbox: rows are claimed ('sending'), sent, then recorded; rows a crash left 'sending' go back to pending.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from itertools import groupby

from bot.delivery.batch import Batch
from bot.delivery.catchup import CatchUps
from bot.delivery.digest import Digests
from bot.delivery.governor import Priority
from bot.delivery.sender import Sender
from bot.delivery.texts import zone
from bot.delivery.transport import ChatGone, DeliveryError, MaybeDelivered, Rejected, Transient
from bot.i18n import language_of, register, t
from bot.quiet import quiet_until
from bot.reminders import render_reminder
from bot.render import render_digest_parts
from storage.models import DeliveryResult, DueDelivery, DueReminder

__all__ = ["TimedSends", "periodic_step", "retry_split"]

log = logging.getLogger(__name__)

register(
    {
        "quiet.held_title": {
            "zh": "🌙 免打扰时段内的 {count} 条新通知",
            "en": "🌙 {count} new notices from your quiet hours",
        },
    }
)


def retry_split(
    in_flight: Sequence[DueDelivery], unsent: Sequence[DueDelivery], *, maybe_delivered: bool
) -> tuple[list[DueDelivery], list[DueDelivery]]:
    """After a part of a held batch failed: (rows put back counting an attempt, rows put back without one).

    The part in flight was tried and counts an attempt (unless it may have arrived: its rows are failed,
    not put back); the parts after it were never tried. A part with no rows of its own (a heading-only
    first part) leaves none to count it: then every unsent row counts the attempt, or a part that always
    fails so would be retried forever at the first backoff.
    """
    if not in_flight:
        return list(unsent), []
    rest = [r for r in unsent if r not in in_flight]
    return ([] if maybe_delivered else list(in_flight)), rest


class TimedSends:
    """Releases held pushes whose quiet window ended and sends due reminders; call with the current time."""

    def __init__(self, sender: Sender, *, batch: int = 200) -> None:
        self.sender = sender
        self.store = sender.store
        self.batch = batch
        self._recovered = False

    async def __call__(self, now: datetime | None = None) -> int:
        """Send what is due; returns how many messages went out."""
        now = now or datetime.now(UTC)
        if not self._recovered:
            recovered = await self.store.recover_reminders()
            if recovered:
                log.info("recovered %d reminders left in flight by the previous run", recovered)
            self._recovered = True
        # Side by side: a chat whose held pushes time out delays no chat's reminders (and vice versa).
        held, reminded = await asyncio.gather(
            self.release_held(now), self.send_reminders(now), return_exceptions=True
        )
        if isinstance(held, BaseException):
            log.error("releasing held pushes failed; they stay held", exc_info=held)
        if isinstance(reminded, BaseException):
            log.error("sending reminders failed; they stay due", exc_info=reminded)
        return (held if isinstance(held, int) else 0) + (reminded if isinstance(reminded, int) else 0)

    # --- quiet hours -------------------------------------------------------------------------------

    async def release_held(self, now: datetime) -> int:
        """One message per chat: the notice itself when one was held, a small digest when several were."""
        rows = await self.store.claim_held(now, self.batch)
        groups = [list(group) for _chat_id, group in groupby(rows, key=lambda r: r.chat_id)]
        return await self.sender.each_chat(groups, lambda group: self._release_chat(group, now))

    async def _release_chat(self, rows: list[DueDelivery], now: datetime) -> int:
        first = rows[0]
        tz = zone(first.timezone) or UTC
        until = quiet_until(first.quiet, tz, now)
        if until is not None:  # the chat moved its window since: hold on until the new end
            await self._record(rows, "held", next_attempt=until, counts=False)
            return 0
        is_group = first.chat_type != "private"
        batch = Batch(self.sender, rows)
        try:
            if len(rows) == 1:
                text = await self.sender.texts.for_delivery(first)
                if text is None:
                    await self._record(rows, "skipped", error="notice no longer stored")
                    return 0
                buttons = await self.sender.texts.buttons_for(first, now)
                batch.in_flight = list(rows)
                message_id = await self.sender.transmit(first.chat_id, is_group, text, buttons=buttons)
                batch.unsent = batch.in_flight = []  # it arrived: a failure from here on must not resend it
                await self._record(rows, "sent", message_id=message_id)
                return 1
            await batch.load()
            if batch.gone:
                await self._record(batch.gone, "skipped", error="notice no longer stored")
            if not batch.notices:
                return 0
            lang = language_of(first.language, self.sender.texts.default_language)
            title = t("quiet.held_title", lang, count=len(batch.notices))
            date = now.astimezone(tz).date().isoformat()
            # Each part's rows are recorded sent as it arrives: a retry sends only the parts still due.
            changes = await self.sender.texts.changes(batch.notices)
            parts = render_digest_parts(batch.notices, lang, date=date, heading=title, changes=changes)
            await batch.send(first.chat_id, is_group, parts)
        except ChatGone:
            return 0  # the chat was deactivated; its open deliveries were skipped with it
        except Rejected as exc:
            await self._record(batch.unsent, "failed", error=f"Rejected: {exc}")
            return 0
        except MaybeDelivered as exc:
            # transmit resent the message once already: it fails rather than risk a third copy; the
            # parts after it were never tried and are tried again.
            await self._record(batch.in_flight, "failed", error=f"{type(exc).__name__}: {exc}")
            tried, untried = retry_split(batch.in_flight, batch.unsent, maybe_delivered=True)
            await self._retry(tried, exc, now, untried=untried)
            return 0
        except Transient as exc:
            tried, untried = retry_split(batch.in_flight, batch.unsent, maybe_delivered=False)
            await self._retry(tried, exc, now, untried=untried)
            return 0
        except DeliveryError:  # stopping, or Telegram unusable: untried, due again
            await self._record(batch.unsent, "pending", counts=False)
            return 0
        except Exception as exc:  # a bug or a storage hiccup: the rows must not stay claimed
            log.exception("releasing held pushes for chat %s failed unexpectedly", first.chat_id)
            await self._retry(batch.unsent, exc, now)
            return 0
        return 1

    async def _retry(
        self,
        rows: Sequence[DueDelivery],
        exc: BaseException,
        now: datetime,
        *,
        untried: Sequence[DueDelivery] = (),
    ) -> None:
        """Put rows back for a later try (or fail them at max_attempts), untried ones without counting an
        attempt: see Sender.retry_later."""
        results = self.sender.retry_later(rows, exc, now, untried=untried)
        await self.store.record_results(results, self.sender.wall())

    async def _record(
        self,
        rows: Sequence[DueDelivery],
        state: str,
        *,
        message_id: int | None = None,
        next_attempt: datetime | None = None,
        error: str | None = None,
        counts: bool = True,
    ) -> None:
        results = [
            DeliveryResult(r.id, state, message_id, error, next_attempt, counts)  # type: ignore[arg-type]
            for r in rows
        ]
        await self.store.record_results(results, self.sender.wall())

    # --- reminders ---------------------------------------------------------------------------------

    async def send_reminders(self, now: datetime) -> int:
        """Send each due reminder once; after downtime only the latest of a deadline's overdue ones."""
        rows = await self.store.claim_reminders(now, self.batch)
        skipped: list[DeliveryResult] = []
        latest: dict[tuple[int, int, str], DueReminder] = {}
        for row in rows:
            key = (row.chat_id, row.notice_id, row.deadline)
            if key in latest:
                skipped.append(
                    DeliveryResult(latest[key].id, "skipped", error="superseded by a later reminder")
                )
            latest[key] = row
        if skipped:
            await self.store.record_reminder_results(skipped, self.sender.wall())
        by_chat: dict[int, list[DueReminder]] = {}
        for row in latest.values():
            by_chat.setdefault(row.chat_id, []).append(row)
        # Chats side by side, each chat's reminders in order.
        return await self.sender.each_chat(by_chat.values(), lambda chat: self._remind_chat(chat, now))

    async def _remind_chat(self, rows: list[DueReminder], now: datetime) -> int:
        sent = 0
        for row in rows:  # each recorded once Telegram answered: a crash repeats at most the one in flight
            try:
                result = await self._remind(row, now)
            except Exception as exc:  # a bug or a storage hiccup: the reminder must not stay claimed
                log.exception("reminder %s failed unexpectedly", row.id)
                [result] = self.sender.retry_later([row], exc, now)
            await self.store.record_reminder_results([result], self.sender.wall())
            sent += result.state == "sent"
        return sent

    async def _remind(self, row: DueReminder, now: datetime) -> DeliveryResult:
        tz = zone(row.timezone) or UTC
        if row.deadline < now.astimezone(tz).date().isoformat():
            return DeliveryResult(row.id, "skipped", error="deadline passed")
        until = quiet_until(row.quiet, tz, now)
        if until is not None:  # reminders wait for the quiet hours to end, too
            return DeliveryResult(row.id, "pending", next_attempt=until, counts_as_attempt=False)
        lang = language_of(row.language, self.sender.texts.default_language)
        text = render_reminder(row, lang, tz, now)
        buttons = (((t("reminder.done", lang), f"rmd:{row.notice_id}"),),)
        try:
            message_id = await self.sender.transmit(  # a reminder is a push, ahead of digests
                row.chat_id, row.chat_type != "private", text, buttons=buttons, priority=Priority.PUSH
            )
        except ChatGone as exc:
            return DeliveryResult(row.id, "skipped", error=str(exc))
        except MaybeDelivered as exc:  # transmit resent it once already: no third copy
            return DeliveryResult(row.id, "failed", error=f"{type(exc).__name__}: {exc}")
        except Transient as exc:
            [result] = self.sender.retry_later([row], exc, now)
            return result
        except Rejected as exc:
            return DeliveryResult(row.id, "failed", error=f"Rejected: {exc}")
        except DeliveryError:
            return DeliveryResult(row.id, "pending", counts_as_attempt=False)
        return DeliveryResult(row.id, "sent", message_id=message_id)


def periodic_step(
    digests: Digests, timed: TimedSends, catchups: CatchUps
) -> Callable[[datetime], Awaitable[None]]:
    """The sender's one periodic hook: daily digests, held pushes and due reminders (and the catch-ups of
    returning chats) side by side, so a chat whose digest times out delays no reminder (the bot and the
    standalone sender use the same)."""

    async def step(now: datetime) -> None:
        for failed in await asyncio.gather(digests(now), timed(now), catchups(now), return_exceptions=True):
            if isinstance(failed, Exception):
                log.error("the periodic delivery step failed; what was due stays due", exc_info=failed)

    return step
