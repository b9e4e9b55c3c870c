"""Keyword search in SQLite: the derived bigram text, routing terms to an FTS5 index, ranking and snippets.

Two FTS5 indexes cover title + text + summary (schema migrations 1 and 3):

- notices_grams (unicode61, contentless) answers CJK terms of any length, including the 1-2 character ones
  trigram cannot see (疫情, 工会), and Latin/digit words and phrases of them. Its text is grams() of each column, computed
  in Python by the search_grams() SQL function that open_store registers on every connection and that the
  triggers call, so inserts, updates and cascade deletes all keep it in step.
- notices_fts (trigram) answers the other terms of 3+ characters as literal substrings: terms with
  punctuation or mixed scripts ("COVID-19", "2024年", "AI 技术").

A term that fits neither (a 1-2 character mix such as "A股", or bare punctuation) falls back to instr() on
the notices table: correct, but a scan. Ranking is bm25 (title counts most) scaled up for recent notices,
over the newest RANK_WINDOW matches (see there).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

import aiosqlite

from storage.db import Database
from storage.models import SearchHit, SearchPage, SearchQuery
from storage.textindex import (
    CJK_ONLY,
    COUNT_CAP,
    EXACT_WORD_MAX,
    MAX_LIMIT,
    RANK_WINDOW,
    RECENCY_DAYS,
    RECENCY_WEIGHT,
    WORD,
    WORDS_PHRASE,
    grams,
    make_snippet,
    normalize_terms,
)
from storage.timeconv import from_ts, to_ts

__all__ = [
    "GRAMS_FUNCTION",
    "grams",
    "make_snippet",
    "normalize_terms",
    "plan",
    "register_functions",
    "register_functions_async",
    "search",
]

# The SQL name the triggers of migration 3 call; changing it needs a new migration.
GRAMS_FUNCTION = "search_grams"

# bm25 column weights (title, text, summary): a term in the title says most about what the notice is.
_WEIGHTS = "8.0, 1.0, 2.0"


def register_functions(conn: sqlite3.Connection) -> None:
    """Register search_grams() on a plain sqlite3 connection (the notices triggers need it to write)."""
    conn.create_function(GRAMS_FUNCTION, 1, grams, deterministic=True)


async def register_functions_async(conn: aiosqlite.Connection) -> None:
    """Register search_grams() on an aiosqlite connection."""
    await conn.create_function(GRAMS_FUNCTION, 1, grams, deterministic=True)


@dataclass(frozen=True, slots=True)
class _Plan:
    """How one query runs: an FTS5 expression per index and the terms left to a scan."""

    trigram: str  # MATCH expression for notices_fts, "" = none
    grams: str  # MATCH expression for notices_grams, "" = none
    scan: tuple[str, ...]  # lower-cased terms checked with instr()
    words: frozenset[str]  # short Latin terms: matched as whole words, so highlighted as whole words
    prefixes: frozenset[str]  # longer Latin terms: matched at the start of a word


def _quote(term: str) -> str:
    # An FTS5 string: everything inside double quotes is text, "" is a literal quote.
    return '"' + term.replace('"', '""') + '"'


def plan(terms: tuple[str, ...]) -> _Plan:
    """Route each term to the index that can answer it.

    CJK-only terms go to notices_grams at any length (a longer one as the phrase of its bigrams, which is
    exact within a CJK run). A single Latin/digit word goes there too, as a whole word up to 2 characters
    and as a word prefix beyond ("inspection" finds "Inspections"): one doclist instead of a phrase of
    trigrams, which measured 3-5x slower on common English words; so does a phrase of such words, as a
    phrase of word tokens. The trigram index answers the rest of 3+ characters as literal substrings: terms
    with punctuation or mixed scripts ("COVID-19", "2024年", "AI 技术").
    """
    trigram: list[str] = []
    short: list[str] = []
    scan: list[str] = []
    words: set[str] = set()
    prefixes: set[str] = set()
    for term in terms:
        if CJK_ONLY.match(term):
            if len(term) == 1:
                short.append(_quote(term) + "*")
            else:
                short.append(_quote(" ".join(term[i : i + 2] for i in range(len(term) - 1))))
        elif WORD.fullmatch(term):
            if len(term) <= EXACT_WORD_MAX:
                short.append(_quote(term))
                words.add(term.casefold())
            else:
                short.append(_quote(term) + "*")
                prefixes.add(term.casefold())
        elif WORDS_PHRASE.fullmatch(term):
            # Words and spaces only ("safety inspection"): a phrase of word tokens, 5x faster than trigram.
            short.append(_quote(term))
        elif len(term) >= 3:
            trigram.append(_quote(term))
        else:
            scan.append(term.lower())
    return _Plan(" ".join(trigram), " ".join(short), tuple(scan), frozenset(words), frozenset(prefixes))


# Ranking computes bm25 and recency for the newest RANK_WINDOW matches only (by rowid, i.e. when stored);
# counting stops at COUNT_CAP (see search()). Both are storage.textindex's, shared with PostgreSQL.
_DUPLICATES = "SELECT id FROM notices WHERE duplicate_of IS NOT NULL"  # partial index notices_duplicates


def _matches(p: _Plan, *, rel: bool) -> tuple[str, list[object]]:
    """A SELECT of (id[, rel]) for root notices matching every indexed term; rel is higher-is-better.

    Each FTS5 table is used by one cursor per statement: bm25 scans a phrase's whole doclist once per
    cursor for its IDF, so a correlated or nested-loop use of it would repeat that scan per row.
    """
    if p.trigram or p.grams:
        table, expr = ("notices_fts", p.trigram) if p.trigram else ("notices_grams", p.grams)
        score = f", -bm25({table}, {_WEIGHTS}) AS rel" if rel else ""
        sql = f"SELECT rowid AS id{score} FROM {table} WHERE {table} MATCH ? AND rowid NOT IN ({_DUPLICATES})"
        params: list[object] = [expr]
        if p.trigram and p.grams:
            # Mixed scripts: ranked by the trigram terms, the short ones only filter (materialised once).
            # The unary + keeps the planner from turning IN into one FTS5 lookup per member (100x slower).
            sql += " AND +rowid IN (SELECT rowid FROM notices_grams WHERE notices_grams MATCH ?)"
            params.append(p.grams)
        return sql, params
    return f"SELECT id{', 1.0 AS rel' if rel else ''} FROM notices WHERE duplicate_of IS NULL", []


def _scan(p: _Plan) -> tuple[str, list[object]]:
    """Conditions on notices n for the terms no index can answer."""
    where: list[str] = []
    params: list[object] = []
    for term in p.scan:
        # instr, not LIKE: the user's % and _ are text. lower() folds ASCII only, like the LIKE it replaces.
        where.append("(instr(lower(n.title), ?) OR instr(lower(n.text), ?) OR instr(lower(n.summary), ?))")
        params.extend([term, term, term])
    return " AND ".join(where) or "1", params


def _score(now_ts: float) -> tuple[str, list[object]]:
    sql = (
        f"m.rel * (1.0 + {RECENCY_WEIGHT} / (1.0 + max(0.0, ? - coalesce(n.published, n.first_seen))"
        f" / {RECENCY_DAYS * 86400.0}))"
    )
    return sql, [now_ts]


async def _ranked(
    db: Database, p: _Plan, *, total: int, more: bool, offset: int, limit: int, now_ts: float
) -> list[tuple[int, float]]:
    """(id, score) of one page: the window ranked by score, then the older matches newest first."""
    ids, iparams = _matches(p, rel=True)
    cond, cparams = _scan(p)
    score, sparams = _score(now_ts)
    # With scan terms the window is everything: that path reads the table anyway. The window does not depend
    # on the (capped) total, so every page ranks the same matches.
    window = -1 if p.scan else RANK_WINDOW
    out: list[tuple[int, float]] = []
    if window < 0 or offset < window:
        rows = await db.fetchall(
            f"SELECT m.id, {score} AS score FROM ({ids} ORDER BY id DESC LIMIT ?) m"
            f" JOIN notices n ON n.id = m.id WHERE {cond} ORDER BY score DESC, m.id DESC LIMIT ? OFFSET ?",
            [*sparams, *iparams, window, *cparams, limit, offset],
        )
        out.extend((int(r[0]), float(r[1])) for r in rows)
    if 0 <= window < offset + limit and (total > window or more):
        skip = max(0, offset - window)
        rows = await db.fetchall(
            f"SELECT m.id, {score} AS score FROM ({ids} ORDER BY id DESC LIMIT -1 OFFSET ?) m"
            " JOIN notices n ON n.id = m.id ORDER BY m.id DESC LIMIT ? OFFSET ?",
            [*sparams, *iparams, window, limit - len(out), skip],
        )
        out.extend((int(r[0]), float(r[1])) for r in rows)
    return out


async def search(
    db: Database, query: SearchQuery, *, offset: int = 0, limit: int = 5, now: datetime | None = None
) -> SearchPage:
    """One page of the notices containing every term, best first, with the total count."""
    offset = max(0, offset)
    limit = max(1, min(limit, MAX_LIMIT))
    terms = normalize_terms(query.terms)
    if not terms:
        return SearchPage((), 0, offset, limit)
    p = plan(terms)
    ids, iparams = _matches(p, rel=False)
    # Counted up to the cap (or the end of this page, if further): beyond it the page says "more than".
    cap = max(COUNT_CAP, offset + limit)
    if p.scan:
        cond, cparams = _scan(p)
        count_sql = f"SELECT count(*) FROM (SELECT 1 FROM ({ids}) m JOIN notices n ON n.id = m.id WHERE {cond} LIMIT ?)"
    else:
        count_sql, cparams = f"SELECT count(*) FROM ({ids} LIMIT ?)", []
    count_row = await db.fetchone(count_sql, [*iparams, *cparams, cap + 1])
    found = int(count_row[0]) if count_row else 0
    total, more = min(found, cap), found > cap
    if total <= offset:
        return SearchPage((), total, offset, limit, more=more)
    now_ts = to_ts(now or datetime.now(UTC)) or 0.0
    ranked = await _ranked(db, p, total=total, more=more, offset=offset, limit=limit, now_ts=now_ts)
    scores = dict(ranked)
    marks = ",".join("?" * len(scores))
    rows = await db.fetchall(
        "SELECT n.id, s.name, n.title, n.url, n.published, n.first_seen, n.text, n.summary"
        f" FROM notices n JOIN sources s ON s.id = n.source_id WHERE n.id IN ({marks})",
        list(scores),
    )
    by_id = {int(r[0]): r for r in rows}
    hits = []
    for notice_id, value in scores.items():
        row = by_id.get(notice_id)
        if row is None:  # deleted between the two reads
            continue
        hits.append(
            SearchHit(
                id=notice_id,
                source=row[1],
                title=row[2],
                url=row[3],
                published=from_ts(row[4] if row[4] is not None else row[5]),
                snippet=make_snippet(row[2], row[6], row[7], terms, words=p.words, prefixes=p.prefixes),
                score=round(value, 6),
            )
        )
    return SearchPage(tuple(hits), total, offset, limit, more=more)
