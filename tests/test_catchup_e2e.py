"""End to end over the Bot API emulator with the real application: a chat that comes back after blocking or
removing the bot gets one catch-up of the notices it missed, in its language and through its filters."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.emulator import EmulatorServer
from tests.chat_env import ChatEnv, chat_env
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

HOLIDAY = "关于调整假期安排的通知"
SAFETY = "关于做好安全生产工作的通知"
REVIEW = "关于开展年度考核工作的通知"
FOURTH = "关于组织职工健康体检的通知"


@pytest.fixture
async def env(emulator: EmulatorServer, http_server: NoticeServer, tmp_path: Path) -> AsyncIterator[ChatEnv]:
    async with chat_env(emulator, http_server, tmp_path) as e:
        yield e


async def _until(predicate: Callable[[], Awaitable[bool]], timeout: float = 10.0) -> None:  # noqa: ASYNC109
    deadline = asyncio.get_running_loop().time() + timeout
    while not await predicate():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


def _active(env: ChatEnv, who: dict[str, Any], want: bool) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        chat = await env.services.store.get_chat(who["id"])
        return chat is not None and chat.active == want

    return check


async def _catchups(env: ChatEnv, who: dict[str, Any]) -> list[str]:
    """The catch-up messages the bot sent to who's chat so far."""
    marks = ("符合您的订阅", "matched your subscriptions")
    texts = [str(m.get("text", "")) for m in await env.h.emu.transcript(who)]
    return [text for text in texts if any(mark in text for mark in marks)]


async def test_returning_chats_get_one_catchup_of_what_they_missed(env: ChatEnv) -> None:
    emu, store = env.h.emu, env.services.store
    sender = env.services.sender
    assert sender is not None
    alice = env.user  # zh; will block the bot silently: the next push finds out (403)
    eve = await emu.create_user("Eve", "eve", language_code="en")  # removes the bot; only wants 假期
    await emu.create_private_chat(eve)
    carol = await env.h.user("Carol", "carol")  # blocks and unblocks while nothing happens
    for who in (alice, eve, carol):
        await env.ask(who, "/subscribe acftu")
    await env.ask(eve, "/filter acftu +假期")
    await emu.set_fault("blocked", eve, announce=True)
    await _until(_active(env, eve, False))
    await emu.set_fault("blocked", alice)

    # Two notices: Alice's pushes hit the block (her chat is deactivated, the rows skipped); Carol gets them.
    await env.publish("c1", HOLIDAY)
    await env.publish("c2", SAFETY)
    await env.services.poller.poll_all()
    sender.wake()
    await _until(_active(env, alice, False))
    pushed = [m["text"] for m in await env.h.replies(carol, 2, timeout=10)]
    assert any(HOLIDAY in text for text in pushed) and any(SAFETY in text for text in pushed)
    await emu.set_fault("blocked", carol, announce=True)
    await _until(_active(env, carol, False))
    await emu.set_fault("blocked", carol, active=False, announce=True)
    await _until(_active(env, carol, True))
    # A third notice while Alice and Eve are away: stored, queued for no one of them.
    await env.publish("c3", REVIEW)
    await env.services.poller.poll_all()
    ids = {n.title: n.id for n in await store.latest_notices(limit=10)}

    # Alice unblocks and writes: one catch-up, in Chinese, listing the skipped two and the one stored since.
    await emu.set_fault("blocked", alice, active=False)
    await env.h.say(alice, "/help")
    await _until(lambda: _has_catchup(env, alice))
    [text] = await _catchups(env, alice)
    assert "机器人无法在此发送消息期间" in text and "有 3 条通知" in text
    for title in (HOLIDAY, SAFETY, REVIEW):
        assert title in text and f"/notice {ids[title]}" in text
    # Eve re-adds the bot: one catch-up, in English, through her filter (only 假期).
    await emu.set_fault("blocked", eve, active=False, announce=True)
    await _until(lambda: _has_catchup(env, eve))
    [text] = await _catchups(env, eve)
    assert "While the bot could not write here (since " in text and "1 notice matched" in text
    assert HOLIDAY in text and f"/notice {ids[HOLIDAY]}" in text and SAFETY not in text and REVIEW not in text

    # Alice flaps (blocks and unblocks with nothing new): nothing missed, so no message; Carol, who missed
    # nothing, none. (That a period already told is not told again is tests/test_catchup_storage.py's.)
    await emu.set_fault("blocked", alice, announce=True)
    await _until(_active(env, alice, False))
    await emu.set_fault("blocked", alice, active=False, announce=True)
    await _until(_active(env, alice, True))
    assert sender.digests is not None
    await sender.digests(datetime.now(UTC))  # the periodic step, run to the end here
    assert len(await _catchups(env, alice)) == 1 and len(await _catchups(env, eve)) == 1
    assert await _catchups(env, carol) == []
    # Away again while a fourth notice comes, back by two updates at once (re-added, and a message): one
    # more catch-up, of that period only.
    await emu.set_fault("blocked", alice)
    await env.publish("c4", FOURTH)
    await env.services.poller.poll_all()
    sender.wake()
    await _until(_active(env, alice, False))
    await emu.set_fault("blocked", alice, active=False, announce=True)
    await env.h.say(alice, "/help")
    await _until(lambda: _has_catchup(env, alice, 2))
    await sender.digests(datetime.now(UTC))
    _, second = await _catchups(env, alice)
    assert "有 1 条通知" in second and FOURTH in second and HOLIDAY not in second
    assert await _catchups(env, carol) == []


async def _has_catchup(env: ChatEnv, who: dict[str, Any], count: int = 1) -> bool:
    return len(await _catchups(env, who)) >= count
