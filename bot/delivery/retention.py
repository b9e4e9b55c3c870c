"""Outbox retention: the rules for deleting finished deliveries and reminders (how old, which, how many at once)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from functools import partial

from domain.rules import DUPLICATE_WINDOW
from storage.api import SendStore

__all__ = ["BATCH", "MAX_BATCHES", "PRUNE_EVERY", "SKEW_MARGIN", "prune_finished", "quiet_since"]

log = logging.getLogger(__name__)

PRUNE_EVERY = 3600.0  # seconds between two runs of the retention job
BATCH = 1000  # rows per DELETE: one short transaction, so pushes and polls are never held up for long
MAX_BATCHES = 200  # per run; a large backlog (the first run on an old database) is worked off run by run
# A re-post is linked to its original when a same-key notice was first seen within DUPLICATE_WINDOW of the
# poll that stores it; the outbox row of the original is then what keeps the re-post from reaching a chat
# again. Rows are kept until the notice's whole dup_key has been quiet for the window plus this margin, which
# covers a poll's `now` taken minutes before it stores, and clocks of instances that disagree.
SKEW_MARGIN = timedelta(days=1)


def quiet_since(now: datetime) -> datetime:
    """Rows of notices whose dup_key saw a notice first seen since then are still needed by the dedup."""
    return now - DUPLICATE_WINDOW - SKEW_MARGIN


async def prune_finished(
    store: SendStore,
    now: datetime,
    keep: timedelta,
    *,
    batch: int = BATCH,
    max_batches: int = MAX_BATCHES,
) -> int:
    """Delete deliveries finished (sent, failed, skipped) more than `keep` ago that the dedup no longer
    needs, and reminders finished (sent, cancelled, failed, skipped) and due more than `keep` ago, `batch`
    rows a transaction, at most `max_batches` per table; returns how many rows were deleted.

    Pending, claimed and held rows are never touched. Several instances may run this at once (PostgreSQL):
    each batch skips the rows another one is deleting.
    """
    finished_before = now - keep
    deliveries = partial(store.prune_deliveries, finished_before, quiet_since(now), batch)
    # A reminder is planned only for a due time ahead, so no finished one is needed once it is past.
    reminders = partial(store.prune_reminders, finished_before, batch)
    total = 0
    for table, prune in (("deliveries", deliveries), ("reminders", reminders)):
        deleted = await _in_batches(prune, batch, max_batches)
        if deleted:
            log.info(
                "retention: deleted %d %s finished before %s", deleted, table, finished_before.isoformat()
            )
        total += deleted
    return total


async def _in_batches(prune: Callable[[], Awaitable[int]], batch: int, max_batches: int) -> int:
    """Call prune (one batch, one transaction) until a batch comes back short or max_batches ran."""
    deleted = 0
    for _ in range(max_batches):
        n = await prune()
        deleted += n
        if n < batch:
            break
        await asyncio.sleep(0)  # between transactions: let the sender and the poller in
    return deleted
