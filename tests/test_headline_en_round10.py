"""English headline, round 10: cut-open brackets repaired, no cut-open quotations, no address lines, a purpose cut
after a pair."""

from __future__ import annotations

import re
import time

import pytest

from bot.summarize import summarize
from bot.summarize.cuts import _EN_OBJECT_TO, _EN_PURPOSE_CUT, shorten
from bot.summarize.headline import _EN_ADDRESSEE
from bot.summarize.sentences import EN_QUOTE_CLOSE, EN_QUOTE_OPEN, quote_open, split
from tests.headline_checks import assert_kept_en as _kept

# A made-up revenue page: the due date, a parenthetical note whose clause the split cuts open at a comma, then
# the penalties. The note cut open ("(Note: Those dealers required to make payment") says neither who must do
# what nor by when; the penalties do.
NOTE = (
    "The return is due on the 20th day of the month. The date received stamped by the department decides whether "
    "the return was timely. (Note: Those dealers required to make payment in immediately available funds must do so "
    "in a manner that makes the funds available to the state no later than the due date.)\n\n"
    "Penalties\n\nA penalty of 5% per month is charged. The maximum penalty is 25% of the tax due. The minimum is $15."
)


def test_a_parenthetical_cut_open_loses_its_bracket() -> None:
    headline = summarize("Sales tax: general provisions", NOTE).headline
    assert "(Note" not in headline, headline
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
    assert not any(quote_open(piece) for piece in headline.rstrip(".").split("; ")), headline
    _kept(headline, QUOTED)


def test_quotes_opened_and_closed_are_counted_apart_from_apostrophes() -> None:
    assert quote_open("The Director said the 'whole")
    assert quote_open("Staff to follow the “clean desk")
    assert not quote_open("Staff to follow the “clean desk” rule")
    assert not quote_open("Use the ‘Where’s My Refund’ tool")  # the apostrophe inside a word closes nothing
    assert not quote_open("The Superintendent’s assistant will reply")
    assert not quote_open('"Schools to submit plans," the circular said')


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
    ("text", "limit", "cut"),
    [
        (
            "The council will fund new bus shelters and benches to support residents who travel to work by bus",
            60,
            "The council will fund new bus shelters and benches",
        ),
        (
            "Drivers must cut idling and noise to reduce the harm to people who live near the depot at night",
            50,
            "Drivers must cut idling and noise",
        ),
        (
            "The city will open two parks and playgrounds to create more space for families who have no garden",
            60,
            "The city will open two parks and playgrounds",
        ),
        (
            "Teachers will drop weekly tests and projects to focus on reading skills in the first weeks of term",
            60,
            "Teachers will drop weekly tests and projects",
        ),
        (
            "Staff should use the stairs and walkways to increase their daily activity during the working week",
            60,
            "Staff should use the stairs and walkways",
        ),
        (
            "Drivers must slow down near schools and parks to slow traffic in the busiest streets of the city centre",
            60,
            "Drivers must slow down near schools and parks",
        ),
    ],
)
def test_every_purpose_of_the_one_list_may_be_cut_after_a_pair(text: str, limit: int, cut: str) -> None:
    # _EN_PURPOSE_WORDS is one list for the tail and for the cut after a pair: "to support", "to reduce", "to
    # create", "to focus", "to increase", "to slow" open a purpose after a pair as "to ensure" does
    assert shorten(text, limit, "en") == cut


# The review's notices (made up): each rule above once dropped or cut a directive of these.


@pytest.mark.parametrize(
    ("title", "text", "kept"),
    [
        (
            "Licence renewals",
            "Licence renewals are changing this year. Submit forms online. Paper forms are no longer accepted at the "
            "counter. Keep a copy of your receipt.",
            "Submit forms online",
        ),
        (
            "Water notice",
            "Boil water before drinking. The supply has been affected by flooding.",
            "Boil water",
        ),
        ("Street lights", "Report faults online. Crews will attend within two days.", "Report faults online"),
        ("Transport", "Wear a mask on public transport. The rule applies to all passengers.", "Wear a mask"),
        (
            "Swimming",
            "Free swimming lessons for children under twelve at the leisure centre this summer. Places are limited.",
            "Free swimming lessons",
        ),
    ],
)
def test_an_imperative_or_a_nominal_announcement_is_no_label(title: str, text: str, kept: str) -> None:
    headline = summarize(title, text).headline
    assert kept in headline, headline
    _kept(headline, text)


def test_the_address_block_is_the_line_after_to() -> None:
    assert _EN_ADDRESSEE.fullmatch("To")
    assert _EN_ADDRESSEE.fullmatch("Copy to:")
    assert not _EN_ADDRESSEE.fullmatch("To apply")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Employers must allow staff and volunteers to improve their skills during working hours at no cost to them.",
            "Employers must allow staff and volunteers to improve their skills",
        ),
        (
            "Schools must ask parents and carers to help children read at home for at least twenty minutes every "
            "evening during term.",
            "Schools must ask parents and carers to help children read",
        ),
    ],
)
def test_to_after_a_verb_that_takes_an_object_and_an_infinitive_is_no_purpose(text: str, kept: str) -> None:
    headline = summarize("Notice", text).headline
    assert kept in headline, headline
    _kept(headline, text)


@pytest.mark.parametrize(
    ("text", "limit", "cut"),
    [
        # a noun or an adjective of a verb's stem ("urgent", "requirements") takes no infinitive: the purpose
        # after the pair is cut, not a phrase inside the purpose
        (
            "Staff must report urgent repairs and leaks to ensure the safety of all building users this winter.",
            80,
            "Staff must report urgent repairs and leaks",
        ),
        (
            "Managers must check staff requirements and rotas to ensure adequate cover over the holiday period.",
            60,
            "Managers must check staff requirements and rotas",
        ),
        (
            "The board will brief its directors and trustees to reduce the risk of late filings this year.",
            70,
            "The board will brief its directors and trustees",
        ),
    ],
)
def test_only_the_verb_before_the_pair_takes_an_infinitive(text: str, limit: int, cut: str) -> None:
    assert shorten(text, limit, "en") == cut
    headline = summarize("Notice", text, headline_limit=limit).headline
    assert headline.rstrip(".") == cut, headline
    _kept(headline, text)


def test_a_quotation_closes_after_a_figure_or_a_bracket() -> None:
    text = 'Landlords must apply the "30%" rule to every rent increase from next year. Tenants may appeal to the board.'
    headline = summarize("Rents", text).headline
    assert 'Landlords must apply the "30%" rule' in headline, headline
    assert not quote_open('Use the "Report it (online)" form')
    assert not quote_open("Music of the '70s returns to the park")  # a decade's apostrophe opens nothing
    assert not quote_open("Music of the ‘70s returns to the park")


def test_a_bracket_cut_open_is_dropped_and_the_directive_kept() -> None:
    text = (
        "The grant scheme opens in spring. (All applications must be submitted online, and paper forms will not be "
        "accepted.) Successful applicants will be told by email."
    )
    headline = summarize("Grants", text).headline
    assert "All applications must be submitted online" in headline, headline
    assert "(" not in headline and ")" not in headline, headline
    _kept(headline, text)
    parking = (
        "The Market Street car park closes for repairs next week. (Residents with permits may park in the Oak Road "
        "car park, which will be free of charge.)"
    )
    headline = summarize("Parking", parking).headline
    assert "Residents with permits may park in the Oak Road car park" in headline, headline
    whole = "(All visitors must sign in at the front desk and wear a badge at all times.)"
    headline = summarize("Visitors", whole).headline
    assert headline.startswith("All visitors must sign in"), headline


def test_the_clause_split_never_breaks_inside_a_quotation() -> None:
    text = (
        "The council has reviewed road safety near schools. All schools must adopt the ‘Walk to School, with a "
        "Friend’ scheme from the start of the new term. Parents will receive a leaflet."
    )
    assert len(split(text, "en")[1].clauses) == 1
    headline = summarize("Road safety", text).headline
    assert "All schools must adopt the ‘Walk to School, with a Friend’ scheme" in headline, headline
    # A quotation never closed ("5 inch" marks, a stray mark) keeps the breaks after it.
    assert len(split('Bins must be 5 " wide, and lids must be kept shut at all times.', "en")[0].clauses) == 2


@pytest.mark.parametrize(
    ("pattern", "line", "how"),
    [
        (EN_QUOTE_OPEN, " '" * 50_000, "findall"),
        (EN_QUOTE_CLOSE, "a'" * 50_000, "findall"),
        (EN_QUOTE_CLOSE, "a" * 100_000, "findall"),
        (_EN_ADDRESSEE, " " * 100_000, "fullmatch"),
        (_EN_OBJECT_TO, "allow" * 20_000, "search"),
        (_EN_OBJECT_TO, "allow " * 20_000, "search"),
        (_EN_OBJECT_TO, "allow " + "x" * 100_000, "search"),
        (_EN_OBJECT_TO, "allow a and " * 10_000, "search"),
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
    quote_open("'" * 100_000)
    split("The ‘" + "a, and " * 14_000 + "b’ rule.", "en")  # every break inside one quotation
    shorten("Employers must pay wages and " + "b " * 50_000, 70, "en")
    assert time.perf_counter() - start < 1.0
