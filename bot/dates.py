"""Dates in text, one grammar for the project: notice dates for the summariser, publication times for sources.

One set of date shapes (Chinese 2020年2月3日 with full-width digits and Chinese numerals, ISO-like 2020-02-03 /
2020/2/3 / 2020.02.03, English "March 3, 2026" / "3rd March 2026", unambiguous numeric 25/03/2020) and two
front ends that pick from it:

- dates in a notice's text (find_dates, first_date, year_hint, next_on_or_after): every date, yearless ones
  with a default year, as calendar dates;
- publication dates of pages and feed entries (parse_datetime, find_labelled_date, plausible_date): the first
  written-out date with its time and zone, as aware UTC.

Besides, the forms a notice's own-date rules read first (dashed 16-03-2020 and slash 04/02/2020 dates rewritten
in place by undash / order_slash_dates, "20th day of May, 2020", yearless datelines, a sign-off's "20141210" read by
compact_date) and the month-name and numeral-year patterns (MONTH_NAME, YEARLESS_DATE, NUMERAL_YEAR) other
modules build their date and time words from.

htmldate misread 2024年03月05日 as 2024-01-01, so nothing here guesses: a date is a match of an explicit pattern
with valid ranges. Pure functions, no imports from the rest of the project.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "CHINA_TZ",
    "DASHED_DATE",
    "DAY_OF_MONTH",
    "MAYBE_DATE",
    "MINGUO_ERA",
    "MONTH_NAME",
    "NUMERAL_YEAR",
    "SHORT_MONTH",
    "WEEKDAY",
    "YEARLESS_DATE",
    "DateHit",
    "SlashOrder",
    "compact_date",
    "day_of_month",
    "find_dates",
    "find_labelled_date",
    "first_date",
    "fullwidth_to_ascii",
    "next_on_or_after",
    "order_slash_dates",
    "parse_datetime",
    "plausible_date",
    "slash_order",
    "undash",
    "year_hint",
]

# China's zone, UTC+8 with no DST since 1991: the zone of a source's times when it names none.
CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "CST")

# ---- The grammar: each date shape once; the front ends choose digit classes, bounds and group prefixes. ----

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_CN_DIGITS.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
# A year in numerals is often typed with a zero digit or letter for 〇: "二0二四年", "二O一九年".
_CN_ZERO_TYPED = {"0": 0, "O": 0}
_CN_NUM = "〇零○Ｏ一二两三四五六七八九十"


def bmp_class(category: str) -> str:
    """The characters of the Basic Multilingual Plane that a regex category ("\\d", "\\s") matches, as the ranges of
    a class: found by the category itself, so they are exactly its characters there."""
    out: list[str] = []
    codes = [ord(c) for c in re.findall(category, _BMP)]
    start = 0
    for i in range(1, len(codes) + 1):
        if i == len(codes) or codes[i] != codes[i - 1] + 1:
            first, last = re.escape(chr(codes[start])), re.escape(chr(codes[i - 1]))
            out.append(first if start == i - 1 else f"{first}-{last}")
            start = i
    return "".join(out)


_BMP = "".join(map(chr, range(0x10000)))


# \d in the classes that scans skip ahead by, written out as the characters it matches: a category in a
# class costs a call for every character the class's bitmap lacks, which is nearly every character of a text;
# characters go into the bitmap. The digits beyond the BMP are in one range
# of everything there: such a class may hold more than a match can start with, the pattern behind it decides.
DIGITS = bmp_class(r"\d") + "\U00010000-\U0010ffff"
# Full-width digits are common on government pages; notice text is folded before matching.
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_FULLWIDTH_DIGIT = re.compile("[０-９]")

# English months as written out, and their short forms; every month pattern of the project is built from these.
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SHORT_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
_MONTHS = {name.lower(): i + 1 for i, name in enumerate(_MONTH_NAMES)} | {
    short: next(i + 1 for i, name in enumerate(_MONTH_NAMES) if name.lower().startswith(short))
    for short in _SHORT_MONTHS
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

# Digit classes: a year as four digits or four Chinese numerals, a month or day as 1-2 digits or 1-3 numerals.
_YEAR_4 = r"\d{4}"
_YEAR_19_20 = r"(?:19|20)\d{2}"
_YEAR_CN = rf"\d{{4}}|[{_CN_NUM}]{{4}}|(?=[0O]{{0,2}}[{_CN_NUM}])[{_CN_NUM}0O]{{4}}"
# A year written in Chinese numerals ("二〇〇一", "二○一九", "二0一0", "二OO三"): at least one Han digit 1-9.
NUMERAL_YEAR = r"(?=[〇零○Ｏ0O]{0,3}[一二三四五六七八九])[〇零○Ｏ0O一二三四五六七八九]{4}"
_NUM_2 = r"\d{1,2}"
_NUM_CN = rf"(?:\d{{1,2}}|[{_CN_NUM}]{{1,3}})"
_ORDINAL = r"(?:st|nd|rd|th)?"
# Typed or OCR'd letters set the ordinal apart: "7 th June, 2019".
_ORDINAL_SPACED = r"(?:[ ]?(?:st|nd|rd|th))?"


def _chinese(p: str, year: str, num: str, *, year_optional: bool) -> str:
    """2020年2月3日 / 2020 年 02 月 03 号 (and 2月3日 when the year is optional); groups {p}y, {p}m, {p}d."""
    y = rf"(?P<{p}y>{year})\s*年\s*"
    return rf"{f'(?:{y})?' if year_optional else y}(?P<{p}m>{num})\s*月\s*(?P<{p}d>{num})\s*[日号]"


def _month_end(p: str, year: str, num: str) -> str:
    """2019年4月底 / 2月底前 / 6月末: the month's last day, the usual form of a Chinese deadline."""
    return rf"(?:(?P<{p}y>{year})\s*年\s*)?(?P<{p}m>{num})\s*月\s*(?:底|末)"


def _iso(p: str, year: str, not_after: str) -> str:
    """2020-02-03, 2020/2/3, 2020.02.03 (one separator throughout, not inside a longer number)."""
    return rf"(?<!{not_after})(?P<{p}y>{year})(?P<{p}sep>[-/.])(?P<{p}m>{_NUM_2})(?P={p}sep)(?P<{p}d>{_NUM_2})(?![\d])"


def _english(p: str) -> str:
    """June 26, 2015 / June 26 / Jun. 26 2015 (groups {p}m, {p}d, {p}y)."""
    return (
        rf"\b(?P<{p}m>{_MONTH_RE})\.?\s+(?P<{p}d>{_NUM_2}){_ORDINAL}\b"
        rf"(?:,?\s+(?P<{p}y>{_YEAR_19_20})\b)?"
    )


def _english_day_first(p: str) -> str:
    """26 June 2015 / 3rd March 2026 / the 3rd of March (groups {p}d, {p}m, {p}y)."""
    return (
        rf"\b(?P<{p}d>{_NUM_2}){_ORDINAL_SPACED}\s+(?:of\s+)?(?P<{p}m>{_MONTH_RE})\.?"
        rf"(?:,?\s+(?P<{p}y>{_YEAR_19_20})\b)?"
    )


def _numeric(p: str) -> str:
    """03/03/2026, 31.03.2020: day and month order differs by country, so only unambiguous ones count."""
    return (
        rf"(?<![\d/.-])(?P<{p}a>{_NUM_2})(?P<{p}sep>[/.])(?P<{p}b>{_NUM_2})(?P={p}sep)"
        rf"(?P<{p}y>{_YEAR_19_20})(?![\d/])"
    )


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
        digit = _CN_DIGITS.get(ch, _CN_ZERO_TYPED.get(ch, -1) if len(s) == 4 else -1)
        if digit < 0:
            return None
        value = value * 10 + digit
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


# ---- Front end 1: dates in a notice's text (the summariser). ----

# Every shape, Chinese numerals and yearless dates included; years 1900-2100 (checked after the match).
_TEXT_DATE_RE = re.compile(
    "|".join(
        (
            _chinese("z", _YEAR_CN, _NUM_CN, year_optional=True),
            _month_end("me", _YEAR_CN, _NUM_CN),
            _iso("i", _YEAR_19_20, r"[\d.]"),
            _english("en"),
            _english_day_first("b"),
            _numeric("n"),
        )
    ),
    re.IGNORECASE,
)
# A year, not inside a longer number: "(?<!\d)((?:19|20)\d{2})(?!\d)" with the look back after the century,
# so that sre skips ahead to the 1s and 2s instead of trying the pattern at every character (four times faster).
_YEAR_RE = re.compile(r"((?:19|20)(?<!\d19|\d20)\d{2})(?!\d)")
# Where a _TEXT_DATE_RE match can start: every shape opens with a digit, a Chinese numeral (Ｏ in either case)
# or a month name's first letter in any case (ſ is an s), the letter at a word's start (\b). sre cannot skip
# ahead on the alternation by itself; it does on this class. Behind it (one step back, then ahead), what
# every shape holds next, so that the costly alternation is tried only there: numerals run into 年 or 月
# (a year is at most four, a month three), a digit run into a separator (ISO and numeric dates) or into
# an ordinal and a space ("3rd March"), a letter opens a month's name.
_DATE_NEXT = (
    rf"[\d{_CN_NUM}ｏ](?:[\d{_CN_NUM}ｏO]{{0,3}}\s*[年月]|(?<=\d)\d{{0,3}}[-/.]|(?<=\d)\d?(?i:st|nd|rd|th)?\s)"
    rf"|(?<!\w)(?i:{'|'.join(_SHORT_MONTHS)})"
)
_DATE_FIRST = re.compile(rf"[{DIGITS}{_CN_NUM}ｏADFJMNOSadfjmnosſ](?<=(?={_DATE_NEXT})[\s\S])")


@dataclass(frozen=True, slots=True)
class DateHit:
    """A date found in a text: its span, the date, and whether the year was written out."""

    start: int
    end: int
    date: dt.date
    explicit_year: bool


# What every date find_dates reads holds: 月, a digit-separator-digit run or a month name. Most clauses
# hold none of them, and this one scan spares them the costly date parse.
MAYBE_DATE: re.Pattern[str] = re.compile(
    r"月|\d[-/.]\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE
)
# The characters a MAYBE_DATE match can start with (月, a digit, the first letters of the month names in
# either case; ſ is an s under IGNORECASE), and MAYBE_DATE tested only at them, one step back: sre skips
# ahead by the class, which rules out most Chinese clauses about fifteen times faster than MAYBE_DATE.
_DATE_START = rf"[月{DIGITS}ADFJMNOSadfjmnosſ]"
_MAYBE_DATE_AT_START = re.compile(rf"{_DATE_START}(?<=(?=(?i:{MAYBE_DATE.pattern}))[\s\S])")


# MAYBE_DATE on ASCII text, two scans that sre skips ahead on: a digit run into a separator, and a month's
# first letter at a word's start followed by the rest of its name, in the lowercased text (ASCII keeps its
# offsets and word boundaries when lowercased, and 月 is not ASCII). In English text the letters that can
# start a month are a third of all, and MAYBE_DATE's three branches were tried at each.
_DIGIT_SEP = re.compile(r"[0-9][-/.][0-9]")  # on ASCII text \d is 0-9: a bitmap, not a call per character
_MONTH_AT_WORD = re.compile(
    rf"[adfjmnos](?<=\b(?=(?:{'|'.join(s for s in _SHORT_MONTHS if len(s) == 3)}))[\s\S])"
)


def _maybe_date(text: str) -> bool:
    """Whether MAYBE_DATE matches text."""
    if text.isascii():
        return _DIGIT_SEP.search(text) is not None or _MONTH_AT_WORD.search(text.lower()) is not None
    return _MAYBE_DATE_AT_START.search(text) is not None


def fullwidth_to_ascii(text: str) -> str:
    """The text with full-width digits (０-９) as ASCII ones."""
    # str.translate looks up every character of a non-ASCII text; most texts hold no full-width digit.
    return text.translate(_FULLWIDTH) if not text.isascii() and _FULLWIDTH_DIGIT.search(text) else text


# The last group each date shape of _TEXT_DATE_RE closes (its optional year may be missing), by name: the
# shape a match took (find_dates).
_SHAPE = {"zd": "z", "mem": "me", "id": "i", "ny": "n", "end": "en", "eny": "en", "bm": "b", "by": "b"}


# 元月 (the first month) before a day: "元月5日", "二〇二三年元月五日"; never a sum in 元 before a month's day
# ("每人300元月5日前交清", "每人二百元月5日前", "伍佰元月5日前": figures, Chinese or financial numerals; "100美元月5日前",
# "50港元": a currency), 公元 (the era: "公元月5日") or 单元 ("单元月考").
_FIRST_MONTH = re.compile(
    rf"(?<![\d{_CN_NUM}单公百千万亿壹贰叁肆伍陆柒捌玖拾佰仟美港日欧澳韩台加新])元月(?=\s*[\d{_CN_NUM}])"
)


# A Republic of China (Minguo) year, as Taiwan's documents date themselves: "中華民國113年6月3日", "民國一百一十三年
# 六月三日" (113 + 1911 = 2024). Only with 民國/民国 written: a bare "113年" may be any count of years.
# Not inside a word ending in 民 (人民, 居民, 公民, 农民, 国民 …): "居民國…" is no era.
# The era's words, in either script: "中華民國", "民國", "中华民国".
MINGUO_ERA: str = r"(?:中[華华])?民[國国]"
_MINGUO_YEAR = re.compile(
    r"(?<![人居公農农國国市村移難难選选僑侨網网漁渔牧臣平庶軍军全殖藏災灾])" + MINGUO_ERA + r"[ \t]*"
    r"(\d{1,3}|[〇零一二三四五六七八九十百]{1,6})(?=\s*年)"
)
_MINGUO_EPOCH = 1911


def _minguo_number(s: str) -> int | None:
    """113 / 一百一十三 / 一一三 / 九十九 as an int (a Minguo year)."""
    if s.isdigit():
        return int(s)
    if "百" not in s:
        return _cn_int(s)
    hundreds, _, rest = s.partition("百")
    h = _CN_DIGITS.get(hundreds, -1) if hundreds else 1
    rest = rest.lstrip("〇零")
    r = 0 if not rest else _cn_int("一" + rest if rest.startswith("十") else rest)
    return None if h < 0 or r is None else h * 100 + r


def _gregorian_year(m: re.Match[str]) -> str:
    """A Minguo year written as its Gregorian year, padded to the same length so offsets hold (the date's span
    then starts where 中華民國 does)."""
    n = _minguo_number(m.group(1))
    whole = m.group(0)
    if n is None or not 1 <= n <= 200 or len(whole) < 4:
        return whole
    return str(n + _MINGUO_EPOCH).ljust(len(whole))


def find_dates(text: str, default_year: int | None = None) -> list[DateHit]:
    """Every date in text, in order; dates without a year take default_year or are skipped."""
    # \d matches full-width digits too, so the prefilter gives the same answer before the digits are folded.
    if not _maybe_date(text):
        return []
    folded = fullwidth_to_ascii(text)
    if "元月" in folded:
        # 元月 is January ("2023年元月5日"): read as 一月, the same length, so offsets hold.
        folded = _FIRST_MONTH.sub("一月", folded)
    if "民" in folded:  # one scan: 民國 / 民国
        folded = _MINGUO_YEAR.sub(_gregorian_year, folded)
    hits: list[DateHit] = []
    for m in _date_matches(folded):
        # The shape that matched, by the last group it closed (each shape's groups are its own): one
        # lookup instead of a dict of all eighteen groups.
        shape = _SHAPE[m.lastgroup or ""]
        year_s: str | None
        if shape == "z":
            year_s, month, day = m["zy"], _cn_int(m["zm"]), _cn_int(m["zd"])
        elif shape == "me":
            year_s, month, day = m["mey"], _cn_int(m["mem"]), 0
        elif shape == "i":
            year_s, month, day = m["iy"], int(m["im"]), int(m["id"])
        elif shape == "n":
            year_s, month, day = m["ny"], *_month_day(int(m["na"]), int(m["nb"]))
        elif shape == "en":
            year_s, month, day = m["eny"], _MONTHS[m["enm"].lower()], int(m["end"])
        else:
            year_s, month, day = m["by"], _MONTHS[m["bm"].lower()], int(m["bd"])
        year = _cn_int(year_s) if year_s else default_year
        # "may 5" is a month but "may" is also a verb: only accept it with a capital letter ("May", "MAY").
        if (
            shape in ("en", "b")
            and m[shape + "m"].lower() == "may"
            and "May" not in m.group(0)
            and "MAY" not in m.group(0)
        ):
            continue
        date = _make(year, month, day)
        if date is not None and 1900 <= date.year <= 2100:
            hits.append(DateHit(m.start(), m.end(), date, bool(year_s)))
    return hits


def _date_matches(text: str) -> Iterator[re.Match[str]]:
    """_TEXT_DATE_RE.finditer(text), tried only at the characters a match can start with."""
    pos = 0
    while (first := _DATE_FIRST.search(text, pos)) is not None:
        m = _TEXT_DATE_RE.match(text, first.start())  # lookbehinds still see the text before it
        if m is None:
            pos = first.start() + 1
        else:
            yield m
            pos = m.end()  # every shape is at least two characters long


def first_date(text: str, default_year: int | None = None) -> dt.date | None:
    """The first date in text (2020年2月3日, 2020-02-03, 二〇〇八年六月四日, June 26, 2015), else None.

    Dates written without a year (2月2日, "June 26") use default_year and are skipped without it.
    """
    hits = find_dates(text, default_year)
    return hits[0].date if hits else None


def year_hint(*texts: str) -> int | None:
    """The first plausible four-digit year in the given texts, tried in order (for dates without one)."""
    for text in texts:
        for m in _YEAR_RE.finditer(fullwidth_to_ascii(text)):
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


# ---- Shapes a notice's own-date rules read before find_dates (bot/summarize/published.py) and month words. ----

# A month written out and capitalised ("March"), for patterns of dates and times in words (no groups).
MONTH_NAME = rf"(?:{'|'.join(_MONTH_NAMES)})"
# A day of the week written out and capitalised ("Monday"), likewise.
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# A day of the week cut short, capitalised ("Sat", "Tue", "Tues", "Thur", "Thurs"), without a trailing dot (no groups).
SHORT_WEEKDAY = r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)"
# The short month names, capitalised: Jan|Feb|…|Sep|Sept|…|Dec.
SHORT_MONTH = "|".join(short.capitalize() for short in _SHORT_MONTHS)
# A capitalised month in full or short ("March", "Mar.", "Sept"), as datelines and deadlines write it (no groups).
_MONTH_WORD = rf"(?:{SHORT_MONTH})[a-z]*\.?"
# A date without a year, "March 3" or "3 Mar.", as a wire dateline writes it (no groups).
YEARLESS_DATE = rf"(?:{_MONTH_WORD}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_WORD})"

# Day-month-year with dashes: "16-03-2020" and "28-Jun-2017" (a short month name, any case).
DASHED_DATE = re.compile(
    rf"(?<![\w/-])(\d{{1,2}})-(\d{{1,2}}|{SHORT_MONTH})-"
    rf"({_YEAR_19_20})(?![\w/-])",
    re.IGNORECASE,
)


def undash(text: str) -> str:
    """text with its dashed dates in forms find_dates reads, 16/03/2020 and 28 Jun 2017 (same length)."""
    return DASHED_DATE.sub(
        lambda m: f"{m[1]}{'/' if m[2].isdigit() else ' '}{m[2]}{'/' if m[2].isdigit() else ' '}{m[3]}", text
    )


# Numeric dates with slashes: 3/4/2020 is March 4 in the US and 3 April elsewhere.
_SLASH_DATE = re.compile(rf"(?<![\d/])(\d{{1,2}})/(\d{{1,2}})/({_YEAR_19_20})(?![\d/])")
SlashOrder = Literal["md", "dm"]


def slash_order(texts: Iterable[str]) -> SlashOrder | None:
    """Month first ("md") or day first ("dm"), as the unambiguous slash dates of texts show; None if mixed or none."""
    month_first = day_first = False
    for text in texts:
        if "/" in text:
            for m in _SLASH_DATE.finditer(text):
                a, b = int(m[1]), int(m[2])
                month_first |= 1 <= a <= 12 < b <= 31
                day_first |= 1 <= b <= 12 < a <= 31
    return "md" if month_first and not day_first else "dm" if day_first and not month_first else None


def order_slash_dates(text: str, order: SlashOrder) -> str:
    """text with its ambiguous slash dates (04/02/2020) rewritten year first in the given order (same length)."""

    def year_first(m: re.Match[str]) -> str:
        a, b = int(m[1]), int(m[2])
        if not (1 <= a <= 12 and 1 <= b <= 12):
            return m[0]  # unambiguous: find_dates reads it as written
        # The same digits reordered (4/2/2020 -> 2020/4/2), so every offset past the date stays put.
        month, day = (m[1], m[2]) if order == "md" else (m[2], m[1])
        return f"{m[3]}/{month}/{day}"

    return _SLASH_DATE.sub(year_first, text)


# "20th day of May, 2020", the date of an order's execution clause; for a caller's lookahead (its groups unused).
_DAY_OF_MONTH = re.compile(
    rf"(\d{{1,2}}){_ORDINAL}\s+day\s+of\s+([A-Za-z]+),?\s+({_YEAR_19_20})\b", re.IGNORECASE
)
DAY_OF_MONTH = _DAY_OF_MONTH.pattern


def day_of_month(text: str, pos: int = 0) -> dt.date | None:
    """The date written as "20th day of May, 2020" at text[pos:], else None."""
    m = _DAY_OF_MONTH.match(text, pos)
    hits = find_dates(f"{m[1]} {m[2]} {m[3]}", None) if m else []
    return hits[0].date if hits else None


# ---- Front end 2: publication dates of pages and feed entries (sources), as aware UTC. ----
# Only dates with a written-out year in ASCII digits, years 1990-2100, optionally followed by a time and a zone.
# A time without a zone is read in the source's zone (default China). A date without a time becomes 12:00 UTC
# of that day, so the calendar date survives rendering in any zone from UTC-11 to UTC+11.

_TIME = r"(?:\s*(?:T|\s)?\s*(?P<hh>\d{1,2})[:：时](?P<mi>\d{2})(?:[:：分](?P<ss>\d{2}))?秒?)?"
_STAMP_PATTERNS = (
    # 2020年2月3日, 2020年02月03日 12:14
    re.compile(r"(?<!\d)" + _chinese("", _YEAR_4, _NUM_2, year_optional=False) + _TIME),
    # 2020-02-03 12:14:42, 2020/2/3, 2020.02.03, 2020-02-03T12:14:42
    re.compile(_iso("", _YEAR_4, r"\d") + _TIME),
)
_ZONE = re.compile(r"\s*(?:Z|UTC|GMT|([+-])(\d{2}):?(\d{2}))", re.I)
# Lines that name the publication date; "时间" alone is too vague (meeting times), so it needs a prefix.
_LABEL = re.compile(r"(?:发布|发表|发文|印发|成文|公布|更新|上传)(?:时间|日期)|日期|Date|Published", re.I)
_MIN_YEAR, _MAX_YEAR = 1990, 2100


# A date in ISO 8601's basic form alone on a line: year, month and day run together ("20141210").
_COMPACT = re.compile(r"^\s*(\d{4})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*$")


def compact_date(text: str) -> dt.date | None:
    """The date of a text that is nothing but a date in ISO 8601's basic form ("20141210"), in the years 1990 to
    2100 (_MIN_YEAR, _MAX_YEAR); None for other figures ("20141310", "20140231", "18990101", "21010101")."""
    m = _COMPACT.match(text)
    if m is None or not _MIN_YEAR <= int(m[1]) <= _MAX_YEAR:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:  # 31 February
        return None


def plausible_date(value: dt.datetime, now: dt.datetime | None = None) -> bool:
    """Whether a publication date can be true: from 1990 up to a year from now (99999-01-01 is not)."""
    now = now or dt.datetime.now(dt.UTC)
    return dt.datetime(_MIN_YEAR, 1, 1, tzinfo=dt.UTC) <= value <= now + dt.timedelta(days=366)


def parse_datetime(text: str, tz: dt.tzinfo = CHINA_TZ) -> dt.datetime | None:
    """The first valid date (with its time when given) in text, as aware UTC; None if there is none."""
    best: tuple[int, dt.datetime] | None = None
    for pattern in _STAMP_PATTERNS:
        for match in pattern.finditer(text):
            value = _stamp(match, tz, text)
            if value is not None:
                if best is None or match.start() < best[0]:
                    best = (match.start(), value)
                break
    return best[1] if best else None


def _stamp(match: re.Match[str], tz: dt.tzinfo, text: str) -> dt.datetime | None:
    year, month, day = match["y"], match["m"], match["d"]
    hour, minute, second = match["hh"], match["mi"], match["ss"]
    try:
        if not _MIN_YEAR <= int(year) <= _MAX_YEAR:
            return None
        if hour is None:
            return dt.datetime(int(year), int(month), int(day), 12, tzinfo=dt.UTC)
        local = dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:  # 2020-13-45, 25:61
        return None
    zone = _ZONE.match(text, match.end())
    if zone:
        if zone.group(1):
            offset = dt.timedelta(hours=int(zone.group(2)), minutes=int(zone.group(3)))
            zone_tz: dt.tzinfo = dt.timezone(-offset if zone.group(1) == "-" else offset)
        else:
            zone_tz = dt.UTC
        return local.replace(tzinfo=zone_tz).astimezone(dt.UTC)
    return local.replace(tzinfo=tz).astimezone(dt.UTC)


def find_labelled_date(text: str, tz: dt.tzinfo = CHINA_TZ) -> dt.datetime | None:
    """The date on a line labelled as the publication date (发布时间：…, 发布日期：…); None if none."""
    for line in text.splitlines():
        label = _LABEL.search(line)
        if label:
            value = parse_datetime(line[label.end() : label.end() + 60], tz)
            if value is not None:
                return value
    return None
