"""Headline cuts and conditions (round 14): a cut never drops a condition, exception or time limit of what it
keeps, nor falls inside one it keeps; a clause a limiting clause follows is no piece alone (English) or goes with
its exception (Chinese); a bare prohibition is no piece."""

from __future__ import annotations

import time

import pytest

from bot.summarize import summarize
from bot.summarize.cuts import drops_condition, shorten
from bot.summarize.headline import _EN_LIMIT_NEXT, _ZH_BARE_BAN, _ZH_EXCEPTION_NEXT


def _cut_before(text: str, rest: str) -> int:
    at = text.index(rest)
    assert at > 0
    return at


# --- a cut that drops a condition ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # the condition opens what the cut drops
        ("It is an offence for a landlord to let a flat if its smoke alarms are broken", " if its"),
        ("The lane will not be reopened to traffic until the survey is finished", " until the survey"),
        ("It is wrong to reduce any member of staff's pay without their consent", " without their"),
        ("Residents must register their bicycles unless they live outside the zone", " unless they"),
        ("Parking in the yard is free provided that the ticket is shown", " provided that"),
        ("Visitors are welcome on the ward only between two and four", " only between"),
        # a denial or a permission: the condition further on is still the kept verb's
        ("The board will not vote on a motion about fees before the members have read it", " on a motion"),
        ("Refunds may be granted in special cases if the buyer applies in writing", " in special"),
        ("It is a breach of the club rules to move the nets of any court without asking", " of the club"),
    ],
)
def test_a_cut_before_a_condition_is_refused(text: str, rest: str) -> None:
    assert drops_condition(text, _cut_before(text, rest))


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # asking what to do in doubt limits nothing
        ("Residents must register their bicycles, if you have any questions call the desk", ", if you have"),
        # "as before", "before and after photos": no limit
        ("The hall will stay open for classes as before and the cafe will open daily", " for classes"),
        ("Staff must send photos of the rooms before and after the works", " of the rooms"),
        # the condition is the dropped verb's ("running"), not the kept one's
        ("The council fined the company for running a depot without a licence", " for running"),
        # an alternative limit after "or", what comes next, a relative clause's condition
        ("The order is in force until 3 June, or until it is revoked by the board", ", or until"),
        ("The road will close on Monday, after which buses will divert", ", after which"),
        ("Tenants must use the new bins, which are emptied when the lorry comes", ", which are"),
        # "where" after a verb of seeing, "provided" as a participle, "May" as a month
        ("Residents can check the map to see where the works are", " to see"),
        ("Staff must fill in the forms provided by the council", " provided by"),
        ("The rules apply from 3 May to all members of the club", " to all"),
    ],
)
def test_a_cut_without_a_condition_of_the_kept_part_stands(text: str, rest: str) -> None:
    assert not drops_condition(text, _cut_before(text, rest))


def test_a_cut_inside_a_kept_condition_is_refused() -> None:
    text = "Traders may sell food at the market if the stalls in the square are inspected"
    assert drops_condition(text, _cut_before(text, " in the square"))


def test_shorten_keeps_the_condition_or_does_not_cut() -> None:
    text = "The footpath by the reservoir will not be reopened to walkers or riders until the new fence is up"
    out = shorten(text, 70, "en")
    assert out == text or "until" in out


# --- the headline ---------------------------------------------------------------------------------------------


def test_an_offence_keeps_its_condition() -> None:
    text = (
        "It is an offence for a landlord to let any flat in the borough to new tenants if the smoke alarms in it "
        "are not working."
    )
    headline = summarize("Notice to landlords", text).headline
    # Before: "It is an offence for a landlord to let any flat." (the condition dropped)
    assert "offence" not in headline or "if the smoke alarms in it are not working" in headline


def test_a_negated_duty_keeps_its_time_limit() -> None:
    text = "The footpath by the lake will not be reopened to walkers and cyclists of any kind until the railings are in place."
    headline = summarize("Lake path", text).headline
    # Before: "The footpath by the lake will not be reopened to walkers and cyclists of any kind."
    assert "will not be reopened" not in headline or "until the railings are in place" in headline


def test_a_denial_keeps_a_later_time_limit() -> None:
    text = "The board will not vote on any motion about the new budget before all the members have had a week to read it."
    headline = summarize("Votes", text).headline
    # Before: "The board will not vote."
    assert "will not vote" not in headline or "before all the members" in headline


def test_a_permission_keeps_its_condition() -> None:
    text = "Traders may sell hot food at the Saturday market in the square if they hold a food hygiene certificate."
    headline = summarize("Market", text).headline
    # Before: "Traders may sell hot food at the Saturday market in the square."
    assert "may sell hot food" not in headline or "if they hold a food hygiene certificate" in headline


def test_a_clause_a_condition_follows_is_no_piece_alone() -> None:
    text = "The agency will step up its inspections where workers handle asbestos, with more visits to building sites this year."
    headline = summarize("Asbestos", text).headline
    # Before: "The agency will step up its inspections." (the split clause "where workers handle asbestos" dropped)
    assert headline != "The agency will step up its inspections."


@pytest.mark.parametrize(
    ("title", "text", "kept"),
    [
        # an asking condition after the duty: the duty stands
        (
            "Permits",
            "Residents must display the new permit on every car parked in the zone from 1 March, if you have any "
            "questions call the office.",
            "Residents must display the new permit",
        ),
        # "as before" is no condition
        (
            "Hall",
            "The village hall will stay open to members for the usual evening classes and clubs as before, and the "
            "bar will keep its hours.",
            "The village hall will stay open to members",
        ),
        # "where" after a comma names a place
        (
            "Depot",
            "Crews must return the vans to the north depot, where the keys are kept, by 6 p.m. each day.",
            "return the vans",
        ),
    ],
)
def test_look_alikes_keep_their_piece(title: str, text: str, kept: str) -> None:
    assert kept in summarize(title, text).headline


def test_a_chinese_look_alike_without_exception_keeps_its_piece() -> None:
    text = "各社区不得向居民收取任何形式的登记费用，各街道要加强监督检查。"
    headline = summarize("关于规范社区收费的通知", text).headline
    assert "不得向居民收取任何形式的登记费用" in headline


# --- linear on hostile input ----------------------------------------------------------------------------------


@pytest.mark.parametrize("unit", ["a", "ing ", "if ", "not ", " ", "before ", "when ", ",", "unless only "])
def test_the_condition_rules_are_linear(unit: str) -> None:
    # (cuts.core is left out: on a run of 100,000 spaces it was already slow before this rule.)
    line = unit * (100_000 // len(unit))
    start = time.perf_counter()
    drops_condition(line, len(line) // 2)
    drops_condition("Tenants must not " + line, 17)
    shorten("Tenants must not " + line, 70, "en")
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize("unit", ["但", "除", "不得", "，", "除外", "a", "if ", " "])
def test_the_limiting_clause_patterns_are_linear(unit: str) -> None:
    line = unit * (100_000 // len(unit))
    start = time.perf_counter()
    for pattern in (_ZH_EXCEPTION_NEXT, _EN_LIMIT_NEXT):
        pattern.match(line)
    _ZH_BARE_BAN.search(line + "x")
    assert time.perf_counter() - start < 1.0


def test_a_chinese_exception_after_the_piece_goes_with_it() -> None:
    text = (
        "受台风影响，全区各公园、图书馆、体育馆及文化馆自今日下午起暂停开放，惟已到场的预约团体由场馆继续接待至"
        "活动结束。请市民减少外出，注意安全。"
    )
    headline = summarize("关于台风期间场馆开放的通知", text).headline
    # Before: "…暂停开放；…" without the 惟 exception
    assert "暂停开放" not in headline or "惟已到场的预约团体" in headline


@pytest.mark.parametrize(
    "text",
    [
        "施工期间严格管理。任何单位和个人不得：\n（一）在河道内倾倒垃圾；\n（二）在堤坝上放牧。",
        "施工期间，各施工单位严禁\n在居民区附近堆放建筑材料和夜间施工。各单位须于5月1日前报送施工计划。",
    ],
)
def test_what_a_bare_prohibition_forbids_is_no_piece(text: str) -> None:
    headline = summarize("关于施工管理的通知", text).headline
    # Before: "在河道内倾倒垃圾；在堤坝上放牧", "在居民区附近堆放建筑材料和夜间施工": read as what to do
    for forbidden in ("倾倒垃圾", "放牧", "堆放建筑材料"):
        assert forbidden not in headline


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("各单位要求如下：\n（一）做好防汛物资储备；\n（二）加强值班值守。", "做好防汛物资储备"),
        ("各单位不得擅自停工。\n各单位须于5月1日前报送施工计划。", "报送施工计划"),
        ("本周六全馆开放。除外借服务外，其他服务照常。", "全馆开放"),
    ],
)
def test_chinese_look_alikes_keep_their_piece(text: str, kept: str) -> None:
    assert kept in summarize("关于工作安排的通知", text).headline
