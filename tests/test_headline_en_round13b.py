"""English headline, round 13 (second wave): a lead-in whose modal waits for the list below it ("…, members
may:") and a passive verb of where to ("should be addressed", "can be found") say nothing without what follows,
so no cut leaves them at a piece's end and no such piece enters the headline."""

from __future__ import annotations

import time

import pytest

from bot.summarize import summarize
from bot.summarize.cuts import _EN_HANGING, hangs, shorten

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
    assert shorten(clause, 60, "en") != "The application pack and the full conditions of the grant can be found"


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
