"""English headline, round 12: a cut never parts a noun from the amount it states ("a late fine | of $30"), a
clause opening with before/after/until/once is cut past its main verb (and alone is no piece), "fully" bounds a
duty rather than intensifying it, and a deadline stated hour first is a due date."""

from __future__ import annotations

import re
import time

import pytest

from bot.summarize import summarize
from bot.summarize.compress import compress
from bot.summarize.cuts import _EN_OF_FIGURE, _EN_SUBORDINATE_OPEN, core, shorten
from bot.summarize.headline import _circumstance_only
from bot.summarize.worth import _EN_DUE, specifics
from tests.headline_checks import assert_kept_en as _kept

# --- "of" before an amount: the amount is what the noun says --------------------------------------------------


def test_the_core_keeps_a_rate_with_its_figure() -> None:
    # Before: "Penalty is computed at the rate" (cut before "of 5%": a rate without its figure).
    out = core(
        "Penalty is computed at the rate of 5% per month on any amount that remains unpaid after the due date",
        "en",
        counts=False,
    )
    assert out == "Penalty is computed at the rate of 5% per month"


def test_the_core_keeps_a_fee_with_its_amount() -> None:
    # Before: "Members who renew late will be charged a late fee".
    out = core(
        "Members who renew late will be charged a late fee of $40 for each month of delay", "en", counts=False
    )
    assert out == "Members who renew late will be charged a late fee of $40"


@pytest.mark.parametrize(
    "tail",
    [
        " of $30 for each late form",
        " of nearly $14,000 per violation",
        " of more than 1,000 jets",
        " of Rs. 5,000 for each form",
        " of up to £900",
        ", of 25% of the sum",
    ],
)
def test_an_amount_after_of_is_the_nouns(tail: str) -> None:
    assert _EN_OF_FIGURE.match(tail) is not None


@pytest.mark.parametrize(
    "tail",
    [
        " of the board must sign",  # "Members | of the board": no amount
        " of the 5 schools in the district",  # a determiner first: which schools, cut as before
        " of Manpower",  # a name (kept whole by its own rule)
        " offer 5 places",  # another word
        " of each term",
        " of five schools",  # a number in words is no figure here: the old behaviour stays
        " of staff",
        " of May",  # a month: a date's own rules keep it
        " of about the same size",
        " of more than one kind",
        " of up to date records",
        " of Rs",  # no figure after the currency's name
        "of $5",  # no blank before "of": not a boundary
    ],
)
def test_of_without_an_amount_is_no_amount(tail: str) -> None:
    assert _EN_OF_FIGURE.match(tail) is None


def test_a_core_may_still_fall_before_an_of_phrase_without_an_amount() -> None:
    out = core(
        "All club secretaries must send the signed forms to the office of the league secretary in the town hall",
        "en",
        counts=False,
    )
    assert out == "All club secretaries must send the signed forms to the office"


# --- A clause that opens with before/after/until/once: its main verb follows the comma --------------------------


def test_a_clause_opening_with_before_is_cut_past_its_main_verb() -> None:
    text = (
        "Before a council can collect any personal data from residents, it must receive written approval from "
        "the privacy office of the state"
    )
    # Before: "Before a council can collect any personal data" (the condition alone, the duty cut off).
    out = shorten(text, 70, "en")
    assert (
        out
        == "Before a council can collect any personal data from residents, it must receive written approval"
    )
    assert text.startswith(out)


def test_a_clause_opening_with_once_is_cut_past_its_main_verb() -> None:
    text = (
        "Once the applicant has paid the fee at the counter, the clerk will issue a receipt for the payment made "
        "that day"
    )
    out = shorten(text, 70, "en")
    assert "the clerk will issue a receipt" in out, out  # before: "Once the applicant has paid the fee"


def test_a_subordinate_opening_without_a_comma_is_not_cut() -> None:
    # No comma closes the condition: no main verb to keep, no cut (the text stays as it is) and no core.
    text = (
        "Until the repairs to the main hall are complete the meetings move to the library annexe on the hill"
    )
    assert shorten(text, 70, "en") == text
    assert core(text, "en") == ""


@pytest.mark.parametrize(
    "text",
    [
        "After-school clubs will close for the summer",  # a compound, no subordinator
        "Afterwards the office will reopen",
        "Beforehand all members must sign",
        "Untill the end",  # a misspelling is not matched as "until"
        "Sincerely yours",  # "since" is not in the set
        "The office closes before noon",  # not at the start (match is anchored)
        "Beforehand, staff must sign",
        "Aftercare will be provided",
        "Oncefor all",
        "Until-now rules apply",
        "When the office reopens, staff will return",  # when/if keep their own rule (_circumstance_only)
        "If you owe tax, you must pay",
    ],
)
def test_subordinate_openers_are_whole_words_at_the_start(text: str) -> None:
    assert _EN_SUBORDINATE_OPEN.match(text) is None


def test_a_clause_not_opening_with_a_subordinator_cuts_as_before() -> None:
    text = (
        "Students must register online before the first class of the term through the portal of the college of "
        "arts"
    )
    out = shorten(text, 70, "en")
    assert out == "Students must register online before the first class of the term"


def test_a_before_after_or_until_frame_alone_is_no_piece() -> None:
    # Before: "After three months" (the frame of a clause the split left behind) stood as a piece.
    assert _circumstance_only("After three months", False)
    assert _circumstance_only("Before the hall reopens", False)
    assert _circumstance_only("Until further notice", False)
    # Look-alikes: one that dates what is due stays; a frame with its main clause stays; so does a subject.
    assert not _circumstance_only("After May 1", True)
    assert not _circumstance_only("After 3 months, a second penalty of £300 applies", False)
    assert not _circumstance_only("Afterwards the office will reopen", False)
    assert not _circumstance_only("After-school clubs close on Friday", False)


# --- "fully" bounds a duty ---------------------------------------------------------------------------------------


def test_fully_is_kept() -> None:
    # Before: "Fees will be refunded …": a full refund and a refund are not the same promise.
    assert compress("Fees will be fully refunded to students who withdraw before the first class.", "en") == (
        "Fees will be fully refunded to students who withdraw before the first class"
    )
    out = compress("Contractors are required to fully comply with the revised safety code.", "en")
    assert out == "Contractors are required to fully comply with the revised safety code"


def test_the_intensifiers_still_go() -> None:
    assert (
        compress("Residents are strongly urged to conserve water.", "en")
        == "Residents are urged to conserve water"
    )
    assert compress("Staff should also actively report leaks.", "en") == "Staff should report leaks"


# --- A reporter's hedge on what happened gives way to the directives ---------------------------------------------

AGENDA = (
    "The ministry wants faster decisions on pending files.\n"
    "These issues are understood to have been highlighted at a recent meeting of the council of ministers on "
    "September 7, 2031.\n"
    "Each ministry should regularly monitor its capital spending and take steps to speed it up.\n"
    "Filling up of vacant posts should be given top priority."
)


def test_a_hedged_report_of_a_meeting_gives_way_to_the_directives() -> None:
    # Before: the whole headline was the hedged report ("These issues are understood to have been highlighted …"),
    # "issues" read as a measure; after a determiner it is the noun (cues._EN_NOT_A_NOUN).
    out = summarize("Agenda for ministries", AGENDA).headline
    assert "understood" not in out, out
    assert "Each ministry should regularly monitor its capital spending" in out, out
    _kept(out, AGENDA)


# --- A stated deadline whose hour comes first -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The deadline for Self Assessment tax returns is 11.59pm on January 31",
        "The closing date for entries is 5 p.m., Friday, June 6",
        "The deadline for comments is midnight on April 15",
        "The last day to apply is 10am Monday 3 March",
    ],
)
def test_a_deadline_stated_with_its_hour_first_is_due(text: str) -> None:
    # Before: the hour before the day hid the date from the "deadline … is <date>" test: no due date (0.0 there).
    assert _EN_DUE.search(text) is not None
    assert specifics(text, "en") >= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "The deadline is 5 p.m.",  # an hour and no day
        "The deadline is noon",
        "The deadline is 5 p.m. on weekdays",
        "The office is open 9 a.m. on May 3",  # no deadline named
        "The deadline for the 2 p.m. session is unchanged",
        "The meeting is at 7 p.m. on the third floor",
        "The deadline is midnight",
        "The deadline has passed",
        "The last day is a holiday",
        "Midnight on Friday is when the doors close",
    ],
)
def test_no_due_date_without_a_deadline_and_its_day(text: str) -> None:
    assert _EN_DUE.search(text) is None


# --- Hostile input ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "line", "how"),
    [
        (_EN_OF_FIGURE, " of" + " about" * 20_000, "match"),
        (_EN_OF_FIGURE, " " * 100_000, "match"),
        (_EN_OF_FIGURE, " of " * 25_000, "search"),
        (_EN_SUBORDINATE_OPEN, "before" * 16_000, "match"),
        (_EN_SUBORDINATE_OPEN, " " * 100_000, "search"),
        (_EN_DUE, "deadline is 5 p.m. on " * 4_000, "search"),
        (_EN_DUE, "deadline is midnight, on " * 4_000, "search"),
        (_EN_DUE, "5" * 100_000, "search"),
    ],
)
def test_the_round12_patterns_are_linear_on_hostile_lines(
    pattern: re.Pattern[str], line: str, how: str
) -> None:
    start = time.process_time()
    getattr(pattern, how)(line)
    assert time.process_time() - start < 0.5


def test_the_round12_cuts_are_linear_on_hostile_clauses() -> None:
    for clause in (
        "Before " + "a " * 50_000 + ", it must pay",
        "Once " + "x" * 100_000,
        "Members will be charged a fee" + " of about" * 10_000 + " $5",
        "Until " + ", " * 50_000,
    ):
        start = time.process_time()
        shorten(clause, 70, "en")
        core(clause, "en", counts=False)
        assert time.process_time() - start < 1.0, clause[:40]
