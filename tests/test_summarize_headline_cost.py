"""English headline packing: each piece pays for its place, a core may leave a count but never a date."""

from __future__ import annotations

from bot.summarize import summarize
from bot.summarize.compress import drop_words
from bot.summarize.cuts import core
from bot.summarize.headline import _EN_PIECE_COST, Piece, _pack

# A made-up notice: background first (usage figures), the rule with its date, more background (the meetings,
# a later phase, other branches), then a second, shorter rule. Without the cost per piece the lead's figures and
# the later phase (three pieces) outscore the second rule (two pieces).
ORDER_TITLE = "Library board sets rules for study rooms"
ORDER = """Visits to the central library have doubled since the new wing opened. Most study rooms are booked weeks ahead.

Patrons must book study rooms online from September 1, 2031.

The board discussed the change at two public meetings. A second phase is to require booking for the computer lab as well. Several branches already use a similar system.

Groups that arrive more than 15 minutes late will lose their room.
"""


def test_an_english_core_may_leave_a_count_to_its_clause_but_never_a_date() -> None:
    counted = "Operators must replace the buoyancy foam in all lifejackets worn more than 2,000 times"
    # The summary's cut keeps every figure: no core before the count.
    assert core(counted, "en") == ""
    # The headline's core may leave the count (it is worth what it drops less, headline._core_piece).
    assert core(counted, "en", counts=False) == "Operators must replace the buoyancy foam"
    # A date, a time of day or a time limit stays in the core all the same.
    for dated in (
        "Operators must replace the buoyancy foam in all lifejackets by March 3, 2031",
        "Operators must replace the buoyancy foam in all lifejackets before 11:59 p.m. on the day",
        "Operators must replace the buoyancy foam in all lifejackets within 30 days of the order",
    ):
        short = core(dated, "en", counts=False)
        assert short == "" or any(d in short for d in ("March 3, 2031", "11:59 p.m", "30 days")), short


def test_two_directives_outweigh_three_background_clauses() -> None:
    headline = summarize(ORDER_TITLE, ORDER).headline
    assert "Patrons must book study rooms online from September 1, 2031" in headline, headline
    assert "Groups that arrive more than 15 minutes late will lose their room" in headline, headline
    # The usage figures and the later phase are background: each would have to earn its separator.
    assert "second phase" not in headline and "booked weeks ahead" not in headline, headline
    assert len(headline) <= 150
    # Nothing invented: each piece is a stretch of the text once the dropped words are gone.
    source = " ".join(drop_words(ORDER, "en").split())
    for piece in headline.rstrip(".").split("; "):
        assert piece[1:] in source, piece


def test_an_english_piece_pays_its_cost_a_chinese_one_does_not() -> None:
    def pool() -> list[Piece]:
        return [
            Piece("a" * 80, 0, 0, 7.7, False),
            Piece("b" * 44, 1, 1, 5.8, False),
            Piece("c" * 50, 2, 2, 4.9, False),
            Piece("d" * 35, 3, 3, 3.0, False),
        ]

    # Summed weights alone: b + c + d (13.7) beat a + b (13.5); less _EN_PIECE_COST each, a + b win.
    assert _EN_PIECE_COST > 0.2
    assert [p.start for p in _pack(pool(), 150, "en")] == [0, 1]
    assert sorted(p.start for p in _pack(pool(), 150, "zh")) == [1, 2, 3]


def test_a_verb_cut_from_its_subject_is_filled_in_once_its_own_sentence_is() -> None:
    text = (
        "Kennels must keep vaccination records for three years.\n"
        "The council will inspect the licensed kennels of the borough over the coming months and years "
        "ahead, and shall publish a list of those that fail.\n"
    )
    headline = summarize("Council sets kennel rules", text).headline
    # "Shall publish …" may only follow its own sentence's subject, which the room filled in after it.
    assert "The council will inspect the licensed kennels; Shall publish a list" in headline, headline
