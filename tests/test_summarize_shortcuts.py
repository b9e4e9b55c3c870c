"""Hand-kept shortcuts in the summariser checked against the patterns they shadow, read from those patterns."""

from __future__ import annotations

import itertools
import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import pytest

from bot.summarize import cuts, headline, pieces, sentences
from bot.summarize.prefilter import end_reach, finditer_at

_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_CATEGORY_SAMPLE = {sre.CATEGORY_SPACE: " ", sre.CATEGORY_DIGIT: "7", sre.CATEGORY_WORD: "a"}


def _samples(items: Any) -> list[str]:
    """Texts that a parsed pattern may match, one for each way through its alternatives (lookbehinds and
    negative lookaheads ignored: the caller keeps the texts the pattern really matches). A construct this does
    not know fails the test, so that a pattern that grows one is not checked on fewer texts unawares."""
    parts: list[list[str]] = []
    for op, av in items:
        if op is sre.LITERAL:
            parts.append([chr(av)])
        elif op is sre.IN:
            op0, av0 = av[0]
            assert op0 is not sre.NEGATE, "a negated class"
            parts.append(
                [_CATEGORY_SAMPLE[av0] if op0 is sre.CATEGORY else chr(av0[0] if op0 is sre.RANGE else av0)]
            )
        elif op is sre.BRANCH:
            parts.append([s for alternative in av[1] for s in _samples(alternative)])
        elif op is sre.SUBPATTERN:
            parts.append(_samples(av[3]))
        elif op in _REPEATS:
            inner = _samples(av[2])
            parts.append([s * n for n in sorted({av[0], max(av[0], 1)}) for s in inner])
        elif op is sre.ASSERT and av[0] == 1:
            parts.append(_samples(av[1]))  # what a lookahead wants comes next
        elif op is sre.ASSERT_NOT or op is sre.ASSERT or op is sre.AT:
            continue
        else:
            raise AssertionError(f"a construct the samples do not make: {op}")
    return ["".join(p) for p in itertools.product(*parts)]


def _alternatives(pattern: re.Pattern[str]) -> list[Any]:
    items = sre_parse.parse(pattern.pattern, pattern.flags)
    return list(items[0][1][1]) if len(items) == 1 and items[0][0] is sre.BRANCH else [items]


def test_every_english_break_starts_where_the_break_starts_scan_looks() -> None:
    # Each branch of _EN_BREAK made into texts, after a word and after a word and a blank: the breaks found
    # only where _EN_BREAK_AT says one starts are the plain scan's, and each branch is seen to match.
    for alternative in _alternatives(sentences._EN_BREAK):
        seen = 0
        for sample in _samples(alternative):
            for prefix in ("Staff must file", "Staff must file "):
                text = f"{prefix}{sample} forms."
                plain = [m.span() for m in sentences._EN_BREAK.finditer(text)]
                seen += any(start == len(prefix) for start, _ in plain)
                for skip in (0, len(prefix) - 1, len(prefix)):
                    found = finditer_at(sentences._EN_BREAK_AT, sentences._EN_BREAK, text, skip)
                    assert [m.span() for m in found] == [s for s in plain if s[0] >= skip], text
        assert seen, alternative


@pytest.mark.parametrize("pattern", [pieces._ZH_TIME_END, cuts._EN_HANGING], ids=["time_end", "hanging"])
def test_an_end_anchored_match_starts_within_its_reach(pattern: re.Pattern[str]) -> None:
    reach = end_reach(pattern)
    samples = {s for a in _alternatives(pattern) for s in _samples(a)}
    assert max(map(len, samples)) + 1 == reach  # the longest sample, and the line break $ may stand before
    for sample in samples:
        for text in (f"各部门 must file{sample}", f"各部门 must file {sample}\n"):
            assert (pattern.search(text, max(0, len(text) - reach)) is None) == (pattern.search(text) is None)


def test_the_reaches_in_use_are_their_pattern_s() -> None:
    assert end_reach(pieces._ZH_TIME_END) == pieces._TIME_END_REACH
    assert end_reach(cuts._EN_HANGING) == cuts._HANGING_REACH
    with pytest.raises(ValueError):
        end_reach(re.compile(r"前$|^凡"))  # one alternative at the start: no reach from the end finds it
    with pytest.raises(ValueError):
        end_reach(re.compile(r"前$", re.M))  # $ before every line break


def _consumed(items: Any) -> list[tuple[Any, Any]]:
    """Every (op, av) a match of the parsed pattern can take a character by (lookarounds take none)."""
    out: list[tuple[Any, Any]] = []
    for op, av in items:
        if op is sre.IN:
            out.extend(av)
        elif op is sre.BRANCH:
            out.extend(c for alternative in av[1] for c in _consumed(alternative))
        elif op is sre.SUBPATTERN:
            out.extend(_consumed(av[3]))
        elif op in _REPEATS:
            out.extend(_consumed(av[2]))
        elif op not in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            out.append((op, av))
    return out


def test_a_date_removes_only_the_characters_the_headline_s_skip_counts_as_dates() -> None:
    # _THREE_KEPT skips DATE_TEXT.sub when three characters outside _DATE_CHARS are there: sound only if
    # DATE_TEXT can remove none of those, which holds when each character it can take is in _DATE_CHARS.
    assert not pieces.DATE_TEXT.flags & re.IGNORECASE  # other cases would be taken too
    date_class = re.compile(f"[{headline._DATE_CHARS}]")
    class_categories = {av for op, av in sre_parse.parse(date_class.pattern)[0][1] if op is sre.CATEGORY}
    for op, av in _consumed(sre_parse.parse(pieces.DATE_TEXT.pattern)):
        if op is sre.LITERAL:
            assert date_class.fullmatch(chr(av)), chr(av)
        elif op is sre.RANGE:
            assert all(date_class.fullmatch(chr(c)) for c in range(av[0], av[1] + 1)), av
        elif op is sre.CATEGORY:
            assert av in class_categories, av
        else:
            raise AssertionError(f"DATE_TEXT can take characters _DATE_CHARS does not list: {op} {av}")
