"""Moving a deployment from a SQLite file to PostgreSQL: every table, ids kept, in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storage.errors import StorageError
from storage.textindex import tokens

__all__ = ["CopyReport", "copy_sqlite_to_postgres"]


def _ts(value: Any) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(float(value), UTC)


def _bool(value: Any) -> bool:
    return bool(value)


def _words(value: Any) -> list[str]:
    return list(json.loads(value or "[]"))


Convert = Callable[[Any], Any]
# Per table: (column, converter or None) in the PostgreSQL schema's terms; SQLite stores unix seconds,
# 0/1 for booleans and JSON lists for keyword arrays. Tables in foreign-key order.
_TABLES: dict[str, list[tuple[str, Convert | None]]] = {
    "sources": [
        ("id", None), ("name", None), ("url", None), ("kind", None), ("detected_kind", None),
        ("feed_url", None), ("interval", None), ("item_selector", None), ("backfill", None),
        ("fetch_article", _bool), ("notify_updates", _bool), ("active", _bool), ("from_config", _bool),
        ("created", _ts), ("etag", None), ("last_modified", None), ("first_polled", _ts),
        ("last_polled", _ts), ("last_success", _ts), ("last_error", None), ("failures", None),
        ("next_due", _ts), ("last_item_count", None), ("layout_changed", _bool), ("pending_pages", None),
        ("pending_failed", None), ("validated_url", None),
    ],
    "notices": [
        ("id", None), ("source_id", None), ("key", None), ("url", None), ("title", None), ("text", None),
        ("published", _ts), ("first_seen", _ts), ("updated_at", _ts), ("revision", None),
        ("content_hash", None), ("dup_key", None), ("duplicate_of", None), ("issuer", None),
        ("doc_number", None), ("summary", None), ("summary_json", None), ("attachments", None),
        ("pushed", _bool),
    ],
    "chats": [
        ("id", None), ("type", None), ("title", None), ("language", None), ("timezone", None),
        ("active", _bool), ("created", _ts), ("deactivated_reason", None), ("last_digest", _ts),
        ("quiet", None), ("deactivated_at", _ts), ("catchup_since", _ts), ("catchup_until", _ts),
        ("catchup_claimed", _bool),
    ],
    "subscriptions": [
        ("id", None), ("chat_id", None), ("source_id", None), ("include", _words), ("exclude", _words),
        ("mode", None), ("digest_at", None), ("created", _ts),
    ],
    "deliveries": [
        ("id", None), ("notice_id", None), ("chat_id", None), ("revision", None), ("mode", None),
        ("state", None), ("attempts", None), ("next_attempt", _ts), ("last_error", None),
        ("message_id", None), ("created", _ts), ("sent_at", _ts),
    ],
    "counters": [("name", None), ("value", None)],
    "reminders": [
        ("id", None), ("chat_id", None), ("notice_id", None), ("deadline", None), ("sentence", None),
        ("due", _ts), ("state", None), ("attempts", None), ("last_error", None), ("message_id", None),
        ("created", _ts), ("sent_at", _ts),
    ],
}  # fmt: skip
_BATCH = 5000


@dataclass(frozen=True, slots=True)
class CopyReport:
    """How many rows of each table were copied."""

    rows: dict[str, int]


def _rows(
    conn: sqlite3.Connection, table: str, columns: Sequence[tuple[str, Convert | None]]
) -> Iterator[list[tuple[Any, ...]]]:
    """The table's rows converted, _BATCH at a time, from one cursor (OFFSET paging re-reads what it skips)."""
    names = ", ".join(f'"{c}"' for c, _ in columns)
    order = "id" if columns[0][0] == "id" else "rowid"
    cursor = conn.execute(f"SELECT {names} FROM {table} ORDER BY {order}")
    while rows := cursor.fetchmany(_BATCH):
        yield [
            tuple(v if f is None else f(v) for v, (_, f) in zip(row, columns, strict=True)) for row in rows
        ]


async def copy_sqlite_to_postgres(source: Path, pg: Any) -> CopyReport:
    """Copy every row of the SQLite file at source into the (migrated, empty) PostgreSQL store pg.

    The SQLite file is opened read-only after being migrated by the caller; PostgreSQL receives everything
    in one transaction (COPY per batch), so a failed copy leaves the target as empty as it found it.
    Notices get their search tokens computed on the way; identity sequences continue after the copied ids.
    """
    try:
        lite = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    except sqlite3.OperationalError as exc:
        raise StorageError(f"cannot open the SQLite database {source}: {exc}") from None
    counts: dict[str, int] = {}
    try:
        async with pg.tx() as conn:
            busy = [t for t in _TABLES if await conn.fetchval(f"SELECT EXISTS (SELECT 1 FROM {t})")]
            if busy:
                raise StorageError(
                    f"the target database is not empty (rows in {', '.join(busy)}); copy into a new one"
                )
            # In foreign-key order, notices by id: a re-post's duplicate_of is always an older notice.
            for table, columns in _TABLES.items():
                names = [c for c, _ in columns]
                if table == "notices":
                    names.append("grams")
                offset = 0
                for batch in _rows(lite, table, columns):
                    if table == "notices":
                        batch = [(*row, tokens(row[4], row[5], row[15])) for row in batch]
                    await conn.copy_records_to_table(table, records=batch, columns=names)
                    offset += len(batch)
                counts[table] = offset
                if names[0] == "id":
                    await conn.execute(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), coalesce(max(id), 0) + 1, false)"
                        f" FROM {table}"
                    )
    finally:
        lite.close()
    return CopyReport(counts)
