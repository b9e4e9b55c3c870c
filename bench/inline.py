"""Inline-mode benchmark: one answer page (10 results, each loaded and rendered) against the bare search.

Run: .venv/bin/python bench/inline.py [--notices 100000] [--reps 20] [--db PATH]
The database is bench/search.py's synthetic one. Per query: the bare Store.search of 10 hits, an uncached
inline answer (search + 10 notices loaded + rendered), and a cached one; medians and p95 in ms, side by
side in one run. Ends with one JSON line. Telegram's limit for an answer is about 10 s.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.inline import PAGE_SIZE, InlineSearch
from bot.search import parse_query
from storage import open_store

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["疫情", "安全生产", "欠薪治理 各用人单位", "wage arrears", "职工"]


def _search_bench() -> object:
    """bench/search.py as a module (its synthetic notices and bulk build)."""
    spec = importlib.util.spec_from_file_location("bench_search", ROOT / "bench" / "search.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def _timed(call: Callable[[], Awaitable[object]], reps: int) -> list[float]:
    out = []
    for _ in range(reps):
        began = time.perf_counter()
        await call()
        out.append((time.perf_counter() - began) * 1000)
    return out


def _p95(values: list[float]) -> float:
    return sorted(values)[min(len(values) - 1, int(len(values) * 0.95))]


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--notices", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--db", type=Path, help="keep the database here (reused if it exists)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "inline.sqlite3"
        if not path.exists():
            built = await _search_bench().build(path, args.notices, 6)  # type: ignore[attr-defined]
            print(f"built {args.notices} notices in {built:.1f} s", flush=True)
        store = await open_store(path)
        try:
            figures: dict[str, dict[str, float]] = {}
            print(
                f"{'query':<22}{'search p50':>12}{'inline p50':>12}{'inline p95':>12}{'ratio':>8}{'cached':>10}"
            )
            for text in QUERIES:
                query = parse_query(text)
                cold = InlineSearch(store, ttl=0.0)  # every call searches, loads and renders
                warm = InlineSearch(store, ttl=3600.0)
                bare = await _timed(lambda q=query: store.search(q, limit=PAGE_SIZE), args.reps)  # type: ignore[misc]
                uncached = await _timed(lambda t=text, c=cold: c.query(t, "", "zh"), args.reps)  # type: ignore[misc]
                await warm.query(text, "", "zh")
                cached = await _timed(lambda t=text, w=warm: w.query(t, "", "zh"), args.reps)  # type: ignore[misc]
                row = {
                    "search_p50": statistics.median(bare),
                    "inline_p50": statistics.median(uncached),
                    "inline_p95": _p95(uncached),
                    "cached_p50": statistics.median(cached),
                }
                row["ratio"] = row["inline_p50"] / row["search_p50"]
                figures[text] = {k: round(v, 3) for k, v in row.items()}
                print(
                    f"{text:<22}{row['search_p50']:>10.1f}ms{row['inline_p50']:>10.1f}ms"
                    f"{row['inline_p95']:>10.1f}ms{row['ratio']:>7.2f}×{row['cached_p50'] * 1000:>8.0f}µs"
                )
        finally:
            await store.close()
    print(json.dumps({"notices": args.notices, "queries": figures}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
