"""Deadline reminders and quiet hours end to end: real PTB over HTTP, the emulator, a real feed and SQLite,
with the bot's wall clock moved by the test (never slept).

Dates are relative to a day in the near future: the poller stamps new deliveries with the real time, so
the test's clock must never run behind it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from email.utils import format_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.emulator import EmulatorServer
from tests.harness import ReplyTimeout
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401
from tests.timed_env import TimedEnv, buttons, timed_env

DAY0 = (datetime.now(UTC) + timedelta(days=2)).replace(hour=0, minute=0, second=0, microsecond=0)
START = DAY0 + timedelta(hours=2)  # 10:00 in Shanghai
PUB = format_datetime(DAY0 + timedelta(hours=1))
DEADLINE = DAY0.date() + timedelta(days=5)
DEADLINE_BODY = (
    f"《通知》要求，各用人单位务必于{DEADLINE.year}年{DEADLINE.month}月{DEADLINE.day}日前完成工资支付自查，"
    "并报送自查报告。"
)


def at(days: int, hours: int, minutes: int = 0, seconds: int = 0) -> datetime:
    """DAY0 (00:00 UTC) plus an offset."""
    return DAY0 + timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


def nine(day: date, zone: str) -> datetime:
    """09:00 of day in zone, as UTC."""
    return datetime.combine(day, time(9), ZoneInfo(zone)).astimezone(UTC)


@pytest.fixture
async def env(emulator: EmulatorServer, http_server: NoticeServer, tmp_path: Path) -> AsyncIterator[TimedEnv]:
    async with timed_env(emulator, http_server, tmp_path, START) as e:
        yield e


async def test_reminders_arrive_once_at_nine_local_in_two_zones_and_survive_a_restart(env: TimedEnv) -> None:
    h = env.harness
    wang = await env.subscriber("Wang", "zh")  # Asia/Shanghai, the default zone
    ann = await env.subscriber("Ann", "en", tz="America/New_York")
    await env.publish("d1", "关于开展工资支付自查的通知", PUB, DEADLINE_BODY)
    push_wang = await h.reply(wang, timeout=10)
    push_ann = await h.reply(ann, timeout=10)
    assert DEADLINE.isoformat() in push_wang["text"]
    assert buttons(push_wang) == ["⏰ 提醒我"] and buttons(push_ann) == ["⏰ Remind me"]

    three, one = DEADLINE - timedelta(days=3), DEADLINE - timedelta(days=1)
    await h.press(wang, push_wang, "⏰ 提醒我")
    set_wang = await h.reply(wang)
    assert "2 条提醒" in set_wang["text"] and f"{three} 09:00" in set_wang["text"]
    assert f"{one} 09:00" in set_wang["text"]
    await h.press(ann, push_ann, "⏰ Remind me")
    assert "2 reminders" in (await h.reply(ann))["text"]
    listed = await env.ask(ann, "/reminders")  # 3 and 1 days before, 09:00 in New York
    assert f"{three} 09:00" in listed["text"] and f"{one} 09:00" in listed["text"]
    assert buttons(listed) == ["Cancel 1", "Cancel 2"]

    # Restart between scheduling and sending: nothing is lost.
    await env.stop()
    await env.start()
    h = env.harness
    assert len(await env.services.store.list_reminders(wang["id"])) == 2

    # 09:00 comes 12-13 hours earlier in Shanghai than in New York.
    await env.at(nine(three, "Asia/Shanghai") - timedelta(minutes=1))
    await env.nothing_for(wang)
    await env.at(nine(three, "Asia/Shanghai") + timedelta(seconds=30))
    first_wang = await h.reply(wang, timeout=10)
    assert f"截止提醒：{DEADLINE}（还有 3 天）" in first_wang["text"]
    assert "各用人单位务必于" in first_wang["text"] and "/notice" in first_wang["text"]
    assert "关于开展工资支付自查的通知" in first_wang["text"] and buttons(first_wang) == ["✅ 已完成"]
    await env.nothing_for(ann, within=0.3)
    await env.at(nine(three, "Asia/Shanghai") + timedelta(minutes=5))
    await env.nothing_for(wang)  # once

    await env.at(nine(three, "America/New_York") - timedelta(minutes=1))
    await env.nothing_for(ann)
    await env.at(nine(three, "America/New_York") + timedelta(seconds=30))
    first_ann = await h.reply(ann, timeout=10)
    assert f"Deadline reminder: {DEADLINE} (3 days left)" in first_ann["text"]
    assert buttons(first_ann) == ["✅ Done"]

    # "Done" cancels the rest for that notice: Wang gets no second reminder, Ann does.
    await h.press(wang, first_wang, "✅ 已完成")
    assert "1 条后续提醒" in (await h.reply(wang))["text"]
    await env.at(nine(one, "Asia/Shanghai") + timedelta(seconds=30))
    await env.nothing_for(wang)
    await env.at(nine(one, "America/New_York") + timedelta(seconds=30))
    second_ann = await h.reply(ann, timeout=10)
    assert f"Deadline reminder: {DEADLINE} (1 day left)" in second_ann["text"]
    await env.nothing_for(ann, within=0.3)
    assert await env.services.store.list_reminders(ann["id"]) == []


async def test_remind_command_changes_lead_times_and_stop_deletes_them(env: TimedEnv) -> None:
    wang = await env.subscriber("Wang", "zh")
    await env.publish("d2", "关于报送材料的通知", PUB, DEADLINE_BODY)
    push = await env.harness.reply(wang, timeout=10)
    notice_id = int(push["reply_markup"]["inline_keyboard"][0][0]["callback_data"].removeprefix("rm:"))
    changed = await env.ask(wang, f"/remind {notice_id} 4d 2d 0d")
    assert "3 条提醒" in changed["text"] and f"{DEADLINE - timedelta(days=4)} 09:00" in changed["text"]
    assert f"{DEADLINE} 09:00" in changed["text"]
    assert "用法" in (await env.ask(wang, f"/remind {notice_id} soon"))["text"]
    assert "用法" in (await env.ask(wang, "/remind ²"))["text"]  # a digit int() does not take
    assert len(await env.services.store.list_reminders(wang["id"])) == 3
    # A reminder due in quiet hours waits for their end, too.
    await env.ask(wang, "/quiet 08:00-10:00")
    first = DEADLINE - timedelta(days=4)
    await env.at(nine(first, "Asia/Shanghai") + timedelta(seconds=30))
    await env.nothing_for(wang)
    await env.at(nine(first, "Asia/Shanghai") + timedelta(hours=1, seconds=30))
    assert "还有 4 天" in (await env.harness.reply(wang, timeout=10))["text"]
    assert len(await env.services.store.list_reminders(wang["id"])) == 2
    await env.ask(wang, "/stop")
    assert await env.services.store.list_reminders(wang["id"]) == []


async def test_quiet_hours_hold_pushes_until_the_window_ends(env: TimedEnv) -> None:
    h = env.harness
    wang = await env.subscriber("Wang", "zh")
    assert "22:00-07:30" in (await env.ask(wang, "/quiet 22:00-07:30"))["text"]
    assert "免打扰：22:00-07:30" in (await env.ask(wang, "/mysubs"))["text"]
    assert "用法" in (await env.ask(wang, "/quiet 25:00-07:00"))["text"]

    # 23:00 in Shanghai: the push is held ...
    await env.at(at(0, 15))
    await env.publish("q1", "关于夜间发布的第一份通知", PUB, "各单位要认真做好值班工作。")
    await env.nothing_for(wang)
    # ... and arrives at 07:30 local, as the notice itself.
    await env.at(at(0, 23, 29))
    await env.nothing_for(wang)
    await env.at(at(0, 23, 30, 20))
    single = await h.reply(wang, timeout=10)
    assert "关于夜间发布的第一份通知" in single["text"] and "认真做好值班工作" in single["text"]

    # Three pushes in the next night's window arrive as one message.
    for n, minute in enumerate((0, 10, 20)):
        await env.at(at(1, 15, minute))
        await env.publish(f"q{n + 2}", f"关于夜间发布的第{n + 2}份通知", PUB, "各单位要加强安全检查。")
    await env.nothing_for(wang)
    await env.at(at(1, 23, 31))
    digest = await h.reply(wang, timeout=10)
    assert "免打扰时段内的 3 条新通知" in digest["text"]
    assert all(f"第{n}份通知" in digest["text"] for n in (2, 3, 4))
    await env.nothing_for(wang)

    assert "已关闭" in (await env.ask(wang, "/quiet off"))["text"]
    await env.at(at(2, 15))
    await env.publish("q5", "关于夜间发布的第五份通知", PUB, "各单位要加强安全检查。")
    assert "第五份通知" in (await h.reply(wang, timeout=10))["text"]


async def test_yearless_deadline_gets_the_button_and_a_vague_one_does_not(env: TimedEnv) -> None:
    # The year rule itself (2025-03-10 -> 2025-03-31, 2025-04-02 -> 2026-03-31) is in test_reminders.py.
    wang = await env.subscriber("Wang", "zh")
    day = DAY0.date() + timedelta(days=10)
    body = f"《通知》要求，各单位务必于{day.month}月{day.day}日前报送统计材料。"
    await env.publish("y1", "关于报送统计材料的通知", PUB, body)
    dated = await env.harness.reply(wang, timeout=10)
    assert day.isoformat() in dated["text"] and buttons(dated) == ["⏰ 提醒我"]
    vague = "《通知》要求，各单位务必于本月底前报送统计材料。"
    await env.publish("y2", "关于月底报送材料的通知", PUB, vague)
    undated = await env.harness.reply(wang, timeout=10)
    assert "关于月底报送材料的通知" in undated["text"] and buttons(undated) == []
    assert "没有可提醒的截止日期" in (await env.ask(wang, "/remind 3"))["text"]


async def test_reminders_keep_their_local_time_when_the_chat_changes_zone(env: TimedEnv) -> None:
    h = env.harness
    wang = await env.subscriber("Wang", "zh")  # Asia/Shanghai
    await env.publish("z1", "关于开展工资支付自查的通知", PUB, DEADLINE_BODY)
    await h.press(wang, await h.reply(wang, timeout=10), "⏰ 提醒我")
    await h.reply(wang)
    three = DEADLINE - timedelta(days=3)
    # Wang moves to New York: "09:00, 3 days before" still means 09:00 where Wang is now.
    assert "2 条提醒" in (await env.ask(wang, "/timezone America/New_York"))["text"]
    listed = await env.ask(wang, "/reminders")
    assert f"{three} 09:00" in listed["text"] and f"{DEADLINE - timedelta(days=1)} 09:00" in listed["text"]
    await env.at(nine(three, "Asia/Shanghai") + timedelta(seconds=30))
    await env.nothing_for(wang)
    await env.at(nine(three, "America/New_York") + timedelta(seconds=30))
    assert f"截止提醒：{DEADLINE}（还有 3 天）" in (await h.reply(wang, timeout=10))["text"]
    await env.nothing_for(wang, within=0.3)


async def test_held_pushes_over_two_messages_resend_only_the_one_that_failed(env: TimedEnv) -> None:
    h = env.harness
    wang = await env.subscriber("Wang", "zh")
    await env.ask(wang, "/quiet 22:00-07:30")
    await env.at(at(0, 15))  # 23:00 in Shanghai: 30 notices are held, about 180 characters each in a list
    title, body = "关于加强安全生产工作的实施意见" * 10, "各单位要认真组织，切实做好安全生产工作。" * 10
    await env.publish_many([(f"m{i}", f"第{i:02d}号{title}", PUB, body) for i in range(30)])
    await env.nothing_for(wang)
    # At 07:30 the first message arrives and the second meets a 502 once: it is retried after a back-off.
    await h.emu.set_fault("server_error", wang, method="sendMessage", skip=1, times=1, status=502)
    await env.at(at(0, 23, 30, 20))
    first = await h.reply(wang, timeout=10)
    assert "免打扰时段内的 30 条新通知" in first["text"]
    await env.nothing_for(wang)
    await env.at(at(0, 23, 45))
    texts = [first["text"], (await h.reply(wang, timeout=10))["text"]]
    try:
        while True:
            texts.append((await h.reply(wang, timeout=0.5))["text"])
    except ReplyTimeout:
        pass
    assert all(sum(text.count(f"第{i:02d}号") for text in texts) == 1 for i in range(30)), texts


async def test_a_chat_whose_sends_time_out_holds_up_no_other_chat(env: TimedEnv) -> None:
    h = env.harness
    ann = await env.subscriber("Ann", "en")  # both in Shanghai; Ann's reminder is claimed first
    wang = await env.subscriber("Wang", "zh")
    await env.publish("s1", "关于开展工资支付自查的通知", PUB, DEADLINE_BODY)
    for user, label in ((ann, "⏰ Remind me"), (wang, "⏰ 提醒我")):
        await h.press(user, await h.reply(user, timeout=10), label)
        await h.reply(user)
    # From now on Telegram answers Ann's chat only after a minute: the bot's read timeout (10 s) expires,
    # it resends once, and that times out too. Before, everyone else waited those 20 s.
    await h.emu.set_fault("slow", ann, delay=60)
    await env.at(nine(DEADLINE - timedelta(days=3), "Asia/Shanghai") + timedelta(seconds=30))
    assert "还有 3 天" in (await h.reply(wang, timeout=8))["text"]
    # Nor does it hold up the outbox: a new notice reaches Wang while Ann's reminder still hangs.
    await env.publish("s2", "关于做好冬季安全生产工作的通知", PUB, "各单位要加强安全检查。")
    assert "冬季安全生产" in (await h.reply(wang, timeout=8))["text"]
