"""The PostgreSQL backend (asyncpg): schema and migrations, the store, and roles of instances sharing it."""

from __future__ import annotations

from storage.pg.store import PostgresStore, open_pg_store

__all__ = ["PostgresStore", "open_pg_store"]
