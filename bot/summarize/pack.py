"""Packing: the items whose values sum highest within a room (a grouped 0/1 knapsack), for summary and headline."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

__all__ = ["knapsack"]


def knapsack(costs: Sequence[int], values: Sequence[float], groups: Sequence[int], room: int) -> list[int]:
    """The indices (ascending) of the items whose values sum highest with costs summing to at most room,
    at most one item of each group (items sharing a group are alternatives: a clause and its core, two
    clauses that say the same). Items of value <= 0 or cost > room are never taken.

    Greedy placing by value lets one long item crowd out two that are worth more together; callers keep
    the items few (the best few dozen; costs in coarse units for a long room). Ties go to the earlier item
    of a group and to the smaller total cost.

    The table of the textbook knapsack (best value per total cost, items x room) is a step function: the
    best value within a total never falls as the total grows, and it changes at only as many totals as
    sums of the few items reach. It is kept as its steps, so each item costs the steps, not the room; the
    values compared and added are the same floats in the same order, so the choice is the table's.
    """
    members: dict[int, list[int]] = {}  # in order of first appearance: ties resolve the same on every run
    for i in range(len(costs)):
        if values[i] > 0 and 0 <= costs[i] <= room:
            members.setdefault(groups[i], []).append(i)
    # The best value within each total: vals[k] from total starts[k] up to the next start.
    starts: list[int] = [0]
    vals: list[float] = [0.0]
    # Per group, the table before it and, per item, the table the item was compared with: the choice is
    # read back from them (the table's "beaten" bits, computed only where the read-back needs them).
    history: list[tuple[list[int], list[float], list[tuple[int, list[int], list[float]]]]] = []
    for group in members.values():
        b_starts, b_vals = starts, vals  # lists are never changed in place: a new pair per item
        row: list[tuple[int, list[int], list[float]]] = []
        for i in group:
            row.append((i, starts, vals))
            starts, vals = _with_item(starts, vals, b_starts, b_vals, costs[i], values[i], room)
        history.append((b_starts, b_vals, row))
    # The least total holding the best value (the table's first maximum; its values never fall).
    best = vals[-1]
    used = starts[next(k for k in range(len(vals)) if vals[k] == best)]
    picked: list[int] = []
    for b_starts, b_vals, row in reversed(history):
        for i, i_starts, i_vals in reversed(row):
            cost = costs[i]
            # The item beat the total: its value on the table before its group beats the table before it.
            if used >= cost and (
                b_vals[bisect_right(b_starts, used - cost) - 1] + values[i]
                > i_vals[bisect_right(i_starts, used) - 1]
            ):
                picked.append(i)
                used -= cost
                break
    return sorted(picked)


def _with_item(
    starts: list[int],
    vals: list[float],
    b_starts: list[int],
    b_vals: list[float],
    cost: int,
    value: float,
    room: int,
) -> tuple[list[int], list[float]]:
    """The table once an item of cost and value may be added to the table before its group (b_*): at each
    total the better of the two, merged step by step."""
    out_starts: list[int] = []
    out_vals: list[float] = []
    n, m = len(starts), len(b_starts)
    k = j = 0
    cur = shifted = -1.0  # no value yet: every value compared is > 0 or the table's 0.0
    while k < n or j < m:
        # The next total where either table steps (the shifted one only within the room).
        nxt = starts[k] if k < n else room + 1
        if j < m and b_starts[j] + cost <= room:
            at = b_starts[j] + cost
            if at <= nxt:
                nxt = at
                shifted = b_vals[j] + value
                j += 1
        else:
            j = m
        if nxt > room:
            break
        if k < n and starts[k] == nxt:
            cur = vals[k]
            k += 1
        # "beats": strictly greater, as the table's update; equal values are the same float either way
        top = shifted if shifted > cur else cur
        if not out_vals or out_vals[-1] != top:  # totals advance: each step is a new one
            out_starts.append(nxt)
            out_vals.append(top)
    return out_starts, out_vals
