"""Quiet hours: parsing "22:00-07:30" and deciding whether (and until when) a chat is in its quiet window."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta, tzinfo

from bot.errors import NoticebotError

__all__ = ["QuietHoursError", "parse_window", "quiet_until"]

_WINDOW = re.compile(r"^\s*([01]?\d|2[0-3])[:：]([0-5]\d)\s*[-–~至到]\s*([01]?\d|2[0-3])[:：]([0-5]\d)\s*$")


class QuietHoursError(NoticebotError):
    """Not a quiet window: it must look like 22:00-07:30 (start and end differ)."""


def parse_window(text: str) -> str:
    """The canonical 'HH:MM-HH:MM' of a window typed as 22:00-07:30, 9:00~12:00 or 22：00至7：30."""
    m = _WINDOW.match(text)
    if m is None:
        raise QuietHoursError(f"{text!r} is not a window like 22:00-07:30")
    start = f"{int(m.group(1)):02d}:{m.group(2)}"
    end = f"{int(m.group(3)):02d}:{m.group(4)}"
    if start == end:
        raise QuietHoursError("the window's start and end are the same time")
    return f"{start}-{end}"


def _time(hhmm: str) -> time:
    hours, minutes = hhmm.split(":")
    return time(int(hours), int(minutes))


def quiet_until(window: str | None, tz: tzinfo, now: datetime) -> datetime | None:
    """When the quiet window that `now` falls in ends (aware, in tz), or None when now is not quiet.

    Windows may cross midnight (22:00-07:30). The end is a wall-clock time of the chat's zone, so a push
    held over a DST change still arrives at 07:30 local; zoneinfo resolves a nonexistent 02:30 forward.
    """
    if not window:
        return None
    try:
        start_s, end_s = window.split("-")
        start, end = _time(start_s), _time(end_s)
    except ValueError:
        return None  # a corrupt value never holds anything
    local = now.astimezone(tz)
    clock = local.time().replace(tzinfo=None)
    inside = start <= clock < end if start < end else clock >= start or clock < end
    if not inside:
        return None
    day = local.date()
    if clock >= end:  # after the end today: the window ends tomorrow
        day += timedelta(days=1)
    return datetime.combine(day, end, tzinfo=tz)
