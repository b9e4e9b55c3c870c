"""Outbox creation on PostgreSQL: one new notice for N subscribers (default 1,000,000), through the store.

Run: .venv/bin/python bench/outbox.py [--subscribers 1000000] [--url URL]   (default: a throwaway cluster)
The chats and subscriptions are made in bulk with generate_series; the timed part is store_notices(),
which stores the notice and inserts its N delivery rows in one transaction. Ends with one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storage.models import NewNotice, SourceSpec
from storage.pg import open_pg_store
from tests.pg_server import throwaway_server

TARGET_S = 10.0


async def run(url: str, n: int) -> dict[str, float]:
    store = await open_pg_store(url)
    try:
        source = await store.add_source(SourceSpec(name="acftu", url="http://127.0.0.1/acftu/"))
        t0 = time.perf_counter()
        await store.pool.execute(
            "INSERT INTO chats (id, type, created) SELECT g, 'private', now() FROM generate_series(1, $1) g",
            n,
        )
        await store.pool.execute(
            "INSERT INTO subscriptions (chat_id, source_id, created) SELECT g, $2, now() FROM generate_series(1, $1) g",
            n,
            source.id,
        )
        await store.pool.execute("ANALYZE chats")
        await store.pool.execute("ANALYZE subscriptions")
        setup = time.perf_counter() - t0
        now = datetime.now(UTC)
        item = NewNotice(
            "g:1", "http://127.0.0.1/1", "关于做好防汛工作的通知", "各单位要做好准备。", now, "h1", "d1"
        )
        t0 = time.perf_counter()
        [outcome] = await store.store_notices(source.id, [item], now=now, deliver=True, notify_updates=False)
        elapsed = time.perf_counter() - t0
        assert outcome.deliveries == n, outcome
    finally:
        await store.close()
    return {"subscribers": n, "setup_s": round(setup, 1), "outbox_s": round(elapsed, 2)}


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--subscribers", type=int, default=1_000_000)
    parser.add_argument("--url", help="an empty PostgreSQL database (default: a throwaway cluster)")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        url = args.url or stack.enter_context(throwaway_server()).create_database("outbox")
        figures = await run(url, args.subscribers)
    print(
        f"outbox on PostgreSQL: 1 notice x {figures['subscribers']:,} subscribers in {figures['outbox_s']} s"
        f" (target < {TARGET_S:.0f} s: {figures['outbox_s'] < TARGET_S}); set-up {figures['setup_s']} s"
    )
    print(json.dumps({"bench": "outbox", "backend": "postgresql", **figures}))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
