"""The admins' "layout changed" alert for a JSON source names its list path and fields, not a CSS selector:
real PTB over HTTP to the emulator, JSON endpoints on a real 127.0.0.1 server, a real SQLite file."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.alerts import notify_admins
from bot.emulator import EmulatorServer
from bot.models import SourceSpec
from bot.poller import PollReport
from tests.chat_env import ChatEnv, chat_env
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401


@pytest.fixture
async def env(emulator: EmulatorServer, http_server: NoticeServer, tmp_path: Path) -> AsyncIterator[ChatEnv]:
    async with chat_env(emulator, http_server, tmp_path) as e:
        yield e


async def _gone(env: ChatEnv, name: str, path: str, selector: str) -> PollReport:
    """A JSON source polled once with its list, then again without it: the second poll's report."""
    records = [
        {"infoId": n, "infoTitle": f"关于第{n}项工作的通知", "linkUrl": f"/info/{n}.htm"} for n in (1, 2)
    ]
    url = env.feed.add(path, json.dumps({"data": {"records": records}}), content_type="application/json")
    source = await env.services.store.add_source(
        SourceSpec(name=name, url=url, kind="json", item_selector=selector)
    )
    [first] = await env.services.poller.poll_sources([source])
    assert first.error is None and first.alert is None
    env.feed.update(path, body=json.dumps({"data": {"busy": True}}))
    polled = await env.services.store.get_source(name)
    assert polled is not None
    [gone] = await env.services.poller.poll_sources([polled])
    assert gone.alert == "layout_changed"
    return gone


async def test_a_json_sources_layout_alert_names_its_fields_in_both_languages(env: ChatEnv) -> None:
    shown = env.feed.url("/info/{infoId}.htm")
    template = f"{shown}?key=SECRET-api-key&lang=zh"  # an API key in its query string
    named = await _gone(env, "xsc<api>", "/xsc", f"items=data.records title=infoTitle template={template}")
    template = f"{shown}?…"  # what every admin chat is shown
    found = await _gone(env, "auto-json", "/auto", "")
    await notify_admins(env.h.app.bot, env.services, [named, found])
    zh = (await env.h.reply(env.admin))["text"]
    named_zh, found_zh = zh.splitlines()
    # Its configured path and fields, escaped (the <> arrive as typed); no CSS selector, no query string.
    assert "xsc<api>" in named_zh and "JSON" in named_zh and "接口" in named_zh
    assert f"items=data.records title=infoTitle template={template}" in named_zh
    assert "auto-json" in found_zh and "自动识别" in found_zh and "json_items" in found_zh
    assert "CSS" not in zh and "选择器" not in zh
    assert "English" in (await env.ask(env.admin, "/lang en"))["text"]
    await notify_admins(env.h.app.bot, env.services, [named, found])
    en = (await env.h.reply(env.admin))["text"]
    named_en, found_en = en.splitlines()
    assert "JSON fields" in named_en and f"template={template}" in named_en and "xsc<api>" in named_en
    assert "found automatically" in found_en and "CSS" not in en
    assert "SECRET" not in zh + en
