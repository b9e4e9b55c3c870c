"""Pacing: the pure pacer with an injected clock, then paced bursts against the emulator's flood limits."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

from bot.delivery.pacing import GlobalRate, Pacer
from bot.delivery.sender import Sender
from bot.emulator import EmulatorClient, EmulatorServer
from tests.delivery_world import (
    FAST,
    drain,
    messenger,
    new_store,
    notice,
    private_chats,
    publish,
    subscribe_all,
    texts_of,
)


def simulate(pacer: Pacer, chats: list[tuple[int, bool]], seconds: float) -> list[tuple[float, int]]:
    """Send as fast as the pacer allows for `seconds` of virtual time, round-robin over chats."""
    now, sent, i = 0.0, [], 0
    while now < seconds:
        chat_id, is_group = chats[i % len(chats)]
        wait = max(pacer.global_wait(now), pacer.chat_wait(chat_id, now))
        if wait > 0:
            now += wait
            continue
        pacer.record(chat_id, is_group, now)
        sent.append((now, chat_id))
        i += 1
    return sent


def test_overall_rate_holds_at_the_cap() -> None:
    pacer = Pacer(30.0)
    sent = simulate(pacer, [(c, False) for c in range(1000)], 10.0)
    assert 295 <= len(sent) <= 304  # 30/s for 10 s, plus the small burst
    # No one-second window holds more than the cap plus the burst.
    times = [t for t, _ in sent]
    assert max(sum(1 for t in times if s <= t < s + 1.0) for s in times) <= 33


def test_one_private_chat_gets_one_message_a_second() -> None:
    sent = simulate(Pacer(30.0), [(7, False)], 10.0)
    assert len(sent) == 10
    assert all(b[0] - a[0] >= 1.0 for a, b in itertools.pairwise(sent))


def test_a_group_gets_at_most_twenty_a_minute() -> None:
    sent = simulate(Pacer(30.0), [(-100, True)], 120.0)
    assert 38 <= len(sent) <= 40
    times = [t for t, _ in sent]
    assert max(sum(1 for t in times if s <= t < s + 60.0) for s in times) <= 20


def test_retry_after_pauses_everything_and_paid_broadcast_allows_1000() -> None:
    pacer = Pacer(30.0)
    pacer.pause(5.0, now=1.0)
    assert pacer.global_wait(1.0) == 5.0 and pacer.global_wait(6.0) == 0.0
    pacer.pause(1.0, now=2.0)  # a shorter pause never cuts a longer one short
    assert pacer.paused_until == 6.0
    paid = simulate(Pacer(1000.0), [(c, False) for c in range(100_000)], 2.0)
    assert 1990 <= len(paid) <= 2101
    assert GlobalRate(None).wait(0.0) == 0.0


def test_forgotten_chats_do_not_accumulate() -> None:
    pacer = Pacer(None)
    for chat in range(50_000):
        pacer.record(chat, False, chat * 0.001)
    pacer.record(1, False, 100.0)
    assert len(pacer._next_for_chat) < 10


async def test_paced_bursts_to_one_chat_and_to_a_group_draw_no_429(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, source = await new_store(tmp_path)
    [chat] = await private_chats(emu, 1)
    admin = await emu.create_user("Admin")
    group = await emu.create_group("群", admins=[admin])
    await subscribe_all(store, [chat])
    await subscribe_all(store, [group["id"]], chat_type="group")
    # Four notices at once. 20/min would space the group's messages 3 s apart, so both sides use
    # 40/min (1.5 s) to keep the test short; the emulator allows no burst to the group at all.
    await emu.set_limits(group_per_minute=40, group_burst=1)
    await publish(store, source, *(notice(f"n{i}", title=f"通知 {i}") for i in range(4)))
    settings = dataclasses.replace(FAST, group_per_minute=40.0)
    sender = Sender(store, messenger(emulator), settings)
    await sender.start()
    try:
        await drain(sender, timeout=20)
    finally:
        await sender.stop()
    assert len(await texts_of(emu, chat)) == 4
    assert len(await texts_of(emu, group["id"])) == 4
    assert (await emu.counters())["rate_limited"] == 0
    assert sender.stats.rate_limited == 0
    await store.close()
