"""The scripted demo conversation (and the interactive mode): a user subscribes, gets a push, searches."""

from __future__ import annotations

import asyncio
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.app import build_application
from bot.config import Config, DeliveryConfig, PollConfig, StorageConfig, TelegramConfig
from bot.dates import CHINA_TZ as CHINA
from bot.demo.site import SampleSite
from bot.emulator import EmulatorClient, EmulatorServer
from bot.models import SourceSpec
from bot.runner import polling
from bot.services import Services

__all__ = ["run_demo"]

DEMO_TOKEN = "123456:demo-token-not-a-secret-0000000000"
JSON = dict[str, Any]


class Conversation:
    """One user's private chat with the bot, printed as it happens."""

    def __init__(self, emu: EmulatorClient, user: JSON, out: Callable[[str], None]) -> None:
        self.emu = emu
        self.user = user
        self.out = out
        self.cursor = 0

    async def say(self, text: str, *, wait: float = 10.0) -> JSON | None:
        """The user sends text; print it and the bot's answer."""
        self.out(f"\n👤 {self.user['first_name']}: {text}")
        await self.emu.send_text(self.user, text)
        return await self.expect(wait=wait)

    async def press(self, message: JSON, button: str, *, wait: float = 10.0) -> JSON | None:
        """The user presses an inline button."""
        self.out(f"\n👤 {self.user['first_name']} presses [{button}]")
        await self.emu.press(self.user, message, button)
        return await self.expect(wait=wait, edits=message)

    async def expect(self, *, wait: float = 10.0, edits: JSON | None = None) -> JSON | None:
        """Print the bot's next message (or the edit of `edits`) and return it."""
        deadline = asyncio.get_running_loop().time() + wait
        while True:
            left = deadline - asyncio.get_running_loop().time()
            messages, self.cursor = await self.emu.transcript_page(
                self.user, since=self.cursor, wait=min(left, 0.5)
            )
            if messages:
                for message in messages:
                    self.show(message)
                return messages[-1]
            if edits is not None:
                for message in await self.emu.transcript(self.user):
                    if message["message_id"] == edits["message_id"] and message.get("edit_date"):
                        self.show(message)
                        return message
            if left <= 0:
                self.out("🤖 (no answer)")
                return None

    def show(self, message: JSON) -> None:
        """Print a bot message: its text indented, its buttons in brackets."""
        lines = str(message.get("text", "")).splitlines() or [""]
        self.out("🤖 " + lines[0])
        for line in lines[1:]:
            self.out("   " + line)
        rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
        for row in rows:
            self.out("   " + "  ".join(f"[{b['text']}]" for b in row))


def _config(site: SampleSite, emulator: EmulatorServer, admin_id: int, db: Path) -> Config:
    return Config(
        telegram=TelegramConfig(token=DEMO_TOKEN, base_url=emulator.base_url, admins=(admin_id,)),
        storage=StorageConfig(path=db),
        # The sample site is on 127.0.0.1: allowed explicitly (links into private networks are refused).
        poll=PollConfig(interval=3600, timeout=10, allow_private=("acftu", "mohrss")),
        delivery=DeliveryConfig(),
        sources=(
            SourceSpec(name="acftu", url=site.listing_url, kind="page"),
            SourceSpec(name="mohrss", url=site.feed_url, kind="feed"),
        ),
    )


async def run_demo(*, interactive: bool = False, out: Callable[[str], None] = print) -> int:
    """Run the demo; returns the exit code."""
    with SampleSite() as site, tempfile.TemporaryDirectory() as tmp:
        async with EmulatorServer() as emulator, EmulatorClient(emulator.url) as emu:
            admin = await emu.create_user("管理员", "admin", language_code="zh-hans")
            user = await emu.create_user("小王", "xiaowang", language_code="zh-hans")
            await emu.create_private_chat(user)
            app = build_application(
                _config(site, emulator, admin["id"], Path(tmp) / "demo.sqlite3"), poll_tick=3600
            )
            async with polling(app, poll_timeout=1):
                services: Services = app.bot_data["services"]
                out("noticebot demo: the real bot, a local Telegram emulator, and a sample notice site.")
                out(f"sources: acftu (page) {site.listing_url}  ·  mohrss (feed) {site.feed_url}")
                await services.poller.poll_all()  # the first poll records what is already there as seen
                chat = Conversation(emu, user, out)
                await chat.say("/start")
                picker = await chat.say("/subscribe")
                if picker is None:
                    return 1
                await chat.press(picker, "acftu")
                out("\n📰 The union's notice page publishes a new notice; the bot polls it …")
                site.publish_seed()
                reports = await services.poller.poll_all()
                new = sum(len(r.new) for r in reports)
                assert services.sender is not None
                services.sender.wake()
                push = await chat.expect(wait=20)
                found = await chat.say("/search 疫情")
                match = re.search(r"^(\d+)\. ", str((found or {}).get("text", "")), re.M)
                if match:
                    await chat.say(f"/notice {match.group(1)}")
                ok = new == 1 and push is not None and "打赢" in str(push.get("text")) and match is not None
                ok = await _reminder_story(chat, site, services, out) and ok
                if interactive:
                    await _interactive(chat, out)
                out(
                    "\n" + ("demo finished." if ok else "demo FAILED: the push or the search did not arrive.")
                )
                return 0 if ok else 1


async def _reminder_story(
    chat: Conversation, site: SampleSite, services: Services, out: Callable[[str], None]
) -> bool:
    """The ministry publishes a notice with a deadline; 小王 asks to be reminded and sets quiet hours."""
    await chat.say("/subscribe mohrss")
    out("\n📰 The ministry's feed publishes a notice with a deadline ten days ahead …")
    site.publish_deadline(services.clock().astimezone(CHINA).date())
    await services.poller.poll_all()
    assert services.sender is not None
    services.sender.wake()
    push = await chat.expect(wait=20)
    if push is None or not (push.get("reply_markup") or {}).get("inline_keyboard"):
        return False
    scheduled = await chat.press(push, "⏰ 提醒我")
    await chat.say("/quiet 22:00-07:30")
    return scheduled is not None and "2 条提醒" in str(scheduled.get("text"))


async def _interactive(chat: Conversation, out: Callable[[str], None]) -> None:
    out("\nYour turn: type messages or commands as 小王 (/help lists them); an empty line or Ctrl-D quits.")
    while True:
        try:
            line = await asyncio.to_thread(sys.stdin.readline)
        except (EOFError, KeyboardInterrupt):
            return
        if not line.strip():
            return
        await chat.say(line.strip(), wait=5)
