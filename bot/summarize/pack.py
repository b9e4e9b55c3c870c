"""Packing: the items whose values sum highest within a room (a grouped 0/1 knapsack), for summary and headline."""

from __future__ import annotations

import itertools
import operator
from collections.abc import Sequence

__all__ = ["knapsack"]


def knapsack(costs: Sequence[int], values: Sequence[float], groups: Sequence[int], room: int) -> list[int]:
    """The indices (ascending) of the items whose values sum highest with costs summing to at most room,
    at most one item of each group (items sharing a group are alternatives: a clause and its core, two
    clauses that say the same). Items of value <= 0 or cost > room are never taken.

    Greedy placing by value lets one long item crowd out two that are worth more together; the table is
    items x room, so callers keep both small (the best few dozen items; costs in coarse units for a long
    room). Ties go to the earlier item of a group and to the smaller total cost.
    """
    value = [0.0] * (room + 1)
    members: dict[int, list[int]] = {}  # in order of first appearance: ties resolve the same on every run
    for i in range(len(costs)):
        if values[i] > 0 and 0 <= costs[i] <= room:
            members.setdefault(groups[i], []).append(i)
    # Per group, per item: the totals (from its cost on) it beat. The choice is read back from them instead
    # of copying a table per group.
    beaten: list[list[tuple[int, list[bool]]]] = []
    for group in members.values():
        before = value[:]
        row: list[tuple[int, list[bool]]] = []
        for i in group:
            cost = costs[i]
            # Every total that adding the item improves, computed from the totals before its group (a 0/1
            # knapsack), by C-level maps: the Python loop runs only over the improved totals.
            with_it = list(map(operator.add, before[: room + 1 - cost], itertools.repeat(values[i])))
            better = list(map(operator.gt, with_it, value[cost:]))
            row.append((i, better))
            for used in itertools.compress(range(cost, room + 1), better):
                value[used] = with_it[used - cost]
        beaten.append(row)
    # Back from the best total, group by group: the total holds the last item of the group that beat it.
    used = max(range(room + 1), key=value.__getitem__)
    picked: list[int] = []
    for row in reversed(beaten):
        for i, better in reversed(row):
            cost = costs[i]
            if used >= cost and better[used - cost]:
                picked.append(i)
                used -= cost
                break
    return sorted(picked)
