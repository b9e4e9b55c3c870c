"""Attachments whose download failed are read again on the next polls, a few times at most.

A notice's files are read once, when the notice is new or edited; a file whose server was down at that
moment stayed unread for good. Now the stored content hash remembers it: the article's hash plus a mark
counting the reads that left a file undownloaded ("<hash>+files1"). A stored hash that differs from the
article's makes the poller fetch the notice again and re-read its files, and store it again without
pushing it (it is the same notice). The mark is dropped once every file is read, or after MAX_READS.
The hash is an opaque column to storage, so this needs no schema change on either backend.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.models import ReadAttachment

__all__ = ["MAX_READS", "is_retry", "stored_hash", "waiting"]

MAX_READS = 3  # the first read and two retries, one poll apart
_MARK = "+files"


def _split(stored: str) -> tuple[str, int]:
    article, mark, count = stored.rpartition(_MARK)
    if not mark or not count.isascii() or not count.isdigit():
        return stored, 0
    return article, int(count)


def stored_hash(article_hash: str, attachments: Sequence[ReadAttachment], previous: str | None) -> str:
    """The content hash to store: the article's, marked while a file that failed to download may yet
    be read (the number of reads so far that left one unread)."""
    if not any(a.retry for a in attachments):
        return article_hash
    before_article, reads = _split(previous) if previous else ("", 0)
    reads = reads + 1 if before_article == article_hash else 1  # an edited article starts again
    return article_hash if reads >= MAX_READS else f"{article_hash}{_MARK}{reads}"


def is_retry(stored: str | None, article_hash: str) -> bool:
    """Whether a stored notice is the same article still waiting for a file (not an edit)."""
    if stored is None:
        return False
    article, reads = _split(stored)
    return reads > 0 and article == article_hash


def waiting(stored: str | None) -> bool:
    """Whether a stored hash asks for the notice's files to be read again."""
    return stored is not None and _split(stored)[1] > 0
