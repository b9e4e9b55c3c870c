"""PostgreSQL keyword search: the same terms, matches, ranking and snippets as SQLite's, from two indexes.

- notices.grams (text[], GIN): storage.textindex.tokens() of each notice, every CJK character and bigram and
  every Latin/digit word. A CJK term of 1-2 characters or a short word is one token, exact; a longer CJK term
  needs all its bigrams, then a substring check on those few candidates.
- notices_trgm (pg_trgm GIN over notices.doc, lower(title || text || summary) stored): Latin words of 3+ characters (matched at
  the start of a word, as SQLite's prefix query) and the other 3+ character terms (punctuation, mixed
  scripts) as literal substrings; pg_trgm rechecks every candidate, so the index only narrows.

User input is never syntax: terms travel as bound parameters; LIKE wildcards and regex metacharacters in a
term are escaped. Ranking mirrors SQLite's bm25 weights: a match in the title weighs 8, summary 2, text 1,
times the recency factor, over the newest RANK_WINDOW matches; older matches follow newest first.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from storage.models import SearchHit, SearchPage, SearchQuery
from storage.pg.base import PgBase, retrying
from storage.textindex import (
    CJK_ONLY,
    EXACT_WORD_MAX,
    MAX_LIMIT,
    RECENCY_DAYS,
    RECENCY_WEIGHT,
    WORD,
    WORDS_PHRASE,
    make_snippet,
    normalize_terms,
    tokens,
)

__all__ = ["RANK_WINDOW", "SearchMixin", "where_terms"]

RANK_WINDOW = 2000
_DOC = "n.doc"


def _like(term: str) -> str:
    return "%" + term.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _regex_word_start(term: str) -> str:
    return "\\m" + re.escape(term.lower())


def where_terms(terms: tuple[str, ...], params: list[object]) -> tuple[str, frozenset[str], frozenset[str]]:
    """SQL conditions on notices n for every term (params appended), and the whole-word and prefix terms."""
    must_tokens: list[str] = []
    conds: list[str] = []
    words: set[str] = set()
    prefixes: set[str] = set()

    def bind(value: object) -> str:
        params.append(value)
        return f"${len(params)}"

    for term in terms:
        if CJK_ONLY.match(term):
            must_tokens.extend(
                tokens(term) if len(term) <= 2 else [term[i : i + 2] for i in range(len(term) - 1)]
            )
            if len(term) > 2:  # the bigrams may occur apart: check the whole term on the candidates
                conds.append(f"strpos({_DOC}, {bind(term.lower())}) > 0")
        elif WORD.fullmatch(term) and len(term) <= EXACT_WORD_MAX:
            must_tokens.append(term.casefold())
            words.add(term.casefold())
        elif WORD.fullmatch(term):
            conds.append(f"{_DOC} LIKE {bind(_like(term))} AND {_DOC} ~ {bind(_regex_word_start(term))}")
            prefixes.add(term.casefold())
        elif WORDS_PHRASE.fullmatch(term):
            # Words in a row, any separators between them, whole words (SQLite: a phrase of word tokens).
            must_tokens.extend(w.casefold() for w in term.split())
            pattern = "\\m" + "[^[:alnum:]]+".join(re.escape(w.lower()) for w in term.split()) + "\\M"
            conds.append(f"{_DOC} ~ {bind(pattern)}")
        else:
            conds.append(f"{_DOC} LIKE {bind(_like(term))}")
    if must_tokens:
        conds.insert(0, f"n.grams @> {bind(sorted(set(must_tokens)))}::text[]")
    return " AND ".join(conds) or "true", frozenset(words), frozenset(prefixes)


def _relevance(terms: tuple[str, ...], params: list[object]) -> str:
    parts = []
    for term in terms:
        params.append(term.lower())
        t = f"${len(params)}"
        parts.append(
            f"(CASE WHEN strpos(lower(n.title), {t}) > 0 THEN 8.0 ELSE 0 END"
            f" + CASE WHEN strpos(lower(n.summary), {t}) > 0 THEN 2.0 ELSE 0 END"
            " + 1.0)"
        )
    return " + ".join(parts)


class SearchMixin(PgBase):
    """search() over the notices table."""

    @retrying
    async def search(
        self, query: SearchQuery, *, offset: int = 0, limit: int = 5, now: datetime | None = None
    ) -> SearchPage:
        """One page of the notices containing every term, best first, with the total count."""
        offset, limit = max(0, offset), max(1, min(limit, MAX_LIMIT))
        terms = normalize_terms(query.terms)
        if not terms:
            return SearchPage((), 0, offset, limit)
        params: list[object] = []
        where, words, prefixes = where_terms(terms, params)
        match = f"FROM notices n WHERE n.duplicate_of IS NULL AND {where}"
        async with self.pool.acquire() as conn:
            total = int(await conn.fetchval(f"SELECT count(*) {match}", *params))
            if total <= offset:
                return SearchPage((), total, offset, limit)
            rel = _relevance(terms, params)
            params.append(now or datetime.now(UTC))
            age = f"greatest(0, extract(epoch FROM ${len(params)}::timestamptz - coalesce(n.published, n.first_seen)))"
            score = f"({rel}) * (1.0 + {RECENCY_WEIGHT} / (1.0 + {age} / {RECENCY_DAYS * 86400.0}))"
            rows: list[tuple[int, float]] = []
            window = min(total, RANK_WINDOW)
            if offset < window:
                ranked = await conn.fetch(
                    f"SELECT n.id, {score} AS score FROM (SELECT n.id {match} ORDER BY n.id DESC LIMIT {window}) w"
                    f" JOIN notices n ON n.id = w.id ORDER BY score DESC, n.id DESC LIMIT {limit} OFFSET {offset}",
                    *params,
                )
                rows.extend((r["id"], float(r["score"])) for r in ranked)
            if offset + limit > window and total > window:
                older = await conn.fetch(
                    f"SELECT n.id, {score} AS score {match} ORDER BY n.id DESC"
                    f" LIMIT {limit - len(rows)} OFFSET {window + max(0, offset - window)}",
                    *params,
                )
                rows.extend((r["id"], float(r["score"])) for r in older)
            found = await conn.fetch(
                "SELECT n.id, s.name, n.title, n.url, coalesce(n.published, n.first_seen) AS at, n.text, n.summary"
                " FROM notices n JOIN sources s ON s.id = n.source_id WHERE n.id = ANY($1::bigint[])",
                [i for i, _ in rows],
            )
        by_id = {r["id"]: r for r in found}
        hits = [
            SearchHit(
                id=i,
                source=by_id[i]["name"],
                title=by_id[i]["title"],
                url=by_id[i]["url"],
                published=by_id[i]["at"],
                snippet=make_snippet(
                    by_id[i]["title"],
                    by_id[i]["text"],
                    by_id[i]["summary"],
                    terms,
                    words=words,
                    prefixes=prefixes,
                ),
                score=round(value, 6),
            )
            for i, value in rows
            if i in by_id
        ]
        return SearchPage(tuple(hits), total, offset, limit)
