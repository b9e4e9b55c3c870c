"""The summariser's prefilters say no only where every test they stand for would say no."""

from __future__ import annotations

import random
import re

import pytest

from bot.dates import find_dates
from bot.summarize import cues, sentences
from bot.summarize.lang import _FOLD, fold


def test_any_of_matches_exactly_when_one_of_its_patterns_does() -> None:
    anchored = re.compile(r"^(?:为了?|根据)")
    behind = re.compile(r"(?<![重主])要(?!求)")
    caseless = re.compile(r"\bmust\b", re.IGNORECASE)
    either = cues.any_of(anchored, behind, caseless)
    texts = [
        "为做好工作",
        "做好工作为",
        "重要的是",
        "各单位要落实",
        "要求各单位",
        "Employers MUST file",
        "mustard",
        "",
    ]
    for text in texts:
        expected = any(p.search(text) for p in (anchored, behind, caseless))
        assert (either.search(text) is not None) == expected, text


def test_any_of_refuses_back_references_and_other_flags() -> None:
    with pytest.raises(ValueError):
        cues.any_of(re.compile(r"(a)\1"))
    with pytest.raises(ValueError):
        cues.any_of(re.compile(r"^a$", re.MULTILINE))


def test_every_date_the_parser_reads_passes_the_date_prefilter() -> None:
    texts = [
        "于2020年2月3日前报送",
        "二〇〇八年六月四日",
        "4月底前完成",
        "截至2024-05-01",
        "2020/2/3起",
        "on 31.03.2020",
        "by June 26, 2015",
        "from 3rd March 2026",
        "by SEPT 5",
        "２０２０年２月３日",
    ]
    for text in texts:
        assert find_dates(text, 2020), text
        assert cues.MAYBE_DATE.search(text), text
    # What it turns away holds no date.
    for text in ("各单位要落实3项措施", "10% of workers", "Employers must file"):
        assert not cues.MAYBE_DATE.search(text)
        assert not find_dates(text, 2020)


def test_generic_nouns_are_two_characters() -> None:
    # rank.py searches only a clause's last five characters for them.
    nouns = re.search(r"\(\?:([^)]*)\)", cues.GENERIC.pattern)
    assert nouns is not None
    assert all(len(noun) == 2 for noun in nouns.group(1).split("|"))


def test_fold_maps_every_character_of_its_table_and_leaves_the_rest() -> None:
    source = "".join(_FOLD)
    assert fold(source) == "".join(_FOLD.values())
    assert fold("ASCII text, unchanged.") == "ASCII text, unchanged."
    assert fold("“各單位”須於3月底前") == "“各单位”须于3月底前"


def _top_branches(pattern: str) -> list[str]:
    """The top-level alternatives of a regex source (outside groups and character classes)."""
    branches, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*branches, pattern[start:]]


def test_the_not_a_unit_cues_are_anchored_at_the_start() -> None:
    # rank.py tests them with one match at a clause's start instead of a search.
    from bot.summarize import rank

    assert _top_branches(r"^a|b(c|d)|[|]e") == ["^a", "b(c|d)", "[|]e"]
    for pattern in (cues.ATTRIBUTION_ONLY, cues.REPORT_FRAME, rank._DATE_ONLY):
        assert all(b.startswith("^") for b in _top_branches(pattern.pattern)), pattern.pattern


def test_english_sentence_end_starts_at_a_run_of_stops() -> None:
    """The sentence-end pattern only tries the first mark of a run ("...", "?!"), which keeps a line of
    many dots linear (a hostile page) and finds exactly the ends the plain pattern finds."""
    plain = re.compile(sentences._EN_END.pattern.replace("(?<![.!?])", "", 1))
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(
            rng.choice([".", "!", "?", " ", "A", "b", '"', ")", "1"]) for _ in range(rng.randint(1, 30))
        )
        assert [m.span() for m in sentences._EN_END.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
    assert [m.span() for m in sentences._EN_END.finditer("." * 50_000 + " A")] == [(0, 50_000)]
