"""Change notices on both backends (a SQLite file, a PostgreSQL database): candidates by title, and the change
queued for the chats that got the earlier notice, whatever their keyword filters say."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from bot.changelinks import find_earlier
from bot.delivery.texts import TextCache, zone
from bot.render import render_push
from storage.models import DeliveryResult, SourceSpec
from tests.delivery_world import NOW, new_store, notice, publish, unreadable_title

ORIGINAL = "关于开展职工疗休养活动的通知"
CORRECTION = f"关于《{ORIGINAL}》的更正通知"


async def test_a_change_links_to_its_notice_and_reaches_its_recipients(store_target: Path | str) -> None:
    store, acftu = await new_store(store_target)
    try:
        other = await store.add_source(SourceSpec(name="other", url="http://127.0.0.1/other/"))
        for chat_id in (1, 2, 3, 4, 5):
            await store.upsert_chat(chat_id, "private")
        await store.subscribe(1, acftu.id, include=["认真组织"])  # matches the original's text only
        await store.subscribe(2, None)  # everything: gets both anyway, once each
        await store.subscribe(3, acftu.id, include=["认真组织"])  # got the original, then blocked the bot
        await store.subscribe(4, acftu.id, include=["篮球"])  # never got the original
        # the other source's
        await store.subscribe(5, other.id, include=["x"], mode="digest", digest_at="08:00")
        [elsewhere] = await publish(
            store, other, notice("o1", title="Annual Leave Policy for 2027", text="x")
        )
        [original] = await publish(store, acftu, notice("n1", title=ORIGINAL, text="各单位要认真组织。"))
        await store.deactivate_chat(3, "blocked")
        await store.store_notices(
            other.id, [notice("o2", title=ORIGINAL)], now=NOW, deliver=False, notify_updates=False
        )
        # The poller finds the earlier notice before it stores the change (notice_id None: all stored ones)...
        link = await find_earlier(store, notice_id=None, source_id=acftu.id, title=CORRECTION)
        assert link is not None and (link.kind, link.notice_id, link.title) == (
            "correction",
            original,
            ORIGINAL,
        )
        # ... and stores it with its followers in one transaction; two instances side by side store it once.
        fix = notice("n2", title=CORRECTION, text="活动时间改为12月。", follows=original)
        stored = await asyncio.gather(
            *(store.store_notices(acftu.id, [fix], now=NOW, deliver=True, notify_updates=False) for _ in "ab")
        )
        assert sorted(o.status for [o] in stored) == ["new", "unchanged"]
        [change] = {o.notice_id for [o] in stored}
        again = await find_earlier(store, notice_id=change, source_id=acftu.id, title=CORRECTION)
        assert again == link  # as the sender and /notice find it again
        # A copy of a change (a re-post) is never the notice it changes, even when the original is not stored.
        lone = "关于《关于举办职工书画展的通知》的更正通知"
        await publish(store, acftu, notice("n3", title=lone))
        assert await find_earlier(store, notice_id=None, source_id=acftu.id, title=lone) is None

        # Candidates: titles containing the fragment (case folded), older than `before`, newest first.
        found = await store.titled_notices(ORIGINAL, before=change, source_id=None)
        assert [c.title for c in found] == [ORIGINAL, ORIGINAL] and found[1].id == original
        assert [c.id for c in await store.titled_notices(ORIGINAL, before=change, source_id=acftu.id)] == [
            original
        ]
        assert await store.titled_notices(ORIGINAL, before=original, source_id=None) == []
        assert [c.id for c in await store.titled_notices("annual leave", before=change, source_id=None)] == [
            elsewhere
        ]

        got: dict[int, list[int]] = {}
        while batch := await store.claim_deliveries(NOW + timedelta(seconds=1), 10):
            for row in batch:
                got.setdefault(row.notice_id, []).append(row.chat_id)
        # Chat 1's filter did not match the correction: it gets it because it got the original. 3 is inactive,
        # 4 never got the original, and 5 (a digest of the other source) is not a follower of acftu's notice.
        assert sorted(got[change]) == [1, 2]
        assert sorted(got[original]) == [1, 2]

        # A change of the other source's notice reaches the digest chat that got it (its filter "x" does not
        # match the change), in its digest.
        title = "Correction: annual leave policy for 2027"
        link = await find_earlier(store, notice_id=None, source_id=other.id, title=title)
        assert link is not None and link.notice_id == elsewhere
        [fixed] = await publish(store, other, notice("o3", title=title, text="y", follows=elsewhere))
        assert [(d.chat_id, d.mode) for d in await store.claim_digest(5, 10) if d.notice_id == fixed] == [
            (5, "digest")
        ]
    finally:
        await store.close()


async def _claimed(store: object, notice_id: int) -> list[tuple[int, str]]:
    rows = await store.claim_deliveries(NOW + timedelta(seconds=1), 10)  # type: ignore[attr-defined]
    return sorted((r.chat_id, r.mode) for r in rows if r.notice_id == notice_id)


async def test_a_change_follows_a_chat_that_left_digests_and_a_copy_in_another_source(
    store_target: Path | str,
) -> None:
    store, acftu = await new_store(store_target)
    try:
        other = await store.add_source(SourceSpec(name="other", url="http://127.0.0.1/other/"))
        for chat_id in (1, 2):
            await store.upsert_chat(chat_id, "private")
        # Chat 1's filter matches the original only: it gets the changes as the original's reader.
        await store.subscribe(1, acftu.id, include=["认真组织"], mode="digest", digest_at="08:00")
        await store.subscribe(2, acftu.id)
        [original] = await publish(store, acftu, notice("n1", title=ORIGINAL))
        [row] = await store.claim_digest(1, 10)
        await store.record_results([DeliveryResult(row.id, "sent", message_id=7)], NOW)
        # no digest subscription left: a digest row would wait forever
        await store.set_chat_mode(1, "instant")
        [fix] = await publish(store, acftu, notice("n2", title=CORRECTION, text="改期。", follows=original))
        assert await _claimed(store, fix) == [(1, "instant"), (2, "instant")]

        # The other source re-posts the original (its copy points to it), then corrects it: the change links to
        # the copy, and still reaches the readers of the original, who subscribed to acftu only.
        await publish(store, other, notice("o1", title=ORIGINAL, dup_key=f"n1|{ORIGINAL}"))
        title = f"{ORIGINAL}（更正）"
        link = await find_earlier(store, notice_id=None, source_id=other.id, title=title)
        assert link is not None and link.notice_id != original
        [again] = await publish(
            store, other, notice("o2", title=title, text="改期。", follows=link.notice_id)
        )
        assert await _claimed(store, again) == [(1, "instant"), (2, "instant")]
    finally:
        await store.close()


async def test_a_change_links_to_a_title_written_with_full_width_digits_or_double_spaces(
    tmp_path: Path,
) -> None:
    store, acftu = await new_store(tmp_path)
    try:
        for key, title, change in (
            ("w1", "关于举办２０２５年职工运动会的通知", "关于举办２０２５年职工运动会的通知（更正）"),
            (
                "w2",
                "Annual  Sports Day Registration Notice",
                "Correction: Annual  Sports Day Registration Notice",
            ),
        ):
            [earlier] = await publish(store, acftu, notice(key, title=title))
            link = await find_earlier(store, notice_id=None, source_id=acftu.id, title=change)
            assert link is not None and (link.notice_id, link.title) == (earlier, title)
    finally:
        await store.close()


async def test_a_failed_lookup_of_the_earlier_notice_costs_the_push_its_change_line_only(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store, acftu = await new_store(tmp_path)
    try:
        await store.upsert_chat(1, "private")
        await store.subscribe(1, acftu.id)
        [original] = await publish(store, acftu, notice("n1", title=ORIGINAL))
        [fix] = await publish(store, acftu, notice("n2", title=CORRECTION, text="改期。", follows=original))
        unreadable_title(tmp_path / "noticebot.sqlite3", original)  # the title search now fails
        [row] = [
            r for r in await store.claim_deliveries(NOW + timedelta(seconds=1), 10) if r.notice_id == fix
        ]
        cache = TextCache(store)
        for _ in "ab":  # and again from the cache, not failing on a retry either
            text = await cache.for_delivery(row)
            stored = await store.get_notice(fix)
            assert stored is not None and text == render_push(
                stored, row.language or "zh", tz=zone(row.timezone)
            )
        assert caplog.text.count(f"finding the notice #{fix} changes failed: DatabaseFailure") == 1
    finally:
        await store.close()
