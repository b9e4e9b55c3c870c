"""Plain data of the core: the storage records re-exported, plus what sources yield before dedup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.models import (
    ChatType,
    Deadline,
    FailedDelivery,
    NewNotice,
    Notice,
    Source,
    SourceKind,
    SourceSpec,
    StoreOutcome,
    Subscription,
    Summary,
)
from storage.subscriptions import MAX_KEYWORD_LENGTH, MAX_KEYWORDS

__all__ = [
    "MAX_KEYWORDS",
    "MAX_KEYWORD_LENGTH",
    "ChatType",
    "Deadline",
    "FailedDelivery",
    "FetchedItem",
    "NewNotice",
    "Notice",
    "Source",
    "SourceKind",
    "SourceSpec",
    "StoreOutcome",
    "Subscription",
    "Summary",
]


@dataclass(frozen=True, slots=True)
class FetchedItem:
    """One notice as a source yields it, before identity and dedup decide whether it is new."""

    url: str
    title: str
    text: str
    published: datetime | None = None  # timezone-aware UTC when known
    guid: str = ""  # feed guid/id; empty for page sources
