"""Plain data of the core: the storage records re-exported, plus what sources yield before dedup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from domain.rules import MAX_KEYWORD_LENGTH, MAX_KEYWORDS
from storage.models import (
    Attachment,
    AttachmentStatus,
    ChatRecord,
    ChatType,
    Deadline,
    FailedDelivery,
    NewNotice,
    Notice,
    PendingPages,
    Source,
    SourceKind,
    SourceSpec,
    StoreOutcome,
    Subscription,
    Summary,
)

__all__ = [
    "MAX_KEYWORDS",
    "MAX_KEYWORD_LENGTH",
    "Attachment",
    "AttachmentLink",
    "AttachmentStatus",
    "ChatRecord",
    "ChatType",
    "Deadline",
    "FailedDelivery",
    "FetchedItem",
    "NewNotice",
    "Notice",
    "PendingPages",
    "ReadAttachment",
    "Source",
    "SourceKind",
    "SourceSpec",
    "StoreOutcome",
    "Subscription",
    "Summary",
]


@dataclass(frozen=True, slots=True)
class AttachmentLink:
    """A link to a file found on an article page or in a feed entry, before it is downloaded."""

    url: str
    name: str = ""  # the link text or file name
    kind: str = ""  # from the extension or the enclosure's type; "" = decided by the response


@dataclass(frozen=True, slots=True)
class ReadAttachment:
    """An attachment after download and extraction: its record and its text ('' unless read)."""

    attachment: Attachment
    text: str = ""
    retry: bool = False  # the download failed in a way that may pass (timeout, 5xx): read it again later


@dataclass(frozen=True, slots=True)
class FetchedItem:
    """One notice as a source yields it, before identity and dedup decide whether it is new."""

    url: str
    title: str
    text: str
    published: datetime | None = None  # timezone-aware UTC when known
    guid: str = ""  # feed guid/id; empty for page sources
    attachment_links: tuple[AttachmentLink, ...] = ()  # found on the page or in the feed entry
    attachments: tuple[ReadAttachment, ...] = ()  # read by bot.attachments (text kept apart from `text`)
