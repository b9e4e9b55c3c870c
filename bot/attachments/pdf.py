"""PDF text: pypdf's text layer, CJK lines re-joined, running headers, footers and page numbers dropped.

Runs inside the extraction worker (bot.attachments.worker), never on the bot's event loop.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable
from io import BytesIO

from pypdf import PdfReader

from bot.attachments.paragraphs import join_lines

__all__ = ["MAX_PAGES", "PdfText", "read_pdf"]

MAX_PAGES = 300  # beyond this a PDF is a book or an annex of tables; its first pages carry the notice
_SCANNED_CHARS_PER_PAGE = 15  # fewer text-layer characters than this per page: the pages are images
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－_·.\s]*\d{1,4}[-—–－_·.\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|"
    r"共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*/\s*\d{1,4})\s*$",
    re.I,
)
_DIGITS = re.compile(r"\d+")
_RUNNING_MAX = 40  # characters: running heads and feet are short; a repeated body sentence is not one

# pypdf reports every repaired cross-reference table of a broken file as a warning; the worker has no reader.
logging.getLogger("pypdf").setLevel(logging.ERROR)


class PdfText:
    """What a PDF yielded: text (may be ''), pages read, and whether it looks scanned (images, no text)."""

    __slots__ = ("pages", "scanned", "text")

    def __init__(self, text: str, pages: int, scanned: bool) -> None:
        self.text = text
        self.pages = pages
        self.scanned = scanned


def read_pdf(
    body: bytes, *, max_pages: int = MAX_PAGES, ocr: Callable[[PdfReader], str] | None = None
) -> PdfText:
    """The text layer of a PDF; an image-only PDF goes to `ocr` when given. Raises on a corrupt file."""
    reader = PdfReader(BytesIO(body), strict=False)
    if reader.is_encrypted:
        # Most "encrypted" notices only forbid printing and open with the empty password.
        reader.decrypt("")
    pages = reader.pages[:max_pages]
    texts = [_page_lines(page.extract_text() or "") for page in pages]
    chars = sum(len(line) for lines in texts for line in lines)
    if chars < _SCANNED_CHARS_PER_PAGE * max(1, len(pages)):
        if ocr is not None:
            return PdfText(ocr(reader), len(pages), scanned=True)
        return PdfText("", len(pages), scanned=True)
    return PdfText(_join_pages(texts), len(pages), scanned=False)


def _page_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _join_pages(pages: list[list[str]]) -> str:
    furniture = _running_lines(pages)
    kept: list[str] = []
    for lines in pages:
        for i, line in enumerate(lines):
            edge = i == 0 or i >= len(lines) - 2
            if edge and (_PAGE_NUMBER.match(line) or (_mask(line) in furniture and len(lines) > 3)):
                continue
            kept.append(line)
    return join_lines(kept)


def _mask(line: str) -> str:
    return _DIGITS.sub("#", line)


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Short lines (digits masked) heading or footing at least half of the pages: running heads and feet."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_mask(line) for line in lines[:1] + lines[-2:] if len(line) <= _RUNNING_MAX})
    return {line for line, n in counts.items() if n >= max(3, len(pages) // 2)}
