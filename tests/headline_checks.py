"""Test helper for English headlines: the "nothing invented" check the headline tests share."""

from __future__ import annotations

from bot.summarize.compress import drop_words


def assert_kept_en(headline: str, text: str) -> None:
    """Nothing invented: each piece of the headline is the notice's text once the dropped words are gone."""
    source = " ".join(drop_words(text, "en").split()).lower()
    for piece in headline.rstrip(".").split("; "):
        assert " ".join(piece.split()).lower() in source, piece
