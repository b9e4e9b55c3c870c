"""Pure rendering of notices, updates and digests into Telegram HTML that always fits one message.

Every dynamic value passes through html.escape; only the tags written here (b, u, a) reach Telegram.
Lengths are measured as Telegram does, after entity parsing (the visible text), in UTF-16 code units,
which is never less than the character count Telegram limits (4096, MessageLimit.MAX_TEXT_LENGTH).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from datetime import date as date_cls
from datetime import tzinfo
from typing import NamedTuple

from bot.changes import ChangeLink
from bot.i18n import t
from storage.models import Notice, Summary

__all__ = [
    "MAX_TEXT_LENGTH",
    "DigestPart",
    "attachments_block",
    "clip",
    "digest_item",
    "fit_message",
    "list_entry",
    "render_digest",
    "render_digest_parts",
    "render_notice",
    "render_push",
    "render_update",
    "to_plain",
    "visible_length",
]

MAX_TEXT_LENGTH = 4096
ELLIPSIS = "…"
_TITLE_MAX = 300
_ITEM_MAX = 300
_CHANGED_TITLE_MAX = 80  # the earlier notice's title in a change notice's first line
_DIGEST_CHANGED_MAX = 40  # the same in a digest, where each notice has three lines
# A digest item's title and line (the returning chat's catch-up lists notices the same way: digest_item).
_DIGEST_TITLE_MAX = 150
_DIGEST_LINE_MAX = 120
_LIST_TITLE_MAX = 120  # list lines stay one or two lines on a phone, and 20 of them fit one message
_MAX_DIRECTIVES = 12  # a push lists every directive of an ordinary notice; the summariser bounds them
_MAX_DEADLINES = 5
_MAX_ATTACHMENTS = 5
_ATTACHMENT_NAME_MAX = 80
_SUMMARY_MIN = 40  # below this a trimmed summary says nothing; drop it instead
# The push: a phone shows the notification preview and the first lines, so the gist goes first and the
# list stays short; /notice <id> shows every directive.
_PUSH_POINTS = 5
_PUSH_POINT_MAX = 60
_HEADLINE_MAX = 300  # the summariser keeps headlines to ~150; this bounds a stored or hostile one
_SAID_PREFIX = 8
_PUNCT = re.compile(r"[\s\W_]+")
_CLAUSE = re.compile(r"[,，;；:：。.!?！？]")
_TAG = re.compile(r"<[^>]*>")
_ANCHOR = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.S)


def _e(value: str) -> str:
    return html.escape(value, quote=True)


def visible_length(text_html: str) -> int:
    """The length Telegram checks: the text after entity parsing, in UTF-16 code units."""
    return len(html.unescape(_TAG.sub("", text_html)).encode("utf-16-le")) // 2


def to_plain(text_html: str, limit: int = MAX_TEXT_LENGTH) -> str:
    """The same message as plain text (for a resend without parse_mode); links become "text: URL"."""
    with_urls = _ANCHOR.sub(lambda m: f"{m.group(2)}: {m.group(1)}", text_html)
    plain = html.unescape(_TAG.sub("", with_urls))
    if len(plain.encode("utf-16-le")) // 2 <= limit:
        return plain
    # Keep the last line (the link) and cut the middle.
    head, _, last = plain.rpartition("\n")
    room = limit - len(last) - 2
    return clip(head, max(room, 0)) + "\n" + last


def clip(text: str, limit: int) -> str:
    """text cut to at most limit characters, ending with "…" when cut (whitespace trimmed)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    if limit <= 1:
        return ELLIPSIS[:limit]
    return text[: limit - 1].rstrip() + ELLIPSIS


def _link(url: str, label: str) -> str:
    # Only web links become anchors: a javascript: or tg: URL from a hostile page stays inert text.
    if url.startswith(("http://", "https://")):
        return f'<a href="{_e(url)}">{_e(label)}</a>'
    return _e(f"{label}: {url}") if url else _e(label)


def list_entry(notice_id: int, title: str, url: str, meta: str) -> str:
    """One line of a list of notices (/latest, search hits): id, linked title (clipped), meta in italics."""
    return f"<b>{notice_id}.</b> {_link(url, clip(title, _LIST_TITLE_MAX))} <i>{_e(meta)}</i>"


def fit_message(blocks: Sequence[str], limit: int = MAX_TEXT_LENGTH, separator: str = "\n") -> str:
    """Join blocks, dropping trailing ones that would take the message past Telegram's limit."""
    kept: list[str] = []
    for block in blocks:
        if visible_length(separator.join([*kept, block])) > limit:
            break
        kept.append(block)
    return separator.join(kept)


def _date_of(notice: Notice, tz: tzinfo | None) -> str | None:
    if notice.summary is not None and notice.summary.published:
        return notice.summary.published
    if notice.published is not None:
        return (notice.published.astimezone(tz) if tz else notice.published).date().isoformat()
    return None


def _title_of(notice: Notice) -> str:
    """The summary's title (a cleaned one), else the notice's, else its address; clipped."""
    s = notice.summary
    return clip((s.title if s is not None and s.title else notice.title) or notice.url, _TITLE_MAX)


def _title_block(title: str, meta: str) -> str:
    return f"<b>{_e(title)}</b>" + (f"\n{meta}" if meta else "")


def _due_mark(date: str) -> str:
    # The date is the thing to act on: bold and underlined so it stands out in a busy chat.
    return f"⏰ <b><u>{_e(date)}</u></b>"


def _source_line(notice: Notice, lang: str) -> str:
    return f"{t('notice.source', lang)}：{_link(notice.url, notice.source_name)}"


def _meta_line(notice: Notice, lang: str, tz: tzinfo | None) -> str:
    s = notice.summary
    parts: list[str] = []
    if s is not None and s.issuer:
        parts.append(f"{t('notice.issuer', lang)}：{_e(clip(s.issuer, 100))}")
    if s is not None and s.doc_number:
        parts.append(f"{t('notice.doc_number', lang)}：{_e(clip(s.doc_number, 60))}")
    date = _date_of(notice, tz)
    if date:
        parts.append(f"{t('notice.date', lang)}：{_e(date)}")
    return " · ".join(parts)


def _assemble(
    title: str,
    meta: str,
    summary: str,
    directives: Sequence[str],
    deadlines: Sequence[tuple[str, str]],
    footer: str,
    lang: str,
) -> str:
    blocks = [_title_block(title, meta)]
    if summary:
        blocks.append(_e(summary))
    if directives:
        items = "\n".join(f"• {_e(d)}" for d in directives)
        blocks.append(f"<b>{t('notice.directives', lang)}</b>\n{items}")
    if deadlines:
        items = "\n".join(f"{_due_mark(date)} {_e(sentence)}" for date, sentence in deadlines)
        blocks.append(f"<b>{t('notice.deadlines', lang)}</b>\n{items}")
    blocks.append(footer)
    return "\n\n".join(blocks)


def render_notice(
    notice: Notice,
    lang: str | None = None,
    *,
    tz: tzinfo | None = None,
    limit: int = MAX_TEXT_LENGTH,
    change: ChangeLink | None = None,
) -> str:
    """One notice as a Telegram HTML message of at most `limit` visible characters, its link kept
    (a change notice's first line, as in the push, when `change` names the notice it changes).

    The directives are shown as a list; a notice without any shows its summary (or its text's start).
    Too long? The summary is cut first (ending in "…"), then trailing directives and deadlines go.
    """
    lang = lang or "zh"
    s = notice.summary
    title = _title_of(notice)
    meta = _meta_line(notice, lang, tz)
    directives = [clip(d, _ITEM_MAX) for d in (s.directives if s else ())][:_MAX_DIRECTIVES]
    # The summary is the directives joined: with a list to show, printing both would say everything twice.
    summary = "" if directives else (s.summary if s is not None else "") or clip(notice.text, 500)
    deadlines = [(d.date, clip(d.sentence, _ITEM_MAX)) for d in (s.deadlines if s else ())][:_MAX_DEADLINES]
    footer = _source_line(notice, lang)
    files = attachments_block(notice, lang)
    footer = f"{files}\n\n{footer}" if files else footer
    changed = _change_block(change, lang)
    while True:
        text = _assemble(title, meta, summary, directives, deadlines, footer, lang)
        text = f"{changed}\n\n{text}" if changed else text
        excess = visible_length(text) - limit
        if excess <= 0:
            return text
        if summary:
            keep = len(summary) - excess - 1
            summary = clip(summary, keep) if keep >= _SUMMARY_MIN else ""
        elif directives:
            directives.pop()
        elif deadlines:
            deadlines.pop()
        else:  # only a tiny limit gets here: title and footer alone are too long
            title = clip(title, max(1, len(title) - excess))
            if len(title) <= 1:
                return clip(to_plain(text), limit)


def _push_meta_line(notice: Notice, tz: tzinfo | None) -> str:
    """issuer · document number · date, without labels: the push's second line."""
    s = notice.summary
    parts = [s.issuer and clip(s.issuer, 60), s.doc_number and clip(s.doc_number, 40)] if s else []
    parts.append(_date_of(notice, tz))
    return " · ".join(_e(p) for p in parts if p)


def _headline_block(headline: str) -> str:
    return _e(headline)


def _deadline_of(point: str, deadlines: Sequence[tuple[str, str]]) -> str | None:
    """The date of the deadline stated in this directive, if any (deadlines carry their sentence)."""
    core = point.rstrip("…。.")
    for date, sentence in deadlines:
        sentence = sentence.strip("…")
        if core[:12] and (core[:12] in sentence or sentence[:12] in core):
            return date
    return None


def _points_block(points: Sequence[str], deadlines: Sequence[tuple[str, str]]) -> str:
    """The shown directives, each trimmed; one that states a deadline is marked with its date."""
    lines = []
    for point in points:
        date = _deadline_of(point, deadlines)
        mark = f"{_due_mark(date)} " if date else "• "
        lines.append(mark + _e(_trim(point)))
    return "\n".join(lines)


def _mentions(text: str, iso: str) -> bool:
    """Whether text states this date (2025-08-25, 8月25日, August 25 / 25 August)."""
    try:
        day = date_cls.fromisoformat(iso)
    except ValueError:
        return False
    forms = (iso, f"{day.month}月{day.day}日", f"{day:%B} {day.day}", f"{day.day} {day:%B}")
    return any(form in text for form in forms)


def _due_block(deadlines: Sequence[tuple[str, str]], shown: Sequence[str], headline: str, lang: str) -> str:
    """The nearest deadline, marked, when no shown directive marks one: just the date when the headline
    already says it, else the date and its sentence."""
    if not deadlines or any(_deadline_of(p, deadlines) for p in shown):
        return ""
    date, sentence = min(deadlines, key=lambda d: d[0])
    if _mentions(headline, date):
        return f"⏰ {_e(t('push.due', lang))} <b><u>{_e(date)}</u></b>"
    return f"{_due_mark(date)} {_e(clip(sentence, _PUSH_POINT_MAX))}"


def _more_block(notice: Notice, total: int, lang: str) -> str:
    """`/notice <id>` for every directive, then the link to the original."""
    link = _source_line(notice, lang)
    if total == 0:
        return link
    return f"{_e(t('push.more', lang, count=total, id=notice.id))} · {link}"


def _said(point: str, headline: str) -> bool:
    """Whether the headline already says this directive: the opening words of its main clause (one that
    is at least half of it) appear in the headline."""
    said = _PUNCT.sub("", headline)
    whole = len(_PUNCT.sub("", point))
    for clause in _CLAUSE.split(point):
        core = _PUNCT.sub("", clause)
        if len(core) >= _SAID_PREFIX and 2 * len(core) >= whole and core[:_SAID_PREFIX] in said:
            return True
    return False


def _shown_points(s: Summary | None, headline: str) -> list[str]:
    """The directives a push shows: the most important ones the headline does not already say, in order."""
    if s is None or not s.directives:
        return []
    order = [i for i in s.ranking if 0 <= i < len(s.directives)] or list(range(len(s.directives)))
    picked = [i for i in order if not _said(s.directives[i], headline)][:_PUSH_POINTS]
    return [s.directives[i] for i in sorted(picked)]


def _trim(point: str) -> str:
    """A directive cut to about _PUSH_POINT_MAX characters, at a clause mark when there is one."""
    if len(point) <= _PUSH_POINT_MAX:
        return point
    head = point[: _PUSH_POINT_MAX - 1]
    cut = max(head.rfind(mark) for mark in ",，;；:：、")
    return (head[:cut] if cut >= _PUSH_POINT_MAX // 2 else head).rstrip() + ELLIPSIS


def _change_block(change: ChangeLink | None, lang: str, title_max: int = _CHANGED_TITLE_MAX) -> str:
    """A change notice's first line: what it does to which earlier notice, and that notice's /notice."""
    if change is None:
        return ""
    title = clip(change.title, title_max)
    return f"<b>{_e(t('change.' + change.kind, lang, title=title, id=change.notice_id))}</b>"


def render_push(
    notice: Notice,
    lang: str | None = None,
    *,
    tz: tzinfo | None = None,
    limit: int = MAX_TEXT_LENGTH,
    change: ChangeLink | None = None,
) -> str:
    """The push for a new notice: bold title; issuer · number · date; the headline; at most 5 directives
    (about 60 characters each, deadlines marked); `/notice <id>` for all of them and the link. A notice
    that changes an earlier one (`change`) says so first, naming it.

    A summary without a headline shows its text's start instead. Never over `limit` visible characters:
    points go first, then the headline is cut, then the title.
    """
    lang = lang or "zh"
    s = notice.summary
    title = _title_of(notice)
    meta = _push_meta_line(notice, tz)
    headline = clip((s.headline or s.summary) if s is not None else "", _HEADLINE_MAX) or clip(
        notice.text, 150
    )
    points = _shown_points(s, headline)
    deadlines = [(d.date, d.sentence) for d in (s.deadlines if s else ())]
    total = len(s.directives) if s is not None else 0
    while True:
        blocks = [
            _change_block(change, lang),
            _title_block(title, meta),
            _headline_block(headline),
            _points_block(points, deadlines),
            _due_block(deadlines, points, headline, lang),
            attachments_block(notice, lang),
            _more_block(notice, total, lang),
        ]
        text = "\n\n".join(b for b in blocks if b)
        excess = visible_length(text) - limit
        if excess <= 0:
            return text
        if points:
            points.pop()
        elif len(headline) > 1:
            headline = clip(headline, max(1, len(headline) - excess - 1))
        else:
            title = clip(title, max(1, len(title) - excess))
            if len(title) <= 1:
                return clip(to_plain(text), limit)


def attachments_block(notice: Notice, lang: str) -> str:
    """The push's list of a notice's attachments: each linked by its name, saying when one was not read."""
    if not notice.attachments:
        return ""
    lines = [f"<b>{t('attachments.title', lang)}</b>"]
    for a in notice.attachments[:_MAX_ATTACHMENTS]:
        note = "" if a.status == "read" else f" <i>({_e(t('attachments.' + a.status, lang))})</i>"
        lines.append(f"📎 {_link(a.url, clip(a.name or a.url, _ATTACHMENT_NAME_MAX))}{note}")
    if len(notice.attachments) > _MAX_ATTACHMENTS:
        lines.append(f"📎 … +{len(notice.attachments) - _MAX_ATTACHMENTS}")
    return "\n".join(lines)


def render_update(notice: Notice, lang: str | None = None, *, limit: int = MAX_TEXT_LENGTH) -> str:
    """The short message for a notice whose content changed: label, title, link."""
    lang = lang or "zh"
    title = clip(notice.title or notice.url, min(_TITLE_MAX, limit // 2))
    link = _link(notice.url, t("notice.read_more", lang))
    return f"🔄 <b>{t('notice.updated', lang)}</b>\n<b>{_e(title)}</b>\n{link}"


def digest_item(notice: Notice) -> str:
    """A notice as a digest lists it (the returning chat's catch-up too): its title in bold and one line
    under it, each on one line, clipped and escaped; the caller adds the link."""
    title = clip(" ".join(notice.title.split()) or notice.url, _DIGEST_TITLE_MAX)
    line = clip(" ".join(_digest_line(notice).split()), _DIGEST_LINE_MAX)
    return f"• <b>{_e(title)}</b>\n{_e(line)}"


def _digest_line(notice: Notice) -> str:
    """The one line a digest shows under a notice's title: its headline, else its first directive..."""
    s = notice.summary
    if s is not None and s.headline:
        return s.headline
    if s is not None and s.directives:
        return s.directives[0]
    if s is not None and s.summary:
        return s.summary
    return notice.text


class DigestPart(NamedTuple):
    """One message of a digest and the notices it lists (a sender records them sent when it arrives)."""

    text: str
    notices: tuple[Notice, ...]


def render_digest_parts(
    notices: Sequence[Notice],
    lang: str | None = None,
    *,
    date: str,
    limit: int = MAX_TEXT_LENGTH,
    heading: str | None = None,
    changes: Mapping[int, ChangeLink] | None = None,
) -> list[DigestPart]:
    """A digest: a header (heading, default the daily digest's), then title + one line + link per notice
    (a change notice's first line before its title, as in its push; `changes` by notice id), split into
    messages that fit, each with the notices it carries."""
    lang = lang or "zh"
    parts: list[DigestPart] = []
    current = f"📋 <b>{_e(heading or t('digest.title', lang, date=date, count=len(notices)))}</b>"
    carried: list[Notice] = []
    for n in notices:
        item = f"{digest_item(n)}\n{_link(n.url, n.source_name)}"
        change = (changes or {}).get(n.id)
        item = f"{_change_block(change, lang, _DIGEST_CHANGED_MAX)}\n{item}" if change else item
        candidate = f"{current}\n\n{item}"
        if visible_length(candidate) <= limit:
            current = candidate
            carried.append(n)
            continue
        parts.append(DigestPart(current, tuple(carried)))
        header = f"📋 <b>{_e(t('digest.continued', lang, part=len(parts) + 1))}</b>"
        current, carried = f"{header}\n\n{item}", [n]
    parts.append(DigestPart(current, tuple(carried)))
    return parts


def render_digest(
    notices: Sequence[Notice],
    lang: str | None = None,
    *,
    date: str,
    limit: int = MAX_TEXT_LENGTH,
    heading: str | None = None,
) -> list[str]:
    """The digest's messages (render_digest_parts without the notices each carries)."""
    return [p.text for p in render_digest_parts(notices, lang, date=date, limit=limit, heading=heading)]
