"""Chinese exceptions, round 13: a clause opening on 惟/唯 qualifies the clause before it in its sentence
(cues.ZH_EXCEPTION); the summary takes the two together (select.select) and a headline piece carries it
(pieces.with_exception), so a closure is never shown without what stays open. Hand-written texts only."""

from __future__ import annotations

import time

import pytest

from bot.summarize.cues import ZH_EXCEPTION
from bot.summarize.lang import fold
from bot.summarize.pieces import clause_index, with_exception
from bot.summarize.rank import Unit, score_units
from bot.summarize.select import render, select
from bot.summarize.sentences import split

TITLE = "关于寒潮期间体育馆暂停开放的通知"
TEXT = (
    "各位师生：\n"
    "受寒潮影响，本周六起体育馆全部场地暂停开放，惟游泳馆更衣室照常供暖。\n"
    "请各学院于12月3日前通知所在班级。\n"
)


def _units(text: str) -> list[Unit]:
    return score_units(split(text, "zh"), "zh", TITLE)


def _clause(units: list[Unit], start: str) -> Unit:
    return next(u for u in units if u.clause.text.startswith(start))


def test_the_exception_enters_the_summary_with_the_clause_it_qualifies() -> None:
    units = _units(TEXT)
    head = _clause(units, "本周六起")
    exception = _clause(units, "惟游泳馆")
    for u in units:
        u.score = -2.0  # nothing else worth a place
    head.score = 3.0
    exception.score = -2.0  # alone it never enters
    shown = "".join(render(select(units, 200, "zh"), "zh"))
    assert "体育馆全部场地暂停开放" in shown
    assert "惟游泳馆更衣室照常供暖" in shown


def test_a_clause_whose_exception_does_not_fit_stays_out() -> None:
    units = _units(TEXT)
    head = _clause(units, "本周六起")
    for u in units:
        u.score = -2.0
    head.score = 3.0
    # Room for the closure, not for what stays open: the closure alone would say more than the notice.
    shown = "".join(render(select(units, len(head.clause.text) + 2, "zh"), "zh"))
    assert "暂停开放" not in shown


def test_a_headline_piece_carries_the_exception() -> None:
    units = _units(TEXT)
    head = _clause(units, "本周六起")
    text = with_exception(head, clause_index(head), "本周六起体育馆全部场地暂停开放", 105)
    assert "惟游泳馆更衣室照常供暖" in text
    assert "暂停开放" in text


def test_a_piece_too_long_with_its_exception_is_left_as_it_was() -> None:
    units = _units(TEXT)
    head = _clause(units, "本周六起")
    assert with_exception(head, clause_index(head), "本周六起体育馆全部场地暂停开放", 20) == (
        "本周六起体育馆全部场地暂停开放"
    )


@pytest.mark.parametrize(
    "clause",
    [
        "唯一的入口设在东门,",  # the only one
        "惟一指定报名点为教务处,",
        "维修期间暂停供水,",  # 维, not 惟
        "思惟敏捷,",
        "但各单位须留人值班,",  # a contrast, not this rule's
        "除此之外,",
        "请各单位于5月1日前报送,",
        "唉,",
        "准时参加,",
        "推迟至下周,",
    ],
)
def test_look_alikes_of_an_exception(clause: str) -> None:
    assert ZH_EXCEPTION.match(fold(clause)) is None, clause


def test_an_exception_opening_its_own_sentence_pairs_with_nothing() -> None:
    text = "各位师生：\n本周六起体育馆暂停开放。\n惟游泳馆更衣室照常供暖。\n"
    units = _units(text)
    first = _clause(units, "惟游泳馆")
    assert (
        with_exception(first, clause_index(first), "惟游泳馆更衣室照常供暖", 105) == "惟游泳馆更衣室照常供暖"
    )


def test_the_exception_rule_is_linear() -> None:
    text = "各位师生：\n" + "体育馆暂停开放，惟" * 10_000 + "。\n"
    start = time.perf_counter()
    units = _units(text)
    select(units, 300, "zh")
    assert time.perf_counter() - start < 10
    start = time.perf_counter()
    ZH_EXCEPTION.match("惟" * 100_000)
    assert time.perf_counter() - start < 0.5
