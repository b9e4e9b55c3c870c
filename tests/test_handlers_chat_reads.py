"""The stored chat is read once per update, through the real bot over HTTP (PTB, the emulator, a real SQLite
file): recording the chat, its language, its zone and its quiet hours share one read; a change the command
makes is what the rest of the update sees."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.emulator import EmulatorServer
from storage import SQLiteStore
from storage.models import ChatRecord
from tests.chat_env import ChatEnv, chat_env
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401


class CountingStore(SQLiteStore):
    """The bot's own SQLite store (same connection), counting get_chat calls."""

    def __init__(self, store: SQLiteStore) -> None:
        super().__init__(store.db)
        self.reads = 0

    async def get_chat(self, chat_id: int) -> ChatRecord | None:
        self.reads += 1
        return await super().get_chat(chat_id)


@pytest.fixture
async def env(emulator: EmulatorServer, http_server: NoticeServer, tmp_path: Path) -> AsyncIterator[ChatEnv]:
    async with chat_env(emulator, http_server, tmp_path) as e:
        yield e


async def test_one_command_reads_the_chat_once_and_sees_its_own_changes(env: ChatEnv) -> None:
    store = env.services.store
    assert isinstance(store, SQLiteStore)
    counting = CountingStore(store)
    env.services.store = counting  # what the handlers use (context.services.store)
    user = env.user
    assert "用法" in (await env.ask(user, "/quiet"))["text"]  # a chat new to the bot: recorded, then answered
    # /quiet alone: the chat is recorded (it exists), then its zone, its quiet hours, the reply's language.
    counting.reads = 0
    assert "用法" in (await env.ask(user, "/quiet"))["text"]
    assert counting.reads == 1
    # A change made by the command is what the rest of the update reads: the reply is in the new language.
    assert (await env.ask(user, "/lang en"))["text"] == "Language set to English."
    assert "22:00-07:00" in (await env.ask(user, "/quiet 22:00-07:00"))["text"]
    counting.reads = 0
    reply = (await env.ask(user, "/quiet"))["text"]
    assert reply.startswith("Quiet hours: 22:00-07:00") and counting.reads == 1
    assert env.h.errors == []
