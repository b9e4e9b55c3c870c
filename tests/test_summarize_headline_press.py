"""A press release's structure in the English headline: what an issuer issued (not who issued it) and no
background sentence ("The move comes as …")."""

from __future__ import annotations

import pytest

from bot.summarize import summarize
from bot.summarize.compress import compress, drop_words


def _norm(text: str) -> str:
    return " ".join(drop_words(text, "en").lower().split())


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "The Harbour Authority has issued a storm alert to remind boat owners of their duty to secure moorings.",
            "Storm alert to remind boat owners of their duty to secure moorings",
        ),
        (
            "The county today launched a new scheme to help tenants insulate their homes.",
            "New scheme to help tenants insulate their homes",
        ),
    ],
)
def test_what_was_issued_and_for_what_leads(source: str, expected: str) -> None:
    out = compress(source, "en")
    assert out == expected
    assert _norm(out) in _norm(source)  # nothing invented: a deletion only


@pytest.mark.parametrize(
    "source",
    [
        # "to" before a determiner names whom it went to: who issued it stays the sentence's subject.
        "The Harbour Authority has issued a warning to all boat owners about the storm.",
        # no infinitive after what was issued: nothing says what it is for.
        "The Harbour Authority has issued a storm alert for the whole coast.",
    ],
)
def test_issuer_stays_where_nothing_follows_what_was_issued(source: str) -> None:
    assert compress(source, "en").startswith("The Harbour Authority has issued")


_NOTICE = (
    "The Harbour Authority has issued a storm alert to remind boat owners of their duty to secure moorings.\n\n"
    "Boat owners must remove dinghies from the east slipway by 6 p.m. on Friday, March 6, 2026.\n\n"
    "The alert comes as forecasters announced gale-force winds today for the whole coast and the islands.\n\n"
    "The slipway will reopen once the storm has passed."
)


def test_background_sentence_gives_way_to_directives() -> None:
    headline = summarize("Storm alert for boat owners", _NOTICE).headline
    assert "comes as" not in headline
    assert (
        "Boat owners must remove dinghies from the east slipway by 6 p.m. on Friday, March 6, 2026"
        in headline
    )
    assert headline.startswith("Storm alert to remind boat owners")
    assert len(headline) <= 150
