"""Hostile sources against the poller and the config (issue 11 rows 4, 5, 10, 11): isolation, caps, failures."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.config import PollConfig, load_config
from bot.errors import ConfigError, DatabaseFailure
from bot.models import SourceSpec
from bot.poller import Poller, PollReport
from bot.sources.fetch import Fetcher
from storage import SQLiteStore, open_store
from tests.delivery_world import notice, publish
from tests.pollerkit import make_due, store_fixture  # noqa: F401
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
CONFIG = PollConfig(interval=600, concurrency=4, timeout=2.0, max_backoff=3600)
BODY = "各级工会要加强组织领导，确保职工安全返岗。" * 12


def feed(items: list[tuple[str, str]], *, teaser: bool = False) -> bytes:
    """RSS of (path, title) items; with teaser=True only a short summary, so the article page is fetched."""
    text = "详见正文…" if teaser else BODY * 2  # 500 characters: full text, no article fetch
    parts = "".join(
        f"<item><title>{t}</title><link>{p}</link><guid>{p}</guid><description>{text}</description></item>"
        for p, t in items
    )
    return f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>t</title>{parts}</channel></rss>".encode()


def article(title: str) -> str:
    return f"<html><body><h1>{title}</h1><p>{BODY}</p></body></html>"


async def test_a_slow_source_does_not_hold_up_another(store: SQLiteStore, http_server: NoticeServer) -> None:
    # Row 4: one source's article pages drip; another source, due every second, is polled on and on.
    slow_items = [(http_server.url(f"/slow/{i}.html"), f"慢速来源的第{i}份通知") for i in range(2)]
    http_server.add("/slow.xml", feed(slow_items, teaser=True), content_type="application/rss+xml")
    for i in range(2):
        http_server.add(f"/slow/{i}.html", stream_bytes=16_384 * 60, chunk_delay=1.0)
    fast = [(http_server.url("/fast/1.html"), "快速来源的第一份通知")]
    http_server.add("/fast.xml", feed(fast), content_type="application/rss+xml")
    await store.add_source(SourceSpec(name="slow", url=http_server.url("/slow.xml"), kind="feed"))
    await store.add_source(
        SourceSpec(name="fast", url=http_server.url("/fast.xml"), kind="feed", interval=1.0)
    )
    reports: list[PollReport] = []
    async with Fetcher(read_timeout=5.0, total_timeout=60.0) as fetcher:
        poller = Poller(store, fetcher, CONFIG, on_report=reports.append)
        try:
            for tick in range(40):  # the scheduler's ticks, 0.25 s apart
                poller.start_cycle()
                await asyncio.sleep(0.25)
                if tick == 12:
                    news = [(http_server.url("/fast/2.html"), "快速来源的第二份通知"), *fast]
                    http_server.update("/fast.xml", body=feed(news))
                if any(n.title == "快速来源的第二份通知" for r in reports for n in r.new):
                    break
            assert http_server.hits("/slow/0.html") == 1 and poller.polling >= 1  # still dripping
            assert http_server.hits("/fast.xml") >= 3
            assert any(n.title == "快速来源的第二份通知" and n.delivered for r in reports for n in r.new)
        finally:
            await poller.stop()


async def test_a_huge_first_poll_takes_the_newest_entries_within_budgets(
    store: SQLiteStore, http_server: NoticeServer
) -> None:
    # Row 5: a 10,000-link listing used to mean 10,000 article requests before anything was stored.
    rows = "".join(
        f"<tr><td><a href='/list/content_{i}.htm'>关于做好第{i}项重点工作的通知</a></td>"
        f"<td>{date(2024, 12, 31) - timedelta(days=i // 10)}</td></tr>"
        for i in range(10_000)
    )
    url = http_server.add("/list/index.htm", f"<html><body><table>{rows}</table></body></html>")
    for i in range(300):
        http_server.add(f"/list/content_{i}.htm", article(f"关于做好第{i}项重点工作的通知"))
    await store.add_source(SourceSpec(name="huge", url=url, kind="page"))
    config = PollConfig(interval=600, max_bytes=5_000_000, max_entries=200, max_articles=30)
    async with Fetcher(max_bytes=config.max_bytes) as fetcher:
        async with asyncio.timeout(90):
            [report] = await Poller(store, fetcher, config).poll_due()
    assert report.error is None, report.error
    article_requests = [p for p, _ in http_server.requests if p.startswith("/list/content_")]
    assert len(article_requests) <= 30
    assert len(report.new) == 200 and not any(n.delivered for n in report.new)
    # The newest 200 (the page lists newest first), each stored once.
    assert {n.url.rsplit("_", 1)[1] for n in report.new} == {f"{i}.htm" for i in range(200)}


async def test_a_deadline_mid_poll_keeps_what_was_stored(
    store: SQLiteStore, http_server: NoticeServer
) -> None:
    items = [(http_server.url(f"/n/{i}.html"), f"第{i}份关于加强安全生产的通知") for i in range(12)]
    http_server.add("/feed.xml", feed(items, teaser=True), content_type="application/rss+xml")
    for i in range(12):
        http_server.add(f"/n/{i}.html", article(items[i][1]), delay=0.5)
    await store.add_source(SourceSpec(name="slow", url=http_server.url("/feed.xml"), kind="feed"))
    config = PollConfig(interval=600, article_concurrency=2, deadline=1.8)
    async with Fetcher() as fetcher:
        [first] = await Poller(store, fetcher, config).poll_due()
        assert first.error is not None and "deadline" in first.error
        # What was fetched before the deadline is stored, and reported.
        assert 0 < len(first.new) < 12 and await stored(store) == len(first.new)
        await make_due(store)
        [second] = await Poller(store, fetcher, PollConfig(interval=600, article_concurrency=4)).poll_due()
    assert second.error is None
    # The next poll goes on from there: nothing stored twice, nothing lost.
    assert len(first.new) + len(second.new) == 12 and await stored(store) == 12


async def stored(store: SQLiteStore) -> int:
    row = await store.db.fetchone("SELECT COUNT(*) FROM notices")
    assert row is not None
    return int(row[0])


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('[poll]\ninterval = "inf"\n', "poll.interval"),
        ("[poll]\ninterval = inf\n", "poll.interval"),
        ('[poll]\ninterval = "100000000d"\n', "poll.interval"),
        ('[poll]\nuser_agent = "bot\\r\\nX-Evil: 1"\n', "poll.user_agent"),
        (f'[poll]\nuser_agent = "{"x" * 100_000}"\n', "poll.user_agent"),
        ("[poll]\nmax_bytes = 99999999999\n", "poll.max_bytes"),
        ("[poll]\nconcurrency = 100000\n", "poll.concurrency"),
        ('[poll]\ndeadline = "1s"\n', "poll.deadline"),
        ("[delivery]\nper_chat_interval = nan\n", "delivery.per_chat_interval"),
        ("[summary]\nbudget = -5\n", "summary.budget"),
        ('[[sources]]\nname = "a"\nurl = "http://x/"\ninterval = "99999d"\n', "sources[0].interval"),
        ('[[sources]]\nname = "a"\nurl = "http://x/ y"\n', "sources[0].url"),
        ('[[sources]]\nname = "a"\nurl = "http://x/"\nitem_selector = "a\\n"\n', "sources[0].item_selector"),
    ],
)
def test_out_of_range_config_values_name_their_key(tmp_path: Path, toml: str, key: str) -> None:
    # Row 10: accepted before, and then every poll failed.
    path = tmp_path / "config.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=key.replace("[", r"\[").replace(".", r"\.")) as caught:
        load_config(path, env={})
    assert len(str(caught.value)) < 300 and "\n" not in str(caught.value)


def test_a_bad_config_value_is_one_line_and_exit_code_2(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'[poll]\nuser_agent = "{"x" * 100_000}"\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "poll", "--once", "--config", str(path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "poll.user_agent" in done.stderr and len(done.stderr) < 300


async def corrupted_database(tmp_path: Path, server: NoticeServer) -> Path:
    """A database with one feed source and 400 notices, whose notices table and indexes are then damaged."""
    url = server.add(
        "/feed.xml",
        feed([(server.url("/n/new.html"), "关于新情况的通知")]),
        content_type="application/rss+xml",
    )
    db = tmp_path / "noticebot.sqlite3"
    store = await open_store(db)
    try:
        source = await store.add_source(SourceSpec(name="acftu", url=url, kind="feed"))
        await publish(store, source, *(notice(f"k{i}", text=f"第{i}份。" + BODY * 3) for i in range(400)))
    finally:
        await store.close()
    with sqlite3.connect(db) as conn:
        query = "SELECT rootpage FROM sqlite_master WHERE tbl_name = 'notices' AND rootpage > 0"
        roots = [r for (r,) in conn.execute(query)]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with db.open("r+b") as f:  # the notices table and its indexes, in the middle of the file
        for page in roots:
            f.seek((page - 1) * size)
            f.write(b"\xff" * size)
    return db


def source_health(db: Path) -> tuple[int, str | None]:
    with sqlite3.connect(db) as conn:
        failures, error = conn.execute("SELECT failures, last_error FROM sources").fetchone()
    conn.close()
    return failures, error


async def test_a_corrupted_database_stops_poll_once_and_blames_no_source(
    tmp_path: Path, http_server: NoticeServer
) -> None:
    # Row 11: poll --once exited 0, blamed the source, and counted the failure towards pausing it.
    db = await corrupted_database(tmp_path, http_server)
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\npath = "{db}"\n', encoding="utf-8")
    done = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, str(ROOT / "main.py"), "poll", "--once", "--config", str(config)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert "database" in done.stderr and "damaged" in done.stderr, done.stderr
    assert "[acftu] failed" not in done.stderr
    assert source_health(db) == (0, None)


async def test_a_corrupted_database_reaches_the_bot_not_the_source(
    tmp_path: Path, http_server: NoticeServer
) -> None:
    # The running bot's background polls hand the failure to on_error (bot.app stops the bot there).
    db = await corrupted_database(tmp_path, http_server)
    failed: list[BaseException] = []
    reports: list[PollReport] = []
    stopped = asyncio.Event()

    def on_error(exc: BaseException) -> None:
        failed.append(exc)
        stopped.set()

    store = await open_store(db)
    try:
        async with Fetcher() as fetcher:
            poller = Poller(store, fetcher, CONFIG, on_report=reports.append, on_error=on_error)
            poller.start_cycle()
            async with asyncio.timeout(30):
                await stopped.wait()
    finally:
        await store.close()
    assert isinstance(failed[0], DatabaseFailure) and failed[0].corrupt and reports == []
    assert source_health(db) == (0, None)
