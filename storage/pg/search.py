"""PostgreSQL keyword search: the same terms, matches, ranking and snippets as SQLite's, in bounded work.

notices.grams (text[], GIN) holds storage.textindex.tokens() of each notice: every CJK character and bigram,
every Latin/digit word and each word's prefixes ("inspection*"). Each term becomes the tokens every match must
hold, plus, where tokens cannot say it exactly, a check of the lower-cased text (notices.doc):

- a CJK term of 1-2 characters, a 1-2 character word and a word prefix of up to PREFIX_MAX characters: one
  token, exact, no check;
- a longer CJK term: its bigrams, then the whole term as a substring; a phrase of words: its words, then a
  regex for the words in a row; anything else (punctuation, mixed scripts): a literal substring, narrowed by
  the tokens it must contain (its CJK characters and bigrams, its whole words).

Work per query does not grow with the number of matches: the matches are collected newest first in id ranges
(a GIN bitmap ANDed with the primary key's range, so only candidates inside the range are read and checked)
until COUNT_CAP + 1 are found; the total is exact up to COUNT_CAP and "more" beyond, as in SQLite. Ranking
scores the newest RANK_WINDOW matches (title 8, summary 2, text 1 per term, times the recency factor);
later pages continue with older matches, newest first. User input is never syntax: terms are bound
parameters; substrings are found with strpos() (no wildcards) and regex metacharacters are escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from storage.models import SearchHit, SearchPage, SearchQuery
from storage.pg.base import PgBase, retrying
from storage.textindex import (
    CJK_ONLY,
    COUNT_CAP,
    EXACT_WORD_MAX,
    INDEX_TOKEN,
    MAX_LIMIT,
    PREFIX_MARK,
    PREFIX_MAX,
    RANK_WINDOW,
    RECENCY_DAYS,
    RECENCY_WEIGHT,
    WORD,
    WORDS_PHRASE,
    edges,
    make_snippet,
    normalize_terms,
)

__all__ = ["RANK_WINDOW", "SearchMixin", "plan"]


@dataclass(frozen=True, slots=True)
class _Plan:
    """What every match must hold: GIN tokens, and checks of notices.doc for what tokens cannot say."""

    tokens: tuple[str, ...]
    # ("strpos", lower-cased substring, "") or ("regex", pattern, a literal whose presence implies the pattern)
    checks: tuple[tuple[str, str, str], ...]
    words: frozenset[str]  # short Latin terms: whole words (also how snippets highlight them)
    prefixes: frozenset[str]  # longer Latin terms: the start of a word


def _prefix_token(word: str) -> str:
    return word[:PREFIX_MAX] + PREFIX_MARK


def _cover(run: str) -> list[str]:
    """Bigrams covering a CJK run without overlap (疫情防控: 疫情 防控), or the run itself if one character.

    Enough to narrow the candidates, which the text check then confirms: each token more is one more GIN
    posting list to read, and those of common bigrams hold tens of thousands of entries.
    """
    if len(run) <= 2:
        return [run]
    return [run[i : i + 2] for i in range(0, len(run) - 1, 2)] + ([run[-2:]] if len(run) % 2 else [])


def _substring_tokens(term: str) -> list[str]:
    """Tokens every text containing `term` (case-insensitively) holds: bigrams of its CJK runs and their edge
    pairs with the digits and ASCII punctuation beside them ("(中", rarer than any bigram), its words with a
    separator on both sides, and the prefix of a last word with one before it."""
    out: list[str] = []
    for m in INDEX_TOKEN.finditer(term):
        run = m.group(1)
        if run:
            out.extend(_cover(run))
            out.extend(edges(term, m.start(), m.end()))
            continue
        word = m.group(0).casefold()
        bounded_left, bounded_right = m.start() > 0, m.end() < len(term)
        if bounded_left and bounded_right:
            out.append(word)
        elif bounded_left and len(word) > EXACT_WORD_MAX:
            out.append(_prefix_token(word))
    return out


def plan(terms: tuple[str, ...]) -> _Plan:
    """The tokens and text checks of these terms (see the module docstring)."""
    must: list[str] = []
    checks: list[tuple[str, str, str]] = []
    words: set[str] = set()
    prefixes: set[str] = set()
    for term in terms:
        folded = term.casefold()
        if CJK_ONLY.match(term):
            if len(term) <= 2:
                must.append(term)
            else:  # the bigrams may occur apart: the whole term is checked on the candidates
                must.extend(_cover(term))
                checks.append(("strpos", term.lower(), ""))
        elif WORD.fullmatch(term) and len(term) <= EXACT_WORD_MAX:
            must.append(folded)
            words.add(folded)
        elif WORD.fullmatch(term):
            must.append(_prefix_token(folded))
            prefixes.add(folded)
            if len(term) > PREFIX_MAX:
                checks.append(("regex", "\\m" + re.escape(term.lower()), " " + term.lower()))
        elif WORDS_PHRASE.fullmatch(term):
            # Words in a row, any separators between them, whole words (SQLite: a phrase of word tokens).
            must.extend(w.casefold() for w in term.split())
            words_in_row = "[^[:alnum:]]+".join(re.escape(w.lower()) for w in term.split())
            checks.append(("regex", f"\\m{words_in_row}\\M", f" {term.lower()} "))
        else:
            must.extend(_substring_tokens(term))
            checks.append(("strpos", term.lower(), ""))
    return _Plan(tuple(sorted(set(must))), tuple(checks), frozenset(words), frozenset(prefixes))


def _score_sql(terms: tuple[str, ...], params: list[Any], now: datetime) -> str:
    """Relevance (title 8, summary 2, any match 1, per term) times the recency factor, as SQL over n."""
    parts = []
    for term in terms:
        params.append(term.lower())
        t = f"${len(params)}"
        parts.append(
            f"(CASE WHEN strpos(lower(n.title), {t}) > 0 THEN 8 ELSE 0 END"
            f" + CASE WHEN strpos(lower(n.summary), {t}) > 0 THEN 2 ELSE 0 END + 1)"
        )
    params.append(now)
    # float8 throughout: numeric arithmetic (what extract() and 1.0 literals give) is several times slower.
    age = (
        f"greatest(0, extract(epoch FROM ${len(params)}::timestamptz"
        " - coalesce(n.published, n.first_seen))::float8)"
    )
    weight, days = f"{RECENCY_WEIGHT}::float8", f"{RECENCY_DAYS * 86400.0}::float8"
    return f"({' + '.join(parts)})::float8 * (1 + {weight} / (1 + {age} / {days}))"


class SearchMixin(PgBase):
    """search() over the notices table."""

    @retrying
    async def search(
        self, query: SearchQuery, *, offset: int = 0, limit: int = 5, now: datetime | None = None
    ) -> SearchPage:
        """One page of the notices containing every term, best first, with the (capped) total."""
        offset, limit = max(0, offset), max(1, min(limit, MAX_LIMIT))
        terms = normalize_terms(query.terms)
        if not terms:
            return SearchPage((), 0, offset, limit)
        p = plan(terms)
        cap = max(COUNT_CAP, offset + limit)
        subs = [v for op, v, _ in p.checks if op == "strpos"]
        pats = [(v, lit) for op, v, lit in p.checks if op == "regex"]
        async with self.pool.acquire() as conn:
            # The newest matches: enough to count up to the cap, rank the window and reach this page
            # (storage/pg/schema.py, search_newest: id ranges from the newest down, in one round trip).
            found: list[int] = await conn.fetchval(
                "SELECT search_newest($1::text[], $2::text[], $3::text[], $4::text[], $5,"
                " (SELECT min(id) FROM notices), (SELECT max(id) FROM notices))",
                list(p.tokens),
                subs,
                [v for v, _ in pats],
                [lit for _, lit in pats],
                max(cap, RANK_WINDOW) + 1,
            )
            total, more = min(len(found), cap), len(found) > cap
            if total <= offset:
                return SearchPage((), total, offset, limit, more=more)
            window = min(len(found), RANK_WINDOW)
            params: list[Any] = []
            score = _score_sql(terms, params, now or datetime.now(UTC))
            # The window ranked by score, then (past it) older matches newest first; one statement each.
            parts: list[tuple[list[int], str, str]] = []  # (ids, inner ORDER BY/LIMIT, outer ORDER BY)
            if offset < window:
                rank = "ORDER BY score DESC, n.id DESC"
                parts.append(
                    (
                        found[:window],
                        f"{rank} LIMIT {limit} OFFSET {offset}",
                        "ORDER BY w.score DESC, w.id DESC",
                    )
                )
            if offset + limit > window:
                older = found[window + max(0, offset - window) :][: limit - max(0, window - offset)]
                parts.append((older, "", "ORDER BY w.id DESC"))
            hits: list[Any] = []
            for ids, inner, outer in parts:
                hits.extend(
                    await conn.fetch(
                        f"WITH w AS (SELECT n.id, {score} AS score FROM notices n"
                        f" WHERE n.id = ANY(${len(params) + 1}::bigint[]) {inner})"
                        " SELECT w.id, w.score, s.name, n.title, n.url, coalesce(n.published, n.first_seen) AS at,"
                        " n.text, n.summary FROM w JOIN notices n ON n.id = w.id JOIN sources s ON s.id = n.source_id"
                        f" {outer}",
                        *params,
                        ids,
                    )
                )
        return SearchPage(
            tuple(
                SearchHit(
                    id=r["id"],
                    source=r["name"],
                    title=r["title"],
                    url=r["url"],
                    published=r["at"],
                    snippet=make_snippet(
                        r["title"], r["text"], r["summary"], terms, words=p.words, prefixes=p.prefixes
                    ),
                    score=round(float(r["score"]), 6),
                )
                for r in hits
            ),
            total,
            offset,
            limit,
            more=more,
        )
