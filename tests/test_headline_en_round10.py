"""English headline, round 10: no cut-open asides or quotations, no label lines, a purpose cut after a pair."""

from __future__ import annotations

import re
import time

import pytest

from bot.summarize import summarize
from bot.summarize.compress import drop_words
from bot.summarize.cuts import _EN_PURPOSE_CUT, shorten
from bot.summarize.headline import _EN_QUOTE_CLOSE, _EN_QUOTE_OPEN, _EN_TAKES_EFFECT, _label_only, _quote_cut


def _kept(headline: str, text: str) -> None:
    """Nothing invented: each piece of the headline is the notice's text once the dropped words are gone."""
    source = " ".join(drop_words(text, "en").split()).lower()
    for piece in headline.rstrip(".").split("; "):
        assert " ".join(piece.split()).lower() in source, piece


# A made-up revenue page: the due date, a parenthetical note whose clause the split cuts open at a comma, then
# the penalties. The note cut open ("(Note: Those dealers required to make payment") says neither who must do
# what nor by when; the penalties do.
NOTE = (
    "The return is due on the 20th day of the month. The date received stamped by the department decides whether "
    "the return was timely. (Note: Those dealers required to make payment in immediately available funds must do so "
    "in a manner that makes the funds available to the state no later than the due date.)\n\n"
    "Penalties\n\nA penalty of 5% per month is charged. The maximum penalty is 25% of the tax due. The minimum is $15."
)


def test_a_parenthetical_cut_open_is_no_piece() -> None:
    headline = summarize("Sales tax: general provisions", NOTE).headline
    assert "(Note" not in headline and "Those dealers" not in headline, headline
    assert "The maximum penalty is 25% of the tax due" in headline, headline
    assert len(headline) <= 150
    _kept(headline, NOTE)


# A made-up report of a circular: the quoted approach's name is cut by the clause's core before "of"
# ("… said the 'whole"), which says half of what was quoted.
QUOTED = (
    "The schools board met on Monday to review the year.\n\n"
    "In a circular to all principals, the Director of Schools also said the 'whole of school' approach has to be "
    "adopted by all schools in drawing up their plans and that parents should be consulted at every stage of the "
    "work.\n\n"
    '"Schools to submit improvement plans after consulting parents, staff and governors," the circular said.'
)


def test_a_piece_that_cuts_a_quotation_open_is_no_piece() -> None:
    headline = summarize("Circular on school plans", QUOTED).headline
    assert "'whole" not in headline or "'whole of school'" in headline, headline
    assert not any(_quote_cut(piece) for piece in headline.rstrip(".").split("; ")), headline
    _kept(headline, QUOTED)


def test_quotes_opened_and_closed_are_counted_apart_from_apostrophes() -> None:
    assert _quote_cut("The Director said the 'whole")
    assert _quote_cut("Staff to follow the “clean desk")
    assert not _quote_cut("Staff to follow the “clean desk” rule")
    assert not _quote_cut("Use the ‘Where’s My Refund’ tool")  # the apostrophe inside a word closes nothing
    assert not _quote_cut("The Superintendent’s assistant will reply")
    assert not _quote_cut('"Schools to submit plans," the circular said')


# A made-up office memorandum: its two directives, the signature block, then the address line ("To / - All
# Heads of …"), which names whom the memorandum goes to and directs no one.
MEMO = (
    "OFFICE MEMORANDUM\nSubject: Cleanliness of departmental canteens.\n"
    "All departmental canteens shall be cleaned once a week by their managing committees. "
    "Photographs of the cleaned canteens may be uploaded on the websites of the departments.\n"
    "(R. Mehta)\nDirector (Canteens)\nTo\n- All Heads of Departments of the Regional Council of Westshire."
)


def test_an_address_line_is_no_piece() -> None:
    headline = summarize("Cleanliness of departmental canteens", MEMO).headline
    assert "All Heads of Departments" not in headline, headline
    assert "All departmental canteens shall be cleaned once a week" in headline, headline
    _kept(headline, MEMO)


def test_a_label_has_no_verb_figure_date_or_word_of_effect() -> None:
    assert _label_only("All Heads of Departments of the Regional Council", False)
    assert _label_only("Office hours of the central registry", False)
    assert not _label_only("Effective immediately", False)  # says when
    assert not _label_only("Until further orders", False)
    assert not _label_only("An initial £100 fixed penalty", False)  # a figure
    assert not _label_only("Registration on Monday", True)  # dated
    assert not _label_only("Canteens shall be closed", False)
    assert not _label_only("Shall publish a list of those that fail", False)  # a verb cut from its subject


def test_a_purpose_may_be_cut_after_a_pair() -> None:
    # "… wages and benefits | to ensure …": the purpose is the whole clause's, the pair stays whole.
    text = "Employers must pay all wages and benefits to ensure fair treatment of every worker in the sector"
    assert shorten(text, 70, "en") == "Employers must pay all wages and benefits"
    # A prepositional phrase still is never cut from a pair it qualifies ("… staff and students | of the school").
    other = (
        "Principals must brief all staff and students of the school on the new fire drill every single term"
    )
    assert not shorten(other, 50, "en").endswith("staff and students")


@pytest.mark.parametrize(
    ("pattern", "line", "how"),
    [
        (_EN_QUOTE_OPEN, " '" * 50_000, "findall"),
        (_EN_QUOTE_CLOSE, "a'" * 50_000, "findall"),
        (_EN_QUOTE_CLOSE, "a" * 100_000, "findall"),
        (_EN_TAKES_EFFECT, "further " * 12_500, "search"),
        (_EN_PURPOSE_CUT, " " * 100_000, "match"),
        (_EN_PURPOSE_CUT, ", to" * 25_000, "search"),
    ],
)
def test_the_round10_patterns_are_linear_on_hostile_lines(
    pattern: re.Pattern[str], line: str, how: str
) -> None:
    start = time.perf_counter()
    getattr(pattern, how)(line)
    assert time.perf_counter() - start < 0.5


def test_the_round10_checks_are_linear_on_hostile_pieces() -> None:
    start = time.perf_counter()
    _quote_cut("'" * 100_000)
    _label_only("a " * 50_000, False)
    shorten("Employers must pay wages and " + "b " * 50_000, 70, "en")
    assert time.perf_counter() - start < 1.0
