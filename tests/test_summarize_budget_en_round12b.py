"""English budget rules of round 12 (second wave) of #9, read from how notices are laid out: a short line that
states a step and its full date ("Voting closes 24 June 2031") is a timetable's entry, not a heading; a sentence
opened by "As you are aware" recalls a story the reader knows: it is no lead for the headline to lift."""

from __future__ import annotations

import time

import pytest

from bot.summarize import cues, rank, summarize
from tests.scoring import en_texts, en_unit, en_units

_TIMETABLE = (
    "Elections to the committee are held every two years.\n\n"
    "Nomination papers circulated 3rd May 2031\n"
    "Voting closes 24 June 2031\n\n"
    "Members vote by post and the count is held at the office."
)


@pytest.mark.parametrize(
    "line",
    [
        "Nomination papers circulated 3rd May 2031",
        "Voting closes 24 June 2031",
        "Voting closes on Monday 24 June 2031",
        "Applications open 1 September 2031",
        "Results due 30 June 2031",
        "Consultation ends: 12 March 2031",
        "Ballot papers despatched 2nd April 2031",
        "Works commence 7 July 2031",
    ],
)
def test_a_step_and_its_full_date_is_a_timetable_entry(line: str) -> None:
    assert rank._timetable_entry(line)
    text = f"The branch has set its timetable.\n\n{line}\n\nMembers will be told of the result."
    assert line in en_texts(text)


def test_timetable_entries_enter_the_summary_and_headline() -> None:
    result = summarize("Committee elections", _TIMETABLE)
    assert "Nomination papers circulated 3rd May 2031" in result.summary
    assert "Voting closes 24 June 2031" in result.summary
    assert "Voting closes 24 June 2031" in result.headline


@pytest.mark.parametrize(
    "line",
    [
        # A title names a period or an event, no step with a date.
        "Road works during June 2031",
        "Branch 2031 AGM 5th May Calling Notice",
        "Annual General Meeting 20th February 2031",
        "Notice of Road Closure 5 August 2031",
        "Timetable for the 2031 ballot",
        # A page's own date line.
        "Last updated 5 July 2031",
        "Page reviewed 5 July 2031",
        "Posted on 3 March 2031",
        "Page last changed 3 March 2031",
        "Website accessed 3 March 2031",
        "Released: Friday 4 June 2031",
        "Minutes published 3 May 2031",
        "Letter signed 3 March 2031",
        # A step whose date is no date of it: a case a list under it details, or a date without its year.
        "Payments received after 13 June 2031",
        "Forms received before 1 May 2031",
        "Voting closes 24 June",
        # A verb first says no step of a subject ("Extended", a label).
        "Extended opening hours 24 June 2031",
        # A long heading-shaped line is not a timetable's step.
        "Residents of the northern wards whose bins were not emptied closes 24 June 2031 and the rest of it too",
    ],
)
def test_headings_and_page_dates_are_no_timetable_entry(line: str) -> None:
    assert not rank._timetable_entry(line)


def test_a_case_heading_stays_a_heading() -> None:
    text = (
        "Fees for the winter period are set out below.\n\n"
        "Payments received after 13 June 2031\n\n"
        "  • Signs will be displayed from 20 June 2031 for at least 14 days.\n"
    )
    assert "Payments received after 13 June 2031" not in en_texts(text)


def test_the_timetable_rule_is_linear() -> None:
    start = time.process_time()
    for line in (
        "a " * 50_000,
        "Ballots " + "e" * 100_000 + "d 3 May 2031",
        "x close " * 12_500,
        "1 May 2031 " * 9_000,
    ):
        rank._timetable_entry(line)
        en_units(line)
    assert time.process_time() - start < 1.0


def _score(text: str, clause: str) -> float:
    return en_unit(text, clause).score


def test_the_news_a_recalled_sentence_goes_on_to_give_keeps_its_weight() -> None:
    # Review: weighing every clause after "As you know," as background dropped the news itself (a successor named);
    # a guard against that rule's return (it passes on the code before this round too).
    recalled = (
        "As you know, the warden retires this summer, her successor is Mr Tom Reed, who ran the East Lodge."
    )
    plain = "We can confirm, the warden retires this summer, her successor is Mr Tom Reed, who ran the East Lodge."
    assert _score(recalled, "the warden retires") == pytest.approx(_score(plain, "We can confirm"), abs=0.05)


@pytest.mark.parametrize(
    "opener",
    ["As you know", "As you will be aware", "As members may be aware", "As most of you know"],
)
def test_recall_openers(opener: str) -> None:
    assert cues.EN_RECALL.match(f"{opener}, the hall was repainted in the spring")


@pytest.mark.parametrize(
    "sentence",
    [
        # Not a recall: "as" compares or times, or the writer knows.
        "As we are aware the hall was repainted in the spring, this has led to higher bills.",
        "As the hall was repainted in the spring, this has led to higher bills.",
        "As soon as you know your results, this form should be returned.",
        "Do as you know best, this is your decision.",
    ],
)
def test_not_a_recall(sentence: str) -> None:
    assert not cues.EN_RECALL.match(sentence)


def test_a_recalled_duty_is_still_a_duty() -> None:
    recalled = "As you know, all entry forms must be returned to the office by 5 May 2031."
    plain = "As we know, all entry forms must be returned to the office by 5 May 2031."
    duty = "all entry forms must"
    assert _score(recalled, duty) == pytest.approx(_score(plain, duty), abs=0.05)
    assert any(u.directive for u in en_units(recalled))


def test_a_recalled_lead_takes_no_lead_lift_in_the_headline() -> None:
    text = (
        "As you are aware, the committee met in March, this has resulted in a number of changes in the area.\n\n"
        "The new rota will start on 3 May 2031 and runs for the season.\n\n"
        "Members should collect their keys from the office."
    )
    assert "resulted" not in summarize("Club notice", text).headline


def test_the_recall_opener_is_linear() -> None:
    start = time.process_time()
    for line in ("as you " * 15_000, "As members " + "a" * 100_000):
        cues.EN_RECALL.match(line)
        en_units(line + ", it went on.")
    assert time.process_time() - start < 1.0


def test_a_title_case_banner_with_a_step_and_a_date_stays_a_heading() -> None:
    # Review: "Tender Cancelled 9 September 2031" read as a timetable row displaced the sentence that tells the news.
    for banner in (
        "Tender Cancelled 9 September 2031",
        "Term Starts 3 September 2031",
        "Polls Close 6 May 2031",
    ):
        assert not rank._timetable_entry(banner), banner
    text = (
        "Cleaning contract\n\nTender Cancelled 9 September 2031\n\n"
        "The tender for the cleaning contract of the town hall has been withdrawn by the council.\n\n"
        "A new tender will be advertised in the spring."
    )
    summary = summarize("Cleaning contract", text).summary
    assert "has been withdrawn" in summary, summary
    assert "Tender Cancelled" not in summary, summary
