"""`main.py doctor`: which optional converters this machine has for attachments, and what each enables."""

from __future__ import annotations

import argparse
import json

HELP = "show which optional attachment converters (LibreOffice, antiword, Tesseract) are installed"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the subcommand's arguments."""
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    """Print one line per converter; exit 0 whether or not they are there (they are optional)."""
    from bot.attachments.tools import find_tools, tool_report

    tools = find_tools()
    report = tool_report(tools)
    if args.json:
        rows = [{"tool": name, "available": ok, "effect": effect} for name, ok, effect in report]
        languages = list(tools.tesseract_languages)
        print(json.dumps({"converters": rows, "tesseract_languages": languages}, ensure_ascii=False))
        return 0
    print("Attachments: PDF (text layer), .docx, .xlsx, .odt and .txt are read in Python; optional tools:")
    for name, ok, effect in report:
        print(f"  {'✓' if ok else '✗'} {name}: {effect}")
    return 0
