"""Conversions between aware datetimes and the unix seconds stored in SQLite."""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["from_ts", "to_ts"]


def to_ts(value: datetime | None) -> float | None:
    """Aware datetime -> unix seconds (naive values are taken as UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


def from_ts(value: float | None) -> datetime | None:
    """Unix seconds -> aware UTC datetime."""
    return None if value is None else datetime.fromtimestamp(value, UTC)
