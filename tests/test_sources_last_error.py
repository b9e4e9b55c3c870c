"""A source's last error as /sources and `main.py sources list` show it: redacted, as alerts show it."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.cli.sources import _health
from bot.models import Source, SourceSpec
from handlers.admin import _source_line

_ERROR = (
    "HTTP 404 Not Found from https://h.org/feed.xml: the page is gone or the URL is wrong; check the source"
    " URL; the configured URL leads to no feed: https://u:SECRET@h.org/news/?token=KEY"
)


def _source() -> Source:
    spec = SourceSpec(name="f", url="https://u:SECRET@h.org/news/?token=KEY")
    return Source(1, spec, True, False, datetime.now(UTC), last_error=_ERROR, failures=2)


def test_the_admins_sources_list_shows_the_last_error_redacted() -> None:
    for lang in ("zh", "en"):
        line = _source_line(_source(), lang)
        assert "h.org/feed.xml" in line and "SECRET" not in line and "KEY" not in line


def test_the_sources_cli_shows_the_last_error_redacted() -> None:
    shown = _health(_source())["last_error"]
    assert isinstance(shown, str) and "h.org/news/" in shown and "SECRET" not in shown and "KEY" not in shown
