"""Keyword search over stored notices (storage.search through the Store): matching, ranking, snippets, pages."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import storage.pg.schema
import storage.pg.search
import storage.schema
import storage.search
import storage.textindex
from bot.search import SearchQueryError, parse_query, search_notices
from handlers.notices import render_hits
from storage import SQLiteStore, Store, open_backend, open_store
from storage.models import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    NewNotice,
    SearchHit,
    SearchPage,
    SearchQuery,
    SourceSpec,
)
from storage.pg.base import PgBase

NOW = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
B, E = HIGHLIGHT_START, HIGHLIGHT_END


def item(key: str, title: str, text: str, *, days_old: float = 1, dup: str | None = None) -> NewNotice:
    return NewNotice(
        key=key,
        url=f"http://127.0.0.1/{key}",
        title=title,
        text=text,
        published=NOW - timedelta(days=days_old),
        content_hash=str(hash((title, text))),
        dup_key=dup or f"{key}|{title}",
    )


CORPUS = [
    item("zh1", "关于做好疫情防控工作的通知", "各级工会要加强领导，做好疫情防控。确保职工安全。"),
    item("zh2", "关于开展技能培训的通知", "各地要做好就业服务，开展职业技能培训，防疫物资保障到位。"),
    item("zh3", "关于职工权益保障的通知", "疫情，防控措施要落实。工会组织要关心职工。"),
    item(
        "en1",
        "Notice on Workplace Safety",
        "All employers MUST ensure safety inspections. Said the AI office.",
    ),
    item(
        "en2",
        "Vocational training plan",
        "The inspection of safety equipment is annual. 中华全国总工会 agrees.",
    ),
]


@pytest.fixture
async def opened(tmp_path: Path) -> AsyncIterator[list[Store]]:
    """Stores a test opens, closed even when it fails (an open aiosqlite thread keeps pytest alive)."""
    stores: list[Store] = []
    yield stores
    for s in stores:
        await s.close()


async def fresh(opened: list[Store], path: Path) -> SQLiteStore:
    s = await open_store(path)
    opened.append(s)
    return s


@pytest.fixture
async def store(store_target: Path | str, opened: list[Store]) -> Store:
    """The corpus in a store of each backend: search behaves the same on SQLite and PostgreSQL."""
    s = await open_backend(store_target)
    opened.append(s)
    src = await s.add_source(SourceSpec(name="acftu", url="http://127.0.0.1/a"))
    await s.store_notices(src.id, CORPUS, now=NOW, deliver=False, notify_updates=False)
    return s


async def twelve_matches(store_target: Path | str, opened: list[Store]) -> Store:
    """A store of either backend with twelve notices matching 就业, one a day older than the next."""
    s = await open_backend(store_target)
    opened.append(s)
    src = await s.add_source(SourceSpec(name="a", url="http://127.0.0.1/a"))
    items = [item(f"n{i}", f"第{i}号通知", f"关于就业的第{i}项安排。", days_old=i) for i in range(12)]
    await s.store_notices(src.id, items, now=NOW, deliver=False, notify_updates=False)
    return s


async def keys(store: Store, text: str) -> set[str]:
    page = await search_notices(store, text, page_size=50, now=NOW)
    assert page.total == len(page.hits)
    return {h.url.rsplit("/", 1)[1] for h in page.hits}


async def test_chinese_terms_of_every_length_match(store: Store) -> None:
    assert await keys(store, "疫") == {"zh1", "zh2", "zh3"}  # 防疫 ends a run: still found
    assert await keys(store, "疫情") == {"zh1", "zh3"}
    assert await keys(store, "工会") == {"zh1", "zh3", "en2"}
    assert await keys(store, "疫情防控") == {"zh1"}  # not zh3, where punctuation splits 疫情，防控
    assert await keys(store, "职业技能培训") == {"zh2"}
    assert await keys(store, "区块链") == set()


async def test_english_is_case_insensitive_and_short_words_are_whole_words(store: Store) -> None:
    assert await keys(store, "SAFETY") == await keys(store, "safety") == {"en1", "en2"}
    assert await keys(store, "Inspection") == {"en1", "en2"}  # a word prefix of "inspections"
    assert await keys(store, "spection") == set()  # single words match from their start
    assert await keys(store, "ai") == {"en1"}  # the word AI, not the "ai" inside "Said"
    assert await keys(store, "ON") == {"en1"}


async def test_terms_are_anded_and_phrases_kept_whole(store: Store) -> None:
    assert await keys(store, "疫情 工会") == {"zh1", "zh3"}
    assert await keys(store, "疫情 培训") == set()
    assert await keys(store, "safety 总工会") == {"en2"}  # trigram and bigram index together
    assert await keys(store, "safety inspections") == {"en1"}
    assert await keys(store, '"safety inspections"') == {"en1"}
    assert await keys(store, '"inspection of safety"') == {"en2"}
    assert await keys(store, '"safety inspection" annual') == set()
    assert await keys(store, '"of safety equipment"') == {"en2"}  # a phrase of words, in order
    assert await keys(store, '"safety of"') == set()
    assert await keys(store, '"中华全国总工会 agrees"') == {"en2"}  # mixed scripts: a trigram substring
    assert await keys(store, "A股") == set()  # the scan path for short mixed terms
    assert await keys(store, "MUST.") == {"en1"}


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '""疫情',
        "疫情*",
        "NEAR(疫情 工会)",
        "疫情 AND 工会",
        "疫情 OR",
        "NOT 工会",
        "-工会",
        "title:疫情",
        "^疫情",
        "(疫情",
        "a*b",
        "100% _x_",
        "'",
        "\\",
        '疫情" OR "工会',
        "{title}: x",
        "%",
        "a\x00b",
    ],
)
async def test_query_syntax_characters_are_text(store: Store, text: str) -> None:
    try:
        page = await search_notices(store, text, now=NOW)  # never an FTS5 syntax error
    except SearchQueryError as exc:  # only "nothing left to search for" after dropping punctuation
        assert exc.reason == "empty"
    else:
        assert page.total >= 0


async def test_raw_terms_and_a_2000_character_term_never_raise(store: Store) -> None:
    for terms in [
        ('"',),
        ("NEAR(",),
        ("*",),
        ("a OR b",),
        ("x" * 2000,),
        ("疫" * 2000,),
        ("", "  "),
        ("、",),
    ]:
        page = await store.search(SearchQuery(terms), now=NOW)
        assert page.total == 0 or terms == ("、",)


async def test_more_relevant_and_more_recent_notices_rank_first(
    store_target: Path | str, opened: list[Store]
) -> None:
    s = await open_backend(store_target)
    opened.append(s)
    src = await s.add_source(SourceSpec(name="a", url="http://127.0.0.1/a"))
    filler = "各地要结合实际制定具体实施方案。" * 5
    await s.store_notices(
        src.id,
        [
            item("once", "关于节日慰问的通知", filler + "做好疫情防控。", days_old=10),
            item("title", "关于疫情防控的通知", filler + "疫情防控要常态化，疫情监测要及时。", days_old=10),
            item("old", "关于安全生产的通知", filler + "疫情形势。", days_old=900),
            item("new", "关于安全生产的通知", filler + "疫情形势。", days_old=2),
        ],
        now=NOW,
        deliver=False,
        notify_updates=False,
    )
    page = await s.search(parse_query("疫情"), now=NOW)
    order = [h.url.rsplit("/", 1)[1] for h in page.hits]
    assert order[0] == "title"  # in the title and three times in the text
    assert order.index("new") < order.index("old")  # same text, newer first
    assert [h.score for h in page.hits] == sorted((h.score for h in page.hits), reverse=True)


async def test_snippets_mark_matches_around_the_best_window(
    store_target: Path | str, opened: list[Store]
) -> None:
    s = await open_backend(store_target)
    opened.append(s)
    src = await s.add_source(SourceSpec(name="a", url="http://127.0.0.1/a"))
    long = "前言内容。" * 60 + "各级工会要\n做好  疫情防控工作。" + "结尾内容。" * 60
    await s.store_notices(
        src.id,
        [item("long", "通知", long), item("en", "Safety", "Workplace SAFETY first.")],
        now=NOW,
        deliver=False,
        notify_updates=False,
    )
    hit = (await s.search(parse_query("工会 疫情防控"), now=NOW)).hits[0]
    assert f"{B}工会{E}要 做好 {B}疫情防控{E}工作" in hit.snippet  # whitespace collapsed
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) <= storage.textindex.SNIPPET_CHARS + 6
    hit = (await s.search(parse_query("safety"), now=NOW)).hits[0]
    assert hit.snippet == f"Workplace {B}SAFETY{E} first."  # the notice's own case kept
    assert hit.source == "a" and hit.title == "Safety" and hit.published == NOW - timedelta(days=1)


async def test_pages_cover_every_match_once_with_the_total(
    store_target: Path | str, opened: list[Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    s = await twelve_matches(store_target, opened)
    for window in (1000, 4):  # 4: past the ranking window, pages go on newest first
        monkeypatch.setattr(storage.search, "RANK_WINDOW", window)
        monkeypatch.setattr(storage.pg.search, "RANK_WINDOW", window)
        pages = [await search_notices(s, "就业", page=n, now=NOW) for n in range(4)]
        assert [len(p.hits) for p in pages] == [5, 5, 2, 0]
        assert all(p.total == 12 for p in pages)
        ids = [h.id for p in pages for h in p.hits]
        assert len(set(ids)) == 12
        assert (pages[0].has_previous, pages[0].has_next) == (False, True)
        assert (pages[2].has_previous, pages[2].has_next) == (True, False)


async def test_the_count_stops_at_the_cap_and_pages_go_on(
    store_target: Path | str, opened: list[Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    s = await twelve_matches(store_target, opened)
    monkeypatch.setattr(storage.search, "COUNT_CAP", 3)
    monkeypatch.setattr(storage.pg.search, "COUNT_CAP", 3)
    pages = [await search_notices(s, "就业", page=n, now=NOW) for n in range(4)]
    # Counted up to the cap or to the end of the page asked for, whichever is further; "more" beyond.
    assert [(p.total, p.more) for p in pages] == [(5, True), (10, True), (12, False), (12, False)]
    assert [len(p.hits) for p in pages] == [5, 5, 2, 0]
    assert len({h.id for p in pages for h in p.hits}) == 12
    assert [p.has_next for p in pages] == [True, True, False, False]
    assert (await search_notices(s, "第11号", now=NOW)).more is False  # under the cap: exact, no "more"


async def test_prefixes_and_substrings_need_no_whole_word_tokens(
    store_target: Path | str, opened: list[Store]
) -> None:
    s = await open_backend(store_target)
    opened.append(s)
    src = await s.add_source(SourceSpec(name="a", url="http://127.0.0.1/a"))
    texts = {
        "long": "Internationalization rules apply.",
        "covid": "COVID-19 measures (2021年) stay.",
        "mixed": "AI技术 and the x-ray unit.",
    }
    items = [item(k, k, v) for k, v in texts.items()]
    await s.store_notices(src.id, items, now=NOW, deliver=False, notify_updates=False)
    # Longer than the indexed prefixes (16 characters): the rest is checked in the text.
    assert await keys(s, "internationalizat") == {"long"}
    assert await keys(s, "internationalizing") == set()
    assert await keys(s, "intern") == {"long"}
    # Literal substrings that start or end inside a word: "ID-19" is part of the word COVID.
    assert await keys(s, "ID-19") == {"covid"}
    assert await keys(s, "19 mea") == {"covid"}
    assert await keys(s, "21年)") == {"covid"}
    assert await keys(s, "I技术") == {"mixed"}
    assert await keys(s, "x-ra") == {"mixed"}
    assert await keys(s, "x-rb") == set()
    assert await keys(s, '"x ray unit"') == {
        "mixed"
    }  # a phrase of words across "-": the regex, not the literal
    assert await keys(s, '"the ray"') == set()


async def test_cjk_terms_beside_punctuation_digits_and_letters_match_as_typed(
    store_target: Path | str, opened: list[Store]
) -> None:
    s = await open_backend(store_target)
    opened.append(s)
    src = await s.add_source(SourceSpec(name="a", url="http://127.0.0.1/a"))
    texts = {
        "ascii": ("Statement", "Issued by the All-China Federation (中华全国总工会). Today."),
        "edges": ("Note", "(中华全国总工会)"),  # the term is the whole text: at its start and its end
        "wide": ("（中华全国总工会）关于2024年的通知", "中华全国总工会（全总）发布通知。"),
        "latin": ("Mixed", "ACFTU中华全国总工会2024 and 第3条[附件]"),
    }
    items = [item(k, title, text) for k, (title, text) in texts.items()]
    await s.store_notices(src.id, items, now=NOW, deliver=False, notify_updates=False)
    # Quoted, punctuation is part of the term (unquoted, parentheses separate terms).
    assert await keys(s, '"(中华全国总工会)"') == {"ascii", "edges"}  # ASCII parentheses, as typed
    assert await keys(s, '"（中华全国总工会）"') == {"wide"}  # full-width ones, in the title
    assert await keys(s, '"(中华全国总工会）"') == set()
    assert await keys(s, "中华全国总工会") == set(texts)
    assert await keys(s, '"(中华"') == {"ascii", "edges"}
    assert await keys(s, '"会)"') == {"ascii", "edges"}
    assert await keys(s, '"会)."') == {"ascii"}
    assert await keys(s, "2024年") == {"wide"}
    assert await keys(s, "会2024") == {"latin"}
    assert await keys(s, "u中华全国") == {"latin"}  # a letter beside the run: any case
    assert await keys(s, '"第3条[附"') == {"latin"}
    assert await keys(s, '"件]"') == {"latin"}
    assert await keys(s, '"条)"') == set()


def test_edge_tokens_make_punctuated_terms_selective() -> None:
    got = storage.textindex.tokens("the (中华全国总工会). 2024年，（全总）")
    assert {"(中", "会)", "4年"} <= set(got)
    assert not {
        t for t in got if "（" in t or "）" in t or "，" in t
    }  # no full-width pairs: the index stays small
    assert {"(中", "会)"} <= set(storage.pg.search.plan(("(中华全国总工会)",)).tokens)
    # Only the neighbours the term shows: at its start the run may follow anything.
    assert {"(中", "会)"} & set(storage.pg.search.plan(("中华全国总工会)",)).tokens) == {"会)"}


async def test_updates_deletes_and_reposts_are_reflected(tmp_path: Path, opened: list[SQLiteStore]) -> None:
    s = await fresh(opened, tmp_path / "db.sqlite3")
    a = await s.add_source(SourceSpec(name="a", url="http://127.0.0.1/a"))
    b = await s.add_source(SourceSpec(name="b", url="http://127.0.0.1/b"))
    await s.store_notices(
        a.id, [item("u1", "通知", "做好疫情防控。", dup="d")], now=NOW, deliver=False, notify_updates=False
    )
    # The same notice re-posted by b is one hit, not two.
    await s.store_notices(
        b.id, [item("u9", "通知", "做好疫情防控。", dup="d")], now=NOW, deliver=False, notify_updates=False
    )
    assert (await s.search(SearchQuery(("疫情",)), now=NOW)).total == 1
    await s.store_notices(
        a.id,
        [item("u1", "通知", "职工返岗测量体温。", dup="d")],
        now=NOW,
        deliver=False,
        notify_updates=False,
    )
    page = await s.search(SearchQuery(("体温",)), now=NOW)
    assert page.total == 1 and page.hits[0].source == "a"
    assert (await s.search(SearchQuery(("返岗测量",)), now=NOW)).total == 1
    # b's copy stays linked to the updated root, so the old wording no longer finds it ...
    assert (await s.search(SearchQuery(("疫情",)), now=NOW)).total == 0
    await s.remove_source("a")  # ... until the root goes (duplicate_of is set to NULL): b is found again
    assert [h.source for h in (await s.search(SearchQuery(("疫情",)), now=NOW)).hits] == ["b"]
    assert (await s.search(SearchQuery(("体温",)), now=NOW)).total == 0
    await s.remove_source("b")  # cascade deletes: the triggers clean both indexes
    assert (await s.search(SearchQuery(("疫情",)), now=NOW)).total == 0
    assert (await s.search(SearchQuery(("疫情防控",)), now=NOW)).total == 0
    rows = await s.db.fetchall("SELECT rowid FROM notices_grams WHERE notices_grams MATCH ?", ['"疫情"'])
    assert rows == []


async def test_migration_backfills_the_bigram_index(
    tmp_path: Path, opened: list[SQLiteStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.sqlite3"
    monkeypatch.setattr(storage.schema, "MIGRATIONS", storage.schema.MIGRATIONS[:2])
    s = await fresh(opened, path)
    src = await s.add_source(SourceSpec(name="a", url="http://127.0.0.1/a"))
    # deliver=True (no one subscribes: nothing is queued): a seen-only notice is marked in migration 7's column
    await s.store_notices(src.id, CORPUS, now=NOW, deliver=True, notify_updates=False)
    monkeypatch.undo()
    s = await fresh(opened, path)
    assert await keys(s, "工会") == {"zh1", "zh3", "en2"}


async def test_pg_migration_adds_the_word_prefixes(
    pg_url: str, opened: list[Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = storage.pg.schema.MIGRATIONS
    mine = next(i for i, (name, _) in enumerate(steps) if name.startswith("search: word-prefix"))
    monkeypatch.setattr(storage.pg.schema, "MIGRATIONS", steps[:mine])
    monkeypatch.setattr(storage.textindex, "PREFIX_MAX", 0)  # the tokens stored before that migration
    s = await open_backend(pg_url)
    src = await s.add_source(SourceSpec(name="a", url="http://127.0.0.1/a"))
    # deliver=True (no one subscribes: nothing is queued): a seen-only notice is marked in migration 7's column
    await s.store_notices(src.id, CORPUS, now=NOW, deliver=True, notify_updates=False)
    await s.close()
    monkeypatch.undo()
    s = await open_backend(pg_url)
    opened.append(s)
    assert await keys(s, "Inspection") == {"en1", "en2"}  # found through the "inspection*" token
    assert await keys(s, "疫情防控") == {"zh1"}
    assert await keys(s, "工会") == {"zh1", "zh3", "en2"}


async def test_pg_migration_adds_the_cjk_edge_pairs(
    pg_url: str, opened: list[Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    steps = storage.pg.schema.MIGRATIONS
    mine = next(i for i, (name, _) in enumerate(steps) if name.startswith("search: CJK edge"))
    monkeypatch.setattr(storage.pg.schema, "MIGRATIONS", steps[:mine])
    monkeypatch.setattr(storage.textindex, "EDGE_CHARS", frozenset())  # the tokens stored before it
    s = await open_backend(pg_url)
    src = await s.add_source(SourceSpec(name="a", url="http://127.0.0.1/a"))
    extra = [item("p1", "Statement", "Issued by (中华全国总工会), 2024年.")]
    # deliver=True (no one subscribes: nothing is queued): a seen-only notice is marked in migration 7's column
    await s.store_notices(src.id, [*CORPUS, *extra], now=NOW, deliver=True, notify_updates=False)
    await s.close()
    monkeypatch.undo()
    s = await open_backend(pg_url)
    opened.append(s)
    assert await keys(s, '"(中华全国总工会)"') == {
        "p1"
    }  # needs the "(中" and "会)" pairs the migration added
    assert await keys(s, '"4年."') == {"p1"}
    assert isinstance(s, PgBase)  # the SQL rewrite stores exactly what tokens() now computes
    rows = await s.pool.fetch("SELECT title, text, summary, grams FROM notices")
    assert len(rows) == len(CORPUS) + 1
    for r in rows:
        assert set(r["grams"]) == set(storage.textindex.tokens(r["title"], r["text"], r["summary"]))
    assert await keys(s, "中华全国总工会") == {"en2", "p1"}


def test_grams_text() -> None:
    assert (
        storage.textindex.grams("做好疫情防控。AI and 5G 职工")
        == "做好 好疫 疫情 情防 防控 控 AI and 5G 职工 工"
    )
    assert storage.textindex.grams("") == storage.textindex.grams(None) == ""


def test_a_capped_total_reads_more_than_in_both_languages() -> None:
    hit = SearchHit(1, "a", "通知", "http://127.0.0.1/1", NOW, f"{B}就业{E}", 1.0)
    capped = SearchPage((hit,), 1000, 0, 5, more=True)
    assert "More than 1000 notices found (page 1)" in render_hits(capped, "就业", "en")
    assert "找到超过 1000 条通知（第 1 页）" in render_hits(capped, "就业", "zh")
    exact = SearchPage((hit,), 12, 5, 5)
    assert "12 notices found (page 2 of 3)" in render_hits(exact, "就业", "en")
    assert capped.has_next and not SearchPage((hit,), 1, 0, 5).has_next


def test_migrations_hold_the_token_rules_they_were_written_for() -> None:
    """Migrations 6 and 7 rewrote grams with textindex's rules of the time as literals; a change to those
    rules without a new migration would leave older notices unfindable, so the two must agree."""
    frozen = storage.pg.schema.TOKENS_AT_MIGRATION_6
    assert frozen == {name: getattr(storage.textindex, name) for name in frozen}
    edge = re.compile(storage.pg.schema._EDGE)
    assert {chr(c) for c in range(128) if edge.fullmatch(chr(c))} == set(storage.textindex.EDGE_CHARS)
