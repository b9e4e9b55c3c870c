"""Plain data shared across the core: source specs, fetched items, stored notices and summaries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

__all__ = [
    "Deadline",
    "FetchedItem",
    "Notice",
    "SourceKind",
    "SourceSpec",
    "Summary",
]

SourceKind = Literal["feed", "page", "auto"]


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """What a user says about a source (config file, /addsource, OPML): the stored Source adds health."""

    name: str
    url: str
    kind: SourceKind = "auto"
    interval: float | None = None  # seconds; None = the [poll] default
    item_selector: str = ""  # page sources: CSS selector for notice links; "" = auto-detect
    backfill: int = 0  # on the first poll, deliver this many current items instead of marking all seen
    fetch_article: bool = True  # feed entries with teaser-only content get their linked page extracted
    notify_updates: bool = False  # send a short "updated" message when a notice's body changes


@dataclass(frozen=True, slots=True)
class FetchedItem:
    """One notice as a source yields it, before identity and dedup decide whether it is new."""

    url: str
    title: str
    text: str
    published: datetime | None = None  # timezone-aware UTC when known
    guid: str = ""  # feed guid/id; empty for page sources


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
    extra: dict[str, str] = field(default_factory=dict)


def iso_date(d: date | datetime | None) -> str | None:
    """Format a date as YYYY-MM-DD (None passes through)."""
    return None if d is None else d.strftime("%Y-%m-%d")
