"""Linking a change notice to the earlier notice it refers to, and queueing it for that notice's recipients."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from bot.changes import ChangeLink, detect_change
from bot.identity import normalize_title
from storage.api import ChangeStore
from storage.models import TitledNotice

__all__ = ["find_earlier", "link_change"]

_CANDIDATES = 20  # newest titles containing the fragment, per scope: a referred title is specific
_MIN_CONTAINED = 6  # normalised characters: a shorter title inside another ("通知") links nothing
_PIECES = re.compile(r"[^\w ]+|_")


def _fragments(referred: str) -> list[str]:
    """The longest run of words (split at punctuation) of the referred title: what a stored title that
    matches it holds verbatim, so storage can pick candidates without the core's normalisation. Then,
    when it names its issuer before 关于, the rest: "X局关于…的通知（更正）" changes "关于…的通知" too."""
    pieces = (" ".join(p.split()) for p in _PIECES.split(unicodedata.normalize("NFKC", referred)))
    longest = max(pieces, key=len, default="")
    about = longest.find("关于")
    return [longest, longest[about:]] if about > 0 else [longest]


def _matches(referred: str, title: str) -> int:
    """2: the same title; 1: one contains the other (the shorter long enough to mean something); 0: no."""
    if title == referred:
        return 2
    shorter = min(len(title), len(referred))
    return int(shorter >= _MIN_CONTAINED and (referred in title or title in referred))


def _best(referred: str, candidates: list[TitledNotice]) -> TitledNotice | None:
    """The exact title first, then a notice that is not itself a change (the original, not an earlier
    correction of it), then the newest."""
    scored = []
    for c in candidates:
        score = _matches(referred, normalize_title(c.title))
        if score:
            scored.append(((score, detect_change(c.title) is None, c.id), c))
    return max(scored, key=lambda s: s[0])[1] if scored else None


async def find_earlier(
    store: ChangeStore,
    *,
    notice_id: int,
    source_id: int,
    title: str,
    text: str = "",
    root_id: int | None = None,
) -> ChangeLink | None:
    """The earlier stored notice this one changes (same source first, then any), or None.

    root_id: the notice this one re-posts (another source's copy), never its own earlier notice.
    """
    change = detect_change(title, text)
    if change is None:
        return None
    referred = normalize_title(change.referred)
    fragments = [f for f in _fragments(change.referred) if len(f) >= 2]
    if len(referred) < 2:
        return None
    for scope in (source_id, None):
        for fragment in fragments:
            found = await store.titled_notices(fragment, before=notice_id, source_id=scope, limit=_CANDIDATES)
            best = _best(
                referred, [c for c in found if root_id is None or root_id not in (c.id, c.duplicate_of)]
            )
            if best is not None:
                return ChangeLink(change.kind, best.id, best.title)
    return None


async def link_change(
    store: ChangeStore, *, notice_id: int, root_id: int, source_id: int, title: str, text: str, now: datetime
) -> ChangeLink | None:
    """For a newly stored notice: its link, if it changes an earlier one, with the change queued for every
    chat that got the earlier notice, whatever its keyword filter says (it acted on that notice)."""
    link = await find_earlier(
        store, notice_id=notice_id, source_id=source_id, title=title, text=text, root_id=root_id
    )
    if link is not None:
        await store.enqueue_followers(root_id, earlier_id=link.notice_id, source_id=source_id, now=now)
    return link
