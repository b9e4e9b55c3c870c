"""The directive summariser: pure functions from a notice's title and text to a structured Summary."""

from __future__ import annotations

from bot import native

# The mypyc build of the modules below when `bot` took it (bot/native.py); else they run as Python.
native.summarize_path(__path__)

from bot.summarize.api import default_budget, summarize  # noqa: E402

__all__ = ["default_budget", "summarize"]
