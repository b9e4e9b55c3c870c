"""PostgreSQL only: migrations and `storage migrate`, start-up errors, lost connections, leases, roles, copy."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import pytest

from bot.admin import status
from storage import open_backend, open_store
from storage.models import DeliveryResult, NewReminder, PendingPages, SearchQuery, SourceSpec
from storage.pg import PostgresStore, open_pg_store
from storage.pg.schema import MIGRATIONS
from tests.delivery_world import NOW, notice

ROOT = Path(__file__).resolve().parents[1]


def main_py(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})}, cwd=cwd,
    )  # fmt: skip


async def test_storage_migrate_records_each_step_once(pg_url: str, tmp_path: Path) -> None:
    proc = main_py("storage", "migrate", env={"NOTICEBOT_DATABASE_URL": pg_url}, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "migrated postgresql://" in proc.stdout
    again = main_py("storage", "migrate", env={"NOTICEBOT_DATABASE_URL": pg_url}, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    store = await open_pg_store(pg_url)
    try:
        rows = await store.pool.fetch("SELECT version, name FROM schema_migrations ORDER BY version")
        assert [r["version"] for r in rows] == list(range(1, len(MIGRATIONS) + 1))
    finally:
        await store.close()
    assert not (tmp_path / "data").exists()  # the URL won: no SQLite file was made


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def test_an_unreachable_server_is_one_line_and_exit_2(tmp_path: Path) -> None:
    url = f"postgresql://noticebot:secret-pw@127.0.0.1:{_closed_port()}/noticebot"
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\nurl = "{url}"\n', encoding="utf-8")
    proc = main_py("run", "--config", str(config), env={"TELEGRAM_BOT_TOKEN": "1:x"})
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot reach PostgreSQL at postgresql://noticebot")
    assert "secret-pw" not in proc.stderr and "Traceback" not in proc.stderr
    bad = main_py("storage", "migrate", env={"NOTICEBOT_DATABASE_URL": "mysql://x@127.0.0.1/db"})
    assert bad.returncode == 2 and "storage.url" in bad.stderr


async def test_a_lost_connection_is_retried_and_nothing_is_lost(pg_url: str) -> None:
    store = await open_pg_store(pg_url)
    try:
        src = await store.add_source(SourceSpec(name="a", url="http://127.0.0.1/a"))
        # Kill every server process of the pool: its connections are dead, the next call must reconnect.
        await _terminate_others(pg_url)
        out = await store.store_notices(src.id, [notice("k1")], now=NOW, deliver=False, notify_updates=False)
        assert out[0].status == "new"
        await _terminate_others(pg_url)
        again = await store.store_notices(
            src.id, [notice("k1")], now=NOW, deliver=False, notify_updates=False
        )
        assert again[0].status == "unchanged" and await store.count_notices() == 1
    finally:
        await store.close()


async def _terminate_others(url: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid != pg_backend_pid()"
        )
    finally:
        await conn.close()


async def test_two_instances_claim_disjoint_sources_and_take_over_expired_leases(pg_url: str) -> None:
    a = await open_pg_store(pg_url, instance="A", lease=60)
    b = await open_pg_store(pg_url, instance="B", lease=60)
    try:
        for i in range(6):
            await a.add_source(SourceSpec(name=f"s{i}", url=f"http://127.0.0.1/{i}"))
        got_a, got_b = await asyncio.gather(a.due_sources(NOW), b.due_sources(NOW))
        names_a, names_b = {s.name for s in got_a}, {s.name for s in got_b}
        assert names_a.isdisjoint(names_b) and len(names_a | names_b) == 6
        assert {
            s.name for s in await b.due_sources(NOW + timedelta(seconds=30))
        } == names_b  # A's leases hold
        # A finishes one source; A dies with the others leased: after the lease B takes them over.
        done = sorted(got_a, key=lambda s: s.id)[0] if got_a else None
        if done is not None:
            await a.record_poll_success(
                done.id, now=NOW, next_due=NOW + timedelta(hours=1), etag=None, last_modified=None,
                validated_url=None, detected_kind=None, feed_url=None, item_count=1, layout_changed=False,
            )  # fmt: skip
        taken = {s.name for s in await b.due_sources(NOW + timedelta(seconds=61))}
        expected = names_a - ({done.name} if done else set())
        assert taken == expected | names_b  # its own expired ones too, not the one polled an hour ahead
        await b.heartbeat(["sender"])
        st = await status(b)
        [me] = [i for i in st.instances if i.id == "B"]
        assert me.roles == ("sender",)
    finally:
        await a.close()
        await b.close()


@pytest.mark.parametrize("skew", [timedelta(hours=-3), timedelta(hours=3)], ids=["behind", "ahead"])
async def test_status_reads_heartbeats_and_leases_by_the_applications_clock(
    pg_url: str, skew: timedelta
) -> None:
    # The application's clock hours off the database server's (another host). Heartbeats and leases are
    # stamped by the application, so /status must read them by it: behind, the server's now() showed no
    # live instance and nothing polled; ahead, it kept a dead instance and its expired lease for hours.
    alive = await open_pg_store(pg_url, instance="alive", lease=60)
    dead = await open_pg_store(pg_url, instance="dead", lease=60)
    try:
        app_now = datetime.now(UTC) + skew
        await alive.add_source(SourceSpec(name="alive's", url="http://127.0.0.1/1"))
        assert [s.name for s in await alive.due_sources(app_now)] == ["alive's"]
        await alive.heartbeat(["updates"], now=app_now)
        # The other instance claimed a source two minutes ago (its lease ran out a minute ago) and beat
        # last a minute ago: it died.
        await dead.add_source(SourceSpec(name="dead's", url="http://127.0.0.1/2"))
        assert [s.name for s in await dead.due_sources(app_now - timedelta(minutes=2))] == ["dead's"]
        await dead.heartbeat(["sender"], now=app_now - timedelta(minutes=1))
        live = await alive.list_instances(now=app_now + timedelta(seconds=1))
        assert [(i.id, i.roles, i.polling) for i in live] == [("alive", ("updates",), ("alive's",))]
    finally:
        await alive.close()
        await dead.close()


async def test_a_role_has_one_holder_and_passes_on_when_it_dies(pg_url: str) -> None:
    a = await open_pg_store(pg_url, instance="A")
    b = await open_pg_store(pg_url, instance="B")
    try:
        assert await a.claim_role("sender") and await a.claim_role("sender")
        assert not await b.claim_role("sender")
        assert await b.claim_role("updates") and not await a.claim_role("updates")
        # A's role connection dies (the process was killed, the network dropped): B takes the role ...
        await _terminate(pg_url, a)
        assert await b.claim_role("sender")
        # ... and A, back on its feet, sees that it lost it.
        assert not await a.claim_role("sender")
        await b.close()  # closing gives the roles up at once
        assert await a.claim_role("sender") and await a.claim_role("updates")
    finally:
        await a.close()
        await b.close()


async def _terminate(url: str, store: PostgresStore) -> None:
    assert store._lock_conn is not None
    pid = store._lock_conn.get_server_pid()
    conn = await asyncpg.connect(url)
    try:
        await conn.execute("SELECT pg_terminate_backend($1)", pid)
    finally:
        await conn.close()
    await asyncio.sleep(0.2)


async def test_storage_copy_moves_a_whole_deployment(pg_url: str, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    lite = await open_store(path)
    a = await lite.add_source(SourceSpec(name="acftu", url="http://127.0.0.1/a", interval=900, backfill=2))
    b = await lite.add_source(SourceSpec(name="mohrss", url="http://127.0.0.1/b", kind="feed"))
    await lite.record_poll_success(
        a.id, now=NOW, next_due=NOW + timedelta(minutes=15), etag='"v1"', last_modified="Mon",
        validated_url="http://127.0.0.1/a/list", detected_kind="page", feed_url=None, item_count=7,
        layout_changed=False,
    )  # fmt: skip
    await lite.record_poll_failure(
        b.id, now=NOW, next_due=NOW + timedelta(hours=1), error="HTTP 503", pause_after=9
    )
    for chat_id in (1, 2, 3):
        await lite.upsert_chat(chat_id, "private", language="en")
    await lite.set_chat_timezone(2, "Europe/Berlin")
    await lite.subscribe(1, None)
    await lite.subscribe(2, a.id, include=["疫情"], exclude=["招聘"])
    await lite.subscribe(3, b.id, mode="digest", digest_at="08:30")
    await lite.store_notices(
        a.id, [notice("n1", title="疫情防控通知"), notice("n2")], now=NOW, deliver=True, notify_updates=False
    )
    await lite.store_notices(
        b.id, [notice("n9", title="疫情防控通知")], now=NOW, deliver=True, notify_updates=False
    )
    claimed = await lite.claim_deliveries(NOW + timedelta(seconds=1), 1)
    await lite.record_results([DeliveryResult(claimed[0].id, "sent", message_id=77)], NOW)
    await lite.bump_counter("telegram_429", 3)
    await lite.set_chat_quiet(1, "22:00-07:30")
    due = [NewReminder("2026-11-30", "务必于11月30日前完成。", NOW + timedelta(days=d)) for d in (1, 2)]
    await lite.add_reminders(2, 1, due, NOW)
    await lite.set_pending_pages(a.id, PendingPages(3, 1))  # a listing catch-up left unfinished
    before = (
        await lite.list_sources(), [await lite.get_notice(i) for i in (1, 2, 3)],
        [await lite.list_subscriptions(c) for c in (1, 2, 3)], await lite.delivery_counts(),
        await lite.get_counters(), [await lite.get_chat(c) for c in (1, 2, 3)],
        (await lite.search(SearchQuery(("疫情",)), now=NOW)).total, await lite.list_reminders(2),
    )  # fmt: skip
    await lite.close()

    proc = main_py("storage", "copy", "--from", f"sqlite:{path}", "--to", pg_url)
    assert proc.returncode == 0, proc.stderr
    assert "3 notices" in proc.stdout and "3 subscriptions" in proc.stdout

    pg = await open_backend(pg_url)
    try:
        after = (
            await pg.list_sources(), [await pg.get_notice(i) for i in (1, 2, 3)],
            [await pg.list_subscriptions(c) for c in (1, 2, 3)], await pg.delivery_counts(),
            await pg.get_counters(), [await pg.get_chat(c) for c in (1, 2, 3)],
            (await pg.search(SearchQuery(("疫情",)), now=NOW)).total, await pg.list_reminders(2),
        )  # fmt: skip
        assert after == before
        assert after[0][0].validated_url == "http://127.0.0.1/a/list"  # the validators' URL, with them
        assert await pg.pending_pages(a.id) == PendingPages(3, 1)  # the new instances read on from there
        # Pending deliveries carry on, and new rows get new ids after the copied ones.
        assert {d.chat_id for d in await pg.claim_deliveries(NOW + timedelta(seconds=1), 10)} == {1, 2}
        new = await pg.add_source(SourceSpec(name="new", url="http://127.0.0.1/new"))
        assert new.id == 3
    finally:
        await pg.close()
    again = main_py("storage", "copy", "--from", f"sqlite:{path}", "--to", pg_url)
    assert again.returncode == 1 and "not empty" in again.stderr
    missing = main_py("storage", "copy", "--from", f"sqlite:{tmp_path}/nope.sqlite3", "--to", pg_url)
    assert missing.returncode == 2 and "--from" in missing.stderr
    assert datetime.now(UTC) > NOW  # NOW is in the past: the copied next_due times are kept, not reset


async def test_status_counts_read_one_snapshot(pg_url: str) -> None:
    # A row finished between the two reads of /status (the open rows, then the totals) must not count twice.
    # Another connection holds the totals locked, so the counts wait between their reads while it finishes one.
    store = await open_pg_store(pg_url)
    other = await asyncpg.connect(pg_url)
    try:
        src = await store.add_source(SourceSpec(name="a", url="http://127.0.0.1/a"))
        await store.upsert_chat(1, "private")
        await store.subscribe(1, None)
        await store.store_notices(src.id, [notice("s1")], now=NOW, deliver=True, notify_updates=False)
        async with other.transaction():
            await other.execute("LOCK TABLE counters IN ACCESS EXCLUSIVE MODE")
            counting = asyncio.create_task(store.delivery_counts())
            waiting = "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'counters'::regclass"
            for _ in range(1500):  # until the counts wait for the lock (30 s at most)
                if await other.fetchval(waiting):
                    break
                await asyncio.sleep(0.02)
            await other.execute("UPDATE deliveries SET state = 'sent'")
            await other.execute(
                "INSERT INTO counters (name, value) VALUES ('deliveries_sent', 1)"
                " ON CONFLICT (name) DO UPDATE SET value = counters.value + 1"
            )
        counts = await counting
        assert (counts["pending"], counts["sent"]) == (1, 0)  # as it was at the first read
        assert (await store.delivery_counts())["sent"] == 1
    finally:
        await other.close()
        await store.close()
