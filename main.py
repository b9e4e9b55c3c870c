"""noticebot's command line: parses arguments and hands each subcommand to its module in bot.cli."""

from __future__ import annotations

import sys

from bot.cli.root import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
