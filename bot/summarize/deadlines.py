"""Dated obligations in a notice: "…前", "截至…", "自…起施行", "by March 31", "effective …"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from bot.dates import find_dates, next_on_or_after
from bot.models import Deadline
from bot.summarize.cues import ZH_CLOCK
from bot.summarize.pieces import ZH_QUERY, cases, query_only
from bot.summarize.sentences import Sentence

__all__ = ["find_deadlines"]

# Looked for right after a date ("2020年3月31日前", "3月31日下午5点前", "…上午9点30分前") and right before it
# ("截至2020年3月31日"). The part of day and the clock are each optional, in that order; each \s* follows a
# word, never another \s* (adjacent optional runs of spaces backtrack quadratically).
_ZH_AFTER = re.compile(
    rf"^\s*(?:(?:[上下中]午|晚上|凌晨)\s*)?(?:{ZH_CLOCK}\s*)?(?:之前|以前|前|止|起施行|起执行|起实施|起|开始施行|截止)"
)
# How much of the text after a date _ZH_AFTER reads: "下午5点30分之前" is 10 characters.
_ZH_AFTER_WINDOW = 12
_ZH_BEFORE = re.compile(r"(?:截至|截止(?:日期)?(?:为|到|至)?|于|自|从|在|至|到|最迟|不迟于|期限为)\s*$")
_ZH_STRONG = re.compile(r"(?:截至|截止(?:日期)?(?:为|到|至)?|最迟|不迟于|期限为)\s*$")
# "2月2日,…下发《通知》", "杭州3月9日讯", "于3月5日召开": the date of an event, not a deadline.
_ZH_NOT_DEADLINE = re.compile(r"\s*(?:,|讯|电|召开|举行|至今|[^,。]{0,20}(?:印发|下发|发布|出台))")
_EN_BEFORE = re.compile(
    r"\b(?:by|before|no later than|not later than|until|through|deadline(?: is| of)?|due(?: on| by)?|"
    r"effective(?: on| from| as of)?|takes? effect(?: on)?|starting(?: on)?|beginning(?: on)?|"
    r"from|as of)\s*$",
    re.IGNORECASE,
)
_MAX_DEADLINES = 10
_MAX_SENTENCE = 160


def find_deadlines(
    sentences: Sequence[Sentence], year: int | None, lang: str, issued: dt.date | None = None
) -> tuple[Deadline, ...]:
    """Each dated obligation once, in document order, with its sentence (trimmed when long).

    A deadline written without a year takes the notice's date (issued) as reference: the first such
    month/day on or after it. Without a notice date, `year` (a hint from the text) is used as it is.
    """
    if issued is not None:
        year = year or issued.year
    found: list[Deadline] = []
    seen: set[tuple[str, str]] = set()
    for s in sentences:
        if s.heading:
            continue  # date lines and signatures carry dates, not obligations
        optional: list[tuple[int, int]] | None = None  # _optional, found for the sentence's first deadline
        for hit in find_dates(s.folded, year):
            after = s.folded[hit.end : hit.end + _ZH_AFTER_WINDOW]
            before = s.folded[max(0, hit.start - 14) : hit.start]
            if lang == "zh":
                ok = (
                    bool(_ZH_AFTER.match(after))
                    or bool(_ZH_STRONG.search(before))
                    or (bool(_ZH_BEFORE.search(before)) and not _ZH_NOT_DEADLINE.match(after))
                )
            else:
                ok = bool(_EN_BEFORE.search(before))
            if not ok:
                continue
            if optional is None:
                optional = _optional(s) if lang == "zh" else []
            if any(start <= hit.start < end for start, end in optional):
                continue  # "如有疑问,请于12月10日前联系财务处": an optional contact binds no one
            date: dt.date | None = hit.date
            if not hit.explicit_year and issued is not None:
                date = next_on_or_after(hit.date.month, hit.date.day, issued)
            if date is None:
                continue
            sentence = s.text if len(s.text) <= _MAX_SENTENCE else _around(s.text, hit.start)
            key = (date.isoformat(), sentence)
            if key not in seen:
                seen.add(key)
                found.append(Deadline(date.isoformat(), sentence))
            if len(found) >= _MAX_DEADLINES:
                return tuple(found)
    return tuple(found)


def _optional(s: Sentence) -> list[tuple[int, int]]:
    """Where the clauses are (start, end in s.folded, in order) that are whom to contact under an
    asking-condition (pieces.query_only: "如有疑问,请于12月10日前联系财务处"), worked out once per sentence."""
    if ZH_QUERY.search(s.folded) is None:
        return []  # most sentences: no clause pairing worked out
    paired = cases(s.clauses)
    return [
        (c.start - s.start, c.start - s.start + len(c.text))
        for i, c in enumerate(s.clauses)
        if query_only(s.clauses, i, paired)
    ]


def _around(text: str, at: int) -> str:
    """A window of the long sentence around the date, cut at clause marks where possible."""
    half = _MAX_SENTENCE // 2
    a = max(0, at - half)
    b = min(len(text), at + half)
    for mark in ",，;；":
        i = text.rfind(mark, a, at)
        if i >= 0 and at - i < half:
            a = i + 1
            break
    j = min((k for k in (text.find(m, at) for m in "。;；") if k >= 0), default=-1)
    if 0 <= j < b:
        b = j + 1
    return ("…" if a > 0 else "") + text[a:b].strip() + ("…" if b < len(text) else "")
