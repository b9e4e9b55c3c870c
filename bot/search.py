"""Keyword search as users type it: parsing words and quoted phrases into a SearchQuery, limits, and paging.

Pure apart from `search_notices`, which hands the parsed query to the Store. The query syntax is deliberately
tiny: words separated by spaces or Chinese punctuation are AND-ed, "quoted phrases" (also “…” and 「…」)
keep their spaces, and every other character is text. FTS5 syntax never reaches the database from here; the
storage backend quotes terms for its own index.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from typing import Literal

from bot.errors import NoticebotError
from storage.api import NoticeStore
from storage.models import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit, SearchPage, SearchQuery

__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "MAX_QUERY_CHARS",
    "MAX_TERMS",
    "PAGE_SIZE",
    "SearchHit",
    "SearchPage",
    "SearchQuery",
    "SearchQueryError",
    "highlight_parts",
    "parse_query",
    "search_notices",
]

MAX_QUERY_CHARS = 200  # a search, not a document: longer input is a paste by mistake
MAX_TERMS = 8
PAGE_SIZE = 5  # hits per chat message, with Next / Previous buttons

Reason = Literal["empty", "too_long", "too_many_terms"]

_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』')
# Between terms: whitespace, Chinese punctuation, and ASCII brackets and list punctuation.
_SEPARATORS = re.compile(r"[\s，。、；：！？（）【】《》〈〉「」『』“”‘’·…,;!?()\[\]{}<>\"]+")
# Dropped from the ends of an unquoted word: FTS-ish operators and sentence punctuation ("疫情*", "-工会").
_EDGE = "'*^:.-~|`"


class SearchQueryError(NoticebotError):
    """What the user typed is not a search we run; `reason`, `limit` and `got` let a handler word the reply."""

    def __init__(self, reason: Reason, *, limit: int = 0, got: int = 0) -> None:
        self.reason = reason
        self.limit = limit
        self.got = got
        messages = {
            "empty": "nothing to search for: give one or more words",
            "too_long": f"the search is {got} characters long; use at most {limit}",
            "too_many_terms": f"the search has {got} words; use at most {limit}",
        }
        super().__init__(messages[reason])


def _clean(text: str) -> str:
    # Control characters (including the highlight markers) are never part of a notice's words.
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


def parse_query(text: str) -> SearchQuery:
    """Split what the user typed into terms: every term must occur; quoted phrases are one term."""
    text = _clean(text).strip()
    if len(text) > MAX_QUERY_CHARS:
        raise SearchQueryError("too_long", limit=MAX_QUERY_CHARS, got=len(text))
    terms: list[str] = []
    pos = 0
    for m in _QUOTED.finditer(text):
        terms.extend(_words(text[pos : m.start()]))
        phrase = " ".join(next(g for g in m.groups() if g is not None).split())
        if phrase:
            terms.append(phrase)
        pos = m.end()
    terms.extend(_words(text[pos:]))
    unique: list[str] = []
    seen: set[str] = set()
    for term in terms:
        if term.casefold() not in seen:
            seen.add(term.casefold())
            unique.append(term)
    if not unique:
        raise SearchQueryError("empty")
    if len(unique) > MAX_TERMS:
        raise SearchQueryError("too_many_terms", limit=MAX_TERMS, got=len(unique))
    return SearchQuery(tuple(unique))


def _words(segment: str) -> list[str]:
    out = []
    for word in _SEPARATORS.split(segment):
        word = word.strip(_EDGE)
        if word:
            out.append(word)
    return out


def highlight_parts(snippet: str) -> list[tuple[str, bool]]:
    """Split a snippet into (text, highlighted) parts for a renderer to escape and wrap."""
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(re.split(f"[{HIGHLIGHT_START}{HIGHLIGHT_END}]", snippet)):
        if chunk:
            parts.append((chunk, i % 2 == 1))
    return parts


async def search_notices(
    store: NoticeStore, text: str, *, page: int = 0, page_size: int = PAGE_SIZE, now: datetime | None = None
) -> SearchPage:
    """Parse `text` and return its `page`-th page (0-based); SearchQueryError for input we do not run."""
    query = parse_query(text)
    return await store.search(query, offset=max(0, page) * page_size, limit=page_size, now=now)
