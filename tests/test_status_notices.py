"""/status's count of stored notices without counting every row on PostgreSQL: exact on SQLite and on a small
PostgreSQL table, the planner's estimate (said as such) on a large one; both backends, real databases."""

from __future__ import annotations

from pathlib import Path

from bot.admin import status
from storage.pg.store import PostgresStore
from tests.delivery_world import NOW, new_store, notice

STORED = 150


async def test_notices_are_counted_exactly_until_the_table_is_large_then_estimated(
    store_target: Path | str,
) -> None:
    store, source = await new_store(store_target)
    try:
        if isinstance(store, PostgresStore):
            # The test says when the table is analysed: autovacuum could do it between the insert and the asserts
            # that it never was (150 rows pass its threshold of 50 + 10 %).
            await store.pool.execute("ALTER TABLE notices SET (autovacuum_enabled = off)")
        items = [notice(f"n{i}", title=f"关于第{i}项工作的通知") for i in range(STORED)]
        await store.store_notices(source.id, items, now=NOW, deliver=False, notify_updates=False)
        assert await store.estimate_notices() == (STORED, True)  # far below the default threshold: counted
        st = await status(store)
        assert (st.notices, st.notices_exact) == (STORED, True)
        # Never analysed yet: PostgreSQL has no statistics to estimate from, so it counts whatever the threshold.
        assert await store.estimate_notices(exact_below=STORED // 2) == (STORED, True)
        if isinstance(store, PostgresStore):
            await store.pool.execute("ANALYZE notices")  # what autovacuum does as a table grows
            estimate, exact = await store.estimate_notices(exact_below=STORED // 2)
            assert not exact and abs(estimate - STORED) <= STORED // 10
            assert await store.estimate_notices(exact_below=STORED + 1) == (STORED, True)
        else:  # SQLite counts over its narrowest index: exact at any size
            assert await store.estimate_notices(exact_below=1) == (STORED, True)
    finally:
        await store.close()
