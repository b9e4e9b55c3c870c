"""Storage contract on both backends: sources, storing notices exactly once, cross-source links, the outbox."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import storage.schema
from storage import SourceExistsError, SourceNotFoundError, open_backend, open_store
from storage.errors import DatabaseFailure
from storage.models import Attachment, NewNotice, PendingPages, SourceSpec
from storage.schema import MIGRATIONS

NOW = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def item(
    key: str, title: str = "关于做好疫情防控工作的通知", text: str = "各级工会要加强领导。", **kw: object
) -> NewNotice:
    values: dict[str, object] = {
        "key": key,
        "url": f"http://127.0.0.1/{key}",
        "title": title,
        "text": text,
        "published": NOW,
        "content_hash": str(hash(text)),
        "dup_key": title + "|2026-11-01",
    }
    values.update(kw)
    return NewNotice(**values)  # type: ignore[arg-type]


async def test_a_database_at_version_8_upgrades_keeping_its_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.sqlite3"
    monkeypatch.setattr(storage.schema, "MIGRATIONS", MIGRATIONS[:8])  # the schema before validated_url
    old = await open_store(path)
    try:
        added = await old.add_source(SourceSpec(name="a", url="http://127.0.0.1/a/"))
    finally:
        await old.close()
    monkeypatch.undo()
    with sqlite3.connect(path) as conn:  # what a poll and a catch-up had stored, written as version 8 would
        assert conn.execute("PRAGMA user_version").fetchone() == (8,)
        conn.execute(
            "UPDATE sources SET etag='\"e1\"', last_modified='Mon', feed_url='http://127.0.0.1/a/rss.xml',"
            " detected_kind='feed', failures=2, last_error='HTTP 503', pending_pages=2, pending_failed=1"
        )
    conn.close()
    store = await open_store(path)
    try:
        row = await store.db.fetchone("PRAGMA user_version")
        assert row is not None and row[0] == len(MIGRATIONS) == 9
        source = await store.get_source("a")
        assert source is not None and (source.id, source.spec) == (added.id, added.spec)
        assert (source.etag, source.last_modified, source.validated_url) == ('"e1"', "Mon", None)
        assert (source.feed_url, source.detected_kind) == ("http://127.0.0.1/a/rss.xml", "feed")
        assert (source.failures, source.last_error) == (2, "HTTP 503")
        assert await store.pending_pages(added.id) == PendingPages(2, 1)
        assert await store.record_poll_success(
            added.id, now=NOW, next_due=NOW, etag='"e2"', last_modified=None,
            validated_url="http://127.0.0.1/a/rss2.xml", detected_kind="feed", feed_url=None, item_count=1,
            layout_changed=False,
        )  # fmt: skip
        polled = await store.get_source("a")
        assert polled is not None and polled.validated_url == "http://127.0.0.1/a/rss2.xml"
    finally:
        await store.close()


async def test_migrations_set_user_version_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    store = await open_store(path)
    try:
        row = await store.db.fetchone("PRAGMA user_version")
        assert row is not None and row[0] == len(MIGRATIONS)
        await store.add_source(SourceSpec(name="a", url="http://127.0.0.1/a"))
    finally:
        await store.close()
    store = await open_store(path)  # migrating again is a no-op and keeps data
    try:
        assert [s.name for s in await store.list_sources()] == ["a"]
        mode = await store.db.fetchone("PRAGMA journal_mode")
        assert mode is not None and mode[0] == "wal"
    finally:
        await store.close()


def open_files(path: Path) -> int:
    """How many of this process's file descriptors point at path (Linux's /proc)."""
    fds = Path("/proc/self/fd")
    return sum(1 for fd in fds.iterdir() if os.path.realpath(fd) == str(path.resolve()))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files through /proc")
async def test_a_file_that_is_not_a_database_fails_to_open_and_is_left_closed(tmp_path: Path) -> None:
    # SQLite opens any file; the first PRAGMA finds it is not a database. The connection (its file and
    # its worker thread) must be closed then, not left for the garbage collector to warn about at random.
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"not a database, a page of something else\n" * 200)
    with pytest.raises(DatabaseFailure, match="damaged"):
        await open_store(path)
    assert open_files(path) == 0
    assert path.read_bytes().startswith(b"not a database")  # and it is left as it was


async def test_source_crud_and_errors(store_target: Path | str) -> None:
    store = await open_backend(store_target)
    try:
        src = await store.add_source(SourceSpec(name="acftu", url="http://127.0.0.1/n/", interval=900))
        assert src.spec.interval == 900 and src.active and src.failures == 0
        with pytest.raises(SourceExistsError):
            await store.add_source(SourceSpec(name="acftu", url="http://127.0.0.1/other"))
        with pytest.raises(SourceExistsError):
            await store.add_source(SourceSpec(name="other", url="http://127.0.0.1/n/"))
        assert [s.name for s in await store.due_sources(NOW)] == ["acftu"]
        await store.record_poll_success(
            src.id,
            now=NOW,
            next_due=NOW + timedelta(minutes=15),
            etag='"x"',
            last_modified=None,
            validated_url=None,
            detected_kind="page",
            feed_url=None,
            item_count=12,
            layout_changed=False,
        )
        assert await store.due_sources(NOW) == []
        # Each poll's outcome is written under the lease its claim took (PostgreSQL fences them by it).
        assert len(await store.due_sources(NOW + timedelta(minutes=15))) == 1
        failures = await store.record_poll_failure(
            src.id, now=NOW, next_due=NOW - timedelta(seconds=1), error="HTTP 500", pause_after=2
        )
        assert failures == 1
        got = await store.get_source("acftu")
        assert (
            got is not None
            and got.etag == '"x"'
            and got.last_error == "HTTP 500"
            and got.last_item_count == 12
        )
        assert got.active
        assert len(await store.due_sources(NOW)) == 1
        await store.record_poll_failure(src.id, now=NOW, next_due=NOW, error="HTTP 500", pause_after=2)
        paused = await store.get_source("acftu")
        assert paused is not None and not paused.active and paused.failures == 2
        await store.set_source_active("acftu", True)
        resumed = await store.get_source("acftu")
        assert resumed is not None and resumed.active and resumed.failures == 0  # a fresh start
        await store.remove_source("acftu")
        with pytest.raises(SourceNotFoundError):
            await store.remove_source("acftu")
    finally:
        await store.close()


async def test_same_key_is_stored_once_and_changes_are_updates(store_target: Path | str) -> None:
    store = await open_backend(store_target)
    try:
        src = await store.add_source(SourceSpec(name="a", url="http://127.0.0.1/a"))
        first = await store.store_notices(src.id, [item("u:1")], now=NOW, deliver=True, notify_updates=False)
        again = await store.store_notices(src.id, [item("u:1")], now=NOW, deliver=True, notify_updates=False)
        changed = await store.store_notices(
            src.id,
            [item("u:1", text="各级工会要加强领导，确保安全。")],
            now=NOW,
            deliver=True,
            notify_updates=False,
        )
        assert [o.status for o in first + again + changed] == ["new", "unchanged", "updated"]
        assert first[0].notice_id == again[0].notice_id == changed[0].notice_id
        assert await store.count_notices() == 1
        notice = await store.get_notice(first[0].notice_id)
        assert notice is not None and notice.revision == 1 and "确保安全" in notice.text
        files = (Attachment("附件1.pdf", "http://127.0.0.1/a1.pdf", "pdf", "read", 120),)
        [with_files] = await store.store_notices(
            src.id, [item("u:2", attachments=files)], now=NOW, deliver=False, notify_updates=False
        )
        stored = await store.get_notice(with_files.notice_id)
        assert stored is not None and stored.attachments == files
    finally:
        await store.close()


async def test_two_connections_racing_store_one_row(store_target: Path | str) -> None:
    a = await open_backend(store_target)
    b = await open_backend(store_target)
    try:
        src = await a.add_source(SourceSpec(name="a", url="http://127.0.0.1/a"))
        items = [item(f"u:{i}", title=f"通知{i}") for i in range(50)]
        ra, rb = await asyncio.gather(
            a.store_notices(src.id, items, now=NOW, deliver=True, notify_updates=False),
            b.store_notices(src.id, items, now=NOW, deliver=True, notify_updates=False),
        )
        statuses = [o.status for o in ra + rb]
        assert statuses.count("new") == 50 and statuses.count("unchanged") == 50
        assert await a.count_notices() == 50
    finally:
        await a.close()
        await b.close()


async def test_outbox_rows_are_created_with_the_notice_and_filtered(store_target: Path | str) -> None:
    store = await open_backend(store_target)
    try:
        src = await store.add_source(SourceSpec(name="a", url="http://127.0.0.1/a"))
        other = await store.add_source(SourceSpec(name="b", url="http://127.0.0.1/b"))
        for chat_id in (1, 2, 3, 4, 5):
            await store.upsert_chat(chat_id, "private")
        await store.subscribe(1, src.id)  # plain subscription to a
        await store.subscribe(2, None)  # all sources
        await store.subscribe(3, src.id, include=["疫情"])  # include matches
        await store.subscribe(4, src.id, exclude=["工会"])  # exclude matches -> nothing
        await store.subscribe(5, src.id)
        await store.deactivate_chat(5, "blocked")  # inactive chat -> nothing
        await store.subscribe(1, None)  # chat 1 also subscribed to all: still one row
        out = await store.store_notices(src.id, [item("u:1")], now=NOW, deliver=True, notify_updates=False)
        assert out[0].deliveries == 3
        claimed = await store.claim_deliveries(NOW, 10)
        assert sorted(r.chat_id for r in claimed) == [1, 2, 3]
        # The same notice re-posted by source b is linked, and nobody gets it twice.
        dup = await store.store_notices(other.id, [item("u:9")], now=NOW, deliver=True, notify_updates=False)
        assert dup[0].duplicate_of == out[0].notice_id and dup[0].deliveries == 0
        # Seen-only storing (first poll) creates no deliveries.
        quiet = await store.store_notices(
            src.id, [item("u:2", title="另一个通知")], now=NOW, deliver=False, notify_updates=False
        )
        assert quiet[0].deliveries == 0
        assert sum((await store.delivery_counts()).values()) == 3
    finally:
        await store.close()


async def test_full_text_index_follows_inserts_updates_and_deletes(tmp_path: Path) -> None:
    store = await open_store(tmp_path / "db.sqlite3")
    try:
        src = await store.add_source(SourceSpec(name="a", url="http://127.0.0.1/a"))
        await store.store_notices(src.id, [item("u:1")], now=NOW, deliver=False, notify_updates=False)
        q = "SELECT rowid FROM notices_fts WHERE notices_fts MATCH ?"
        assert len(await store.db.fetchall(q, ('"疫情防控"',))) == 1
        await store.store_notices(
            src.id, [item("u:1", text="职工返岗测量体温。")], now=NOW, deliver=False, notify_updates=False
        )
        assert len(await store.db.fetchall(q, ('"测量体温"',))) == 1
        assert len(await store.db.fetchall(q, ('"加强领导"',))) == 0
        await store.remove_source("a")
        assert len(await store.db.fetchall(q, ('"疫情防控"',))) == 0
    finally:
        await store.close()


async def test_a_polls_feed_url_is_stored_as_given_none_clears_it(store_target: Path | str) -> None:
    store = await open_backend(store_target)
    try:
        [src] = await store.sync_config_sources((SourceSpec(name="a", url="http://127.0.0.1/a"),))
        for feed_url in ("http://127.0.0.1/moved", None):  # moved for good, then back at its own URL
            assert len(await store.due_sources(NOW)) == 1  # the poll's claim (its lease fences the record)
            assert await store.record_poll_success(
                src.id, now=NOW, next_due=NOW, etag=None, last_modified=None, detected_kind="feed",
                validated_url=None, feed_url=feed_url, item_count=1, layout_changed=False,
            )  # fmt: skip
            polled = await store.get_source("a")
            assert polled is not None and polled.feed_url == feed_url
    finally:
        await store.close()


async def test_changing_a_config_source_url_forgets_what_was_learnt(store_target: Path | str) -> None:
    store = await open_backend(store_target)
    try:
        [src] = await store.sync_config_sources((SourceSpec(name="a", url="http://127.0.0.1/a"),))
        assert len(await store.due_sources(NOW)) == 1  # the poll's claim (its lease fences the record)
        await store.record_poll_success(
            src.id, now=NOW, next_due=NOW + timedelta(hours=1), etag='"e"', last_modified=None,
            validated_url="http://127.0.0.1/a/rss", detected_kind="feed", feed_url="http://127.0.0.1/a/rss",
            item_count=3, layout_changed=False,
        )  # fmt: skip
        [same] = await store.sync_config_sources(
            (SourceSpec(name="a", url="http://127.0.0.1/a", interval=60),)
        )
        assert same.detected_kind == "feed" and same.etag == '"e"'  # only the interval changed: keep it all
        assert same.validated_url == "http://127.0.0.1/a/rss"
        [moved] = await store.sync_config_sources(
            (SourceSpec(name="a", url="http://127.0.0.1/b", kind="page"),)
        )
        learnt = (moved.detected_kind, moved.feed_url, moved.etag, moved.validated_url, moved.first_polled)
        assert learnt == (None, None, None, None, None)
        assert moved.next_due is not None and moved.next_due.timestamp() == 0
    finally:
        await store.close()
