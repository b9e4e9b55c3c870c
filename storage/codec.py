"""Column encodings both backends share: a notice's summary and its attachments as JSON text."""

from __future__ import annotations

import json
from dataclasses import asdict

from storage.models import Attachment, Deadline, Summary

__all__ = ["attachments_from_json", "attachments_json", "summary_from_json", "summary_json"]


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
    data["ranking"] = tuple(data.get("ranking", []))
    return Summary(**data)


def attachments_json(attachments: tuple[Attachment, ...]) -> str | None:
    """A notice's attachments as a JSON list (None when it has none)."""
    return json.dumps([asdict(a) for a in attachments], ensure_ascii=False) if attachments else None


def attachments_from_json(raw: str | None) -> tuple[Attachment, ...]:
    """The attachments back from their stored JSON text."""
    return tuple(Attachment(**a) for a in json.loads(raw)) if raw else ()
