"""`main.py storage`: apply the schema migrations, or copy a SQLite deployment into PostgreSQL."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

HELP = "storage: migrate the configured database, or copy a SQLite file into PostgreSQL"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """migrate | copy --from sqlite:PATH --to postgresql://..."""
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("migrate", help="apply the schema migrations to [storage] (url or path)")
    copy = actions.add_parser("copy", help="copy every notice, subscription, delivery and source state")
    copy.add_argument("--from", dest="source", required=True, metavar="sqlite:PATH", help="the SQLite file")
    copy.add_argument(
        "--to", dest="target", required=True, metavar="URL", help="an empty PostgreSQL database"
    )


def run(args: argparse.Namespace) -> int:
    """Run the chosen action; errors are one line (bot.cli.root)."""
    from bot.config import load_config
    from bot.errors import ConfigError
    from storage import is_postgres_url, sqlite_path

    if args.action == "migrate":
        config = load_config(args.config)
        return asyncio.run(_migrate(config.storage.target))
    if not args.source.startswith("sqlite:"):
        raise ConfigError("--from", "sqlite:PATH", args.source)
    if not is_postgres_url(args.target):
        raise ConfigError("--to", "a postgresql:// URL", args.target.split("@")[-1])
    path = sqlite_path(args.source)
    if not path.is_file():
        raise ConfigError("--from", "an existing SQLite file", str(path))
    return asyncio.run(_copy(path, args.target))


async def _migrate(target: str | Path) -> int:
    from storage import open_backend, redact_url

    store = await open_backend(target)  # opening applies every pending migration
    await store.close()
    print(f"migrated {redact_url(target) if isinstance(target, str) else target}")
    return 0


async def _copy(path: Path, url: str) -> int:
    from storage import open_store, redact_url
    from storage.copy import copy_sqlite_to_postgres
    from storage.pg import open_pg_store

    lite = await open_store(path)  # bring an older file up to the current schema first
    await lite.close()
    pg = await open_pg_store(url)
    try:
        report = await copy_sqlite_to_postgres(path, pg)
    finally:
        await pg.close()
    counts = ", ".join(f"{n} {table}" for table, n in report.rows.items())
    print(f"copied {path} to {redact_url(url)}: {counts}")
    return 0
