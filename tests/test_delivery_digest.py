"""Digest mode: one message at the chat's local HH:MM with the notices since the last digest."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.delivery import digest as digest_module
from bot.delivery.digest import Digests, digest_due
from bot.delivery.sender import Sender
from bot.emulator import EmulatorClient, EmulatorServer
from bot.render import DigestPart
from storage import Store
from storage.models import DeliveryResult
from tests.delivery_world import (
    FAST,
    fails_once,
    messenger,
    new_store,
    notice,
    private_chats,
    publish,
    texts_of,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_digest_due_in_the_chat_zone() -> None:
    since = datetime(2026, 11, 1, 23, 0, tzinfo=UTC)  # 07:00 on the 2nd in Shanghai
    at = datetime(2026, 11, 2, 0, 30, tzinfo=UTC)  # 08:30 in Shanghai
    assert digest_due(("08:30",), SHANGHAI, since, at)
    assert not digest_due(("08:30",), SHANGHAI, since, at - timedelta(minutes=1))
    assert not digest_due(("08:30",), SHANGHAI, at, at + timedelta(hours=23))  # already sent today
    assert digest_due(("08:30",), SHANGHAI, at, at + timedelta(days=1))
    assert digest_due(("08:30", "20:00"), SHANGHAI, at, at + timedelta(hours=12))
    assert not digest_due(("08:30",), ZoneInfo("Europe/Berlin"), since, at)


def next_eight() -> datetime:
    """The first 08:00 in Shanghai a few minutes from now (subscriptions are stamped with the real time)."""
    local_now = datetime.now(SHANGHAI)
    eight = local_now.replace(hour=8, minute=0, second=0, microsecond=0)
    return eight + timedelta(days=1) if eight <= local_now + timedelta(minutes=2) else eight


async def test_digest_goes_out_once_at_the_local_time(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, source = await new_store(tmp_path)
    digest_chat, instant_chat = await private_chats(emu, 2)
    await store.upsert_chat(digest_chat, "private", language="en")
    await store.subscribe(digest_chat, None, mode="digest", digest_at="08:00")
    await store.upsert_chat(instant_chat, "private")
    await store.subscribe(instant_chat, None)
    await publish(store, source, notice("a", title="第一份 <通知>"), notice("b", title="第二份通知"))
    sender = Sender(store, messenger(emulator), FAST)  # not started: no instant sending in this test
    await sender.messenger.initialize()
    digests = Digests(sender)
    # The first 08:00 in Shanghai after the subscription, whatever the time of day the suite runs at:
    # an 08:00 between the subscription and the first check would make the digest due early.
    eight = next_eight()
    try:
        assert await digests(eight - timedelta(minutes=1)) == 0
        assert await texts_of(emu, digest_chat) == []
        assert await digests(eight + timedelta(seconds=30)) == 1
        assert await digests(eight + timedelta(minutes=5)) == 0  # once a day
        [text] = await texts_of(emu, digest_chat)
        assert "Daily digest" in text and "2 notices" in text
        assert "第一份 <通知>" in text and "第二份通知" in text
        counts = await store.delivery_counts()
        assert counts["sent"] == 2 and counts["pending"] == 2  # the instant chat's rows are untouched
        # The next day with nothing new: no message, but the digest clock moves on.
        assert await digests(eight + timedelta(days=1, minutes=1)) == 0
        assert len(await texts_of(emu, digest_chat)) == 1
        await publish(store, source, notice("c", title="第三份通知"))
        assert await digests(eight + timedelta(days=2, minutes=1)) == 1
        texts = await texts_of(emu, digest_chat)
        assert len(texts) == 2 and "第三份通知" in texts[1] and "第一份" not in texts[1]
    finally:
        await sender.messenger.shutdown()
        await store.close()


async def _twenty_notice_digest(target: Path | str, emu: EmulatorClient) -> tuple[Store, int]:
    """A digest chat with 20 notices waiting: about 280 characters each, they take two messages or more."""
    store, source = await new_store(target)
    [chat] = await private_chats(emu, 1)
    await store.upsert_chat(chat, "private", language="en")
    await store.subscribe(chat, None, mode="digest", digest_at="08:00")
    title, text = "关于加强安全生产工作的实施意见" * 10, "各单位要认真组织，切实做好安全生产工作。" * 10
    await publish(
        store, source, *(notice(f"n{i}", title=f"第{i:02d}号{title}", text=text) for i in range(20))
    )
    return store, chat


async def _paced_digests(store: Store, emulator: EmulatorServer) -> tuple[Sender, Digests]:
    """A sender to the emulator pacing a chat's messages 0.05 s apart, its messenger up, and its Digests."""
    sender = Sender(store, messenger(emulator), dataclasses.replace(FAST, per_chat_interval=0.05))
    await sender.messenger.initialize()
    return sender, Digests(sender)


async def test_a_digest_whose_second_message_fails_resends_only_what_is_missing(
    store_target: Path | str, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, chat = await _twenty_notice_digest(store_target, emu)
    # Three messages to one chat fit the emulator's per-chat burst: no need to wait a second between them.
    sender, digests = await _paced_digests(store, emulator)
    eight = next_eight()
    try:
        # The first message arrives, the second meets a 502 once: the digest is not whole, so it stays due.
        await emu.set_fault("server_error", chat, method="sendMessage", skip=1, times=1, status=502)
        assert await digests(eight + timedelta(seconds=30)) == 0
        first = await texts_of(emu, chat)
        assert len(first) == 1 and "Daily digest" in first[0]
        carried = sum(f"第{i:02d}号" in first[0] for i in range(20))
        assert 0 < carried < 20
        assert (await store.delivery_counts())["sent"] == carried  # recorded as it arrived
        # The next check sends the rest, not the first message again.
        assert await digests(eight + timedelta(minutes=1)) == 1
        texts = await texts_of(emu, chat)
        assert len(texts) >= 2 and texts[0] == first[0]
        assert all(sum(text.count(f"第{i:02d}号") for text in texts) == 1 for i in range(20))
        assert (await store.delivery_counts())["sent"] == 20
        assert await digests(eight + timedelta(minutes=5)) == 0  # and then it is done for the day
        assert len(await texts_of(emu, chat)) == len(texts)
    finally:
        await sender.messenger.shutdown()
        await store.close()


async def test_a_digest_that_fails_unexpectedly_stays_due_and_goes_out_once(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, source = await new_store(tmp_path)
    [chat] = await private_chats(emu, 1)
    await store.upsert_chat(chat, "private", language="en")
    await store.subscribe(chat, None, mode="digest", digest_at="08:00")
    await publish(store, source, notice("a", title="第一份通知"), notice("b", title="第二份通知"))
    sender = Sender(store, messenger(emulator), FAST)
    await sender.messenger.initialize()
    digests = Digests(sender)
    eight = next_eight()
    calls: list[int] = []  # a rendering bug that hits the first try only
    monkeypatch.setattr(
        digest_module, "render_digest_parts", fails_once(digest_module.render_digest_parts, calls)
    )
    try:
        assert await digests(eight + timedelta(seconds=30)) == 0
        counts = await store.delivery_counts()
        assert counts["sending"] == 0 and counts["pending"] == 2  # put back, not left claimed
        assert await digests(eight + timedelta(minutes=1)) == 1
        [text] = await texts_of(emu, chat)
        assert "第一份通知" in text and "第二份通知" in text
        assert (await store.delivery_counts())["sent"] == 2
    finally:
        await sender.messenger.shutdown()
        await store.close()


async def test_a_digest_part_that_times_out_twice_fails_instead_of_going_a_third_time(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, chat = await _twenty_notice_digest(tmp_path, emu)
    sender = Sender(
        store, messenger(emulator, read_timeout=0.3), dataclasses.replace(FAST, per_chat_interval=0.05)
    )
    await sender.messenger.initialize()
    digests = Digests(sender)
    eight = next_eight()
    try:
        # The second message arrives but its answer comes too late, twice (the send and its one resend).
        await emu.set_fault("slow", chat, method="sendMessage", skip=1, times=2, delay=1.0)
        assert await digests(eight + timedelta(seconds=30)) == 0
        await asyncio.sleep(1.5)  # let the slow answers land in the transcript
        texts = await texts_of(emu, chat)
        assert len(texts) == 3 and texts[1] == texts[2]  # the first part, then the second one twice
        doubtful = sum(f"第{i:02d}号" in texts[1] for i in range(20))
        assert doubtful > 0
        counts = await store.delivery_counts()
        assert counts["failed"] == doubtful and counts["sending"] == 0
        # The next check sends what was never tried, and never the doubtful part a third time.
        await digests(eight + timedelta(minutes=1))
        texts = await texts_of(emu, chat)
        assert all(sum(t.count(f"第{i:02d}号") for t in texts) >= 1 for i in range(20))
        assert sum(t == texts[1] for t in texts) == 2
        assert (await store.delivery_counts())["sent"] == 20 - doubtful
    finally:
        await sender.messenger.shutdown()
        await store.close()


async def test_a_part_whose_record_fails_after_it_arrived_is_not_sent_again(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, chat = await _twenty_notice_digest(tmp_path, emu)
    sender, digests = await _paced_digests(store, emulator)
    eight = next_eight()
    real, failed = store.record_results, []

    async def flaky(results: Sequence[DeliveryResult], now: datetime) -> None:  # the disk hiccups once
        if not failed and any(r.state == "sent" for r in results):
            failed.append(len(results))
            raise OSError("disk I/O error")
        await real(results, now)

    monkeypatch.setattr(store, "record_results", flaky)
    try:
        assert await digests(eight + timedelta(seconds=30)) == 0
        [first] = await texts_of(emu, chat)
        carried = failed[0]
        # Its rows stay claimed (a restart puts them back: at most one repeat), never retried at once.
        assert (await store.delivery_counts())["sending"] == carried
        await digests(eight + timedelta(minutes=1))
        texts = await texts_of(emu, chat)
        assert texts[0] == first and first not in texts[1:]
        assert (await store.delivery_counts())["sent"] == 20 - carried
    finally:
        await sender.messenger.shutdown()
        await store.close()


async def test_a_digest_part_that_keeps_failing_uses_up_its_attempts_instead_of_going_at_every_check(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    store, chat = await _twenty_notice_digest(tmp_path, emu)
    sender, digests = await _paced_digests(store, emulator)
    eight = next_eight()
    try:
        # The first message arrives; every later one meets a 502 until the fault is cleared.
        await emu.set_fault("server_error", chat, method="sendMessage", skip=1, status=502)
        for check in range(sender.settings.max_attempts):  # each check tries the failing part once more
            counts = await store.delivery_counts()
            assert counts["failed"] == 0, f"failed for good after {check} checks"
            assert await digests(eight + timedelta(seconds=30 + check)) == 0
        counts = await store.delivery_counts()
        stuck = counts["failed"]  # the part that kept failing: given up, not retried at every check
        assert stuck > 0 and counts["sent"] + stuck + counts["pending"] == 20
        await emu.clear_faults()
        await digests(eight + timedelta(minutes=10))  # any part after it kept its budget, and goes out now
        counts = await store.delivery_counts()
        assert counts["failed"] == stuck and counts["sent"] == 20 - stuck and counts["pending"] == 0
    finally:
        await sender.messenger.shutdown()
        await store.close()


async def test_a_digest_part_telegram_cannot_parse_goes_out_once_as_plain_text(
    tmp_path: Path, emulator: EmulatorServer, emu: EmulatorClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A part Telegram "can't parse" never goes back untried: Sender.transmit resends it as plain text at once
    (a plain text refused too is Rejected, which uses up the part's attempts), so it is neither retried at every
    check nor lost."""
    real = digest_module.render_digest_parts

    def second_part_broken(*args: Any, **kwargs: Any) -> list[DigestPart]:
        parts = list(real(*args, **kwargs))
        return [parts[0], parts[1]._replace(text=parts[1].text + "<blink>"), *parts[2:]]  # a rendering bug

    monkeypatch.setattr(digest_module, "render_digest_parts", second_part_broken)
    store, chat = await _twenty_notice_digest(tmp_path, emu)
    sender, digests = await _paced_digests(store, emulator)
    eight = next_eight()
    try:
        assert await digests(eight + timedelta(seconds=30)) == 1
        texts = await texts_of(emu, chat)
        assert len(texts) >= 2 and "<blink>" not in texts[1] and sender.stats.plain_text == 1
        assert all(sum(text.count(f"第{i:02d}号") for text in texts) == 1 for i in range(20))
        assert (await store.delivery_counts())["sent"] == 20
        assert await digests(eight + timedelta(minutes=1)) == 0  # nothing put back to go again
        assert len(await texts_of(emu, chat)) == len(texts)
    finally:
        await sender.messenger.shutdown()
        await store.close()
