"""One chat's deliveries sent as a multi-message digest, recording each message's rows as it arrives.

A digest or a release of held pushes can span several Telegram messages. If the second fails after the
first arrived, retrying the whole batch would send the first again; so each part's rows are recorded
'sent' as soon as Telegram accepts that part, and a retry claims (and renders) only the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.delivery.governor import Priority
from bot.delivery.sender import Sender
from bot.render import DigestPart
from storage.models import DeliveryResult, DueDelivery, Notice

__all__ = ["Batch", "retry_split"]


class Batch:
    """A chat's claimed rows and their distinct notices; `unsent` shrinks as parts arrive."""

    def __init__(self, sender: Sender, rows: Sequence[DueDelivery]) -> None:
        self.sender = sender
        self.unsent: list[DueDelivery] = list(rows)
        self.notices: list[Notice] = []  # distinct, in the rows' order
        self.gone: list[DueDelivery] = []  # rows whose notice is no longer stored
        # The rows of the message being sent: after a time-out they may have arrived (see Sender.transmit).
        self.in_flight: list[DueDelivery] = []
        self._rows: dict[int, list[DueDelivery]] = {}  # notice id -> its rows (two subscriptions: two rows)

    async def load(self) -> Batch:
        """Fetch the notices; rows whose notice was deleted move to `gone` (and out of `unsent`)."""
        for row in self.unsent:
            if row.notice_id in self._rows:
                self._rows[row.notice_id].append(row)
                continue
            notice = await self.sender.texts.notice(row.notice_id)
            if notice is None:
                self.gone.append(row)
                continue
            self._rows[row.notice_id] = [row]
            self.notices.append(notice)
        self.unsent = [r for r in self.unsent if r not in self.gone]
        return self

    async def send(self, chat_id: int, is_group: bool, parts: Sequence[DigestPart]) -> int | None:
        """Send the parts in order, recording each one's rows sent once it arrived; the first message_id.

        Raises what Sender.transmit raises for the first part that fails: the rows it and later parts
        carry are still in `unsent`, for the caller to put back as it sees fit.
        """
        first: int | None = None
        for part in parts:
            self.in_flight = [r for n in part.notices for r in self._rows.get(n.id, ())]
            message_id = await self.sender.transmit(chat_id, is_group, part.text, priority=Priority.DIGEST)
            first = message_id if first is None else first
            done, self.in_flight = self.in_flight, []
            if done:
                # Out of `unsent` before recording: if the record fails, the caller must not send it again.
                ids = {r.id for r in done}
                self.unsent = [r for r in self.unsent if r.id not in ids]
                await self.sender.store.record_results(
                    [DeliveryResult(r.id, "sent", message_id=message_id) for r in done], self.sender.wall()
                )
        return first


def retry_split(
    in_flight: Sequence[DueDelivery], unsent: Sequence[DueDelivery], *, maybe_delivered: bool
) -> tuple[list[DueDelivery], list[DueDelivery]]:
    """After a part of a batch (held pushes, a digest) failed: (rows put back counting an attempt, rows put back without one).

    The part in flight was tried and counts an attempt (unless it may have arrived: its rows are failed,
    not put back); the parts after it were never tried. A part with no rows of its own (a heading-only
    first part) leaves none to count it: then every unsent row counts the attempt, or a part that always
    fails so would be retried forever at the first backoff.
    """
    if not in_flight:
        return list(unsent), []
    rest = [r for r in unsent if r not in in_flight]
    return ([] if maybe_delivered else list(in_flight)), rest
