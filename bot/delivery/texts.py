"""Rendered texts for deliveries, cached: a broadcast to 100,000 chats renders each notice once per language."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.changelinks import link_of
from bot.changes import ChangeLink
from bot.delivery.transport import Buttons
from bot.i18n import language_of, t
from bot.reminders import future_deadlines
from bot.render import render_push, render_update
from storage.api import SendStore
from storage.models import DueDelivery, Notice

__all__ = ["TextCache", "zone"]

_MAX_ENTRIES = 512


@lru_cache(maxsize=256)
def zone(name: str) -> tzinfo | None:
    """The IANA zone with this name, or None when the name is unknown (render in UTC then)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


class TextCache:
    """Notice lookups and rendered messages, bounded so a long-running sender does not grow."""

    def __init__(self, store: SendStore, default_language: str = "zh") -> None:
        self.store = store
        self.default_language = language_of(default_language)
        self._notices: dict[int, Notice | None] = {}
        self._texts: dict[tuple[int, int, str, str], str | None] = {}
        self._changes: dict[int, ChangeLink | None] = {}

    async def notice(self, notice_id: int) -> Notice | None:
        """The stored notice (None when it was deleted since it was queued)."""
        if notice_id not in self._notices:
            if len(self._notices) >= _MAX_ENTRIES:
                self._notices.clear()
            self._notices[notice_id] = await self.store.get_notice(notice_id)
        return self._notices[notice_id]

    async def change(self, notice: Notice) -> ChangeLink | None:
        """The earlier notice this one corrects, postpones… (found again here as the poller found it;
        None also when that lookup fails: the push goes without its change line)."""
        if notice.id not in self._changes:
            if len(self._changes) >= _MAX_ENTRIES:
                self._changes.clear()
            self._changes[notice.id] = await link_of(self.store, notice)
        return self._changes[notice.id]

    async def changes(self, notices: Iterable[Notice]) -> dict[int, ChangeLink]:
        """The links of those of these notices that change an earlier one (for a digest), by notice id."""
        links = {n.id: await self.change(n) for n in notices}
        return {notice_id: link for notice_id, link in links.items() if link is not None}

    async def for_delivery(self, row: DueDelivery) -> str | None:
        """The message for this row: the notice, or the short "updated" message for a revision."""
        lang = language_of(row.language, self.default_language)
        key = (row.notice_id, row.revision, lang, row.timezone)
        if key not in self._texts:
            if len(self._texts) >= _MAX_ENTRIES:
                self._texts.clear()
            notice = await self.notice(row.notice_id)
            if notice is None:
                text = None
            elif row.revision > 0:
                text = render_update(notice, lang)
            else:
                change = await self.change(notice)
                text = render_push(notice, lang, tz=zone(row.timezone), change=change)
            self._texts[key] = text
        return self._texts[key]

    async def buttons_for(self, row: DueDelivery, now: datetime) -> Buttons:
        """A push of a notice with deadlines still ahead carries "Remind me" (callback rm:<notice id>)."""
        if row.revision > 0:
            return ()
        notice = await self.notice(row.notice_id)
        if notice is None or not future_deadlines(notice, zone(row.timezone) or UTC, now):
            return ()
        lang = language_of(row.language, self.default_language)
        return (((t("reminder.button", lang), f"rm:{notice.id}"),),)
