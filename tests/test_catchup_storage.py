"""Catch-ups of returning chats on both backends: queued with the reactivation, once per period (several
instances, flaps, a crash while sending), listing what was skipped and what was stored while away."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from storage import open_backend
from storage.models import DeliveryResult, SourceSpec
from tests.delivery_world import new_store, notice

TICK = timedelta(seconds=0.01)


def _now() -> datetime:
    # deactivate_chat and upsert_chat stamp the application's wall clock (both backends); notices follow it.
    return datetime.now(UTC)


async def test_return_queues_one_catchup_of_what_was_skipped_and_stored_meanwhile(
    store_target: Path | str,
) -> None:
    store, source = await new_store(store_target)
    try:
        other = await store.add_source(SourceSpec(name="other", url="http://127.0.0.1/other/"))
        for chat_id in (1, 2):
            await store.upsert_chat(chat_id, "private")
            await store.subscribe(chat_id, source.id)
        [x] = await store.store_notices(
            source.id, [notice("x")], now=_now(), deliver=True, notify_updates=False
        )
        # x, still pending
        assert await store.deactivate_chat(1, "Forbidden: bot was blocked by the user") == 1
        await asyncio.sleep(0.02)
        [y] = await store.store_notices(
            source.id,
            [notice("y", title="关于调整假期安排的通知")],
            now=_now(),
            deliver=True,
            notify_updates=False,
        )
        await store.store_notices(
            other.id, [notice("z", title="别处的通知")], now=_now(), deliver=True, notify_updates=False
        )
        # Stored as seen only (a source's first poll): pushed to no one, so missed by no one.
        await store.store_notices(
            source.id, [notice("q", title="旧的通知")], now=_now(), deliver=False, notify_updates=False
        )
        assert await store.claim_catchups(10) == []  # nothing is due while the chat is away
        await asyncio.sleep(0.02)
        chat = await store.upsert_chat(1, "private")
        assert chat.active
        [due] = await store.claim_catchups(10)
        assert due.chat_id == 1 and due.since < due.until
        assert await store.claim_catchups(10) == []  # claimed: no second sender takes it
        missed = await store.missed_notices(1, due.since, due.until, limit=50)
        assert [(m.notice_id, m.skipped) for m in missed] == [(y.notice_id, False), (x.notice_id, True)]
        assert missed[0].title == "关于调整假期安排的通知" and missed[0].source_id == source.id
        await store.upsert_chat(1, "private")  # writing again while active queues nothing
        await store.finish_catchup(1, due.until, done=True)
        assert await store.recover_catchups() == 0
        assert await store.claim_catchups(10) == []  # told once: nothing left
    finally:
        await store.close()


async def test_once_per_period_across_instances_flaps_and_crashes(store_target: Path | str) -> None:
    store, source = await new_store(store_target)
    try:
        # A second store on the same database: another instance handling the same update.
        twin = store if isinstance(store_target, Path) else await open_backend(store_target)
        await store.upsert_chat(1, "private")
        await store.subscribe(1, source.id)
        await store.deactivate_chat(1, "blocked")
        await store.deactivate_chat(1, "blocked again")  # still away: the period keeps its start
        first = await store.get_chat(1)
        assert first is not None and not first.active
        await asyncio.sleep(0.02)
        await asyncio.gather(*(s.upsert_chat(1, "private") for s in (store, twin, store, twin)))
        [due] = await store.claim_catchups(10)
        # A crash while sending: released at start-up, then sent by the next run.
        assert await twin.recover_catchups() == 1
        [again] = await twin.claim_catchups(10)
        assert again == due
        # The chat flaps while its catch-up is in flight: told up to due.until, the rest stays due from there.
        await store.deactivate_chat(1, "blocked")
        await asyncio.sleep(0.02)
        await store.upsert_chat(1, "private")
        assert await store.claim_catchups(10) == []  # still claimed by the sender
        await store.finish_catchup(1, again.until, done=True)
        [rest] = await store.claim_catchups(10)
        assert rest.since == again.until and rest.until > again.until
        # A chat away twice before its catch-up is sent gets one, for the whole time.
        await store.finish_catchup(1, rest.until, done=False)  # not sent (e.g. a timeout): stays due as it is
        await store.deactivate_chat(1, "blocked")
        assert await store.claim_catchups(10) == []  # away again: not sent meanwhile
        await asyncio.sleep(0.02)
        await store.upsert_chat(1, "private")
        [whole] = await store.claim_catchups(10)
        assert whole.since == rest.since and whole.until > rest.until
        await store.finish_catchup(1, whole.until, done=True)
        assert await store.claim_catchups(10) == []
        # A chat that never went away is owed nothing.
        await store.upsert_chat(2, "private")
        await store.upsert_chat(2, "private")
        assert await store.claim_catchups(10) == []
        if twin is not store:
            await twin.close()
    finally:
        await store.close()


async def test_sent_notices_and_unsubscribed_sources_are_not_missed(store_target: Path | str) -> None:
    store, source = await new_store(store_target)
    try:
        await store.upsert_chat(1, "private")
        await store.subscribe(1, None)  # every source
        start = _now()
        [a] = await store.store_notices(
            source.id, [notice("a")], now=_now(), deliver=True, notify_updates=False
        )
        [row] = await store.claim_deliveries(_now() + timedelta(seconds=1), 10)
        await store.record_results([DeliveryResult(row.id, "sent", message_id=1)], _now())
        await store.deactivate_chat(1, "kicked")
        await asyncio.sleep(0.02)
        [b] = await store.store_notices(
            source.id,
            [notice("b", title="关于另一事项的通知")],
            now=_now(),
            deliver=True,
            notify_updates=False,
        )
        # a was sent before: even in a window that reaches back over it, it is not listed.
        missed = await store.missed_notices(1, start - TICK, _now() + TICK, limit=50)
        assert [m.notice_id for m in missed] == [b.notice_id] and a.notice_id != b.notice_id
    finally:
        await store.close()


async def test_a_skipped_update_of_a_notice_the_chat_was_sent_is_not_missed(store_target: Path | str) -> None:
    store, source = await new_store(store_target)
    try:
        await store.upsert_chat(1, "private")
        await store.subscribe(1, source.id)
        start = _now()
        [a] = await store.store_notices(
            source.id, [notice("a")], now=_now(), deliver=True, notify_updates=True
        )
        [row] = await store.claim_deliveries(_now() + timedelta(seconds=1), 10)
        await store.record_results([DeliveryResult(row.id, "sent", message_id=1)], _now())
        # Its update is queued, then skipped when the chat goes away: the chat has the notice already.
        await store.store_notices(
            source.id, [notice("a", text="更正后的正文。")], now=_now(), deliver=True, notify_updates=True
        )
        assert await store.deactivate_chat(1, "blocked") == 1
        await asyncio.sleep(0.02)
        assert await store.missed_notices(1, start - TICK, _now() + TICK, limit=50) == []
        assert a.notice_id
    finally:
        await store.close()


async def test_missed_notices_come_in_chunks_newest_first_with_or_without_text(
    store_target: Path | str,
) -> None:
    store, source = await new_store(store_target)
    try:
        await store.upsert_chat(1, "private")
        await store.subscribe(1, None)
        await store.deactivate_chat(1, "blocked")
        start = _now() - TICK
        for i in range(5):
            await asyncio.sleep(0.002)
            await store.store_notices(
                source.id,
                [notice(f"c{i}", title=f"第{i}号通知")],
                now=_now(),
                deliver=True,
                notify_updates=False,
            )
        end = _now() + TICK
        whole = await store.missed_notices(1, start, end, limit=50)
        assert [m.title for m in whole] == [f"第{i}号通知" for i in reversed(range(5))]
        walked, after = [], None
        while chunk := await store.missed_notices(1, start, end, limit=2, after=after, texts=False):
            assert all(m.title == m.text == "" for m in chunk)  # no text loaded
            walked += [m.notice_id for m in chunk]
            after = chunk[-1]
        assert walked == [m.notice_id for m in whole]
    finally:
        await store.close()


async def test_a_group_moving_to_a_supergroup_carries_its_catchup_and_claim(store_target: Path | str) -> None:
    store, _ = await new_store(store_target)
    try:
        for old in (1, 2):
            await store.upsert_chat(-old, "group")
            await store.deactivate_chat(-old, "kicked")
        await store.upsert_chat(-1002, "supergroup")  # the supergroup of group -2 wrote to the bot first
        await asyncio.sleep(0.02)
        for old in (1, 2):
            await store.upsert_chat(-old, "group")
        claimed = {d.chat_id: d for d in await store.claim_catchups(10)}
        assert set(claimed) == {-1, -2}
        # The sends move the groups (ChatMoved): to a new id, and onto the stored supergroup.
        await store.migrate_chat(-1, -1001)
        await store.migrate_chat(-2, -1002)
        assert await store.claim_catchups(10) == []  # still claimed, under the new ids
        await store.finish_catchup(-1001, claimed[-1].until, done=False)
        await store.finish_catchup(-1002, claimed[-2].until, done=False)
        assert await store.recover_catchups() == 0  # nothing left claimed
        again = {d.chat_id: d for d in await store.claim_catchups(10)}
        assert set(again) == {-1001, -1002} and again[-1002].since == claimed[-2].since
        for d in again.values():
            await store.finish_catchup(d.chat_id, d.until, done=True)
        assert await store.claim_catchups(10) == [] and await store.recover_catchups() == 0
    finally:
        await store.close()


async def test_a_duplicate_is_listed_by_its_root_with_the_title_its_push_matched(
    store_target: Path | str,
) -> None:
    store, source = await new_store(store_target)
    try:
        other = await store.add_source(SourceSpec(name="other", url="http://127.0.0.1/other/"))
        await store.upsert_chat(1, "private")
        await store.subscribe(1, other.id)
        await store.deactivate_chat(1, "blocked")
        start = _now() - TICK
        await asyncio.sleep(0.01)
        [root] = await store.store_notices(
            source.id, [notice("r", dup_key="same")], now=_now(), deliver=True, notify_updates=False
        )
        [dup] = await store.store_notices(
            other.id,
            [notice("d", title="转发：关于开展职工疗休养活动的通知", dup_key="same")],
            now=_now(),
            deliver=True,
            notify_updates=False,
        )
        [m] = await store.missed_notices(1, start, _now() + TICK, limit=50)
        # The root's id (what a push of the duplicate shows), the duplicate's title (what its push matched).
        assert m.notice_id == root.notice_id != dup.notice_id and m.title.startswith("转发")
    finally:
        await store.close()


async def test_the_time_a_chat_went_away_is_the_applications_not_the_database_servers(
    store_target: Path | str,
) -> None:
    # The application's clock two hours behind the database server's (another host): notices are stamped by
    # the application, so the time the chat went away must be too, or a notice seen after it is not listed.
    store, source = await new_store(store_target)
    try:
        await store.upsert_chat(1, "private")
        await store.subscribe(1, source.id)
        away = _now() - timedelta(hours=2)
        [x] = await store.store_notices(
            source.id, [notice("x")], now=away - timedelta(minutes=1), deliver=True, notify_updates=False
        )
        assert await store.deactivate_chat(1, "blocked", now=away) == 1  # x, still pending: skipped at `away`
        [y] = await store.store_notices(
            source.id,
            [notice("y", title="关于调整假期安排的通知")],
            now=away + timedelta(minutes=1),
            deliver=True,
            notify_updates=False,
        )
        await store.upsert_chat(1, "private")
        [due] = await store.claim_catchups(10)
        assert abs(due.since - away) < timedelta(milliseconds=1)
        missed = await store.missed_notices(1, due.since, due.until, limit=50)
        assert [(m.notice_id, m.skipped) for m in missed] == [(y.notice_id, False), (x.notice_id, True)]
    finally:
        await store.close()
