"""Chinese headline packing, round 12 (second wave): a numbered sentence's second duty fills room after its first
(headline._completes), and a list a colon points to may stand as its class (headline._zh_list_core), its items
restored when room is left (headline._lengthened)."""

from __future__ import annotations

import time

from bot.summarize import summarize
from bot.summarize.compress import drop_words
from bot.summarize.headline import _ZH_LIST_HEAD, Piece, _completes, _zh_list_core
from bot.summarize.lang import fold

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
# Room enough for the list's items: they stay.
DORM_ROOMY = (
    "各位同学：\n"
    "近期检查发现部分宿舍存在违规用电现象。\n"
    "自即日起，宿舍内禁止使用大功率电器，包括但不限于：电热毯、电吹风、热得快、电煮锅等800W以上的电器。"
    "请各位同学于2031年4月10日前自行清理，逾期未清理的将由学校统一收缴。\n"
    "宿舍内不得私拉电线。\n"
    "学生工作处\n"
    "2031年4月1日\n"
)
# The same list among more duties than 150 characters hold: its class carries the figure in less room.
DORM_FULL = (
    "各位同学：\n"
    "近期检查发现部分宿舍存在违规用电现象，个别宿舍还发生了跳闸断电。\n"
    "自即日起，宿舍内禁止使用大功率电器，包括但不限于：电热毯、电吹风、热得快、电煮锅、电暖器、电熨斗、卷发棒、小电锅等800W以上的电器。"
    "请各位同学于2031年4月10日前自行清理，逾期未清理的将由学校统一收缴。\n"
    "宿舍内不得私拉电线，不得在床上给手机充电。\n"
    "各楼栋宿管员要于每周三晚上9点对所管楼层开展一次巡查。\n"
    "各学院辅导员要在4月15日前把本学院的检查情况报学生工作处。\n"
    "学生工作处将于4月20日组织一次全校抽查。\n"
    "学生工作处\n"
    "2031年4月1日\n"
)


def _kept(shown: str, text: str) -> None:
    """Nothing invented: each part of the headline is the notice's text once dropped words go."""
    source = "".join(drop_words(text, "zh").split())
    shown = fold(shown)
    for mark in ";。:":
        shown = shown.replace(mark, ",")
    for part in shown.split(","):
        assert "".join(part.split()) in source, part


def test_a_numbered_sentence_keeps_its_second_duty_when_room_is_left() -> None:
    headline = summarize(HOLIDAY_TITLE, HOLIDAY).headline
    assert "倡导绿色出行，严防火灾" in headline, headline
    assert "开展一次安全检查，关闭门窗" in headline, headline
    assert len(headline) <= 150
    _kept(headline, HOLIDAY)
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
    _kept(headline, DORM_ROOMY)


def test_a_list_after_a_colon_stands_as_its_class_when_room_is_short() -> None:
    headline = summarize(DORM_TITLE, DORM_FULL).headline
    assert "800W以上的电器" in headline, headline
    assert "电热毯" not in headline, headline
    assert len(headline) <= 150
    _kept(headline, DORM_FULL)
    # No colon points to the list ("禁止使用大功率电器如电热毯、…"): the items are the clause's content, kept whole.
    text = DORM_FULL.replace("，包括但不限于：", "如")
    headline = summarize(DORM_TITLE, text).headline
    assert "如电热毯、电吹风、热得快、电煮锅、电暖器、电熨斗、卷发棒、小电锅等800W以上的电器" in headline, (
        headline
    )


def test_the_class_of_a_list() -> None:
    assert _zh_list_core("电热毯、电吹风、热得快等800W以上的电器") == "800W以上的电器"
    assert _zh_list_core("桌子、椅子、柜子等等办公家具") == "办公家具"


def test_lists_that_keep_their_items() -> None:
    for text in (
        "电热毯、电吹风等大功率电器",  # two items: short already
        "电热毯、电吹风、热得快",  # no class after them
        "电热毯、电吹风、热得快等。",  # 等 closes the list, no class
        "电热毯、电吹风、热得快等物",  # a one-character class
        "1号楼、2号楼、3号楼等学生宿舍",  # figures are never dropped
        "“安全月”、“消防周”、“文明岗”等活动",  # quoted names are never dropped
        "不吸烟、不酗酒、不赌博等文明要求",  # negations are never dropped
        "禁止烟火、禁止攀爬、禁止游泳等警示",  # nor prohibitions
        "未成年人、无监护人、非本校人员等人员",  # nor 未/无/非
        "学生会主席团全体成员和各部部长、干事、志愿者等人员",  # the piece opens with no list
        "组织全校师生员工参加消防演练、急救、逃生等培训",  # an item longer than eight characters
        "按时到岗，电热毯、电吹风、热得快等电器",  # the list is not the piece's opening
    ):
        assert _zh_list_core(text) == "", text


def test_the_list_pattern_is_linear_on_hostile_input() -> None:
    for line in (
        "甲、" * 50_000,
        "甲" * 100_000,
        "甲甲甲甲、" * 20_000,
        "、" * 100_000,
        "甲、" * 50_000 + "等",
    ):
        start = time.perf_counter()
        _ZH_LIST_HEAD.match(line)
        _zh_list_core(line)
        assert time.perf_counter() - start < 0.5
