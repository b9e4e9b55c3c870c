"""Inline mode's search (`@bot 疫情` in any chat): the chat's search and ranking, paged and cached briefly."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from bot.render import clip, render_notice
from bot.search import SearchQueryError, search_notices
from storage.api import Store
from storage.models import Notice

__all__ = ["InlineItem", "InlinePage", "InlineSearch"]

PAGE_SIZE = 10  # results per answer (Telegram allows 50; ten keep the answer small and fast)
MAX_OFFSET = 200  # nobody scrolls further; bounds the work a crafted offset can ask for
_EMPTY = ()


@dataclass(frozen=True, slots=True)
class InlineItem:
    """One inline result: what the list shows, and the message posted when it is chosen."""

    id: str
    title: str
    description: str  # date · source · one line of the summary
    message: str  # Telegram HTML: the notice's summary with its link


@dataclass(frozen=True, slots=True)
class InlinePage:
    """One answer: the results and the offset of the next page ('' = no more)."""

    items: tuple[InlineItem, ...]
    next_offset: str = ""


def _one_line(notice: Notice) -> str:
    s = notice.summary
    line = (s.directives[0] if s and s.directives else "") or (s.summary if s else "") or notice.text
    return clip(" ".join(line.split()), 90)


def _item(notice: Notice, lang: str) -> InlineItem:
    when = notice.published or notice.first_seen
    description = f"{when.date().isoformat()} · {notice.source_name} · {_one_line(notice)}"
    return InlineItem(
        id=str(notice.id),
        title=clip(notice.title or notice.url, 120),
        description=description,
        message=render_notice(notice, lang),
    )


class InlineSearch:
    """Answers inline queries from the store, keeping recent answers for `ttl` seconds.

    Telegram sends a query per keystroke and again for every page; the same text within seconds is
    answered from memory. An empty query lists the newest notices; input that is not a search we run
    (too long, FTS syntax that leaves no words) gets no results, never an error.
    """

    def __init__(
        self,
        store: Store,
        *,
        ttl: float = 30.0,
        max_entries: int = 256,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.ttl = ttl
        self.max_entries = max_entries
        self.clock = clock
        self._cache: OrderedDict[tuple[str, int, str], tuple[float, InlinePage]] = OrderedDict()

    async def query(self, text: str, offset: str, lang: str) -> InlinePage:
        """The page of results for what the user typed after @bot, starting at offset ('' = the first)."""
        # isdecimal, not isdigit: the offset comes from the client, and int() refuses '²', which isdigit takes.
        start = int(offset) if offset.isdecimal() and len(offset) <= 4 else 0
        if start > MAX_OFFSET:
            return InlinePage(_EMPTY)
        key = (" ".join(text.split()), start, lang)
        now = self.clock()
        cached = self._cache.get(key)
        if cached is not None and cached[0] > now:
            return cached[1]
        page = await self._fetch(key[0], start, lang)
        self._cache[key] = (now + self.ttl, page)
        self._cache.move_to_end(key)
        while len(self._cache) > self.max_entries:
            self._cache.popitem(last=False)
        return page

    async def _fetch(self, text: str, start: int, lang: str) -> InlinePage:
        if not text:
            if start:
                return InlinePage(_EMPTY)
            latest = await self.store.latest_notices(limit=PAGE_SIZE)
            return InlinePage(tuple(_item(n, lang) for n in latest))
        try:
            page = await search_notices(self.store, text, page=start // PAGE_SIZE, page_size=PAGE_SIZE)
        except SearchQueryError:
            return InlinePage(_EMPTY)
        items = []
        for hit in page.hits:
            notice = await self.store.get_notice(hit.id)
            if notice is not None:
                items.append(_item(notice, lang))
        more = page.has_next and start + PAGE_SIZE <= MAX_OFFSET
        return InlinePage(tuple(items), str(start + PAGE_SIZE) if more else "")
