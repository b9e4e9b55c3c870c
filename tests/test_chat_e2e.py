"""The chat interface end to end: real PTB over HTTP to the emulator, a real feed, a real SQLite file."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.emulator import EmulatorServer
from tests.chat_env import BODY, ChatEnv, chat_env, rss
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401


@pytest.fixture
async def env(emulator: EmulatorServer, http_server: NoticeServer, tmp_path: Path) -> AsyncIterator[ChatEnv]:
    async with chat_env(emulator, http_server, tmp_path) as e:
        yield e


def buttons(message: dict[str, object]) -> list[str]:
    markup = message.get("reply_markup") or {}
    assert isinstance(markup, dict)
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def test_start_help_lang_and_command_menu(env: ChatEnv) -> None:
    hello = await env.ask(env.user, "/start")
    assert "noticebot" in hello["text"] and "/subscribe" in hello["text"]  # Chinese: the user's language
    assert "订阅" in hello["text"]
    assert (await env.ask(env.user, "/lang en"))["text"] == "Language set to English."
    help_text = (await env.ask(env.user, "/help"))["text"]
    assert "Subscriptions" in help_text and "/addsource" not in help_text
    assert "/addsource" in (await env.ask(env.admin, "/help"))["text"]
    assert "用法" in (await env.ask(env.admin, "/lang xx"))["text"]
    menus = await env.h.emu.commands()
    texts = str(menus)
    assert "检索通知" in texts and "Search notices" in texts


async def test_subscribe_push_search_and_open(env: ChatEnv) -> None:
    picker = await env.ask(env.user, "/subscribe")
    assert "acftu" in buttons(picker)
    await env.h.press(env.user, picker, "acftu")
    done = await env.h.wait_for(env.user, lambda m: "已订阅" in str(m.get("text")))
    assert "acftu" in done["text"]
    mysubs = await env.ask(env.user, "/mysubs")
    assert "acftu" in mysubs["text"] and "即时推送" in mysubs["text"]
    # A new notice appears; the admin polls now; the subscriber gets the summary pushed.
    await env.publish("new1", "全国总工会关于加强疫情防控工作的通知")
    assert "轮询" in (await env.ask(env.admin, "/pollnow"))["text"]
    push = await env.h.reply(env.user, timeout=10)
    assert "全国总工会关于加强疫情防控工作的通知" in push["text"]
    assert any(e["type"] == "bold" for e in push.get("entities", []))
    assert "加强组织领导" in push["text"]
    await env.h.no_reply(env.user, within=0.5)  # exactly once
    # Search finds it with a 2-character query; /notice opens it.
    found = await env.ask(env.user, "/search 疫情")
    assert "找到" in found["text"] and "疫情" in found["text"]
    first_hit = re.search(r"^(\d+)\. ", found["text"], re.M)
    assert first_hit is not None
    notice_id = int(first_hit.group(1))
    opened = await env.ask(env.user, f"/notice {notice_id}")
    assert "来源" in opened["text"]
    # Plain text in a private chat is a search too.
    assert "找到" in (await env.ask(env.user, "加强疫情防控"))["text"]


async def test_search_pages_and_hostile_input(env: ChatEnv) -> None:
    for i in range(7):
        await env.publish(f"p{i}", f"关于职工疫情防护用品发放第{i}批的通知")
    await env.services.poller.poll_all()
    first = await env.ask(env.user, "/search 疫情")
    assert "第 1/" in first["text"]
    assert any("下一页" in b for b in buttons(first))
    await env.h.press(env.user, first, buttons(first)[-1])
    second = await env.h.wait_for(env.user, lambda m: "第 2/" in str(m.get("text")))
    assert any("上一页" in b for b in buttons(second))
    for hostile in ('"疫情', "NEAR(疫情 工会)", "疫情 AND OR NOT *", "-:^()"):
        reply = await env.ask(env.user, f"/search {hostile}")
        assert "出错" not in reply["text"]
    long = await env.ask(env.user, "/search " + "疫" * 2000)
    assert "太长" in long["text"]
    assert "用法" in (await env.ask(env.user, "/search"))["text"]
    assert "没有找到" in (await env.ask(env.user, "/search 不存在的词语组合"))["text"]


async def test_filters_digest_timezone_and_bad_arguments(env: ChatEnv) -> None:
    assert "用法" in (await env.ask(env.user, "/filter"))["text"]
    assert "请先订阅" in (await env.ask(env.user, "/filter acftu +疫情"))["text"]
    await env.ask(env.user, "/subscribe acftu")
    reply = await env.ask(env.user, "/filter acftu +疫情 -广告")
    assert "疫情" in reply["text"] and "广告" in reply["text"]
    assert "没有名为" in (await env.ask(env.user, "/filter nosuch +x"))["text"]
    assert "用法" in (await env.ask(env.user, "/digest 25:00"))["text"]
    assert "08:30" in (await env.ask(env.user, "/digest 8:30"))["text"]
    assert "每日摘要 08:30" in (await env.ask(env.user, "/mysubs"))["text"]
    assert "即时推送" in (await env.ask(env.user, "/digest off"))["text"]
    assert "不认识" in (await env.ask(env.user, "/timezone Mars/Olympus"))["text"]
    assert "Europe/London" in (await env.ask(env.user, "/timezone Europe/London"))["text"]
    assert "没有编号" in (await env.ask(env.user, "/notice 999999"))["text"]
    assert "用法" in (await env.ask(env.user, "/notice abc"))["text"]
    assert "没有名为" in (await env.ask(env.user, "/latest nosuch"))["text"]
    assert "最新通知" in (await env.ask(env.user, "/latest acftu 2"))["text"]
    assert "未知命令" in (await env.ask(env.user, "/frobnicate"))["text"]
    assert "已取消订阅" in (await env.ask(env.user, "/unsubscribe acftu"))["text"]


async def test_group_admin_may_change_subscriptions_member_may_not(env: ChatEnv) -> None:
    member = await env.h.emu.create_user("Bob", "bob")
    group = await env.h.emu.create_group("工会群", admins=[env.user], members=[member])
    refused = await env.ask(member, "/subscribe@noticebot_emulated_bot acftu", group)
    assert "只有群管理员" in refused["text"]
    done = await env.ask(env.user, "/subscribe@noticebot_emulated_bot acftu", group)
    assert "已订阅" in done["text"]
    await env.publish("g1", "关于工会群推送测试的通知")
    await env.services.poller.poll_all()
    assert env.services.sender is not None
    env.services.sender.wake()
    push = await env.h.reply(group, timeout=10)
    assert "关于工会群推送测试的通知" in push["text"]


async def test_channel_subscribed_by_its_admin_from_a_private_chat(env: ChatEnv) -> None:
    channel = await env.h.emu.create_channel("公告频道", admins=[env.user], username="notices_ch")
    done = await env.ask(env.user, "/subscribe @notices_ch acftu")
    assert "频道" in done["text"]
    stranger = await env.h.user("Eve", "eve")
    refused = await env.ask(stranger, "/subscribe @notices_ch acftu")
    assert "必须是该频道的管理员" in refused["text"]
    await env.publish("c1", "关于频道推送测试的通知")
    await env.services.poller.poll_all()
    assert env.services.sender is not None
    env.services.sender.wake()
    assert "关于频道推送测试的通知" in (await env.h.reply(channel, timeout=10))["text"]


async def test_admin_commands_and_refusals(env: ChatEnv) -> None:
    for command in (
        "/addsource http://127.0.0.1/x",
        "/removesource acftu",
        "/sources",
        "/status",
        "/pollnow",
    ):
        assert "仅限机器人管理员" in (await env.ask(env.user, command))["text"]
    env.feed.add("/other.xml", b"")
    env.feed.update("/other.xml", body=env.feed.routes["/feed.xml"].body, content_type="application/rss+xml")
    await env.h.say(env.admin, f"/addsource {env.feed.url('/other.xml')} other")
    checking, preview = await env.h.replies(env.admin, 2)
    assert "正在抓取" in checking["text"] and "other" in preview["text"] and "通知" in preview["text"]
    await env.h.press(env.admin, preview, "添加")
    await env.h.wait_for(env.admin, lambda m: "已添加来源 other" in str(m.get("text")))
    assert await env.services.store.get_source("other") is not None
    bad = await env.ask(env.admin, "/addsource not-a-url")
    assert "正在抓取" in bad["text"]
    assert "无法添加" in (await env.h.reply(env.admin))["text"]
    sources = await env.ask(env.admin, "/sources")
    assert "acftu" in sources["text"] and "other" in sources["text"]
    status = await env.ask(env.admin, "/status")
    assert "已收录通知" in status["text"]
    assert "已删除来源 other" in (await env.ask(env.admin, "/removesource other"))["text"]
    assert "没有名为 other" in (await env.ask(env.admin, "/removesource other"))["text"]


async def test_stop_forgets_the_chat_and_blocked_users_are_dropped(env: ChatEnv) -> None:
    await env.ask(env.user, "/subscribe acftu")
    assert "删除" in (await env.ask(env.user, "/stop"))["text"]
    assert await env.services.store.list_subscriptions(env.user["id"]) == []
    # Bob subscribes, then blocks the bot: the next push deactivates his chat instead of retrying forever.
    bob = await env.h.user("Bob", "bob")
    await env.ask(bob, "/subscribe acftu")
    await env.h.emu.set_fault("blocked", bob)
    await env.publish("b1", "关于屏蔽测试的通知")
    await env.services.poller.poll_all()
    assert env.services.sender is not None
    env.services.sender.wake()
    for _ in range(200):
        chat = await env.services.store.get_chat(bob["id"])
        if chat is not None and not chat.active:
            break
        await asyncio.sleep(0.05)
    chat = await env.services.store.get_chat(bob["id"])
    assert chat is not None and not chat.active
    # Bob unblocks the bot and says /start again: he is back, gets a catch-up of the notice he missed
    # (bot.delivery.catchup; beside the /start reply, in either order), and the next notice reaches him.
    await env.h.emu.set_fault("blocked", bob, active=False)
    await env.h.say(bob, "/start")
    await env.h.wait_for(
        bob, lambda m: "/notice" in str(m.get("text")) and "关于屏蔽测试的通知" in str(m.get("text"))
    )
    await env.publish("b2", "关于解除屏蔽后推送的通知")
    await env.services.poller.poll_all()
    env.services.sender.wake()
    await env.h.wait_for(bob, lambda m: "关于解除屏蔽后推送的通知" in str(m.get("text")), timeout=10)


async def test_start_deep_link_subscribes(env: ChatEnv) -> None:
    reply = await env.ask(env.user, "/start sub_acftu")
    assert "已订阅 acftu" in reply["text"]
    assert [s.source_name for s in await env.services.store.list_subscriptions(env.user["id"])] == ["acftu"]


HOSTILE = [
    "",
    "\x00",
    "<b>x</b> & <i>",
    "'; DROP TABLE notices; --",
    "疫" * 300,
    "../../etc/passwd",
    "-1",
    "99999999999999999999",
    "@",
    "+",
    "-",
    "sub_",
    '"',
]


async def test_hostile_arguments_never_break_a_command(env: ChatEnv) -> None:
    """Every command with hostile arguments gets a reply, and no handler raises (the harness re-raises)."""
    commands = ["start", "help", "subscribe", "unsubscribe", "mysubs", "filter", "digest", "timezone", "search",
                "latest", "notice", "lang", "addsource", "removesource", "sources", "pollnow"]  # fmt: skip
    for command in commands:
        for arg in HOSTILE[:8]:
            who = env.admin if command in ("addsource", "removesource") else env.user
            reply = await env.ask(who, f"/{command} {arg}".strip())
            assert reply["text"], (command, arg)
            assert "出错" not in reply["text"], (command, arg, reply["text"])
    store = env.services.store
    assert await store.get_source("acftu") is not None  # nothing typed removed stored data


async def test_mysubs_buttons_switch_mode_and_remove(env: ChatEnv) -> None:
    await env.ask(env.user, "/subscribe all")
    listing = await env.ask(env.user, "/mysubs")
    toggle = next(b for b in buttons(listing) if "每日摘要" in b)
    await env.h.press(env.user, listing, toggle)
    switched = await env.h.wait_for(env.user, lambda m: "每日摘要 08:00" in str(m.get("text")))
    remove = next(b for b in buttons(switched) if b.startswith("取消"))
    await env.h.press(env.user, switched, remove)
    await env.h.wait_for(env.user, lambda m: "还没有订阅" in str(m.get("text")))
    assert await env.services.store.list_subscriptions(env.user["id"]) == []


async def test_admins_are_alerted_once_when_a_page_stops_yielding_links(env: ChatEnv) -> None:
    from bot.alerts import notify_admins
    from bot.models import SourceSpec

    rows = "".join(
        f"<tr><td><a href='/a/{i}.htm'>关于第{i}项工作的通知</a></td><td>2020-02-0{i}</td></tr>"
        for i in range(1, 5)
    )
    env.feed.add("/list/", f"<html><body><table>{rows}</table></body></html>".encode())
    for i in range(1, 5):
        env.feed.add(
            f"/a/{i}.htm",
            f"<html><body><h1>关于第{i}项工作的通知</h1><p>{'各单位要认真落实。' * 20}</p></body></html>".encode(),
        )
    source = await env.services.store.add_source(
        SourceSpec(name="page", url=env.feed.url("/list/"), kind="page")
    )
    [first] = await env.services.poller.poll_sources([source])
    assert first.alert is None and len(first.new) == 4
    env.feed.update("/list/", body=b"<html><body><p>site redesigned</p></body></html>")
    source = await env.services.store.get_source("page")  # type: ignore[assignment]
    [broken] = await env.services.poller.poll_sources([source])
    assert broken.alert == "layout_changed"
    await notify_admins(env.h.app.bot, env.services, [broken])
    alert = await env.h.reply(env.admin)
    assert "page" in alert["text"] and "改版" in alert["text"]
    source = await env.services.store.get_source("page")  # type: ignore[assignment]
    [again] = await env.services.poller.poll_sources([source])
    assert again.layout_changed and again.alert is None  # flagged, but the admins are not told twice


async def test_an_edited_notice_sends_a_short_update_only_where_the_source_asks(env: ChatEnv) -> None:
    from bot.models import SourceSpec

    env.feed.add(
        "/loud.xml", rss([("x", "关于调整办事时间的通知", BODY)]), content_type="application/rss+xml"
    )
    loud = await env.services.store.add_source(
        SourceSpec(name="loud", url=env.feed.url("/loud.xml"), notify_updates=True)
    )
    await env.services.poller.poll_sources([loud])  # first poll: seen
    await env.ask(env.user, "/subscribe all")
    env.feed.update(
        "/loud.xml", body=rss([("x", "关于调整办事时间的通知", BODY + "办事时间改为9时至17时。")])
    )
    env.items[0] = (env.items[0][0], env.items[0][1], BODY + "（已修订）")  # acftu edits a notice too
    env.feed.update("/feed.xml", body=rss(env.items))
    reports = await env.services.poller.poll_all()
    assert sorted(r.updated for r in reports) == [1, 1]
    assert env.services.sender is not None
    env.services.sender.wake()
    update = await env.h.reply(env.user, timeout=10)
    assert "通知已更新" in update["text"] and "关于调整办事时间的通知" in update["text"]
    await env.h.no_reply(env.user, within=0.5)  # acftu does not notify updates: nothing for its edit


async def test_huge_titles_still_fit_search_and_latest(env: ChatEnv) -> None:
    for i in range(6):
        await env.publish(f"huge{i}", f"关于疫情防控第{i}项的通知" + "很长的标题" * 700)
    await env.services.poller.poll_all()
    found = await env.ask(env.user, "/search 疫情")
    assert "找到" in found["text"] and "…" in found["text"]
    latest = await env.ask(env.user, "/latest 20")
    assert "最新通知" in latest["text"] and len(latest["text"]) <= 4096
    assert (await env.h.emu.counters()).get("status_400", 0) == 0  # nothing Telegram would reject
