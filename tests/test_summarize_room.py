"""How much of a notice fits the summary's budget: exact cost of each clause, clauses compressed to fit."""

from __future__ import annotations

import re

from bot.summarize import summarize
from bot.summarize.compress import drop_words
from bot.summarize.lang import Lang, fold
from bot.summarize.rank import score_units
from bot.summarize.select import select
from bot.summarize.sentences import split

GYMS_TITLE = "市体育局关于做好全民健身场馆开放工作的通知"
GYMS = """各区体育局：
一、各体育场馆要在6月1日前完成消防安全检查。
二、各体育场馆要为老年人提供免费开放时段。
三、各体育场馆不得向中小学生收取入场费。
"""
# What the three directives take once rendered: no outline markers, each ending on its own "。".
GYMS_SAID = "各体育场馆要在6月1日前完成消防安全检查。各体育场馆要为老年人提供免费开放时段。各体育场馆不得向中小学生收取入场费。"

GAS_TITLE = "区应急管理局关于开展燃气安全隐患排查的通知"
GAS = """各街道办事处：
各街道要切实组织开展一次全面的燃气安全隐患排查。
"""

ALARMS_TITLE = "New smoke alarm rules for landlords"
ALARMS = """The city has changed its rules for rented homes.
Landlords must fit a smoke alarm in every bedroom of a rented home by March 1, 2026, and must test each \
alarm once a month after that date, keeping a written record of every test for inspectors.
Tenants must report a faulty alarm to their landlord within two days.
"""


def _norm(text: str, lang: Lang) -> str:
    text = fold(text).lower()
    return "".join(text.split()) if lang == "zh" else " ".join(text.split())


def _invented(summary: str, source: str, lang: Lang) -> list[str]:
    """The summary's clauses that are not in the source, once the dropped words are removed from both."""
    dropped = _norm(drop_words(source, lang), lang)
    pieces = [p.strip(" .。") for p in re.split(r"[，,；;：:。]|\.\s", summary) if p.strip(" .。")]
    return [p for p in pieces if _norm(drop_words(p, lang), lang) not in dropped]


def test_outline_markers_and_own_marks_cost_nothing() -> None:
    # A Chinese clause keeps its own "。" and loses its outline marker ("一、"): a budget of exactly what
    # the three directives take holds all three (counting a separator and the marker per clause lost one).
    s = summarize(GYMS_TITLE, GYMS, budget=len(GYMS_SAID))
    assert s.summary == GYMS_SAID
    assert len(s.summary) <= len(GYMS_SAID)


def test_formula_goes_only_when_the_clause_would_not_fit_otherwise() -> None:
    full = "各街道要切实组织开展一次全面的燃气安全隐患排查。"
    assert summarize(GAS_TITLE, GAS, budget=len(full)).summary == full  # fits: kept as written
    tight = summarize(GAS_TITLE, GAS, budget=len(full) - 2).summary
    assert tight == "各街道要组织开展一次全面的燃气安全隐患排查。"  # 切实 grades the effort, not the duty
    assert not _invented(tight, GAS, "zh")
    assert summarize(GAS_TITLE, GAS, budget=len(full) - 6).summary == ""  # no cut below the duty itself


def test_a_long_english_duty_is_cut_at_a_tail_keeping_its_date() -> None:
    s = summarize(ALARMS_TITLE, ALARMS, budget=210)
    assert "Landlords must fit a smoke alarm in every bedroom of a rented home by March 1, 2026." in s.summary
    assert "written record" not in s.summary  # the tail goes, the date stays
    assert "Tenants must report a faulty alarm" in s.summary
    assert len(s.summary) <= 210
    assert not _invented(s.summary, ALARMS, "en")


def test_a_cut_clause_is_not_run_into_the_next_one() -> None:
    # The rendered directive ends where the cut fell; it is not glued to a later clause of its sentence.
    s = summarize(ALARMS_TITLE, ALARMS, budget=210)
    directive = next(d for d in s.directives if d.startswith("Landlords"))
    assert directive.endswith("2026.")


def test_only_a_duty_is_cut_to_fit() -> None:
    # Background cut short ("Although March 1 is the last day.") says nothing; a duty cut at a tail does.
    sentences = split(ALARMS, "en")
    units = score_units(sentences, "en", ALARMS_TITLE)
    landlords = next(u for u in units if u.clause.text.startswith("Landlords"))
    assert landlords.directive
    chosen = [u for g in select([landlords], 100, "en") for u in g]
    assert chosen and chosen[0].shown.startswith("Landlords must fit a smoke alarm")
    landlords.directive = False
    landlords.shown = ""
    assert select([landlords], 100, "en") == []
