"""Metadata patterns on hostile lines: each word matched one way, so a failing line costs linear time."""

from __future__ import annotations

from bot.summarize import summarize
from bot.summarize.published import _SIGNATURE_WORDS

_LEAD = "Fees rise from next month. All residents must pay their bills online. "


def test_long_capital_signature_with_a_bracket_is_refused() -> None:
    # 150 capitals then "(": the line is no signature; a pattern splitting the capitals every way would not finish.
    line = "A" * 150 + " (ACTING) March 3, 2026"
    assert _SIGNATURE_WORDS.match(line) is None
    assert summarize("Notice", _LEAD + line).issuer is None
    assert _SIGNATURE_WORDS.match("A" * 150 + " COMMISSIONER, Office of the Mayor") is not None


def test_capitalised_title_in_brackets_after_the_name() -> None:
    text = _LEAD + "KATHERINE SMITHSON, COMMISSIONER (ACTING) March 3, 2026"
    assert _SIGNATURE_WORDS.match(text.split(". ")[-1]) is None  # the bracket is no signature word
    assert summarize("Notice", text).published == "2026-03-03"  # the date closing the text is still read


def test_signature_words_still_accepted() -> None:
    for line in (
        "Jane Doe, Director, Office of Human Resources,",
        "## JANE DOE Minister of Labour & Employment",
    ):
        assert _SIGNATURE_WORDS.match(line) is not None
    assert _SIGNATURE_WORDS.match("Jane Doe said the office is closed") is None
