"""Crash safety: SIGKILL the sender mid-broadcast to 2,000 chats, restart it, and count what arrived.

The emulator and the sender each run as their own process, as in production. Every chat must have the
notice, and the chats that got it twice must number no more than the sender's in-flight concurrency.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.emulator import EmulatorClient
from tests.delivery_world import new_store, notice, private_chats, publish
from tests.harness import TEST_TOKEN

ROOT = Path(__file__).resolve().parent.parent
CHATS = 2000
CONCURRENCY = 16
RATE = 400.0  # messages/s: the broadcast lasts ~5 s, so the kill lands mid-way

# One worker runs the "heavy" group one test at a time (Makefile: --dist loadgroup): these end-to-end runs
# push hundreds to thousands of messages and bound rates, latencies and takeover times; two of them at once
# on 2 cores would starve each other.
pytestmark = pytest.mark.xdist_group("heavy")


@pytest.fixture
def emulator_process() -> Iterator[str]:
    """`python main.py emulator --port 0` in its own process; yields its base URL (http://host:port)."""
    proc = subprocess.Popen(
        [sys.executable, "main.py", "emulator", "--port", "0", "--no-limits"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline().strip()  # "base_url: http://127.0.0.1:PORT/bot"
        assert first.startswith("base_url: "), first
        yield first.removeprefix("base_url: ").removesuffix("/bot")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()


def _sender(db: Path, url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot.delivery.run",
            "--db",
            str(db),
            "--base-url",
            f"{url}/bot",
            "--token",
            TEST_TOKEN,
            "--rate",
            str(RATE),
            "--concurrency",
            str(CONCURRENCY),
            "--until-idle",
            "--no-proxy-env",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


async def test_sigkill_mid_broadcast_loses_nothing_and_duplicates_at_most_in_flight(
    tmp_path: Path, emulator_process: str
) -> None:
    started = time.perf_counter()
    async with EmulatorClient(emulator_process) as emu:
        chats = await private_chats(emu, CHATS)
        store, source = await new_store(tmp_path)
        for chat_id in chats:
            await store.upsert_chat(chat_id, "private")
            await store.subscribe(chat_id, None)
        await publish(store, source, notice("crash-1"))
        await store.close()
        db = tmp_path / "noticebot.sqlite3"

        first = _sender(db, emulator_process)
        while (await emu.counters()).get("messages", 0) < CHATS // 3:
            assert first.poll() is None, "the sender finished before it could be killed"
            await asyncio.sleep(0.02)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        assert first.stdout is not None
        first.stdout.close()
        at_kill = (await emu.counters())["messages"]

        second = _sender(db, emulator_process)
        out, _ = await asyncio.to_thread(second.communicate, timeout=60)
        assert second.returncode == 0, out
        report = json.loads(out.strip().splitlines()[-1])

        # One bulk request: 2,000 single ones at once queue past the client's pool timeout on a loaded machine.
        per_chat = await emu.transcripts(chats)
        received = [len(per_chat[c]) for c in chats]
    missing = sum(1 for n in received if n == 0)
    duplicated = sum(1 for n in received if n >= 2)
    print(
        f"\ncrash test: {CHATS} chats, killed after {at_kill} messages; missing={missing}"
        f" duplicated={duplicated} (bound: concurrency {CONCURRENCY}); restart sent {report['sent']}"
        f" in {report['elapsed_s']}s; total {time.perf_counter() - started:.1f}s"
    )
    assert missing == 0
    assert max(received) <= 2
    assert duplicated <= CONCURRENCY
    assert report["counts"]["sent"] == CHATS and report["counts"]["pending"] == 0
