"""The optional external converters (LibreOffice, antiword, Tesseract): found once, reported by `doctor`."""

from __future__ import annotations

import functools
import shutil
import subprocess
from dataclasses import dataclass

__all__ = ["Tools", "find_tools", "tool_report"]

# Tesseract languages the OCR path asks for; either one alone still reads something.
OCR_LANGUAGES = ("chi_sim", "eng")


@dataclass(frozen=True, slots=True)
class Tools:
    """Paths of the converters this machine has ("" when absent) and Tesseract's installed languages."""

    soffice: str = ""
    antiword: str = ""
    tesseract: str = ""
    tesseract_languages: tuple[str, ...] = ()

    @property
    def ocr_languages(self) -> tuple[str, ...]:
        """The wanted OCR languages that are installed (empty: no OCR)."""
        if not self.tesseract:
            return ()
        return tuple(lang for lang in OCR_LANGUAGES if lang in self.tesseract_languages)

    def reads(self, kind: str) -> bool:
        """Whether an attachment of this kind can be turned into text here (scanned PDFs aside)."""
        if kind in ("pdf", "docx", "xlsx", "odt", "txt"):
            return True  # pure Python
        if kind == "doc":
            return bool(self.soffice or self.antiword)
        if kind in ("wps", "xls"):
            return bool(self.soffice)
        return False


def _which(*names: str) -> str:
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return ""


def _tesseract_languages(path: str) -> tuple[str, ...]:
    try:
        done = subprocess.run([path, "--list-langs"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ()
    # The first line is a header ("List of available languages in ... (3):"); older versions print to stderr.
    lines = (done.stdout or done.stderr).splitlines()
    return tuple(sorted(line.strip() for line in lines[1:] if line.strip() and " " not in line.strip()))


@functools.cache
def find_tools() -> Tools:
    """Look the converters up on PATH once per process (at start-up, and in each extraction worker)."""
    tesseract = _which("tesseract")
    return Tools(
        soffice=_which("soffice", "libreoffice"),
        antiword=_which("antiword"),
        tesseract=tesseract,
        tesseract_languages=_tesseract_languages(tesseract) if tesseract else (),
    )


def tool_report(tools: Tools) -> list[tuple[str, bool, str]]:
    """(converter, available, what it enables or how to get it) for `main.py doctor` and the start-up log."""
    langs = ", ".join(tools.tesseract_languages) or "none"
    missing_langs = [lang for lang in OCR_LANGUAGES if lang not in tools.tesseract_languages]
    if tools.tesseract and not missing_langs:
        ocr = f"scanned PDFs are read by OCR (languages: {langs})"
    elif tools.tesseract:
        ocr = (
            f"OCR runs, but lacks {', '.join(missing_langs)} (installed: {langs}); apt-get install "
            + " ".join("tesseract-ocr-" + lang.replace("_", "-") for lang in missing_langs)
        )
    else:
        ocr = "scanned PDFs are listed as 'scanned, not read' (apt-get install tesseract-ocr tesseract-ocr-chi-sim)"
    return [
        (
            "LibreOffice (soffice)",
            bool(tools.soffice),
            ".doc, .wps and .xls attachments are converted and read"
            if tools.soffice
            else ".wps and .xls attachments are listed as 'not read' (apt-get install libreoffice-writer-nogui"
            " libreoffice-calc-nogui)",
        ),
        (
            "antiword",
            bool(tools.antiword),
            ".doc attachments are read" + (" (LibreOffice is used first)" if tools.soffice else "")
            if tools.antiword
            else ".doc attachments need LibreOffice or antiword (apt-get install antiword)",
        ),
        ("Tesseract", bool(tools.tesseract), ocr),
    ]
