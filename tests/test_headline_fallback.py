"""A duty no cut can shorten without dropping its condition (cuts.drops_condition) still reaches the reader: the
summary takes it whole (select._select), the headline a cut that ends in a visible "…" (headline._marked_cut).
A hedge ("where necessary", "if applicable") is a condition only with "by" and who requires it."""

from __future__ import annotations

import time

import pytest

from bot.summarize import summarize
from bot.summarize.cuts import _EN_RATE_KEPT, _ends_well, drops_condition, shorten
from bot.summarize.headline import _EN_FRAME_THEN_NOUN, _EN_OTHER, _circumstance_only, _marked_cut
from bot.summarize.sentences import split
from tests.scoring import en_clauses

# One long sentence each, over the headline's limit, whose only cuts would drop what limits the duty.
_LONG_DUTIES = [
    "Stallholders at the riverside Sunday fair held on the council car park behind the library must display "
    "their trading permit at the front of the stall at all times unless the fair warden has agreed otherwise "
    "in writing.",
    "Residents of the three tower blocks on the north estate may store one bicycle each in the secure basement "
    "cage managed by the tenants' association provided that they register its frame number with the caretaker.",
    "Every boat owner mooring a vessel longer than eight metres in the inner harbour basin must hold valid "
    "third-party insurance cover from an approved insurer, except where the vessel belongs to the rescue service.",
]


@pytest.mark.parametrize("text", _LONG_DUTIES)
def test_a_duty_whose_every_cut_is_refused_is_never_lost(text: str) -> None:
    s = summarize("Notice", text, "https://example.org/n")
    assert s.summary.strip()  # the whole sentence, over the budget, rather than nothing
    assert s.directives
    assert s.headline.strip()
    # the summary keeps the condition whole; the headline is the duty's opening, visibly cut
    assert text.rstrip(".") in s.summary
    assert len(text) > 150  # each is over the headline's limit, so the headline must be a marked cut
    assert s.headline.endswith("…")
    assert s.headline[:-1] in text  # nothing invented: the words before the mark are the text's own
    assert len(s.headline) <= 150


def test_a_marked_cut_falls_between_words_and_a_short_text_stays_whole() -> None:
    text = "Tenants must keep the shared hallway clear of prams, bicycles and boxes unless the agent agrees"
    cut = _marked_cut(text, 40)
    assert cut.endswith("…") and len(cut) <= 40
    assert text.startswith(cut[:-1]) and text[len(cut) - 1] in " ,"
    assert _marked_cut("Tenants must keep the hallway clear.", 40) == "Tenants must keep the hallway clear."


def test_an_exception_opening_with_where_stays_in_its_clause() -> None:
    # "…, except where …": split before "where", the clause ended on "except", an exception without what it excepts
    text = "Dogs must be kept on a lead in the park, except where signs allow otherwise."
    clauses = en_clauses(text)
    assert not any(c.rstrip(" ,.").endswith("except") for c in clauses)
    s = summarize("Notice", text, "")
    assert not s.summary.rstrip(".").endswith("except")


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # a hedge followed by what it serves or falls under bounds nothing: the duty stands without it
        ("Members must renew their cards where necessary to keep borrowing rights", " where necessary"),
        ("Drivers must show a medical certificate if applicable under the taxi bylaws", " if applicable"),
        ("Tenants should ventilate the rooms where possible to reduce damp", " where possible"),
    ],
)
def test_a_hedge_before_to_or_under_is_no_condition(text: str, rest: str) -> None:
    assert not drops_condition(text, text.index(rest))


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # ... but "by" names who requires it: a condition again
        ("Members must renew their cards where required by the librarian", " where required"),
        ("Drivers must show a medical certificate if requested by an inspector", " if requested"),
    ],
)
def test_a_hedge_with_by_and_its_agent_stays_a_condition(text: str, rest: str) -> None:
    assert drops_condition(text, text.index(rest))


def test_a_hedged_duty_keeps_its_headline() -> None:
    text = "All exhibitors must bring their own extension leads where necessary to power the stands."
    s = summarize("Notice", text, "")
    assert s.headline.startswith("All exhibitors must bring their own extension leads")


def test_the_split_guard_is_linear() -> None:
    line = "except " * 15000 + "where it ends."
    started = time.perf_counter()
    split(line, "en")
    assert time.perf_counter() - started < 5.0


# --- what a cut leaves that says nothing ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "piece",
    [
        "When the reservoir level falls, it raises the risk",
        "If the gates are left open, this means",
        "During a power cut, it affects the pumps.",
    ],
)
def test_a_frame_with_only_a_pronoun_and_its_verb_is_no_piece(piece: str) -> None:
    assert _circumstance_only(piece, False)


@pytest.mark.parametrize(
    "piece",
    [
        "When the reservoir level falls, residents must boil water",
        "If the gates are left open, it must be reported to the warden",
        "After 6 p.m., it costs $4 to park",
    ],
)
def test_a_frame_with_a_main_clause_of_its_own_stays(piece: str) -> None:
    assert not _circumstance_only(piece, False)


def test_a_cut_never_parts_a_rate_from_the_phrase_it_prices() -> None:
    text = "Members will pay a single, per season, $25 locker fee for every locker they rent at the club."
    assert not _ends_well(text, text.index(", $25"))
    assert not _ends_well(text, text.index(", per season"))
    assert not shorten(text, 60, "en").rstrip(",. ").endswith(("per season", "a single"))
    # a rate ending its clause is no part of a phrase: the cut after it stands
    other = "Guests pay $10, per night, and must leave by noon."
    assert _ends_well(other, other.index(", and must"))


def test_a_contrast_without_what_it_contrasts_with_is_no_piece() -> None:
    text = (
        "Season ticket holders may use the overflow car park behind the stadium free of charge provided that "
        "their ticket is shown to the steward at the gate on every match day. Other fans must pay at the booth."
    )
    assert "Other fans" not in summarize("Notice", text, "").headline
    # ... while with its contrast in the headline it stays
    both = "Season ticket holders park free. Other fans must pay at the booth."
    assert "Other fans must pay at the booth" in summarize("Notice", both, "").headline
    # "Other than" is a condition, not a contrast
    assert _EN_OTHER.match("Other than on Sundays") is None


def test_the_new_patterns_are_linear() -> None:
    for pattern, line in (
        (_EN_FRAME_THEN_NOUN, "When " + "a " * 50000 + ", it raises"),
        (_EN_RATE_KEPT, ", per " * 20000 + "x"),
        (_EN_OTHER, "Other " * 20000),
    ):
        started = time.perf_counter()
        pattern.search(line)
        assert time.perf_counter() - started < 5.0


@pytest.mark.parametrize(
    ("piece", "alone"),
    [
        ("When the Mayor opens the new bridge", True),  # "Mayor" only begins like a month
        ("If the Market Hall is not ready", True),
        ("When the Junior league resumes", True),
        ("When the bridge opens on 3 May", False),  # its date is what a reader acts by
        ("Until Monday", False),
        ("When the hall reopens in Sept", False),
        ("When the hall reopens on Thur", False),  # a weekday cut short as published.py reads it
        ("When the Thursday club meets", False),
        ("When the Thurrock office reopens", True),  # "Thurrock" only begins like a weekday
    ],
)
def test_a_word_that_only_begins_like_a_month_is_no_date(piece: str, alone: bool) -> None:
    """A shortened piece keeps its date only if a figure or a month or weekday name is left in it."""
    assert _circumstance_only(piece, True) is alone
