"""`main.py run` against the emulator (the token never reaches the logs) and `main.py demo` end to end."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bot.emulator import EmulatorClient, EmulatorServer

ROOT = Path(__file__).resolve().parents[1]
SECRET_TOKEN = "987654:SECRET-token-that-must-never-be-logged-xyz"


async def test_run_keeps_the_token_out_of_the_logs(emulator: EmulatorServer, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[telegram]\nbase_url = "{emulator.base_url}"\n[storage]\npath = "bot.sqlite3"\n', encoding="utf-8"
    )
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": SECRET_TOKEN}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "main.py"), "-v", "run", "--config", str(config),
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        async with EmulatorClient(emulator.url) as emu:
            user = await emu.create_user("Alice", language_code="en")
            await emu.create_private_chat(user)
            await emu.send_text(user, "/help")  # queued until the bot starts polling
            reply: list[dict[str, object]] = []
            for _ in range(60):
                reply, _ = await emu.transcript_page(user, wait=0.5)
                if reply:
                    break
            assert reply and "search" in str(reply[0]["text"]).lower()
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(proc.communicate(), 30)
    log = stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, log[-2000:]
    assert "noticebot starting" in log  # the log is really there
    assert SECRET_TOKEN not in log and SECRET_TOKEN.split(":")[1] not in log


def test_run_without_a_token_says_so_and_exits_2(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "run"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2 and "telegram.token" in proc.stderr and "Traceback" not in proc.stderr


# Heavy: the demo runs the bot, the emulator and a broadcast in processes of its own (tests/test_failover.py
# says why the heavy tests share one worker).
@pytest.mark.xdist_group("heavy")
def test_demo_runs_the_whole_story_and_exits_0() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "demo"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    out = proc.stdout
    assert "已订阅 acftu" in out  # subscribed with a button
    assert "打赢新型冠状病毒感染肺炎疫情防控阻击战的通知" in out  # the pushed seed notice
    assert "找到" in out and "demo finished." in out
    assert "[⏰ 提醒我]" in out and "设置 2 条提醒" in out  # a reminder scheduled from a push's button


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def test_run_in_webhook_mode_receives_updates_by_webhook(
    emulator: EmulatorServer, tmp_path: Path
) -> None:
    port = _free_port()
    config = tmp_path / "config.toml"
    config.write_text(
        f'[telegram]\nbase_url = "{emulator.base_url}"\nwebhook_url = "http://127.0.0.1:{port}/hook"\n'
        f'webhook_listen = "127.0.0.1:{port}"\n[storage]\npath = "bot.sqlite3"\n',
        encoding="utf-8",
    )
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": SECRET_TOKEN}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "main.py"), "run", "--config", str(config),
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        async with EmulatorClient(emulator.url) as emu:
            user = await emu.create_user("Alice", language_code="en")
            await emu.create_private_chat(user)
            await emu.send_text(user, "/help")  # queued until the bot's webhook is set
            reply: list[dict[str, object]] = []
            for _ in range(60):
                reply, _ = await emu.transcript_page(user, wait=0.5)
                if reply:
                    break
            assert reply and "search" in str(reply[0]["text"]).lower()
            assert emulator.emulator.api.webhook.url == f"http://127.0.0.1:{port}/hook"
            counters = await emu.counters()
            assert (
                counters["method_setwebhook"] >= 1 and counters.get("method_getupdates", 0) == 0
            )  # no polling
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(proc.communicate(), 30)
    log = stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, log[-2000:]
    assert SECRET_TOKEN not in log


async def test_a_rejected_token_is_reported_without_the_token(
    emulator: EmulatorServer, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    # The emulator accepts only its own token when told one: ours is then rejected with 401, as by Telegram.
    emulator.emulator.config.token = "111:the-only-good-token-for-this-emulator"
    config.write_text(f'[telegram]\nbase_url = "{emulator.base_url}"\n', encoding="utf-8")
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": SECRET_TOKEN}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "main.py"), "run", "--config", str(config),
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    text = (out + err).decode("utf-8", "replace")
    assert proc.returncode == 2, text[-2000:]
    assert "rejected" in text.lower() or "unauthorized" in text.lower()
    assert SECRET_TOKEN not in text and SECRET_TOKEN.split(":")[1] not in text
