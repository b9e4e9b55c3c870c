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
