"""Handlers under abuse and at the edges of a chat's life, through the real bot over HTTP.

Forged callback data, Next pressed six times a second, a user sending 500 messages at once, a chat
that blocked the bot and comes back with any command, my_chat_member updates, /status for admins.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import DeliveryConfig
from bot.emulator import EmulatorServer
from storage.models import DeliveryResult
from tests.chat_env import ChatEnv, chat_env
from tests.delivery_world import notice
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

ERROR_TEXT = ("出错了", "went wrong")


@pytest.fixture
async def env(emulator: EmulatorServer, http_server: NoticeServer, tmp_path: Path) -> AsyncIterator[ChatEnv]:
    async with chat_env(emulator, http_server, tmp_path) as e:
        yield e


async def wait_until(predicate: object, timeout: float = 10.0) -> None:  # noqa: ASYNC109
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        assert callable(predicate)
        if await predicate():
            return
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


async def test_forged_callback_data_is_refused_quietly(env: ChatEnv) -> None:
    picker = await env.ask(env.user, "/subscribe")
    for data in ("sub:²", "srcp:²", "uns:٣", "mode:²:d", "sub:99999999999999999999"):
        query = await env.h.emu.press_data(env.user, picker, data)
        await wait_until(lambda q=query: _answered(env, q))
    found = await env.ask(env.user, "/search 疫情")
    query = await env.h.emu.press_data(env.user, found, "s:nokey:²")
    expired = await env.h.reply(env.user)
    assert "过期" in expired["text"]
    assert (await env.ask(env.user, "/notice ²"))["text"].startswith("用法")
    assert "acftu" in (await env.ask(env.user, "/latest ²"))["text"]  # not a count: an unknown source
    assert env.h.errors == []  # no handler raised (int('²') used to)
    assert not await env.services.store.list_subscriptions(env.user["id"])


async def _answered(env: ChatEnv, query_id: str) -> bool:
    return bool((await env.h.emu.callback_answer(query_id))["answered"])


async def test_next_pressed_six_times_a_second_edits_without_an_error(
    emulator: EmulatorServer, http_server: NoticeServer, tmp_path: Path
) -> None:
    # Telegram's per-chat spacing in the bot, and a server that allows one message a second per chat.
    async with chat_env(emulator, http_server, tmp_path, delivery=DeliveryConfig(user_burst=500)) as env:
        store = env.services.store
        extra = [notice(f"more{i}", title=f"关于疫情防控第{i}号补充通知") for i in range(12)]
        await store.store_notices(1, extra, now=datetime.now(UTC), deliver=False, notify_updates=False)
        await env.h.emu.set_limits(model="window", per_chat_rate=1)
        found = await env.ask(env.user, "/search 疫情")
        for _ in range(6):
            await env.h.press(env.user, found, "下一页 »")
            await asyncio.sleep(1 / 6)
        await wait_until(lambda: _edited_past_page_one(env, found), timeout=20)
        await env.h.no_reply(env.user, within=1.0)  # no error text, no new message at all
        assert env.h.errors == []


async def _edited_past_page_one(env: ChatEnv, message: dict[str, object]) -> bool:
    for m in await env.h.emu.transcript(env.user):
        if m["message_id"] == message["message_id"]:
            return "第 1/" not in str(m.get("text"))
    return False


async def test_a_user_sending_500_messages_is_throttled_quietly_and_others_are_answered(
    emulator: EmulatorServer, http_server: NoticeServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    delivery = DeliveryConfig(per_chat_interval=0.05)  # the default inbound throttle (20 at once, 1/s)
    async with chat_env(emulator, http_server, tmp_path, delivery=delivery) as env:
        flooder = await env.h.user("Flooder")
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            sem = asyncio.Semaphore(50)

            async def one(i: int) -> None:
                async with sem:
                    await env.h.emu.send_text(flooder, f"疫情 {i}")

            await asyncio.gather(*(one(i) for i in range(500)))
            loop = asyncio.get_running_loop()
            asked = loop.time()
            hello = await env.ask(env.user, "/start")
            waited = loop.time() - asked
            await asyncio.sleep(2.0)
        assert "/subscribe" in hello["text"] and waited < 5.0
        throttled = [r for r in caplog.records if "ignoring them" in r.getMessage()]
        assert len(throttled) == 1
        assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
        answered = len(await env.h.emu.transcript(flooder))
        assert 1 <= answered <= 60  # the burst and the trickle, not 500


async def test_a_chat_that_blocked_the_bot_comes_back_with_digest_and_gets_its_digest(env: ChatEnv) -> None:
    emu, store = env.h.emu, env.services.store
    await env.ask(env.user, "/subscribe acftu")
    await emu.set_fault("blocked", env.user)
    await env.publish("b1", "关于做好防汛工作的通知")
    await env.services.poller.poll_all()
    assert env.services.sender is not None
    env.services.sender.wake()
    await wait_until(lambda: _inactive(env))
    await emu.set_fault("blocked", env.user, active=False)
    await env.h.say(env.user, "/digest 08:00")
    await env.h.wait_for(
        env.user, lambda m: "08:00" in str(m.get("text")) and m.get("text") != "/digest 08:00"
    )
    record = await store.get_chat(env.user["id"])
    assert record is not None and record.active  # any command brings the chat back
    # It also gets a catch-up of the notice it missed (bot.delivery.catchup), beside the reply.
    await env.h.wait_for(
        env.user, lambda m: "/notice" in str(m.get("text")) and "关于做好防汛工作的通知" in str(m.get("text"))
    )
    await env.publish("b2", "关于做好秋季安全生产工作的通知")
    await env.services.poller.poll_all()
    assert env.services.digests is not None
    assert await env.services.digests(datetime.now(UTC) + timedelta(days=1)) == 1
    await env.h.wait_for(env.user, lambda m: "关于做好秋季安全生产工作的通知" in str(m.get("text")))


async def _inactive(env: ChatEnv) -> bool:
    record = await env.services.store.get_chat(env.user["id"])
    return record is not None and not record.active


async def test_my_chat_member_updates_deactivate_and_reactivate(env: ChatEnv) -> None:
    emu = env.h.emu
    await env.ask(env.user, "/subscribe acftu")
    await emu.set_fault("blocked", env.user, announce=True)
    await wait_until(lambda: _inactive(env))
    await emu.set_fault("blocked", env.user, active=False, announce=True)

    async def active() -> bool:
        record = await env.services.store.get_chat(env.user["id"])
        return record is not None and record.active

    await wait_until(active)
    admin = await emu.create_user("GroupAdmin")
    group = await emu.create_group("工会群", admins=[admin])
    await env.ask(admin, "/subscribe acftu", group)
    await emu.set_fault("kicked", group, announce=True)

    async def group_gone() -> bool:
        record = await env.services.store.get_chat(group["id"])
        return record is not None and not record.active

    await wait_until(group_gone)


async def test_status_shows_the_learned_rate_and_the_latest_failed_deliveries(env: ChatEnv) -> None:
    store = env.services.store
    await env.ask(env.user, "/subscribe acftu")
    await env.ask(env.user, "/digest 09:00")  # digest rows are never claimed by the sender's loop
    await env.publish("f1", "关于做好冬季供暖工作的通知")
    await env.services.poller.poll_all()
    [row] = await store.claim_digest(env.user["id"], 10)
    await store.record_results(
        [DeliveryResult(row.id, "failed", error="Rejected: message is too <long>")], datetime.now(UTC)
    )
    text = (await env.ask(env.admin, "/status"))["text"]
    assert "30.0/秒" in text  # the learned rate, at the configured rate while nothing was refused
    assert "最近发送失败" in text and "message is too <long>" in text
