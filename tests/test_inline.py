"""Inline mode end to end (`@bot 疫情` in any chat), and the emulator's answerInlineQuery checks."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram import Bot, InlineQueryResultArticle, InputTextMessageContent
from telegram.error import BadRequest

from bot.emulator import EmulatorClient, EmulatorServer
from bot.emulator.client import EmulatorError
from tests.chat_env import ChatEnv, chat_env
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

# Generous for a loaded 2-core machine; Telegram's own limit (the emulator's) is 10 s.
WITHIN = 5.0


@pytest.fixture
async def env(emulator: EmulatorServer, http_server: NoticeServer, tmp_path: Path) -> AsyncIterator[ChatEnv]:
    async with chat_env(emulator, http_server, tmp_path, initial=13) as e:
        yield e


async def test_inline_query_pages_and_posting_a_result(env: ChatEnv) -> None:
    emu, user = env.h.emu, env.user
    me = await env.h.app.bot.get_me()
    assert me.supports_inline_queries
    first = await emu.inline_answer(await emu.inline_query(user, "疫情"), wait=10)
    assert first["answered"] and first["seconds"] < WITHIN
    assert len(first["results"]) == 10 and first["next_offset"] == "10"
    # The posted summary is in the asking user's language: Telegram must not show it to everyone.
    assert first["is_personal"]
    top = first["results"][0]
    assert "疫情防控" in top["title"] and " · acftu · " in top["description"]
    assert top["description"][:4].isdigit()  # starts with the date
    rest = await emu.inline_answer(await emu.inline_query(user, "疫情", offset="10"), wait=10)
    assert len(rest["results"]) == 3 and rest["next_offset"] == ""
    assert not {r["id"] for r in first["results"]} & {r["id"] for r in rest["results"]}

    # Choosing a result posts the notice's summary with its link, "via" the bot, in a group ...
    group = await emu.create_group("Team", members=[user], admins=[env.admin])
    qid = await emu.inline_query(user, "疫情")
    again = await emu.inline_answer(qid, wait=10)  # the same query within seconds: from the cache
    assert again["results"] == first["results"]
    posted = await emu.choose_inline(user, qid, top["id"], group)
    assert posted["via_bot"]["is_bot"] and "疫情防控" in posted["text"] and "来源" in posted["text"]
    assert any(e["type"] == "text_link" for e in posted["entities"])
    await env.h.no_reply(group, within=0.5)


async def test_hostile_and_empty_inline_queries_never_error(env: ChatEnv) -> None:
    emu, user = env.h.emu, env.user
    for text in ('疫情" OR NOT (x* ^', "AND", '"', "NEAR(a b)", "*", "x" * 256):
        answer = await emu.inline_answer(await emu.inline_query(user, text), wait=10)
        assert answer["answered"], text
    forged = await emu.inline_answer(await emu.inline_query(user, "疫情", offset="²"), wait=10)
    assert len(forged["results"]) == 10  # an offset no client of ours sends: the first page
    latest = await emu.inline_answer(await emu.inline_query(user, ""), wait=10)
    assert len(latest["results"]) == 10  # the newest notices
    none = await emu.inline_answer(await emu.inline_query(user, "没有这个词的通知"), wait=10)
    assert none["results"] == [] and none["next_offset"] == ""
    # Chosen in the bot's own chat, the posted summary is not taken for a search.
    qid = await emu.inline_query(user, "疫情")
    answer = await emu.inline_answer(qid, wait=10)
    await emu.choose_inline(user, qid, answer["results"][0]["id"])
    await env.h.no_reply(user, within=0.5)
    assert env.h.errors == []


async def test_emulator_checks_inline_answers(tg_bot: Bot, emu: EmulatorClient) -> None:
    user = await emu.create_user("Ann", "ann")
    content = InputTextMessageContent("<b>notice</b>", parse_mode="HTML")

    def article(rid: str) -> InlineQueryResultArticle:
        return InlineQueryResultArticle(rid, "title", content)

    qid = await emu.inline_query(user, "x")
    with pytest.raises(BadRequest, match=r"(?i)result_id_duplicate"):
        await tg_bot.answer_inline_query(qid, [article("1"), article("1")])
    with pytest.raises(BadRequest, match=r"(?i)results_too_much"):
        await tg_bot.answer_inline_query(qid, [article(str(i)) for i in range(51)])
    with pytest.raises(BadRequest, match=r"(?i)result_id_invalid"):
        await tg_bot.answer_inline_query(qid, [article("i" * 65)])
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        broken = InputTextMessageContent("<p>", parse_mode="HTML")
        await tg_bot.answer_inline_query(qid, [InlineQueryResultArticle("1", "t", broken)])
    with pytest.raises(BadRequest, match=r"(?i)next_offset_invalid"):
        await tg_bot.answer_inline_query(qid, [article("1")], next_offset="9" * 65)
    assert await tg_bot.answer_inline_query(qid, [article("1")], next_offset="10")
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await tg_bot.answer_inline_query(qid, [article("1")])  # answered already
    answer = await emu.inline_answer(qid)
    assert [r["id"] for r in answer["results"]] == ["1"] and answer["next_offset"] == "10"
    # Without /setinline, users cannot send inline queries and getMe says so.
    await emu.set_inline_mode(False)
    assert not (await tg_bot.get_me()).supports_inline_queries
    with pytest.raises(EmulatorError, match="setinline"):
        await emu.inline_query(user, "x")
