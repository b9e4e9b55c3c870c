"""The PostgreSQL half of bench/poll.py: one cold cycle shared by N instance processes on one database."""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from typing import Any

__all__ = ["cold_cycle_pg"]


def _instance(url: str, ready: Any, go: Any, out: Any) -> None:
    """One instance: its own process, store (lease owner), fetcher and poller; polls until nothing is due."""
    asyncio.run(_poll(url, ready, go, out))


async def _poll(url: str, ready: Any, go: Any, out: Any) -> None:
    import logging

    from bot.config import PollConfig
    from bot.poller import Poller, default_summarizer
    from bot.sources.fetch import Fetcher
    from storage.pg import open_pg_store

    logging.disable(logging.WARNING)
    store = await open_pg_store(url, lease=600)
    try:
        async with Fetcher(max_connections=32) as fetcher:
            poller = Poller(store, fetcher, PollConfig(interval=600, concurrency=8, article_concurrency=4),
                            summarizer=default_summarizer(0))  # fmt: skip
            ready.set()
            await asyncio.to_thread(go.wait)
            reports = await poller.poll_due()
            out.put((sum(len(r.new) for r in reports), len(reports), sum(1 for r in reports if r.error)))
    finally:
        await store.close()


async def _add_sources(url: str, base: str, sources: int) -> None:
    from storage.models import SourceSpec
    from storage.pg import open_pg_store

    store = await open_pg_store(url)
    try:
        for s in range(sources):
            path = f"/s{s}/feed.xml" if s % 4 in (0, 1) else f"/s{s}/list/"
            kind = "feed" if s % 4 in (0, 1) else "page"
            await store.add_source(SourceSpec(name=f"s{s}", url=base + path, kind=kind))  # type: ignore[arg-type]
    finally:
        await store.close()


def cold_cycle_pg(url: str, base: str, sources: int, instances: int) -> dict[str, float]:
    """Seconds and articles of one cold cycle over `sources`, polled by `instances` processes at once."""
    asyncio.run(_add_sources(url, base, sources))
    ctx = multiprocessing.get_context("spawn")
    go, out = ctx.Event(), ctx.Queue()
    readies = [ctx.Event() for _ in range(instances)]
    procs = [ctx.Process(target=_instance, args=(url, r, go, out), daemon=True) for r in readies]
    for p in procs:
        p.start()
    for r in readies:
        r.wait(timeout=120)
    t0 = time.perf_counter()
    go.set()
    results = [out.get(timeout=1800) for _ in procs]
    elapsed = time.perf_counter() - t0
    for p in procs:
        p.join(timeout=30)
    return {
        "cold_s": elapsed,
        "articles": sum(r[0] for r in results),
        "sources_polled": sum(r[1] for r in results),
        "errors": sum(r[2] for r in results),
        "per_instance_sources": [r[1] for r in results],
    }
