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


def test_capitalised_spellings_do_not_order_slash_dates() -> None:
    # Proper nouns say nothing of the page's own English: an Australian page naming the "Labor Government".
    for noun in (
        "The Albanese Labor Government will invest in roads.",
        "The Medical Center in Parramatta opens.",
    ):
        assert summarize("Notice", f"Posted 04/05/2026\n{noun} Residents must register.").published is None


def test_one_spelling_is_too_weak_to_order_slash_dates() -> None:
    assert (
        summarize(
            "Notice", "Posted 04/05/2026\nThe labor market is tight. Residents must register."
        ).published
        is None
    )


def test_two_common_spellings_order_slash_dates() -> None:
    text = "Posted 04/05/2026\nThe programme helps each organisation. Residents must register."
    assert summarize("Notice", text).published == "2026-05-04"
    text = "Posted 04/05/2026\nThe program helps each organization. Residents must register."
    assert summarize("Notice", text).published == "2026-04-05"
