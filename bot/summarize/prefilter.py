"""Fast yes/no tests of several patterns at once: a scan for the characters their matches can start with.

sre skips ahead by a character set only when a pattern starts with a literal or a class; an alternation of
cue lists whose branches open with anchors, lookbehinds or groups is instead tried branch by branch at every
position, and is slower than its parts one after another. `starting_with` puts a class of every character a
match of the parts can start with in front, so the engine scans for those and tries the parts only there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from bot.dates import DIGITS, bmp_class
from bot.summarize.regroup import CATEGORIES, ZERO_WIDTH, regrouped

__all__ = ["SPACES", "end_reach", "finditer_at", "finditer_lines", "search_at", "starting_with", "starts_of"]

_REPEATS = frozenset({sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)})


# \s as the characters it matches (every one of them is in the BMP), for classes that
# scans skip ahead by: a category in a class costs a call for every character the class's bitmap lacks.
SPACES = bmp_class(r"\s")
# \d and \s in the class in front of a prefilter, as characters (dates.DIGITS, SPACES): a class of characters
# is one bitmap test per character of the text, a category in it a call.
_EXPANDED = {r"\d": DIGITS, r"\s": SPACES}


def _class_text(items: set[str]) -> str:
    return "".join(sorted(_EXPANDED.get(item, item) for item in items))


# Under IGNORECASE an ASCII letter also matches its other case and these (tests/test_summarize_prefilters.py
# derives them again from every code point); other cased characters are not worked out.
_OTHER_CASES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


class _Unknown(Exception):
    """A construct whose first characters this module does not work out (the caller falls back)."""


def _chars(code: int, caseless: bool) -> set[str]:
    """The character and, under IGNORECASE, every character that matches it then."""
    c = chr(code)
    if not caseless or c.lower() == c.upper():
        return {re.escape(c)}
    if not c.isascii():
        raise _Unknown(c)
    low = c.lower()
    return {re.escape(x) for x in low + low.upper() + _OTHER_CASES.get(low, "")}


def _class(items: list[tuple[Any, Any]], caseless: bool) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out |= _chars(av, caseless)
        elif op is sre.RANGE:
            low, high = chr(av[0]), chr(av[1])
            if caseless and any(c.lower() != c.upper() for c in map(chr, range(av[0], av[1] + 1))):
                raise _Unknown(op)
            out.add(f"{re.escape(low)}-{re.escape(high)}")
        elif op is sre.CATEGORY and av in CATEGORIES:
            out.add(CATEGORIES[av])
        else:
            raise _Unknown(op)  # a negated class or a case-folded one
    return out


def _firsts(items: Any, caseless: bool) -> tuple[set[str], bool]:
    """The class items a match of the sequence can start with, and whether it can match the empty string."""
    out: set[str] = set()
    for op, av in items:
        if op in ZERO_WIDTH:
            continue  # anchors and lookarounds consume nothing: the first character comes after them
        if op is sre.LITERAL:
            return out | _chars(av, caseless), False
        if op is sre.IN:
            return out | _class(av, caseless), False
        if op is sre.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & ~re.IGNORECASE:
                raise _Unknown("inline flags")
            first, empty = _firsts(sub, (caseless or bool(add_flags)) and not del_flags)
        elif op is sre.BRANCH:
            first, empty = set(), False
            for alternative in av[1]:
                f, e = _firsts(alternative, caseless)
                first |= f
                empty = empty or e
        elif op in _REPEATS:
            low, _, sub = av
            first, empty = _firsts(sub, caseless)
            empty = empty or low == 0
        else:
            raise _Unknown(op)  # ".", a back reference, a negated literal …
        out |= first
        if not empty:
            return out, False
    return out, True


def _skips_ahead(items: Any) -> bool:
    """Whether sre already skips ahead on its own (or tries only the start): a pattern that opens with a
    literal, a class or a start anchor, or branches that each open with a literal or a start anchor."""
    while items:
        op, av = items[0]
        if op is sre.SUBPATTERN and not (av[1] or av[2]):
            items = av[3]
            continue
        if op is sre.BRANCH:
            return all(alternative and _opens_fast(*alternative[0]) for alternative in av[1])
        return op is sre.IN or _opens_fast(op, av)
    return False


def _opens_fast(op: Any, av: Any) -> bool:
    return op is sre.LITERAL or (op is sre.AT and av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING))


def _is_word(item: str) -> bool:
    """Whether every character of a class item (as _firsts writes them) is a word character (\\w)."""
    if item in (r"\d", r"\w"):
        return True
    if (item.startswith("\\") and len(item) > 2) or item in (r"\s", r"\S", r"\D", r"\W"):
        return False
    chars = re.sub(r"\\(.)", r"\1", item, flags=re.DOTALL)
    if len(chars) == 3 and chars[1] == "-":  # a range "a-z"
        return all(_word_char(chr(c)) for c in range(ord(chars[0]), ord(chars[2]) + 1))
    return len(chars) == 1 and _word_char(chars)


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what \\w and \\b take for a word character in a str pattern


def _after_non_word(items: Any, firsts: set[str]) -> bool:
    """Whether a match of the sequence starts only where the character before is not a word character (or at
    the start): it opens with \\b before a word character, or with a lookbehind that refuses \\w ("(?<![\\w'])")."""
    if not items:
        return False
    op, av = items[0]
    if op is sre.AT:
        return bool(av == sre.AT_BOUNDARY and firsts and all(_is_word(f) for f in firsts))
    if op is sre.ASSERT_NOT and av[0] == -1:
        sub = list(av[1])
        return (
            len(sub) == 1
            and sub[0][0] is sre.IN
            and (sre.CATEGORY, sre.CATEGORY_WORD) in sub[0][1]
            and not any(o is sre.NEGATE for o, _ in sub[0][1])
        )
    return False


def _alternatives(items: Any) -> list[Any]:
    """The top-level alternatives of a parsed pattern (one: the whole, when it is no alternation)."""
    while len(items) == 1 and items[0][0] is sre.SUBPATTERN and not (items[0][1][1] or items[0][1][2]):
        items = items[0][1][3]
    if len(items) == 1 and items[0][0] is sre.BRANCH:
        return list(items[0][1][1])
    return [items]


def end_reach(pattern: re.Pattern[str]) -> int:
    """How far before a text's end a match of `pattern` can start, when every alternative ends at $: its longest
    match and one more, for the line break $ may stand before. Worked out from the pattern, so that a longer word
    added to it moves the reach too; a ValueError for an alternative not anchored at the end (or MULTILINE,
    where $ stands before any line break), which no reach covers."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    if pattern.flags & re.MULTILINE or any(
        not a or a[-1] != (sre.AT, sre.AT_END) for a in _alternatives(parsed)
    ):
        raise ValueError(f"not every alternative ends at $: {pattern.pattern!r}")
    return int(parsed.getwidth()[1]) + 1


def starting_with(union: str, patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """A pattern that matches (one character) where `union` of the patterns matches; None when sre skips
    ahead on the union by itself, when the first characters cannot be worked out or a match could be empty.

    "[S](?<=(?=U)[\\s\\S])": a character of S, at which, one step back, U matches. Every match of U starts
    with a character of S, so it finds a match exactly where U.search does, and one at 0 where U.match does.
    When some alternatives can start only after a non-word character (\\b, "(?<![\\w'])": English cues and
    names), U is tried inside a word only at the characters the others start with ("(?<!\\w(?![O])[\\s\\S])"):
    in English text those alternatives' first letters are a third of all characters, word starts a fifth of them.
    """
    parsed = sre_parse.parse(union)
    if _skips_ahead(parsed):
        return None  # the class in front would only cost time
    firsts: set[str] = set()
    others: set[str] = set()  # the first characters of the alternatives that may start inside a word
    try:
        for p in patterns:
            if p.flags & ~(re.IGNORECASE | re.UNICODE) or re.search(r"\\[1-9]|\(\?P=", p.pattern):
                return None  # other flags read differently inside the union; back references cannot go there
            caseless = bool(p.flags & re.IGNORECASE)
            for alternative in _alternatives(sre_parse.parse(p.pattern, p.flags)):
                first, empty = _firsts(alternative, caseless)
                if empty:
                    return None
                firsts |= first
                if not _after_non_word(alternative, first):
                    others |= first
    except _Unknown:
        return None
    if others == firsts:
        guard = ""
    elif others:
        guard = f"(?<!\\w(?![{_class_text(others)}])[\\s\\S])"
    else:
        guard = r"(?<!\w[\s\S])"
    return re.compile(f"[{_class_text(firsts)}]{guard}(?<=(?={regrouped(union, 0, parsed)})[\\s\\S])")


def starts_of(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """starting_with for one pattern (its flags kept inside), or None where that gains nothing."""
    union = f"(?i:{pattern.pattern})" if pattern.flags & re.IGNORECASE else f"(?:{pattern.pattern})"
    return starting_with(union, (pattern,))


def finditer_at(
    starts: re.Pattern[str] | None, pattern: re.Pattern[str], text: str, pos: int = 0
) -> Iterator[re.Match[str]]:
    """pattern.finditer(text, pos), the pattern tried only where `starts` (starts_of(pattern)) finds that a match
    begins: the same matches, since finditer takes the first place a match begins, then goes on from its end."""
    if starts is None:
        yield from pattern.finditer(text, pos)
        return
    while (first := starts.search(text, pos)) is not None:
        m = pattern.match(text, first.start())  # lookbehinds still see the text before it
        if m is None:  # cannot happen (starts matches only where pattern does); never loop on it
            pos = first.start() + 1
            continue
        yield m
        pos = m.end()  # never empty: starting_with refuses patterns that can match the empty string


def search_at(
    starts: re.Pattern[str] | None, pattern: re.Pattern[str], text: str, pos: int = 0
) -> re.Match[str] | None:
    """pattern.search(text, pos), the pattern tried only where `starts` (starts_of(pattern)) finds that a match
    begins: the first match finditer_at yields, without a generator for the one match."""
    if starts is None:
        return pattern.search(text, pos)
    while (first := starts.search(text, pos)) is not None:
        m = pattern.match(text, first.start())  # lookbehinds still see the text before it
        if m is not None:
            return m
        pos = first.start() + 1  # cannot happen (starts matches only where pattern does)
    return None


def finditer_lines(
    starts: re.Pattern[str] | None, pattern: re.Pattern[str], gate: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """finditer_at(starts, pattern, text) tried only on the lines where `gate` finds something: the same matches
    for a pattern no match of which crosses a line break (lookarounds may look at the break: it stays in the
    line tried, and none looks past it) and every match of which holds a match of `gate`. A release's names
    stand on a few of its lines; the other lines cost a try of the whole pattern at each capital letter."""
    pos = 0
    while (g := gate.search(text, pos)) is not None:
        start = text.rfind("\n", 0, g.start()) + 1  # pos is 0 or a line's start: start >= pos
        end = text.find("\n", g.start())  # a gate's match is within a match of pattern: in one line
        end = len(text) if end < 0 else end + 1  # the line with its break, which lookaheads may test
        line = text[start:end]
        at = 0
        while (first := (starts or pattern).search(line, at)) is not None:
            # Found in the line alone; matched again in the whole text, for offsets and lookbehinds there.
            m = pattern.match(text, start + first.start())
            if m is None:  # cannot happen (the line reads as the text does); never loop on it
                at = first.start() + 1
                continue
            yield m
            at = m.end() - start
        pos = end
