"""The poller's title lookup on both backends (a SQLite file, a PostgreSQL database): a source's notices whose
title is one of a list, exactly, with their publication dates (bot.sources.paging compares them)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from storage.models import SourceSpec
from tests.delivery_world import NOW, new_store, notice, publish


async def test_notices_are_found_by_exact_title_within_their_source(store_target: Path | str) -> None:
    store, site = await new_store(store_target)
    try:
        other = await store.add_source(SourceSpec(name="other", url="http://127.0.0.1/other/"))
        title = "关于做好重点项目申报工作的通知"
        await publish(
            store,
            site,
            notice("a", title=title),
            notice("b", title=title, published=NOW - timedelta(days=3)),  # a recurring title: both returned
            notice("c", title="通知公告", published=None),
            notice("d", title=f"{title}（补充）"),  # contains the title: not it
        )
        await publish(store, other, notice("e", title="Public Notice"))
        found = await store.exact_titles(site.id, [title, "通知公告", "Public Notice", "无此标题"])
        assert sorted(found, key=lambda t: (t[0], t[1] or NOW)) == [
            (title, NOW - timedelta(days=3)),
            (title, NOW),
            ("通知公告", None),
        ]
        assert await store.exact_titles(other.id, ["public notice"]) == []  # exact: no case folding here
        assert await store.exact_titles(site.id, []) == []
    finally:
        await store.close()
