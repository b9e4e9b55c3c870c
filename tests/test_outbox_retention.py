"""Outbox retention and /status on both backends: old finished deliveries are deleted in batches, open ones
never, a re-post never reaches a chat twice after pruning, and the status counts read no finished row.
Also: a notice read again (its files) is stored again as "refreshed", never as an update."""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import ApplicationBuilder, CallbackContext

from bot.app import FATAL, PRUNE_JOB, _prune_outbox
from bot.config import Config
from bot.delivery.retention import prune_finished, quiet_since
from bot.emulator import EmulatorServer
from bot.errors import DatabaseFailure
from bot.poller import Poller
from bot.services import Services
from bot.sources.fetch import Fetcher
from storage import Store, open_backend
from storage.models import DeliveryResult, NewReminder, SourceSpec
from tests.chat_env import chat_env
from tests.delivery_world import NOW, new_store, notice
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

DAY = timedelta(days=1)
KEEP = timedelta(days=30)


async def _send_all(store: Store, when: Any, state: str = "sent") -> int:
    """Claim every due instant delivery and record it with this outcome; returns how many."""
    rows = await store.claim_deliveries(when, 100)
    await store.record_results([DeliveryResult(r.id, state, message_id=1) for r in rows], when)  # type: ignore[arg-type]
    return len(rows)


async def test_only_old_finished_rows_are_deleted_in_batches(store_target: Path | str) -> None:
    store, source = await new_store(store_target)
    try:
        for chat_id in (1, 2, 3, 4):
            await store.upsert_chat(chat_id, "private")
            await store.subscribe(chat_id, None)
        await store.store_notices(source.id, [notice("x")], now=NOW, deliver=True, notify_updates=False)
        sent, failed, held, sending = sorted(await store.claim_deliveries(NOW, 10), key=lambda r: r.chat_id)
        await store.record_results(
            [
                DeliveryResult(sent.id, "sent", message_id=7),
                DeliveryResult(failed.id, "failed", error="Forbidden"),
                DeliveryResult(held.id, "held", next_attempt=NOW + 100 * DAY),  # quiet hours: kept for later
            ],
            NOW,
        )  # `sending` stays claimed, as if in flight
        await store.store_notices(
            source.id, [notice("y", title="另一份通知")], now=NOW, deliver=True, notify_updates=False
        )
        before = await store.delivery_counts()
        assert before == {"pending": 5, "sending": 1, "sent": 1, "failed": 1, "skipped": 0}
        assert await prune_finished(store, NOW + 10 * DAY, KEEP) == 0  # finished, but not 30 days ago
        # Two old finished rows, one a batch: two full batches and an empty one.
        assert await prune_finished(store, NOW + 40 * DAY, KEEP, batch=1) == 2
        assert await prune_finished(store, NOW + 40 * DAY, KEEP) == 0
        # open rows all there; totals are not lowered by pruning
        assert await store.delivery_counts() == before
        assert await store.recent_failures() == []
        # The claimed row is still there: recovered after a "crash", it is sent, not lost.
        assert await store.recover_deliveries() == 1
        due = await store.claim_deliveries(NOW + 40 * DAY, 10)
        assert sending.id in {r.id for r in due} and len(due) == 5  # y's 4 and x's claimed one; held waits
    finally:
        await store.close()


async def test_finished_reminders_are_deleted_pending_ones_kept(store_target: Path | str) -> None:
    store, source = await new_store(store_target)
    try:
        await store.upsert_chat(1, "private")
        [x] = await store.store_notices(
            source.id, [notice("x")], now=NOW, deliver=False, notify_updates=False
        )
        plan = [NewReminder("2026-11-30", "务必于11月30日前完成自查。", NOW + d * DAY) for d in (1, 2, 20)]
        assert await store.add_reminders(1, x.notice_id, plan, NOW) == 3
        [due] = await store.claim_reminders(NOW + DAY, 10)
        await store.record_reminder_results([DeliveryResult(due.id, "sent", message_id=3)], NOW + DAY)
        second = (await store.list_reminders(1))[0]
        assert await store.cancel_reminders(1, reminder_id=second.id) == 1
        assert await prune_finished(store, NOW + 30 * DAY, KEEP) == 0  # not a month ago yet
        assert await prune_finished(store, NOW + 40 * DAY, KEEP, batch=1) == 2
        assert [r.due for r in await store.list_reminders(1)] == [NOW + 20 * DAY]  # pending: kept
    finally:
        await store.close()


async def _repost_scenario(store_target: Path | str, *, guarded: bool) -> list[int]:
    """Source a publishes n (sent to chat 1); b re-posts it on day 25; the outbox is pruned on day 40; c re-posts
    it on day 50, linked through b's copy. Returns the deliveries each of a's re-poll, b and c created."""
    store = await open_backend(store_target)
    try:
        a, b, c = [await store.add_source(SourceSpec(name=n, url=f"http://127.0.0.1/{n}/")) for n in "abc"]
        await store.upsert_chat(1, "private")
        await store.subscribe(1, None)
        same = {"dup_key": "关于做好春节后错峰返程工作的通知|2026-11-02"}
        n, b1, c1 = (notice(k, title="关于做好春节后错峰返程工作的通知", **same) for k in ("n", "b1", "c1"))
        [first, _other] = await store.store_notices(
            a.id, [n, notice("m", title="其他通知")], now=NOW, deliver=True, notify_updates=False
        )
        assert first.deliveries == 1 and await _send_all(store, NOW) == 2
        [repost] = await store.store_notices(
            b.id, [b1], now=NOW + 25 * DAY, deliver=True, notify_updates=False
        )
        assert repost.duplicate_of == first.notice_id and repost.deliveries == 0  # chat 1 has it already
        day40 = NOW + 40 * DAY
        if guarded:
            assert await prune_finished(store, day40, KEEP) == 1  # m's row; n's is still needed
        else:  # what a naive retention would do: every finished row older than 30 days
            assert await store.prune_deliveries(day40 - KEEP, day40 + 1000 * DAY, 100) == 2
        made = []
        for src, item in ((a, n), (b, b1), (c, c1)):
            [out] = await store.store_notices(
                src.id, [item], now=NOW + 50 * DAY, deliver=True, notify_updates=False
            )
            made.append(out.deliveries)
        if (
            guarded
        ):  # once every copy is older than the re-post window, n's row goes too, and re-polls store nothing
            assert await prune_finished(store, NOW + 90 * DAY, KEEP) == 1
            for src, item in ((a, n), (b, b1), (c, c1)):
                [out] = await store.store_notices(
                    src.id, [item], now=NOW + 91 * DAY, deliver=True, notify_updates=False
                )
                assert out.status == "unchanged" and out.deliveries == 0
            assert await store.claim_deliveries(NOW + 91 * DAY, 10) == []
    finally:
        await store.close()
    return made


async def test_a_repost_after_pruning_reaches_no_chat_twice(store_target: Path | str) -> None:
    assert await _repost_scenario(store_target, guarded=True) == [0, 0, 0]


async def test_without_the_dup_key_guard_the_repost_would_be_pushed_again(tmp_path: Path) -> None:
    # The control of the test above: it would catch a retention that forgets what the dedup relies on.
    assert await _repost_scenario(tmp_path / "n.sqlite3", guarded=False) == [0, 0, 1]


def test_the_dedup_guard_covers_the_repost_window_and_a_margin() -> None:
    from domain.rules import DUPLICATE_WINDOW

    assert NOW - quiet_since(NOW) > DUPLICATE_WINDOW


async def test_totals_start_from_the_rows_of_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    store, source = await new_store(path)
    try:
        await store.upsert_chat(1, "private")
        await store.subscribe(1, None)
        await store.store_notices(source.id, [notice("x")], now=NOW, deliver=True, notify_updates=False)
        assert await _send_all(store, NOW) == 1
        async with store.db.transaction() as conn:  # type: ignore[attr-defined]
            await conn.execute("DELETE FROM counters")  # as a database of schema 5 had them
            await conn.execute("PRAGMA user_version = 5")
            # and without what the later migrations (7: catch-ups, 8: pending listing pages, 9: the
            # validators' URL) added, so that they run again
            await conn.execute("DROP INDEX chats_catchup")
            for column in ("deactivated_at", "catchup_since", "catchup_until", "catchup_claimed"):
                await conn.execute(f"ALTER TABLE chats DROP COLUMN {column}")
            await conn.execute("ALTER TABLE notices DROP COLUMN pushed")
            for column in ("pending_pages", "pending_failed", "validated_url"):
                await conn.execute(f"ALTER TABLE sources DROP COLUMN {column}")
    finally:
        await store.close()
    store = await open_backend(path)
    try:
        assert (await store.delivery_counts())["sent"] == 1
    finally:
        await store.close()


async def test_instances_pruning_at_once_delete_each_row_once(pg_url: str) -> None:
    one, source = await new_store(pg_url)
    two = await open_backend(pg_url)
    try:
        await one.upsert_chat(1, "private")
        await one.subscribe(1, None)
        old = NOW - 300 * DAY
        [x] = await one.store_notices(source.id, [notice("x")], now=old, deliver=True, notify_updates=False)
        await one.pool.execute(  # type: ignore[attr-defined]
            "INSERT INTO deliveries (notice_id, chat_id, revision, mode, state, next_attempt, created, sent_at)"
            f" SELECT {x.notice_id}, g, 0, 'instant', 'sent', t, t, t FROM generate_series(2, 3001) AS g,"
            " (SELECT timestamptz '2026-01-01Z' AS t) AS old"
        )
        deleted = await asyncio.gather(
            prune_finished(one, NOW, KEEP, batch=50, max_batches=100),
            prune_finished(two, NOW, KEEP, batch=50),
        )
        assert sum(deleted) == 3000 and all(deleted)  # both took part; no row deleted twice, none left
        assert await one.pool.fetchval("SELECT count(*) FROM deliveries") == 1  # type: ignore[attr-defined]
        assert (await one.delivery_counts())["pending"] == 1
    finally:
        await one.close()
        await two.close()


def test_totals_move_by_what_each_row_was_and_became() -> None:
    from storage.totals import total_changes

    before = {1: "sending", 2: "skipped", 3: "skipped", 5: "sending"}  # 2, 3: skipped while in flight
    after = {1: "sent", 2: "skipped", 3: "sent", 4: "sent", 5: "pending"}  # 4: deleted meanwhile
    assert total_changes(before, after) == {"deliveries_sent": 2, "deliveries_skipped": -1}


async def _plans(store: Store, sql: str, *args: object) -> list[str]:
    """The query plan's lines (SQLite EXPLAIN QUERY PLAN, PostgreSQL EXPLAIN)."""
    db = getattr(store, "db", None)
    if db is not None:
        async with db.conn.execute(f"EXPLAIN QUERY PLAN {sql}", args) as cur:
            return [str(r[3]) for r in await cur.fetchall()]
    return [r[0] for r in await store.pool.fetch(f"EXPLAIN {sql}", *args)]  # type: ignore[attr-defined]


async def test_status_counts_and_pruning_use_indexes_not_a_table_scan(store_target: Path | str) -> None:
    store, source = await new_store(store_target)
    try:
        await store.upsert_chat(1, "private")
        await store.subscribe(1, None)
        await store.store_notices(source.id, [notice("x")], now=NOW, deliver=True, notify_updates=False)
        if isinstance(store_target, str):
            from storage.pg.outbox import COUNT_OPEN_SQL, PRUNE_SQL

            # A year of finished rows beside the open one (deliveries keep their parents' rules by triggers, so
            # rows can be made in bulk here); ANALYZE, so the planner chooses as on a real database.
            await store.pool.execute(  # type: ignore[attr-defined]
                "INSERT INTO deliveries (notice_id, chat_id, revision, mode, state, next_attempt, created, sent_at)"
                " SELECT 1, g, 0, 'instant', 'sent', $1 - g * interval '1 minute', $1, $1"
                " FROM generate_series(2, 30001) AS g; ANALYZE deliveries".replace(
                    "$1", "timestamptz '2026-11-01Z'"
                )
            )
            prune_args: tuple[object, ...] = (NOW - 21 * DAY, NOW - 31 * DAY, 1000)  # 540 old rows of 30,000
            plans = await _plans(store, COUNT_OPEN_SQL)
            assert not any("Seq Scan" in line for line in plans), plans
            assert any("deliveries_due" in line for line in plans) and any(
                "deliveries_state" in line for line in plans
            )
            prune = await _plans(store, PRUNE_SQL, *prune_args)
            assert any("deliveries_done" in line for line in prune) and not any(
                "Seq Scan on deliveries" in line for line in prune
            ), prune
        else:
            from storage.deliveries import COUNT_OPEN_SQL, PRUNE_SQL

            plans = await _plans(store, COUNT_OPEN_SQL)
            assert plans and all(line.startswith("SEARCH") for line in plans), plans
            prune = await _plans(
                store, PRUNE_SQL.replace(":before", "1").replace(":quiet", "1").replace(":limit", "9")
            )
            assert not any(line.startswith("SCAN") for line in prune), prune
            assert any("deliveries_due (state=? AND mode=? AND next_attempt<?)" in line for line in prune), (
                prune
            )
        counts = await store.delivery_counts()
        assert counts["pending"] == 1 and counts["sending"] == 0
    finally:
        await store.close()


async def test_the_retention_job_prunes_and_a_repoll_pushes_nothing_again(
    emulator: EmulatorServer, http_server: NoticeServer, tmp_path: Path
) -> None:
    # The real bot: the job on PTB's JobQueue, the poller over a real feed, /status for the admin.
    async with chat_env(emulator, http_server, tmp_path) as env:
        assert "已订阅" in (await env.ask(env.user, "/subscribe acftu"))["text"]
        await env.publish("new1", "关于开展安全生产大检查的通知")
        await env.services.poller.poll_all()
        assert env.services.sender is not None
        env.services.sender.wake()
        assert "安全生产大检查" in (await env.h.reply(env.user, timeout=20))["text"]
        store = env.services.store
        for _ in range(100):  # the result is recorded just after Telegram answered
            if (await store.delivery_counts())["sent"] == 1:
                break
            await asyncio.sleep(0.05)
        async with store.db.transaction() as conn:  # type: ignore[attr-defined]
            # Ninety days pass (the notice and its push), without waiting for them.
            await conn.execute(
                "UPDATE deliveries SET created = created - 7776000, next_attempt = next_attempt - 7776000,"
                " sent_at = sent_at - 7776000"
            )
            await conn.execute("UPDATE notices SET first_seen = first_seen - 7776000")
        [job] = env.h.app.job_queue.get_jobs_by_name(PRUNE_JOB)  # type: ignore[union-attr]
        await job.run(env.h.app)
        async with store.db.conn.execute("SELECT count(*) FROM deliveries") as cur:  # type: ignore[attr-defined]
            assert (await cur.fetchone())[0] == 0
        [report] = await env.services.poller.poll_all()  # the feed still lists the notice
        assert report.error is None and not report.new and not report.updated
        env.services.sender.wake()
        await env.h.no_reply(env.user, within=0.5)
        status = (await env.ask(env.admin, "/status"))["text"]
        assert "待发送：0" in status and "累计已发送：1" in status
        assert "仅限机器人管理员" in (await env.ask(env.user, "/status"))["text"]
        await env.ask(env.admin, "/lang en")
        assert "sent in total: 1" in (await env.ask(env.admin, "/status"))["text"]


async def test_a_reread_is_stored_again_but_is_no_update(store_target: Path | str) -> None:
    store, source = await new_store(store_target)
    try:
        await store.upsert_chat(1, "private")
        await store.subscribe(1, None)
        first = notice("x", content_hash="h+files1")  # its file failed to download: to be read again
        [stored] = await store.store_notices(source.id, [first], now=NOW, deliver=True, notify_updates=True)
        again = replace(first, text="正文\n【附件：a.pdf】附件正文", content_hash="h", reread=True)
        [out] = await store.store_notices(
            source.id, [again], now=NOW + DAY, deliver=True, notify_updates=True
        )
        assert (out.status, out.deliveries) == ("refreshed", 0)
        got = await store.get_notice(stored.notice_id)
        assert got is not None and "附件正文" in got.text and got.content_hash == "h"
        assert got.revision == 0 and got.updated_at is None
        edited = replace(first, text="改过的正文", content_hash="h2")
        [out] = await store.store_notices(
            source.id, [edited], now=NOW + 2 * DAY, deliver=True, notify_updates=True
        )
        assert (out.status, out.deliveries) == ("updated", 1)  # a real edit still is one
        got = await store.get_notice(stored.notice_id)
        assert got is not None and got.revision == 1 and got.updated_at == NOW + 2 * DAY
    finally:
        await store.close()


@pytest.mark.parametrize("value", ["12h", "3651d", "soon"])
def test_retention_setting_is_checked(value: str) -> None:
    from bot.config import parse_config
    from bot.errors import ConfigError

    with pytest.raises(ConfigError, match=r"delivery\.retention"):
        parse_config({"delivery": {"retention": value}}, {})
    assert parse_config({"delivery": {"retention": "90d"}}, {}).delivery.retention == 90 * 86400


async def test_a_damaged_database_stops_the_bot_from_the_retention_job(tmp_path: Path) -> None:
    # As a poll does (bot.app._poll_failed): going on would keep writing into a damaged file.
    store, source = await new_store(tmp_path)
    try:
        await store.upsert_chat(1, "private")
        await store.subscribe(1, None)
        await store.store_notices(source.id, [notice("n1")], now=NOW, deliver=True, notify_updates=False)
    finally:
        await store.close()
    db = tmp_path / "noticebot.sqlite3"
    with sqlite3.connect(db) as conn:
        query = "SELECT rootpage FROM sqlite_master WHERE tbl_name = 'deliveries' AND rootpage > 0"
        roots = [r for (r,) in conn.execute(query)]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with db.open("r+b") as f:  # the outbox and its indexes
        for page in roots:
            f.seek((page - 1) * size)
            f.write(b"\xff" * size)
    store = await open_backend(db)
    try:
        app = ApplicationBuilder().token("1:x").build()
        config = Config()
        async with Fetcher() as fetcher:
            app.bot_data["services"] = Services(config, store, fetcher, Poller(store, fetcher, config.poll))
            await _prune_outbox(CallbackContext(app))
    finally:
        await store.close()
    fatal = app.bot_data.get(FATAL)
    assert isinstance(fatal, DatabaseFailure) and fatal.corrupt
