"""The headline's knapsack keeps the pieces the plain 0/1 knapsack table picks."""

from __future__ import annotations

import random

from bot.summarize.headline import Piece, _pack


def _reference(pool: list[Piece], limit: int, sep: int) -> set[int]:
    """The table of the textbook 0/1 knapsack (ties keep the earlier total), as piece indices."""
    room = limit - 1 + sep
    items = [p for p in pool if p.weight > 0 and len(p.text) + sep <= room][:32]
    value = [0.0] * (room + 1)
    taken = [0] * (room + 1)
    for i, piece in enumerate(items):
        cost = len(piece.text) + sep
        for used in range(room, cost - 1, -1):
            if value[used - cost] + piece.weight > value[used]:
                value[used] = value[used - cost] + piece.weight
                taken[used] = taken[used - cost] | 1 << i
    mask = taken[max(range(room + 1), key=value.__getitem__)]
    return {items[i].start for i in range(len(items)) if mask >> i & 1}


def test_pack_picks_what_the_knapsack_table_picks() -> None:
    rng = random.Random(3)
    for _ in range(300):
        pool = [
            Piece("x" * rng.randint(2, 60), start, start, rng.choice([0.5, 1.0, 1.5, 2.0, -0.2]), False)
            for start in range(rng.randint(0, 12))
        ]
        got = _pack(pool, 150, "en")
        if sum(len(p.text) for p in got) + 2 * len(got) - 1 <= 150:  # no shedding after the table
            assert {p.start for p in got} == _reference(pool, 150, 2)
