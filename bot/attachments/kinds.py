"""What kind of file an attachment is: from its bytes first, then its headers, then its name."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

__all__ = ["EXTENSIONS", "extension_of", "filename_from_disposition", "kind_of", "kind_of_type", "sniff"]

# The extensions that make a link an attachment, and the kind each names.
EXTENSIONS: dict[str, str] = {
    "pdf": "pdf",
    "doc": "doc",
    "docx": "docx",
    "wps": "wps",
    "xls": "xls",
    "xlsx": "xlsx",
    "et": "xls",  # WPS spreadsheets
    "odt": "odt",
    "txt": "txt",
}
_CONTENT_TYPES: dict[str, str] = {
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.ms-works": "wps",
    "application/kswps": "wps",
    "application/wps-office.wps": "wps",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.text": "odt",
    "text/plain": "txt",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound-file header of .doc, .wps, .xls
_FILENAME_STAR = re.compile(r"filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)", re.I)
_FILENAME = re.compile(r"filename\s*=\s*(\"[^\"]*\"|[^;]+)", re.I)


def extension_of(url_or_name: str) -> str:
    """The lower-case extension of a URL's path or a file name, if it is an attachment extension."""
    path = urlsplit(url_or_name).path if "://" in url_or_name else url_or_name
    ext = PurePosixPath(unquote(path)).suffix.lower().lstrip(".")
    return ext if ext in EXTENSIONS else ""


def kind_of_type(content_type: str | None) -> str:
    """The kind a Content-Type (or a feed enclosure's type) names, or '' when it names none we read."""
    return _CONTENT_TYPES.get((content_type or "").split(";", 1)[0].strip().lower(), "")


def filename_from_disposition(header: str) -> str:
    """The file name a Content-Disposition header gives (RFC 6266 filename* preferred), or ''."""
    if not header:
        return ""
    star = _FILENAME_STAR.search(header)
    if star:
        try:
            return unquote(star.group(2).strip(), encoding=star.group(1), errors="strict")
        except (LookupError, UnicodeDecodeError):
            pass
    plain = _FILENAME.search(header)
    if not plain:
        return ""
    name = plain.group(1).strip().strip('"')
    # Chinese servers send raw GBK or UTF-8 bytes, which arrive here as latin-1 characters.
    try:
        raw = name.encode("latin-1")
    except UnicodeEncodeError:
        return unquote(name)
    for codec in ("utf-8", "gb18030"):
        try:
            return unquote(raw.decode(codec))
        except UnicodeDecodeError:
            continue
    return unquote(name)


def sniff(body: bytes) -> str:
    """The kind the bytes themselves show ('' when they show nothing decisive)."""
    head = body[:1024]
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in head:
        return "pdf"
    if body.startswith(_OLE):
        return "ole"  # .doc, .wps or .xls: the name or type decides which
    if body.startswith(b"PK\x03\x04"):
        return _zip_kind(body)
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--")) or b"<html" in lowered:
        return "html"
    return ""


def _zip_kind(body: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(BytesIO(body)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "content.xml" in names:
        return "odt"
    return "zip"


def kind_of(body: bytes, content_type: str | None, filename: str, url: str) -> str:
    """The attachment's kind: pdf, doc, docx, wps, xls, xlsx, odt, txt, html, or '' when unknown."""
    sniffed = sniff(body)
    declared = kind_of_type(content_type)
    named = EXTENSIONS.get(extension_of(filename), "") or EXTENSIONS.get(extension_of(url), "")
    if sniffed == "ole":
        # Old binary formats share one container; the name, then the type, says which program made it.
        for guess in (named, declared):
            if guess in ("doc", "wps", "xls"):
                return guess
        return "doc"
    if sniffed == "zip":
        return ""
    if sniffed:
        return sniffed
    if "html" in (content_type or "").lower():
        return "html"
    if named == "txt" or declared == "txt":
        return "txt"
    return ""
