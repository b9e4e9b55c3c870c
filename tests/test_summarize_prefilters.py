"""The speed prefilters of the summariser give the answers of the tests they stand in front of."""

from __future__ import annotations

import random
import re

import pytest

from bot import dates
from bot.summarize import prefilter

_EVERY_CHARACTER = "".join(map(chr, range(0x110000)))


def test_date_start_holds_every_character_a_maybe_date_match_starts_with() -> None:
    # MAYBE_DATE's branches start with 月, a digit (any script) or a month name's first letter in any case.
    first = set(re.findall(r"月|\d|(?i:[jfmasond])", _EVERY_CHARACTER))
    assert first <= set(re.findall(dates._DATE_START, _EVERY_CHARACTER))
    for text in ("ſept 5", "٣/٤/٢٠٢٠", "Dec. 1", "3月", "x月", "on DEC 1", "1.2"):
        assert dates._MAYBE_DATE_AT_START.search(text) and dates.MAYBE_DATE.search(text), text
    for text in ("", "各单位要落实3项措施", "undeclared", "Employers must file", "1 . 2"):
        assert not dates._MAYBE_DATE_AT_START.search(text) and not dates.MAYBE_DATE.search(text), text


def test_date_first_holds_every_character_a_date_match_starts_with() -> None:
    # Every shape of _TEXT_DATE_RE opens with a digit, a Chinese numeral or a month name (IGNORECASE).
    # (A month name's letter only at a word's start: \b before it; test_date_matches_… checks inside words.)
    first = set(re.findall(rf"\d|(?i:[{dates._CN_NUM}jfmasond])", _EVERY_CHARACTER))
    pattern = dates._DATE_FIRST.pattern
    opening = re.compile(pattern[: pattern.index("]") + 1])  # the class the scan skips ahead by
    assert all(opening.match(c) for c in first)
    # What follows the first character is checked before the date pattern is tried: each digit and
    # numeral before 月, each case of a month's first three letters, at the start and after a space.
    numerals = [c for c in first if re.match(rf"\d|[{dates._CN_NUM}ｏ]", c)]
    for text in [f"{c}月" for c in numerals] + ["jan", "FEB", "ſep", "Mar", "dEC", "2020-1", "3rd ", "3 "]:
        assert dates._DATE_FIRST.match(text) and dates._DATE_FIRST.match(f" {text}", 1), text
    for text in ("1", "一是", "and", "Amendment", "x12", "12a"):
        assert not dates._DATE_FIRST.match(text), text


def test_date_matches_are_the_matches_finditer_finds() -> None:
    rng = random.Random(7)
    pieces = [
        "2020",
        "年",
        "2",
        "月",
        "3",
        "日",
        "号",
        "底",
        "-",
        "/",
        ".",
        " ",
        "June",
        "may",
        "May",
        "of",
        "3rd",
        "二〇〇八",
        "十",
        "一",
        "前",
        ",",
        "Sept",
        "ｏ",
        "Ｏ",
        "a",
        "12",
        "31",
        "1999",
    ]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        expected = [m.span() for m in dates._TEXT_DATE_RE.finditer(text)]
        assert [m.span() for m in dates._date_matches(text)] == expected, text


def test_full_width_digits_are_read_only_where_they_occur() -> None:
    assert dates.find_dates("２０２０年２月３日前", None)[0].date.isoformat() == "2020-02-03"
    assert dates.year_hint("发布于２０２１年") == 2021
    assert dates.year_hint("发布于2022年") == 2022
    assert dates.find_dates("各单位要认真落实", 2020) == []


def test_the_other_cases_of_ascii_letters_are_all_there_are() -> None:
    for letter in "abcdefghijklmnopqrstuvwxyz":
        matching = set(re.findall(f"(?i){letter}", _EVERY_CHARACTER))
        assert matching - {letter, letter.upper()} == set(prefilter._OTHER_CASES.get(letter, ""))


_PATTERN_SETS = [
    (
        re.compile(r"^(?:为了?|根据)"),
        re.compile(r"(?<![重主])要(?!求)"),
        re.compile(r"(?:要|应)(?:按照|根据)"),
    ),
    (
        re.compile(r"\d+\s*个?(?:小时|日)内|within \d+ days?", re.I),
        re.compile(r"起(?:执行|施行)|\beffective\b", re.I),
    ),
    (re.compile(r"(?:通知|,|^)(?:明确|还)?要求(?![的是])"), re.compile(r"[一二三]个|每[年月]|[$€]\s?\d")),
    (re.compile(r"“[^”]{1,3}”|\"[^\"]{1,3}\""), re.compile(r"(?i:Ksk)|(?-i:S)", re.I)),
]


def _random_texts(alphabet: str, count: int = 3000) -> list[str]:
    rng = random.Random(9)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(count)]


@pytest.mark.parametrize("patterns", _PATTERN_SETS)
def test_starting_with_finds_a_match_exactly_where_one_of_the_patterns_does(
    patterns: tuple[re.Pattern[str], ...],
) -> None:
    union = "|".join(f"(?i:{p.pattern})" if p.flags & re.I else f"(?:{p.pattern})" for p in patterns)
    fast = prefilter.starting_with(union, patterns)
    assert fast is not None
    alphabet = '为了根据重主要求应按照小时日内个起执行施通知,明确还的是一二三每年月$€ 0123“”"withn dayseffectiveKkSsſK'
    for text in _random_texts(alphabet):
        assert bool(fast.search(text)) == any(p.search(text) for p in patterns), text
        assert bool(fast.match(text)) == any(p.match(text) for p in patterns), text


def test_starting_with_gives_up_where_it_cannot_tell() -> None:
    for pattern in (r"a?", r".x", r"[^a]b", r"(?x)a", r"(?i:é)", r"(?i:[a-c])", r"(a)\1"):
        p = re.compile(pattern)
        assert prefilter.starting_with(pattern, (p,)) is None, pattern


# Alternatives that open at a word start (\b before a letter, a lookbehind refusing \w), mixed with ones that
# may start inside a word or on a mark: the scan skips word-inner letters only for the former.
_WORD_START_SETS = [
    (re.compile(r"\b(?:issued|said)\b"), re.compile(r"(?<![\w'])(?:[Tt]he )?[A-Z][a-z]+ (?:said|issued)")),
    (re.compile(r"\bby (?:the )?[A-Z]\w+|,\s+said\b|according to\b", re.I),),
    (re.compile(r"\bon\b|\d+ days|s\b"), re.compile(r"(?<!\w)'s?t")),
    (re.compile(r"(?:\b|x)at|(?<![\w-])_a"), re.compile(r"\b\d\d|\b(?:\s)?on")),
]


@pytest.mark.parametrize("patterns", _WORD_START_SETS)
def test_word_start_alternatives_are_tried_only_at_word_starts_and_found_exactly(
    patterns: tuple[re.Pattern[str], ...],
) -> None:
    union = "|".join(f"(?i:{p.pattern})" if p.flags & re.I else f"(?:{p.pattern})" for p in patterns)
    fast = prefilter.starting_with(union, patterns)
    assert fast is not None
    alphabet = "Thesaidisuedonbyaccordingt The  ,'-_x1 2éAS"
    texts = [
        *_random_texts(alphabet, 4000),
        "The Office said",
        "x said, said the Board",
        "it's on",
        "1 2 days",
    ]
    for text in texts:
        want = [m.start() for m in re.finditer(f"(?={union})", text)]
        got = [m.start() for m in fast.finditer(text)]
        # every place a match of the union starts (finditer of the one-character matches skips none: they
        # are one character long and the union's starts are found one by one)
        assert got == want, text


def test_the_word_start_guard_is_there_only_when_an_alternative_needs_a_word_start() -> None:
    guarded = prefilter.starts_of(re.compile(r"(?<![\w'])The [A-Z]\w+ said|\bissued by"))
    assert guarded is not None and r"(?<!\w[\s\S])" in guarded.pattern
    mixed = prefilter.starts_of(re.compile(r"\bissued|[,;] said"))
    assert mixed is not None and r"(?<!\w(?![,;])[\s\S])" in mixed.pattern
    # "\b" before a mark needs a word character before it; "ed" starts anywhere: no guard
    inner = prefilter.starts_of(re.compile(r"(?:ed|ing) by|\b-\d"))
    assert inner is not None and inner.pattern.startswith(r"[\-ei](?<=")


def test_the_written_out_classes_hold_what_the_categories_match() -> None:
    # \s exactly (sentences._DASH scans by it as a class); \d and more (only classes that scans skip ahead by).
    assert set(re.findall(rf"[{prefilter.SPACES}]", _EVERY_CHARACTER)) == set(
        re.findall(r"\s", _EVERY_CHARACTER)
    )
    digits = set(re.findall(rf"[{dates.DIGITS}]", _EVERY_CHARACTER))
    assert set(re.findall(r"\d", _EVERY_CHARACTER)) <= digits
    assert {c for c in digits if ord(c) < 0x10000} == set(re.findall(r"[^\W\D]", _EVERY_CHARACTER[:0x10000]))
