"""/pollnow leaves a source another instance is polling to it, and says so: two instances on one real
PostgreSQL server, real PTB over HTTP to the emulator, a real feed on 127.0.0.1."""

from __future__ import annotations

import asyncio
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.config import StorageConfig
from bot.emulator import EmulatorServer
from storage import open_backend
from tests.chat_env import chat_env
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401


async def test_pollnow_on_a_source_another_instance_holds_reports_it_busy_not_polled(
    emulator: EmulatorServer, http_server: NoticeServer, tmp_path: Path, pg_url: str
) -> None:
    async with chat_env(emulator, http_server, tmp_path, storage=StorageConfig(url=pg_url, lease=60)) as env:
        other = await open_backend(pg_url, instance="B", lease=60)
        try:
            # The bot's first poll (its poll job's, at start on a shared store) records what is listed as seen.
            loop = asyncio.get_running_loop()
            deadline = loop.time() + 15
            while (s := await other.get_source("acftu")) is None or s.first_polled is None:
                assert loop.time() < deadline, "the bot never polled its source"
                await asyncio.sleep(0.05)
            [held] = await other.due_sources(datetime.now(UTC) + timedelta(hours=2))  # B's poll is under way
            await env.publish("new1", "关于开展职工技能竞赛的通知")
            hits = http_server.hits("/feed.xml")
            await env.ask(env.admin, "/pollnow")  # "polling…"
            done = (await env.h.reply(env.admin))["text"]
            assert "1 个来源未轮询：其他实例正在轮询" in done and "0 个来源" in done and "失败 0 个" in done
            assert http_server.hits("/feed.xml") == hits  # not polled twice
            assert "English" in (await env.ask(env.admin, "/lang en"))["text"]
            await env.ask(env.admin, "/pollnow acftu")
            done = (await env.h.reply(env.admin))["text"]
            assert "1 sources not polled: another instance is polling them" in done and "0 sources" in done
            # B's poll ends (its lease released): /pollnow polls the source itself, and says nothing of others.
            now = datetime.now(UTC)
            assert await other.record_poll_success(
                held.id, now=now, next_due=now, etag=None, last_modified=None, detected_kind=None,
                validated_url=None, feed_url=None, item_count=None, layout_changed=False, lease=held.lease,
            )  # fmt: skip
            await env.ask(env.admin, "/pollnow")
            done = (await env.h.reply(env.admin))["text"]
            assert "1 sources, 1 new notices, 0 failed" in done and "another instance" not in done
        finally:
            await other.close()


async def test_pollnow_on_a_source_this_instance_is_polling_says_so_and_polls_it_once(
    emulator: EmulatorServer, http_server: NoticeServer, tmp_path: Path
) -> None:
    async with chat_env(emulator, http_server, tmp_path) as env:  # a real SQLite file
        gate = threading.Event()
        http_server.update("/feed.xml", gate=gate)  # the bot's own poll waits for the feed's answer
        try:
            hits = http_server.hits("/feed.xml")
            own = asyncio.create_task(env.services.poller.poll_all())
            loop = asyncio.get_running_loop()
            deadline = loop.time() + 15
            while http_server.hits("/feed.xml") == hits:
                assert loop.time() < deadline, "the bot's poll never fetched the feed"
                await asyncio.sleep(0.02)
            await env.ask(env.admin, "/pollnow")  # "polling…"
            done = (await env.h.reply(env.admin))["text"]
            assert "1 个来源未重复轮询：本实例正在轮询" in done and "0 个来源" in done
            assert "English" in (await env.ask(env.admin, "/lang en"))["text"]
            await env.ask(env.admin, "/pollnow acftu")
            done = (await env.h.reply(env.admin))["text"]
            assert "1 sources not polled again: already being polled here" in done and "0 sources" in done
            assert http_server.hits("/feed.xml") == hits + 1  # polled once, by the poll already under way
            gate.set()
            [report] = await own
            assert report.error is None and not report.running
        finally:
            gate.set()
