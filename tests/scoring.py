"""What the ranking makes of a hand-written text: its units with their final weights, for the rule tests."""

from __future__ import annotations

from bot.summarize.importance import weigh
from bot.summarize.lang import Lang
from bot.summarize.rank import Unit, score_units
from bot.summarize.sentences import split


def scored(text: str, lang: Lang) -> list[Unit]:
    """Every unit of text, its score replaced by the weight importance gives it."""
    sentences = split(text, lang)
    weighed = weigh(score_units(sentences, lang, ""), sentences, lang, None)
    return [Unit(w.unit.sentence, w.unit.clause, w.weight, w.unit.grams, w.unit.directive) for w in weighed]


def unit(units: list[Unit], words: str) -> Unit:
    """The first unit whose clause holds words."""
    return next(u for u in units if words in u.clause.text)


def en_units(text: str) -> list[Unit]:
    """Every unit of an English text as rank scores it, under a bare title ("Notice")."""
    return score_units(split(text, "en"), "en", "Notice")
