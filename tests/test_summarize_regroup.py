"""Regrouped alternations (bot/summarize/regroup.py) find the very matches of the patterns they stand for."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import pytest

import bot.dates
import bot.summarize
from bot.summarize import regroup
from bot.summarize.regroup import regrouped

# Lookbehinds, lookaheads and anchors before the first character, branches sharing it, classes and empty
# branches in between, caseless parts, nested and capturing groups, repeats: what the cue lists are made of.
PATTERNS = [
    r"(?<![重主])要(?![求点])|必须|必要|不得|(?:请|须)各|要求",
    r"\bissued|\bissues|[,;] said|(?i:Ab)|^(?:同时|此外)?x|issue",
    r"az|[ab]b|abc",
    r"ab|a|abc|(?:a|)x|b(?<=ab)|ba",
    r"(?:(?:ab|ac)|ad)|a(?:e|f)|(a)b{2,3}|a+?b|a*+c",
    r"^(?:a|b)$|\Aab|ab\Z|\Bba|(?<=a)b|(?<!b)a(?=b)|(?<=(?<!a)b)a",
    r"(?i:ab|aB|b)|ba|(?-i:AB)|[^ab]a|.b",
    r"(?P<x>a)b|a(?P<y>c)|a(?:b|c)d|\d\s|\w+b",
    # An opening that matches in more than one way, shared by branches; groups in branches that could gather.
    r"要a?ab|b|要a?|(?>要a?ab|要a?)b",
    r"(?:\s*\s|\s*b)|(?:\s*c)",
    r"要(a)|b(c)|要(d)|要(?P<e>e)",
]
_ALPHABET = "abcdeAB要重必须各请求x1 ,"


@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_regrouped_pattern_matches_where_and_as_far_as_the_pattern_does(pattern: str) -> None:
    original = re.compile(pattern)
    fast = re.compile(regrouped(pattern))
    rng = random.Random(pattern)
    texts = ["".join(rng.choice(_ALPHABET) for _ in range(rng.randrange(9))) for _ in range(1500)]
    for text in [*texts, "abc", "issued", "要求", "要点", "必要", "xab", "ABAB"]:
        assert _spans(original.search(text)) == _spans(fast.search(text)), (pattern, text)
        for pos in range(len(text) + 1):
            assert _spans(original.match(text, pos)) == _spans(fast.match(text, pos)), (pattern, text, pos)


def _spans(m: re.Match[str] | None) -> tuple[object, ...] | None:
    """Where a match is, and what each of its groups holds (numbered and named)."""
    return (m.span(), m.groups(), tuple(sorted(m.groupdict().items(), key=lambda kv: kv[0]))) if m else None


def test_branches_are_gathered_under_their_first_character_with_what_looks_around_it_behind() -> None:
    assert regrouped(r"(?<![重主])要(?![求点])|必须|必要") == "(?:要(?<=(?<![重主])要)(?![求点])|必(?:须|要))"
    assert (
        regrouped(r"(?<!a)issued|\bapplies|(?<!a)issues") == r"(?:i(?<=(?<!a)i)ssue(?:d|s)|a(?<=\ba)pplies)"
    )


def test_a_branch_that_may_start_with_the_same_character_keeps_the_ones_after_it_after_it() -> None:
    # "abc" may not move before "[ab]b": on "abc" that branch matches first ("ab"), as in the original.
    assert regrouped("az|[ab]b|abc") == "(?:az|[ab]b|abc)"
    assert re.compile(regrouped("az|[ab]b|abc")).match("abc").span() == (0, 2)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [(r"(a)\1|ab", 0), (r"(?x) a b | a c", 0), (r"ab|ac", re.VERBOSE), (r"(?(1)a|b)|ab", 0)],
)
def test_what_it_cannot_write_back_exactly_is_left_as_it_is(pattern: str, flags: int) -> None:
    assert regrouped(pattern, flags) == pattern


def test_every_pattern_of_the_summariser_is_written_back_as_it_parses() -> None:
    # regrouped trusts its writer (it does not parse what it wrote again): each construct the summariser's
    # patterns use must come back as the very tree it was parsed to.
    patterns = _patterns([bot.dates, *_modules()])
    assert len(patterns) > 300
    written = 0
    for p in patterns:
        tree = sre_parse.parse(p.pattern, p.flags)
        names = {index: name for name, index in tree.state.groupdict.items()}
        try:
            text = regroup._written(tree.data, names)
        except regroup._Unwritable:
            continue  # left as it is by regrouped
        assert _plain(sre_parse.parse(text, p.flags).data) == _plain(tree.data), p.pattern
        written += 1
    assert written > 0.9 * len(patterns)


def _modules() -> list[Any]:
    return [
        importlib.import_module(f"bot.summarize.{m.name}")
        for m in pkgutil.iter_modules(bot.summarize.__path__)
    ]


def _patterns(modules: list[Any]) -> list[re.Pattern[str]]:
    found: dict[int, re.Pattern[str]] = {}

    def visit(value: Any, depth: int) -> None:
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            found[id(value)] = value
        elif depth < 3 and isinstance(value, dict):
            for v in value.values():
                visit(v, depth + 1)
        elif depth < 3 and isinstance(value, (tuple, list)):
            for v in value:
                visit(v, depth + 1)

    for module in modules:
        for value in vars(module).values():
            visit(value, 0)
    return list(found.values())


def _plain(items: Any) -> list[Any]:
    """A parsed sequence as nested lists and tuples, which compare by value (the parser's SubPattern does not)."""
    out: list[Any] = []
    for op, av in items:
        if op is sre.BRANCH:
            av = (av[0], [_plain(a) for a in av[1]])
        elif op is sre.SUBPATTERN:
            av = (av[0], av[1], av[2], _plain(av[3]))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            av = (av[0], av[1], _plain(av[2]))
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            av = (av[0], _plain(av[1]))
        elif op is sre.ATOMIC_GROUP:
            av = _plain(av)
        elif op is sre.IN:
            av = list(av)
        out.append((op, av))
    return out
