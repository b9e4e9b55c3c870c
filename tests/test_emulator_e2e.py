"""End-to-end: a real PTB Application polling the emulator through the harness, and the CLI process."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
)

from bot.emulator import EmulatorServer
from tests.harness import BotHarness, ReplyTimeout

ROOT = Path(__file__).resolve().parent.parent


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Greet and offer a button; echo the arguments so the test sees them arrive."""
    assert update.effective_message is not None
    args = " ".join(context.args or [])
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Subscribe", callback_data="sub:42")]])
    await update.effective_message.reply_html(f"Hello <b>{args or 'there'}</b>", reply_markup=keyboard)


async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer the press and edit the message it came from."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await query.answer(f"subscribed to {query.data.split(':')[1]}")
    await query.edit_message_text("Subscribed.")


async def admin_only(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply whether the sender is an admin of the group, via getChatMember."""
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None and update.effective_message is not None
    member = await context.bot.get_chat_member(chat.id, user.id)
    await update.effective_message.reply_text(f"{user.first_name}: {member.status}")


async def crash(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Fail, so the harness can show that handler errors surface."""
    raise RuntimeError("handler exploded")


def build(
    builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any],
) -> Application[Any, Any, Any, Any, Any, Any]:
    app = builder.build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CommandHandler("whoami", admin_only))
    app.add_handler(CommandHandler("crash", crash))
    app.add_handler(CallbackQueryHandler(subscribe, pattern=r"^sub:"))
    return app


async def test_command_and_callback_round_trip(emulator: EmulatorServer) -> None:
    async with BotHarness(emulator, build) as h:
        alice = await h.user("Alice", "alice")
        await h.say(alice, "/start Alice Smith")
        reply = await h.reply(alice)
        assert reply["text"] == "Hello Alice Smith"
        assert reply["entities"] == [{"type": "bold", "offset": 6, "length": 11}]
        assert reply["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "sub:42"
        query_id = await h.press(alice, reply, "Subscribe")
        message = await h.wait_for(alice, lambda m: m["text"] == "Subscribed.")
        assert message["message_id"] == reply["message_id"] and "edit_date" in message
        answer = await h.emu.callback_answer(query_id)
        assert answer == {"answered": True, "text": "subscribed to 42", "show_alert": False, "url": None}
        await h.no_reply(alice, within=0.1)


async def test_group_admin_check_through_the_bot(emulator: EmulatorServer) -> None:
    async with BotHarness(emulator, build) as h:
        owner, member = await h.emu.create_user("Olga"), await h.emu.create_user("Max")
        group = await h.emu.create_group("Union", admins=[owner], members=[member], supergroup=True)
        await h.say(owner, "/whoami@noticebot_emulated_bot", chat=group)
        await h.say(member, "/whoami", chat=group)
        assert [m["text"] for m in await h.replies(group, 2)] == ["Olga: creator", "Max: member"]


async def test_handler_errors_surface(emulator: EmulatorServer) -> None:
    harness = BotHarness(emulator, build)
    with pytest.raises(RuntimeError, match="handler exploded"):
        async with harness as h:
            alice = await h.user("Alice")
            await h.say(alice, "/crash")
            with pytest.raises(ReplyTimeout, match="handler exploded"):
                await h.reply(alice, timeout=0.3)


async def test_cli_process_prints_base_url_and_stops_on_sigterm() -> None:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "main.py", "emulator", "--port", "0", "--no-limits",
        cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        first = (await asyncio.wait_for(proc.stdout.readline(), 10)).decode()
        assert first.startswith("base_url: http://127.0.0.1:") and first.rstrip().endswith("/bot")
        base_url = first.split()[1]
        async with httpx.AsyncClient(trust_env=False) as client:
            me = (await client.post(f"{base_url}1:test/getMe")).json()
            assert me["ok"] and me["result"]["is_bot"]
            limits = (await client.post(base_url.removesuffix("/bot") + "/_emu/limits", json={})).json()
            assert limits["result"]["enabled"] is False
    finally:
        proc.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(proc.wait(), 10)
        await proc.communicate()
    assert code == 0
