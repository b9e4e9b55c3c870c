"""Chinese deadlines: the time of day after a date, and what a deadline is not."""

from __future__ import annotations

import time

from bot.summarize import deadlines
from bot.summarize.deadlines import find_deadlines
from bot.summarize.sentences import split


def _dates(text: str) -> list[str]:
    return [d.date for d in find_deadlines(split(text, "zh"), None, "zh")]


def test_a_part_of_day_with_a_clock_before_the_deadline_mark() -> None:
    assert _dates("请各部门2032年4月30日下午5点前提交报表。") == ["2032-04-30"]
    assert _dates("请各部门2032年4月30日上午9点30分前提交报表。") == ["2032-04-30"]
    assert _dates("请各部门2032年4月30日下午 5点 之前提交报表。") == ["2032-04-30"]
    assert _dates("请各部门2032年4月30日中午前提交报表。") == ["2032-04-30"]
    assert _dates("请各部门2032年4月30日17:00前提交报表。") == ["2032-04-30"]


def test_a_date_without_a_deadline_mark_is_none() -> None:
    assert _dates("2032年4月30日下午5点在礼堂开会。") == []


def test_the_time_after_a_date_is_linear_on_long_space_runs() -> None:
    for hostile in (" " * 100_000, "下午" + " " * 100_000, "下午5点" + " " * 100_000):
        t = time.perf_counter()
        deadlines._ZH_AFTER.match(hostile)
        assert time.perf_counter() - t < 0.5


def test_an_optional_contact_is_no_deadline_and_the_test_is_linear() -> None:
    assert _dates("各学院须于2032年11月20日前提交预算。如有疑问，请于2032年11月15日前联系计划处。") == [
        "2032-11-20"
    ]
    assert _dates("如有特殊情况，须于2032年11月15日前书面申请。") == ["2032-11-15"]
    text = "如有疑问，" + "请于2032年3月1日前联系，" * 5_000 + "。"
    t = time.perf_counter()
    assert _dates(text) == []
    assert time.perf_counter() - t < 2.0
