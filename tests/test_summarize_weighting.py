"""Weighting rules added for recall inside the budget, each pinned on a hand-written example."""

from __future__ import annotations

from bot.summarize import summarize
from bot.summarize.importance import weigh
from bot.summarize.lang import Lang
from bot.summarize.rank import score_units
from bot.summarize.sentences import split
from tests.scoring import scored


def test_the_event_before_a_closing_notified_as_follows_is_content() -> None:
    # "…定于…召开…会议,现就有关事宜通知如下:" states the event itself; only its last clause introduces the list.
    text = (
        "各学院:\n"
        "学校定于5月20日在图书馆报告厅召开实验室安全工作会议,现就有关事宜通知如下:\n"
        "一、参加人员\n"
        "各学院分管副院长。\n"
    )
    units = scored(text, "zh")
    assert any("图书馆报告厅" in u.clause.text for u in units)
    assert not any("通知如下" in u.clause.text for u in units)
    assert "图书馆报告厅" in summarize("会议通知", text).summary


def test_a_closing_notified_as_follows_alone_stays_framing() -> None:
    # Without an event (a date, a decision, a schedule) before it, the sentence only frames the list.
    units = scored("为做好安全检查工作,现就有关事项通知如下:\n一、各单位要于周五前完成自查。\n", "zh")
    assert not any("安全检查工作" in u.clause.text for u in units)


def _weight(text: str, lang: Lang, title: str = "") -> float:
    """The weight of a one-sentence notice's first unit (one sentence: no centrality in it)."""
    sentences = split(text, lang)
    weighed = weigh(score_units(sentences, lang, title), sentences, lang, None)
    return weighed[0].weight


def test_a_last_day_is_a_deadline() -> None:
    # "The last day to … is <date>": a deadline stated as a day, without "by" or "before".
    last = _weight("The last day to file objections is Monday, Feb. 11.", "en")
    other = _weight("The hearing on objections is Monday, Feb. 11.", "en")
    assert last > other + 1.0


def test_a_conceded_date_is_not_a_deadline() -> None:
    # "Although Oct. 15 is the last day …, some taxpayers have more time": the date is granted background.
    conceded = _weight(
        "Although Oct. 15 is the last day for most people to file, others have more time.", "en"
    )
    stated = _weight("Oct. 15 is the last day for most people to file, others have more time.", "en")
    assert stated > conceded + 1.5


def test_duty_lines_without_periods_are_a_list_not_headings() -> None:
    # A release that sets its duties as lines: each line lost its period, none is a heading.
    text = (
        "The council announced new rules for food stalls on Monday.\n\n"
        "From March 1, every stall will be required to display its licence\n\n"
        "From April 1, stall owners must keep a cleaning log for inspectors\n"
    )
    units = scored(text, "en")
    assert any("display its licence" in u.clause.text for u in units)
    assert any("cleaning log" in u.clause.text for u in units)


def test_a_subheading_with_a_verb_stays_a_heading() -> None:
    # One heading-shaped line above its paragraph names the section, even with a verb in it.
    text = (
        "Federal law requires employers to provide safe working conditions\n\n"
        "Inspectors visited 40 sites in the county last year and found heat hazards at half of them.\n"
    )
    assert not any("safe working conditions" in u.clause.text for u in scored(text, "en"))
