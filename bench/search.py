"""Search benchmark: synthetic notices, latency per query class against a plain LIKE scan, index sizes.

Run: .venv/bin/python bench/search.py [--notices 100000] [--db PATH] [--backend postgresql [--url URL]]
(PostgreSQL: a throwaway cluster is started unless --url names a database; the scan to beat is ILIKE.)
Ends with one JSON line of the figures (latencies in milliseconds, sizes in bytes per notice).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.search import parse_query
from storage import SQLiteStore, Store, open_store
from storage.models import SourceSpec
from storage.search import register_functions

ZH_ISSUERS = "中华全国总工会 人力资源社会保障部 国务院办公厅 应急管理部 国家卫生健康委 教育部 市场监管总局 省总工会 市人社局 区应急管理局".split()
ZH_TOPICS = "疫情防控 安全生产 就业创业 职工权益保障 工会组织建设 欠薪治理 劳动保护 技能培训 防汛救灾 节日慰问 困难职工帮扶 劳动模范评选 农民工工资支付 职业病防治 集体协商".split()
ZH_VERBS = "做好 加强 开展 落实 推进 规范 深化 统筹".split()
ZH_SUBJECTS = (
    "各级工会 各地人社部门 各有关单位 各级应急管理部门 各用人单位 基层工会组织 各区县 各企业".split()
)
ZH_SENTENCES = [
    "{s}要{v}{t}工作，切实把各项措施落到实处。",
    "{s}要提高政治站位，充分认识{t}的重要意义。",
    "要坚持以人民为中心的发展思想，{v}{t}，确保职工群众生命安全和身体健康。",
    "《通知》要求，{s}要建立健全{t}工作机制，明确责任分工。",
    "{s}必须严格落实主体责任，不得推诿扯皮，严禁弄虚作假。",
    "要加强督促检查，对{t}中发现的问题及时整改，确保取得实效。",
    "各地要结合实际制定具体实施方案，于{m}月{d}日前报送{i}。",
    "要充分发挥工会组织优势，广泛动员职工积极参与{t}。",
    "要做好宣传引导，及时总结推广{t}的好经验好做法。",
    "{s}要加强组织领导，主要负责同志要亲自部署、亲自过问。",
    "对工作不力、造成严重后果的，要依法依规严肃追究责任。",
    "要统筹做好疫情防控和经济社会发展，保障职工合法权益。",
    "要强化安全检查，深入排查整治各类风险隐患。",
    "要进一步完善就业公共服务，帮助重点群体实现就业。",
    "各级工会要关心关爱一线职工，及时送去组织温暖。",
    "{i}将适时组织开展专项督查，督查结果将予以通报。",
]
EN_ISSUERS = "All-China Federation of Trade Unions|Ministry of Human Resources and Social Security|General Office of the State Council|Ministry of Emergency Management|National Health Commission|Ministry of Education".split(
    "|"
)
EN_TOPICS = "workplace safety|epidemic prevention|employment services|wage arrears|flood control|vocational training|worker rights protection|occupational health|collective bargaining|holiday support for workers".split(
    "|"
)
EN_SUBJECTS = "Local trade unions|All employers|Local human resources departments|Relevant departments|Enterprises|Grassroots union organizations".split(
    "|"
)
EN_SENTENCES = [
    "{s} must strengthen {t} and ensure that every measure is implemented.",
    "The circular said {s} shall establish a sound mechanism for {t} with clear responsibilities.",
    "{s} are required to carry out inspections and rectify problems found in {t} in a timely manner.",
    "Each region should draw up a detailed plan and report it to the {i} before {mon} {d}.",
    "Those responsible for serious failures will be held accountable in accordance with the law.",
    "{s} should give full play to their advantages and mobilise workers to take part in {t}.",
    "The {i} will organise special inspections and publish the results.",
    "Publicity should be strengthened and good practices in {t} should be promoted.",
    "{s} must not shirk responsibility, and falsification is strictly prohibited.",
    "Employment services for key groups will be improved to help them find jobs.",
    "Safety inspections will be intensified to identify and eliminate hidden risks.",
    "The notice was issued by the {i} ({zi}) and takes effect immediately.",
]
MONTHS = "January February March April May June July August September October November December".split()

QUERIES: dict[str, list[str]] = {
    "zh 1 char": ["疫", "工", "薪"],
    "zh 2 chars": ["疫情", "工会", "就业", "欠薪", "防汛"],
    "zh 4 chars": ["疫情防控", "安全生产", "技能培训", "劳动保护", "防汛救灾"],
    "en word": ["safety", "employment", "inspections", "arrears", "Vocational"],
    "two terms": ["工会 就业", "安全生产 检查", "疫情 落实", "safety inspections", "safety 总工会"],
    "phrase": [
        '"safety inspections"',
        '"the circular said"',
        '"wage arrears"',
        '"(中华全国总工会)"',
        "2021年",
    ],
    "no hit": ["区块链", "量子", "blockchain", "元宇宙 工会", "鲲鹏"],
}
TARGET_MS = 50.0


def _fill(template: str, rng: random.Random, topic: str, zh: bool) -> str:
    if zh:
        return template.format(
            s=rng.choice(ZH_SUBJECTS),
            v=rng.choice(ZH_VERBS),
            t=topic if rng.random() < 0.7 else rng.choice(ZH_TOPICS),
            i=rng.choice(ZH_ISSUERS),
            m=rng.randint(1, 12),
            d=rng.randint(1, 28),
        )
    return template.format(
        s=rng.choice(EN_SUBJECTS),
        t=topic if rng.random() < 0.7 else rng.choice(EN_TOPICS),
        i=rng.choice(EN_ISSUERS),
        zi=rng.choice(ZH_ISSUERS),
        mon=rng.choice(MONTHS),
        d=rng.randint(1, 28),
    )


def make_notice(rng: random.Random) -> tuple[str, str, str]:
    """(title, text, summary) of one synthetic notice; 60% Chinese, lengths log-uniform in 300-3,000."""
    zh = rng.random() < 0.6
    target = int(300 * 10 ** rng.random())
    if zh:
        topic = rng.choice(ZH_TOPICS)
        title = f"{rng.choice(ZH_ISSUERS)}关于{rng.choice(ZH_VERBS)}{topic}工作的通知"
        parts: list[str] = []
        size = 0
        while size < target:
            sentence = _fill(rng.choice(ZH_SENTENCES), rng, topic, True)
            parts.append(sentence)
            size += len(sentence)
            if rng.random() < 0.2:
                parts.append("\n")
        text = "".join(parts)
        summary = "".join(parts[:2]).strip()
    else:
        topic = rng.choice(EN_TOPICS)
        title = f"Notice of the {rng.choice(EN_ISSUERS)} on {topic}"
        parts = []
        size = 0
        while size < target:
            sentence = _fill(rng.choice(EN_SENTENCES), rng, topic, False)
            parts.append(sentence)
            size += len(sentence) + 1
        text = " ".join(parts)
        summary = " ".join(parts[:2])
    return title, text, summary


def rows(n: int, seed: int, source_ids: list[int]) -> Iterator[tuple[object, ...]]:
    """Rows for a bulk INSERT into notices, oldest first over five years (rowid order is time order)."""
    rng = random.Random(seed)
    start = datetime(2021, 1, 1, tzinfo=UTC).timestamp()
    span = timedelta(days=5 * 365).total_seconds()
    for i in range(n):
        title, text, summary = make_notice(rng)
        ts = start + span * i / max(1, n)
        yield (
            rng.choice(source_ids),
            f"b:{i}",
            f"http://127.0.0.1/n/{i}",
            title,
            text,
            ts,
            ts,
            str(i),
            f"{i}",
            summary,
        )


async def build(path: Path, n: int, seed: int) -> float:
    """Create the database through the storage layer, then bulk-insert (the triggers fill both indexes)."""
    began = time.perf_counter()
    store = await open_store(path)
    names = ["acftu", "mohrss", "gov", "mem", "nhc"]
    ids = [(await store.add_source(SourceSpec(name=s, url=f"http://127.0.0.1/{s}/"))).id for s in names]
    await store.close()
    conn = sqlite3.connect(path, isolation_level=None)
    register_functions(conn)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")  # a throw-away file: build speed over durability
    it = rows(n, seed, ids)
    while True:
        batch = [r for _, r in zip(range(5000), it, strict=False)]
        if not batch:
            break
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO notices (source_id, key, url, title, text, published, first_seen, content_hash,"
            " dup_key, summary) VALUES (?,?,?,?,?,?,?,?,?,?)",
            batch,
        )
        conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return time.perf_counter() - began


def sizes(path: Path, n: int) -> dict[str, float]:
    """Bytes per notice of the text and of each index (dbstat: pages actually used)."""
    conn = sqlite3.connect(path)
    used = dict(conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall())
    text = conn.execute(
        "SELECT sum(length(CAST(title AS BLOB)) + length(CAST(text AS BLOB)) + length(CAST(summary AS BLOB)))"
        " FROM notices"
    ).fetchone()[0]
    conn.close()
    tri = sum(v for k, v in used.items() if k.startswith("notices_fts"))
    grams = sum(v for k, v in used.items() if k.startswith("notices_grams"))
    return {
        "text_bytes_per_notice": round(text / n),
        "trigram_bytes_per_notice": round(tri / n),
        "grams_bytes_per_notice": round(grams / n),
        "file_bytes_per_notice": round(path.stat().st_size / n),
    }


def like_sql(terms: tuple[str, ...]) -> str:
    """The plain scan: every term as LIKE '%term%' on title/text/summary, newest page and total in one pass."""
    cond = " AND ".join("(title LIKE ? OR text LIKE ? OR summary LIKE ?)" for _ in terms)
    return (
        f"SELECT id, count(*) OVER () FROM notices WHERE duplicate_of IS NULL AND {cond}"
        " ORDER BY coalesce(published, first_seen) DESC LIMIT 5"
    )


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


Scan = Callable[[tuple[str, ...]], Awaitable[object]]


def sqlite_scan(store: SQLiteStore) -> Scan:
    """The LIKE scan over a SQLite store."""

    async def scan(terms: tuple[str, ...]) -> object:
        return await store.db.fetchall(like_sql(terms), [f"%{t}%" for t in terms for _ in range(3)])

    return scan


async def measure(store: Store, scan: Scan, reps: int, like_reps: int) -> dict[str, dict[str, float]]:
    """p50/p95 in ms per query class, for search() and for the LIKE scan, plus the mean hit count."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    out: dict[str, dict[str, float]] = {}
    for cls, queries in QUERIES.items():
        fts: list[float] = []
        like: list[float] = []
        totals: list[int] = []
        for q in queries:
            query = parse_query(q)
            await store.search(query, now=now)  # warm the page cache the way a running bot has it
            for _ in range(reps):
                t0 = time.perf_counter()
                page = await store.search(query, now=now)
                fts.append((time.perf_counter() - t0) * 1000)
            totals.append(page.total)
            for _ in range(like_reps):
                t0 = time.perf_counter()
                await scan(query.terms)
                like.append((time.perf_counter() - t0) * 1000)
        out[cls] = {
            "p50_ms": round(pct(fts, 0.5), 2),
            "p95_ms": round(pct(fts, 0.95), 2),
            "like_p50_ms": round(pct(like, 0.5), 1),
            "like_p95_ms": round(pct(like, 0.95), 1),
            "speedup_p50": round(pct(like, 0.5) / max(pct(fts, 0.5), 1e-6), 1),
            "mean_hits": round(statistics.mean(totals)),
        }
    return out


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--notices", type=int, default=100_000, help="how many notices (default 100000)")
    parser.add_argument("--reps", type=int, default=20, help="timed runs per query (default 20)")
    parser.add_argument("--like-reps", type=int, default=2, help="timed LIKE scans per query (default 2)")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--db", type=Path, help="keep the database here (reused if it exists)")
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--url", help="PostgreSQL: an empty database to fill (default: a throwaway cluster)")
    args = parser.parse_args()
    if args.backend == "postgresql":
        return await main_pg(args)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.sqlite3"
        build_s = 0.0
        if not path.exists():
            build_s = await build(path, args.notices, args.seed)
        store = await open_store(path)
        n = await store.count_notices()
        results = await measure(store, sqlite_scan(store), args.reps, args.like_reps)
        await store.close()
        size = sizes(path, n)
    return report(results, size, n, build_s, f"SQLite {sqlite3.sqlite_version}", "LIKE")


async def main_pg(args: argparse.Namespace) -> int:
    """The same corpus and queries on PostgreSQL, against an ILIKE scan in the same run."""
    from search_pg import build_pg, ilike_scan, index_sizes

    from storage.pg import open_pg_store
    from tests.pg_server import throwaway_server

    with contextlib.ExitStack() as stack:
        # Room for the notices, their text and the search index in shared buffers (a 100,000-notice deployment
        # would be given as much; the test servers' 64 MB would measure the OS page cache instead).
        server = throwaway_server({"shared_buffers": "512MB"})
        url = args.url or stack.enter_context(server).create_database("bench")
        build_s = await build_pg(url, rows, args.notices, args.seed)
        store = await open_pg_store(url)
        try:
            n = await store.count_notices()
            version = await store.pool.fetchval("SHOW server_version")

            results = await measure(store, functools.partial(ilike_scan, store), args.reps, args.like_reps)
            size = await index_sizes(store, n)
        finally:
            await store.close()
    return report(results, size, n, build_s, f"PostgreSQL {version}", "ILIKE")


def report(
    results: dict[str, dict[str, float]],
    size: dict[str, float],
    n: int,
    build_s: float,
    engine: str,
    scan_name: str,
) -> int:
    """Print the table and the JSON line of figures."""
    print(f"search bench: {n} notices, built in {build_s:.0f} s, {engine}; the scan is {scan_name}")
    print(
        f"{'query class':<12} {'p50 ms':>8} {'p95 ms':>8} {'LIKE p50':>9} {'LIKE p95':>9} {'speedup':>8} {'hits':>7}"
    )
    for cls, r in results.items():
        print(
            f"{cls:<12} {r['p50_ms']:>8.2f} {r['p95_ms']:>8.2f} {r['like_p50_ms']:>9.1f} {r['like_p95_ms']:>9.1f}"
            f" {r['speedup_p50']:>7.1f}x {r['mean_hits']:>7}"
        )
    print(
        f"per notice: text {size['text_bytes_per_notice']} B, trigram index {size['trigram_bytes_per_notice']} B,"
        f" bigram index {size['grams_bytes_per_notice']} B, whole file {size['file_bytes_per_notice']} B"
    )
    worst = max(r["p95_ms"] for r in results.values())
    fast_enough = worst < TARGET_MS
    # SQLite's target is 10x for 3+ character terms; PostgreSQL's (issue 12) is 10x for every class.
    classes = ("zh 4 chars", "en word") if scan_name == "LIKE" else tuple(results)
    ten_x = all(results[c]["speedup_p50"] >= 10 for c in classes)
    print(
        f"targets: p95 < {TARGET_MS:.0f} ms for every class: {fast_enough};"
        f" >= 10x {scan_name} for {', '.join(classes)}: {ten_x}"
    )
    figures = {
        "bench": "search",
        "backend": engine,
        "notices": n,
        "build_s": round(build_s, 1),
        "classes": results,
        **size,
        "p95_target_met": fast_enough,
        "ten_x_met": ten_x,
    }
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
