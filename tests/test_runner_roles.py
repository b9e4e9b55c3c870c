"""On a shared store only the instance holding the updates role long-polls: bot.runner.polling leaves the
updater to the RoleKeeper. Two real bots on one real PostgreSQL server, over HTTP to the emulator."""

from __future__ import annotations

from pathlib import Path

from bot.app import build_application
from bot.config import StorageConfig
from bot.emulator import EmulatorServer
from bot.runner import polling
from tests.chat_env import chat_env
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401


async def test_a_second_instance_without_the_updates_role_does_not_long_poll(
    emulator: EmulatorServer, http_server: NoticeServer, tmp_path: Path, pg_url: str
) -> None:
    async with chat_env(emulator, http_server, tmp_path, storage=StorageConfig(url=pg_url)) as env:
        first = env.h.app
        assert first.updater is not None and first.updater.running  # it took the updates role
        second = build_application(env.services.config, poll_tick=3600)
        async with polling(second, poll_timeout=1):
            assert second.bot_data.get("roles") is not None
            assert second.updater is not None and not second.updater.running
            # The first still answers.
            assert "English" in (await env.ask(env.admin, "/lang en"))["text"]
