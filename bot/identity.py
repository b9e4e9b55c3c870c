"""Notice identity and fingerprints: the per-source key, the cross-source key and the content hash. Pure."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime

from bot.sources.urls import canonical_url

__all__ = ["content_hash", "dup_key", "identity_key", "normalize_title", "telling_title"]

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalize_title(title: str) -> str:
    """Fold width and case and drop punctuation and spaces, so re-posts of one notice compare equal."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", title)).lower()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


_MIN_DUP_TITLE = 8  # normalised characters: "通知" or "Notice" on the same day is not one notice


def telling_title(title: str) -> bool:
    """Whether a title is long enough to tell one notice from another (sites reuse "通知公告", "Notice")."""
    return len(normalize_title(title)) >= _MIN_DUP_TITLE


def _title_date(title: str, published: datetime | None) -> str:
    return _digest(normalize_title(title) + "|" + (published.date().isoformat() if published else ""))


def identity_key(*, guid: str, url: str, title: str, published: datetime | None) -> str:
    """The notice's identity within its source: feed guid, else canonical link, else title + date."""
    if guid.strip():
        return "g:" + guid.strip()[:500]
    link = canonical_url(url)
    if link:
        return "u:" + link[:1000]
    return "h:" + _title_date(title, published)


def dup_key(title: str, published: datetime | None, identity: str) -> str:
    """The key that links one notice reported by two sources: normalised title and publication date.

    Without a date, or with a title too short to tell notices apart, the notice is linked to nothing:
    the key is its own identity.
    """
    if published is None or not telling_title(title):
        return "i:" + _digest(identity)
    return _title_date(title, published)


def content_hash(title: str, text: str) -> str:
    """A fingerprint of the body, blind to whitespace and width changes, so only real edits count."""
    folded = unicodedata.normalize("NFKC", f"{title}\n{text}")
    return _digest(" ".join(folded.split()))
