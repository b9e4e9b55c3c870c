"""Chinese headline packing, round 12 (second wave): a numbered sentence's second duty fills room after its first
(headline._completes); a list's items stay in the headline when they fit (a guard: the rule that let a list stand
as its class was dropped in review)."""

from __future__ import annotations

from bot.summarize import summarize
from bot.summarize.headline import Piece, _completes
from tests.headline_checks import assert_kept_zh

HOLIDAY_TITLE = "关于端午节放假安排的通知"
HOLIDAY = (
    "各部门：\n"
    "现将端午节放假安排通知如下：\n"
    "一、放假时间\n"
    "2031年6月1日至6月3日放假，共3天。\n"
    "二、有关要求\n"
    "（一）各部门要安排专人值班，保持通讯畅通。\n"
    "（二）放假前各部门要开展一次安全检查，关闭门窗。\n"
    "（三）倡导绿色出行，严防火灾。\n"
    "办公室\n"
    "2031年5月20日\n"
)

DORM_TITLE = "关于宿舍安全用电的通知"
# Room enough for the list's items: they stay (a guard that passes on the code before this round too).
DORM_ROOMY = (
    "各位同学：\n"
    "近期检查发现部分宿舍存在违规用电现象。\n"
    "自即日起，宿舍内禁止使用大功率电器，包括但不限于：电热毯、电吹风、热得快、电煮锅等800W以上的电器。"
    "请各位同学于2031年4月10日前自行清理，逾期未清理的将由学校统一收缴。\n"
    "宿舍内不得私拉电线。\n"
    "学生工作处\n"
    "2031年4月1日\n"
)


def test_a_numbered_sentence_keeps_its_second_duty_when_room_is_left() -> None:
    headline = summarize(HOLIDAY_TITLE, HOLIDAY).headline
    assert "倡导绿色出行，严防火灾" in headline, headline
    assert "开展一次安全检查，关闭门窗" in headline, headline
    assert len(headline) <= 150
    assert_kept_zh(headline, HOLIDAY)
    # A topic heading alone ("（三）工作范围。") is still no duty: it fills no room.
    text = HOLIDAY.replace("（三）倡导绿色出行，严防火灾。\n", "（三）工作范围。\n本通知适用于全体职工。\n")
    assert "工作范围" not in summarize(HOLIDAY_TITLE, text).headline
    # Nor does the purpose a numbered sentence opens with, before its duty.
    text = HOLIDAY.replace("（三）倡导绿色出行，严防火灾。", "（三）为做好假期安全工作，各部门要关好门窗。")
    assert "为做好假期安全工作" not in summarize(HOLIDAY_TITLE, text).headline


def test_a_piece_completes_only_a_chosen_piece_of_its_own_chinese_sentence() -> None:
    second = Piece("严防火灾", 40, 7, -1.0, False, 3)
    assert _completes(second, [Piece("倡导绿色出行", 30, 7, 0.3, False, 2)], "zh")
    # another sentence's piece, none at all, or English: a run-in heading's low piece stays out as before
    assert not _completes(second, [Piece("各部门要安排专人值班", 10, 5, 2.0, False, 0)], "zh")
    assert not _completes(second, [], "zh")
    # a clause before the chosen one is the sentence's frame ("为做好假期安全工作，"), not its rest
    assert not _completes(
        Piece("为做好假期安全工作", 20, 7, -1.0, False, 4),
        [Piece("倡导绿色出行", 30, 7, 0.3, False, 2)],
        "zh",
    )
    assert not _completes(
        Piece("Keep exits clear", 40, 7, -1.0, False, 3), [Piece("Staff", 30, 7, 1, False, 2)], "en"
    )


def test_a_list_after_a_colon_keeps_its_items_when_they_fit() -> None:
    headline = summarize(DORM_TITLE, DORM_ROOMY).headline
    assert "电热毯、电吹风、热得快、电煮锅等800W以上的电器" in headline, headline
    assert_kept_zh(headline, DORM_ROOMY)
