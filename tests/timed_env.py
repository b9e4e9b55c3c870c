"""A bot whose wall clock the test moves: reminders and quiet hours end to end without sleeping."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bot.app import build_application
from bot.config import Config, DeliveryConfig, PollConfig, StorageConfig, TelegramConfig
from bot.emulator import EmulatorClient, EmulatorServer
from bot.models import SourceSpec
from bot.services import Services
from tests.harness import TEST_TOKEN, BotHarness, ReplyTimeout
from tests.sources_server import NoticeServer

JSON = dict[str, Any]


class Clock:
    """The injected wall clock (aware UTC): it runs at real speed from where the test last set it.

    (A frozen clock would stall the sender, which hands a row back "for 50 ms later" when pacing.)
    """

    def __init__(self, now: datetime) -> None:
        self.set(now)

    def set(self, now: datetime) -> None:
        self._base, self._started = now, time.monotonic()

    def __call__(self) -> datetime:
        return self._base + timedelta(seconds=time.monotonic() - self._started)


def feed(items: list[tuple[str, str, str, str]]) -> bytes:
    """RSS of (guid, title, RFC 822 pubDate, body) items with full content."""
    parts = "".join(
        f"<item><title>{title}</title><link>http://127.0.0.1/n/{guid}</link>"
        f"<guid isPermaLink='false'>{guid}</guid><pubDate>{pub}</pubDate>"
        f"<content:encoded><![CDATA[<p>{body}</p>]]></content:encoded></item>"
        for guid, title, pub, body in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0' "
        "xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel><title>acftu</title>"
        f"<link>http://127.0.0.1/</link>{parts}</channel></rss>"
    ).encode()


def buttons(message: JSON) -> list[str]:
    """The labels of a message's inline buttons."""
    return [b["text"] for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]


@dataclass
class TimedEnv:
    """The running bot, its clock, its feed, and how to restart it on the same database."""

    emulator: EmulatorServer
    server: NoticeServer
    config: Config
    clock: Clock
    items: list[tuple[str, str, str, str]] = field(default_factory=list)
    h: BotHarness | None = None
    _read: dict[int | str, int] = field(default_factory=dict)  # transcript cursors kept across restarts

    @property
    def harness(self) -> BotHarness:
        assert self.h is not None
        return self.h

    @property
    def services(self) -> Services:
        services: Services = self.harness.app.bot_data["services"]
        return services

    async def start(self) -> None:
        app = build_application(self.config, poll_tick=3600, clock=self.clock)
        self.h = BotHarness(self.emulator, app)
        self.h._cursor = self._read  # a restarted bot's harness must not replay what was already read
        await self.h.__aenter__()

    async def stop(self) -> None:
        if self.h is not None:
            await self.h.__aexit__(None, None, None)
            self.h = None

    async def publish(self, guid: str, title: str, pub: str, body: str) -> None:
        """A new notice appears in the feed; the bot polls it and the sender is woken."""
        await self.publish_many([(guid, title, pub, body)])

    async def publish_many(self, items: list[tuple[str, str, str, str]]) -> None:
        """New notices (guid, title, pubDate, body) appear in the feed at once; one poll finds them all."""
        self.items[:0] = items
        self.server.update("/feed.xml", body=feed(self.items))
        await self.services.poller.poll_all()
        assert self.services.sender is not None
        self.services.sender.wake()

    async def at(self, when: datetime) -> None:
        """Move the clock and let the sender look at once."""
        self.clock.set(when)
        assert self.services.sender is not None
        self.services.sender.wake(periodic=True)

    async def ask(self, who: JSON, text: str) -> JSON:
        await self.harness.say(who, text)
        return await self.harness.reply(who)

    async def subscriber(self, name: str, language: str, tz: str | None = None) -> JSON:
        """A user subscribed to acftu in their private chat, optionally in another time zone."""
        user = await self.harness.emu.create_user(name, name.lower(), language_code=language)
        await self.harness.emu.create_private_chat(user)
        await self.ask(user, "/subscribe acftu")
        if tz:
            await self.ask(user, f"/timezone {tz}")
        return user

    async def nothing_for(self, chat: JSON, within: float = 0.4) -> None:
        """Assert no message reaches chat within `within` seconds."""
        try:
            extra = await self.harness.reply(chat, within)
        except ReplyTimeout:
            return
        raise AssertionError(f"unexpected message: {extra.get('text')!r}")


@asynccontextmanager
async def timed_env(
    emulator: EmulatorServer, server: NoticeServer, tmp_path: Path, now: datetime
) -> AsyncIterator[TimedEnv]:
    """The real bot on a fresh SQLite file, one feed source polled once (so later items are new)."""
    old = [("old", "关于做好岁末工作的通知", "Mon, 03 Feb 2020 08:00:00 +0800", "各单位要做好工作。")]
    server.add("/feed.xml", feed(old), content_type="application/rss+xml")
    async with EmulatorClient(emulator.url) as emu:
        await emu.set_limits(per_chat_rate=100, per_chat_burst=100, group_per_minute=600, group_burst=100)
    config = Config(
        telegram=TelegramConfig(token=TEST_TOKEN, base_url=emulator.base_url),
        storage=StorageConfig(path=tmp_path / "bot.sqlite3"),
        poll=PollConfig(interval=3600),
        delivery=DeliveryConfig(per_chat_interval=0.05, rate=30),
        sources=(SourceSpec(name="acftu", url=server.url("/feed.xml")),),
    )
    env = TimedEnv(emulator, server, config, Clock(now), items=old)
    await env.start()
    try:
        await env.services.poller.poll_all()
        yield env
    finally:
        await env.stop()
