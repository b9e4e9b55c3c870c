"""Outbox creation: one new notice for N subscribers (default 1,000,000), through the store, on either backend.

Run: .venv/bin/python bench/outbox.py [--backend postgresql|sqlite] [--subscribers 300000 1000000]
                                      [--rounds 3] [--compare] [--keywords 0.1] [--url URL]
(default: a throwaway cluster.)
The chats and subscriptions are made in bulk (not timed); each round times store_notices(), which stores a
new notice and inserts its N delivery rows in one transaction, then empties the outbox again (and, on
PostgreSQL, checkpoints), so every round starts from the same state; then it times the sender's first
claim of 256 rows. --compare (PostgreSQL) alternates each round with the previous design, migration 4's
deliveries (foreign keys to chats and notices, its three indexes, no sequence cache) and the same
INSERT ... SELECT with JIT at its default, in a transaction that is rolled back. Prints the median per
size (and the ratio), then one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storage import open_store
from storage.models import NewNotice, SourceSpec
from storage.pg import PostgresStore, open_pg_store
from storage.pg.notices import _BROADCAST
from tests.pg_server import throwaway_server

TARGET_S = 10.0

# Migration 4's deliveries, for --compare: the foreign keys (migration 5 keeps their rules by triggers on
# chats and notices), its indexes, and a sequence without a cache.
_BEFORE = (
    "ALTER TABLE deliveries ADD FOREIGN KEY (notice_id) REFERENCES notices(id) ON DELETE CASCADE",
    "ALTER TABLE deliveries ADD FOREIGN KEY (chat_id) REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE",
    "ALTER TABLE deliveries DROP CONSTRAINT deliveries_one",
    "ALTER TABLE deliveries ADD UNIQUE (notice_id, chat_id, revision)",
    "CREATE INDEX deliveries_chat ON deliveries (chat_id, state)",
    "DROP INDEX deliveries_due",
    "CREATE INDEX deliveries_due ON deliveries (next_attempt, id) WHERE state = 'pending' AND mode = 'instant'",
    "ALTER TABLE deliveries ALTER COLUMN id SET CACHE 1",
)


def item(key: str) -> NewNotice:
    """A new notice (its own key, hash and duplicate key: never a re-post of an earlier round's)."""
    return NewNotice(
        key, f"http://127.0.0.1/{key}", "关于做好防汛工作的通知", "各单位要做好准备。", None, key, key
    )


def keyword_rows(n: int, share: float) -> tuple[int, int]:
    """With --keywords: every k-th chat filters by keyword, half of them by one in the notice's title.

    Returns (k, how many deliveries one notice gets: n minus the filtered chats whose keyword misses)."""
    if share <= 0:
        return 0, n
    k = max(1, round(1 / share))
    return k, n - sum(1 for c in range(k, n + 1, k) if c % (2 * k))


async def pg_fill(store: PostgresStore, n: int, share: float) -> int:
    """One source and n private chats subscribed to it; returns the source id."""
    source = await store.add_source(SourceSpec(name="acftu", url="http://127.0.0.1/acftu/"))
    await store.pool.execute(
        "INSERT INTO chats (id, type, created) SELECT g, 'private', now() FROM generate_series(1, $1) g", n
    )
    await store.pool.execute(
        "INSERT INTO subscriptions (chat_id, source_id, created) SELECT g, $2, now() FROM generate_series(1, $1) g",
        n,
        source.id,
    )
    k, _ = keyword_rows(n, share)
    if k:
        await store.pool.execute(
            "UPDATE subscriptions SET include = CASE WHEN chat_id % $1 = 0 THEN '{防汛}'::text[] ELSE '{招聘}'::text[] END"
            " WHERE chat_id % $2 = 0",
            2 * k,
            k,
        )
    await store.pool.execute("VACUUM ANALYZE chats, subscriptions")
    return source.id


async def pg_before(store: PostgresStore, source_id: int, key: str) -> float:
    """The previous design's transaction (rolled back): the notice, then its rows under the foreign keys."""
    async with store.pool.acquire() as conn:
        tx = conn.transaction()
        await tx.start()
        try:
            for ddl in _BEFORE:
                await conn.execute(ddl)
            now = datetime.now(UTC)
            started = time.perf_counter()
            notice_id = await conn.fetchval(
                "INSERT INTO notices (source_id, key, url, title, text, first_seen, content_hash, dup_key)"
                " VALUES ($1, $2, $2, $2, $2, $3, $2, $2) RETURNING id",
                source_id,
                key,
                now,
            )
            await conn.execute(_BROADCAST, notice_id, 0, now, source_id)
            elapsed = time.perf_counter() - started
        finally:
            await tx.rollback()
    return elapsed


async def pg_rounds(url: str, n: int, rounds: int, compare: bool, share: float) -> dict[str, list[float]]:
    store = await open_pg_store(url)
    expected = keyword_rows(n, share)[1]
    try:
        source_id = await pg_fill(store, n, share)
        times: dict[str, list[float]] = {"after": [], "before": []} if compare else {"after": []}

        async def reset() -> None:
            await store.pool.execute("TRUNCATE deliveries")
            await store.pool.execute("CHECKPOINT")

        for r in range(rounds):
            await reset()
            started = time.perf_counter()
            [outcome] = await store.store_notices(
                source_id, [item(f"a{r}")], now=datetime.now(UTC), deliver=True, notify_updates=False
            )
            times["after"].append(time.perf_counter() - started)
            assert outcome.deliveries == expected, outcome
            # The sender's first claim of a batch from the full outbox: an index scan, not a scan of n rows.
            started = time.perf_counter()
            assert len(await store.claim_deliveries(datetime.now(UTC), 256)) == 256
            times.setdefault("claim", []).append(time.perf_counter() - started)
            if compare:
                await reset()
                times["before"].append(await pg_before(store, source_id, f"b{r}"))
        await reset()
    finally:
        await store.close()
    return times


async def sqlite_rounds(n: int, rounds: int, share: float) -> dict[str, list[float]]:
    k, expected = keyword_rows(n, share)
    with tempfile.TemporaryDirectory() as tmp:
        store = await open_store(Path(tmp) / "outbox.sqlite3")
        try:
            source = await store.add_source(SourceSpec(name="acftu", url="http://127.0.0.1/acftu/"))
            async with store.db.transaction() as conn:
                for sql in (
                    "INSERT INTO chats (id, type, created) SELECT value, 'private', 0 FROM g",
                    f"INSERT INTO subscriptions (chat_id, source_id, created) SELECT value, {source.id}, 0 FROM g",
                ):
                    await conn.execute(
                        "WITH RECURSIVE g(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM g WHERE value < ?)"
                        + sql,
                        (n,),
                    )
                if k:
                    await conn.execute(
                        "UPDATE subscriptions SET include = CASE WHEN chat_id % ? = 0 THEN '[\"防汛\"]'"
                        " ELSE '[\"招聘\"]' END WHERE chat_id % ? = 0",
                        (2 * k, k),
                    )
            times: list[float] = []
            for r in range(rounds):
                async with store.db.transaction() as conn:
                    await conn.execute("DELETE FROM deliveries")
                started = time.perf_counter()
                [outcome] = await store.store_notices(
                    source.id, [item(f"a{r}")], now=datetime.now(UTC), deliver=True, notify_updates=False
                )
                times.append(time.perf_counter() - started)
                assert outcome.deliveries == expected, outcome
        finally:
            await store.close()
    return {"after": times}


def median(values: list[float]) -> float:
    return round(statistics.median(values), 2)


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--backend", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--subscribers", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--compare", action="store_true", help="PostgreSQL: also time migration 4's design")
    parser.add_argument(
        "--keywords", type=float, default=0.0, help="share of subscriptions with a keyword filter (e.g. 0.1)"
    )
    parser.add_argument("--url", help="an empty PostgreSQL database (default: a throwaway cluster)")
    args = parser.parse_args()
    if args.url and len(args.subscribers) > 1:
        parser.error("--url takes one --subscribers size (each size needs an empty database)")
    if args.compare and args.keywords:
        parser.error("--compare times the broadcast insert only: leave out --keywords")
    results: list[dict[str, Any]] = []
    with contextlib.ExitStack() as stack:
        server = None if args.url or args.backend == "sqlite" else stack.enter_context(throwaway_server())
        for n in args.subscribers:
            if args.backend == "sqlite":
                times = await sqlite_rounds(n, args.rounds, args.keywords)
            else:
                url = args.url or server.create_database("outbox")  # type: ignore[union-attr]
                times = await pg_rounds(url, n, args.rounds, args.compare, args.keywords)
            row: dict[str, Any] = {
                "subscribers": n,
                "keywords": args.keywords,
                "outbox_s": median(times["after"]),
            }
            line = f"outbox on {args.backend}: 1 notice x {n:,} subscribers: median {row['outbox_s']} s"
            if "before" in times:
                row["before_s"] = median(times["before"])
                row["ratio"] = round(row["before_s"] / row["outbox_s"], 2)
                line += f"; migration 4's design {row['before_s']} s: {row['ratio']}x"
            if "claim" in times:
                row["claim_ms"] = round(statistics.median(times.pop("claim")) * 1000, 1)
                line += f"; first claim of 256 {row['claim_ms']} ms"
            row["runs"] = {k: [round(t, 2) for t in v] for k, v in times.items()}
            print(f"{line} (target < {TARGET_S:.0f} s at 1,000,000); runs {row['runs']}", flush=True)
            results.append(row)
    load = os.getloadavg()[0]
    print(json.dumps({"bench": "outbox", "backend": args.backend, "load1": round(load, 1), "sizes": results}))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
