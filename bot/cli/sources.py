"""`main.py sources`: list, add, remove, pause/resume sources and move them in and out as OPML."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.sources.jsonfields import CONFIG_KEYS
from storage.urls import redact_urls

if TYPE_CHECKING:
    from bot.config import Config
    from bot.models import Source

HELP = "manage sources: list, add, remove, pause, resume, import-opml, export-opml"
_JSON_HELP = {
    "json_items": "JSON sources: dotted path to the notice array (data.list)",
    "json_title": "JSON sources: the title field",
    "json_url": "JSON sources: the link field",
    "json_date": "JSON sources: the date field",
    "url_template": "JSON sources: a link made of fields, https://example.org/art/{id}.html",
    "json_next": "JSON sources: the page-number parameter (pageNo) of the URL, or of the body when POST, "
    "for catch-up paging",
    "json_method": "JSON sources: GET (default) or POST (implied by --json-body)",
    "json_body": "JSON sources: the POST body, a JSON object ('{\"pageNo\": 1}', sent as application/json) "
    "or a form (pageNo=1&channelId=123, sent as application/x-www-form-urlencoded)",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the sources sub-actions."""
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    # --config is accepted after the action too (`sources list --config x.toml`); SUPPRESS keeps the
    # value given before the action when it is not repeated.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, default=argparse.SUPPRESS, metavar="PATH", help="config file")

    def action(name: str, help: str) -> argparse.ArgumentParser:
        return actions.add_parser(name, help=help, parents=[common])

    ls = action("list", "list sources with their health")
    ls.add_argument("--json", action="store_true", help="print a JSON list")
    add = action("add", "add a source")
    add.add_argument("name", help="short name (letters, digits, _ or -)")
    add.add_argument("url", help="feed or notice-page URL")
    add.add_argument("--kind", choices=["auto", "feed", "page", "json"], default="auto")
    add.add_argument("--interval", help="poll interval such as 15m (default: [poll] interval)")
    add.add_argument("--selector", default="", help="CSS selector for notice links (page sources)")
    # JSON listings (kind json): what discovery would otherwise guess, as in [[sources]].
    for key in CONFIG_KEYS:
        add.add_argument(f"--{key.replace('_', '-')}", dest=key, default="", help=_JSON_HELP[key])
    add.add_argument(
        "--backfill", type=int, default=0, help="deliver this many current items on the first poll"
    )
    rm = action("remove", "remove a source and its notices")
    rm.add_argument("name")
    for verb in ("pause", "resume"):
        action(verb, f"{verb} polling a source").add_argument("name")
    imp = action("import-opml", "add the sources of an OPML file")
    imp.add_argument("file", type=Path)
    exp = action("export-opml", "write every source as OPML")
    exp.add_argument("file", type=Path, nargs="?", help="output file (default: standard output)")


def run(args: argparse.Namespace) -> int:
    """Run one sources action."""
    from bot.config import load_config

    return asyncio.run(_main(load_config(args.config), args))


def _health(source: Source) -> dict[str, object]:
    def iso(value: datetime | None) -> str | None:
        return value.isoformat(timespec="seconds") if value is not None else None

    return {
        "name": source.name,
        "url": source.spec.url,
        "kind": source.spec.kind,
        "detected_kind": source.detected_kind,
        "interval": source.spec.interval,
        "active": source.active,
        "last_success": iso(source.last_success),
        "failures": source.failures,
        # Redacted as alerts show it: it names the URLs fetched (bot/alerts.py).
        "last_error": None if source.last_error is None else redact_urls(source.last_error),
        "next_due": iso(source.next_due),
        "layout_changed": source.layout_changed,
    }


async def _main(config: Config, args: argparse.Namespace) -> int:
    from bot.config import source_spec
    from bot.opml import export_opml, parse_opml
    from storage import SourceExistsError, open_backend

    store = await open_backend(config.storage.target)
    try:
        if config.sources:
            await store.sync_config_sources(config.sources)
        if args.action == "list":
            sources = await store.list_sources()
            if args.json:
                print(json.dumps([_health(s) for s in sources], ensure_ascii=False, indent=2))
            for s in [] if args.json else sources:
                state = "paused" if not s.active else ("FAILING" if s.failures else "ok")
                flag = "  layout changed?" if s.layout_changed else ""
                print(f"{s.name:16} {s.detected_kind or s.spec.kind:5} {state:7} {s.spec.url}{flag}")
                if s.last_error:
                    print(f"{'':16} last error: {redact_urls(s.last_error)}")
        elif args.action == "add":
            table: dict[str, object] = {
                "name": args.name,
                "url": args.url,
                "kind": args.kind,
                "item_selector": args.selector,
                "backfill": args.backfill,
            }
            if args.interval:
                table["interval"] = args.interval
            table.update({key: getattr(args, key) for key in CONFIG_KEYS if getattr(args, key)})
            source = await store.add_source(source_spec(table, "source"))
            print(f"added {source.name}: {source.spec.url}")
        elif args.action == "remove":
            await store.remove_source(args.name)
            print(f"removed {args.name}")
        elif args.action in ("pause", "resume"):
            await store.set_source_active(args.name, args.action == "resume")
            print(f"{args.action}d {args.name}")
        elif args.action == "import-opml":
            existing = {s.name for s in await store.list_sources()}
            added = skipped = 0
            for spec in parse_opml(args.file.read_bytes(), taken=existing):
                try:
                    await store.add_source(spec)
                    added += 1
                except SourceExistsError:
                    skipped += 1
            print(f"imported {added} sources ({skipped} already present)")
        elif args.action == "export-opml":
            data = export_opml(s.spec for s in await store.list_sources())
            if args.file:
                args.file.write_bytes(data)
            else:
                sys.stdout.write(data.decode("utf-8") + "\n")
        return 0
    finally:
        await store.close()
