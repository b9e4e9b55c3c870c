"""Reminder and quiet-hour rules (pure) and their storage on a real SQLite file."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.models import Deadline, NewNotice, SourceSpec, Summary
from bot.quiet import QuietHoursError, parse_window, quiet_until
from bot.reminders import LeadTimeError, parse_leads, plan_reminders, rezone
from bot.summarize import summarize
from storage import open_backend
from storage.models import DeliveryResult, Notice, Reminder

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("published", "expected"),
    [(date(2025, 3, 10), "2025-03-31"), (date(2025, 4, 2), "2026-03-31"), (date(2025, 3, 31), "2025-03-31")],
)
def test_a_yearless_deadline_takes_the_year_from_the_notice_date(published: date, expected: str) -> None:
    summary = summarize(
        "关于报送材料的通知", "各单位务必于3月31日前报送自查材料。请认真落实。", published=published
    )
    assert [d.date for d in summary.deadlines] == [expected]


def test_written_years_are_kept_and_vague_phrases_are_not_deadlines() -> None:
    explicit = summarize("通知", "各单位务必于2025年3月31日前报送材料。", published=date(2025, 4, 2))
    assert [d.date for d in explicit.deadlines] == ["2025-03-31"]
    vague = summarize("通知", "各单位务必于本月底前报送材料。", published=date(2025, 3, 10))
    assert vague.deadlines == ()


def _notice(*deadlines: str) -> Notice:
    summary = Summary(title="T", deadlines=tuple(Deadline(d, f"务必于{d}前报送。") for d in deadlines))
    now = datetime(2025, 3, 1, tzinfo=UTC)
    return Notice(1, 1, "src", "k", "http://x/1", "T", "text", now, now, "h", summary)


def test_plan_three_and_one_day_before_at_nine_local() -> None:
    now = datetime(2025, 3, 10, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
    plan = plan_reminders(_notice("2025-03-15"), SHANGHAI, now)
    assert [r.due.astimezone(SHANGHAI).isoformat() for r in plan] == [
        "2025-03-12T09:00:00+08:00",
        "2025-03-14T09:00:00+08:00",
    ]
    # New York crosses into daylight saving time on 9 March: still 09:00 local.
    ny = plan_reminders(_notice("2025-03-15"), NEW_YORK, now)
    assert [r.due.astimezone(UTC).hour for r in ny] == [13, 13]


def test_plan_close_past_and_custom_deadlines() -> None:
    now = datetime(2025, 3, 10, 2, 0, tzinfo=UTC)  # 10:00 on 10 March in Shanghai
    # Less than a day away (today, 09:00 passed): at once; tomorrow: 09:00 tomorrow (1 day before is past).
    today = plan_reminders(_notice("2025-03-10"), SHANGHAI, now)
    assert [r.due for r in today] == [now]
    tomorrow = plan_reminders(_notice("2025-03-11"), SHANGHAI, now)
    assert [r.due.astimezone(SHANGHAI).isoformat() for r in tomorrow] == ["2025-03-11T09:00:00+08:00"]
    assert plan_reminders(_notice("2025-03-09"), SHANGHAI, now) == []  # past: never
    assert plan_reminders(_notice("not a date"), SHANGHAI, now) == []
    custom = plan_reminders(_notice("2025-03-31"), SHANGHAI, now, parse_leads(["7d", "1d"]))
    assert [r.due.date().isoformat() for r in custom] == ["2025-03-24", "2025-03-30"]


def test_rezone_keeps_the_local_day_and_time() -> None:
    nine = Reminder(1, 7, 1, "T", "2025-03-31", "s", datetime(2025, 3, 28, 9, 0, tzinfo=SHANGHAI))
    [(rid, due)] = rezone([nine], SHANGHAI, NEW_YORK)
    assert rid == 1 and due.astimezone(NEW_YORK).isoformat() == "2025-03-28T09:00:00-04:00"
    assert rezone([nine], SHANGHAI, ZoneInfo("Asia/Hong_Kong")) == []  # same offset: nothing moves
    # 02:30 on 9 March does not exist in New York (clocks jump 02:00 -> 03:00): later, never earlier.
    gap = Reminder(2, 7, 1, "T", "2025-03-31", "s", datetime(2025, 3, 9, 2, 30, tzinfo=SHANGHAI))
    [(_, moved)] = rezone([gap], SHANGHAI, NEW_YORK)
    assert moved.astimezone(NEW_YORK).strftime("%d %H:%M") == "09 03:30"


def test_parse_leads() -> None:
    assert parse_leads([]) == (3, 1)
    assert parse_leads(["1d", "7d", "7"]) == (7, 1)
    for bad in (["soon"], ["91d"], ["1d", "2d", "3d", "4d", "5d", "6d"], ["-1d"]):
        with pytest.raises(LeadTimeError):
            parse_leads(bad)


def test_quiet_windows() -> None:
    assert parse_window("22:00-07:30") == "22:00-07:30"
    assert parse_window(" 9:00 ~ 12:00 ") == "09:00-12:00"
    for bad in ("25:00-07:00", "22:00", "22:00-22:00", "evening", "22:00-07:30; DROP"):
        with pytest.raises(QuietHoursError):
            parse_window(bad)
    at = lambda h, m=0: datetime(2025, 3, 10, h, m, tzinfo=SHANGHAI)  # noqa: E731
    assert quiet_until("22:00-07:30", SHANGHAI, at(23)) == datetime(2025, 3, 11, 7, 30, tzinfo=SHANGHAI)
    assert quiet_until("22:00-07:30", SHANGHAI, at(3)) == datetime(2025, 3, 10, 7, 30, tzinfo=SHANGHAI)
    assert quiet_until("22:00-07:30", SHANGHAI, at(7, 30)) is None
    assert quiet_until("22:00-07:30", SHANGHAI, at(12)) is None
    assert quiet_until("12:00-14:00", SHANGHAI, at(13)) == at(14)
    assert quiet_until(None, SHANGHAI, at(23)) is None
    assert quiet_until("garbage", SHANGHAI, at(23)) is None


async def test_reminder_storage_replaces_cancels_claims_and_recovers(store_target: Path | str) -> None:
    store = await open_backend(store_target)  # both backends
    try:
        source = await store.add_source(SourceSpec("src", "http://127.0.0.1/f"))
        now = datetime(2025, 3, 10, 2, 0, tzinfo=UTC)
        item = NewNotice("k", "http://127.0.0.1/1", "通知", "正文", now, "h", "d", None)
        [outcome] = await store.store_notices(source.id, [item], now=now, deliver=False, notify_updates=False)
        await store.upsert_chat(7, "private")
        notice = _notice("2025-03-31")
        plan = plan_reminders(notice, SHANGHAI, now)
        assert await store.add_reminders(7, outcome.notice_id, plan, now) == 2
        assert await store.add_reminders(7, outcome.notice_id, plan, now) == 2  # replaced, not doubled
        longer = plan_reminders(notice, SHANGHAI, now, (7, 3, 1))
        assert await store.add_reminders(7, outcome.notice_id, longer, now) == 3
        pending = await store.list_reminders(7)
        assert [r.due for r in pending] == [r.due for r in longer] and pending[0].title == "通知"
        assert await store.cancel_reminders(7, reminder_id=pending[0].id) == 1

        assert await store.claim_reminders(pending[1].due - timedelta(seconds=1), 10) == []
        [due] = await store.claim_reminders(pending[1].due, 10)
        assert due.id == pending[1].id and due.timezone == "Asia/Shanghai" and due.quiet is None
        assert await store.claim_reminders(pending[1].due, 10) == []  # claimed once
        assert await store.recover_reminders() == 1  # a crash before the result: it goes back
        [again] = await store.claim_reminders(pending[1].due, 10)
        await store.record_reminder_results([DeliveryResult(again.id, "sent", message_id=5)], now)
        assert len(await store.list_reminders(7)) == 1
        assert await store.cancel_reminders(7, notice_id=outcome.notice_id) == 1
        assert await store.list_reminders(7) == []

        assert await store.set_chat_quiet(7, "22:00-07:30")
        record = await store.get_chat(7)
        assert record is not None and record.quiet == "22:00-07:30"
        assert not await store.set_chat_quiet(8, None)
        await store.add_reminders(7, outcome.notice_id, longer, now)
        assert await store.delete_chat(7)
        assert await store.list_reminders(7) == []

        # /timezone: the core works out the new times, the store moves the chat's pending ones.
        await store.upsert_chat(9, "private")
        await store.add_reminders(9, outcome.notice_id, longer, now)
        [claimed] = await store.claim_reminders(longer[0].due, 10)  # one in flight is not moved
        moves = rezone(await store.list_reminders(9), SHANGHAI, NEW_YORK)
        assert len(moves) == 2 and claimed.id not in {rid for rid, _ in moves}
        assert await store.move_reminders(8, moves) == 0  # not chat 8's reminders
        assert await store.move_reminders(9, [*moves, (claimed.id, now)]) == 2
        local = [r.due.astimezone(NEW_YORK).strftime("%m-%d %H:%M") for r in await store.list_reminders(9)]
        assert local == ["03-28 09:00", "03-30 09:00"]
        [moved] = await store.claim_reminders(datetime(2025, 3, 28, 13, 0, tzinfo=UTC), 10)  # 09:00 EDT
        assert moved.id == moves[0][0] and await store.claim_reminders(moves[1][1], 10) != []

        # A new time taken by a cancelled row of the same deadline keeps that reminder in place (no
        # IntegrityError leaving the chat half moved); one taken by a row that moves too is freed first.
        await store.upsert_chat(10, "private")
        await store.add_reminders(10, outcome.notice_id, longer, now)
        first, second, third = await store.list_reminders(10)
        assert await store.cancel_reminders(10, reminder_id=first.id) == 1
        # second takes third's time, which third gives up in the same call
        chain = [(second.id, third.due), (third.id, third.due + timedelta(days=1))]
        assert await store.move_reminders(10, [(second.id, first.due)]) == 0
        assert [r.due for r in await store.list_reminders(10)] == [second.due, third.due]
        assert await store.move_reminders(10, chain) == 2
        assert [r.due for r in await store.list_reminders(10)] == [third.due, third.due + timedelta(days=1)]
    finally:
        await store.close()
