"""The totals of finished deliveries (sent, failed, skipped): their counter names, and how state changes move them.

/status reads these counters instead of counting finished rows (most of the outbox, and deleted by the
retention job). Each backend changes them in the transaction that changes the rows, by what the rows were
before and became, so a row finished twice (skipped while in flight, then recorded) is counted once.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["TOTALS", "total_changes"]

TOTALS = {"sent": "deliveries_sent", "failed": "deliveries_failed", "skipped": "deliveries_skipped"}


def total_changes(before: Mapping[int, str], after: Mapping[int, str]) -> dict[str, int]:
    """How each counter of TOTALS moves when the rows with these ids go from `before` to `after` states.

    Rows missing from `before` (deleted meanwhile) change nothing: no row was updated.
    """
    changes: dict[str, int] = {}
    for row_id, new in after.items():
        old = before.get(row_id)
        if old is None or old == new:
            continue
        if old in TOTALS:
            changes[TOTALS[old]] = changes.get(TOTALS[old], 0) - 1
        if new in TOTALS:
            changes[TOTALS[new]] = changes.get(TOTALS[new], 0) + 1
    return {name: n for name, n in changes.items() if n}
