"""The directive summariser: pure functions from a notice's title and text to a structured Summary."""

from __future__ import annotations

from bot.summarize.native import use_compiled

# The mypyc build of the modules below, when it matches their sources (native.py); else they run as Python.
use_compiled(__path__)

from bot.summarize.api import default_budget, summarize  # noqa: E402

__all__ = ["default_budget", "summarize"]
