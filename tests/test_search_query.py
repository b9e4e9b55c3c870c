"""bot.search: parsing what users type into a SearchQuery, its limits, and snippet parts (pure)."""

from __future__ import annotations

import pytest

from bot.search import MAX_QUERY_CHARS, MAX_TERMS, SearchQueryError, highlight_parts, parse_query


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("疫情", ("疫情",)),
        ("  疫情   工会 ", ("疫情", "工会")),
        ("疫情，工会。就业", ("疫情", "工会", "就业")),
        ('"safety inspection" 工会', ("safety inspection", "工会")),
        ("“疫情 防控” 「工会」", ("疫情 防控", "工会")),
        ("Safety safety SAFETY", ("Safety",)),
        ("-疫情* NOT (工会) AND", ("疫情", "NOT", "工会", "AND")),
        ("COVID-19 C++ 100%", ("COVID-19", "C++", "100%")),
        ('"unclosed 疫情', ("unclosed", "疫情")),
        ("NEAR(a b) col:x ^y", ("NEAR", "a", "b", "col:x", "y")),
        ("a\x02b\x03c", ("a", "b", "c")),
    ],
)
def test_parse_query_terms(text: str, terms: tuple[str, ...]) -> None:
    assert parse_query(text).terms == terms


@pytest.mark.parametrize("text", ["", "   ", '""', "*** ^^ ()", "，。"])
def test_empty_queries_are_a_clear_error(text: str) -> None:
    with pytest.raises(SearchQueryError) as info:
        parse_query(text)
    assert info.value.reason == "empty" and "nothing to search" in str(info.value)


def test_long_and_wordy_queries_are_refused_with_their_limits() -> None:
    with pytest.raises(SearchQueryError) as info:
        parse_query("疫" * 2000)
    assert (info.value.reason, info.value.limit, info.value.got) == ("too_long", MAX_QUERY_CHARS, 2000)
    assert "2000" in str(info.value) and str(MAX_QUERY_CHARS) in str(info.value)
    parse_query("疫" * MAX_QUERY_CHARS)  # the limit itself is fine
    with pytest.raises(SearchQueryError) as info:
        parse_query(" ".join(f"w{i}" for i in range(MAX_TERMS + 1)))
    assert info.value.reason == "too_many_terms"


def test_highlight_parts_split_marked_spans() -> None:
    assert highlight_parts("做好\x02疫情\x03防控，\x02工会\x03") == [
        ("做好", False),
        ("疫情", True),
        ("防控，", False),
        ("工会", True),
    ]
    assert highlight_parts("") == []
