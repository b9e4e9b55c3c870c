"""Deadline reminders: which deadlines can be reminded, when (lead times at 09:00 local), and the message.

Pure: no I/O. A deadline is the summariser's (bot.summarize.deadlines): an ISO date, already resolved to
a year (a yearless date takes the notice's date as reference), and the sentence it came from. Phrases the
summariser could not date ("本月底" with no month) are not deadlines, so they are never reminded.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from bot.errors import NoticebotError
from bot.i18n import register, t
from bot.render import clip
from storage.models import Deadline, DueReminder, NewReminder, Notice, Reminder

__all__ = [
    "DEFAULT_LEADS",
    "MAX_LEADS",
    "REMIND_AT",
    "LeadTimeError",
    "future_deadlines",
    "parse_leads",
    "plan_reminders",
    "render_reminder",
    "rezone",
]

DEFAULT_LEADS: tuple[int, ...] = (3, 1)  # days before the deadline
MAX_LEADS = 5
MAX_LEAD_DAYS = 90
REMIND_AT = time(9, 0)  # local time of the chat
_LEAD = re.compile(r"^(\d{1,3})\s*(?:d|天|日)?$", re.IGNORECASE)
_SENTENCE_MAX = 300

register(
    {
        "reminder.head": {
            "zh": "⏰ 截止提醒：{date}（{left}）",
            "en": "⏰ Deadline reminder: {date} ({left})",
        },
        "reminder.today": {"zh": "就是今天", "en": "today"},
        "reminder.days": {"zh": "还有 {n} 天", "en": "{n} days left"},
        "reminder.tomorrow": {"zh": "还有 1 天", "en": "1 day left"},
        "reminder.done": {"zh": "✅ 已完成", "en": "✅ Done"},
        "reminder.button": {"zh": "⏰ 提醒我", "en": "⏰ Remind me"},
    }
)


class LeadTimeError(NoticebotError):
    """Lead times are whole days before the deadline: 7d 1d (0d = on the day), at most 5, up to 90 days."""


def parse_leads(args: Sequence[str]) -> tuple[int, ...]:
    """Lead times typed after /remind <id>: "7d 1d" -> (7, 1); none given -> the defaults (3 and 1 days)."""
    if not args:
        return DEFAULT_LEADS
    leads: set[int] = set()
    for arg in args:
        m = _LEAD.match(arg.strip())
        if m is None or int(m.group(1)) > MAX_LEAD_DAYS:
            raise LeadTimeError(f"{arg!r} is not a lead time like 7d (0 to {MAX_LEAD_DAYS} days)")
        leads.add(int(m.group(1)))
    if len(leads) > MAX_LEADS:
        raise LeadTimeError(f"at most {MAX_LEADS} lead times")
    return tuple(sorted(leads, reverse=True))


def _deadline_date(deadline: Deadline) -> date | None:
    try:
        return date.fromisoformat(deadline.date)
    except ValueError:
        return None


def future_deadlines(notice: Notice, tz: tzinfo, now: datetime) -> list[tuple[date, Deadline]]:
    """The notice's deadlines that are today or later in the chat's zone (past ones are never reminded)."""
    if notice.summary is None:
        return []
    today = now.astimezone(tz).date()
    out = []
    for deadline in notice.summary.deadlines:
        day = _deadline_date(deadline)
        if day is not None and day >= today:
            out.append((day, deadline))
    return out


def plan_reminders(
    notice: Notice, tz: tzinfo, now: datetime, leads: Sequence[int] = DEFAULT_LEADS
) -> list[NewReminder]:
    """When to remind of each future deadline: lead days before it at 09:00 local, when still ahead.

    A deadline too close for any lead time (less than a day away) is reminded on the day at 09:00, or
    at once when that moment has passed but the day has not. Two deadlines on one day share reminders.
    """
    planned: dict[tuple[str, datetime], NewReminder] = {}
    for day, deadline in future_deadlines(notice, tz, now):
        dues = [
            datetime.combine(day - timedelta(days=lead), REMIND_AT, tzinfo=tz)
            for lead in leads
            if datetime.combine(day - timedelta(days=lead), REMIND_AT, tzinfo=tz) > now
        ]
        if not dues:
            dues = [max(datetime.combine(day, REMIND_AT, tzinfo=tz), now)]
        for due in dues:
            key = (deadline.date, due)
            if key not in planned:
                planned[key] = NewReminder(deadline.date, deadline.sentence, due)
    return sorted(planned.values(), key=lambda r: (r.due, r.deadline))


def rezone(reminders: Sequence[Reminder], old: tzinfo, new: tzinfo) -> list[tuple[int, datetime]]:
    """New due times for a chat that moved from zone `old` to `new`: the same local day and time.

    A reminder is planned "N days before, at 09:00 local"; after /timezone the user still means 09:00
    where they are now, not the instant 09:00 was in the zone they left. Returns (id, due) for the ones
    that change (same-offset zones change none). A local time the new zone skips (a DST gap) is read
    with the offset before the gap, as zoneinfo does, so it lands an hour later, never earlier.
    """
    moves = []
    for r in reminders:
        local = r.due.astimezone(old)
        # In UTC: an aware local time inside a gap compares right but prints wrong until converted.
        due = datetime.combine(local.date(), local.time(), tzinfo=new).astimezone(UTC)
        if due != r.due:
            moves.append((r.id, due))
    return moves


def _left(deadline: str, tz: tzinfo, now: datetime, lang: str) -> str:
    try:
        days = (date.fromisoformat(deadline) - now.astimezone(tz).date()).days
    except ValueError:
        days = 0
    if days <= 0:
        return t("reminder.today", lang)
    if days == 1:
        return t("reminder.tomorrow", lang)
    return t("reminder.days", lang, n=days)


def render_reminder(reminder: DueReminder, lang: str, tz: tzinfo, now: datetime) -> str:
    """The reminder: deadline (bold) and time left, the obligation sentence, the notice title, /notice <id>."""
    e = html.escape
    head = e(t("reminder.head", lang, date=reminder.deadline, left=_left(reminder.deadline, tz, now, lang)))
    return (
        f"<b>{head}</b>\n{e(clip(reminder.sentence, _SENTENCE_MAX))}\n\n"
        f"📄 {e(clip(reminder.title, 200))}\n/notice {reminder.notice_id}"
    )
