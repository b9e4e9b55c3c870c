"""Column encodings both backends share: a notice's summary as JSON text."""

from __future__ import annotations

import json
from dataclasses import asdict

from storage.models import Deadline, Summary

__all__ = ["summary_from_json", "summary_json"]


def summary_json(summary: Summary | None) -> str | None:
    """A summary as the JSON text stored with its notice."""
    return None if summary is None else json.dumps(asdict(summary), ensure_ascii=False)


def summary_from_json(raw: str | None) -> Summary | None:
    """The summary back from its stored JSON text."""
    if not raw:
        return None
    data = json.loads(raw)
    data["deadlines"] = tuple(Deadline(**d) for d in data.get("deadlines", []))
    data["directives"] = tuple(data.get("directives", []))
    return Summary(**data)
