"""Frames in the budgeted summary: a clause that only frames the next one never enters on its own."""

from __future__ import annotations

from bot.summarize import cues
from bot.summarize.select import _cost
from tests.scored_units import scored_units, summary_of

ZH = (
    "今年以来，全区新建社区图书馆分馆十二个，覆盖所有街道和乡镇，并为每个分馆配备了专职管理员和志愿者队伍。\n"
    "各分馆要在每周六上午开放。\n"
)
ZH_DATES = "2030年3月1日至4月30日，各渡口暂停夜间航班并加强巡查。\n各码头要公布临时时刻表。\n"
EN = (
    "Starting March 3, and until the resurfacing ends, walkers must use the upper path along the river wall "
    "between both bridges.\n"
    "Cyclists must use the marked detour.\n"
)


def test_a_chinese_time_frame_without_its_clause_stays_out() -> None:
    # The clauses the frame opens are background that never enters (below selection's fill score).
    units = scored_units(ZH, "zh", [3.0, -1.0, -1.0, -1.0, 1.0])
    frame, last = units[0], units[-1]
    assert frame.clause.text == "今年以来，"
    budget = _cost(frame, "zh") + _cost(last, "zh") + 2
    shown = summary_of(units, budget, "zh")
    assert "今年以来" not in shown
    assert shown == "各分馆要在每周六上午开放。"


def test_a_chinese_date_range_frame_enters_with_its_clause() -> None:
    units = scored_units(ZH_DATES, "zh", [3.0, -1.0, 1.0])
    clause = units[1]
    # Its clause left out: the bare date range stays out too.
    shown = summary_of(units, sum(_cost(u, "zh") for u in units) + 5, "zh")
    assert shown == "各码头要公布临时时刻表。"
    # Its clause in: the frame opens it again.
    clause.score = 2.0
    budget = sum(_cost(u, "zh") for u in units) + 5
    assert summary_of(units, budget, "zh").startswith("2030年3月1日至4月30日，各渡口暂停夜间航班")
    assert clause.clause.text.startswith("各渡口")


def test_an_english_time_frame_without_its_clause_stays_out() -> None:
    units = scored_units(EN, "en", [3.0, 2.0, 1.0])
    frame, clause, last = units
    assert frame.clause.text == "Starting March 3,"
    # Room for the frame and the detour, not for the clause the frame opens.
    budget = _cost(frame, "en") + _cost(last, "en") + 2
    shown = summary_of(units, budget, "en")
    assert "Starting March 3" not in shown
    assert shown == "Cyclists must use the marked detour."
    # With room, the frame goes in front of the clause it frames.
    budget = sum(_cost(u, "en") for u in units) + 5
    shown = summary_of(units, budget, "en")
    assert shown.startswith("Starting March 3, and until the resurfacing ends, walkers must use")
    assert clause.clause.text in shown


def test_an_english_clause_announcing_the_following_is_meta() -> None:
    # "… orders the following:" only announces the list after it, like "通知如下".
    assert cues.META["en"].search("The harbour master orders the following:")
    assert cues.META["en"].search("the rules are as follows.")
    assert not cues.META["en"].search("Clubs must follow the harbour rules.")
