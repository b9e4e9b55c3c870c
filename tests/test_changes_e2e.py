"""A correction end to end: a feed on 127.0.0.1 publishes a notice, then its correction; the real bot (PTB over
HTTP to the emulator) pushes the correction naming the first notice, also to a chat whose filter matched only it."""

from __future__ import annotations

from pathlib import Path

from bot.emulator import EmulatorServer
from tests.chat_env import BODY, chat_env
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

ORIGINAL = "关于开展职工疗休养活动的通知"
CORRECTION = f"关于《{ORIGINAL}》的更正通知"


async def test_a_correction_names_the_notice_it_corrects_and_reaches_its_readers(
    emulator: EmulatorServer, http_server: NoticeServer, tmp_path: Path
) -> None:
    async with chat_env(emulator, http_server, tmp_path) as env:
        assert "已订阅" in (await env.ask(env.user, "/subscribe acftu"))["text"]
        assert "认真组织" in (await env.ask(env.user, "/filter acftu +认真组织"))["text"]
        await env.ask(env.admin, "/lang en")
        await env.ask(env.admin, "/subscribe all")
        sender = env.services.sender
        assert sender is not None

        await env.publish("orig", ORIGINAL, BODY + "各单位要认真组织职工参加疗休养。")
        [report] = await env.services.poller.poll_all()
        first = report.new[0].id
        sender.wake()
        assert (await env.h.reply(env.user, timeout=10))["text"].startswith(ORIGINAL)
        assert (await env.h.reply(env.admin, timeout=10))["text"].startswith(ORIGINAL)

        # The correction's title and text do not contain the user's keyword.
        await env.publish("fix", CORRECTION, "原通知中的报名截止日期更正为12月10日，其他内容不变。")
        [report] = await env.services.poller.poll_all()
        fix = report.new[0].id
        sender.wake()
        push = await env.h.reply(env.user, timeout=10)
        assert push["text"].startswith(
            f"✏️ 更正：本通知更正此前的《{ORIGINAL}》（/notice {first}）\n\n{CORRECTION}"
        )
        assert "12月10日" in push["text"]
        english = await env.h.reply(env.admin, timeout=10)
        assert english["text"].startswith(
            f"✏️ Correction of an earlier notice: “{ORIGINAL}” (/notice {first})"
        )
        await env.h.no_reply(env.user, within=0.3)  # exactly once
        # /notice <id> in the line opens the earlier notice; the correction's own /notice names it too.
        assert (await env.ask(env.user, f"/notice {first}"))["text"].startswith(ORIGINAL)
        opened = await env.ask(env.user, f"/notice {fix}")
        assert opened["text"].startswith(
            f"✏️ 更正：本通知更正此前的《{ORIGINAL}》（/notice {first}）\n\n{CORRECTION}"
        )
