"""Second review of round 9's metadata rules (issue #9): hostile lines that made the date checks slow, a
compact date over page furniture, a numeral date in an annex, an outlet's own notice, bylines with an update
after the date, joint units one a line. Hand-written texts only."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from bot.summarize import summarize


def _quick(run: Callable[[], object]) -> None:
    start = time.process_time()
    run()
    assert time.process_time() - start < 1.0


# --- 1, 2: the label above a numeral date and a heading's weekday tail read a run of spaces in linear time.


@pytest.mark.parametrize(
    "text",
    [
        "各单位：\n请做好准备。\n会议日期" + " " * 100_000 + "另行通知。\n二〇二四年三月四日",
        "各单位：\n请做好准备。\n第一章" + " " * 100_000 + "总则\n2024年3月4日",
    ],
)
def test_long_runs_of_spaces_are_read_quickly(text: str) -> None:
    _quick(lambda: summarize("关于做好准备工作的通知", text))


# --- 4: the sign-off's numeral date is the first one closing the body; an annex's own date comes after it.


def test_an_annex_after_the_numeral_signoff_keeps_the_documents_date() -> None:
    text = (
        "各县：\n现将《某市管理办法》印发给你们，请各单位做好准备。\n二〇二四年三月四日\n附件：某市管理办法\n"
        "第一条 为规范管理，制定本办法。\n第二条 本办法自发布之日起施行。\n二〇二三年一月一日"
    )
    assert summarize("关于印发某市管理办法的通知", text).published == "2024-03-04"


def test_many_numeral_date_lines_are_read_quickly() -> None:
    # (a guard of the forward scan: each candidate looks back for an annex head no more)
    text = (
        "各县：\n请各单位做好准备。\n"
        + "二〇二四年三月四日\n请各县遵照。\n" * 5_000
        + "附：\n二〇二三年一月一日"
    )
    _quick(lambda: summarize("关于印发某市管理办法的通知", text))
