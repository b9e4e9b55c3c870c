"""English clauses and headline, round 13 (second wave): a range of dates or times is one clause, not two halves
at its dash; an order in the first person ("I hereby direct that …") is a frame around what it orders."""

from __future__ import annotations

import time

import pytest

from bot.summarize import summarize
from bot.summarize.compress import compress
from bot.summarize.sentences import split
from tests.scoring import en_clauses

# --- a range of dates or times is one clause ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Late enrolment window: 3 – 14 March 2031",
        "Second-year students: 28 February – 11 April 2031",
        "The counter is staffed 9:30 – 12:45 on weekdays.",
        "Collections run 7am – 11am on the first Monday.",
        "The pool is closed 16 June – 2 July for retiling.",
        "The footbridge is shut 5 – 9 May inclusive.",
    ],
)
def test_a_range_of_dates_or_times_is_one_clause(line: str) -> None:
    # Before: split at the dash ("Late enrolment window: 3 –" / "14 March 2031").
    assert en_clauses(line) == [line]


def test_a_range_stays_whole_in_the_headline() -> None:
    text = (
        "Because of the county exams, the sports hall at Ridgeway School is closed to clubs 4 – 15 June 2031. "
        "Club members who miss a session can have it refunded at the leisure office."
    )
    headline = summarize("Ridgeway sports hall", text).headline
    assert "4 – 15 June 2031" in headline


@pytest.mark.parametrize(
    ("line", "first"),
    [
        (
            "4 March 2031 – Works on the canal towpath start next week.",
            "4 March 2031 –",
        ),  # a dated line's dash
        ("Grade 5 – Students must bring a packed lunch.", "Grade 5 –"),  # a number, then words
        (
            "The clinic at 12 – 14 Harbour Row opens late on Thursdays.",
            "The clinic at 12 –",
        ),  # street numbers
        ("Fees rise by 5 – 10 dollars a term.", "Fees rise by 5 –"),  # amounts, no date
        ("Closed on 3 May – please use the side door.", "Closed on 3 May –"),  # a date, then an aside
        ("Version 2 – 3 new features were added.", "Version 2 –"),  # a count after the dash
        ("Room 12 – 4th floor, east wing.", "Room 12 –"),
        ("Term starts in March – 2 weeks earlier than usual.", "Term starts in March –"),
        ("Apply by 1 June – 30 places remain.", "Apply by 1 June –"),
        ("Ward 7 – 24 hour visiting applies.", "Ward 7 –"),
        # a date, then a clause of its own after the right-hand date: two clauses, not one range
        (
            "The depot shuts on 24 December – 27 December it opens for trade waste.",
            "The depot shuts on 24 December –",
        ),
        ("Stalls close on 2 August – 3 August the market hall is cleaned.", "Stalls close on 2 August –"),
        # a dateline (a place and its date opening the line), then the time it was issued
        (
            "HARBOURTON, 2 March 2031 – 11:15am. A gas leak has closed Quay Street.",
            "HARBOURTON, 2 March 2031 –",
        ),
        ("Bulletin, 6 October 2031 – 16:30. The ferry is cancelled.", "Bulletin, 6 October 2031 –"),
        ("DUNMORE, 9 May – 14 May the fair is on the green.", "DUNMORE, 9 May –"),
        # a label's number before the dash, not a range's first day
        ("Stage 2 – 19 August: the bridge deck is relaid.", "Stage 2 –"),
        ("Lot No. 4 – 12 June sale of surplus desks.", "Lot No. 4 –"),
    ],
)
def test_other_dashes_still_break(line: str, first: str) -> None:
    assert en_clauses(line)[0] == first


@pytest.mark.parametrize(
    ("title", "text", "kept"),
    [
        (
            "Depot over the holidays",
            "The garden waste depot is shut on 24 December – 27 December it opens again for trade waste only. "
            "Vans need a permit.",
            "27 December it opens again",
        ),
        (
            "Gas leak",
            "HARBOURTON, 2 March 2031 – 11:15am. A gas leak has closed Quay Street between the bridge and the "
            "market. Shops on Quay Street must stay shut until the engineers say it is safe.",
            "A gas leak has closed Quay Street",
        ),
    ],
)
def test_a_date_then_a_clause_and_a_dateline_keep_their_news(title: str, text: str, kept: str) -> None:
    headline = summarize(title, text).headline
    assert kept in headline
    assert "24 December – 27 December" not in headline


@pytest.mark.parametrize(
    "unit", ["1 – ", "July – ", "– 1 ", "1 –1 July ", "A, 1 – 1 July ", "1 – 1 July it "]
)
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
            "Considering that clean water is short in the valley, we do hereby order that hosepipes may not "
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
        # "declare" states, it does not order: a form's declaration, a statement of fact
        "I declare that the details on this form are correct to the best of my knowledge",
        "We declare that no buses will run on the coast road until the bridge is inspected",
        # the ordered clause's subject is a pronoun: without the frame it names nothing
        "I hereby direct that it remain in force until 31 August in the two northern wards",
        "We order that they be returned to the depot by Friday",
        # the recital says when, or the order points back to it
        "Considering that the regatta runs until the end of July, I direct that the slipway stay open at night",
        "Noting that the fair falls on a Saturday this year, we order that the car park open at 6am",
        "Mindful of the Christmas rush, I direct that the sorting office open on Sundays",
        "Mindful of the snow on the roads to the hill farms, I direct that the buses to those farms not run",
        "Conscious of the flooding in the lower town, I order that no vehicle enter there after dark",
        # the recital names places the order only refers to
        "Mindful of the flooding in Ashby and Holt, I direct that schools in the flooded villages close this week",
        "Considering that the river has burst its banks at Holt, I direct that all roads in the affected area close",
    ],
)
def test_other_clauses_keep_their_frame(clause: str) -> None:
    assert compress(clause, "en").split()[0].lower() == clause.split()[0].lower()


def test_a_declaration_on_a_form_is_not_made_a_claim() -> None:
    text = (
        "Parking permits for 2031 must be renewed by 28 February 2031. The renewal form ends with this line: "
        "I declare that the details I have given are true. Forms sent without proof of address are returned."
    )
    headline = summarize("Parking permit renewal", text).headline
    assert "The details I have given are true" not in headline


@pytest.mark.parametrize(
    "unit", ["cognizant of ", "noting that a, ", "I hereby ", "we, ", "mindful of a, I order that b it "]
)
def test_the_order_frame_is_linear_on_a_long_hostile_line(unit: str) -> None:
    line = unit * (100_000 // len(unit))
    start = time.perf_counter()
    compress(line, "en")
    assert time.perf_counter() - start < 1.0
