"""Outbox integrity without per-row foreign keys: deliveries follow their chats and notices on both backends,
and on PostgreSQL a chat removed during a broadcast insert leaves no row behind."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from storage.models import SourceSpec
from storage.pg import PostgresStore, open_pg_store
from storage.pg.notices import enqueue_for_notice
from tests.delivery_world import NOW, new_store, notice, publish


async def test_deliveries_follow_removed_and_migrated_chats_and_sources(store_target: Path | str) -> None:
    store, source = await new_store(store_target)
    try:
        other = await store.add_source(SourceSpec(name="mohrss", url="http://127.0.0.1/mohrss/"))
        for chat_id in (1, 2, -3):
            await store.upsert_chat(chat_id, "group" if chat_id < 0 else "private")
            await store.subscribe(chat_id, None)
        await publish(store, source, notice("a"))
        await publish(store, other, notice("b", title="关于另一件事的通知"))
        assert sum((await store.delivery_counts()).values()) == 6
        assert await store.delete_chat(1)
        await store.migrate_chat(-3, -1003)  # no chat -1003 yet: the chat's id changes, its rows follow
        rows = await store.claim_deliveries(NOW + timedelta(seconds=1), 10)
        assert sorted(r.chat_id for r in rows) == [-1003, -1003, 2, 2]
        await store.remove_source("acftu")  # its notice goes, and the deliveries of it
        assert sum((await store.delivery_counts()).values()) == 2
    finally:
        await store.close()


async def _orphans(store: PostgresStore) -> int:
    return int(
        await store.pool.fetchval(
            "SELECT count(*) FROM deliveries d WHERE NOT EXISTS (SELECT 1 FROM chats c WHERE c.id = d.chat_id)"
            " OR NOT EXISTS (SELECT 1 FROM notices n WHERE n.id = d.notice_id)"
        )
    )


async def test_a_chat_removed_during_a_broadcast_waits_for_it_and_leaves_no_orphan(pg_url: str) -> None:
    store = await open_pg_store(pg_url)
    try:
        source = await store.add_source(SourceSpec(name="acftu", url="http://127.0.0.1/acftu/"))
        for chat_id in (1, 2, -3):
            await store.upsert_chat(chat_id, "group" if chat_id < 0 else "private")
            await store.subscribe(chat_id, source.id)
        [stored] = await store.store_notices(
            source.id, [notice("a")], now=NOW, deliver=False, notify_updates=False
        )
        async with store.pool.acquire() as conn:
            tx = conn.transaction()
            await tx.start()
            count = await enqueue_for_notice(
                conn,
                notice_id=stored.notice_id,
                source_id=source.id,
                title="t",
                text="x",
                revision=0,
                now=NOW,
            )
            assert count == 3
            # Both read chats the uncommitted broadcast has rows for: they must wait for it, then take its rows.
            deleting = asyncio.create_task(store.delete_chat(2))
            moving = asyncio.create_task(store.migrate_chat(-3, -1003))
            await asyncio.sleep(0.5)
            assert not deleting.done() and not moving.done()
            await tx.commit()
        assert await deleting
        await moving
        assert await _orphans(store) == 0
        chats = sorted(r.chat_id for r in await store.claim_deliveries(NOW + timedelta(seconds=1), 10))
        assert chats == [-1003, 1]
    finally:
        await store.close()
