"""A whole bot for end-to-end tests: emulator, a feed on 127.0.0.1, a real SQLite file and the real app."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.app import build_application
from bot.config import Config, DeliveryConfig, PollConfig, StorageConfig, TelegramConfig
from bot.emulator import EmulatorServer
from bot.models import SourceSpec
from bot.services import Services
from tests.harness import TEST_TOKEN, BotHarness
from tests.sources_server import NoticeServer

BODY = (
    "《通知》要求，各级工会要加强组织领导，确保疫情防控各项措施落实到位。"
    "《通知》强调，用人单位不得拖欠职工工资，务必于3月31日前完成自查。"
)


def rss(items: list[tuple[str, str, str]]) -> bytes:
    """An RSS feed of (guid, title, body) items with full content."""
    parts = "".join(
        f"<item><title>{title}</title><link>http://127.0.0.1/n/{guid}</link><guid isPermaLink='false'>{guid}</guid>"
        f"<pubDate>Mon, 03 Feb 2020 08:00:00 +0800</pubDate>"
        f"<content:encoded><![CDATA[<p>{body}</p><p>{body}</p>]]></content:encoded></item>"
        for guid, title, body in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0' "
        "xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel><title>acftu</title>"
        f"<link>http://127.0.0.1/</link>{parts}</channel></rss>"
    ).encode()


@dataclass
class ChatEnv:
    """The running bot and its world."""

    h: BotHarness
    admin: dict[str, Any]
    user: dict[str, Any]
    feed: NoticeServer
    items: list[tuple[str, str, str]]

    @property
    def services(self) -> Services:
        services: Services = self.h.app.bot_data["services"]
        return services

    async def publish(self, guid: str, title: str, body: str = BODY) -> None:
        """A new notice appears at the top of the feed."""
        self.items.insert(0, (guid, title, body))
        self.feed.update("/feed.xml", body=rss(self.items))

    async def ask(self, who: dict[str, Any], text: str, chat: Any = None) -> dict[str, Any]:
        """Send text as who and return the bot's next reply in that chat."""
        await self.h.say(who, text, chat)
        reply: dict[str, Any] = await self.h.reply(chat if chat is not None else who)
        return reply


@asynccontextmanager
async def chat_env(
    emulator: EmulatorServer,
    feed: NoticeServer,
    tmp_path: Path,
    *,
    initial: int = 3,
    delivery: DeliveryConfig | None = None,
    storage: StorageConfig | None = None,
) -> AsyncIterator[ChatEnv]:
    """Start the real bot against the emulator with one feed source ('acftu') already polled once.

    A test types far faster than a person: the default delivery settings relax the per-chat spacing
    and the inbound throttle (tests of those pass their own `delivery`)."""
    items = [(f"old{i}", f"关于做好疫情防控第{i}项工作的通知", BODY) for i in range(initial)]
    feed.add("/feed.xml", rss(items), content_type="application/rss+xml")
    from bot.emulator import EmulatorClient

    async with EmulatorClient(emulator.url) as emu:
        # A test types far faster than a person: per-chat limits would only slow it down. Pacing has its
        # own tests (delivery); the 429 counter is still checked below.
        await emu.set_limits(per_chat_rate=100, per_chat_burst=100, group_per_minute=600, group_burst=100)
        admin = await emu.create_user("Admin", "admin", language_code="zh-hans")
        await emu.create_private_chat(admin)
        user = await emu.create_user("Alice", "alice", language_code="zh")
        await emu.create_private_chat(user)
    config = Config(
        telegram=TelegramConfig(token=TEST_TOKEN, base_url=emulator.base_url, admins=(admin["id"],)),
        storage=storage or StorageConfig(path=tmp_path / "bot.sqlite3"),
        poll=PollConfig(interval=3600, allow_private=("*",)),  # the test sites are on 127.0.0.1
        delivery=delivery or DeliveryConfig(per_chat_interval=0.05, rate=30, user_burst=500),
        sources=(SourceSpec(name="acftu", url=feed.url("/feed.xml")),),
    )
    app = build_application(config, poll_tick=3600)
    async with BotHarness(emulator, app) as h:
        env = ChatEnv(h, admin, user, feed, items)
        # The first poll records the current items as seen, as it would in production.
        await env.services.poller.poll_all()
        yield env
