"""`main.py search`: the chat's keyword search from the command line, as text or a JSON list of hits."""

from __future__ import annotations

import argparse
import asyncio
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Config
    from storage.models import SearchHit

HELP = "search stored notices: every word must occur; use quotes for a phrase"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add search's words and flags."""
    parser.add_argument("words", nargs="+", help='search words, e.g. 疫情 工会 or "safety inspection"')
    parser.add_argument("--json", action="store_true", help="print a JSON list of hits")
    parser.add_argument("--page", type=int, default=1, help="page number, 5 hits a page (default 1)")


def run(args: argparse.Namespace) -> int:
    """Load the config and print one page of hits."""
    from bot.config import load_config

    config = load_config(args.config)
    return asyncio.run(_main(config, " ".join(args.words), page=args.page, as_json=args.json))


def _plain(snippet: str) -> str:
    from bot.search import highlight_parts

    return "".join(f"[{text}]" if marked else text for text, marked in highlight_parts(snippet))


def _row(hit: SearchHit) -> dict[str, object]:
    return {
        "id": hit.id,
        "source": hit.source,
        "title": hit.title,
        "url": hit.url,
        "published": hit.published.date().isoformat() if hit.published else None,
        "snippet": _plain(hit.snippet),
    }


async def _main(config: Config, text: str, *, page: int, as_json: bool) -> int:
    from bot.search import PAGE_SIZE, search_notices
    from storage import open_backend

    store = await open_backend(config.storage.target)
    try:
        # SearchQueryError (a NoticebotError) becomes one "error: ..." line and exit 1 in bot.cli.root.
        result = await search_notices(store, text, page=max(1, page) - 1, page_size=PAGE_SIZE)
    finally:
        await store.close()
    rows = [_row(hit) for hit in result.hits]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    pages = max(1, -(-result.total // PAGE_SIZE))
    if result.more:
        print(f"more than {result.total} notices match; page {max(1, page)}")
    else:
        print(f"{result.total} notices match; page {max(1, page)} of {pages}")
    for row in rows:
        print(f"\n#{row['id']} [{row['source']}] {row['title']}  {row['published'] or '-'}")
        print(f"  {row['snippet']}")
        print(f"  {row['url']}")
    return 0
