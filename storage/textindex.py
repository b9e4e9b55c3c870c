"""Backend-neutral search text rules: scripts, the CJK/word tokens both backends index, snippets, recency.

SQLite (storage.search) and PostgreSQL (storage.pg.search) index the same tokens and share the snippet maker
and the recency formula, so a query finds and shows the same notices whichever backend stores them.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

from storage.models import HIGHLIGHT_END, HIGHLIGHT_START

__all__ = [
    "CJK_CLASS",
    "CJK_ONLY",
    "COUNT_CAP",
    "EDGE_CHARS",
    "EXACT_WORD_MAX",
    "INDEX_TOKEN",
    "MAX_LIMIT",
    "PREFIX_MARK",
    "PREFIX_MAX",
    "RANK_WINDOW",
    "RECENCY_DAYS",
    "RECENCY_WEIGHT",
    "SNIPPET_CHARS",
    "WORD",
    "WORDS_PHRASE",
    "edges",
    "grams",
    "make_snippet",
    "normalize_terms",
    "tokens",
]

# Scripts written without spaces between words: Han (with extensions and compatibility forms), kana, Hangul.
CJK_CLASS = (
    "\u3005\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U0002ffff\U00030000-\U0003134f"
)
_CJK = re.compile(f"[{CJK_CLASS}]")
CJK_ONLY = re.compile(f"[{CJK_CLASS}]+$")
# What unicode61 calls a token, minus CJK: letters and digits (underscore and punctuation separate words).
WORD = re.compile(f"(?:(?![{CJK_CLASS}])[^\\W_])+")
INDEX_TOKEN = re.compile(f"([{CJK_CLASS}]+)|{WORD.pattern}")
WORDS_PHRASE = re.compile(f"{WORD.pattern}(?: {WORD.pattern})+")
EXACT_WORD_MAX = 2  # Latin/digit terms this short match whole words; longer ones match word prefixes
# PostgreSQL indexes each word's prefixes of 3 to PREFIX_MAX characters as "prefix*" tokens, so a word-prefix
# term is one exact token lookup (no check of the text) unless it is longer than PREFIX_MAX.
PREFIX_MAX = 16
PREFIX_MARK = "*"  # never part of a word token: a word is letters and digits only
# A CJK run's edge next to one of these characters is indexed as the pair ("(中", "会)", "4年"), so a term
# that holds the pair needs a notice that holds it, not just its common bigrams ("(中华全国总工会)" in English
# notices, where Chinese ones write 中华全国总工会 without ASCII parentheses). ASCII digits and punctuation
# only: no character changes case into or out of them, so a match under any lower() holds the very pair;
# and a notice has few distinct such pairs (5.6 in the bench corpus, 1% more tokens), where full-width
# punctuation, which Chinese text puts beside nearly every clause, would add many.
EDGE_CHARS = frozenset(string.digits + string.punctuation)

# score = relevance * (1 + RECENCY_WEIGHT / (1 + age_days / RECENCY_DAYS)): today's notice counts double,
# one RECENCY_DAYS old 1.5x, old ones approach plain relevance. Relevance still wins by a clear margin.
RECENCY_WEIGHT = 1.0
RECENCY_DAYS = 180.0
MAX_LIMIT = 50
# A search counts its matches up to this many (or up to the page asked for, if further) and says "more than"
# beyond: an exact count of a term in half the notices costs as much as reading them all.
COUNT_CAP = 1000
# Ranking (bm25 or its PostgreSQL counterpart, times recency) scores only the newest this many matches, so a
# term in half the notices costs what one in a thousand does; later pages go on with older matches, newest first.
RANK_WINDOW = 1000
SNIPPET_CHARS = 120


def grams(value: str | None) -> str:
    """The notices_grams text of one column: CJK runs as overlapping bigrams plus the run's last character,
    and the Latin/digit words, in text order, separated by spaces (unicode61 makes each one token).

    The trailing single character lets a 1-character query match as a prefix ("疫"* finds 疫情 and a final 疫),
    which the table's 1-character prefix index answers. Deterministic: the delete triggers recompute it.
    """
    if not value:
        return ""
    out: list[str] = []
    # In text order, so that a phrase of words or bigrams only matches where they are adjacent.
    for m in INDEX_TOKEN.finditer(value):
        run = m.group(1)
        if run:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
            out.append(run[-1])
        else:
            out.append(m.group(0))
    return " ".join(out)


def edges(text: str, start: int, end: int) -> list[str]:
    """The edge pairs of the CJK run text[start:end] with an EDGE_CHARS character on either side ("(中")."""
    out: list[str] = []
    if start > 0 and text[start - 1] in EDGE_CHARS:
        out.append(text[start - 1 : start + 1])
    if end < len(text) and text[end] in EDGE_CHARS:
        out.append(text[end - 1 : end + 1])
    return out


def tokens(*values: str | None) -> list[str]:
    """The distinct index tokens of these texts (PostgreSQL's notices.grams array): every CJK character and
    bigram, each CJK run's edge pairs with an adjacent EDGE_CHARS character, every Latin/digit word
    case-folded, and each word's prefixes of EXACT_WORD_MAX + 1 to PREFIX_MAX characters (itself included)
    followed by PREFIX_MARK. A CJK term of 1-2 characters is then one token, and so is a word-prefix term
    ("inspection" finds "inspections" through the token "inspection*")."""
    out: set[str] = set()
    words: set[str] = set()
    for value in values:
        for m in INDEX_TOKEN.finditer(value or ""):
            run = m.group(1)
            if run:
                out.update(run)
                out.update(run[i : i + 2] for i in range(len(run) - 1))
                out.update(edges(value or "", m.start(), m.end()))
            else:
                words.add(m.group(0).casefold())
    out.update(words)
    for word in words:
        out.update(word[:k] + PREFIX_MARK for k in range(EXACT_WORD_MAX + 1, min(len(word), PREFIX_MAX) + 1))
    return sorted(out)


def normalize_terms(terms: Iterable[str]) -> tuple[str, ...]:
    """Collapse whitespace, drop empty and repeated terms (case-insensitively), keep order."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in terms:
        term = " ".join(raw.replace(HIGHLIGHT_START, " ").replace(HIGHLIGHT_END, " ").split())
        if term and term.casefold() not in seen:
            seen.add(term.casefold())
            out.append(term)
    return tuple(out)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() and not _CJK.match(ch)


def _spans(
    text: str, terms: tuple[str, ...], words: frozenset[str], prefixes: frozenset[str]
) -> list[tuple[int, int, int]]:
    """(start, end, term index) of every case-insensitive occurrence, as the index matched it: short Latin
    terms as whole words, longer ones as the start of a word."""
    found: list[tuple[int, int, int]] = []
    for index, term in enumerate(terms):
        whole = term.casefold() in words
        prefix = term.casefold() in prefixes
        for m in re.finditer(re.escape(term), text, re.IGNORECASE):
            start, end = m.span()
            if (whole or prefix) and start > 0 and _is_word_char(text[start - 1]):
                continue
            if whole and end < len(text) and _is_word_char(text[end]):
                continue
            found.append((start, end, index))
    found.sort()
    return found


def make_snippet(
    title: str,
    text: str,
    summary: str,
    terms: tuple[str, ...],
    *,
    words: frozenset[str] = frozenset(),
    prefixes: frozenset[str] = frozenset(),
    width: int = SNIPPET_CHARS,
) -> str:
    """About `width` characters of the text (else summary) around the densest cluster of matches, each match
    wrapped in HIGHLIGHT_START/END; the start of the text when only the title matched."""
    best_text, best_spans = "", []
    for candidate in (text, summary, title):
        clean = " ".join(candidate.replace(HIGHLIGHT_START, " ").replace(HIGHLIGHT_END, " ").split())
        spans = _spans(clean, terms, words, prefixes)
        if spans:
            best_text, best_spans = clean, spans
            break
    if not best_spans:
        best_text = " ".join(text.split()) or " ".join(summary.split())
    if not best_spans:
        return best_text[:width] + ("…" if len(best_text) > width else "")
    # The window that holds the most distinct terms, starting a little before one of the first matches.
    best_start, best_count = 0, -1
    for start, _end, _i in best_spans[:200]:
        lo = max(0, start - width // 4)
        count = len({i for s, e, i in best_spans if s >= lo and e <= lo + width})
        if count > best_count:
            best_start, best_count = lo, count
    # Never cut off a text that would fit, nor leave the window short at the end of the text.
    lo = max(0, min(best_start, len(best_text) - width))
    hi = min(len(best_text), lo + width)
    out: list[str] = ["…"] if lo > 0 else []
    pos = lo
    for start, end, _i in best_spans:
        if start < pos or end > hi:
            continue  # overlapping an earlier highlight, or cut by the window
        out.extend([best_text[pos:start], HIGHLIGHT_START, best_text[start:end], HIGHLIGHT_END])
        pos = end
    out.append(best_text[pos:hi])
    if hi < len(best_text):
        out.append("…")
    return "".join(out)
