"""The `summarize` subcommand: summarise one notice from a text file, an HTML file or a URL."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from bot.models import Summary

HELP = "summarise one notice (text file, HTML file or URL): issuer, number, dates, deadlines, directives"

_HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the subcommand's arguments."""
    parser.add_argument(
        "target",
        metavar="PATH_OR_URL",
        help="a text file (first non-empty line is the title), an HTML file, or an http(s) URL",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object with the summary fields")
    parser.add_argument("--budget", type=int, default=None, metavar="N", help="summary length in characters")


def run(args: argparse.Namespace) -> int:
    """Read the notice, summarise it and print the result; unreadable input exits 1 via SourceError."""
    from bot.summarize import summarize

    title, text, url, published = _read(args.target)
    if args.budget is not None and args.budget <= 0:
        from bot.errors import NoticebotError

        raise NoticebotError("--budget must be a positive number of characters")
    result = summarize(title, text, url=url, published=published, budget=args.budget)
    print(json.dumps(as_dict(result), ensure_ascii=False) if args.json else as_text(result))
    return 0


def as_dict(s: Summary) -> dict[str, object]:
    """The JSON form: exactly title, issuer, doc_number, published, headline, deadlines, directives, summary."""
    return {
        "title": s.title,
        "issuer": s.issuer,
        "doc_number": s.doc_number,
        "published": s.published,
        "headline": s.headline,
        "deadlines": [{"date": d.date, "sentence": d.sentence} for d in s.deadlines],
        "directives": list(s.directives),
        "summary": s.summary,
    }


def as_text(s: Summary) -> str:
    """The human form: a header of metadata, then deadlines, directives and the push text."""
    lines = [s.title or "(untitled)"]
    for label, value in (("issuer", s.issuer), ("number", s.doc_number), ("published", s.published)):
        if value:
            lines.append(f"{label}: {value}")
    if s.headline:
        lines.append(f"headline: {s.headline}")
    if s.deadlines:
        lines.append("deadlines:")
        lines.extend(f"  {d.date}  {d.sentence}" for d in s.deadlines)
    if s.directives:
        lines.append("directives:")
        lines.extend(f"  - {d}" for d in s.directives)
    lines.append("")
    lines.append(s.summary or "(nothing to summarise)")
    return "\n".join(lines)


def _read(target: str) -> tuple[str, str, str, dt.date | None]:
    """(title, text, url, published) from a URL, an HTML file or a plain-text file."""
    from pathlib import Path

    from bot.errors import SourceError

    if target.startswith(("http://", "https://")):
        return _from_html(*_download(target))
    path = Path(target)
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read {target}: {exc.strerror or exc}") from None
    head = body[:2048].lstrip().lower()
    if path.suffix.lower() in _HTML_SUFFIXES or head.startswith((b"<!doctype html", b"<html")):
        return _from_html(body, None, "")
    from bot.sources.decode import decode_body

    lines = decode_body(body, None).replace("\r\n", "\n").split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            return line.strip(), "\n".join(lines[i + 1 :]).strip("\n"), "", None
    return "", "", "", None


def _download(url: str) -> tuple[bytes, str | None, str]:
    import asyncio

    from bot.sources.fetch import Fetcher

    async def fetch() -> tuple[bytes, str | None, str]:
        async with Fetcher() as fetcher:
            result = await fetcher.fetch(url)
        return result.body, result.content_type, result.url

    return asyncio.run(fetch())


def _from_html(body: bytes, content_type: str | None, url: str) -> tuple[str, str, str, dt.date | None]:
    from bot.sources.decode import decode_body
    from bot.sources.extract import extract_article

    article = extract_article(decode_body(body, content_type), url)
    published = article.published.date() if article.published else None
    return article.title, article.text, url, published
