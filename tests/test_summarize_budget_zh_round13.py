"""Chinese budget, round 13: the issuer's own requirement after its purpose ("为…，特要求全体学生…", "现要求各单位…")
is a duty (cues.OBLIGATION), not a noun or a report's 要求; look-alikes where 现 ends a word or the clause only
leads in stay as they were."""

from __future__ import annotations

import time

import pytest

from bot.summarize import summarize
from bot.summarize.lang import fold
from bot.summarize.rank import ZH_OBLIGATION, score_units
from bot.summarize.sentences import split
from tests.headline_checks import assert_kept_zh

TITLE = "关于春季学期返校安排的通知"
TEXT = (
    "各学院、全体学生：\n"
    "为做好春季学期开学工作，最大限度保障师生健康，特要求全体学生按照校历安排返校报到，即：2031年2月20日至21日报到，"
    "2月22日正式上课，不得提前返校。\n"
    "请各学院结合实际合理安排教学任务，做好学生假期的思想工作。确有特殊情况需提前返校的，须向所在学院提出申请，"
    "经学生处审核同意后，方可提前返校。\n"
    "学生处\n2031年1月10日\n"
)


@pytest.mark.parametrize(
    "clause",
    [
        "特要求全体学生按时返校",
        "学校现要求各单位于5月1日前报送材料",
        "特此要求各部门做好节日值班",
        "現要求各班級按時上報",
    ],
)
def test_the_issuers_own_requirement_is_a_duty(clause: str) -> None:
    assert ZH_OBLIGATION.search(fold(clause)), clause


@pytest.mark.parametrize(
    "clause",
    [
        "实现要求的各项目标",  # 现 ends 实现
        "充分体现要求",
        "发现要求不符的材料",
        "出现要求退费的情况",
        "表现要求较高",
        "兑现要求",
        "现要求如下：",  # a lead-in, the items follow
        "现要求:",
        "按照上级要求",  # the noun
        "具有独特要求",
        "奇特要求",
        "通知特别要求",  # a report's frame: 特别, not 特
    ],
)
def test_look_alikes_of_the_requirement_are_no_duty(clause: str) -> None:
    assert not ZH_OBLIGATION.search(fold(clause)), clause


def test_the_requirement_clause_is_a_directive_and_enters_a_tight_summary() -> None:
    units = [u for u in score_units(split(TEXT, "zh"), "zh", TITLE) if "特要求" in u.clause.text]
    assert units and units[0].directive
    summary = summarize(TITLE, TEXT, budget=100).summary
    assert "特要求全体学生按照校历安排返校报到" in summary, summary
    assert "最大限度保障师生健康" not in summary, summary  # the purpose's aim, no longer above the duty
    assert_kept_zh(summary, TEXT)


def test_the_requirement_pattern_is_linear_on_hostile_input() -> None:
    for line in ("实现要求" * 25_000, "特" * 100_000, "现" * 100_000, "特此要" * 33_000):
        start = time.perf_counter()
        ZH_OBLIGATION.search(line)
        assert time.perf_counter() - start < 1.0, line[:6]
