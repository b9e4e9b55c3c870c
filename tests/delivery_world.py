"""Shared set-up for the delivery tests: a real store (SQLite or PostgreSQL), emulator chats, notices, a sender."""

from __future__ import annotations

import asyncio
import hashlib
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.delivery.sender import Sender, SenderSettings
from bot.delivery.transport import PTBMessenger
from bot.emulator import EmulatorClient, EmulatorServer
from storage import Store, open_backend
from storage.models import NewNotice, Source, SourceSpec, Summary
from tests.harness import TEST_TOKEN

NOW = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)

# Fast retries so error tests take fractions of a second; pacing stays Telegram's.
FAST = SenderSettings(backoff_base=0.05, backoff_cap=0.2, idle_poll=0.05, retry_slack=0.05, stop_timeout=2.0)


async def new_store(target: Path | str, name: str = "acftu") -> tuple[Store, Source]:
    """A store with one source: target is a directory (a SQLite file in it), a .sqlite3 path or a URL."""
    if isinstance(target, Path) and target.suffix != ".sqlite3":
        target = target / "noticebot.sqlite3"
    store = await open_backend(target)
    source = await store.add_source(SourceSpec(name=name, url=f"http://127.0.0.1/{name}/"))
    return store, source


def notice(
    key: str, title: str = "关于开展职工疗休养活动的通知", text: str = "各单位要认真组织。", **kw: object
) -> NewNotice:
    values: dict[str, object] = {
        "key": key,
        "url": f"https://www.example.gov.cn/{key}.html",
        "title": title,
        "text": text,
        "published": NOW,
        "content_hash": hashlib.sha1(f"{title}{text}".encode()).hexdigest(),
        "dup_key": f"{key}|{title}",
        "summary": Summary(title=title, issuer="全国总工会", doc_number="总工发〔2026〕1号", summary=text),
    }
    values.update(kw)
    return NewNotice(**values)  # type: ignore[arg-type]


async def publish(store: Store, source: Source, *items: NewNotice) -> list[int]:
    outcomes = await store.store_notices(source.id, list(items), now=NOW, deliver=True, notify_updates=False)
    return [o.notice_id for o in outcomes]


def unreadable_title(path: Path, notice_id: int) -> None:
    """Damage one stored title with a byte that is not UTF-8 (as a bad disk or another tool may leave it):
    every query that reads it fails, as the title search that finds a change notice's earlier notice does.
    (Written past the search indexes' update triggers, which could not read it either.)"""
    with sqlite3.connect(path) as conn:
        query = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'notices%au'"
        triggers = conn.execute(query).fetchall()
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("UPDATE notices SET title = CAST(title || X'ff' AS TEXT) WHERE id = ?", (notice_id,))
        for _, sql in triggers:
            conn.execute(sql)
    conn.close()


async def private_chats(emu: EmulatorClient, n: int) -> list[int]:
    """n users who pressed Start; their private chat ids (== user ids), made in one control request."""
    return await emu.create_private_chats(n, first_name="U")


async def subscribe_all(store: Store, chats: Iterable[int], chat_type: str = "private", **kw: object) -> None:
    for chat_id in chats:
        await store.upsert_chat(chat_id, chat_type, f"chat {chat_id}")  # type: ignore[arg-type]
        await store.subscribe(chat_id, None, **kw)  # type: ignore[arg-type]


def messenger(server: EmulatorServer, *, read_timeout: float = 5.0, pool: int = 40) -> PTBMessenger:
    return PTBMessenger.dedicated(
        TEST_TOKEN,
        base_url=server.base_url,
        base_file_url=server.base_file_url,
        pool_size=pool,
        read_timeout=read_timeout,
        trust_env=False,
    )


async def drain(sender: Sender, timeout: float = 15.0) -> None:  # noqa: ASYNC109
    """Wait until every instant delivery is sent, failed or skipped (retries included)."""
    deadline = asyncio.get_running_loop().time() + timeout
    await asyncio.sleep(0.05)
    while True:
        counts = await sender.store.delivery_counts()
        idle = not sender.busy and counts["sending"] == counts["pending"] == 0
        if idle:
            return
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"sender not idle after {timeout}s: {await sender.store.delivery_counts()}")
        await asyncio.sleep(0.05)


async def texts_of(emu: EmulatorClient, chat_id: int) -> list[str]:
    return [m.get("text", "") for m in await emu.transcript(chat_id)]


def fails_once(real: Any, calls: list[int]) -> Any:
    """real, except that its first call raises as a bug would."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("bug on the first try")
        return real(*args, **kwargs)

    return wrapper


def async_fails_once(real: Any, calls: list[int]) -> Any:
    """fails_once for a coroutine function."""

    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("storage hiccup on the first try")
        return await real(*args, **kwargs)

    return wrapper
