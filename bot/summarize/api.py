"""The summariser's entry point: metadata, deadlines and the budgeted directive summary of one notice."""

from __future__ import annotations

import datetime as dt
import re

from bot.models import Summary
from bot.summarize.dates import find_dates, year_hint
from bot.summarize.deadlines import find_deadlines
from bot.summarize.headline import HEADLINE_LIMIT, build_headline
from bot.summarize.importance import weigh
from bot.summarize.lang import Lang, detect_lang, fold
from bot.summarize.meta import find_doc_number, find_issuer, notice_title
from bot.summarize.rank import Unit, score_units
from bot.summarize.select import Group, join, render, select
from bot.summarize.sentences import Sentence, split
from bot.summarize.signoff import SignOff, find_signoff

__all__ = ["MAX_SENTENCES", "default_budget", "summarize"]

# Beyond this many sentences a text is an annex or a dump; the directives of a notice come before it.
MAX_SENTENCES = 400
MIN_BUDGET = 150
BUDGET_SHARE = 0.35
_DATE_LABEL = re.compile(r"发布日期|发布时间|成文日期|日期|时间|Published|Posted|Date|Updated", re.IGNORECASE)
_LABELLED_DATE = re.compile(
    r"^\s*(?:发布日期|发布时间|成文日期|印发日期|Date|Dated|Published|Posted|Released|Issued)(?:\s+on)?\s*[:：]?\s*",
    re.I,
)
_EN_DATELINE = re.compile(
    r"^[A-Z][A-Za-z0-9 .,'-]{1,40}?(?:,\s*|\s*\(\s*)"
    r"((?:[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4})|(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}))"
    r"\s*(?:[–—-]|\)|\(|$)"
)
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
    headline_limit: int = HEADLINE_LIMIT,
) -> Summary:
    """Summarise one notice: who issued what, what it requires of whom, by when, within a length budget."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lang: Lang = detect_lang(title + "\n" + text)
    limit = default_budget(text) if budget is None else max(0, budget)
    sentences = split(text, lang, MAX_SENTENCES)
    year = year_hint(published.isoformat() if published else "", text[:300], url, title, text[:5000])
    signed = find_signoff(sentences, lang)
    annex_from = signed.index + 1 if signed else None
    weighed = weigh(score_units(sentences, lang, title), sentences, lang, annex_from)
    # Selection ranks by importance; what it keeps is rendered in document order.
    units = [Unit(w.unit.sentence, w.unit.clause, w.weight, w.unit.grams, w.unit.directive) for w in weighed]
    groups = select(units, limit, lang)
    directives = render(groups, lang)
    if not any(u.directive for g in groups for u in g):
        directives = []
    summary_text = join(render(groups, lang), lang)
    issued = _published(sentences, lang, year, signed) or published
    return Summary(
        title=notice_title(title, text),
        issuer=find_issuer(title, text, lang, signed.issuer if signed else None),
        doc_number=find_doc_number(title, text[:5000], lang),
        published=issued.isoformat() if issued else None,
        deadlines=find_deadlines(sentences, year, lang, issued),
        directives=tuple(directives),
        summary=summary_text,
        headline=build_headline(weighed, sentences, lang, headline_limit, fold(title), annex_from),
        ranking=_ranking(groups) if directives else (),
    )


def _ranking(groups: list[Group]) -> tuple[int, ...]:
    """The directives' indices, most important first (a push shows the first few in document order)."""
    return tuple(sorted(range(len(groups)), key=lambda i: -max(u.score for u in groups[i])))


def _published(
    sentences: list[Sentence], lang: Lang, year: int | None, signed: SignOff | None
) -> dt.date | None:
    """The page's date line, a dateline, the sign-off date, else the date the report says it was issued."""
    for s in sentences[:6]:
        # A short line near the top that carries a date ("2020-02-03 12:14", "发布日期:2023-03-21").
        if len(s.text) <= 60 and (s.heading or _DATE_LABEL.search(s.folded)):
            hits = find_dates(s.folded, None)
            if hits:
                return hits[0].date
        # "date 2020-02-08 All current …", "发布日期：2023-03-21 …" opening a longer line.
        m = _LABELLED_DATE.match(s.folded)
        if m:
            hits = find_dates(s.folded[m.end() :], None)
            if hits and hits[0].start == 0:
                return hits[0].date
    for s in sentences[:10]:
        # English datelines: "WASHINGTON, March 3, 2026 —", "IR-2026-44, April 3, 2026".
        m = _EN_DATELINE.match(s.folded) if lang == "en" else None
        if m:
            hits = find_dates(m.group(1), None)
            if hits:
                return hits[0].date
    if signed is not None:
        return signed.date
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
