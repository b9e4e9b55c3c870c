"""The `extract` subcommand: run the poller's article extraction on one HTML file or URL."""

from __future__ import annotations

import argparse
import json

HELP = "extract the title, date and text of one notice page (an HTML file or a URL)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the subcommand's arguments."""
    parser.add_argument("target", metavar="PATH_OR_URL", help="an HTML file, or an http(s) URL to fetch")
    parser.add_argument("--json", action="store_true", help="print one JSON object: title, published, text")


def run(args: argparse.Namespace) -> int:
    """Extract and print the article; exit 1 (via NoticebotError) when the page cannot be read."""
    import asyncio
    from pathlib import Path

    from bot.errors import SourceError
    from bot.sources.decode import decode_body
    from bot.sources.extract import extract_article

    target: str = args.target
    if target.startswith(("http://", "https://")):
        from bot.sources.fetch import Fetcher

        async def download() -> tuple[bytes, str | None, str]:
            async with Fetcher() as fetcher:
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
    article = extract_article(decode_body(body, content_type), url)
    published = article.published.isoformat() if article.published else None
    if args.json:
        print(
            json.dumps(
                {"title": article.title, "published": published, "text": article.text}, ensure_ascii=False
            )
        )
    else:
        print(article.title)
        print(published or "(no date found)")
        print()
        print(article.text)
    return 0
