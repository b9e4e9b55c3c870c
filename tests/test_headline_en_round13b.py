"""English headline, round 13 (second wave): a lead-in whose modal waits for the list below it ("…, members
may:") and a passive verb of where to ("should be addressed", "can be found") say nothing without what follows,
so no cut leaves them at a piece's end and no such piece enters the headline."""

from __future__ import annotations

import time

import pytest

from bot.summarize import summarize
from bot.summarize.compress import compress
from bot.summarize.cuts import _EN_HANGING, hangs, shorten
from bot.summarize.sentences import split

_LIBRARY = (
    "The main reading room is closed for refurbishment from 2 March to 27 March 2031. Instead, until 27 March "
    "2031, registered readers may:\n"
    "1. Borrow and return books at the Eastgate branch, whatever branch they normally use;\n"
    "2. Order up to ten items online for collection at the front desk of the Civic Centre.\n"
)


def test_a_lead_in_ending_on_its_modal_is_no_headline_piece() -> None:
    # Before: "…; Until 27 March 2031, registered readers may." (the list it introduces left behind).
    headline = summarize("Library opening hours during the refurbishment", _LIBRARY).headline
    assert not headline.rstrip(".").endswith("may")
    assert "from 2 March to 27 March 2031" in headline


@pytest.mark.parametrize(
    ("clause", "kept"),
    [
        (
            "Any questions about plot renewals should be addressed to the Allotments Officer at the Town Hall "
            "in Market Square",
            "Any questions about plot renewals should be addressed to the Allotments Officer",
        ),
        (
            "Complaints about the new bin collection round should be directed to the Waste Services team at "
            "the depot on Mill Lane",
            "Complaints about the new bin collection round should be directed to the Waste Services team",
        ),
    ],
)
def test_a_cut_keeps_where_a_passive_verb_of_direction_points(clause: str, kept: str) -> None:
    # Before: "… should be addressed" / "… should be directed", cut before "to …".
    assert shorten(clause, 60, "en") == kept


def test_a_clause_ending_on_can_be_found_is_not_cut_there() -> None:
    clause = (
        "The application pack and the full conditions of the grant can be found on the parish council's "
        "noticeboard by the church"
    )
    assert (
        shorten(clause, 60, "en") != "The application pack and the full conditions of the grant can be found"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Concerned taxpayers may",
        "Until the end of term, pupils must",
        "Members shall",
        "Volunteers should",
        "Queries should be addressed",
        "The forms can be found",
        "Late entries will be forwarded",
        "Readers may be referred",
    ],
)
def test_a_waiting_modal_or_place_verb_hangs(text: str) -> None:
    assert hangs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Fees are payable by 31 May",  # the month, not the modal
        "The hall reopens in May",
        "DEADLINE 31 MAY",
        "A valid photo ID is a must",  # the noun
        "Travel only if you must",  # a pronoun's elliptic modal
        "Stay at home if they may",
        "We will help where we shall",
        "The cause of the fault could not be found",  # no modal right before "be"
        "The owner cannot be found",
        "All applications must be submitted",  # says what happens, not where to
        "The hall will be closed",
        "Letters have been forwarded",
        "The Shall Road depot",
        "Entries close on Friday 9 May",
    ],
)
def test_look_alikes_do_not_hang(text: str) -> None:
    assert not hangs(text)


@pytest.mark.parametrize("unit", ["may ", "a must ", "should be ", "be found ", "you must "])
def test_hanging_is_linear_on_a_long_hostile_line(unit: str) -> None:
    line = unit * (100_000 // len(unit))
    start = time.perf_counter()
    hangs(line)
    _EN_HANGING.search(line)
    shorten(line, 150, "en")
    assert time.perf_counter() - start < 1.0


# --- a range of dates or times is one clause ------------------------------------------------------------------


def _clauses(text: str) -> list[str]:
    return [c.text for s in split(text, "en") for c in s.clauses]


@pytest.mark.parametrize(
    "line",
    [
        "Late enrolment window: 3 – 14 March 2031",
        "Second-year students: 28 February – 11 April 2031",
        "The counter is staffed 9:30 – 12:45 on weekdays.",
        "Collections run 7am – 11am on the first Monday.",
        "The pool is closed 16 June – 2 July for retiling.",
    ],
)
def test_a_range_of_dates_or_times_is_one_clause(line: str) -> None:
    # Before: split at the dash ("Late enrolment window: 3 –" / "14 March 2031").
    assert _clauses(line) == [line]


def test_a_range_stays_whole_in_the_headline() -> None:
    text = (
        "12 May 2031 – The windows for this year's returns are:\n"
        "  • Sole traders: 3 – 14 July 2031\n"
        "  • Partnerships: 15 July – 30 September 2031\n"
        "Returns sent after the window closes are charged a late fee of £100."
    )
    headline = summarize("Return windows 2031", text).headline
    assert "3 – 14 July 2031" in headline or "15 July – 30 September 2031" in headline


@pytest.mark.parametrize(
    ("line", "first"),
    [
        ("9 June 2031 – The dates for the new season are set.", "9 June 2031 –"),  # a dateline's dash
        ("Grade 5 – Students must bring a packed lunch.", "Grade 5 –"),  # a number, then words
        ("Betta Hardware, 46 – 48 Mill Street, Napier.", "Betta Hardware, 46 –"),  # a street number
        ("Fees rise by 5 – 10 dollars a term.", "Fees rise by 5 –"),  # amounts, no date
        ("Closed on 3 May – please use the side door.", "Closed on 3 May –"),  # a date, then an aside
        ("Version 2 – 3 new features were added.", "Version 2 –"),  # a count after the dash
        ("Room 12 – 4th floor, east wing.", "Room 12 –"),
        ("Term starts in March – 2 weeks earlier than usual.", "Term starts in March –"),
        ("Apply by 1 June – 30 places remain.", "Apply by 1 June –"),
        ("Ward 7 – 24 hour visiting applies.", "Ward 7 –"),
    ],
)
def test_other_dashes_still_break(line: str, first: str) -> None:
    assert _clauses(line)[0] == first


@pytest.mark.parametrize("unit", ["1 – ", "July – ", "– 1 ", "1 –1 July "])
def test_the_range_check_is_linear_on_a_long_hostile_line(unit: str) -> None:
    line = unit * (100_000 // len(unit))
    start = time.perf_counter()
    split(line, "en")
    assert time.perf_counter() - start < 1.0


# --- an order in the first person ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        (
            "Mindful that the harbour walls were damaged in last week's storm surge, I direct that the east pier "
            "be closed to all vehicles for 14 days",
            "The east pier be closed to all vehicles for 14 days",
        ),
        (
            "I hereby order that all licensed bars shall close at 10 p.m. until the curfew is lifted",
            "All licensed bars shall close at 10 p.m. until the curfew is lifted",
        ),
        (
            "Considering that clean water is short in the valley, we do hereby declare that hosepipes may not "
            "be used before 1 September",
            "Hosepipes may not be used before 1 September",
        ),
    ],
)
def test_a_first_person_order_and_its_recital_go(clause: str, expected: str) -> None:
    # Before: the recital and "I direct that" stayed, and the clause was too long for a headline piece.
    assert compress(clause, "en") == expected


@pytest.mark.parametrize(
    "clause",
    [
        "Noting that 40 cases were confirmed on 3 May, I direct that all schools close",  # a figure in the recital
        "I directed that the report be filed by Friday",  # past: a report of an order
        "Considering the weather, the council will close the east pier for 14 days",  # no order in person
        "I direct the district officers to enforce the curfew strictly",  # no "that": whom, not what
        "The officer may direct that a vehicle be moved",  # a body's power, not the writer's order
        "Mindful of the costs, the board decided to keep fees at £40",
        "If I direct that a hearing be held, notice will be given",
        "We would like to order that the meeting starts at 7pm",
        "Those who order that dish must wait 20 minutes",
        "Cognizant that, as we said, I direct nothing",
    ],
)
def test_other_clauses_keep_their_frame(clause: str) -> None:
    assert compress(clause, "en").split()[0].lower() == clause.split()[0].lower()


@pytest.mark.parametrize("unit", ["cognizant of ", "noting that a, ", "I hereby ", "we, "])
def test_the_order_frame_is_linear_on_a_long_hostile_line(unit: str) -> None:
    line = unit * (100_000 // len(unit))
    start = time.perf_counter()
    compress(line, "en")
    assert time.perf_counter() - start < 1.0
