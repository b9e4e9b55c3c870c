"""The governor: its accounting with an injected clock, its scheduling in real time, then paced bursts
to one chat and one group against the emulator's strict windows."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import random
from pathlib import Path

import pytest

from bot.delivery.accounting import ChatLimits, LearnedRate, SlidingWindow
from bot.delivery.governor import FloodWaitExpired, Governor, GovernorSettings, Priority
from bot.delivery.sender import Sender
from bot.delivery.transport import RateLimited, flood_seconds
from bot.emulator import EmulatorClient, EmulatorServer
from tests.delivery_world import (
    FAST,
    messenger,
    new_store,
    notice,
    private_chats,
    publish,
    subscribe_all,
    texts_of,
)


def simulate_window(window: SlidingWindow, seconds: float, latency: tuple[float, float]) -> list[float]:
    """Send as fast as the window allows for `seconds` of virtual time, each request reaching the server
    at a random point of its round trip; returns the server's arrival times."""
    rng = random.Random(7)
    now, arrivals, answers = 0.0, [], []  # answers: (answered_at) of sends in flight
    while now < seconds:
        answers.sort()
        while answers and answers[0] <= now:
            window.answered(answers.pop(0))
        wait = window.wait(now)
        if wait > 0:
            now = min(now + wait, answers[0]) if answers else now + wait
            continue
        window.take()
        rtt = rng.uniform(*latency)
        arrivals.append(now + rng.uniform(0, rtt))
        answers.append(now + rtt)
    return sorted(arrivals)


def most_in_any(times: list[float], length: float) -> int:
    return max(sum(1 for t in times if s <= t < s + length) for s in times)


def test_the_overall_window_holds_at_the_server_whatever_the_latency() -> None:
    arrivals = simulate_window(SlidingWindow(30, 1.0), 10.0, latency=(0.001, 0.2))
    assert most_in_any(arrivals, 1.0) <= 30  # strict: no burst above the cap in any second
    assert len(arrivals) >= 230  # and close to the cap: 30 per (1 s + the round trip)


def test_one_private_chat_one_a_second_and_a_group_twenty_in_any_minute() -> None:
    chat = ChatLimits(1.0, None)
    now, sent = 0.0, []
    while now < 10.0:
        wait = chat.wait(now)
        if wait > 0:
            now += wait
            continue
        chat.take()
        sent.append(now)
        chat.answered(now + 0.01)
    assert len(sent) == 10 and all(b - a >= 1.0 for a, b in itertools.pairwise(sent))
    group = ChatLimits(1.0, 20)
    now, sent = 0.0, []
    while now < 120.0:
        wait = group.wait(now)
        if wait > 0:
            now += wait
            continue
        group.take()
        sent.append(now)
        group.answered(now)
    assert most_in_any(sent, 60.0) <= 20 and len(sent) >= 38


def test_learned_rate_cuts_once_per_burst_and_climbs_after_a_quiet_minute() -> None:
    rate = LearnedRate(30.0)
    assert rate.capacity == 30
    assert rate.flooded(now=10.0, started=9.9)
    assert not rate.flooded(now=10.1, started=9.95)  # sent before the cut: the same burst
    assert rate.current == pytest.approx(24.0)
    assert rate.flooded(now=12.0, started=11.0)
    assert rate.current == pytest.approx(19.2) and rate.capacity == 19
    rate.tick(50.0)
    assert rate.current == pytest.approx(19.2)  # not quiet for a minute yet
    rate.tick(72.0)
    assert rate.current == pytest.approx(20.2)
    for minute in range(2, 40):
        rate.tick(12.0 + 60.0 * minute)
    assert rate.current == 30.0  # never above the ceiling
    assert LearnedRate(None).capacity is None and LearnedRate(0).spacing == 0.0


def test_forgotten_chats_do_not_accumulate() -> None:
    clock = itertools.count(0.0, 0.001)
    governor = Governor(GovernorSettings(rate=None), flood_wait=flood_seconds, clock=lambda: next(clock))

    async def run() -> None:
        for chat in range(30_000):
            (await governor.turn(chat, False, Priority.PUSH)).release()

    asyncio.run(run())
    assert len(governor._chats) < 15_000  # swept every 10 s of (virtual) time


async def test_a_reply_goes_before_queued_pushes_and_digests() -> None:
    governor = Governor(GovernorSettings(rate=20.0, per_chat_interval=0.01), flood_wait=flood_seconds)
    order: list[str] = []

    async def one(name: str, chat: int, priority: Priority) -> None:
        turn = await governor.turn(chat, False, priority)
        order.append(name)
        turn.release()

    tasks = [asyncio.create_task(one(f"push{i}", i, Priority.PUSH)) for i in range(6)]
    tasks.append(asyncio.create_task(one("digest", 100, Priority.DIGEST)))
    await asyncio.sleep(0.01)  # push0 is granted at once; the others queue
    tasks.append(asyncio.create_task(one("reply", 200, Priority.REPLY)))
    await asyncio.gather(*tasks)
    assert order.index("reply") <= 2  # behind what was already granted, never behind the queue
    assert order[-1] == "digest"


async def test_retry_after_pauses_everything_resends_the_same_call_and_lowers_the_rate() -> None:
    governor = Governor(GovernorSettings(rate=30.0, retry_slack=0.05), flood_wait=flood_seconds)
    calls: list[int] = []

    async def flaky() -> int:
        calls.append(len(calls))
        if len(calls) == 1:
            raise RateLimited(0.3)
        return 42

    loop = asyncio.get_running_loop()
    started = loop.time()
    assert await governor.call(1, False, Priority.REPLY, flaky) == 42
    assert len(calls) == 2 and loop.time() - started >= 0.3
    assert governor.status().learned_rate == pytest.approx(24.0) and governor.rate_limited == 1
    # A call that always meets flood control: bounded by `within`, then FloodWaitExpired.

    async def always() -> int:
        raise RateLimited(0.2)

    with pytest.raises(FloodWaitExpired):
        await governor.call(2, False, Priority.REPLY, always, within=0.5)


async def test_paced_bursts_to_one_chat_and_to_a_group_draw_no_429_from_strict_windows(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, source = await new_store(tmp_path)
    try:
        [chat] = await private_chats(emu, 1)
        admin = await emu.create_user("Admin")
        group = await emu.create_group("群", admins=[admin])
        await subscribe_all(store, [chat])
        await subscribe_all(store, [group["id"]], chat_type="group")
        # Six notices at once; the server counts strict windows: 1 a second to a chat, 4 in any minute to
        # the group (20/min would make the test last minutes; the accounting is the same).
        await emu.set_limits(model="window", group_per_minute=4, per_chat_rate=1)
        await publish(store, source, *(notice(f"n{i}", title=f"通知 {i}") for i in range(6)))
        sender = Sender(store, messenger(emulator), dataclasses.replace(FAST, group_per_minute=4.0))
        await sender.start()
        try:
            for _ in range(300):
                if len(await texts_of(emu, chat)) == 6 and len(await texts_of(emu, group["id"])) >= 4:
                    break
                await asyncio.sleep(0.1)
            await asyncio.sleep(0.5)
            assert len(await texts_of(emu, chat)) == 6
            assert len(await texts_of(emu, group["id"])) == 4  # the fifth waits for the minute to pass
        finally:
            await sender.stop()
        assert (await emu.counters())["rate_limited"] == 0
        assert sender.stats.rate_limited == 0
    finally:
        await store.close()


async def test_calls_that_are_not_messages_ride_out_flood_control_without_a_slot() -> None:
    # answerCallbackQuery, getChatMember: a 429 pauses everyone and the call is made again.
    governor = Governor(GovernorSettings(rate=30.0, retry_slack=0.05), flood_wait=flood_seconds)
    calls: list[float] = []
    loop = asyncio.get_running_loop()

    async def answer() -> bool:
        calls.append(loop.time())
        if len(calls) == 1:
            raise RateLimited(0.2)
        return True

    assert await governor.unmetered(answer, within=5.0)
    assert len(calls) == 2 and calls[1] - calls[0] >= 0.2
    assert governor.status().learned_rate == 30.0  # its own limit: the message rate is not cut
    assert governor.status().in_flight == 0
