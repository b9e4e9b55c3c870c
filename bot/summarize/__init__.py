"""The directive summariser: pure functions from a notice's title and text to a structured Summary."""

from __future__ import annotations

from bot.summarize.api import default_budget, summarize

__all__ = ["default_budget", "summarize"]
