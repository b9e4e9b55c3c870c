"""Downloading a notice's attachments through the poller's fetcher and reading them in the worker pool."""

from __future__ import annotations

import asyncio
import copy
import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import unquote

from bot.attachments.kinds import filename_from_disposition, kind_of
from bot.attachments.paragraphs import limit_text
from bot.attachments.pool import ExtractorPool
from bot.config import AttachmentConfig
from bot.models import Attachment, AttachmentLink, AttachmentStatus, ReadAttachment
from bot.sources.errors import ConnectFailed, FetchError, FetchTimeout, HTTPStatusError, TooLarge
from bot.sources.fetch import Fetcher

__all__ = ["AttachmentReader"]

log = logging.getLogger(__name__)

_STATUSES: dict[str, AttachmentStatus] = {
    "read": "read",
    "not_read": "not_read",
    "scanned": "scanned",
    "failed": "failed",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # also takes out search's highlight markers


class AttachmentReader:
    """Reads attachments: the same fetcher (its client, timeouts and checks) with the attachment size cap."""

    def __init__(self, fetcher: Fetcher, settings: AttachmentConfig, pool: ExtractorPool) -> None:
        self.settings = settings
        self.pool = pool
        # A shallow copy shares the open client (connections, headers, timeouts); only the cap differs.
        self.fetcher = copy.copy(fetcher)
        self.fetcher.max_bytes = settings.max_bytes
        # A downloaded body waits in memory for a worker; up to max_bytes each, across every notice being
        # polled, they would add up to gigabytes. Two per worker keeps downloading and reading overlapped.
        self._in_hand = asyncio.Semaphore(2 * settings.workers)

    async def read_all(self, links: Sequence[AttachmentLink]) -> tuple[ReadAttachment, ...]:
        """Read the first max_per_notice links concurrently; links that turn out to be pages are dropped."""
        results = await asyncio.gather(*(self.read(link) for link in links[: self.settings.max_per_notice]))
        return tuple(r for r in results if r is not None)

    async def read(self, link: AttachmentLink) -> ReadAttachment | None:
        """Download and read one attachment; None when a link found only by its text leads to a web page."""
        async with self._in_hand:
            return await self._read(link)

    async def _read(self, link: AttachmentLink) -> ReadAttachment | None:
        name = link.name or _tail(link.url)
        try:
            result = await self.fetcher.fetch(link.url)
        except TooLarge:
            return _listed(link, name, "too_large")
        except FetchError as exc:
            log.info("attachment %s not downloaded: %s", link.url, exc)
            return replace(_listed(link, name, "failed"), retry=_passing(exc))
        filename = filename_from_disposition(result.headers.get("content-disposition", ""))
        kind = kind_of(result.body, result.content_type, filename, result.url)
        if not link.kind and kind in ("html", ""):
            return None  # "下载" next to a link to another page: not an attachment after all
        if not link.name and filename:
            name = filename
        if kind in ("html", ""):
            note = "serves a web page, not a file" if kind == "html" else "unknown file type"
            log.info("attachment %s not read: %s", link.url, note)
            return _listed(link, name, "failed" if kind == "html" else "not_read", kind=link.kind)
        try:
            extracted = await self.pool.extract(
                kind,
                result.body,
                ocr=self.settings.ocr,
                content_type=result.content_type or "",
                max_chars=self.settings.max_chars,
            )
        except OSError as exc:  # no worker could be started (process table full, interpreter gone)
            log.warning("attachment %s not read: cannot start a reader process: %s", link.url, exc)
            return replace(_listed(link, name, "failed", kind=kind), retry=True)
        if extracted.status != "read":
            log.info("attachment %s (%s) %s: %s", link.url, kind, extracted.status, extracted.note)
        text = limit_text(_CONTROL.sub("", extracted.text).strip(), self.settings.max_chars)
        status = _STATUSES.get(extracted.status, "failed")
        return ReadAttachment(Attachment(name, link.url, kind, status, len(text)), text)


def _passing(exc: FetchError) -> bool:
    """Whether a failed download may work later (bot.attachments.retry reads it again at the next polls)."""
    if isinstance(exc, HTTPStatusError):
        return exc.status >= 500 or exc.status in (408, 429)
    return isinstance(exc, (FetchTimeout, ConnectFailed))


def _listed(link: AttachmentLink, name: str, status: AttachmentStatus, *, kind: str = "") -> ReadAttachment:
    return ReadAttachment(Attachment(name, link.url, kind or link.kind, status))


def _tail(url: str) -> str:
    return unquote(url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]) or url
