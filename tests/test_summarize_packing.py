"""Packing: the knapsack shared by the budgeted summary and the headline, and how selection uses it."""

from __future__ import annotations

import itertools
import random

from bot.summarize.pack import knapsack
from bot.summarize.rank import Unit, score_units
from bot.summarize.select import _cost, join, render, select
from bot.summarize.sentences import split


def _brute(costs: list[int], values: list[float], groups: list[int], room: int) -> float:
    """The best total by trying every subset (at most one item per group)."""
    best = 0.0
    for mask in itertools.product((False, True), repeat=len(costs)):
        chosen = [i for i, on in enumerate(mask) if on and values[i] > 0]
        if sum(costs[i] for i in chosen) > room or len({groups[i] for i in chosen}) < len(chosen):
            continue
        best = max(best, sum(values[i] for i in chosen))
    return best


def _table(costs: list[int], values: list[float], groups: list[int], room: int) -> list[int]:
    """The textbook table (a best value for every total, items x room) that pack.knapsack keeps as its steps,
    read back by the same rule: the same floats compared, so the same choice, ties included."""
    value = [0.0] * (room + 1)
    members: dict[int, list[int]] = {}
    for i in range(len(costs)):
        if values[i] > 0 and 0 <= costs[i] <= room:
            members.setdefault(groups[i], []).append(i)
    beaten: list[list[tuple[int, list[bool]]]] = []
    for group in members.values():
        before = value[:]
        row: list[tuple[int, list[bool]]] = []
        for i in group:
            cost = costs[i]
            better = [False] * (room + 1 - cost)
            for used in range(cost, room + 1):
                if before[used - cost] + values[i] > value[used]:
                    better[used - cost] = True
                    value[used] = before[used - cost] + values[i]
            row.append((i, better))
        beaten.append(row)
    used = max(range(room + 1), key=value.__getitem__)
    picked: list[int] = []
    for row in reversed(beaten):
        for i, better in reversed(row):
            if used >= costs[i] and better[used - costs[i]]:
                picked.append(i)
                used -= costs[i]
                break
    return sorted(picked)


def test_the_steps_pick_what_the_whole_table_picks() -> None:
    rng = random.Random(11)
    for trial in range(1500):
        n = rng.randint(0, 26)
        room = rng.choice([0, 1, 7, 40, 150, 300])
        costs = [rng.randint(0, 70) if trial % 3 else rng.randint(1, 12) for _ in range(n)]
        # Few distinct weights: ties everywhere; odd ones: sums that round differently by order.
        pick = [0.5, 1.0, 1.5, -0.3, 0.0] if trial % 2 else [0.1, 0.2, 0.3, 0.7, 1.3, 2.9]
        values = [rng.choice(pick) * rng.choice([1.0, 1.0, 0.9]) for _ in range(n)]
        groups = [rng.choice([-1 - i, 1, 2, 3]) for i in range(n)]
        assert knapsack(costs, values, groups, room) == _table(costs, values, groups, room)


def test_two_medium_items_beat_one_long_one_that_weighs_more_alone() -> None:
    # Greedy by value takes the long item (3.0) and has no room left; the two medium ones weigh 4.0.
    assert knapsack([100, 60, 60], [3.0, 2.0, 2.0], [0, 1, 2], 120) == [1, 2]
    # Worth more than both together, the long one stays.
    assert knapsack([100, 60, 60], [5.0, 2.0, 2.0], [0, 1, 2], 120) == [0]


def test_one_item_per_group_nothing_worthless_nothing_oversized() -> None:
    assert knapsack([50, 30], [3.0, 2.0], [7, 7], 100) == [0]  # alternatives: the better one
    assert knapsack([50, 30], [3.0, 2.0], [7, 8], 100) == [0, 1]
    assert knapsack([10, 10], [0.0, -1.0], [0, 1], 100) == []
    assert knapsack([101], [9.0], [0], 100) == []
    assert knapsack([], [], [], 10) == []


def test_ties_go_to_the_cheaper_packing() -> None:
    # A clause and its core worth the same: the shorter one, so the room it frees can carry more.
    assert knapsack([40, 25], [2.0, 2.0], [0, 0], 100) == [1]


def test_the_knapsack_finds_the_best_total_on_small_cases() -> None:
    rng = random.Random(9)
    for _ in range(150):
        n = rng.randint(1, 7)
        costs = [rng.randint(1, 12) for _ in range(n)]
        values = [round(rng.uniform(-1.0, 5.0), 2) for _ in range(n)]
        groups = [rng.randint(0, 4) for _ in range(n)]
        room = rng.randint(0, 30)
        picked = knapsack(costs, values, groups, room)
        assert picked == sorted(picked)
        assert sum(costs[i] for i in picked) <= room
        assert len({groups[i] for i in picked}) == len(picked)
        assert abs(sum(values[i] for i in picked) - _brute(costs, values, groups, room)) < 1e-9


ZH = (
    "各学校要在9月1日前报送开学安排。\n"
    "各区县教育部门要在8月底前完成校舍和食堂安全隐患排查。\n"
    "各学校要做好教材发放和登记工作。\n"
)


def _units(text: str, lang: str, scores: list[float]) -> list[Unit]:
    units = score_units(split(text, "zh" if lang == "zh" else "en"), "zh" if lang == "zh" else "en", "")
    assert len(units) == len(scores)
    for unit, score in zip(units, scores, strict=True):
        unit.score = score
    return units


def test_selection_fits_two_medium_duties_rather_than_one_long_one() -> None:
    units = _units(ZH, "zh", [2.0, 3.0, 2.0])
    first, long, _ = units
    costs = [_cost(u, "zh") for u in units]
    budget = costs[0] + costs[2] + 2
    # The long one fits alone and leaves room for neither other.
    assert costs[1] <= budget < costs[1] + min(costs[0], costs[2])
    # Alone, the long duty ranks first (score per length**0.3): greedy placing would take it and stop.
    assert long.score / len(long.clause.text) ** 0.3 > first.score / len(first.clause.text) ** 0.3
    groups = select(units, budget, "zh")
    shown = join(render(groups, "zh"), "zh")
    # Both medium duties, in document order, costing exactly what the selection counted.
    assert shown == "各学校要在9月1日前报送开学安排。各学校要做好教材发放和登记工作。"
    assert len(shown) == costs[0] + costs[2] <= budget


def test_a_long_duty_worth_more_than_the_two_together_stays() -> None:
    units = _units(ZH, "zh", [1.0, 5.0, 1.0])
    budget = _cost(units[0], "zh") + _cost(units[2], "zh") + 2
    shown = join(render(select(units, budget, "zh"), "zh"), "zh")
    assert shown.startswith("各区县教育部门要在8月底前完成")
    assert len(shown) <= budget


EN = (
    "Parents must collect pupils by 3 p.m. on Friday.\n"
    "All schools must close their sports halls and pools to visitors until further notice.\n"
    "Staff must report every absence by email.\n"
)


def test_english_costs_count_the_space_and_end_mark_rendering_adds() -> None:
    units = _units(EN, "en", [2.0, 3.0, 2.0])
    costs = [_cost(u, "en") for u in units]
    budget = costs[0] + costs[2] + 3
    assert costs[1] <= budget < costs[1] + min(costs[0], costs[2])
    shown = join(render(select(units, budget, "en"), "en"), "en")
    assert (
        shown == "Parents must collect pupils by 3 p.m. on Friday. Staff must report every absence by email."
    )
    # Each clause's cost includes the space before it; the summary has one fewer.
    assert len(shown) == costs[0] + costs[2] - 1 <= budget
