"""Held pushes and reminders that fail unexpectedly (a bug, a storage hiccup) are put back, not left claimed,
and go out exactly once on the next step: the same promise the outbox and digest tests check for their paths."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.delivery import timed as timed_module
from bot.delivery.sender import Sender
from bot.delivery.timed import TimedSends
from bot.emulator import EmulatorClient, EmulatorServer
from bot.reminders import render_reminder
from bot.render import render_digest_parts
from storage.models import DeliveryResult, NewReminder
from tests.delivery_world import (
    FAST,
    NOW,
    async_fails_once,
    fails_once,
    messenger,
    new_store,
    notice,
    private_chats,
    publish,
    texts_of,
)

# NOW is 16:00 in Shanghai (the chats' default zone): outside the night window, so what was held is due.
NIGHT = "22:00-07:30"


@pytest.mark.parametrize("held", [1, 3], ids=["one-notice", "held-digest"])
async def test_held_pushes_that_fail_unexpectedly_are_put_back_and_go_out_once(
    held: int, tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, source = await new_store(tmp_path)
    [chat] = await private_chats(emu, 1)
    await store.upsert_chat(chat, "private", language="en")
    await store.subscribe(chat, None)
    assert await store.set_chat_quiet(chat, NIGHT)
    titles = [f"第{i}份夜间通知" for i in range(held)]
    await publish(store, source, *(notice(f"n{i}", title=title) for i, title in enumerate(titles)))
    # What the sender does in the night: the pushes wait for the window's end (here: a minute ago).
    rows = await store.claim_deliveries(NOW, 10)
    assert len(rows) == held
    ended = NOW - timedelta(minutes=1)
    await store.record_results([DeliveryResult(r.id, "held", next_attempt=ended) for r in rows], NOW)
    sender = Sender(store, messenger(emulator), FAST)
    await sender.messenger.initialize()
    calls: list[int] = []
    if held == 1:  # the notice itself goes out: its text is read from storage
        monkeypatch.setattr(sender.texts, "for_delivery", async_fails_once(sender.texts.for_delivery, calls))
    else:  # several go out as one small digest
        monkeypatch.setattr(timed_module, "render_digest_parts", fails_once(render_digest_parts, calls))
    timed = TimedSends(sender)
    try:
        assert await timed(NOW) == 0
        assert calls and await texts_of(emu, chat) == []
        counts = await store.delivery_counts()
        assert counts["sending"] == 0 and counts["pending"] == held  # put back, not left claimed
        assert await timed(NOW + timedelta(minutes=1)) == 1
        [text] = await texts_of(emu, chat)
        assert all(title in text for title in titles)
        assert (await store.delivery_counts())["sent"] == held
        assert await timed(NOW + timedelta(minutes=2)) == 0  # and never again
        assert len(await texts_of(emu, chat)) == 1
    finally:
        await sender.messenger.shutdown()
        await store.close()


async def test_a_reminder_that_fails_unexpectedly_stays_due_and_goes_out_once(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, source = await new_store(tmp_path)
    [chat] = await private_chats(emu, 1)
    await store.upsert_chat(chat, "private", language="en")
    [notice_id] = await publish(store, source, notice("r", title="关于报送统计材料的通知"))
    deadline = (NOW + timedelta(days=3)).date().isoformat()
    due = NOW - timedelta(minutes=1)
    assert (
        await store.add_reminders(chat, notice_id, [NewReminder(deadline, "各单位报送统计材料。", due)], NOW)
        == 1
    )
    sender = Sender(store, messenger(emulator), FAST)
    await sender.messenger.initialize()
    calls: list[int] = []
    monkeypatch.setattr(timed_module, "render_reminder", fails_once(render_reminder, calls))
    timed = TimedSends(sender)
    try:
        assert await timed(NOW) == 0
        assert calls and await texts_of(emu, chat) == []
        assert await store.recover_reminders() == 0  # not left claimed ("sending")
        assert len(await store.list_reminders(chat)) == 1  # still due
        assert await timed(NOW + timedelta(minutes=1)) == 1
        [text] = await texts_of(emu, chat)
        assert deadline in text
        assert await store.list_reminders(chat) == []
        assert await timed(NOW + timedelta(minutes=2)) == 0
        assert len(await texts_of(emu, chat)) == 1
    finally:
        await sender.messenger.shutdown()
        await store.close()
