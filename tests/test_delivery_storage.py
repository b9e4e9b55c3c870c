"""Delivery storage on both backends (a SQLite file, a PostgreSQL database): chats, subscriptions, keyword filters, the outbox life cycle."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from storage.errors import ChatNotFoundError
from storage.models import DeliveryResult, SourceSpec
from storage.subscriptions import InvalidSubscriptionError
from tests.delivery_world import NOW, new_store, notice, publish


async def test_keyword_filters_are_case_insensitive_substrings(store_target: Path | str) -> None:
    store, source = await new_store(store_target)
    try:
        for chat_id in (1, 2, 3, 4):
            await store.upsert_chat(chat_id, "private")
        await store.subscribe(1, None)  # everything
        await store.subscribe(2, source.id, include=["安全生产", "FLOOD"])  # any of these
        await store.subscribe(3, None, exclude=["招聘"])  # none of these
        await store.subscribe(4, source.id, include=["(a+)+$"])  # a "regex" is just text
        await publish(store, source, notice("a", title="关于安全生产检查的通知"))
        await publish(store, source, notice("b", title="Flood season notice"))
        await publish(store, source, notice("c", title="2026年招聘公告"))
        await publish(store, source, notice("d", title="x", text="literal (a+)+$ here"))
        got: dict[int, int] = {}
        while batch := await store.claim_deliveries(NOW + timedelta(seconds=1), 2):
            for row in batch:
                got[row.chat_id] = got.get(row.chat_id, 0) + 1
        assert got == {1: 4, 2: 2, 3: 3, 4: 1}
    finally:
        await store.close()


async def test_subscriptions_crud_and_validation(store_target: Path | str) -> None:
    store, source = await new_store(store_target)
    try:
        with pytest.raises(ChatNotFoundError):
            await store.subscribe(5, source.id)
        await store.upsert_chat(5, "group", "工会群", language="en")
        assert await store.subscribe(5, source.id) is True
        assert await store.subscribe(5, source.id) is False
        assert await store.subscribe(5, None) is True
        assert await store.set_keywords(5, source.id, [" 通知 ", "通知", "ABC"], ["招聘"])
        assert await store.set_mode(5, None, "digest", "08:30")
        subs = await store.list_subscriptions(5)
        assert [s.source_name for s in subs] == [None, "acftu"]
        assert subs[0].mode == "digest" and subs[0].digest_at == "08:30"
        assert subs[1].include == ("通知", "abc") and subs[1].exclude == ("招聘",)
        with pytest.raises(InvalidSubscriptionError):
            await store.set_mode(5, None, "digest", "25:00")
        assert await store.set_chat_mode(5, "instant") == 2
        assert await store.unsubscribe(5, source.id) and not await store.unsubscribe(5, source.id)
        # /lang and /tz choices survive a later upsert from Telegram.
        await store.set_chat_language(5, "zh")
        await store.set_chat_timezone(5, "Europe/Berlin")
        chat = await store.upsert_chat(5, "group", "新名字", language="en")
        assert chat.language == "zh" and chat.timezone == "Europe/Berlin" and chat.title == "新名字"
        assert await store.delete_chat(5) and await store.get_chat(5) is None
        assert await store.list_subscriptions(5) == []
    finally:
        await store.close()


async def test_outbox_life_cycle_and_crash_recovery(store_target: Path | str) -> None:
    store, source = await new_store(store_target)
    try:
        for chat_id in (1, 2, 3):
            await store.upsert_chat(chat_id, "private")
            await store.subscribe(chat_id, None)
        await publish(store, source, notice("a"))
        later = NOW + timedelta(seconds=1)
        rows = await store.claim_deliveries(later, 10)
        assert len(rows) == 3 and await store.claim_deliveries(later, 10) == []  # claimed rows are not due
        one, two, three = rows
        await store.record_results(
            [
                DeliveryResult(one.id, "sent", message_id=42),
                DeliveryResult(
                    two.id, "pending", error="NetworkError: boom", next_attempt=later + timedelta(60)
                ),
            ],
            later,
        )
        assert await store.delivery_counts() == {
            "pending": 1,
            "sending": 1,
            "sent": 1,
            "failed": 0,
            "skipped": 0,
        }
        assert await store.recover_deliveries() == 1  # `three` was in flight when we "crashed"
        assert [r.id for r in await store.claim_deliveries(later, 10)] == [three.id]
        await store.record_results([DeliveryResult(three.id, "failed", error="Rejected: bad")], later)
        [failure] = await store.recent_failures()
        assert failure.id == three.id and failure.attempts == 1 and failure.last_error == "Rejected: bad"
        assert await store.next_delivery_time() == later + timedelta(60)
        await store.bump_counter("telegram_429")
        await store.bump_counter("telegram_429", 2)
        assert (await store.get_counters())["telegram_429"] == 3
    finally:
        await store.close()


async def test_migration_merges_into_an_existing_supergroup(store_target: Path | str) -> None:
    store, source = await new_store(store_target)
    try:
        await store.upsert_chat(-10, "group")
        await store.subscribe(-10, source.id, include=["通知"])
        await store.subscribe(-10, None)
        await store.upsert_chat(-1009, "supergroup")  # it wrote to the bot before we learnt of the move
        await store.subscribe(-1009, None)
        await publish(store, source, notice("a"))
        await store.migrate_chat(-10, -1009)
        assert await store.get_chat(-10) is None
        assert len(await store.list_subscriptions(-1009)) == 2
        rows = await store.claim_deliveries(NOW + timedelta(seconds=1), 10)
        assert [r.chat_id for r in rows] == [-1009]  # one delivery, not two
    finally:
        await store.close()


async def test_migration_into_an_existing_supergroup_keeps_the_groups_settings_it_has_none_of(
    store_target: Path | str,
) -> None:
    store, _ = await new_store(store_target)
    try:
        for old in (-20, -30):
            await store.upsert_chat(old, "group")
            await store.set_chat_language(old, "en")
            await store.set_chat_timezone(old, "Europe/Berlin")
            await store.set_chat_quiet(old, "22:00-07:00")
        await store.upsert_chat(-1020, "supergroup")  # wrote to the bot first, set nothing
        await store.upsert_chat(-1030, "supergroup")  # wrote first and chose its language and quiet hours
        await store.set_chat_language(-1030, "zh")
        await store.set_chat_quiet(-1030, "23:00-06:30")
        await store.migrate_chat(-20, -1020)
        await store.migrate_chat(-30, -1030)
        bare, chosen = await store.get_chat(-1020), await store.get_chat(-1030)
        assert bare is not None and (bare.language, bare.timezone, bare.quiet) == (
            "en",
            "Europe/Berlin",
            "22:00-07:00",
        )
        # The supergroup's own choices win; what it left at the default comes from the group.
        assert chosen is not None and (chosen.language, chosen.timezone, chosen.quiet) == (
            "zh",
            "Europe/Berlin",
            "23:00-06:30",
        )
        assert await store.get_chat(-20) is None and await store.get_chat(-30) is None
    finally:
        await store.close()


async def test_deactivation_skips_open_deliveries(store_target: Path | str) -> None:
    store, source = await new_store(store_target)
    try:
        await store.upsert_chat(1, "private")
        await store.subscribe(1, None)
        await publish(store, source, notice("a"), notice("b", title="另一份"))
        assert await store.deactivate_chat(1, "Forbidden: bot was blocked by the user") == 2
        chat = await store.get_chat(1)
        assert chat is not None and not chat.active and chat.deactivated_reason
        assert (await store.delivery_counts())["skipped"] == 2
        await store.upsert_chat(1, "private")  # /start again
        assert (await store.get_chat(1)).active  # type: ignore[union-attr]
    finally:
        await store.close()


async def test_switching_back_to_instant_releases_queued_digest_notices(store_target: Path | str) -> None:
    store, source = await new_store(store_target)
    try:
        await store.upsert_chat(1, "private")
        await store.subscribe(1, source.id, mode="digest", digest_at="08:00")
        await publish(store, source, notice("a", title="关于摘要模式的通知"))
        assert await store.claim_deliveries(NOW + timedelta(seconds=1), 10) == []  # waits for the digest
        await store.set_chat_mode(1, "instant")  # /digest off before the digest time
        [row] = await store.claim_deliveries(NOW + timedelta(seconds=1), 10)
        assert row.chat_id == 1 and row.mode == "instant"
    finally:
        await store.close()


async def test_one_row_per_chat_when_subscriptions_overlap(store_target: Path | str) -> None:
    """A chat subscribed to a source and to everything gets a notice once, and once when a second source repeats it."""
    store, source = await new_store(store_target)
    try:
        other = await store.add_source(SourceSpec(name="mohrss", url="http://127.0.0.1/mohrss/"))
        for chat_id in (1, 2, 3):
            await store.upsert_chat(chat_id, "private")
        await store.subscribe(1, None)
        await store.subscribe(1, source.id)
        await store.subscribe(2, source.id)
        await store.subscribe(2, other.id)
        await store.subscribe(3, other.id, include=["疗休养"])
        [first] = await publish(store, source, notice("a", dup_key="same"))
        again = await store.store_notices(
            other.id, [notice("b", dup_key="same")], now=NOW, deliver=True, notify_updates=False
        )
        assert again[0].duplicate_of == first
        got: list[tuple[int, int]] = []
        while batch := await store.claim_deliveries(NOW + timedelta(seconds=1), 10):
            got += [(row.chat_id, row.notice_id) for row in batch]
        assert sorted(got) == [(1, first), (2, first), (3, first)]
    finally:
        await store.close()
