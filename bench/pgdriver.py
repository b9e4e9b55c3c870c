"""Which PostgreSQL driver: asyncpg vs psycopg 3 (async, with its pool) on the store's typical statements.

Run: .venv/bin/python bench/pgdriver.py [--rounds 2000]   (needs `pip install "psycopg[binary,pool]"`; the
project itself depends on asyncpg only). Starts a throwaway cluster; prints ms per operation, medians of 3.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncpg

from tests.pg_server import throwaway_server

SETUP = (
    "CREATE TABLE IF NOT EXISTS t (id bigint PRIMARY KEY, state text NOT NULL, at timestamptz, body text);"
    "TRUNCATE t; INSERT INTO t SELECT g, 'pending', now(), repeat('通知', 200) FROM generate_series(1, 5000) g"
)


async def with_asyncpg(url: str, rounds: int) -> dict[str, float]:
    pool = await asyncpg.create_pool(url, min_size=4, max_size=4)
    await pool.execute(SETUP)
    t0 = time.perf_counter()
    for i in range(rounds):
        await pool.fetchrow("SELECT * FROM t WHERE id = $1", i % 5000 + 1)
    point = (time.perf_counter() - t0) * 1000 / rounds
    t0 = time.perf_counter()
    async with pool.acquire() as conn, conn.transaction():
        await conn.executemany("UPDATE t SET state = $1 WHERE id = $2", [("sent", i) for i in range(1, 5001)])
    batch = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    rows = await pool.fetch("SELECT * FROM t")
    scan = (time.perf_counter() - t0) * 1000
    assert len(rows) == 5000
    await pool.close()
    return {"point_select_ms": point, "update_5000_ms": batch, "fetch_5000_rows_ms": scan}


async def with_psycopg(url: str, rounds: int) -> dict[str, float]:
    from psycopg_pool import AsyncConnectionPool

    pool: Any = AsyncConnectionPool(url, min_size=4, max_size=4, open=False)
    await pool.open()
    async with pool.connection() as conn:
        await conn.execute(SETUP)
    t0 = time.perf_counter()
    for i in range(rounds):
        async with pool.connection() as conn:
            await (await conn.execute("SELECT * FROM t WHERE id = %s", (i % 5000 + 1,))).fetchone()
    point = (time.perf_counter() - t0) * 1000 / rounds
    t0 = time.perf_counter()
    async with pool.connection() as conn, conn.cursor() as cur:
        await cur.executemany("UPDATE t SET state = %s WHERE id = %s", [("sent", i) for i in range(1, 5001)])
    batch = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    async with pool.connection() as conn:
        rows = await (await conn.execute("SELECT * FROM t")).fetchall()
    scan = (time.perf_counter() - t0) * 1000
    assert len(rows) == 5000
    await pool.close()
    return {"point_select_ms": point, "update_5000_ms": batch, "fetch_5000_rows_ms": scan}


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()
    results: dict[str, dict[str, float]] = {}
    with throwaway_server() as server:
        url = server.create_database("drivers")
        for name, run in (("asyncpg", with_asyncpg), ("psycopg", with_psycopg)):
            runs = [await run(url, args.rounds) for _ in range(3)]
            results[name] = {k: round(statistics.median(r[k] for r in runs), 3) for k in runs[0]}
    for name, figures in results.items():
        print(f"{name:<8} " + "  ".join(f"{k} {v}" for k, v in figures.items()))
    print(json.dumps({"bench": "pgdriver", **results}))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
