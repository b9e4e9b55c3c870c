"""An 印发 notice whose plan is a PDF attachment, through the whole bot: polled from a feed on 127.0.0.1,
summarised from the attachment's directives, pushed with the attachment listed (real PTB to the emulator),
and found by /search with a word that occurs only in the PDF."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.emulator import EmulatorServer
from tests.attachment_files import corrupt_pdf, plan_pdf
from tests.chat_env import ChatEnv, chat_env
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401


@pytest.fixture
async def env(emulator: EmulatorServer, http_server: NoticeServer, tmp_path: Path) -> AsyncIterator[ChatEnv]:
    async with chat_env(emulator, http_server, tmp_path, initial=1) as e:
        yield e


async def test_cover_letter_with_pdf_plan_is_summarised_listed_and_found(env: ChatEnv) -> None:
    plan = env.feed.add("/files/plan.pdf", plan_pdf(), content_type="application/pdf")
    broken = env.feed.add("/files/form.pdf", corrupt_pdf(), content_type="application/pdf")
    await env.ask(env.user, "/subscribe acftu")
    cover = (
        "各区人力资源社会保障局、各有关单位：现将《琥珀行动职业技能提升实施方案》印发给你们，"
        "请结合实际认真贯彻执行。</p><p>附件：<a href='" + plan + "'>1. 琥珀行动职业技能提升实施方案</a>"
        " <a href='" + broken + "'>2. 报名表&lt;填写&gt;</a>"
    )
    await env.publish("plan1", "某市人力资源和社会保障局关于印发琥珀行动职业技能提升实施方案的通知", cover)
    await env.services.poller.poll_all()
    push = await env.h.reply(env.user, timeout=15)
    text = push["text"]
    # The directives come from the attached plan, not from the two-line cover letter.
    assert "琥珀行动职业技能培训台账登记" in text and "不得以培训为由克扣工资" in text
    assert "印发给你们" not in text.split("要点", 1)[-1]
    # The attachments are listed by name, linked, and the unreadable one says so (its name escaped).
    assert "附件" in text and "1. 琥珀行动职业技能提升实施方案" in text
    assert "2. 报名表<填写> (无法读取)" in text
    links = [e["url"] for e in push.get("entities", []) if e["type"] == "text_link"]
    assert plan in links and broken in links
    await env.h.no_reply(env.user, within=0.5)
    found = await env.ask(env.user, "/search 台账登记")  # a word only in the PDF
    assert "找到 1 条" in found["text"] and "琥珀行动" in found["text"]
