"""The admins' "layout changed" alert for a JSON source names its list path and fields, not a CSS selector:
real PTB over HTTP to the emulator, JSON endpoints on a real 127.0.0.1 server, a real SQLite file."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.alerts import notify_admins
from bot.emulator import EmulatorServer
from bot.models import SourceSpec
from bot.poller import PollReport
from storage import redact_urls
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
    shown = env.feed.url("/info/{infoId}.htm").replace("http://", "http://reader:SECRET-pw@")
    template = f"{shown}?key=SECRET-api-key&lang=zh"  # a password, and an API key in its query string
    named = await _gone(env, "xsc<api>", "/xsc", f"items=data.records title=infoTitle template={template}")
    template = f"{shown.replace('SECRET-pw', '***')}?…"  # what every admin chat is shown
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


async def test_a_json_sources_layout_alert_shows_no_token_in_a_url_field(env: ChatEnv) -> None:
    # A field is key=URL: the token before its host is found there too, not only in a bare URL.
    shown = env.feed.url("/info/{infoId}.htm")
    template = shown.replace("http://", "http://TOKEN-7@")
    named = await _gone(env, "tok", "/tok", f"items=data.records title=infoTitle template={template}?lang=zh")
    await notify_admins(env.h.app.bot, env.services, [named])
    text = (await env.h.reply(env.admin))["text"]
    assert f"template={shown.replace('http://', 'http://***@')}?…" in text and "TOKEN" not in text


async def test_the_paused_alert_shows_no_password_and_no_query_string_of_the_url_in_its_error(
    env: ChatEnv,
) -> None:
    path = "/api/list"
    env.feed.add(path, "<html>not json</html>", content_type="application/json")
    url = env.feed.url(path).replace("http://", "http://reader:PASSWORD-1@") + "?key=SECRET-api-key"
    await env.services.store.add_source(SourceSpec(name="api", url=url, kind="json"))
    for _ in range(env.services.config.poll.pause_after_failures):  # failing until it is paused
        polled = await env.services.store.get_source("api")
        assert polled is not None and polled.active
        [report] = await env.services.poller.poll_sources([polled])
    assert report.alert == "paused" and report.error is not None and "SECRET-api-key" in report.error
    await notify_admins(env.h.app.bot, env.services, [report])
    shown = (await env.h.reply(env.admin))["text"]
    assert "api" in shown and "暂停" in shown and "did not send valid JSON" in shown
    assert "reader:***@127.0.0.1" in shown and f"{path}?…" in shown
    assert "SECRET" not in shown and "PASSWORD" not in shown


async def test_the_paused_alert_shows_no_token_given_as_a_urls_userinfo(env: ChatEnv) -> None:
    path = "/api/list"
    env.feed.add(path, "<html>not json</html>", content_type="application/json")
    url = env.feed.url(path).replace("http://", "http://TOKEN-1@")  # the token alone, as many APIs take it
    await env.services.store.add_source(SourceSpec(name="api", url=url, kind="json"))
    for _ in range(env.services.config.poll.pause_after_failures):
        polled = await env.services.store.get_source("api")
        assert polled is not None
        [report] = await env.services.poller.poll_sources([polled])
    assert report.alert == "paused" and report.error is not None and "TOKEN-1" in report.error
    await notify_admins(env.h.app.bot, env.services, [report])
    shown = (await env.h.reply(env.admin))["text"]
    assert "http://***@127.0.0.1" in shown and "TOKEN" not in shown


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://tok3n@host/x?k=1", "https://***@host/x?…"),
        ("https://user:pa/ss@host/x", "https://user:***@host/x"),
        ("https://medium.com/@someone/post", "https://medium.com/@someone/post"),  # an @ in the path
        (
            "postgresql://noticebot@db/notices",
            "postgresql://noticebot@db/notices",
        ),  # a user name, not a secret
    ],
)
def test_redact_urls_cuts_a_token_userinfo_of_a_web_url(url: str, shown: str) -> None:
    assert redact_urls(f"fetching {url} failed") == f"fetching {shown} failed"


def test_redact_urls_is_linear_on_a_long_run_without_a_url() -> None:
    line = "a-" * 50_000  # tried at every letter, an unbounded scheme scanned the whole run each time
    started = time.perf_counter()
    assert redact_urls(line) == line
    assert time.perf_counter() - started < 0.5
