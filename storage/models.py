"""Records that cross the storage interface: what the core hands in and what storage hands back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

__all__ = [
    "Deadline",
    "NewNotice",
    "Notice",
    "Source",
    "SourceKind",
    "SourceSpec",
    "StoreOutcome",
    "Summary",
]

SourceKind = Literal["feed", "page", "auto"]


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """What a user says about a source (config file, /addsource, OPML); a stored Source adds its health."""

    name: str
    url: str
    kind: SourceKind = "auto"
    interval: float | None = None  # seconds; None = the [poll] default
    item_selector: str = ""  # page sources: CSS selector for notice links; "" = auto-detect
    backfill: int = 0  # on the first poll, deliver this many current items instead of marking all seen
    fetch_article: bool = True  # feed entries with teaser-only content get their linked page extracted
    notify_updates: bool = False  # send a short "updated" message when a notice's body changes


@dataclass(frozen=True, slots=True)
class Source:
    """A stored source with its polling health."""

    id: int
    spec: SourceSpec
    active: bool
    from_config: bool
    created: datetime
    detected_kind: str | None = None
    feed_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    first_polled: datetime | None = None
    last_polled: datetime | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    failures: int = 0
    next_due: datetime | None = None
    last_item_count: int | None = None
    layout_changed: bool = False

    @property
    def name(self) -> str:
        """The source's short name."""
        return self.spec.name


@dataclass(frozen=True, slots=True)
class Deadline:
    """A dated obligation found in a notice: the ISO date and the sentence it came from."""

    date: str
    sentence: str


@dataclass(frozen=True, slots=True)
class Summary:
    """The structured summary of one notice (see bot.summarize)."""

    title: str
    issuer: str | None = None
    doc_number: str | None = None
    published: str | None = None  # ISO date
    deadlines: tuple[Deadline, ...] = ()
    directives: tuple[str, ...] = ()
    summary: str = ""


@dataclass(frozen=True, slots=True)
class NewNotice:
    """A notice the poller hands to storage: identity decided, content hashed, summary made."""

    key: str
    url: str
    title: str
    text: str
    published: datetime | None
    content_hash: str
    dup_key: str
    summary: Summary | None = None


@dataclass(frozen=True, slots=True)
class StoreOutcome:
    """What storing one NewNotice did."""

    notice_id: int
    status: Literal["new", "updated", "unchanged"]
    duplicate_of: int | None = None
    deliveries: int = 0


@dataclass(frozen=True, slots=True)
class Notice:
    """A stored notice."""

    id: int
    source_id: int
    source_name: str
    key: str
    url: str
    title: str
    text: str
    published: datetime | None
    first_seen: datetime
    content_hash: str
    summary: Summary | None = None
    duplicate_of: int | None = None
    updated_at: datetime | None = None
    revision: int = 0
    extra: dict[str, str] = field(default_factory=dict)
