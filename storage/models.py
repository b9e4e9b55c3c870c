"""Records that cross the storage interface: what the core hands in and what storage hands back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

__all__ = [
    "DEFAULT_TIMEZONE",
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "LEARNT_FROM_URL",
    "Attachment",
    "AttachmentStatus",
    "ChatRecord",
    "ChatType",
    "Deadline",
    "DeliveryMode",
    "DeliveryResult",
    "DeliveryState",
    "DigestChat",
    "DueCatchup",
    "DueDelivery",
    "DueReminder",
    "FailedDelivery",
    "InstanceInfo",
    "MissedNotice",
    "NewNotice",
    "NewReminder",
    "Notice",
    "PendingPages",
    "Reminder",
    "SearchHit",
    "SearchPage",
    "SearchQuery",
    "Source",
    "SourceKind",
    "SourceSpec",
    "StoreOutcome",
    "Subscription",
    "Summary",
    "TitledNotice",
]

SourceKind = Literal["feed", "page", "json", "auto"]

# What a source's polls learnt from its URL (the kind detected, a discovered feed or where a permanent redirect
# led, validators and the URL they came from), cleared in both backends when the URL, kind or selector changes.
LEARNT_FROM_URL = "detected_kind=NULL, feed_url=NULL, etag=NULL, last_modified=NULL, validated_url=NULL"


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """What a user says about a source (config file, /addsource, OPML); a stored Source adds its health."""

    name: str
    url: str
    kind: SourceKind = "auto"
    interval: float | None = None  # seconds; None = the [poll] default
    item_selector: str = ""  # page: CSS selector for notice links; json: its fields (jsonfields); "" = auto
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
    # The URL etag/last_modified came from, after redirects; None: the URL polled.
    validated_url: str | None = None
    first_polled: datetime | None = None
    last_polled: datetime | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    failures: int = 0
    next_due: datetime | None = None
    last_item_count: int | None = None
    layout_changed: bool = False
    # The fencing token of the lease this instance claimed it with (PostgreSQL; 0 without leases): its poll's
    # writes are made only under this very claim (storage.api.PollStore).
    lease: int = 0

    @property
    def name(self) -> str:
        """The source's short name."""
        return self.spec.name


@dataclass(frozen=True, slots=True)
class PendingPages:
    """A listing catch-up a poll left unfinished (bot.poller says when), kept with its source: a restarted
    poller, or another instance taking the source's lease, reads on where the last poll stopped."""

    pages: int = 0  # listing pages the next poll reads whatever they hold, page 1 included; 0: none pending
    failed_polls: int = 0  # polls in a row a failure (a later page, an article) left it pending after


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
    headline: str = ""  # the notice's core in at most ~150 characters: who must do what, by when
    ranking: tuple[int, ...] = ()  # indices of the directives, most important first (what a push shows)


# read: its text is part of the notice; not_read: no converter here for its format; scanned: an image-only
# PDF and no OCR; too_large: over the attachment size cap; failed: download error, corrupt, timed out, not a file.
AttachmentStatus = Literal["read", "not_read", "scanned", "too_large", "failed"]


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file a notice links to (a PDF, Word or spreadsheet attachment) and whether its text was read."""

    name: str
    url: str
    kind: str  # pdf, docx, doc, wps, xls, xlsx, odt, txt, or "" when unknown
    status: AttachmentStatus
    chars: int = 0  # characters of its text included in the notice's text


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
    # The earlier notice this one corrects, postpones… (bot.changelinks): with deliver, its recipients get
    # this one too, queued in the transaction that stores it (a crash cannot store one without the other).
    follows: int | None = None
    summary: Summary | None = None
    attachments: tuple[Attachment, ...] = ()
    # The same notice read again (its files, after a download failed), not an edit: stored with what the
    # read added, but as no new revision, no update time and no "updated" push.
    reread: bool = False


@dataclass(frozen=True, slots=True)
class StoreOutcome:
    """What storing one NewNotice did (refreshed: a reread stored again, which is not an update)."""

    notice_id: int
    status: Literal["new", "updated", "refreshed", "unchanged"]
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
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True, slots=True)
class TitledNotice:
    """A stored notice's id, source and title: a candidate for the notice a change notice refers to."""

    id: int
    source_id: int
    title: str


# --- delivery: chats, subscriptions, the outbox ---------------------------------------------------

ChatType = Literal["private", "group", "supergroup", "channel"]
DeliveryMode = Literal["instant", "digest"]
DeliveryState = Literal["pending", "sending", "sent", "failed", "skipped"]


DEFAULT_TIMEZONE = "Asia/Shanghai"  # a chat's zone until it sets one (the chats table's default)


@dataclass(frozen=True, slots=True)
class ChatRecord:
    """A chat that talked to the bot: where to send, in which language and time zone, and whether we may."""

    id: int
    type: ChatType
    title: str = ""
    language: str | None = None  # zh | en; None = decide from the user's Telegram language
    timezone: str = DEFAULT_TIMEZONE
    active: bool = True
    created: datetime | None = None
    deactivated_reason: str | None = None
    last_digest: datetime | None = None
    quiet: str | None = None  # quiet hours 'HH:MM-HH:MM' in the chat's zone; None = none


@dataclass(frozen=True, slots=True)
class Subscription:
    """One chat's interest in one source (source_id None = every source), with its filters and mode."""

    id: int
    chat_id: int
    source_id: int | None
    source_name: str | None  # None for "all sources"
    include: tuple[str, ...] = ()  # lower-case substrings; any must occur (if any are set)
    exclude: tuple[str, ...] = ()  # lower-case substrings; none may occur
    mode: DeliveryMode = "instant"
    digest_at: str | None = None  # HH:MM in the chat's time zone
    created: datetime | None = None


@dataclass(frozen=True, slots=True)
class DueDelivery:
    """A claimed outbox row with what the sender needs to render and pace it."""

    id: int
    notice_id: int
    chat_id: int
    chat_type: ChatType
    language: str | None
    timezone: str
    revision: int = 0
    mode: DeliveryMode = "instant"
    attempts: int = 0
    quiet: str | None = None  # the chat's quiet hours, so the sender can hold the push


@dataclass(frozen=True, slots=True)
class DeliveryResult:
    """What became of one claimed delivery; a batch of these is recorded in one transaction."""

    delivery_id: int
    # held: a push that fell in the chat's quiet hours, kept (mode 'held') until next_attempt
    state: Literal["sent", "pending", "failed", "skipped", "held"]
    message_id: int | None = None
    error: str | None = None
    next_attempt: datetime | None = None  # for pending: when to try again (None = now)
    counts_as_attempt: bool = True  # False when handed back untried (pacing, shutdown)


@dataclass(frozen=True, slots=True)
class FailedDelivery:
    """A delivery that gave up, for admins to see."""

    id: int
    notice_id: int
    chat_id: int
    attempts: int
    last_error: str | None


@dataclass(frozen=True, slots=True)
class DigestChat:
    """A chat with digest subscriptions: its zone, its HH:MM times and when its last digest went out."""

    chat_id: int
    chat_type: ChatType
    language: str | None
    timezone: str
    times: tuple[str, ...]
    since: datetime  # the last digest, or the first digest subscription's creation


@dataclass(frozen=True, slots=True)
class DueCatchup:
    """A chat that came back and is owed a catch-up for (since, until], the period the bot could not write."""

    chat_id: int
    chat_type: ChatType
    language: str | None
    timezone: str
    since: datetime
    until: datetime


@dataclass(frozen=True, slots=True)
class MissedNotice:
    """A notice a returning chat may have missed: one skipped when it went away (skipped=True), or one
    first seen while it was away from a source it subscribes to (the core applies its keyword filters)."""

    notice_id: int  # the root notice (a duplicate's original), what a push would have shown
    source_id: int  # the source it was seen at (the one a subscription matches)
    title: str
    text: str
    first_seen: datetime
    skipped: bool


# --- reminders (deadlines) ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NewReminder:
    """A reminder the core planned: which deadline, its sentence, and when to send it."""

    deadline: str  # ISO date
    sentence: str
    due: datetime


@dataclass(frozen=True, slots=True)
class Reminder:
    """A pending reminder of a chat, with its notice's title (for /reminders)."""

    id: int
    chat_id: int
    notice_id: int
    title: str
    deadline: str
    sentence: str
    due: datetime


@dataclass(frozen=True, slots=True)
class DueReminder:
    """A claimed reminder with what sending it needs: the chat's language, zone and quiet hours."""

    id: int
    chat_id: int
    chat_type: ChatType
    language: str | None
    timezone: str
    quiet: str | None
    notice_id: int
    title: str
    deadline: str
    sentence: str
    due: datetime
    attempts: int = 0


# A search snippet marks each matched span as HIGHLIGHT_START + text + HIGHLIGHT_END. Control characters that
# never occur in stored text, so the renderer can HTML-escape everything and then turn them into <b>...</b>.
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """A parsed keyword search: every term must occur (AND), case-insensitively, as written.

    Terms carry no query syntax: a phrase is a term with spaces in it. The backend decides how to index them
    (SQLite: a single Latin word matches from the start of a word, any other term as a substring).
    """

    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One notice found by a search, with its snippet (matches marked with HIGHLIGHT_START/END)."""

    id: int
    source: str
    title: str
    url: str
    published: datetime | None  # publication date, else when first seen
    snippet: str
    score: float  # higher is better; only comparable within one search


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of search results and how many notices matched in all (counted up to a cap: see `more`)."""

    hits: tuple[SearchHit, ...]
    total: int
    offset: int
    limit: int
    # True when more than `total` notices match: counting stops at storage.textindex.COUNT_CAP (or at the
    # end of the page asked for, if further), so a term in half the notices costs no more than a rare one.
    more: bool = False

    @property
    def has_next(self) -> bool:
        """Whether a later page exists."""
        return self.more or self.offset + len(self.hits) < self.total

    @property
    def has_previous(self) -> bool:
        """Whether an earlier page exists."""
        return self.offset > 0


@dataclass(frozen=True, slots=True)
class InstanceInfo:
    """A noticebot process sharing the store: its heartbeat and the roles it holds (sender, updates)."""

    id: str
    host: str
    pid: int
    started: datetime
    heartbeat: datetime
    roles: tuple[str, ...]
    polling: tuple[str, ...] = ()  # the sources it holds a poll lease on now
