"""The emulator against PTB's real HTTP stack: PTB must raise what Telegram would make it raise."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import httpx
import pytest
from telegram import BotCommand, BotCommandScopeChat, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ChatMemberStatus
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import ExtBot

from bot.emulator import EmulatorClient, EmulatorError, EmulatorServer

JSON = dict[str, object]


@contextmanager
def _retry_after() -> Iterator[pytest.ExceptionInfo[RetryAfter]]:
    """pytest.raises(RetryAfter); bot/__init__ opts in to PTB_TIMEDELTA, so retry_after is a timedelta."""
    with pytest.raises(RetryAfter) as info:
        yield info


async def _private(emu: EmulatorClient, name: str = "Alice") -> int:
    user = await emu.create_user(name, name.lower())
    chat = await emu.create_private_chat(user)
    return int(chat["id"])


async def test_valid_html_is_rendered_into_text_and_entities(
    tg_bot: ExtBot[None], emu: EmulatorClient
) -> None:
    chat = await _private(emu)
    msg = await tg_bot.send_message(chat, "<b>Notice</b> &lt;42&gt; <i>new</i>", parse_mode="HTML")
    assert msg.text == "Notice <42> new"
    assert [(e.type, e.offset, e.length) for e in msg.entities] == [("bold", 0, 6), ("italic", 12, 3)]
    (stored,) = await emu.transcript(chat)
    assert stored["text"] == "Notice <42> new" and stored["outgoing"] is True


@pytest.mark.parametrize("html", ["<p>para</p>", "1 < 2", "R&D", "<b>unclosed"])
async def test_invalid_html_is_bad_request(tg_bot: ExtBot[None], emu: EmulatorClient, html: str) -> None:
    chat = await _private(emu)
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await tg_bot.send_message(chat, html, parse_mode="HTML")
    assert await emu.transcript(chat) == []


async def test_length_is_measured_after_entity_parsing(tg_bot: ExtBot[None], emu: EmulatorClient) -> None:
    chat = await _private(emu)
    # 4096 visible characters with markup around them is fine; 4097 is not.
    await tg_bot.send_message(chat, "<b>" + "x" * 4000 + "</b>" + "&amp;" * 96, parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await tg_bot.send_message(chat, "y" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await tg_bot.send_message(chat, "<b> </b>", parse_mode="HTML")


async def test_unknown_chat_and_user_who_never_started(tg_bot: ExtBot[None], emu: EmulatorClient) -> None:
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await tg_bot.send_message(424242, "hi")
    stranger = await emu.create_user("Bob")
    with pytest.raises(Forbidden, match=r"(?i)can't initiate conversation"):
        await tg_bot.send_message(stranger["id"], "hi")


async def test_callback_data_over_64_bytes(tg_bot: ExtBot[None], emu: EmulatorClient) -> None:
    chat = await _private(emu)
    ok = InlineKeyboardMarkup([[InlineKeyboardButton("ok", callback_data="é" * 32)]])  # 64 bytes
    await tg_bot.send_message(chat, "fits", reply_markup=ok)
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("no", callback_data="é" * 32 + "x")]])
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await tg_bot.send_message(chat, "too long", reply_markup=too_long)


async def test_blocked_user_is_forbidden(tg_bot: ExtBot[None], emu: EmulatorClient) -> None:
    chat = await _private(emu)
    await emu.set_fault("blocked", chat)
    with pytest.raises(Forbidden, match=r"(?i)blocked by the user"):
        await tg_bot.send_message(chat, "hi")
    await emu.set_fault("blocked", chat, active=False)
    await tg_bot.send_message(chat, "hi again")


async def test_kicked_from_group_is_forbidden(tg_bot: ExtBot[None], emu: EmulatorClient) -> None:
    owner = await emu.create_user("Owner")
    group = await emu.create_group("Notices", admins=[owner], supergroup=True)
    await emu.set_fault("kicked", group)
    with pytest.raises(Forbidden, match=r"(?i)kicked from the supergroup chat"):
        await tg_bot.send_message(group["id"], "hi")


async def test_migrated_group_raises_chat_migrated(tg_bot: ExtBot[None], emu: EmulatorClient) -> None:
    owner = await emu.create_user("Owner")
    group = await emu.create_group("Notices", admins=[owner])
    new = await emu.set_fault("migrated", group)
    assert new["type"] == "supergroup" and str(new["id"]).startswith("-100")
    with pytest.raises(ChatMigrated) as info:
        await tg_bot.send_message(group["id"], "hi")
    assert info.value.new_chat_id == new["id"]
    await tg_bot.send_message(info.value.new_chat_id, "resent")
    assert [m["text"] for m in await emu.transcript(new)] == ["resent"]


async def test_server_error_and_dropped_connection_are_network_errors(
    tg_bot: ExtBot[None], emu: EmulatorClient
) -> None:
    chat = await _private(emu)
    await emu.set_fault("server_error", chat, status=502, times=1)
    with pytest.raises(NetworkError) as info:
        await tg_bot.send_message(chat, "hi")
    assert type(info.value) is NetworkError
    await emu.set_fault("drop", method="sendMessage", times=1)
    with pytest.raises(NetworkError):
        await tg_bot.send_message(chat, "hi")
    await tg_bot.send_message(chat, "after the faults")  # times=1: each fault fired once
    assert [m["text"] for m in await emu.transcript(chat)] == ["after the faults"]


async def test_slow_answer_times_out_but_the_message_arrived(
    tg_bot: ExtBot[None], emu: EmulatorClient
) -> None:
    chat = await _private(emu)
    await emu.set_fault("slow", chat, delay=0.5, times=1)
    with pytest.raises(TimedOut):
        await tg_bot.send_message(chat, "maybe", read_timeout=0.1)
    assert [m["text"] for m in await emu.transcript(chat)] == ["maybe"]


async def test_burst_to_one_chat_gets_retry_after(tg_bot: ExtBot[None], emu: EmulatorClient) -> None:
    chat = await _private(emu)
    for n in range(3):  # the default burst
        await tg_bot.send_message(chat, f"m{n}")
    with _retry_after() as info:
        await tg_bot.send_message(chat, "one too many")
    assert info.value.retry_after == timedelta(seconds=1)
    assert (await emu.counters())["rate_limited"] == 1
    assert len(await emu.transcript(chat)) == 3


async def test_group_and_global_limits(tg_bot: ExtBot[None], emu: EmulatorClient) -> None:
    await emu.set_limits(per_chat_burst=50, per_chat_rate=50, group_per_minute=2, group_burst=2)
    owner = await emu.create_user("Owner")
    group = await emu.create_group("G", admins=[owner])
    await tg_bot.send_message(group["id"], "1")
    await tg_bot.send_message(group["id"], "2")
    with _retry_after() as info:
        await tg_bot.send_message(group["id"], "3")
    assert info.value.retry_after == timedelta(seconds=30)  # 2 per minute: one token every 30 s
    await emu.set_limits(global_rate=4, global_burst=4)  # also resets the buckets
    chats = [await _private(emu, f"U{n}") for n in range(5)]
    for chat in chats[:4]:
        await tg_bot.send_message(chat, "hi")
    with _retry_after():
        await tg_bot.send_message(chats[4], "hi")
    assert (await emu.counters())["rate_limited"] == 2
    await emu.set_limits(enabled=False)
    for _ in range(10):
        await tg_bot.send_message(chats[4], "no caps")


async def test_get_updates_offset_confirms(tg_bot: ExtBot[None], emu: EmulatorClient) -> None:
    alice = await emu.create_user("Alice")
    await emu.send_text(alice, "/start")
    await emu.send_text(alice, "hello")
    first = await tg_bot.get_updates(timeout=0)
    assert [u.message.text for u in first if u.message] == ["/start", "hello"]
    assert first[0].message is not None and first[0].message.entities[0].type == "bot_command"
    assert len(await tg_bot.get_updates(timeout=0)) == 2  # not confirmed yet
    assert await tg_bot.get_updates(offset=first[-1].update_id + 1, timeout=0) == ()
    assert (await emu.counters())["pending_updates"] == 0


async def test_long_poll_returns_when_an_update_arrives(tg_bot: ExtBot[None], emu: EmulatorClient) -> None:
    import asyncio

    alice = await emu.create_user("Alice")
    poll = asyncio.create_task(tg_bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    await emu.send_text(alice, "wake up")
    updates = await asyncio.wait_for(poll, 2)
    assert [u.message.text for u in updates if u.message] == ["wake up"]


async def test_get_chat_member_admin_vs_member(tg_bot: ExtBot[None], emu: EmulatorClient) -> None:
    owner, admin, member = [await emu.create_user(n) for n in ("Owner", "Admin", "Member")]
    group = await emu.create_group("G", admins=[owner, admin], members=[member], supergroup=True)
    statuses = [(await tg_bot.get_chat_member(group["id"], u["id"])).status for u in (owner, admin, member)]
    assert statuses == [ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.MEMBER]
    outsider = await emu.create_user("Outsider")
    assert (await tg_bot.get_chat_member(group["id"], outsider["id"])).status == ChatMemberStatus.LEFT
    admins = await tg_bot.get_chat_administrators(group["id"])
    assert {a.user.id for a in admins} == {owner["id"], admin["id"]}
    info = await tg_bot.get_chat(group["id"])
    assert info.title == "G" and info.type == "supergroup"


async def test_set_and_get_my_commands(tg_bot: ExtBot[None], emu: EmulatorClient) -> None:
    chat = await _private(emu)
    await tg_bot.set_my_commands([BotCommand("add", "Watch a page"), BotCommand("list", "Your sources")])
    await tg_bot.set_my_commands([BotCommand("admin", "Admin only")], scope=BotCommandScopeChat(chat))
    assert [c.command for c in await tg_bot.get_my_commands()] == ["add", "list"]
    assert [c.command for c in await tg_bot.get_my_commands(scope=BotCommandScopeChat(chat))] == ["admin"]
    with pytest.raises(BadRequest, match=r"(?i)bot_command_invalid"):
        await tg_bot.set_my_commands([BotCommand("Bad-Name", "x")])


async def test_edit_and_delete(tg_bot: ExtBot[None], emu: EmulatorClient) -> None:
    chat = await _private(emu)
    msg = await tg_bot.send_message(chat, "v1")
    edited = await tg_bot.edit_message_text("<b>v2</b>", chat, msg.message_id, parse_mode="HTML")
    assert isinstance(edited, object) and getattr(edited, "text", None) == "v2"
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await tg_bot.edit_message_text("<b>v2</b>", chat, msg.message_id, parse_mode="HTML")
    assert await tg_bot.delete_message(chat, msg.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await tg_bot.delete_message(chat, msg.message_id)
    (stored,) = await emu.transcript(chat)
    assert stored["deleted"] is True and stored["text"] == "v2"


async def test_unknown_method_and_bad_token(tg_bot: ExtBot[None], emulator: EmulatorServer) -> None:
    with pytest.raises(EndPointNotFound):
        await tg_bot.do_api_request("sendTelepathy", api_kwargs={"chat_id": 1})
    from telegram import Bot

    async with EmulatorServer(port=0) as strict:
        strict.emulator.config.token = "1:right"
        with pytest.raises(InvalidToken):
            async with Bot("1:wrong", base_url=strict.base_url):
                pass


async def test_second_poller_conflicts_with_the_first(
    tg_bot: ExtBot[None], emulator: EmulatorServer, emu: EmulatorClient
) -> None:
    import asyncio

    from telegram import Bot

    first = asyncio.create_task(tg_bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    async with Bot("123456:second-instance", base_url=emulator.base_url) as other:
        # A second instance of the bot polling is what Telegram answers 409 for.
        second = asyncio.create_task(other.get_updates(timeout=5))
        with pytest.raises(Conflict, match=r"(?i)terminated by other getUpdates"):
            await asyncio.wait_for(first, 2)
        await emu.send_text(await emu.create_user("Alice"), "hi")
        assert [u.message.text for u in await asyncio.wait_for(second, 2) if u.message] == ["hi"]


async def test_json_and_multipart_bodies(emulator: EmulatorServer, emu: EmulatorClient) -> None:
    chat = await _private(emu)
    url = f"{emulator.base_url}1:x/sendMessage"
    async with httpx.AsyncClient(trust_env=False) as client:
        sent = await client.post(url, json={"chat_id": chat, "text": "<i>json</i>", "parse_mode": "HTML"})
        assert sent.status_code == 200 and sent.json()["result"]["entities"][0]["type"] == "italic"
        multipart = await client.post(url, data={"chat_id": str(chat), "text": "parts"}, files={"f": b"x"})
        assert multipart.json()["result"]["text"] == "parts"
        bad = await client.post(url, data={"chat_id": str(chat), "text": "x", "reply_markup": "{nope"})
        assert bad.status_code == 400
        assert bad.json() == {
            "ok": False,
            "error_code": 400,
            "description": "Bad Request: can't parse reply_markup JSON object",
        }


async def test_webhook_blocks_get_updates_until_deleted(tg_bot: ExtBot[None]) -> None:
    assert await tg_bot.set_webhook("http://127.0.0.1:9/hook", secret_token="s3cret")
    assert (await tg_bot.get_webhook_info()).url == "http://127.0.0.1:9/hook"
    with pytest.raises(Conflict):
        await tg_bot.get_updates(timeout=0)
    assert await tg_bot.delete_webhook()
    assert await tg_bot.get_updates(timeout=0) == ()


async def test_bulk_private_chats_and_transcripts(tg_bot: ExtBot[None], emu: EmulatorClient) -> None:
    """Many started chats in one request are real chats the bot can message; transcripts come back per chat."""
    chats = await emu.create_private_chats(300, first_name="Bulk")
    assert len(set(chats)) == 300
    for chat in chats[:3]:
        await tg_bot.send_message(chat, f"hello {chat}")
    got = await emu.transcripts(chats[:5])
    expected = [[f"hello {c}"] for c in chats[:3]] + [[], []]
    assert [[m["text"] for m in got[c]] for c in chats[:5]] == expected
    with pytest.raises(EmulatorError, match="count"):
        await emu.create_private_chats(0)
    with pytest.raises(EmulatorError, match="no chat"):
        await emu.transcripts([424242])
