"""Word, WPS, spreadsheet and OpenDocument text: python-docx and the zip's XML in Python, the old binary
formats (.doc, .wps, .xls) through LibreOffice or antiword when the machine has them.

Runs inside the extraction worker.
"""

from __future__ import annotations

import csv
import io
import os
import resource
import subprocess
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

import docx
import lxml.etree

from bot.attachments.paragraphs import join_lines
from bot.attachments.tools import Tools

__all__ = ["NoConverter", "read_docx", "read_legacy", "read_odt", "read_xlsx"]

_CONVERT_SECONDS = 90
_MAX_XML = 50 * 1024 * 1024  # an inflated document part beyond this is a zip bomb, not a notice
_SS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


class NoConverter(Exception):
    """No converter for this format on this machine: the attachment is listed as not read."""


def read_docx(body: bytes) -> str:
    """Paragraphs and tables of a .docx, in document order; a table row becomes one line, cells ' | '."""
    _check_zip(body)
    document = docx.Document(BytesIO(body))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            lines += _table_lines(block)
        else:
            lines.append(block.text)
    return "\n\n".join(line.strip() for line in lines if line.strip())


def _table_lines(table: Any) -> list[str]:
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return rows


def read_xlsx(body: bytes) -> str:
    """The cell text of every sheet of an .xlsx, one row per line."""
    archive = _check_zip(body)
    shared: list[str] = []
    if "xl/sharedStrings.xml" in archive.namelist():
        root = lxml.etree.fromstring(archive.read("xl/sharedStrings.xml"))
        shared = ["".join(si.itertext()) for si in root.iter(f"{_SS}si")]
    lines: list[str] = []
    sheets = sorted(
        n for n in archive.namelist() if n.startswith("xl/worksheets/sheet") and n.endswith(".xml")
    )
    for name in sheets:
        root = lxml.etree.fromstring(archive.read(name))
        for row in root.iter(f"{_SS}row"):
            cells = [_cell_text(c, shared) for c in row.iter(f"{_SS}c")]
            cells = [c for c in cells if c]
            if cells:
                lines.append(" | ".join(cells))
    return "\n".join(lines)


def _cell_text(cell: Any, shared: list[str]) -> str:
    kind = cell.get("t")
    if kind == "inlineStr":
        return " ".join("".join(cell.itertext()).split())
    value = cell.find(f"{_SS}v")
    if value is None or value.text is None:
        return ""
    if kind == "s":
        index = int(value.text)
        return " ".join(shared[index].split()) if 0 <= index < len(shared) else ""
    return str(value.text).strip()


def read_odt(body: bytes) -> str:
    """The paragraphs and headings of an OpenDocument text file."""
    archive = _check_zip(body)
    root = lxml.etree.fromstring(archive.read("content.xml"))
    ns = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    paragraphs = ["".join(el.itertext()).strip() for el in root.iter(f"{ns}p", f"{ns}h")]
    return "\n\n".join(p for p in paragraphs if p)


def _check_zip(body: bytes) -> zipfile.ZipFile:
    archive = zipfile.ZipFile(BytesIO(body))
    if sum(info.file_size for info in archive.infolist()) > _MAX_XML * 4:
        raise ValueError("the archive inflates to more than 200 MB (a zip bomb?)")
    return archive


def read_legacy(body: bytes, kind: str, tools: Tools) -> str:
    """Text of a .doc, .wps or .xls via LibreOffice (or antiword for .doc); NoConverter when neither exists."""
    if tools.soffice:
        return _soffice(body, kind, tools.soffice)
    if kind == "doc" and tools.antiword:
        return _antiword(body, tools.antiword)
    raise NoConverter(kind)


def _lift_memory_limit() -> None:
    # The worker caps its own address space; LibreOffice maps far more than it uses and needs the cap lifted.
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def _soffice(body: bytes, kind: str, soffice: str) -> str:
    target = "csv:Text - txt - csv (StarCalc):44,34,76" if kind == "xls" else "txt:Text (encoded):UTF8"
    with tempfile.TemporaryDirectory(prefix="noticebot-soffice-") as tmp:
        source = Path(tmp) / f"attachment.{kind}"
        source.write_bytes(body)
        # A profile of its own: a second soffice sharing the user's profile would wait on its lock.
        profile = Path(tmp, "profile").as_uri()
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                target,
                "--outdir",
                tmp,
                str(source),
            ],
            capture_output=True,
            timeout=_CONVERT_SECONDS,
            check=False,
            preexec_fn=_lift_memory_limit,
            env={**os.environ, "HOME": tmp},
        )
        out = next((p for p in Path(tmp).iterdir() if p.suffix in (".txt", ".csv")), None)
        if out is None:
            raise ValueError(f"LibreOffice could not convert the .{kind} file")
        text = out.read_text("utf-8", errors="replace")
    if kind == "xls":
        rows = csv.reader(io.StringIO(text))
        return "\n".join(" | ".join(c.strip() for c in row if c.strip()) for row in rows if any(row))
    return join_lines(text.splitlines())


def _antiword(body: bytes, antiword: str) -> str:
    with tempfile.NamedTemporaryFile(suffix=".doc") as f:
        f.write(body)
        f.flush()
        done = subprocess.run(
            [antiword, "-m", "UTF-8.txt", "-w", "0", f.name],
            capture_output=True,
            timeout=_CONVERT_SECONDS,
            check=False,
        )
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ValueError(
            f"antiword could not read the .doc file: {message[0] if message else done.returncode}"
        )
    return join_lines(done.stdout.decode("utf-8", "replace").splitlines())
