"""The extraction worker process: reads (job, file bytes) frames on stdin, answers one JSON frame each.

Run as `python -m bot.attachments.worker MEMORY_MB` by bot.attachments.pool. Parsing hostile files happens
here, under an address-space cap, so a PDF bomb or a parser that loops is killed with this process, never
the bot. Each frame is an 8-byte big-endian length and the bytes.
"""

from __future__ import annotations

import json
import resource
import sys
from typing import Any, BinaryIO

__all__ = ["extract", "main", "read_frame", "write_frame"]


def read_frame(stream: BinaryIO) -> bytes | None:
    """One frame's bytes, or None at the end of the stream."""
    head = stream.read(8)
    if len(head) < 8:
        return None
    size = int.from_bytes(head, "big")
    data = stream.read(size)
    return data if len(data) == size else None


def write_frame(stream: BinaryIO, data: bytes) -> None:
    """Write one frame and flush it."""
    stream.write(len(data).to_bytes(8, "big") + data)
    stream.flush()


def extract(job: dict[str, Any], body: bytes) -> dict[str, Any]:
    """Turn one file into {status, text, note}: status is read, not_read, scanned or failed."""
    from bot.attachments.tools import find_tools

    kind = str(job.get("kind", ""))
    tools = find_tools()
    try:
        if kind == "pdf":
            return _pdf(body, bool(job.get("ocr", True)), tools)
        if kind in ("docx", "xlsx", "odt"):
            from bot.attachments import office

            reader = {"docx": office.read_docx, "xlsx": office.read_xlsx, "odt": office.read_odt}[kind]
            return {"status": "read", "text": reader(body)}
        if kind in ("doc", "wps", "xls"):
            from bot.attachments.office import NoConverter, read_legacy

            try:
                return {"status": "read", "text": read_legacy(body, kind, tools)}
            except NoConverter:
                return {"status": "not_read", "note": f"no converter for .{kind} on this machine"}
        if kind == "txt":
            from bot.sources.decode import decode_body

            return {"status": "read", "text": decode_body(body, job.get("content_type"))}
    except MemoryError:
        return {"status": "failed", "note": "the file needs more memory than allowed"}
    except Exception as exc:  # a corrupt file: its parser's complaint, in one line
        detail = " ".join(str(exc).split())[:200]
        return {"status": "failed", "note": f"unreadable .{kind} file: {type(exc).__name__}: {detail}"}
    if kind == "html":
        return {"status": "failed", "note": "the link serves a web page, not a file"}
    return {"status": "not_read", "note": "unknown file type"}


def _pdf(body: bytes, ocr: bool, tools: Any) -> dict[str, Any]:
    from bot.attachments.pdf import read_pdf

    languages = tools.ocr_languages if ocr else ()
    reader_ocr = None
    if languages:
        from bot.attachments.ocr import ocr_pdf

        def reader_ocr(reader: Any) -> str:
            return ocr_pdf(reader, tools.tesseract, languages)

    result = read_pdf(body, ocr=reader_ocr)
    if result.scanned and not result.text:
        note = "OCR found no text" if languages else "scanned (no text layer) and no OCR on this machine"
        return {"status": "scanned", "note": note, "pages": result.pages}
    return {"status": "read", "text": result.text, "pages": result.pages, "ocr": result.scanned}


def main(argv: list[str]) -> int:
    """Serve jobs until stdin closes."""
    memory_mb = int(argv[0]) if argv else 1024
    if memory_mb > 0:
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        limit = memory_mb * 1024 * 1024
        soft = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print in a library must not corrupt the frames
    while True:
        header = read_frame(stdin)
        if header is None:
            return 0
        body = read_frame(stdin)
        if body is None:
            return 0
        job = json.loads(header)
        result = extract(job, body)
        max_chars = int(job.get("max_chars") or 0)
        if max_chars and len(result.get("text", "")) > max_chars:
            from bot.attachments.paragraphs import limit_text

            result["text"] = limit_text(result["text"], max_chars)
        write_frame(stdout, json.dumps(result, ensure_ascii=False).encode("utf-8"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
