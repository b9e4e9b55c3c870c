"""The summariser's entry point: metadata, deadlines and the budgeted directive summary of one notice."""

from __future__ import annotations

import datetime as dt
import re

from bot.models import Summary
from bot.summarize.dates import find_dates, year_hint
from bot.summarize.deadlines import find_deadlines
from bot.summarize.lang import Lang, detect_lang, fold
from bot.summarize.meta import find_doc_number, find_issuer, notice_title
from bot.summarize.rank import score_units
from bot.summarize.select import join, render, select
from bot.summarize.sentences import Sentence, split

__all__ = ["MAX_SENTENCES", "default_budget", "summarize"]

# Beyond this many sentences a text is an annex or a dump; the directives of a notice come before it.
MAX_SENTENCES = 400
MIN_BUDGET = 150
BUDGET_SHARE = 0.35
_DATE_LABEL = re.compile(r"发布日期|发布时间|成文日期|日期|时间|Published|Posted|Date|Updated", re.IGNORECASE)
_ZH_ISSUED_ON = re.compile(r"(?:印发|下发|发布|出台|发出)")


def default_budget(text: str) -> int:
    """35% of the text's length, but at least 150 characters."""
    return max(MIN_BUDGET, int(len(text) * BUDGET_SHARE))


def summarize(
    title: str,
    text: str,
    url: str = "",
    published: dt.date | None = None,
    budget: int | None = None,
) -> Summary:
    """Summarise one notice: who issued what, what it requires of whom, by when, within a length budget."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lang: Lang = detect_lang(title + "\n" + text)
    limit = default_budget(text) if budget is None else max(0, budget)
    sentences = split(text, lang, MAX_SENTENCES)
    year = year_hint(published.isoformat() if published else "", text[:300], url, title, text[:5000])
    units = score_units(sentences, lang, title)
    groups = select(units, limit, lang)
    directives = render(groups, lang)
    if not any(u.directive for g in groups for u in g):
        directives = []
    summary_text = join(render(groups, lang), lang)
    issued = _published(sentences, lang, year) or published
    return Summary(
        title=notice_title(title, text),
        issuer=find_issuer(title, text, lang),
        doc_number=find_doc_number(fold(title), fold(text[:5000])),
        published=issued.isoformat() if issued else None,
        deadlines=find_deadlines(sentences, year, lang, issued),
        directives=tuple(directives),
        summary=summary_text,
    )


def _published(sentences: list[Sentence], lang: Lang, year: int | None) -> dt.date | None:
    """The page's date line, else a signature date line, else the date the report says it was issued."""
    for s in sentences[:6]:
        # A short line near the top that carries a date ("2020-02-03 12:14", "发布日期:2023-03-21").
        if len(s.text) <= 60 and (s.heading or _DATE_LABEL.search(s.folded)):
            hits = find_dates(s.folded, None)
            if hits:
                return hits[0].date
    for s in sentences:
        if s.heading and len(s.text) <= 16:
            hits = find_dates(s.folded, None)
            if hits and hits[0].start == 0:
                return hits[0].date
    for s in sentences[:8]:
        for hit in find_dates(s.folded, year):
            tail = s.folded[hit.end : hit.end + 30]
            if lang == "zh" and _ZH_ISSUED_ON.search(tail.split("。")[0]):
                return hit.date
            if lang == "en" and re.search(r"\bissued|released|announced|published", s.folded, re.I):
                return hit.date
    return None
