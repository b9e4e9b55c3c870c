"""An alternation rewritten so that sre passes over its branches fast: the same matches, branches grouped by first letter.

At each place it tries an alternation, sre skips a branch that opens with a character other than the text's
in a few instructions, and enters every other branch in full: one that opens with a lookbehind ("(?<![重主])要")
or an anchor ("\\bissued"), and each of the dozens of cue words that share a first character. `regrouped` moves
the character in front of what looks around it ("要(?<=(?<![重主])要)": the same test, made once 要 is there) and
gathers the branches that open with one character under it ("必(?:须|要)"), so that a place is passed over with
one test per distinct first character. It is used for the alternations behind the prefilters' classes
(prefilter.starting_with), which the summariser tries at thousands of places per notice.

Why the matches stay the same: sre tries branches left to right and takes the first one with which the rest
matches. Two branches that open with different characters never both match at one place, so their order does
not matter; the branches gathered under one character keep their order, and a branch whose first character
is not known (a class, a group, an empty branch) is never passed by one that might start where it does. What
branches open with alike is tested once only when it matches in one way (a character, an anchor), and a branch
holding a group is never moved, so the groups keep their numbers.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = ["CATEGORIES", "ZERO_WIDTH", "regrouped"]

_REPEATS = {sre.MAX_REPEAT: "", sre.MIN_REPEAT: "?"}
if hasattr(sre, "POSSESSIVE_REPEAT"):
    _REPEATS[sre.POSSESSIVE_REPEAT] = "+"
_AT = {
    sre.AT_BEGINNING: "^",
    sre.AT_BEGINNING_STRING: r"\A",
    sre.AT_BOUNDARY: r"\b",
    sre.AT_NON_BOUNDARY: r"\B",
    sre.AT_END: "$",
    sre.AT_END_STRING: r"\Z",
}
# The categories a pattern is written back with; prefilter reads a pattern's first characters with them too.
CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
ZERO_WIDTH = frozenset({sre.AT, sre.ASSERT, sre.ASSERT_NOT})


class _Unwritable(Exception):
    """A construct `_written` does not write back (the pattern is then left as it is)."""


def regrouped(pattern: str, flags: int = 0, parsed: Any = None) -> str:
    """`pattern` with its alternations regrouped (module docstring); the pattern itself when it holds a construct
    this module does not write, or flags other than IGNORECASE. parsed: the pattern as sre_parse.parse(pattern,
    flags) gave it, when the caller has it already (parsing a cue list costs more than regrouping it).

    That a parsed pattern is written back exactly, construct by construct, is tested on every pattern of the
    summariser (tests/test_summarize_regroup.py); here it would cost a second parse of every cue list at import.
    """
    if flags & ~(re.IGNORECASE | re.UNICODE):
        return pattern
    try:
        tree = sre_parse.parse(pattern, flags) if parsed is None else parsed
        if tree.state.flags & ~(flags | re.UNICODE):
            return pattern  # global inline flags ("(?x)…"), which the written pattern would leave out
        names = {index: name for name, index in tree.state.groupdict.items()}
        return _written(_rewritten(list(tree.data), bool(flags & re.IGNORECASE)), names)
    except (_Unwritable, re.error, RecursionError):
        return pattern


def _rewritten(items: list[Any], caseless: bool) -> list[Any]:
    """The sequence with every alternation in it (at any depth) regrouped."""
    out: list[Any] = []
    for op, av in items:
        if op is sre.BRANCH:
            alternatives = [_rewritten(list(a), caseless) for a in _flat(av[1])]
            # What every branch opens with alike is tested once ("(?:^a|^b)|(?:^c)" is "^(?:a|b|c)"), and a
            # pattern that then opens with "^" is tried only at the start of the text, not at every place.
            shared, alternatives = _common_opening(alternatives)
            out.extend(shared)
            grouped = _grouped([_fronted(a, caseless) for a in alternatives], caseless)
            if len(grouped) == 1:
                out.extend(grouped[0])
            else:
                out.append((sre.BRANCH, (None, grouped)))
        elif op is sre.SUBPATTERN and av[0] is None and not av[1] and not av[2]:
            out.extend(
                _rewritten(list(av[3]), caseless)
            )  # "(?:…)" groups nothing: its items go in as they are
        elif op is sre.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            inner = (caseless or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            out.append((op, (group, add_flags, del_flags, _rewritten(list(sub), inner))))
        elif op in _REPEATS:
            low, high, sub = av
            out.append((op, (low, high, _rewritten(list(sub), caseless))))
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            direction, sub = av
            out.append((op, (direction, _rewritten(list(sub), caseless))))
        elif op is sre.ATOMIC_GROUP:
            out.append((op, _rewritten(list(av), caseless)))
        else:
            out.append((op, av))
    return out


def _common_opening(seqs: list[list[Any]]) -> tuple[list[Any], list[list[Any]]]:
    """What the sequences open with alike, item by item while each matches in one way, and what is left of each."""
    shared: list[Any] = []
    while all(seqs) and _one_way(seqs[0][0]) and all(q[0] == seqs[0][0] for q in seqs[1:]):
        shared.append(seqs[0][0])
        seqs = [q[1:] for q in seqs]
    return shared, seqs


def _flat(alternatives: list[Any]) -> list[Any]:
    """The alternatives with those that are an alternation and nothing else spliced in: "(?:a|b)|c" is "a|b|c"."""
    out: list[Any] = []
    for a in alternatives:
        items = list(a)
        while (
            len(items) == 1
            and items[0][0] is sre.SUBPATTERN
            and items[0][1][0] is None
            and not any(items[0][1][1:3])
        ):
            items = list(items[0][1][3])  # "(?:…)" around the whole branch
        if len(items) == 1 and items[0][0] is sre.BRANCH:
            out.extend(_flat(items[0][1][1]))
        else:
            out.append(a)
    return out


def _key(items: list[Any], caseless: bool) -> int | None:
    """The character a sequence opens with when it opens with a literal one: the character, or under
    IGNORECASE an ASCII letter's lower case (the letters a caseless one matches: its two cases, and for i, k
    and s a few others that no other letter matches), so that branches keyed alike match the same
    characters and branches keyed differently never both match at one place."""
    if items and items[0][0] is sre.LITERAL:
        code: int = items[0][1]
        c = chr(code)
        if not caseless or c.lower() == c.upper():
            return code
        if c.isascii():
            return ord(c.lower())
    return None


def _fronted(items: list[Any], caseless: bool) -> list[Any]:
    """A sequence that looks around before its first character ("(?<![重主])要…", "\\bissued") with the character
    first and the looking around behind it, one step back: "要(?<=(?<![重主])要)…", "i(?<=\\bi)ssued"."""
    at = 0
    while at < len(items) and items[at][0] in ZERO_WIDTH:
        at += 1
    if at == 0 or at == len(items) or _key(items[at:], caseless) is None or _captures(items[:at]):
        return items
    literal = items[at]
    return [literal, (sre.ASSERT, (-1, [*items[:at], literal])), *items[at + 1 :]]


def _one_way(item: Any) -> bool:
    """Whether an item matches in one way only where it matches (a character, a class, an anchor, a look
    around without groups): only such an opening is tested once for all branches. One that can match more
    ways ("\\s*") cannot: "a?ab|a?" would then take the second branch's shorter match where the first fits."""
    op, av = item
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return not _captures(av[1])
    return op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY, sre.AT, sre.CATEGORY)


def _captures(items: Any) -> bool:
    """Whether a sequence holds a capturing group (moved, it would change what the groups hold)."""
    for op, av in items:
        if op is sre.SUBPATTERN and (av[0] is not None or _captures(av[3])):
            return True
        if op is sre.BRANCH and any(_captures(a) for a in av[1]):
            return True
        if (op in _REPEATS and _captures(av[2])) or (op in (sre.ASSERT, sre.ASSERT_NOT) and _captures(av[1])):
            return True
        if op is sre.ATOMIC_GROUP and _captures(av):
            return True
    return False


def _grouped(alternatives: list[list[Any]], caseless: bool) -> list[list[Any]]:
    """The alternatives with those that open with one character gathered under it, where no alternative in
    between may start with that character (module docstring)."""
    slots: list[tuple[int | None, list[list[Any]]]] = []
    for alternative in alternatives:
        # A branch with a group stays where it is: moved, its group would take another number.
        key = None if _captures(alternative) else _key(alternative, caseless)
        target = None
        if key is not None:
            for i in range(len(slots) - 1, -1, -1):
                if slots[i][0] == key:
                    target = i
                    break
                if slots[i][0] is None:
                    break  # its first character is not known: it may start where this one does
        if target is None:
            slots.append((key, [alternative]))
        else:
            slots[target][1].append(alternative)
    out: list[list[Any]] = []
    for key, group in slots:
        if key is None or len(group) == 1:
            out.append(group[0])
            continue
        # What all of them go on with alike ("要(?<=(?<![重主])要)" twice) is tested once, as sre's parser does.
        shared, rests = _common_opening([a[1:] for a in group])
        shared = [group[0][0], *shared]
        rests = _grouped(rests, caseless)
        out.append([*shared, *rests[0]] if len(rests) == 1 else [*shared, (sre.BRANCH, (None, rests))])
    return out


def _written(items: Any, names: dict[int, str]) -> str:
    """A parsed sequence as pattern text."""
    return "".join(_item(op, av, names) for op, av in items)


def _item(op: Any, av: Any, names: dict[int, str]) -> str:
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.NOT_LITERAL:
        return f"[^{re.escape(chr(av))}]"
    if op is sre.ANY:
        return "."
    if op is sre.IN:
        return _class(av)
    if op is sre.AT and av in _AT:
        return _AT[av]
    if op is sre.BRANCH:
        return "(?:" + "|".join(_written(a, names) for a in av[1]) + ")"
    if op is sre.SUBPATTERN:
        group, add_flags, del_flags, sub = av
        body = _written(sub, names)
        if group is not None:
            if add_flags or del_flags:
                raise _Unwritable("flags on a capturing group")
            return f"(?P<{names[group]}>{body})" if group in names else f"({body})"
        return f"(?{_flags(add_flags)}{'-' + _flags(del_flags) if del_flags else ''}:{body})"
    if op in _REPEATS:
        low, high, sub = av
        body = _written(sub, names)
        if not _atom(sub):
            body = f"(?:{body})"
        if (low, high) == (0, sre.MAXREPEAT):
            count = "*"
        elif (low, high) == (1, sre.MAXREPEAT):
            count = "+"
        elif (low, high) == (0, 1):
            count = "?"
        elif high == sre.MAXREPEAT:
            count = f"{{{low},}}"
        elif low == high:
            count = f"{{{low}}}"
        else:
            count = f"{{{low},{high}}}"
        return body + count + _REPEATS[op]
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        direction, sub = av
        opener = (
            ("(?=" if direction == 1 else "(?<=")
            if op is sre.ASSERT
            else ("(?!" if direction == 1 else "(?<!")
        )
        return opener + _written(sub, names) + ")"
    if op is sre.ATOMIC_GROUP:
        return f"(?>{_written(av, names)})"
    raise _Unwritable(op)


def _atom(sub: Any) -> bool:
    """Whether a repeat's body is one item a count can follow as it is (a character, a class, a group)."""
    items = list(sub)
    return len(items) == 1 and items[0][0] in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN, sre.SUBPATTERN)


def _flags(flags: int) -> str:
    if flags & ~re.IGNORECASE:
        raise _Unwritable("inline flags other than i")
    return "i" if flags else ""


def _class(items: list[tuple[Any, Any]]) -> str:
    out = []
    for op, av in items:
        if op is sre.NEGATE:
            out.append("^")
        elif op is sre.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is sre.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and av in CATEGORIES:
            out.append(CATEGORIES[av])
        else:
            raise _Unwritable(op)
    return "[" + "".join(out) + "]"
