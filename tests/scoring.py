"""What the summariser makes of a hand-written text: its clauses, its units and their weights, its issuer."""

from __future__ import annotations

from bot.summarize import summarize
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


def en_unit(text: str, start: str) -> Unit:
    """The first unit of an English text (en_units) whose stripped clause starts with start."""
    return next(u for u in en_units(text) if u.clause.text.strip().startswith(start))


def en_texts(text: str) -> list[str]:
    """The clause of every unit of an English text (en_units), stripped."""
    return [u.clause.text.strip() for u in en_units(text)]


def en_clauses(text: str) -> list[str]:
    """Every clause of an English text as the splitter cuts it, before any ranking."""
    return [c.text for s in split(text, "en") for c in s.clauses]


def zh_units(text: str, title: str) -> list[Unit]:
    """Every unit of a Chinese text as rank scores it, under title."""
    return score_units(split(text, "zh"), "zh", title)


def issuer(title: str, text: str) -> str | None:
    """The issuer the summariser names for a notice."""
    return summarize(title, text).issuer


def doc_number(title: str, text: str) -> str | None:
    """The document number the summariser finds in a notice."""
    return summarize(title, text).doc_number
