"""Cross-validated search for the summariser's scoring weights: do weights fitted on some notices find more key
facts on notices they were not fitted on?

Run as `.venv/bin/python bench/tune_weights.py [--folds 5] [--passes 2]` (5 to 11 minutes on two cores). The
summariser's rules stay as written; only the numbers that weigh them move: the bonuses and costs of
bot/summarize/rank.py, importance.py, select.py and headline.py (WEIGHTS below). The objective is the number of
key facts found inside the default budget plus inside the 150-character headline, the two recalls issue #9
scores, matched by bench/summarize.py's own found().

What is read: the training pool (dev.json, the even positions of real-dev.json, real-extra.json,
real-valid.json, real-train-en.json, real-train-zh.json, real-train-en2.json), which the fitting uses, and the validation sets real-en.json (English)
and real-zh.json (Chinese), which it never uses and which are reported as aggregates only. The judges (real-dev's odd positions, real-fresh.json) are never loaded here.

Two measures of what fitting would bring:
- cross-validation: the pool is cut into folds (every k-th notice of each set, so each fold has all sets and
  both languages); for each fold a coordinate search starts from the weights as written and moves one weight at
  a time to the value that finds the most facts on the OTHER folds, and the fold is then scored with both. The
  weights as written were themselves chosen while reading the whole pool, which favours them here;
- validation: the search on the whole pool, scored on real-en and real-zh, which no weight or rule was chosen on. This is
  the fair comparison.
Adopting fitted weights is decided on these two figures, never on the fit's gain on its own pool.

The search runs the summariser as Python: under the mypyc build the script starts itself again with
NOTICEBOT_PURE=1, since compiled modules need not read a constant from the module's namespace at run time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from summarize import HEADLINE, found, load  # bench/summarize.py: the bench's own sets and fact matching

from bot import native
from bot.summarize import default_budget, headline, importance, rank, select, summarize

# A move must find at least this many more facts on the fitting folds to be taken: ties and one-fact wobbles
# keep the weight as written (fewer moves, less fitting to a few notices).
MIN_GAIN = 2
# Each weight is tried at these offsets from its current value (a cost or a bonus never turns negative).
STEPS = (-0.6, -0.3, 0.3, 0.6)
# The validation sets, one per language: read to score the fit, never to fit.
VALIDATION = ("real-en", "real-zh")

_MODULES: dict[str, ModuleType] = {
    "rank": rank,
    "importance": importance,
    "select": select,
    "headline": headline,
}
# (module, constant, key): key is None for a number, "zh"/"en" for a per-language dict, "zh0"/"en1" for an
# entry of a per-language pair (rank.LEAD_BONUS: any lead, a press release's news lead).
WEIGHTS: tuple[tuple[str, str, str | None], ...] = (
    ("rank", "CENTRALITY_WEIGHT", "zh"),
    ("rank", "CENTRALITY_WEIGHT", "en"),
    ("rank", "LEAD_BONUS", "zh0"),
    ("rank", "LEAD_BONUS", "en0"),
    ("rank", "LEAD_BONUS", "en1"),
    ("rank", "QUOTE_COST", None),
    ("rank", "OBLIGED_BONUS", None),
    ("rank", "MODAL_BONUS", None),
    ("rank", "ACTING_BONUS", None),
    ("rank", "SPECIFIC_BONUS", None),
    ("rank", "FIRST_BONUS", None),
    ("rank", "DEPENDENT_COST", None),
    ("rank", "DEMOTE_COST", "zh"),
    ("rank", "DEMOTE_COST", "en"),
    ("rank", "HEDGE_COST", None),
    ("rank", "TITLE_BONUS", None),
    ("rank", "OUTLINE_BONUS", None),
    ("rank", "BASIS_COST", None),
    ("importance", "SCOPE_BONUS", None),
    ("importance", "_TOPIC_COST", None),
    ("importance", "_ANNEX_PENALTY", None),
    ("importance", "_COVER_PENALTY", None),
    ("importance", "_EN_WEAK_COST", None),
    ("importance", "_BACKGROUND_COST", None),
    ("importance", "DATED_BONUS", None),
    ("importance", "DUE_BONUS", None),
    ("importance", "STRONG_BONUS", "zh"),
    ("importance", "STRONG_BONUS", "en"),
    ("importance", "DEADLINE_WORD_BONUS", None),
    ("importance", "AMOUNT_BONUS", None),
    ("importance", "TIME_LIMIT_BONUS", None),
    ("importance", "EFFECT_BONUS", None),
    ("importance", "SANCTION_BONUS", None),
    ("importance", "COVER_BONUS", None),
    ("importance", "RUN_IN_BONUS", None),
    ("importance", "UNDIRECTED_COST", None),
    ("select", "LENGTH_POWER", None),
    ("headline", "_SPECIFIC", None),
    ("headline", "_RESTATES", None),
    ("headline", "_LENGTH", None),
    ("headline", "_RUN_IN", None),
    ("headline", "_DATED", None),
    ("headline", "_PURPOSE", None),
    ("headline", "_BACKGROUND", None),
    ("headline", "_OUTCOME", None),
    ("headline", "_HEADING", None),
    ("headline", "_EN_PIECE_COST", None),
    ("headline", "_EN_LEAD_LIFT", None),
)
Point = tuple[float, ...]


def _name(w: tuple[str, str, str | None]) -> str:
    return f"{w[0]}.{w[1]}" + (f"[{w[2]}]" if w[2] else "")


def _get(w: tuple[str, str, str | None]) -> float:
    value = getattr(_MODULES[w[0]], w[1])
    if w[2] is None:
        return float(value)
    if len(w[2]) == 3:
        return float(value[w[2][:2]][int(w[2][2])])
    return float(value[w[2]])


def _set(w: tuple[str, str, str | None], v: float) -> None:
    module, const, key = _MODULES[w[0]], w[1], w[2]
    if key is None:
        setattr(module, const, v)
        return
    table = dict(getattr(module, const))
    if len(key) == 3:
        pair = list(table[key[:2]])
        pair[int(key[2])] = v
        table[key[:2]] = tuple(pair)
    else:
        table[key] = v
    setattr(module, const, table)


AS_WRITTEN: Point = tuple(_get(w) for w in WEIGHTS)


def load_pool(limit: int | None = None) -> list[dict[str, Any]]:
    """The training pool, then the two validation sets, real-en and real-zh (at most `limit` notices of each
    set), each notice tagged with its set and whether it is for validation only."""
    sets = {
        "dev": load("dev.json"),
        "even": load("real-dev.json")[0::2],
        "real-extra": load("real-extra.json"),
        "real-valid": load("real-valid.json"),
        "real-train-en": load("real-train-en.json"),
        "real-train-zh": load("real-train-zh.json"),
        "real-train-en2": load("real-train-en2.json"),
        "real-en": load("real-en.json"),
        "real-zh": load("real-zh.json"),
    }
    pool = []
    for name, items in sets.items():
        for position, item in enumerate(items[:limit]):
            pool.append({**item, "set": name, "position": position, "validation": name in VALIDATION})
    return pool


_POOL: list[dict[str, Any]] = []


def _init(pool: list[dict[str, Any]]) -> None:
    global _POOL
    _POOL = pool


def evaluate(point: Point) -> list[tuple[int, int]]:
    """Facts found per notice of the pool (budget, headline) with the weights at point."""
    for w, v in zip(WEIGHTS, point, strict=True):
        _set(w, v)
    out = []
    for item in _POOL:
        s = summarize(item["title"], item["text"], item.get("url", ""))
        out.append(
            (
                found(item["facts"], s.summary, default_budget(item["text"])),
                found(item["facts"], s.headline, HEADLINE),
            )
        )
    return out


class Search:
    """Coordinate search over WEIGHTS, with every point's per-notice results kept."""

    def __init__(self, workers: int, notices: list[dict[str, Any]]) -> None:
        # The workers get the pool main() read, rather than reading every set again.
        self.pool = ProcessPoolExecutor(workers, initializer=_init, initargs=(notices,))
        self.cache: dict[Point, list[tuple[int, int]]] = {}

    def results(self, points: list[Point]) -> list[list[tuple[int, int]]]:
        todo = [p for p in dict.fromkeys(points) if p not in self.cache]
        for p, r in zip(todo, self.pool.map(evaluate, todo), strict=True):
            self.cache[p] = r
        return [self.cache[p] for p in points]

    def fit(self, members: list[int], passes: int) -> Point:
        """The point the search reaches on the notices at `members` (indices into the pool)."""
        point = AS_WRITTEN

        def total(r: list[tuple[int, int]]) -> int:
            return sum(r[i][0] + r[i][1] for i in members)

        best = total(self.results([point])[0])
        for _ in range(passes):
            moved = False
            for k in range(len(WEIGHTS)):
                tries = []
                for step in STEPS:
                    v = round(point[k] + step, 2)
                    if v >= 0 and v != point[k]:
                        tries.append((*point[:k], v, *point[k + 1 :]))
                scores = [total(r) for r in self.results(tries)]
                if scores and max(scores) >= best + MIN_GAIN:
                    i = scores.index(max(scores))
                    point, best, moved = tries[i], scores[i], True
            if not moved:
                break
        return point


def _moved(point: Point) -> str:
    return ", ".join(
        f"{_name(w)} {a:g}->{b:g}" for w, a, b in zip(WEIGHTS, AS_WRITTEN, point, strict=True) if a != b
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, help="at most this many notices of each set (a quick run)")
    args = parser.parse_args()
    if native.compiled():
        env = {**os.environ, "NOTICEBOT_PURE": "1"}
        os.execve(sys.executable, [sys.executable, __file__, *sys.argv[1:]], env)
    pool = load_pool(args.limit)
    train = [i for i, item in enumerate(pool) if not item["validation"]]
    valid = {name: [i for i, item in enumerate(pool) if item["set"] == name] for name in VALIDATION}
    facts = sum(len(pool[i]["facts"]) for i in train)
    sizes = ", ".join(
        f"{name} {len(members)} notices, {sum(len(pool[i]['facts']) for i in members)} facts"
        for name, members in valid.items()
    )
    print(
        f"training pool: {len(train)} notices, {facts} facts; validation: {sizes}; "
        f"{len(WEIGHTS)} weights; {args.folds} folds"
    )
    started = time.monotonic()
    search = Search(args.workers, pool)
    base = search.results([AS_WRITTEN])[0]

    def gain(got: list[tuple[int, int]], members: list[int]) -> dict[str, int]:
        return {
            "budget": sum(got[i][0] - base[i][0] for i in members),
            "headline": sum(got[i][1] - base[i][1] for i in members),
        }

    gains = {"budget": 0, "headline": 0}
    per_set: dict[str, list[int]] = {}
    for fold in range(args.folds):
        held = [i for i in train if pool[i]["position"] % args.folds == fold]
        fitted = search.fit([i for i in train if pool[i]["position"] % args.folds != fold], args.passes)
        got = search.results([fitted])[0]
        g = gain(got, held)
        gains = {k: gains[k] + g[k] for k in gains}
        for i in held:
            row = per_set.setdefault(f"{pool[i]['set']}/{pool[i]['lang']}", [0, 0])
            row[0] += got[i][0] - base[i][0]
            row[1] += got[i][1] - base[i][1]
        print(
            f"fold {fold}: held-out budget {g['budget']:+d}, headline {g['headline']:+d} facts; moved: {_moved(fitted)}"
        )
    base_b = sum(base[i][0] for i in train)
    base_h = sum(base[i][1] for i in train)
    print(f"\nas written: budget {base_b}/{facts}, headline {base_h}/{facts}")
    print(
        f"cross-validated gain of fitting: budget {gains['budget']:+d} facts, headline {gains['headline']:+d}"
    )
    for key, (gain_b, gain_h) in sorted(per_set.items()):
        print(f"  held-out {key}: budget {gain_b:+d}, headline {gain_h:+d}")
    fitted = search.fit(train, args.passes)
    got = search.results([fitted])[0]
    on_pool = gain(got, train)
    on_valid = {name: gain(got, members) for name, members in valid.items()}
    print(f"\nfitted on the whole pool, moved: {_moved(fitted)}")
    print(
        f"  on the pool itself (no evidence): budget {on_pool['budget']:+d}, headline {on_pool['headline']:+d} facts"
    )
    for name, members in valid.items():
        n = sum(len(pool[i]["facts"]) for i in members)
        print(
            f"  on {name} (validation; as written: budget {sum(base[i][0] for i in members)}/{n}, "
            f"headline {sum(base[i][1] for i in members)}/{n}): budget {on_valid[name]['budget']:+d}, "
            f"headline {on_valid[name]['headline']:+d} facts"
        )
    out: dict[str, Any] = {
        "bench": "tune_weights",
        "notices": len(train),
        "facts": facts,
        "folds": args.folds,
        "as_written": {"budget": base_b, "headline": base_h},
        "cv_gain": gains,
        "validation_gain": on_valid,
        "fit": {_name(w): b for w, a, b in zip(WEIGHTS, AS_WRITTEN, fitted, strict=True) if a != b},
    }
    print(f"\n{time.monotonic() - started:.0f} s, {len(search.cache)} points evaluated")
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
