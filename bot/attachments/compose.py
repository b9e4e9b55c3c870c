"""A notice with attachments as one text: the article, then each attachment's text under a marker; and the
summary of an 印发/转发 cover letter, whose directives come from the attachment it sends out."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date

from bot.models import FetchedItem, ReadAttachment, Summary

__all__ = ["SUMMARY_CHARS", "is_cover_letter", "notice_text", "summarize_item"]

_CJK = re.compile(r"[\u4e00-\u9fff]")
# "现将《…实施方案》印发给你们", "现转发给你们", "印发/转发…的通知" in a short text: the letter that sends a document.
_ZH_COVER = re.compile(r"印发|转发|现将[^。]{0,80}(?:发给|下发|公布)|详见附件|见附件")
_EN_COVER = re.compile(r"\b(?:attached|enclosed|see the attachment|is published|has issued|download)\b", re.I)
_COVER_MAX = 1200  # characters: a cover letter is a few lines; a long article has directives of its own
# The summariser's ranking is quadratic in sentences; a plan states its directives in its first pages, so
# only this much of the attachments' text is summarised (all of it is stored and searched).
SUMMARY_CHARS = 6000


def notice_text(article: str, attachments: Sequence[ReadAttachment]) -> str:
    """The article followed by each read attachment's text, each under a 【附件：name】 marker line."""
    parts = [article] if article else []
    english = not _CJK.search(article) and not any(_CJK.search(a.text[:200]) for a in attachments)
    for read in attachments:
        if read.text:
            name = read.attachment.name
            parts.append(f"[Attachment: {name}]" if english else f"【附件：{name}】")
            parts.append(read.text)
    return "\n\n".join(parts)


def is_cover_letter(title: str, article: str) -> bool:
    """Whether the article is the short letter that issues or forwards the attached document."""
    if len(article) > _COVER_MAX:
        return False
    if len(article) < 80:
        return True  # "详见附件" or nothing at all: the attachment is the notice
    return bool(_ZH_COVER.search(title + article) or _EN_COVER.search(article))


def summarize_item(item: FetchedItem, budget: int | None, headline: int = 150) -> Summary:
    """The summary of a notice and its attachments (bot.summarize underneath).

    A cover letter with read attachments: directives, deadlines and summary from the attachments' text,
    title, issuer, document number and date from the letter (the attached plan often names a drafting
    office, not the issuer). Otherwise the whole text (article, then attachments) is summarised as one.
    """
    from bot.summarize import summarize

    published: date | None = item.published.date() if item.published else None
    read = [a for a in item.attachments if a.text]
    if not read:
        return summarize(item.title, item.text, item.url, published, budget, headline)
    if not is_cover_letter(item.title, item.text):
        text = notice_text(item.text, read)[: len(item.text) + SUMMARY_CHARS]
        return summarize(item.title, text, item.url, published, budget, headline)
    letter = summarize(item.title, item.text, item.url, published, budget, headline)
    body = summarize(item.title, notice_text("", read)[:SUMMARY_CHARS], item.url, published, budget, headline)
    return dataclasses.replace(
        body,
        title=letter.title or body.title,
        issuer=letter.issuer or body.issuer,
        doc_number=letter.doc_number or body.doc_number,
        published=letter.published or body.published,
    )
