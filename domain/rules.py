"""Subscription and notice rules: keyword limits, normalisation and matching, digest HH:MM, re-post window."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import timedelta

__all__ = [
    "DUPLICATE_WINDOW",
    "MAX_KEYWORDS",
    "MAX_KEYWORD_LENGTH",
    "InvalidSubscriptionError",
    "check_mode",
    "matches_keywords",
    "normalize_keywords",
]

# A notice seen in another source within this window, with the same normalised title and date, is the same
# notice (a re-post); older matches are a new notice that happens to share a title (yearly holiday notices).
DUPLICATE_WINDOW = timedelta(days=30)

MAX_KEYWORDS = 20
MAX_KEYWORD_LENGTH = 50
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class InvalidSubscriptionError(ValueError):
    """A subscription setting is out of range; the message says which and what is allowed."""


def normalize_keywords(words: Iterable[str]) -> tuple[str, ...]:
    """Lower-case, trimmed, de-duplicated plain substrings (never patterns: no regex from users)."""
    out: list[str] = []
    for word in words:
        w = word.strip().lower()
        if w and w not in out:
            if len(w) > MAX_KEYWORD_LENGTH:
                raise InvalidSubscriptionError(f"keyword too long (at most {MAX_KEYWORD_LENGTH}): {w[:20]}…")
            out.append(w)
    if len(out) > MAX_KEYWORDS:
        raise InvalidSubscriptionError(f"at most {MAX_KEYWORDS} keywords per list, got {len(out)}")
    return tuple(out)


def check_mode(mode: str, digest_at: str | None) -> None:
    """instant, or digest with a time as HH:MM; InvalidSubscriptionError otherwise."""
    if mode not in ("instant", "digest"):
        raise InvalidSubscriptionError(f"mode must be instant or digest, got {mode!r}")
    if mode == "digest" and (digest_at is None or not _HHMM.match(digest_at)):
        raise InvalidSubscriptionError(f"a digest needs a time as HH:MM (00:00-23:59), got {digest_at!r}")


def matches_keywords(title: str, text: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    """Plain substring filters over title and text: any include keyword must occur (if there are any),
    no exclude keyword may. Keywords are normalised (lower-case) already."""
    haystack = f"{title}\n{text}".lower()
    if include and not any(k in haystack for k in include):
        return False
    return not any(k in haystack for k in exclude)
