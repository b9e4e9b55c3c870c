"""The `extract` subcommand: run the poller's article extraction on one HTML file or URL."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Config
    from bot.models import Attachment

HELP = "extract the title, date and text of one notice page (an HTML file or a URL)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the subcommand's arguments."""
    parser.add_argument("target", metavar="PATH_OR_URL", help="an HTML file, or an http(s) URL to fetch")
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object: title, published, text, attachments"
    )
    parser.add_argument(
        "--no-attachments", action="store_true", help="do not download and read the attachments it links to"
    )


def run(args: argparse.Namespace) -> int:
    """Extract and print the article; exit 1 (via NoticebotError) when the page cannot be read."""
    import asyncio
    from pathlib import Path

    from bot.config import load_config
    from bot.errors import SourceError
    from bot.sources.decode import decode_body
    from bot.sources.extract import extract_article

    config = load_config(args.config)
    target: str = args.target
    if target.startswith(("http://", "https://")):
        from bot.runtime import make_fetcher

        async def download() -> tuple[bytes, str | None, str]:
            async with make_fetcher(config) as fetcher:
                result = await fetcher.fetch(target)
            return result.body, result.content_type, result.url

        body, content_type, url = asyncio.run(download())
    else:
        path = Path(target)
        try:
            body = path.read_bytes()
        except OSError as exc:
            raise SourceError(f"cannot read {target}: {exc.strerror or exc}") from None
        content_type, url = None, ""
    html = decode_body(body, content_type)
    article = extract_article(html, url)
    published = article.published.isoformat() if article.published else None
    attachments = [] if args.no_attachments else asyncio.run(_attachments(config, html, url))
    if args.json:
        files = [
            {"name": a.name, "url": a.url, "type": a.kind, "chars": a.chars, "status": a.status}
            for a, _ in attachments
        ]
        row = {"title": article.title, "published": published, "text": article.text, "attachments": files}
        print(json.dumps(row, ensure_ascii=False))
    else:
        print(article.title)
        print(published or "(no date found)")
        print()
        print(article.text)
        for a, text in attachments:
            print(f"\n【附件】{a.name} ({a.kind or '?'}, {a.status}, {a.chars} characters) {a.url}")
            if text:
                print(f"\n{text}")
    return 0


async def _attachments(config: Config, html: str, url: str) -> list[tuple[Attachment, str]]:
    """The page's attachments, read as the poller reads them (same fetcher limits, worker processes)."""
    from bot.attachments.links import find_attachment_links
    from bot.runtime import make_fetcher, open_attachments

    links = find_attachment_links(html, url)
    if not links:
        return []
    async with make_fetcher(config) as fetcher, open_attachments(config, fetcher) as reader:
        if reader is None:
            return []
        return [(r.attachment, r.text) for r in await reader.read_all(links)]
