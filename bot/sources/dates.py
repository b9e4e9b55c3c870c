"""Publication dates of pages and feed entries: Chinese and numeric formats, parsed by us (pure functions).

htmldate misread 2024年03月05日 as 2024-01-01 (text.md), so nothing here guesses: a date is a match of an
explicit pattern with valid ranges. Results are timezone-aware UTC. A time without a zone is read in the
source's zone (default China, UTC+8, no DST since 1991). A date without a time becomes 12:00 UTC of that
day, so the calendar date survives rendering in any zone from UTC-11 to UTC+11.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo

__all__ = ["CHINA_TZ", "find_labelled_date", "parse_date", "plausible_date"]

CHINA_TZ = timezone(timedelta(hours=8), "CST")

_TIME = r"(?:\s*(?:T|\s)?\s*(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2}))?秒?)?"
_PATTERNS = (
    # 2020年2月3日, 2020年02月03日 12:14
    re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]" + _TIME),
    # 2020-02-03 12:14:42, 2020/2/3, 2020.02.03, 2020-02-03T12:14:42
    re.compile(r"(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)" + _TIME),
)
_ZONE = re.compile(r"\s*(?:Z|UTC|GMT|([+-])(\d{2}):?(\d{2}))", re.I)
# Lines that name the publication date; "时间" alone is too vague (meeting times), so it needs a prefix.
_LABEL = re.compile(r"(?:发布|发表|发文|印发|成文|公布|更新|上传)(?:时间|日期)|日期|Date|Published", re.I)
_MIN_YEAR, _MAX_YEAR = 1990, 2100


def plausible_date(value: datetime, now: datetime | None = None) -> bool:
    """Whether a publication date can be true: from 1990 up to a year from now (99999-01-01 is not)."""
    now = now or datetime.now(UTC)
    return datetime(_MIN_YEAR, 1, 1, tzinfo=UTC) <= value <= now + timedelta(days=366)


def parse_date(text: str, tz: tzinfo = CHINA_TZ) -> datetime | None:
    """The first valid date (with its time when given) in text, as aware UTC; None if there is none."""
    best: tuple[int, datetime] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            value = _build(match, tz, text)
            if value is not None:
                if best is None or match.start() < best[0]:
                    best = (match.start(), value)
                break
    return best[1] if best else None


def _build(match: re.Match[str], tz: tzinfo, text: str) -> datetime | None:
    groups = match.groups()
    if len(groups) == 6:  # the 年月日 pattern
        year, month, day, hour, minute, second = groups
    else:
        year, _sep, month, day, hour, minute, second = groups
    try:
        if not _MIN_YEAR <= int(year) <= _MAX_YEAR:
            return None
        if hour is None:
            return datetime(int(year), int(month), int(day), 12, tzinfo=UTC)
        local = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:  # 2020-13-45, 25:61
        return None
    zone = _ZONE.match(text, match.end())
    if zone:
        if zone.group(1):
            offset = timedelta(hours=int(zone.group(2)), minutes=int(zone.group(3)))
            zone_tz: tzinfo = timezone(-offset if zone.group(1) == "-" else offset)
        else:
            zone_tz = UTC
        return local.replace(tzinfo=zone_tz).astimezone(UTC)
    return local.replace(tzinfo=tz).astimezone(UTC)


def find_labelled_date(text: str, tz: tzinfo = CHINA_TZ) -> datetime | None:
    """The date on a line labelled as the publication date (发布时间：…, 发布日期：…); None if none."""
    for line in text.splitlines():
        label = _LABEL.search(line)
        if label:
            value = parse_date(line[label.end() : label.end() + 60], tz)
            if value is not None:
                return value
    return None
