"""The summariser's entry point: metadata, deadlines and the budgeted directive summary of one notice."""

from __future__ import annotations

import datetime as dt
import re

from bot.dates import year_hint
from bot.models import Summary
from bot.summarize.deadlines import find_deadlines
from bot.summarize.headline import HEADLINE_LIMIT, build_headline
from bot.summarize.importance import weigh
from bot.summarize.lang import Lang, detect_lang, fold
from bot.summarize.meta import find_doc_number, find_issuer, notice_title
from bot.summarize.published import find_published
from bot.summarize.rank import Unit, score_units
from bot.summarize.select import Group, join, render, select
from bot.summarize.sentences import split
from bot.summarize.signoff import find_signoff

__all__ = ["MAX_SENTENCES", "default_budget", "summarize", "unwrap"]

# Beyond this many sentences a text is an annex or a dump; the directives of a notice come before it.
MAX_SENTENCES = 400
MIN_BUDGET = 150
BUDGET_SHARE = 0.35


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
    if lang == "en":
        text = unwrap(text)
    sentences = split(text, lang, MAX_SENTENCES)
    year = year_hint(published.isoformat() if published else "", text[:300], url, title, text[:5000])
    signed = find_signoff(sentences, lang)
    annex_from = signed.index + 1 if signed else None
    weighed = weigh(score_units(sentences, lang, title), sentences, lang, annex_from)
    # Selection ranks by importance; what it keeps is rendered in document order.
    units = [Unit(w.unit.sentence, w.unit.clause, w.weight, w.unit.grams, w.unit.directive) for w in weighed]
    # Each sentence's pieces.cases, worked out once for the summary and the headline both.
    case_memo: dict[int, list[int | None]] = {}
    groups = select(units, limit, lang, case_memo)
    rendered = render(groups, lang)
    directives = rendered if any(u.directive for g in groups for u in g) else []
    summary_text = join(rendered, lang)
    issued = find_published(sentences, lang, year, signed, title) or published
    return Summary(
        title=notice_title(title, text),
        issuer=find_issuer(title, text, lang, signed),
        doc_number=find_doc_number(title, text[:5000], lang),
        published=issued.isoformat() if issued else None,
        deadlines=find_deadlines(sentences, year, lang, issued),
        directives=tuple(directives),
        summary=summary_text,
        headline=build_headline(weighed, sentences, lang, headline_limit, fold(title), annex_from, case_memo),
        ranking=_ranking(groups) if directives else (),
    )


# A line that ends a sentence, a heading's colon or a closing quote or bracket keeps its break.
_ENDS = re.compile(r"[.!?:;\"”’)\]]$")
# A line that opens a list item or a labelled field ("• …", "2. …", "(a) …", "DATES: …") starts afresh.
_ITEM = re.compile(r"(?:[•·●▪◦‣∙*-]|\(?[0-9ivxa-z]{1,4}[.)]|[A-Z][A-Z ]{3,}:)(?:\s|$)")
# A line that stops mid-phrase: on a comma or a word that needs what follows ("of", "the", "and" …).
# The article "a" only in lower case: a capital "A" ends a name ("Form A", "Block A", a grade), not a phrase.
_OPEN_END = re.compile(
    r"(?:,|&|\b(?:the|of|and|to|(?-i:a)|an|in|for|on|by|with|or|from|at|as|its|their|that|is|are|be|this|these|any|all))$",
    re.IGNORECASE,
)
# A wrapped line is at least this long, and a text is taken as wrapped when this many lines run on.
WRAP_MIN = 45
WRAP_LINES = 3
# A line stopping mid-phrase runs on in any text when it holds at least this many words (not a heading's
# lone "To" or "From").
WORDS_MIN = 3


def _stops_mid_phrase(line: str) -> bool:
    """Whether a line stops on a word waiting for more ("… must be returned to the"), not on a comma, with at
    least WORDS_MIN words: the sentence goes on in the next line of text."""
    return (
        bool(line)
        and not line.endswith(",")
        and _OPEN_END.search(line) is not None
        and len(line.split()) >= WORDS_MIN
    )


def _title_case(line: str) -> bool:
    """Whether most of a line's words of four letters or more start with a capital, as a heading's do ("Notice of
    Proposed Changes to the", "Notice Of Road Closure For"); a sentence's few names do not ("The Council invites")."""
    words = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
    return 2 * sum(w[0].isupper() for w in words) > len(words)


def unwrap(text: str) -> str:
    """English text hard-wrapped at a fixed width (the Federal Register, plain-text memos) with the line
    breaks inside its sentences turned into spaces.

    A line runs on when it is long, does not end a sentence, and the next line goes on in lower case or
    it stops mid-phrase ("… a permit from the Bureau of Water and" / "Sewer Services (BWSS)."). One character
    for one, so offsets stay and every clause is still the notice's text up to whitespace. A text with
    fewer such lines (a title over its first paragraph) is left as it is.
    """
    lines = text.split("\n")
    joins: set[int] = set()
    # Breaks any text may hold: a line that stops on a word waiting for more and goes on in lower case ("-
    # Failure to act by" / "student because of …") is one sentence, wrapped text or not.
    sure: set[int] = set()
    for i in range(len(lines) - 1):
        line = lines[i].rstrip()
        nxt = lines[i + 1].strip()
        if not nxt:
            if _stops_mid_phrase(line) and line != line.upper() and not _title_case(line):
                # A page converted from print may break a sentence with an empty line too ("… asks for quotes
                # from licensed &" / "" / "insured builders …"): the same join, across the gap.
                # Not after a heading in capitals or in title case ("NOTICE OF THE ANNUAL MEETING OF", "Notice Of
                # Temporary Road Closure For" / "" / "members …"). The
                # summary shows the gap's run of spaces as one (select.render).
                j = i + 1
                while j < len(lines) and not lines[j].strip():
                    j += 1
                after = lines[j].strip() if j < len(lines) else ""
                if after[:1].islower() and not _ITEM.match(after):
                    sure.update(range(i, j))
            continue
        lower = nxt[0].islower()
        long = len(line) >= WRAP_MIN
        if not (lower or long) or _ENDS.search(line) or _ITEM.match(nxt):
            continue  # (neither kind of join can apply: most lines of a text that is not wrapped)
        if lower and _stops_mid_phrase(line):
            sure.add(i)
        if long and (lower or _OPEN_END.search(line) is not None):
            joins.add(i)
    # A wrapped text joins its long lines and, as any text does, the short ones that stop mid-phrase ("-
    # Failure to act by" in a hard-wrapped page); a text that is not wrapped joins only the latter.
    joins = joins | sure if len(joins) >= WRAP_LINES else sure
    if not joins:
        return text
    chars = list(text)
    pos = 0
    for i, line in enumerate(lines[:-1]):
        pos += len(line)
        if i in joins:
            chars[pos] = " "
        pos += 1
    return "".join(chars)


def _ranking(groups: list[Group]) -> tuple[int, ...]:
    """The directives' indices, most important first (a push shows the first few in document order)."""
    return tuple(sorted(range(len(groups)), key=lambda i: -max(u.score for u in groups[i])))
