"""The PostgreSQL half of bench/search.py: load the synthetic notices with COPY, and the ILIKE scan to beat."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from storage.models import SourceSpec
from storage.pg import PostgresStore, open_pg_store
from storage.textindex import tokens

__all__ = ["build_pg", "ilike_scan", "index_sizes"]

_COLUMNS = [
    "source_id", "key", "url", "title", "text", "published", "first_seen", "content_hash", "dup_key",
    "summary", "grams",
]  # fmt: skip


async def build_pg(url: str, make_rows: Any, n: int, seed: int) -> float:
    """Create the schema through the store, then COPY n notices (search tokens computed as the store does)."""
    began = time.perf_counter()
    store = await open_pg_store(url)
    try:
        names = ["acftu", "mohrss", "gov", "mem", "nhc"]
        ids = [(await store.add_source(SourceSpec(name=s, url=f"http://127.0.0.1/{s}/"))).id for s in names]
        it = make_rows(n, seed, ids)
        async with store.pool.acquire() as conn:
            # GIN indexes are built far faster in one pass than row by row: drop the search indexes for the
            # load and recreate them from their own definitions (whatever the migrations made them).
            gin = await conn.fetch(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'notices' AND indexdef LIKE '%USING gin%'"
            )
            for row in gin:
                await conn.execute(f'DROP INDEX "{row["indexname"]}"')
            while True:
                batch = []
                for r in (r for _, r in zip(range(5000), it, strict=False)):
                    ts = datetime.fromtimestamp(r[5], UTC)
                    batch.append((*r[:5], ts, ts, *r[7:10], tokens(r[3], r[4], r[9])))
                if not batch:
                    break
                await conn.copy_records_to_table("notices", records=batch, columns=_COLUMNS)
            await conn.execute("SET maintenance_work_mem = '256MB'")
            for row in gin:
                await conn.execute(row["indexdef"])
            await conn.execute("VACUUM ANALYZE notices")
    finally:
        await store.close()
    return time.perf_counter() - began


async def ilike_scan(store: PostgresStore, terms: tuple[str, ...]) -> None:
    """The plain scan: every term as ILIKE '%term%' on title/text/summary, newest page and total in one pass."""
    cond = " AND ".join(
        f"(title ILIKE ${i} OR text ILIKE ${i} OR summary ILIKE ${i})" for i in range(1, len(terms) + 1)
    )
    params = ["%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for t in terms]
    await store.pool.fetch(
        f"SELECT id, count(*) OVER () FROM notices WHERE duplicate_of IS NULL AND {cond}"
        " ORDER BY coalesce(published, first_seen) DESC LIMIT 5",
        *params,
    )


async def index_sizes(store: PostgresStore, n: int) -> dict[str, float]:
    """Bytes per notice of the table (with TOAST) and of each search index."""
    row = await store.pool.fetchrow(
        "SELECT pg_total_relation_size('notices') AS total, pg_relation_size('notices_grams') AS grams,"
        " coalesce(pg_relation_size(to_regclass('notices_trgm')), 0) AS trgm,"
        " (SELECT sum(octet_length(title) + octet_length(text) + octet_length(summary)) FROM notices) AS text"
    )
    return {
        "text_bytes_per_notice": round(row["text"] / n),
        "trigram_bytes_per_notice": round(row["trgm"] / n),
        "grams_bytes_per_notice": round(row["grams"] / n),
        "file_bytes_per_notice": round(row["total"] / n),
    }
