"""`main.py emulator`: serve the local Telegram Bot API emulator so the bot runs without a token."""

from __future__ import annotations

import argparse

HELP = "run a local Telegram Bot API emulator on 127.0.0.1 (no token needed)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from bot.emulator.runner import add_arguments as emulator_arguments

    emulator_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from bot.emulator.runner import run as run_emulator

    return run_emulator(args)
