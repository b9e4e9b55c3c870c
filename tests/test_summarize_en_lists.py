"""English lists set without bullets: the lines after a lead-in ending on a colon are items (rank._listed),
directives like bulleted ones, and a lead-in that stops at its modal ("residents must:") is no sentence of its
own (rank._introduces)."""

from __future__ import annotations

from bot.summarize import summarize
from bot.summarize.rank import score_units
from bot.summarize.sentences import split

TITLE = "Main Street closed for resurfacing"
NOTICE = (
    "The city will resurface Main Street from June 1 to June 12, the public works department announced.\n\n"
    "During the closure, residents must:\n"
    "Move their cars off the street by 7 a.m. on June 1\n"
    "Put out their bins on Elm Street instead\n\n"
    "Buses on route 4 will be diverted along Oak Avenue.\n"
)


def _units(text: str) -> dict[str, bool]:
    return {u.clause.text: u.directive for u in score_units(split(text, "en"), "en", TITLE)}


def test_lines_after_a_colon_are_items_and_directives() -> None:
    units = _units(NOTICE)
    assert units["Move their cars off the street by 7 a.m. on June 1"] is True
    assert units["Put out their bins on Elm Street instead"] is True
    assert (
        "Move their cars off the street by 7 a.m. on June 1." in summarize(TITLE, NOTICE, budget=200).summary
    )


def test_a_lead_in_that_stops_at_its_modal_is_no_unit() -> None:
    units = _units(NOTICE)
    assert not any(text.endswith("must:") for text in units)
    assert "must." not in summarize(TITLE, NOTICE, budget=400).summary


def test_a_lead_in_with_its_own_verb_stays_and_headings_elsewhere_stay_out() -> None:
    text = NOTICE.replace("residents must:", "the department has set these rules for residents:")
    assert any(t.startswith("During the closure") for t in _units(text))
    # A title-like line that follows a sentence, not a colon, is a heading: no unit.
    headed = "Road works on Main Street\nThe city will resurface Main Street from June 1 to June 12.\n"
    assert "Road works on Main Street" not in _units(headed)


LANDLORDS = (
    "The city council has adopted new rules for rented housing, the housing department announced.\n\n"
    "From June 1, 2031 all landlords with five or more properties must:\n"
    "Register each property with the council by July 1\n"
    "Have every gas appliance checked once a year\n\n"
    "Tenants can report problems through the council's housing line.\n"
)


def test_a_lead_in_with_its_date_and_subject_is_kept_with_the_first_item() -> None:
    units = _units(LANDLORDS)
    joined = "From June 1, 2031 all landlords with five or more properties must: Register each property"
    assert any(text.startswith(joined) for text in units)
    summary = summarize("New rules for landlords", LANDLORDS, budget=300).summary
    assert joined in summary
    assert "properties must." not in summary


def test_a_contact_block_is_no_list() -> None:
    text = (
        "The library will close for repairs from May 3 to May 17, 2031, the council announced.\n\n"
        "For further information please contact:\n"
        "Jane Smith, Library Services Manager\n"
        "12 High Street, Riverton RV1 2AB\n"
        "Telephone 555 0100 extension 12\n"
    )
    units = _units(text)
    assert not any(t.startswith("Telephone") or t.startswith("12 High Street") for t in units)
    media = text.replace("For further information please contact:", "Media contact:")
    assert not any(t.startswith("Telephone") for t in _units(media))


def test_a_heading_after_a_colon_is_no_item() -> None:
    text = (
        "The council has approved the following changes:\n"
        "Parking charges in the town centre\n"
        "Charges in the town centre car parks will rise from 1.20 to 1.50 an hour from April 1, 2031.\n"
    )
    units = _units(text)
    assert "Parking charges in the town centre" not in units
    assert any(t.startswith("Charges in the town centre car parks will rise") for t in units)


def test_items_after_a_plain_colon_hold_a_verb() -> None:
    text = (
        "The council has approved the following changes to parking in the town centre:\n"
        "Charges will rise to 1.50 an hour from April 1\n"
        "Residents permits are free for blue badge holders\n"
        "Market Square and Bridge Street car parks\n"
    )
    units = _units(text)
    assert units["Charges will rise to 1.50 an hour from April 1"] is True
    assert "Market Square and Bridge Street car parks" not in units
