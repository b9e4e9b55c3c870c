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
    # deactivate_chat and upsert_chat stamp the wall clock (PostgreSQL: the server's); notices follow it.
    return datetime.now(UTC)


async def test_return_queues_one_catchup_of_what_was_skipped_and_stored_meanwhile(
    store_target: Path | str,
) -> None:
    store, source = await new_store(store_target)
    other = await store.add_source(SourceSpec(name="other", url="http://127.0.0.1/other/"))
    for chat_id in (1, 2):
        await store.upsert_chat(chat_id, "private")
        await store.subscribe(chat_id, source.id)
    [x] = await store.store_notices(source.id, [notice("x")], now=_now(), deliver=True, notify_updates=False)
    assert await store.deactivate_chat(1, "Forbidden: bot was blocked by the user") == 1  # x, still pending
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
    missed = await store.missed_notices(1, due.since, due.until)
    assert [(m.notice_id, m.skipped) for m in missed] == [(y.notice_id, False), (x.notice_id, True)]
    assert missed[0].title == "关于调整假期安排的通知" and missed[0].source_id == source.id
    await store.upsert_chat(1, "private")  # writing again while active queues nothing
    await store.finish_catchup(1, due.until, done=True)
    assert await store.recover_catchups() == 0
    assert await store.claim_catchups(10) == []  # told once: nothing left
    await store.close()


async def test_once_per_period_across_instances_flaps_and_crashes(store_target: Path | str) -> None:
    store, source = await new_store(store_target)
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
    await store.close()


async def test_sent_notices_and_unsubscribed_sources_are_not_missed(store_target: Path | str) -> None:
    store, source = await new_store(store_target)
    await store.upsert_chat(1, "private")
    await store.subscribe(1, None)  # every source
    start = _now()
    [a] = await store.store_notices(source.id, [notice("a")], now=_now(), deliver=True, notify_updates=False)
    [row] = await store.claim_deliveries(_now() + timedelta(seconds=1), 10)
    await store.record_results([DeliveryResult(row.id, "sent", message_id=1)], _now())
    await store.deactivate_chat(1, "kicked")
    await asyncio.sleep(0.02)
    [b] = await store.store_notices(
        source.id, [notice("b", title="关于另一事项的通知")], now=_now(), deliver=True, notify_updates=False
    )
    # a was sent before: even in a window that reaches back over it, it is not listed.
    missed = await store.missed_notices(1, start - TICK, _now() + TICK)
    assert [m.notice_id for m in missed] == [b.notice_id] and a.notice_id != b.notice_id
    await store.close()
