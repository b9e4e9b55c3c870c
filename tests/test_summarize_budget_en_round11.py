"""English budget rules of round 11 of #9, read from how English notices word an appeal: "calls upon" and
"called upon" someone to do something is the same appeal as "calls on" (a report of an official letter:
"it has also called upon ministries to …"); "upon" someone without an infinitive after them is no appeal."""

from __future__ import annotations

import time

import pytest

from bot.summarize import cues, summarize
from bot.summarize.rank import score_units
from bot.summarize.sentences import split

OBLIGATION = cues.OBLIGATION["en"]


@pytest.mark.parametrize(
    "sentence",
    [
        "It has also called upon ministries and departments to target full procurement through the portal.",
        "The council calls upon all residents to conserve water until the main is repaired.",
        "The Registrar called upon heads of department to submit the attendance returns by Friday.",
        "Volunteers may be called upon to staff the polling stations on election day.",
    ],
)
def test_called_upon_someone_to_act_is_an_appeal(sentence: str) -> None:
    assert OBLIGATION.search(sentence) is not None
    units = score_units(split(sentence, "en"), "en", "Notice")
    assert units and units[0].directive


@pytest.mark.parametrize(
    "sentence",
    [
        # No infinitive after the one called upon: a visit, a resource drawn on, a noun.
        "The inspector called upon the residents of Elm Street last week.",
        "She called upon her long experience of the district in the review.",
        "The mayor called upon the family, who spoke to reporters afterwards.",
        "A call upon the reserve fund to cover the deficit was rejected last year.",
        "Upon the call to prayer the market falls quiet.",
        "The reserves were called upon twice during the drought.",
        "The board recalled upon reflection that the fee had been waived.",
        "Residents can call upon the helpdesk for advice on recycling.",
        "The hall was called Upon Hill House by its first owners.",
        "The ministry called upon the council in June and again in August.",
    ],
)
def test_upon_without_someone_to_act_is_no_appeal(sentence: str) -> None:
    assert OBLIGATION.search(sentence) is None


def test_an_appeal_called_upon_enters_the_summary() -> None:
    # A report of an official letter: the appeal "called upon … to" is the letter's duty, worth a place in a
    # budget that background fills otherwise.
    text = (
        "The Cabinet Secretary has written to all secretaries about the agenda for the coming year. "
        "The issues were raised at a meeting of the council of ministers earlier this month in the capital. "
        "The letter was circulated to all ministries on Tuesday evening after the meeting had ended. "
        "It has also called upon ministries and departments to target full procurement through the portal. "
        "Officials said the agenda had been discussed at length by the ministers present at the meeting."
    )
    result = summarize("Cabinet Secretary writes to secretaries", text, budget=150)
    assert "target full procurement through the portal" in result.summary
    assert "called upon ministries and departments" in result.summary


def test_the_new_pattern_is_linear() -> None:
    start = time.process_time()
    for line in (
        "called upon " + "word " * 20_000,
        "calls upon " * 9_000,
        "called upon " + "a" * 100_000,
        ("called upon " + "x " * 8) * 5_000,
    ):
        OBLIGATION.search(line)
        OBLIGATION.search(line.upper())
        cues.caseless(OBLIGATION).search(line)
    assert time.process_time() - start < 1.0
