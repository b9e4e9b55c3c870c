"""The argument parser and dispatcher behind main.py; each subcommand lives in its own bot.cli module."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from bot.errors import ConfigError, NoticebotError
from storage.errors import StorageError, StorageUnavailableError

# Each module defines HELP (one line), add_arguments(parser) and run(args) -> int.
# Modules keep heavy imports inside run() so that `main.py --help` stays fast.
SUBCOMMANDS = (
    "run",
    "poll",
    "extract",
    "summarize",
    "search",
    "sources",
    "storage",
    "emulator",
    "demo",
    "doctor",
)


def _load(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(f"bot.cli.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"bot.cli.{name}":
            return None  # not built yet
        raise


def build_parser() -> argparse.ArgumentParser:
    """Build the full parser with one subparser per available subcommand."""
    parser = argparse.ArgumentParser(prog="main.py", description="noticebot: official notices to Telegram")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in SUBCOMMANDS:
        module = _load(name)
        if module is None:
            continue
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        p.add_argument(
            "--config",
            type=Path,
            default=None,
            metavar="PATH",
            help="config file (default: config.toml if present, else built-in defaults)",
        )
        module.add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def main(argv: Sequence[str]) -> int:
    """Parse argv, run the chosen subcommand, and turn expected errors into one line and an exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    from bot.logs import setup_logging

    setup_logging(logging.DEBUG if args.verbose else logging.INFO)
    try:
        code: int = args._module.run(args)
    except (ConfigError, StorageUnavailableError) as exc:
        # A wrong setting or an unreachable database: nothing can run until a human fixes it.
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (NoticebotError, StorageError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        # Anything else (a rejected token, a bug) goes through the redacting log, never a raw traceback:
        # PTB's InvalidToken message contains the token itself.
        from bot.logs import redact

        logging.getLogger("noticebot").error("stopped by an unexpected error", exc_info=True)
        print(f"error: {redact(str(exc))}", file=sys.stderr)
        return 2 if type(exc).__name__ == "InvalidToken" else 1
    return code
