"""Catch-ups through the real Sender over the Bot API emulator: a group that moves while its catch-up goes out,
failed sends retried MAX_ATTEMPTS times then dropped, claims released on stop and at start, the count capped."""

from __future__ import annotations

import asyncio
import signal
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.delivery import catchup as catchup_module
from bot.delivery.catchup import CAP, MAX_ATTEMPTS, CatchUps, collect, render_catchup
from bot.delivery.sender import Sender
from bot.emulator import EmulatorClient, EmulatorServer
from storage import Store
from storage.models import Source
from tests.delivery_world import FAST, messenger, new_store, notice, texts_of
from tests.harness import TEST_TOKEN

ROOT = Path(__file__).resolve().parent.parent


async def _away_then_back(
    store: Store, source: Source, chat_id: int, chat_type: str, titles: list[str]
) -> None:
    await store.upsert_chat(chat_id, chat_type)  # type: ignore[arg-type]
    await store.subscribe(chat_id, source.id)
    await store.deactivate_chat(chat_id, "kicked")
    await asyncio.sleep(0.01)
    now = datetime.now(UTC)
    items = [notice(f"k{i}", title=title) for i, title in enumerate(titles)]
    await store.store_notices(source.id, items, now=now, deliver=True, notify_updates=False)
    await asyncio.sleep(0.01)
    await store.upsert_chat(chat_id, chat_type)  # type: ignore[arg-type]


async def _standalone_sender(
    tmp_path: Path, emulator: EmulatorServer, *args: str
) -> asyncio.subprocess.Process:
    """`python -m bot.delivery.run` on the test's SQLite file, sending to the emulator."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.delivery.run",
        "--db",
        str(tmp_path / "noticebot.sqlite3"),
        "--base-url",
        emulator.base_url,
        "--token",
        TEST_TOKEN,
        "--no-proxy-env",
        *args,
        cwd=ROOT,
        stdout=asyncio.subprocess.DEVNULL,
    )


async def test_a_group_that_moves_while_its_catchup_goes_out_gets_it_once(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, source = await new_store(tmp_path)
    try:
        admin = await emu.create_user("Admin")
        group = await emu.create_group("工会群", admins=[admin])
        await _away_then_back(store, source, group["id"], "group", ["关于调整假期安排的通知"])
        supergroup = await emu.set_fault("migrated", group)
        sender = Sender(store, messenger(emulator), FAST)
        await sender.messenger.initialize()
        try:
            catchups = CatchUps(sender)
            assert await catchups() == 1
            assert await catchups() == 0
            assert await store.recover_catchups() == 0  # the moved chat's claim was released, told
            assert await catchups() == 0
        finally:
            await sender.messenger.shutdown()
        [text] = await texts_of(emu, supergroup["id"])
        assert "关于调整假期安排的通知" in text
    finally:
        await store.close()


async def test_failed_sends_are_retried_then_dropped_and_claims_never_stay(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, source = await new_store(tmp_path)
    try:
        [chat] = await emu.create_private_chats(1)
        await _away_then_back(store, source, chat, "private", ["关于调整假期安排的通知"])
        sender = Sender(store, messenger(emulator), FAST)
        await sender.messenger.initialize()
        catchups = CatchUps(sender)
        try:
            # A send cancelled mid-way (Sender.stop cancels the periodic step): the claim is released.
            await emu.set_fault("slow", chat, method="sendMessage", times=1, delay=3.0)
            step = asyncio.create_task(catchups())
            await asyncio.sleep(0.5)
            step.cancel()
            with pytest.raises(asyncio.CancelledError):
                await step
            assert await store.recover_catchups() == 0
            # 502 every time: it stays due after each failure, and is dropped at the MAX_ATTEMPTS-th.
            await emu.set_fault("server_error", chat, method="sendMessage", status=502)
            for _ in range(MAX_ATTEMPTS - 1):
                assert await catchups() == 0
                [due] = await store.claim_catchups(10)
                await store.finish_catchup(due.chat_id, due.until, done=False)
            assert await catchups() == 0
            assert await store.claim_catchups(10) == []  # dropped
        finally:
            await sender.messenger.shutdown()
        assert (
            len(await texts_of(emu, chat)) <= 1
        )  # only the cancelled one may have arrived (the emulator ends it)
    finally:
        await store.close()


async def test_sender_start_releases_claims_left_by_a_previous_run(
    tmp_path: Path, emulator: EmulatorServer
) -> None:
    store, source = await new_store(tmp_path)
    try:
        await _away_then_back(store, source, 7, "private", ["关于调整假期安排的通知"])
        assert len(await store.claim_catchups(10)) == 1  # a run that died while sending it
        sender = Sender(store, messenger(emulator), FAST)
        await sender.start()
        try:
            assert [d.chat_id for d in await store.claim_catchups(10)] == [7]
        finally:
            await sender.stop()
    finally:
        await store.close()


async def test_the_count_is_capped_and_said_so(
    tmp_path: Path, emulator: EmulatorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, source = await new_store(tmp_path)
    try:
        await _away_then_back(
            store, source, 7, "private", [f"第{i}号关于假期的通知" for i in range(CAP + 20)]
        )
        [due] = await store.claim_catchups(10)
        since = due.since - timedelta(seconds=1)
        subs = await store.list_subscriptions(7)
        ids, total = await collect(store, due, since, subs)
        assert total == CAP + 1 and len(ids) == catchup_module.SHOWN
        # With a keyword filter, in small chunks: the same cap, the same newest notices.
        await store.set_keywords(7, source.id, ["假期"], [])
        monkeypatch.setattr(catchup_module, "CHUNK", 30)
        assert await collect(store, due, since, await store.list_subscriptions(7)) == (ids, CAP + 1)
        notices = [n for n in [await store.get_notice(i) for i in ids] if n is not None]
        text = render_catchup(notices, total, "en", "2026-11-01")
        assert f"more than {CAP} notices matched" in text and text.endswith("…and more")
        assert "有超过 200 条通知" in render_catchup(notices, total, "zh", "2026-11-01")
    finally:
        await store.close()


async def test_the_standalone_sender_bounds_a_catchup_by_the_configured_retention(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    # `python -m bot.delivery.run --config`: a chat away for ten days, retention two days: only the notice
    # of the last two days is listed (the default window, 30 days, would list both).
    store, source = await new_store(tmp_path)
    try:
        [chat] = await emu.create_private_chats(1)
        await store.upsert_chat(chat, "private")
        await store.subscribe(chat, source.id)
        now = datetime.now(UTC)
        await store.deactivate_chat(chat, "kicked", now=now - timedelta(days=10))
        for key, title, age in (("old", "关于五天前事项的通知", 5), ("new", "关于昨天事项的通知", 1)):
            seen = now - timedelta(days=age)
            await store.store_notices(
                source.id, [notice(key, title=title)], now=seen, deliver=True, notify_updates=False
            )
        await store.upsert_chat(chat, "private")
    finally:
        await store.close()
    config = tmp_path / "config.toml"
    config.write_text('[delivery]\nretention = "2d"\n', encoding="utf-8")
    proc = await _standalone_sender(tmp_path, emulator, "--config", str(config))
    try:
        for _ in range(600):  # up to 60 s on a loaded machine; the first periodic step runs at start
            if (texts := await texts_of(emu, chat)) or proc.returncode is not None:
                break
            await asyncio.sleep(0.1)
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 30) == 0
    [text] = texts
    assert "关于昨天事项的通知" in text and "关于五天前事项的通知" not in text
    # "Since" the window's start, not the day it went away: the process's clock, read after this test's
    # and before now, may be past midnight in Shanghai when this test's was not.
    starts = {
        (moment - timedelta(days=2)).astimezone(ZoneInfo("Asia/Shanghai")).date().isoformat()
        for moment in (now, datetime.now(UTC))
    }
    assert any(f"({start}" in text or f"自 {start} 起" in text for start in starts), (starts, text)


async def test_the_standalone_sender_until_idle_sends_the_due_catchups_before_it_exits(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    # `--until-idle` with an empty outbox: the periodic step (catch-ups, digests, reminders) still runs to
    # its end and its sends go out before the process exits. Eight chats come back at 2 messages/s: their
    # catch-ups take 3.5 s, longer than the sender's stop lets a step finish (3 s, the least this test can
    # cost); an exit that only looked at the outbox stopped the sender as the step began (0.06 s after the
    # start), and the last catch-ups never went out.
    store, source = await new_store(tmp_path)
    try:
        chats = await emu.create_private_chats(8)
        for chat in chats:
            await store.upsert_chat(chat, "private")
            await store.subscribe(chat, source.id)
            await store.deactivate_chat(chat, "kicked")
        await asyncio.sleep(0.01)
        title = "关于调整假期安排的通知"
        await store.store_notices(
            source.id, [notice("k", title=title)], now=datetime.now(UTC), deliver=True, notify_updates=False
        )
        await asyncio.sleep(0.01)
        for chat in chats:
            await store.upsert_chat(chat, "private")
    finally:
        await store.close()
    proc = await _standalone_sender(tmp_path, emulator, "--until-idle", "--rate", "2")
    try:
        assert await asyncio.wait_for(proc.wait(), 60) == 0
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    got = {chat: await texts_of(emu, chat) for chat in chats}
    assert all(len(texts) == 1 and title in texts[0] for texts in got.values()), got
