"""English clause compression and packing for the headline: frames, circumstances, asides and tails out."""

from __future__ import annotations

import pytest

from bot.summarize import cues
from bot.summarize.compress import compress, drop_words
from bot.summarize.cuts import core, shorten
from bot.summarize.headline import _circumstance_only
from bot.summarize.importance import _STRONG


def _norm(text: str) -> str:
    return " ".join(drop_words(text, "en").lower().split())


def _kept_in_source(piece: str, source: str) -> bool:
    """Nothing invented: the piece, once dropped words go, is a substring of the source without them."""
    return _norm(piece.rstrip(".")) in _norm(source)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # The issuer bids, who is bound follows: progressive, present and past forms.
        (
            "The water board is also urging residents to report leaks within two days.",
            "Residents to report leaks within two days",
        ),
        (
            "Transport officials asked cyclists to use the east bridge until March.",
            "Cyclists to use the east bridge until March",
        ),
        (
            "It is essential for contractors to register their vans before entering the site.",
            "Contractors to register their vans before entering the site",
        ),
        (
            "The tax office is reminding farmers the deadline to claim fuel rebates is June 30.",
            "The deadline to claim fuel rebates is June 30",
        ),
        (
            "As part of the town's flood plan, all shops must move stock off the floor.",
            "All shops must move stock off the floor",
        ),
    ],
)
def test_frames_and_leading_circumstances_go(source: str, expected: str) -> None:
    out = compress(source, "en")
    assert out == expected
    assert _kept_in_source(out, source)


@pytest.mark.parametrize(
    "source",
    [
        "Shoppers who ask staff to carry bags must pay a small fee.",  # a clause as subject, no issuer's frame
        "In 2025, the parking fee will rise to four pounds.",  # a leading date stays
        "For those who still rent, landlords must refund the deposit.",  # whom it binds stays
        "During the holidays, the library will open at noon.",  # a leading time stays
        "In a matter of days, every club will receive new kit.",  # how soon is content, no frame
    ],
)
def test_subjects_dates_and_scopes_stay(source: str) -> None:
    out = compress(source, "en")
    assert out == source.rstrip(".")


def test_an_expletive_it_is_not_taken_for_the_addressee() -> None:
    out = compress("The council reminded landlords that it is unlawful to evict tenants in winter.", "en")
    assert "Landlords is" not in out
    assert out.startswith("It is unlawful to evict tenants")


def test_in_order_to_is_to_and_drop_words_agrees() -> None:
    source = "Drivers must carry a permit in order to enter the low-emission zone."
    out = compress(source, "en")
    assert out == "Drivers must carry a permit to enter the low-emission zone"
    assert _kept_in_source(out, source)


@pytest.mark.parametrize(
    ("source", "limit", "expected"),
    [
        # A purpose after the object.
        (
            "Inspectors will make monthly visits to every bakery to ensure that flour is stored safely and labelled",
            60,
            "Inspectors will make monthly visits to every bakery",
        ),
        # A relative "that" before a modal or "be".
        (
            "Boiling tap water for one minute will kill any bacteria that might be living in the old pipes",
            80,
            "Boiling tap water for one minute will kill any bacteria",
        ),
        # A participle after a noun: whose advice, not what to do.
        (
            "Residents should follow the advice issued by the regional health board and its partner agencies",
            60,
            "Residents should follow the advice",
        ),
        # "Who is bound, to do what": the infinitive is the verb, so a purpose after its object can go.
        (
            "Bus operators to replace worn brake pads on older coaches to prevent failures and create safer roads",
            70,
            "Bus operators to replace worn brake pads on older coaches",
        ),
    ],
)
def test_tails_cut_at_structural_boundaries(source: str, limit: int, expected: str) -> None:
    out = shorten(source, limit, "en")
    assert out == expected
    assert _kept_in_source(out, source)


def test_citing_asides_go_even_nested_and_drop_words_agrees() -> None:
    source = (
        "Permit Order No. 12 (Street Parking (amended) adopted on 3 May 2021) and its annex are withdrawn "
        "from Monday."
    )
    out = compress(source, "en")
    assert "adopted" not in out and "amended" not in out
    assert out == "Permit Order No. 12 and its annex are withdrawn from Monday"
    assert _kept_in_source(out, source)
    # An aside with a figure that cites nothing stays: it may be the amount.
    assert "(up to 40 kg)" in compress("Each passenger may bring one bag (up to 40 kg) on board.", "en")


def test_core_of_a_bound_clause() -> None:
    text = "Harbour boards to cooperate with local skippers to keep the channels clear"
    assert core(text, "en") == "Harbour boards to cooperate with local skippers"


@pytest.mark.parametrize(
    ("text", "dated", "only"),
    [
        ("When there are long periods of low pressure", False, True),
        ("With the filing season fast approaching", False, True),
        ("If the alarm sounds, staff must leave by the east stairs", False, False),  # a main clause follows
        ("Before the deadline of 4 May", True, False),
        ("Residents must boil water", False, False),
    ],
)
def test_circumstance_only_pieces(text: str, dated: bool, only: bool) -> None:
    assert _circumstance_only(text, dated) is only


@pytest.mark.parametrize(
    ("source", "limit", "expected"),
    [
        # "to" before a place or a body is a preposition: the clause can end before it.
        (
            "Parents should tell their children not to bring scooters to Riverside Primary School",
            60,
            "Parents should tell their children not to bring scooters",
        ),
        # A verb or adverb taking "to" keeps it: the cut falls at the next boundary.
        (
            "Every objection should relate directly to the planning application, which the council will publish",
            60,
            "Every objection should relate directly to the planning application",
        ),
        # A word that takes "to" ("prior to") is no place to end.
        (
            "Late entries should be sent by post or courier prior to the final day of the show",
            60,
            "Late entries should be sent by post or courier prior to the final day",
        ),
    ],
)
def test_to_is_cut_only_as_a_preposition(source: str, limit: int, expected: str) -> None:
    out = shorten(source, limit, "en")
    assert out == expected
    assert _kept_in_source(out, source)


def test_a_reminder_of_what_is_not_a_bid() -> None:
    source = "The agency reminds growers that there are still two weeks to register their fields online."
    out = compress(source, "en")
    assert out == "There are still two weeks to register their fields online"
    assert _kept_in_source(out, source)


def test_a_purpose_frame_goes_and_a_quantity_keeps_its_of() -> None:
    source = "The aim of this Directive is to ensure that the largest number of pupils walk to school safely."
    out = compress(source, "en")
    assert out == "The largest number of pupils walk to school safely"
    assert _kept_in_source(out, source)
    # The quantity is never cut from what it counts.
    cut = shorten(
        "Most depots must keep a minimum number of gritting lorries ready in every district", 50, "en"
    )
    assert not cut.endswith("number")


def test_a_hedge_on_feasibility_is_a_tail() -> None:
    assert shorten("Residents should share cars wherever possible during the works", 45, "en") == (
        "Residents should share cars"
    )
    source = "Staff must work from home to the greatest extent feasible during the office move"
    assert shorten(source, 40, "en") == "Staff must work from home"
    # a time limit after the hedge is no hedge: the cut would drop it (round 14)
    assert "while the office is shut" in shorten(
        "Staff must work from home to the greatest extent feasible while the office is shut", 40, "en"
    )


@pytest.mark.parametrize(
    "source",
    [
        # A passive: nobody issues a bid, "to register" is no addressee.
        "Voters are asked to register to vote online before the end of the year.",
        # A participle after the subject, with "for" after it.
        "Parents asking for help to pay school fees can apply through the portal by March 3, 2025.",
        # A participle with "to": the subject's own description.
        "Questions directed to the office should be sent to the helpdesk by email.",
        "Drivers ordered by the court to attend the course must book a place within 30 days.",
    ],
)
def test_passives_and_participles_are_no_bids(source: str) -> None:
    assert compress(source, "en") == source.rstrip(".")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "The port authority has asked skippers to moor in the outer basin.",
            "Skippers to moor in the outer basin",
        ),
        ("The museum today urged visitors to book tickets online.", "Visitors to book tickets online"),
    ],
)
def test_finite_bids_still_go(source: str, expected: str) -> None:
    out = compress(source, "en")
    assert out == expected
    assert _kept_in_source(out, source)


@pytest.mark.parametrize(
    "source",
    [
        "In case of fire, residents must leave the building by the stairs.",  # a condition
        "In the event of a power cut, patients must call the ward nurse.",
        "With a valid permit, vendors may operate in the market square.",  # a permission's condition
        "In areas without power, residents should boil water before drinking it.",  # a scope
        "Under the new scheme, members will pay half the usual fee.",
        "Given the drought, farmers may draw water only at night.",  # a frame before "may" stays
    ],
)
def test_conditions_and_scopes_of_a_duty_stay(source: str) -> None:
    assert compress(source, "en") == source.rstrip(".")


def test_a_frame_opener_still_goes() -> None:
    source = "In response to the rail strike, the depot will open two hours early."
    out = compress(source, "en")
    assert out == "The depot will open two hours early"
    assert _kept_in_source(out, source)


def test_further_to_is_a_whole_opener() -> None:
    source = "Further to our letter of 3 May, all tenants must vacate the east wing by 30 June."
    out = compress(source, "en")
    assert out == "All tenants must vacate the east wing by 30 June"
    assert _kept_in_source(out, source)
    # "further" alone is still an intensifier.
    assert compress("Members are further reminded to renew their cards.", "en").startswith(
        "Members are reminded"
    )


def test_a_forecast_is_no_obligation() -> None:
    assert cues.OBLIGATION["en"].search("The storm is expected to reach the coast on Friday.") is None
    assert cues.OBLIGATION["en"].search("Visitors are asked to keep dogs on a lead.") is not None


@pytest.mark.parametrize(
    "source",
    [
        "Parking permits will not be issued after the end of May.",
        "Late claims may not be considered.",
        "No exceptions will be made for missed inspections.",
    ],
)
def test_a_refusal_is_one_cue_for_obligation_and_strength(source: str) -> None:
    assert cues.OBLIGATION["en"].search(source) is not None
    assert _STRONG["en"].search(source) is not None


def test_a_quotation_is_cut_whole_or_not_at_all() -> None:
    # A tail ("including …") inside the quoted definition is no place to end: the quote would stay open.
    for opening, closing in (('"', '"'), ("\u201c", "\u201d")):
        source = (
            f"The board defines the required {opening}permit file{closing} {opening}as every form and fee in "
            f"the file, not including the letters listed in the annex{closing} for this rule."
        )
        out = shorten(source, 80, "en")
        assert out.count('"') % 2 == 0 and out.count("\u201c") == out.count("\u201d"), out
