"""English budget rules of round 11 of #9, read from how English notices word an appeal and a term: "calls upon"
and "called upon" someone to do something is the same appeal as "calls on" (a report of an official letter:
"it has also called upon ministries to …"), "upon" someone without an infinitive after them is no appeal; and a
due date stated as a predicate ("payment is due on the day you register") is a directive, "due to" a cause."""

from __future__ import annotations

import time

import pytest

from bot.summarize import cues, summarize
from bot.summarize.importance import weigh
from bot.summarize.rank import _EN_DUE_PREDICATE, score_units
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


def _directive(sentence: str) -> bool:
    units = score_units(split(sentence, "en"), "en", "Notice")
    return any(u.directive for u in units if "due" in u.clause.text)


def _term(sentence: str) -> bool:
    return _EN_DUE_PREDICATE.search(cues.main_part(sentence.lower())) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "After the fee due date, payment is due on the day you register for a course.",
        "The quarterly report becomes due at the end of the next month.",
        "Extensions apply only to filing a return, tax payments are still due by the original deadline.",
        "Renewal fees are due before 31 March 2031.",
        "The second instalment is due within 30 days of the invoice.",
    ],
)
def test_a_term_stated_as_a_predicate_is_a_directive(sentence: str) -> None:
    assert _term(sentence)
    assert _directive(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # A cause, an attribute or a noun, not a term.
        "The closure of the pool is due to staff shortages in the leisure department.",
        "Thanks are due to the volunteers who cleared the park on Saturday.",
        "The delay is largely due to the storm that hit the coast last week.",
        "The rent due for the hall was paid by the parish council in full.",
        "The committee gave the proposal due consideration at its last meeting.",
        "Several overdue books were returned to the branch library last month.",
        "The new timetable will be published in due course by the transport office.",
        "The refund is due mainly to the cancelled trip and will be paid by cheque.",
        "A refund is due to you if the course is cancelled by the college.",
        "The increase was due in part to higher energy prices in the region.",
        "Residents were told that the works were due to start in the autumn.",
    ],
)
def test_due_as_a_cause_or_an_attribute_is_no_term(sentence: str) -> None:
    assert not _term(sentence)


FEE_PAGE = (
    "Late Registration Fee\n\n"
    "A late registration fee of $50 will be charged to students who register after the fee due date. "
    "The fee applies to initial registration and to courses added later in the term. "
    "After the fee due date, payment is due on the day you register for a course. "
    "Many students in past years found the online system easy to use once they had logged in. "
    "The registration office is located on the ground floor of the administration building."
)


def test_a_term_stated_as_a_predicate_enters_the_summary() -> None:
    # Without a modal it weighed as background (importance.UNDIRECTED_COST) below the fee's scope sentence.
    sentences = split(FEE_PAGE, "en")
    weights = {
        w.unit.clause.text: w.weight for w in weigh(score_units(sentences, "en", ""), sentences, "en", None)
    }
    assert (
        weights["payment is due on the day you register for a course."]
        > weights["The fee applies to initial registration and to courses added later in the term."]
    )
    result = summarize("Late Registration Fee", FEE_PAGE, budget=200)
    assert "ayment is due on the day you register for a course." in result.summary


def test_the_due_predicate_is_linear() -> None:
    start = time.process_time()
    for line in ("is " * 34_000, "is due " * 15_000, "are " + "a" * 100_000 + " due", "is due to " * 10_000):
        _EN_DUE_PREDICATE.search(line)
        list(re_finditer(line))
    assert time.process_time() - start < 1.0


def re_finditer(line: str) -> list[str]:
    return [m.group(0) for m in _EN_DUE_PREDICATE.finditer(line)]
