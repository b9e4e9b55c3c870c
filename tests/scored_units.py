"""Test helpers for selection: a text's units with chosen scores, and the summary select builds from them."""

from __future__ import annotations

from bot.summarize.lang import Lang
from bot.summarize.rank import Unit, score_units
from bot.summarize.select import join, render, select
from bot.summarize.sentences import split


def scored_units(text: str, lang: Lang, scores: list[float]) -> list[Unit]:
    """The units of text with the given scores, one per unit (fails if the count differs)."""
    units = score_units(split(text, lang), lang, "")
    assert len(units) == len(scores), [u.clause.text for u in units]
    for unit, score in zip(units, scores, strict=True):
        unit.score = score
    return units


def summary_of(units: list[Unit], budget: int, lang: Lang) -> str:
    """What select shows of units within budget, joined as the summary joins it."""
    return join(render(select(units, budget, lang), lang), lang)
