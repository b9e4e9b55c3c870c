"""Poll benchmark: N synthetic sources on 127.0.0.1; cold cycle, warm (304) cycle, peak RSS, extraction ratio.

    .venv/bin/python bench/poll.py [--sources 200] [--warm-sources 1000] [--articles 10] [--no-attachments]
        [--hostile-pairs 2] [--hostile-only]

The sources are served by a separate process so the server's work does not count against the pipeline.
Half are RSS feeds whose entries carry only a teaser (so each article page is fetched and extracted, as for
most government feeds), half are table-layout listing pages linking to article pages; Chinese and English.

The hostile mix adds three sources to the same cold cycle: one whose article pages drip a byte a second,
one 40,000-link listing page (4 MB), one 2.5 KB "deflate, gzip" body that decodes to 1 GB. Plain and
hostile cycles alternate, each with a fresh database; the normal sources' cold-cycle rate (articles per
second until the last normal source is done) is compared, median against median.

The attachment cycle is the same cold cycle where a third of the articles link a 10-page Chinese PDF
(附件1：…实施方案.pdf), read by the attachment workers, side by side with the plain one.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import random
import resource
import statistics
import sys
import tempfile
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.hostile import deflate_gzip_bomb

HOSTILE = {"h-slow": "/h/slow/feed.xml", "h-huge": "/h/huge/list/", "h-bomb": "/h/bomb/list/"}
HUGE_LINKS = 40_000
DRIP_SECONDS = 600  # the slow source's article pages never finish within a benchmark

ZH = [
    "各级工会要加强组织领导，把职工权益保障工作摆上重要议事日程。",
    "各地要严格落实属地责任，确保各项措施落到实处。",
    "用人单位不得以任何理由克扣、拖欠职工工资。",
    "县级以上地方总工会要成立工作领导机构，健全工作机制。",
    "要做好困难职工帮扶工作，确保帮扶资金及时足额发放到位。",
    "各单位务必于3月31日前将落实情况报送市人社局。",
    "本通知自2024年5月1日起施行。",
    "要加强宣传引导，营造全社会关心关爱一线职工的良好氛围。",
    "严禁借机乱收费、乱罚款，切实减轻企业负担。",
    "各级人民政府要统筹协调，督促有关部门履职尽责。",
    "医疗卫生机构要做好应急物资储备，保障一线医务人员防护需要。",
    "交通运输部门要确保重点物资运输畅通有序。",
]
EN = [
    "Employers must provide written notice to affected workers at least 60 days in advance.",
    "The Department of Labor announced new guidance for federal contractors on Tuesday.",
    "All agencies shall submit their compliance reports by March 31.",
    "The rule takes effect on July 1 and applies to establishments with 10 or more employees.",
    "Covered employers are required to post the updated notice in a conspicuous place.",
    "The circular said local offices should prioritise inspections in high-risk industries.",
    "Applicants must register through the online portal before the deadline.",
    "Failure to comply may result in civil penalties of up to 15,000 dollars per violation.",
]
NAV = "".join(f"<a href='/c{i}/'>栏目{i}</a> " for i in range(40))
LEADERS = "".join(f"<p>领导{i} 全国总工会副主席、书记处书记</p>" for i in range(18))
FOOTER = "<p>关于我们 | 联系我们 | 京ICP证100580号 | 京公网安备110401200155号 Copyright 2008-2026</p>"


def article_html(rng: random.Random, s: int, a: int) -> tuple[str, str]:
    """One article page (table layout, nav, leader list, footer) and its title."""
    zh = s % 2 == 0
    bank = ZH if zh else EN
    title = f"关于做好第{s}批第{a}号工作的通知" if zh else f"Notice {s}-{a} on workplace compliance"
    paras = "".join(
        f"<p>{''.join(rng.choice(bank) for _ in range(rng.randint(3, 6)))}</p>"
        for _ in range(rng.randint(4, 8))
    )
    html = (
        f"<html><head><meta charset='utf-8'><title>{title}-工会-示例网</title></head><body>"
        f"<table width='980'><tr><td>{NAV}</td></tr></table>"
        f"<table><tr><td width='200'>{LEADERS}</td><td><h1>{title}</h1><p>2026-11-{1 + a % 27:02d} 09:00</p>"
        f"{paras}<p>来源：示例网</p><p>编辑：某某</p></td></tr></table>"
        f"<table><tr><td>{''.join(f'<a href=/r/{i}>相关阅读{i}</a>' for i in range(10))}</td></tr></table>"
        f"{FOOTER}</body></html>"
    )
    return html, title


PDF_PAGES = 10
_PDF_VARIANTS = 6  # distinct PDFs served round-robin (each is still downloaded and read in full)


def plan_pdfs(seed: int, pages: int = PDF_PAGES) -> list[bytes]:
    """A few 10-page Chinese PDFs with a text layer (reportlab's CID font), each page ~25 wrapped lines."""
    from io import BytesIO

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    rng = random.Random(seed)
    out = []
    for _ in range(_PDF_VARIANTS):
        buf = BytesIO()
        c = canvas.Canvas(buf, pageCompression=1)
        for page in range(pages):
            c.setFont("STSong-Light", 9)
            c.drawString(72, 805, "某市人力资源和社会保障局文件")
            c.setFont("STSong-Light", 12)
            text = "".join(rng.choice(ZH) for _ in range(20))
            for line in range(25):
                c.drawString(72, 770 - 18 * line, text[line * 34 : line * 34 + 34])
            c.drawString(290, 40, f"- {page + 1} -")
            c.showPage()
        c.save()
        out.append(buf.getvalue())
    return out


def build_routes(
    sources: int, articles: int, seed: int, *, pdfs: list[bytes] | None = None
) -> dict[str, tuple[bytes, str]]:
    """path -> (body, content type) for every source and article (and attachment, when pdfs are given)."""
    rng = random.Random(seed)
    routes: dict[str, tuple[bytes, str]] = {}
    for s in range(sources):
        links = []
        for a in range(articles):
            html, title = article_html(rng, s, a)
            path = f"/s{s}/a/{a}.html"
            if pdfs and (s * articles + a) % 3 == 0:
                pdf_path = f"/s{s}/a/{a}-plan.pdf"
                link = f"<p>附件：<a href='{pdf_path}'>附件1：实施方案.pdf</a></p>"
                html = html.replace("<p>来源：示例网</p>", link + "<p>来源：示例网</p>")
                routes[pdf_path] = (pdfs[(s + a) % len(pdfs)], "application/pdf")
            routes[path] = (html.encode("utf-8"), "text/html; charset=utf-8")
            links.append((path, title, f"2026-11-{1 + a % 27:02d}"))
        if s % 4 in (0, 1):  # feeds with teasers
            items = "".join(
                f"<item><title>{t}</title><link>{{base}}{p}</link><guid>{p}</guid>"
                f"<pubDate>Mon, {1 + i % 27:02d} Nov 2026 09:00:00 +0800</pubDate>"
                f"<description>{t[:20]}…</description></item>"
                for i, (p, t, _) in enumerate(links)
            )
            body = f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>s{s}</title>{items}</channel></rss>"
            routes[f"/s{s}/feed.xml"] = (body.encode("utf-8"), "application/rss+xml")
        else:  # listing pages
            rows = "".join(f"<tr><td><a href='{p}'>{t}</a></td><td>{d}</td></tr>" for p, t, d in links)
            body = (
                f"<html><head><meta charset='utf-8'><title>通知公告</title></head><body><div>{NAV}</div>"
                f"<table class='list'>{rows}</table>{FOOTER}</body></html>"
            )
            routes[f"/s{s}/list/"] = (body.encode("utf-8"), "text/html; charset=utf-8")
    return routes


def hostile_routes() -> dict[str, tuple[bytes, str]]:
    """The hostile mix's listing bodies (the slow articles and the bomb are answered by the handler)."""
    slow = "".join(
        f"<item><title>慢速来源的第{i}份通知</title><link>{{base}}/h/slow/a/{i}.html</link><guid>h{i}</guid>"
        f"<description>详见正文…</description></item>"
        for i in range(10)
    )
    rows = "".join(
        f"<tr><td><a href='/h/huge/list/t{i}.html'>关于做好第{i}项重点工作的通知</a></td><td>2026-11-01</td></tr>"
        for i in range(HUGE_LINKS)
    )
    return {
        "/h/slow/feed.xml": (
            f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>slow</title>{slow}</channel></rss>".encode(),
            "application/rss+xml",
        ),
        "/h/huge/list/": (
            f"<html><body><table class='list'>{rows}</table></body></html>".encode(),
            "text/html; charset=utf-8",
        ),
    }


def serve(
    port_queue: multiprocessing.Queue[int], sources: int, articles: int, seed: int, attachments: bool = False
) -> None:
    """Child process: serve the routes with ETag/Last-Modified, answering 304 to matching validators."""
    routes = build_routes(sources, articles, seed, pdfs=plan_pdfs(seed) if attachments else None)
    routes |= hostile_routes()
    bomb = deflate_gzip_bomb(1024)
    stamp = formatdate(usegmt=True)
    base = ""  # set once the server has its port

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            if path.startswith("/h/slow/a/"):
                self._drip()
                return
            if path == "/h/bomb/list/":
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Encoding", "deflate, gzip")
                self.send_header("Content-Length", str(len(bomb)))
                self.end_headers()
                self.wfile.write(bomb)
                return
            if path not in routes:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body, ctype = routes[path]
            body = body.replace(b"{base}", base.encode())
            etag = f'"{hash(path) & 0xFFFFFF:x}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", stamp)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _drip(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(DRIP_SECONDS))
            self.end_headers()
            try:
                for _ in range(DRIP_SECONDS):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(1.0)
            except OSError:
                pass  # the poller gave up (deadline or benchmark over)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.request_queue_size = 1024
    base = f"http://127.0.0.1:{httpd.server_port}"
    port_queue.put(httpd.server_port)
    httpd.serve_forever()


class PeakRSS:
    """Samples this process's resident set size (VmRSS) while a block runs."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, _rss_bytes())

    def __enter__(self) -> PeakRSS:
        self.peak = _rss_bytes()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _hwm_bytes(pid: int) -> int:
    """A process's peak resident set size (VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


async def run_cycles(
    base: str, sources: int, db_dir: Path, *, warm_repeats: int, attachments: bool = False
) -> dict[str, float]:
    """Add the sources, run one cold cycle then warm (304) cycles; returns timings."""
    from contextlib import AsyncExitStack

    from bot.attachments.pool import ExtractorPool
    from bot.attachments.reader import AttachmentReader
    from bot.config import AttachmentConfig, PollConfig
    from bot.models import SourceSpec
    from bot.poller import Poller, default_summarizer
    from bot.sources.fetch import Fetcher
    from storage import open_store

    store = await open_store(db_dir / "bench.sqlite3")
    for s in range(sources):
        path = f"/s{s}/feed.xml" if s % 4 in (0, 1) else f"/s{s}/list/"
        kind = "feed" if s % 4 in (0, 1) else "page"
        await store.add_source(SourceSpec(name=f"s{s}", url=base + path, kind=kind))  # type: ignore[arg-type]
    config = PollConfig(interval=600, concurrency=8, article_concurrency=4)
    workers_peak = 0
    async with AsyncExitStack() as stack:
        fetcher = await stack.enter_async_context(Fetcher(max_connections=32))
        reader = None
        if attachments:
            settings = AttachmentConfig()
            pool = await stack.enter_async_context(ExtractorPool(workers=settings.workers))
            reader = AttachmentReader(fetcher, settings, pool)
        poller = Poller(store, fetcher, config, summarizer=default_summarizer(0), attachments=reader)
        t0 = time.perf_counter()
        reports = await poller.poll_due()
        cold = time.perf_counter() - t0
        if reader is not None:
            workers_peak = max((_hwm_bytes(pid) for pid in reader.pool.pids()), default=0)
        stored = sum(len(r.new) for r in reports)
        errors = [r.error for r in reports if r.error]
        warm_times = []
        for _ in range(warm_repeats):
            async with store.db.transaction() as conn:
                await conn.execute("UPDATE sources SET next_due = 0")
            t0 = time.perf_counter()
            warm_reports = await poller.poll_due()
            warm_times.append(time.perf_counter() - t0)
            assert all(r.not_modified for r in warm_reports), [r.error for r in warm_reports if r.error][:3]
    await store.close()
    return {
        "cold_s": cold,
        "articles": stored,
        "errors": len(errors),
        "warm_s": statistics.median(warm_times) if warm_times else 0.0,
        "warm_sources": sources,
        "workers_peak_rss": workers_peak,
    }


async def normal_cold_rate(base: str, sources: int, db_dir: Path, *, hostile: bool) -> dict[str, float]:
    """One cold cycle as the bot runs it (each source its own task): the normal sources' articles/s.

    With hostile=True the three hostile sources are polled in the same cycle; the clock stops when the
    last normal source is done (the slow one is still dripping then, by design).
    """
    from bot.config import PollConfig
    from bot.models import SourceSpec
    from bot.poller import Poller, PollReport, default_summarizer
    from bot.sources.fetch import Fetcher
    from storage import open_store

    store = await open_store(db_dir / f"cycle-{hostile}.sqlite3")
    if hostile:
        # Added first, so they are claimed first and hold their slots while the normal sources are polled.
        for name, path in HOSTILE.items():
            kind = "feed" if path.endswith(".xml") else "page"
            await store.add_source(SourceSpec(name=name, url=base + path, kind=kind))  # type: ignore[arg-type]
    for s in range(sources):
        path = f"/s{s}/feed.xml" if s % 4 in (0, 1) else f"/s{s}/list/"
        kind = "feed" if s % 4 in (0, 1) else "page"
        await store.add_source(SourceSpec(name=f"s{s}", url=base + path, kind=kind))  # type: ignore[arg-type]
    config = PollConfig(interval=600, concurrency=8, article_concurrency=4)
    done = asyncio.Event()
    normal: list[PollReport] = []
    hostile_reports: dict[str, PollReport] = {}

    def reported(report: PollReport) -> None:
        if report.source in HOSTILE:
            hostile_reports[report.source] = report
            return
        normal.append(report)
        if len(normal) == sources:
            done.set()

    async with Fetcher(max_connections=32) as fetcher:
        poller = Poller(store, fetcher, config, summarizer=default_summarizer(0), on_report=reported)
        t0 = time.perf_counter()
        poller.start_cycle()
        await done.wait()
        seconds = time.perf_counter() - t0
        still_polling = poller.polling
        await poller.stop()
    await store.close()
    articles = sum(len(r.new) for r in normal)
    return {
        "seconds": seconds,
        "articles": articles,
        "rate": articles / seconds,
        "errors": sum(1 for r in normal if r.error),
        "hostile_done": len(hostile_reports),
        "still_polling": still_polling,
    }


def hostile_mix(sources: int, articles: int, seed: int, pairs: int) -> dict[str, Any]:
    """Plain and hostile cold cycles, alternated, against one server; medians and their ratio."""
    proc, base = start_server(sources, articles, seed)
    plain: list[dict[str, float]] = []
    mixed: list[dict[str, float]] = []
    try:
        for pair in range(pairs):
            # ABBA order: a machine whose load drifts during the run favours neither side.
            order = ((False, plain), (True, mixed)) if pair % 2 == 0 else ((True, mixed), (False, plain))
            for hostile, into in order:
                with tempfile.TemporaryDirectory() as tmp:
                    into.append(asyncio.run(normal_cold_rate(base, sources, Path(tmp), hostile=hostile)))
    finally:
        proc.terminate()
    plain_rate = statistics.median(r["rate"] for r in plain)
    mixed_rate = statistics.median(r["rate"] for r in mixed)
    return {
        "plain_rate": plain_rate,
        "hostile_rate": mixed_rate,
        "ratio": mixed_rate / plain_rate,
        "errors": sum(r["errors"] for r in plain + mixed),
        "hostile_done": statistics.median(r["hostile_done"] for r in mixed),
        "plain_rates": [round(r["rate"], 1) for r in plain],
        "hostile_rates": [round(r["rate"], 1) for r in mixed],
    }


def print_mix(mix: dict[str, Any], sources: int, pairs: int) -> None:
    """The hostile mix's lines of the table."""
    print(f"hostile mix: 1 slow + 1 huge + 1 bomb among {sources} sources, {pairs} pairs (ABBA order)")
    plain, hostile = mix["plain_rates"], mix["hostile_rates"]
    print(f"{'normal sources, plain run: articles/s':40} {mix['plain_rate']:>12.1f}  {plain}")
    print(f"{'normal sources, hostile mix: articles/s':40} {mix['hostile_rate']:>12.1f}  {hostile}")
    print(f"{'hostile / plain (medians)':40} {mix['ratio']:>12.2f}  >= 0.90")
    print(f"{'hostile sources done by then (of 3)':40} {mix['hostile_done']:>12.0f}  (the slow one drips on)")


def extraction_seconds(sources: int, articles: int, seed: int, repeats: int = 3) -> tuple[float, float, int]:
    """Median seconds of bare trafilatura.extract and of our extraction (decode + guarded extract_article)
    over the same article pages, measured alternately in one run."""
    import trafilatura

    from bot.sources.decode import decode_body
    from bot.sources.extract import extract_article

    routes = build_routes(sources, articles, seed)
    pages = [body for path, (body, _) in routes.items() if "/a/" in path]
    bare, ours = [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for body in pages:
            trafilatura.extract(body.decode("utf-8"))
        bare.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for body in pages:
            extract_article(decode_body(body, "text/html"), "http://127.0.0.1/a")
        ours.append(time.perf_counter() - t0)
    return statistics.median(bare), statistics.median(ours), len(pages)


def pdf_page_seconds(seed: int, repeats: int = 5) -> float:
    """Median seconds per PDF page read through one attachment worker (the 10-page bench PDF)."""
    from bot.attachments.pool import ExtractorPool

    pdf = plan_pdfs(seed)[0]

    async def run() -> list[float]:
        times = []
        async with ExtractorPool(workers=1) as pool:
            await pool.extract("pdf", pdf)  # the worker's start-up is not a page's cost
            for _ in range(repeats):
                t0 = time.perf_counter()
                result = await pool.extract("pdf", pdf)
                times.append(time.perf_counter() - t0)
                assert result.status == "read" and result.pages == PDF_PAGES, result
        return times

    return statistics.median(asyncio.run(run())) / PDF_PAGES


def start_server(
    sources: int, articles: int, seed: int, attachments: bool = False
) -> tuple[BaseProcess, str]:
    ctx = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[int] = ctx.Queue()
    proc = ctx.Process(target=serve, args=(queue, sources, articles, seed, attachments), daemon=True)
    proc.start()
    return proc, f"http://127.0.0.1:{queue.get(timeout=120)}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sources", type=int, default=200, help="sources in the cold cycle")
    parser.add_argument("--warm-sources", type=int, default=1000, help="sources in the warm (all 304) cycle")
    parser.add_argument("--articles", type=int, default=10, help="articles per source")
    parser.add_argument("--repeats", type=int, default=3, help="warm cycles (median reported)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--instances", type=int, default=2, help="PostgreSQL: instances sharing the cycle")
    parser.add_argument("--no-attachments", action="store_true", help="skip the attachment cycle")
    parser.add_argument("--hostile-only", action="store_true", help="run only the hostile mix")
    parser.add_argument(
        "--hostile-pairs",
        type=int,
        default=2,
        help="plain/hostile cold-cycle pairs (0 = skip the hostile mix)",
    )
    args = parser.parse_args()
    if args.backend == "postgresql":
        main_pg(args)
        return
    import logging

    logging.disable(logging.WARNING)
    if args.hostile_only:
        only = hostile_mix(args.sources, args.articles, args.seed, max(1, args.hostile_pairs))
        print_mix(only, args.sources, max(1, args.hostile_pairs))
        print(json.dumps({"bench": "poll-hostile", "sources": args.sources, **only}))
        return

    proc, base = start_server(args.sources, args.articles, args.seed)
    try:
        with tempfile.TemporaryDirectory() as tmp, PeakRSS() as rss:
            cold = asyncio.run(run_cycles(base, args.sources, Path(tmp), warm_repeats=0))
        peak = rss.peak
    finally:
        proc.terminate()
    att: dict[str, float] = {}
    att_peak = 0
    if not args.no_attachments:
        # The same cold cycle with a 10-page PDF linked from a third of the articles, run right after.
        proc, base = start_server(args.sources, args.articles, args.seed, attachments=True)
        try:
            with tempfile.TemporaryDirectory() as tmp, PeakRSS() as rss:
                att = asyncio.run(run_cycles(base, args.sources, Path(tmp), warm_repeats=0, attachments=True))
            att_peak = rss.peak
        finally:
            proc.terminate()
    # The warm cycle needs many sources but few articles: a separate server and database.
    proc, base = start_server(args.warm_sources, 1, args.seed)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            warm = asyncio.run(run_cycles(base, args.warm_sources, Path(tmp), warm_repeats=args.repeats))
    finally:
        proc.terminate()
    bare_s, ours_s, bare_n = extraction_seconds(args.sources, args.articles, args.seed)
    mix = (
        hostile_mix(args.sources, args.articles, args.seed, args.hostile_pairs)
        if args.hostile_pairs
        else None
    )

    rate = cold["articles"] / cold["cold_s"]
    ratio = ours_s / bare_s
    cycle_ratio = cold["cold_s"] / bare_s
    print(
        f"poll benchmark ({args.sources} cold sources x {args.articles} articles, {args.warm_sources} warm)"
    )
    print(f"{'figure':40} {'value':>12}  target")
    print(f"{'cold cycle: articles stored':40} {cold['articles']:>12.0f}")
    print(f"{'cold cycle: seconds':40} {cold['cold_s']:>12.2f}")
    print(f"{'cold cycle: articles/s':40} {rate:>12.1f}  >= 25")
    print(f"{'warm cycle (all 304): median seconds':40} {warm['warm_s']:>12.2f}  < 5 for 1,000 sources")
    print(f"{'bare trafilatura.extract: median s':40} {bare_s:>12.2f}  ({bare_n} pages)")
    print(f"{'our extraction (decode+guard): median s':40} {ours_s:>12.2f}")
    print(f"{'extraction pipeline / bare extraction':40} {ratio:>12.2f}  <= 2.0")
    print(f"{'whole cold cycle / bare extraction':40} {cycle_ratio:>12.2f}  (fetch+extract+summarise+store)")
    print(f"{'peak RSS during cold cycle (MB)':40} {peak / 1e6:>12.1f}")
    print(f"{'source errors':40} {cold['errors'] + warm['errors']:>12.0f}")
    figures: dict[str, float] = {}
    if att:
        att_rate = att["articles"] / att["cold_s"]
        page_s = pdf_page_seconds(args.seed)
        figures = {
            "attachment_cold_seconds": round(att["cold_s"], 3),
            "attachment_cold_articles_per_s": round(att_rate, 1),
            "attachment_to_plain_rate": round(att_rate / rate, 2),
            "pdf_page_ms": round(page_s * 1000, 2),
            "attachment_peak_rss_mb": round(att_peak / 1e6, 1),
            "attachment_worker_peak_rss_mb": round(att["workers_peak_rss"] / 1e6, 1),
        }
        print(
            f"{'attachment cycle: articles stored':40} {att['articles']:>12.0f}  (1 in 3 links a {PDF_PAGES}-page PDF)"
        )
        print(
            f"{'attachment cycle: articles/s':40} {att_rate:>12.1f}  plain: {rate:.1f} ({att_rate / rate:.2f}x)"
        )
        print(f"{'PDF extraction per page (ms, median)':40} {page_s * 1000:>12.2f}")
        print(f"{'peak RSS, attachment cycle (MB)':40} {att_peak / 1e6:>12.1f}  < 300")
        print(f"{'peak RSS of each PDF worker (MB)':40} {att['workers_peak_rss'] / 1e6:>12.1f}  < 300")
        print(f"{'attachment cycle errors':40} {att['errors']:>12.0f}")
    if mix is not None:
        print_mix(mix, args.sources, args.hostile_pairs)
    print(
        json.dumps(
            {
                "bench": "poll",
                "sources": args.sources,
                "articles": int(cold["articles"]),
                "cold_seconds": round(cold["cold_s"], 3),
                "cold_articles_per_s": round(rate, 1),
                "warm_sources": args.warm_sources,
                "warm_seconds_median": round(warm["warm_s"], 3),
                "bare_extract_seconds": round(bare_s, 3),
                "extract_pipeline_seconds": round(ours_s, 3),
                "pipeline_to_bare_ratio": round(ratio, 2),
                "cold_cycle_to_bare_ratio": round(cycle_ratio, 2),
                "peak_rss_mb": round(peak / 1e6, 1),
                "errors": int(cold["errors"] + warm["errors"]),
                **(
                    {
                        "hostile_plain_rate": round(mix["plain_rate"], 1),
                        "hostile_mix_rate": round(mix["hostile_rate"], 1),
                        "hostile_to_plain_ratio": round(mix["ratio"], 3),
                        "hostile_mix_errors": int(mix["errors"]),
                    }
                    if mix
                    else {}
                ),
                **figures,
            }
        )
    )


def main_pg(args: argparse.Namespace) -> None:
    """Cold cycle on PostgreSQL with one instance, then with N sharing it (fresh database each), side by side."""
    import logging

    from poll_pg import cold_cycle_pg

    from tests.pg_server import throwaway_server

    logging.disable(logging.WARNING)
    proc, base = start_server(args.sources, args.articles, args.seed)
    runs: dict[int, dict[str, float]] = {}
    try:
        with throwaway_server() as server:
            for n in (1, args.instances):
                runs[n] = cold_cycle_pg(server.create_database("poll"), base, args.sources, n)
    finally:
        proc.terminate()
    print(f"poll benchmark on PostgreSQL ({args.sources} sources x {args.articles} articles, cold cycle)")
    for n, r in runs.items():
        print(
            f"{n} instance(s): {r['articles']:.0f} articles in {r['cold_s']:.1f} s = {r['articles'] / r['cold_s']:.1f}"
            f" articles/s; sources per instance {r['per_instance_sources']}; errors {r['errors']:.0f}"
        )
    one, many = runs[1], runs[args.instances]
    speedup = (many["articles"] / many["cold_s"]) / (one["articles"] / one["cold_s"])
    print(f"{args.instances} instances / 1 instance: {speedup:.2f}x (2 cores shared by both and the server)")
    print(json.dumps({"bench": "poll", "backend": "postgresql", "runs": runs, "speedup": round(speedup, 2)}))


if __name__ == "__main__":
    main()
