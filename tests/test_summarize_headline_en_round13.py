"""English headline fragments (issue #9, round 13): "Please/Kindly be informed that" is a courtesy frame; a
"During …,"/"Throughout …," frame is passed for the main verb; the noun of a compound preposition that waits for
its "of"/"with" ("in respect", "on behalf") does not end a piece, while one that ends a phrase ("with respect",
"in lieu", "in excess") still may. Hand-written texts only."""

from __future__ import annotations

import time

import pytest

from bot.summarize import summarize
from bot.summarize.cuts import hangs, shorten


def test_please_be_informed_that_is_courtesy() -> None:
    text = (
        "Please be informed that the Birch Lane recycling centre will close on 9 April 2031. "
        "Garden waste must be taken to the Mill Road site instead."
    )
    headline = summarize("Recycling Centre Closure", text).headline
    assert headline.startswith("The Birch Lane recycling centre will close on 9 April 2031"), headline


@pytest.mark.parametrize(
    "text",
    [
        # an aside between the frame and its "that": dropping the frame would leave no main clause
        "Please be informed, as the rules require, that your records will be kept for 5 years.",
        # a slogan, not a frame
        "Be informed, be ready and be safe: sign up for storm alerts before 1 November 2031.",
        # told, not asked: the sentence's own subject and verb
        "Tenants will be informed that the lifts are serviced on 14 May 2031.",
    ],
)
def test_be_informed_elsewhere_is_kept(text: str) -> None:
    headline = summarize("Notice to Residents", text).headline
    first = text.split(":")[0].split(" that")[0]
    assert headline.startswith(first[:25]), headline


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        (
            "During a grazing order, owners of horses in the lower fields must move them to the upper paddock at "
            "the start of each week",
            "During a grazing order, owners of horses in the lower fields must move them",
        ),
        (
            "Throughout the order, stallholders in the covered market shall keep the aisles clear of boxes, carts and "
            "bins at all times",
            "Throughout the order, stallholders in the covered market shall keep the aisles clear",
        ),
    ],
)
def test_a_during_frame_is_passed_for_the_main_verb(text: str, cut: str) -> None:
    assert shorten(text, 80, "en") == cut


@pytest.mark.parametrize(
    "piece",
    [
        "All ward clerks shall file their yearly returns in respect",
        "The treasurer signs the accounts on behalf",
        "Fees are charged in accordance",
        "Members may ask about changes with regard",
    ],
)
def test_a_compound_preposition_waiting_for_its_object_hangs(piece: str) -> None:
    assert hangs(piece)


@pytest.mark.parametrize(
    "piece",
    [
        "Visitors must treat our volunteers with respect",
        "Staff who work on the holiday will be given a day off in lieu",
        "Drivers must not sound the horn in excess",
    ],
)
def test_a_compound_preposition_ending_a_phrase_does_not_hang(piece: str) -> None:
    assert not hangs(piece)


def test_round13_fragment_rules_are_linear() -> None:
    for text in (
        "During " + "order " * 20_000 + ", x must go",
        "in " * 40_000 + "respect",
        "please be informed " * 10_000 + "that",
    ):
        started = time.process_time()
        hangs(text)
        shorten(text, 70, "en")
        summarize("Notice", text[:20_000])
        assert time.process_time() - started < 2.0
