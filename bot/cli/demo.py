"""`main.py demo`: try noticebot with no token and no network (emulator + sample site + scripted chat)."""

from __future__ import annotations

import argparse
import asyncio
import logging

HELP = "run a scripted demo against a local Telegram emulator and sample notice site (no token needed)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """demo's flags."""
    parser.add_argument("--interactive", action="store_true", help="after the script, type as the chat user")


def run(args: argparse.Namespace) -> int:
    """Run the demo and return its exit code."""
    from bot.demo.script import run_demo

    if not args.verbose:
        logging.getLogger().setLevel(logging.WARNING)  # the transcript is the output
    return asyncio.run(run_demo(interactive=args.interactive))
