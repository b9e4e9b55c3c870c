"""The sender against the emulator over real HTTP: delivery, and each error reaction of telegram.md."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.delivery.catchup import MAX_ATTEMPTS, CatchUps
from bot.delivery.sender import Sender, SenderStopped
from bot.delivery.transport import MaybeDelivered
from bot.emulator import EmulatorClient, EmulatorServer
from storage.models import DueDelivery
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


async def test_broadcast_reaches_every_subscriber_once(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, source = await new_store(tmp_path)
    try:
        chats = await private_chats(emu, 12)
        await subscribe_all(store, chats)
        await publish(store, source, notice("n1", title="关于<加强>安全生产 & 防汛的通知"))
        sender = Sender(store, messenger(emulator), FAST)
        await sender.start()
        try:
            await drain(sender)
        finally:
            await sender.stop()
        for chat_id in chats:
            texts = await texts_of(emu, chat_id)
            assert len(texts) == 1 and "关于<加强>安全生产 & 防汛的通知" in texts[0]
        counts = await store.delivery_counts()
        assert counts["sent"] == 12 and counts["pending"] == counts["sending"] == 0
        assert (await emu.counters())["rate_limited"] == 0
    finally:
        await store.close()


async def test_retry_after_pauses_and_resends_without_loss_or_duplicate(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, source = await new_store(tmp_path)
    try:
        chats = await private_chats(emu, 6)
        await subscribe_all(store, chats)
        await publish(store, source, notice("n1"))
        # Let the emulator allow only 2 messages up front, then 1 per second overall: 429s are certain.
        await emu.set_limits(global_rate=4, global_burst=2)
        sender = Sender(store, messenger(emulator), dataclasses.replace(FAST, rate=None, concurrency=4))
        await sender.start()
        try:
            await drain(sender, timeout=20)
        finally:
            await sender.stop()
        assert sender.stats.rate_limited >= 1
        for chat_id in chats:
            assert len(await texts_of(emu, chat_id)) == 1  # no loss, no duplicate
        assert (await store.get_counters())["telegram_429"] >= 1
        assert (await store.delivery_counts())["sent"] == 6
    finally:
        await store.close()


async def test_blocked_and_unknown_chats_are_deactivated_and_skipped(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, source = await new_store(tmp_path)
    try:
        ok, blocked = await private_chats(emu, 2)
        ghost = 999_999_999  # never talked to the emulator: "chat not found"
        await subscribe_all(store, [ok, blocked, ghost])
        await emu.set_fault("blocked", blocked)
        await publish(store, source, notice("n1"), notice("n2", title="第二份通知"))
        sender = Sender(store, messenger(emulator), FAST)
        await sender.start()
        try:
            await drain(sender)
        finally:
            await sender.stop()
        assert len(await texts_of(emu, ok)) == 2
        for chat_id in (blocked, ghost):
            chat = await store.get_chat(chat_id)
            assert chat is not None and not chat.active and chat.deactivated_reason
        counts = await store.delivery_counts()
        assert counts == {"pending": 0, "sending": 0, "sent": 2, "failed": 0, "skipped": 4}
        # An inactive chat gets no new outbox rows.
        await publish(store, source, notice("n3", title="第三份通知"))
        assert (await store.delivery_counts())["pending"] == 1
    finally:
        await store.close()


async def test_migrated_group_moves_subscriptions_and_resends(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, source = await new_store(tmp_path)
    try:
        admin = await emu.create_user("Admin")
        group = await emu.create_group("工会群", admins=[admin])
        await subscribe_all(store, [group["id"]], chat_type="group", include=["通知"])
        supergroup = await emu.set_fault("migrated", group)
        await publish(store, source, notice("n1"))
        sender = Sender(store, messenger(emulator), FAST)
        await sender.start()
        try:
            await drain(sender)
        finally:
            await sender.stop()
        assert len(await texts_of(emu, supergroup["id"])) == 1
        assert await store.get_chat(group["id"]) is None
        moved = await store.get_chat(supergroup["id"])
        assert moved is not None and moved.type == "supergroup" and moved.active
        subs = await store.list_subscriptions(supergroup["id"])
        assert len(subs) == 1 and subs[0].include == ("通知",)
        assert (await store.delivery_counts())["sent"] == 1
    finally:
        await store.close()


async def test_timed_out_send_is_retried_once_then_failed(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, source = await new_store(tmp_path)
    try:
        once, always = await private_chats(emu, 2)
        await subscribe_all(store, [once, always])
        # "slow" answers after doing the work: the message arrived although the client timed out.
        await emu.set_fault("slow", once, method="sendMessage", times=1, delay=1.0)
        await emu.set_fault("slow", always, method="sendMessage", delay=1.0)
        await publish(store, source, notice("n1"))
        sender = Sender(store, messenger(emulator, read_timeout=0.3), FAST)
        await sender.start()
        try:
            await drain(sender)
        finally:
            await sender.stop()
        assert len(await texts_of(emu, once)) == 2  # at-least-once: the retry duplicated it, once
        assert len(await texts_of(emu, always)) == 2  # retried once, never more
        failures = await store.recent_failures()
        assert [f.chat_id for f in failures] == [always] and "MaybeDelivered" in (
            failures[0].last_error or ""
        )
        assert (await store.delivery_counts())["sent"] == 1
    finally:
        await store.close()


async def test_server_errors_back_off_then_fail_with_the_error(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, source = await new_store(tmp_path)
    try:
        flaky, dead = await private_chats(emu, 2)
        await subscribe_all(store, [flaky, dead])
        await emu.set_fault("server_error", flaky, method="sendMessage", times=2, status=502)
        await emu.set_fault("server_error", dead, method="sendMessage", status=500)
        await publish(store, source, notice("n1"))
        settings = dataclasses.replace(FAST, max_attempts=3)
        sender = Sender(store, messenger(emulator), settings)
        await sender.start()
        try:
            await drain(sender)
        finally:
            await sender.stop()
        assert len(await texts_of(emu, flaky)) == 1
        assert await texts_of(emu, dead) == []
        [failure] = await store.recent_failures()
        assert failure.chat_id == dead and failure.attempts == 3 and "Transient" in (failure.last_error or "")
    finally:
        await store.close()


async def test_unparseable_html_is_resent_as_plain_text(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, _ = await new_store(tmp_path)
    try:
        [chat] = await private_chats(emu, 1)
        await subscribe_all(store, [chat])
        sender = Sender(store, messenger(emulator), FAST)
        # A rendering bug: a raw tag Telegram does not know (render escapes everything, so fake the bug).
        broken = '<b>标题</b> <blink>x</blink> 见 <a href="https://www.example.gov.cn/n1.html">原文</a>'
        await sender.start()
        try:
            message_id = await sender.transmit(chat, False, broken)
        finally:
            await sender.stop()
        assert message_id > 0 and sender.stats.plain_text == 1
        [text] = await texts_of(emu, chat)
        assert "<blink>" not in text and "https://www.example.gov.cn/n1.html" in text
        assert (await store.get_counters())["plain_text_resends"] == 1
    finally:
        await store.close()


async def test_stop_is_prompt_and_leaves_the_rest_pending(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, source = await new_store(tmp_path)
    try:
        chats = await private_chats(emu, 40)
        await subscribe_all(store, chats)
        await publish(store, source, notice("n1"))
        sender = Sender(store, messenger(emulator), dataclasses.replace(FAST, rate=10.0))
        await sender.start()
        await asyncio.sleep(0.5)
        started = time.perf_counter()
        await sender.stop()
        assert time.perf_counter() - started < 3.0
        counts = await store.delivery_counts()
        assert counts["sending"] == 0 and counts["pending"] > 0 and counts["sent"] + counts["pending"] == 40
        # A new sender picks up exactly the rest.
        sender = Sender(store, messenger(emulator), dataclasses.replace(FAST, rate=None))
        await sender.start()
        try:
            await drain(sender)
        finally:
            await sender.stop()
        for chat_id in chats:
            assert len(await texts_of(emu, chat_id)) == 1
    finally:
        await store.close()


async def test_an_unexpected_error_puts_the_row_back_and_it_arrives_once(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, source = await new_store(tmp_path)
    try:
        unlucky, other = await private_chats(emu, 2)
        await subscribe_all(store, [unlucky, other])
        await publish(store, source, notice("n1"))
        sender = Sender(store, messenger(emulator), FAST)
        real, failed = sender.texts.for_delivery, []

        async def buggy(row: DueDelivery) -> str | None:  # a rendering bug that hits one chat's row once
            if row.chat_id == unlucky and not failed:
                failed.append(row.id)
                raise RuntimeError("bug while rendering")
            return await real(row)

        monkeypatch.setattr(sender.texts, "for_delivery", buggy)
        await sender.start()
        try:
            await drain(sender)  # before: the row stayed 'sending' until a restart
        finally:
            await sender.stop()
        assert failed
        assert len(await texts_of(emu, unlucky)) == 1 and len(await texts_of(emu, other)) == 1
        counts = await store.delivery_counts()
        assert counts["sent"] == 2 and counts["sending"] == counts["failed"] == 0
    finally:
        await store.close()


async def test_once_stop_began_no_send_starts_and_a_waiting_one_is_told(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, source = await new_store(tmp_path)
    try:
        busy, other, away = await private_chats(emu, 3)
        await subscribe_all(store, [away])
        await store.deactivate_chat(away, "kicked")
        await asyncio.sleep(0.01)
        missed = notice("n1", title="关于调整假期安排的通知")  # while the chat was away
        await store.store_notices(
            source.id, [missed], now=datetime.now(UTC), deliver=True, notify_updates=False
        )
        await asyncio.sleep(0.01)
        await store.upsert_chat(away, "private")  # back: a catch-up is due
        sender = Sender(store, messenger(emulator), dataclasses.replace(FAST, per_chat_interval=30.0))
        catchups = CatchUps(sender)
        await sender.start()
        try:
            await sender.transmit(busy, False, "first")
            waiting = asyncio.create_task(sender.transmit(busy, False, "second"))  # the chat's interval
            await asyncio.sleep(0.2)
            assert not waiting.done()
            stopping = asyncio.create_task(sender.stop())
            await asyncio.sleep(0)  # stop began
            late = asyncio.create_task(sender.transmit(other, False, "late"))  # e.g. from the periodic step
            for task in (waiting, late):
                with pytest.raises(SenderStopped):
                    await task
            await stopping
            # A catch-up that asks for a turn now is not sent, nor counted as a failed send (MAX_ATTEMPTS
            # of those drop it): however often, it stays due.
            for _ in range(MAX_ATTEMPTS):
                [due] = await store.claim_catchups(10)
                assert due.chat_id == away and await catchups.send(due, datetime.now(UTC)) == 0
            assert await texts_of(emu, busy) == ["first"] and await texts_of(emu, other) == []
            # Started again, it sends again.
            await sender.start()
            assert await catchups(datetime.now(UTC)) == 1
        finally:
            await sender.stop()
        [text] = await texts_of(emu, away)
        assert "关于调整假期安排的通知" in text
    finally:
        await store.close()


async def test_a_resend_after_a_timeout_that_stop_refuses_stays_may_have_arrived(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    """Refused as merely "stopped", the caller would put the row back untried and the restart would send it
    twice more; refused as "may have arrived", it is marked doubtful like any resend that timed out."""
    store, _ = await new_store(tmp_path)
    try:
        [chat] = await private_chats(emu, 1)
        await emu.set_fault("slow", chat, method="sendMessage", times=1, delay=1.0)  # arrives, answer late
        config = dataclasses.replace(FAST, per_chat_interval=30.0)  # the resend waits for the chat's turn
        sender = Sender(store, messenger(emulator, read_timeout=0.3), config)
        await sender.start()
        try:
            sending = asyncio.create_task(sender.transmit(chat, False, "通知"))
            deadline = time.monotonic() + 10
            while not await texts_of(emu, chat):  # the first copy arrived (the answer comes a second later)
                assert time.monotonic() < deadline
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.6)  # past the client's 0.3 s: the first attempt timed out
            assert not sending.done()  # the one resend, waiting for its turn
            await sender.stop()
            with pytest.raises(MaybeDelivered):
                await sending
        finally:
            await sender.stop()
        assert await texts_of(emu, chat) == ["通知"]
    finally:
        await store.close()
