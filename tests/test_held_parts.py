"""Held pushes released as a several-message digest: a part that fails uses up its rows' retry budget, the parts
after it, never tried, do not. Real sender and PTB over HTTP to the emulator, a real SQLite file."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import timedelta
from pathlib import Path

from bot.delivery.sender import Sender
from bot.delivery.timed import TimedSends, retry_split
from bot.emulator import EmulatorClient, EmulatorServer
from storage.models import DeliveryResult, DueDelivery
from tests.delivery_world import FAST, NOW, messenger, new_store, notice, private_chats, publish, texts_of

COUNT = 40  # about 430 characters each: the released digest takes three messages or more


def _attempts(path: Path) -> dict[str, list[int]]:
    """Each state's rows' attempt counts, read from the file itself."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT state, attempts FROM deliveries ORDER BY id").fetchall()
    conn.close()
    found: dict[str, list[int]] = {}
    for state, attempts in rows:
        found.setdefault(state, []).append(attempts)
    return found


async def test_untried_parts_of_released_held_pushes_keep_their_retry_budget(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    path = tmp_path / "noticebot.sqlite3"
    store, source = await new_store(path)
    [chat] = await private_chats(emu, 1)
    await store.upsert_chat(chat, "private", language="en")
    await store.subscribe(chat, None)
    title, text = "关于加强安全生产工作的实施意见" * 10, "各单位要认真组织，切实做好安全生产工作。" * 10
    await publish(
        store, source, *(notice(f"n{i}", title=f"第{i:02d}号{title}", text=text) for i in range(COUNT))
    )
    # The night's pushes were held until the window's end, a minute ago (bot.delivery.timed).
    rows = await store.claim_deliveries(NOW, 100)
    assert len(rows) == COUNT
    ended = NOW - timedelta(minutes=1)
    await store.record_results([DeliveryResult(r.id, "held", next_attempt=ended) for r in rows], NOW)
    # Several messages to one chat within the emulator's per-chat burst: no second's wait between them.
    sender = Sender(store, messenger(emulator), dataclasses.replace(FAST, per_chat_interval=0.05))
    await sender.messenger.initialize()
    timed = TimedSends(sender)
    try:
        # The first message arrives, the second meets a 502: the third and later are never tried.
        await emu.set_fault("server_error", chat, method="sendMessage", skip=1, times=1, status=502)
        assert await timed(NOW) == 0
        [first] = await texts_of(emu, chat)
        state = _attempts(path)
        carried = sum(f"第{i:02d}号" in first for i in range(COUNT))
        assert len(state["sent"]) == carried and 0 < carried < COUNT
        pending = state["pending"]
        tried = pending.count(1)
        assert tried > 0 and tried + pending.count(0) == len(pending) == COUNT - carried
        assert pending.count(0) > 0  # the untried parts: no attempt counted against them
        # Retried after the backoff: what is left goes out, every notice exactly once.
        assert await timed(NOW + timedelta(minutes=1)) == 1
        texts = await texts_of(emu, chat)
        assert len(texts) >= 2 and texts[0] == first
        assert all(sum(t.count(f"第{i:02d}号") for t in texts) == 1 for i in range(COUNT))
        assert len(_attempts(path)["sent"]) == COUNT
    finally:
        await sender.messenger.shutdown()
        await store.close()


def test_a_failed_part_without_rows_of_its_own_counts_an_attempt_against_the_rows_after_it() -> None:
    rows = [DueDelivery(i, i, 7, "private", "en", "UTC", attempts=2) for i in range(1, 5)]
    # A part with rows: they count the attempt (Transient) or were failed (may have arrived); the rest wait.
    assert retry_split(rows[:2], rows, maybe_delivered=False) == (rows[:2], rows[2:])
    assert retry_split(rows[:2], rows, maybe_delivered=True) == ([], rows[2:])
    # A heading-only first part failed: no row of its own, so the rows after it count the attempt, and
    # max_attempts ends a part that always fails so (not an endless retry at the first backoff).
    for doubt in (False, True):
        assert retry_split([], rows, maybe_delivered=doubt) == (rows, [])
