"""Test helpers for headlines: the "nothing invented" checks the headline tests share, per language."""

from __future__ import annotations

from bot.summarize.compress import drop_words
from bot.summarize.lang import fold


def assert_kept_en(headline: str, text: str) -> None:
    """Nothing invented: each piece of the headline is the notice's text once the dropped words are gone."""
    source = " ".join(drop_words(text, "en").split()).lower()
    for piece in headline.rstrip(".").split("; "):
        assert " ".join(piece.split()).lower() in source, piece


def assert_kept_zh(shown: str, text: str) -> None:
    """Nothing invented: each part of a Chinese headline or summary (a label and its line are two) is the notice's
    text once the dropped words are gone."""
    source = "".join(drop_words(text, "zh").split())
    shown = fold(shown)  # the source as drop_words gives it: half-width marks and brackets
    for mark in ";。:":
        shown = shown.replace(mark, ",")
    for part in shown.split(","):
        assert "".join(part.split()) in source, part
