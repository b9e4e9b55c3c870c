"""Chinese budget, round 13: the issuer's own requirement after its purpose ("为…，特要求全体学生…", "现要求各单位…")
is a duty (cues.OBLIGATION) when whom it binds follows; a noun or a report's 要求, a lead-in, 现/特 ending a word or
a name stay as they were. Hand-written texts only."""

from __future__ import annotations

import time

import pytest

from bot.summarize import summarize
from bot.summarize.lang import fold
from bot.summarize.rank import ZH_OBLIGATION
from tests.headline_checks import assert_kept_zh
from tests.scoring import zh_units

TITLE = "关于冬季供暖期间宿舍用电安全的通知"
TEXT = (
    "各学院、各宿舍楼：\n"
    "入冬以来，宿舍用电负荷明显上升，为防范电气火灾，保障住宿人员安全，特要求全体住宿学生于12月5日前自查宿舍电器，"
    "不得使用电热毯以外的大功率取暖设备。\n"
    "宿舍管理员要加强夜间巡查，发现问题及时报告后勤处。\n"
    "后勤处\n2031年11月28日\n"
)


@pytest.mark.parametrize(
    "clause",
    [
        "特要求各班组长按时上交台账",
        "学校现要求各单位于5月1日前报送材料",
        "特此要求各部门做好节日值班",
        "現要求各班級按時上報",
        "现要求有关单位立即整改",
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
        "提现要求各项材料齐全",
        "兑现要求",
        "现要求如下：",  # a lead-in, the items follow
        "现要求各乡镇做好以下几项工作：",
        "现要求各单位：",
        "按照上级要求",  # the noun
        "原有设备达不到现要求",  # the present standard, a noun
        "顾客史密特要求退还会员费",  # a name ending in 特
        "模特要求身高170厘米以上",
        "具有独特要求",
        "通知特别要求",  # a report's frame: 特别, not 特
    ],
)
def test_look_alikes_of_the_requirement_are_no_duty(clause: str) -> None:
    assert not ZH_OBLIGATION.search(fold(clause)), clause


def test_the_requirement_clause_is_a_directive_and_enters_a_tight_summary() -> None:
    units = [u for u in zh_units(TEXT, TITLE) if "特要求" in u.clause.text]
    assert units and units[0].directive
    summary = summarize(TITLE, TEXT, budget=100).summary
    assert "特要求全体住宿学生于12月5日前自查宿舍电器" in summary, summary
    assert_kept_zh(summary, TEXT)


def test_the_requirement_pattern_is_linear() -> None:
    for text in ("特要求" * 40_000, "现要求各" * 30_000, "现要求各" + "单" * 100_000):
        started = time.process_time()
        ZH_OBLIGATION.search(fold(text))
        assert time.process_time() - started < 1.0
