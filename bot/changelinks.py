"""Linking a change notice to the earlier stored notice it refers to."""

from __future__ import annotations

import logging
import re
import unicodedata

from bot.changes import BODY_LINES, ChangeLink, detect_change
from bot.identity import normalize_title
from storage.api import ChangeStore
from storage.models import Notice, TitledNotice

__all__ = ["find_earlier", "link_of"]

log = logging.getLogger(__name__)

_CANDIDATES = 20  # newest titles containing the fragment, per scope: a referred title is specific
_MIN_CONTAINED = 6  # normalised characters: a shorter title inside another ("通知") links nothing
_MIN_WORDS = 3  # words of a contained title without Chinese: "Annual report" is in too many titles
_MIN_ELSEWHERE = 10  # normalised characters of a title matched in another source (exactly: see find_earlier)
_PIECES = re.compile(r"[^\w ]+|_")
_WORD = re.compile(r"[^\W_]+")
_HAN = re.compile(r"[\u3400-\u9fff]")


def _fragments(referred: str, *, fold: bool = True) -> list[str]:
    """The longest run of words (split at punctuation) of the referred title: what a stored title that
    matches it holds verbatim, so storage can pick candidates without the core's normalisation. Then,
    when it names its issuer before 关于, the rest: "X局关于…的通知（更正）" changes "关于…的通知" too.
    fold False: as written (full-width digits, double spaces kept), for stored titles written the same way."""
    text = unicodedata.normalize("NFKC", referred) if fold else referred
    pieces = ((" ".join(p.split()) if fold else p.strip()) for p in _PIECES.split(text))
    longest = max(pieces, key=len, default="")
    about = longest.find("关于")
    return [longest, longest[about:]] if about > 0 else [longest]


def _as_written(referred: str, *writings: str) -> str | None:
    """The referred text as the notice writes it: bot.changes finds it in the title folded (NFKC, spaces
    collapsed), and storage compares stored titles as they are written."""
    for written in writings:
        folded: list[str] = []
        origin: list[int] = []  # the written character each folded one comes from
        for i, ch in enumerate(written):
            if ch.isspace():
                if folded and folded[-1] != " ":
                    folded.append(" ")
                    origin.append(i)
                continue
            for part in unicodedata.normalize("NFKC", ch):
                folded.append(part)
                origin.append(i)
        at = "".join(folded).find(referred)
        if at >= 0 and referred:
            return written[origin[at] : origin[at + len(referred) - 1] + 1]
    return None


def _specific(title: str) -> bool:
    """Whether a title contained in another says enough to name that one: 6 normalised characters of
    Chinese, or 3 words otherwise ("Road works on A1", not "Budget hearing")."""
    if len(normalize_title(title)) < _MIN_CONTAINED:
        return False
    return bool(_HAN.search(title)) or len(_WORD.findall(title)) >= _MIN_WORDS


def _matches(referred: str, title: str, *, exact_only: bool) -> int:
    """2: the same title (normalised); 1: one contains the other and the shorter is specific; 0: no."""
    want, have = normalize_title(referred), normalize_title(title)
    if want == have:
        return 2
    if exact_only:
        return 0
    if want in have:
        return int(_specific(referred))
    return int(have in want and _specific(title))


def _best(referred: str, candidates: list[TitledNotice], *, exact_only: bool = False) -> TitledNotice | None:
    """The exact title first, then a notice that is not itself a change (the original, not an earlier
    correction of it), then the newest."""
    scored = []
    for c in candidates:
        score = _matches(referred, c.title, exact_only=exact_only)
        if score:
            scored.append(((score, detect_change(c.title) is None, c.id), c))
    return max(scored, key=lambda s: s[0])[1] if scored else None


async def find_earlier(
    store: ChangeStore, *, notice_id: int | None, source_id: int, title: str, text: str = ""
) -> ChangeLink | None:
    """The earlier stored notice this one changes (same source first, then any), or None.

    notice_id: this notice's id, only older ones count (None: not stored yet, the poller asks before it
    stores it, so that the change and its followers' rows go in one transaction). A notice with this one's
    own title is a copy of it (a re-post from another source), never the notice it changes.
    """
    change = detect_change(title, text)
    if change is None:
        return None
    referred = change.referred
    want = len(normalize_title(referred))
    if want < 2:
        return None
    fragments = _fragments(referred)
    written = _as_written(referred, title, text[:BODY_LINES])
    if written is not None:
        fragments += [f for f in _fragments(written, fold=False) if f not in fragments]
    fragments = [f for f in fragments if len(f) >= 2]
    itself = normalize_title(title)
    # Another source's notice only by its whole title, and a long one: "全市职工运动会" or "Annual Leave
    # Policy" is another city's or another employer's too.
    elsewhere = want >= _MIN_ELSEWHERE
    for scope in (source_id, None) if elsewhere else (source_id,):
        for fragment in fragments:
            found = await store.titled_notices(fragment, before=notice_id, source_id=scope, limit=_CANDIDATES)
            others = [c for c in found if normalize_title(c.title) != itself]
            best = _best(referred, others, exact_only=scope is None)
            if best is not None:
                return ChangeLink(change.kind, best.id, best.title)
    return None


async def link_of(store: ChangeStore, notice: Notice) -> ChangeLink | None:
    """find_earlier for a stored notice, as the sender and /notice render it. A failed lookup (storage
    unreachable, a bad stored row, a bug on a hostile title) costs only the change line: logged, and None,
    so the push (a digest: the whole chat's batch) does not fail on every retry."""
    try:
        return await find_earlier(
            store, notice_id=notice.id, source_id=notice.source_id, title=notice.title, text=notice.text
        )
    except Exception as exc:
        log.warning("finding the notice #%s changes failed: %s", notice.id, type(exc).__name__)
        return None
