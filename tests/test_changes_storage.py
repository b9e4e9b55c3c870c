"""Change notices on both backends (a SQLite file, a PostgreSQL database): candidates by title, and the change
queued for the chats that got the earlier notice, whatever their keyword filters say."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.changelinks import link_change
from storage.models import SourceSpec
from tests.delivery_world import NOW, new_store, notice, publish

ORIGINAL = "关于开展职工疗休养活动的通知"
CORRECTION = f"关于《{ORIGINAL}》的更正通知"


async def test_a_change_links_to_its_notice_and_reaches_its_recipients(store_target: Path | str) -> None:
    store, acftu = await new_store(store_target)
    other = await store.add_source(SourceSpec(name="other", url="http://127.0.0.1/other/"))
    for chat_id in (1, 2, 3, 4, 5):
        await store.upsert_chat(chat_id, "private")
    await store.subscribe(1, acftu.id, include=["认真组织"])  # matches the original's text only
    await store.subscribe(2, None)  # everything: gets both anyway, once each
    await store.subscribe(3, acftu.id, include=["认真组织"])  # got the original, then blocked the bot
    await store.subscribe(4, acftu.id, include=["篮球"])  # never got the original
    await store.subscribe(5, other.id, include=["x"], mode="digest", digest_at="08:00")  # the other source's
    [elsewhere] = await publish(store, other, notice("o1", title="Annual Leave Policy for 2027", text="x"))
    [original] = await publish(store, acftu, notice("n1", title=ORIGINAL, text="各单位要认真组织。"))
    await store.deactivate_chat(3, "blocked")
    await store.store_notices(
        other.id, [notice("o2", title=ORIGINAL)], now=NOW, deliver=False, notify_updates=False
    )
    [change] = await publish(store, acftu, notice("n2", title=CORRECTION, text="活动时间改为12月。"))

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

    link = await link_change(
        store, notice_id=change, root_id=change, source_id=acftu.id, title=CORRECTION, text="", now=NOW
    )
    assert link is not None and (link.kind, link.notice_id, link.title) == ("correction", original, ORIGINAL)
    again = await store.enqueue_followers(change, earlier_id=original, source_id=acftu.id, now=NOW)
    assert again == 0  # exactly once per chat
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
    [fix] = await publish(
        store, other, notice("o3", title="Correction: annual leave policy for 2027", text="y")
    )
    link = await link_change(
        store, notice_id=fix, root_id=fix, source_id=other.id, title="Correction: annual leave policy for 2027",
        text="", now=NOW,
    )  # fmt: skip
    assert link is not None and link.notice_id == elsewhere
    assert [(d.chat_id, d.mode) for d in await store.claim_digest(5, 10) if d.notice_id == fix] == [
        (5, "digest")
    ]
    await store.close()
