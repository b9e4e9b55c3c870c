"""Date parsing for notices: Chinese (2020年2月3日, 二〇〇八年六月四日, 2月2日), ISO-like, numeric and English dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["DateHit", "find_dates", "next_on_or_after", "parse_date", "year_hint"]

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_CN_DIGITS.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
_CN_NUM = "〇零○Ｏ一二两三四五六七八九十"
# Full-width digits are common on government pages; fold them before matching.
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

_NUM = rf"(?:\d{{1,2}}|[{_CN_NUM}]{{1,3}})"
_DATE_RE = re.compile(
    # 2020年2月3日 / 二〇〇八年六月四日 / 2月2日 (year optional) / 2020年03月05日
    rf"(?:(?P<zy>\d{{4}}|[{_CN_NUM}]{{4}})\s*年\s*)?(?P<zm>{_NUM})\s*月\s*(?P<zd>{_NUM})\s*[日号]"
    # 2019年4月底 / 2月底前 / 6月末: the month's last day, the usual form of a Chinese deadline
    rf"|(?:(?P<ey_end>\d{{4}}|[{_CN_NUM}]{{4}})\s*年\s*)?(?P<m_end>{_NUM})\s*月\s*(?:底|末)"
    # 2020-02-03, 2020/2/3, 2020.02.03 (not inside a longer number)
    r"|(?<![\d.])(?P<iy>(?:19|20)\d{2})(?P<sep>[-/.])(?P<im>\d{1,2})(?P=sep)(?P<id>\d{1,2})(?![\d])"
    # June 26, 2015 / June 26 / Jun. 26 2015
    rf"|\b(?P<em>{_MONTH_RE})\.?\s+(?P<ed>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<ey>(?:19|20)\d{{2}})\b)?"
    # 26 June 2015 / 3rd March 2026
    rf"|\b(?P<bd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<bm>{_MONTH_RE})\.?(?:,?\s+(?P<by>(?:19|20)\d{{2}})\b)?"
    # 03/03/2026, 31.03.2020: day and month order differs by country, so only unambiguous ones count
    r"|(?<![\d/.-])(?P<na>\d{1,2})(?P<nsep>[/.])(?P<nb>\d{1,2})(?P=nsep)(?P<ny>(?:19|20)\d{2})(?![\d/])",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@dataclass(frozen=True, slots=True)
class DateHit:
    """A date found in a text: its span, the date, and whether the year was written out."""

    start: int
    end: int
    date: dt.date
    explicit_year: bool


def _cn_int(s: str) -> int | None:
    """Read 12 / 十二 / 二十四 / 三十一 / 〇六 as an int."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, units = s.partition("十")
        t = _CN_DIGITS.get(tens, -1) if tens else 1
        u = _CN_DIGITS.get(units, -1) if units else 0
        return None if t < 0 or u < 0 else t * 10 + u
    value = 0
    for ch in s:
        if ch not in _CN_DIGITS:
            return None
        value = value * 10 + _CN_DIGITS[ch]
    return value


def _month_day(a: int, b: int) -> tuple[int | None, int | None]:
    """Month and day of a numeric a/b: 25/03 is day-first, 03/25 month-first, 04/05 is ambiguous (None)."""
    if a == b or b > 12 >= a:
        return a, b
    if a > 12 >= b:
        return b, a
    return None, None


def _make(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None:
        return None
    try:
        if day == 0 and 1 <= month <= 12:
            # "4月底" (day 0 here) asks for the month's last day, whatever its length.
            return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, default_year: int | None = None) -> list[DateHit]:
    """Every date in text, in order; dates without a year take default_year or are skipped."""
    folded = text.translate(_FULLWIDTH)
    hits: list[DateHit] = []
    for m in _DATE_RE.finditer(folded):
        g = m.groupdict()
        year_s: str | None
        if g["zm"] is not None:
            year_s, month, day = g["zy"], _cn_int(g["zm"]), _cn_int(g["zd"])
        elif g["m_end"] is not None:
            year_s, month, day = g["ey_end"], _cn_int(g["m_end"]), 0
        elif g["iy"] is not None:
            year_s, month, day = g["iy"], int(g["im"]), int(g["id"])
        elif g["na"] is not None:
            year_s, month, day = g["ny"], *_month_day(int(g["na"]), int(g["nb"]))
        elif g["em"] is not None:
            year_s, month, day = g["ey"], _MONTHS[g["em"].lower()], int(g["ed"])
        else:
            year_s, month, day = g["by"], _MONTHS[g["bm"].lower()], int(g["bd"])
        year = _cn_int(year_s) if year_s else default_year
        # "may 5" is a month but "may" is also a verb: only accept it with a capital letter ("May", "MAY").
        if (
            (g["em"] or g["bm"] or "").lower() == "may"
            and "May" not in m.group(0)
            and "MAY" not in m.group(0)
        ):
            continue
        date = _make(year, month, day)
        if date is not None and 1900 <= date.year <= 2100:
            hits.append(DateHit(m.start(), m.end(), date, bool(year_s)))
    return hits


def parse_date(text: str, default_year: int | None = None) -> dt.date | None:
    """The first date in text (2020年2月3日, 2020-02-03, 二〇〇八年六月四日, June 26, 2015), else None.

    Dates written without a year (2月2日, "June 26") use default_year and are skipped without it.
    """
    hits = find_dates(text, default_year)
    return hits[0].date if hits else None


def year_hint(*texts: str) -> int | None:
    """The first plausible four-digit year in the given texts, tried in order (for dates without one)."""
    for text in texts:
        for m in _YEAR_RE.finditer(text.translate(_FULLWIDTH)):
            year = int(m.group(1))
            if 1949 <= year <= 2100:
                return year
    return None


def next_on_or_after(month: int, day: int, reference: dt.date) -> dt.date | None:
    """The first month/day on or after reference: a yearless "3月31日" in a notice of 2025-04-02 is 2026-03-31.

    Deadlines are written without a year when they fall within the coming twelve months of the notice;
    29 February takes the next leap year. None when month/day is not a date in any year.
    """
    for year in range(reference.year, reference.year + 9):
        candidate = _make(year, month, day)
        if candidate is not None and candidate >= reference:
            return candidate
    return None
