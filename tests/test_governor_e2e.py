"""Every user gets an answer: the real bot against the emulator's strict flood windows.

Counts used here (the suite must stay short; bench/broadcast.py runs the issue's full counts):
300 users /start at once (the issue's count); a broadcast at cap 30 with 20 new users'
/search during it (240 chats; the issue: 3,000); a hidden limit of 20/s under a bot configured for
30/s over 200 chats (the issue: 3,000). That one is judged by its steady rate, the median of whole
seconds' counts, and the rate the governor learned, both >= 70% of the limit: the average over the run
(printed, and >= 90% in the bench) counts the AIMD start-up, two pauses of 1.5 s that weigh more in a
short run, and every stall of the test process on a loaded machine, which the median does not.
"""

from __future__ import annotations

import asyncio
import dataclasses
import statistics
import time
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.config import DeliveryConfig
from bot.delivery.sender import Sender
from bot.emulator import EmulatorClient, EmulatorServer
from storage import SQLiteStore
from tests.chat_env import ChatEnv, chat_env
from tests.delivery_world import (
    FAST,
    drain,
    messenger,
    new_store,
    notice,
    private_chats,
    publish,
    subscribe_all,
)
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

BROADCAST = 240
HIDDEN = 200
STRICT = {"model": "window", "global_rate": 30, "per_chat_rate": 1, "group_per_minute": 20}

# One worker runs the "heavy" group one test at a time (Makefile: --dist loadgroup): these end-to-end runs
# push hundreds to thousands of messages and bound rates, latencies and takeover times; two of them at once
# on 2 cores would starve each other.
pytestmark = pytest.mark.xdist_group("heavy")


@pytest.fixture
async def env(emulator: EmulatorServer, http_server: NoticeServer, tmp_path: Path) -> AsyncIterator[ChatEnv]:
    """The bot with Telegram's default limits (30/s, 1/s per chat), the server counting strict windows."""
    async with chat_env(emulator, http_server, tmp_path, delivery=DeliveryConfig()) as e:
        await e.h.emu.set_limits(**STRICT)
        yield e


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def steady_rate(times: list[float]) -> float:
    """The median count of messages sent in each whole second from the first send (the last, partial
    second left out). A stall of the test process (a loaded CI machine: the emulator runs in it too) or
    a flood pause empties only the seconds it falls in; while they are fewer than half the run's seconds
    the median is the rate the sender kept the rest of the time, where an average over the run falls
    with every stall. A sender that keeps a lower rate lowers every second, and the median with them."""
    counts = Counter(int(t - times[0]) for t in times)
    return statistics.median(counts[k] for k in range(int(times[-1] - times[0])))


async def users(emu: EmulatorClient, n: int, prefix: str) -> list[dict[str, Any]]:
    sem = asyncio.Semaphore(32)

    async def one(i: int) -> dict[str, Any]:
        async with sem:
            user = await emu.create_user(f"{prefix}{i}", language_code="zh")
            await emu.create_private_chat(user)
            return user

    return list(await asyncio.gather(*(one(i) for i in range(n))))


async def transcripts(emu: EmulatorClient, chats: list[int]) -> list[list[dict[str, Any]]]:
    sem = asyncio.Semaphore(32)

    async def one(chat: int) -> list[dict[str, Any]]:
        async with sem:
            return await emu.transcript(chat)

    return list(await asyncio.gather(*(one(c) for c in chats)))


async def reply_latency(emu: EmulatorClient, chat_id: int, deadline: float) -> tuple[int, float]:
    """(bot messages in the chat, seconds from the user's first message to the bot's first reply)."""
    while True:
        log = await emu.transcript(chat_id, incoming=True)
        mine = [m for m in log if m["outgoing"]]
        if mine or time.monotonic() > deadline:
            asked = next(m["emu_time"] for m in log if not m["outgoing"])
            return len(mine), (mine[0]["emu_time"] - asked) if mine else float("inf")
        await asyncio.sleep(0.2)


async def test_300_users_start_at_once_and_each_gets_exactly_one_reply(env: ChatEnv) -> None:
    emu = env.h.emu
    crowd = await users(emu, 300, "Burst")
    await asyncio.gather(*(emu.send_text(u, "/start") for u in crowd))
    deadline = time.monotonic() + 90
    results = [await reply_latency(emu, u["id"], deadline) for u in crowd]
    await asyncio.sleep(1.0)  # a duplicate would show up now
    counts = [len(m) for m in await transcripts(emu, [u["id"] for u in crowd])]
    latencies = [lat for _, lat in results]
    print(
        f"\nburst: 300 users /start at once: p50 {percentile(latencies, 0.5):.2f}s,"
        f" p95 {percentile(latencies, 0.95):.2f}s, max {max(latencies):.2f}s"
    )
    assert counts == [1] * 300  # every one answered, exactly once
    assert (await emu.counters())["rate_limited"] == 0
    # At 30/s the 300th reply cannot go before ~10 s; nobody waits far beyond the queue.
    assert max(latencies) < 40


async def test_a_new_users_search_is_answered_quickly_during_a_broadcast(env: ChatEnv) -> None:
    emu = env.h.emu
    store = env.services.store
    assert isinstance(store, SQLiteStore)
    chats = await private_chats(emu, BROADCAST)
    now = time.time()
    async with store.db.transaction() as conn:
        await conn.executemany(
            "INSERT INTO chats (id, type, created) VALUES (?, 'private', ?)", [(c, now) for c in chats]
        )
        await conn.executemany(
            "INSERT INTO subscriptions (chat_id, source_id, created) VALUES (?, NULL, ?)",
            [(c, now) for c in chats],
        )
    searchers = await users(emu, 20, "Searcher")
    await emu.set_limits(**STRICT)  # fresh windows: the set-up above sent nothing, but be exact
    await store.store_notices(
        1, [notice("broadcast", title="关于开展安全生产大检查的通知")], now=datetime.now(UTC), deliver=True,
        notify_updates=False,
    )  # fmt: skip
    assert env.services.sender is not None
    env.services.sender.wake()
    started = time.monotonic()
    await asyncio.sleep(1.0)  # the broadcast is at full rate
    # At 30/s the broadcast takes about 8 s: the searches start while most of it is still to go.
    sent_before = (await emu.counters())["messages"]
    latencies = []
    for user in searchers:
        await emu.send_text(user, "/search 疫情")
        _, latency = await reply_latency(emu, user["id"], time.monotonic() + 30)
        latencies.append(latency)
        await asyncio.sleep(0.15)
    await drain(env.services.sender, timeout=90)
    elapsed = time.monotonic() - started
    p95 = percentile(latencies, 0.95)
    print(
        f"\nsearch during a broadcast to {BROADCAST} chats: p50 {percentile(latencies, 0.5):.2f}s,"
        f" p95 {p95:.2f}s; broadcast {BROADCAST / elapsed:.1f} msg/s"
    )
    assert sent_before < BROADCAST // 2  # the searches really ran during the broadcast
    assert (await emu.counters())["messages"] == BROADCAST + len(searchers)
    assert p95 < 2.0
    assert all(len(m) == 1 for m in await transcripts(emu, chats))
    assert (await emu.counters())["rate_limited"] == 0  # strict window at cap 30: never a 429


async def test_a_hidden_lower_limit_draws_a_handful_of_429s_and_is_used_well(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, source = await new_store(tmp_path)
    chats = await private_chats(emu, HIDDEN)
    await subscribe_all(store, chats)
    await emu.set_limits(model="window", global_rate=30, hidden_rate=20)
    await publish(store, source, notice("hidden"))
    sender = Sender(store, messenger(emulator), dataclasses.replace(FAST, rate=30.0, retry_slack=0.5))
    await sender.start()
    try:
        await drain(sender, timeout=120)
    finally:
        await sender.stop()
        await store.close()
    per_chat = await transcripts(emu, chats)
    times = sorted(m["emu_time"] for messages in per_chat for m in messages)
    achieved = (len(times) - 1) / (times[-1] - times[0])
    steady = steady_rate(times)
    learned = sender.governor.status().learned_rate
    assert learned is not None
    flooded = (await emu.counters())["rate_limited"]
    print(
        f"\nhidden limit 20/s, bot at 30/s, {HIDDEN} chats: {flooded} x 429, {achieved:.1f} msg/s"
        f" = {achieved / 20:.0%} of the real limit over the run, {steady:.1f} msg/s steady"
        f" (median second); learned rate {learned:.1f}/s"
    )
    assert len(times) == HIDDEN
    assert flooded <= 5
    # Not the average: a few stalled seconds of a loaded machine pull it down (see steady_rate). The
    # learned rate moves only on a 429, and the governor's window keeps to its rate whatever a stall
    # does, so no stall cuts it; a sender that learned too low, or sends slower than it learned, fails.
    assert learned >= 0.7 * 20
    assert steady >= 0.7 * 20
