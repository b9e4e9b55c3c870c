"""The directive summariser: pure functions from a notice's title and text to a structured Summary."""

from __future__ import annotations

from bot.summarize.api import default_budget, summarize
from bot.summarize.dates import parse_date

__all__ = ["default_budget", "parse_date", "summarize"]
