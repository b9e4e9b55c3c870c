"""`python -m bot.emulator`: run the emulator without the rest of noticebot (same flags as main.py emulator)."""

from __future__ import annotations

import argparse
import logging
import sys

from bot.emulator.runner import add_arguments, run

if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        prog="python -m bot.emulator", description="Local Telegram Bot API emulator"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log every error answer")
    add_arguments(parser)
    arguments = parser.parse_args()
    logging.basicConfig(level=logging.DEBUG if arguments.verbose else logging.WARNING, stream=sys.stderr)
    sys.exit(run(arguments))
