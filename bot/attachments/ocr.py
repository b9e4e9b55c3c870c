"""OCR of scanned PDFs: each page's images through the Tesseract command line (chi_sim + eng).

Runs inside the extraction worker. Optional: without Tesseract a scanned PDF is listed as "scanned, not read".
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader

from bot.attachments.paragraphs import join_lines

__all__ = ["MAX_OCR_PAGES", "ocr_pdf"]

MAX_OCR_PAGES = 20  # OCR costs seconds a page; a notice's substance is in its first pages
_PAGE_SECONDS = 60


def ocr_pdf(reader: PdfReader, tesseract: str, languages: tuple[str, ...]) -> str:
    """The recognised text of the first pages' images, in page order ('' when nothing was recognised)."""
    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="noticebot-ocr-") as tmp:
        for number, page in enumerate(reader.pages[:MAX_OCR_PAGES]):
            for index, image in enumerate(page.images):
                path = Path(tmp) / f"p{number}-{index}.png"
                pil = image.image
                if pil is None:
                    continue
                # Tesseract reads grey PNG reliably whatever the PDF stored (CMYK JPEG, 1-bit CCITT...).
                pil.convert("L").save(path)
                lines += _tesseract(tesseract, path, languages).splitlines()
    return _clean(join_lines([line.strip() for line in lines if line.strip()]))


def _tesseract(tesseract: str, image: Path, languages: tuple[str, ...]) -> str:
    done = subprocess.run(
        [tesseract, str(image), "stdout", "-l", "+".join(languages), "--psm", "3"],
        capture_output=True,
        timeout=_PAGE_SECONDS,
        check=False,
    )
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else ""


_CJK_GAP = re.compile(
    r"(?<=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]) +(?=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])"
)


def _clean(text: str) -> str:
    # Tesseract's chi_sim model spaces out every Chinese character ("通 知"): take those spaces back out.
    return _CJK_GAP.sub("", text)
