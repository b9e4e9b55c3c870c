"""Broadcast benchmark: paced rate vs the cap, a reply burst, a hidden limit, the engine vs a bare send
loop, and outbox scale and memory.

Run as `.venv/bin/python bench/broadcast.py` (part of `make bench`); the emulator runs as a separate
process (`main.py emulator --port 0`). Phases:
  paced    --subscribers private chats at --cap msg/s against the emulator's strict windows (at most
           cap in any second): achieved share of the cap, 429s received, every chat exactly one message.
  burst    --burst users send /start to the real bot (PTB over HTTP) in the same instant: all answered
           exactly once, p50/p95 reply latency, 429s.
  hidden   --hidden chats with the bot configured for 30/s while the emulator enforces --hidden-rate
           without saying so: 429s drawn and the achieved share of the real limit.
  unpaced  --unpaced chats with limits off: msg/s through the whole engine beside a bare loop of
           bot.send_message calls at the same concurrency.
  scale    creating the outbox for one notice and --scale subscribers, then the peak RSS of a sender
           process (`python -m bot.delivery.run`) draining it.
Prints a table, then one JSON line with every figure. The paced default (5,000 at 30/s) takes ~3 min.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from telegram import LinkPreviewOptions

from bot.delivery.sender import Sender, SenderSettings
from bot.delivery.transport import PTBMessenger
from bot.emulator import EmulatorClient
from bot.render import render_notice
from storage import SQLiteStore, open_store
from storage.models import NewNotice, SourceSpec, Summary

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:BENCH-token-for-the-local-emulator"


@contextmanager
def emulator(no_limits: bool, *extra: str) -> Iterator[str]:
    """The emulator as its own process; yields http://127.0.0.1:PORT."""
    args = [sys.executable, "main.py", "emulator", "--port", "0", *extra] + (
        ["--no-limits"] if no_limits else []
    )
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        if not line.startswith("base_url: "):
            raise RuntimeError(f"emulator did not start: {line!r}")
        yield line.removeprefix("base_url: ").removesuffix("/bot")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()


async def make_chats(emu: EmulatorClient, n: int) -> list[int]:
    """n users who pressed Start in the emulator; their chat ids."""
    sem = asyncio.Semaphore(64)

    async def one(i: int) -> int:
        async with sem:
            user = await emu.create_user(f"U{i}")
            return int((await emu.create_private_chat(user))["id"])

    return list(await asyncio.gather(*(one(i) for i in range(n))))


async def make_store(path: Path, chats: list[int]) -> tuple[SQLiteStore, int]:
    """A database with one source and every chat subscribed to all sources (bulk set-up, not measured)."""
    store = await open_store(path)
    source = await store.add_source(SourceSpec(name="bench", url="http://127.0.0.1/bench/"))
    now = time.time()
    async with store.db.transaction() as conn:
        await conn.executemany(
            "INSERT INTO chats (id, type, created) VALUES (?, 'private', ?)", [(c, now) for c in chats]
        )
        await conn.executemany(
            "INSERT INTO subscriptions (chat_id, source_id, created) VALUES (?, NULL, ?)",
            [(c, now) for c in chats],
        )
    return store, source.id


def bench_notice(key: str) -> NewNotice:
    title = "关于做好2026年度职工疗休养工作的通知"
    text = "各省、自治区、直辖市总工会：为做好职工疗休养工作，现就有关事项通知如下。" * 4
    return NewNotice(
        key=key,
        url=f"https://www.example.gov.cn/{key}.html",
        title=title,
        text=text,
        published=None,
        content_hash=key,
        dup_key=key,
        summary=Summary(
            title=title, issuer="全国总工会", directives=("做好组织", "按时报送"), summary=text[:120]
        ),
    )


async def publish(store: SQLiteStore, source_id: int, key: str) -> float:
    """Store one notice with deliver=True; returns the seconds it took (outbox creation included)."""
    started = time.perf_counter()
    await store.store_notices(
        source_id, [bench_notice(key)], now=datetime.now(UTC), deliver=True, notify_updates=False
    )
    return time.perf_counter() - started


async def drained(store: SQLiteStore) -> bool:
    """Nothing pending and nothing claimed."""
    return await store.next_delivery_time() is None and (await store.delivery_counts())["sending"] == 0


async def run_engine(store: SQLiteStore, url: str, settings: SenderSettings) -> float:
    """Drain the outbox with the Sender in this process; returns elapsed seconds."""
    messenger = PTBMessenger.dedicated(
        TOKEN,
        base_url=f"{url}/bot",
        base_file_url=f"{url}/file/bot",
        pool_size=settings.concurrency + 4,
        trust_env=False,
    )
    sender = Sender(store, messenger, settings)
    started = time.perf_counter()
    await sender.start()
    try:
        while True:
            await asyncio.sleep(0.1)
            if not sender.busy and await drained(store):
                break
    finally:
        await sender.stop()
    return time.perf_counter() - started


async def run_bare(url: str, chats: list[int], text: str, concurrency: int) -> float:
    """The baseline: bot.send_message for every chat, `concurrency` at a time, nothing else."""
    messenger = PTBMessenger.dedicated(
        TOKEN,
        base_url=f"{url}/bot",
        base_file_url=f"{url}/file/bot",
        pool_size=concurrency + 4,
        trust_env=False,
    )
    bot = messenger.bot
    sem = asyncio.Semaphore(concurrency)

    async def one(chat_id: int) -> None:
        async with sem:
            await bot.send_message(
                chat_id, text, parse_mode="HTML", link_preview_options=LinkPreviewOptions(is_disabled=True)
            )

    await messenger.initialize()
    try:
        started = time.perf_counter()
        await asyncio.gather(*(one(c) for c in chats))
        return time.perf_counter() - started
    finally:
        await messenger.shutdown()


async def paced(url: str, n: int, cap: float, concurrency: int, tmp: Path) -> dict[str, Any]:
    async with EmulatorClient(url) as emu:
        # The emulator counts a strict window at Telegram's 30/s; a different cap (paid broadcasts) gets
        # a matching limit.
        await emu.set_limits(model="window", global_rate=cap, global_burst=max(1, int(cap)))
        chats = await make_chats(emu, n)
        store, source_id = await make_store(tmp / "paced.sqlite3", chats)
        await publish(store, source_id, "paced")
        elapsed = await run_engine(
            store, url, SenderSettings(rate=cap, concurrency=concurrency, paid_broadcast=cap > 30)
        )
        await store.close()
        counters = await emu.counters()
        per_chat = await transcripts(emu, chats)
    rate = n / elapsed
    return {
        "chats": n,
        "cap": cap,
        "seconds": round(elapsed, 2),
        "rate": round(rate, 2),
        "share_of_cap": round(rate / cap, 4),
        "429s": counters.get("rate_limited", 0),
        "exactly_once": all(len(m) == 1 for m in per_chat),
    }


async def transcripts(emu: EmulatorClient, chats: list[int]) -> list[list[dict[str, Any]]]:
    """Every chat's transcript, 64 requests at a time (thousands at once make httpx's pool spin)."""
    sem = asyncio.Semaphore(64)

    async def one(chat: int) -> list[dict[str, Any]]:
        async with sem:
            return await emu.transcript(chat)

    return list(await asyncio.gather(*(one(c) for c in chats)))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def burst(url: str, n: int, tmp: Path) -> dict[str, Any]:
    """n users send /start to the real bot at once; every reply's latency from the emulator's stamps."""
    from bot.app import build_application
    from bot.config import Config, StorageConfig, TelegramConfig
    from bot.runner import polling

    async with EmulatorClient(url) as emu:
        await emu.set_limits(model="window")
        sem = asyncio.Semaphore(64)

        async def user(i: int) -> int:
            async with sem:
                u = await emu.create_user(f"B{i}", language_code="zh")
                await emu.create_private_chat(u)
                return int(u["id"])

        users = list(await asyncio.gather(*(user(i) for i in range(n))))
        config = Config(
            telegram=TelegramConfig(token=TOKEN, base_url=f"{url}/bot"),
            storage=StorageConfig(path=tmp / "burst.sqlite3"),
        )
        app = build_application(config, poll_tick=3600)
        async with polling(app, poll_timeout=1):

            async def start(u: int) -> None:
                async with sem:
                    await emu.send_text(u, "/start")

            await asyncio.gather(*(start(u) for u in users))
            for _ in range(600):  # up to 2 minutes
                if (await emu.counters()).get("messages", 0) >= n:  # the bot's messages
                    break
                await asyncio.sleep(0.2)
            await asyncio.sleep(1.0)  # a duplicate would show up now
        logs = [await emu.transcript(u, incoming=True) for u in users]  # one at a time: few
        counters = await emu.counters()
    latencies, answered_once = [], 0
    for log in logs:
        replies = [m for m in log if m["outgoing"]]
        asked = next(m["emu_time"] for m in log if not m["outgoing"])
        answered_once += len(replies) == 1
        if replies:
            latencies.append(replies[0]["emu_time"] - asked)
    return {
        "users": n,
        "answered_exactly_once": answered_once,
        "p50_s": round(percentile(latencies, 0.5), 2) if latencies else None,
        "p95_s": round(percentile(latencies, 0.95), 2) if latencies else None,
        "429s": counters.get("rate_limited", 0),
    }


async def hidden(url: str, n: int, real: float, concurrency: int, tmp: Path) -> dict[str, Any]:
    """The bot configured for 30/s against a server that enforces `real` in any second, unannounced."""
    async with EmulatorClient(url) as emu:
        await emu.set_limits(model="window", global_rate=30, hidden_rate=real)
        chats = await make_chats(emu, n)
        store, source_id = await make_store(tmp / "hidden.sqlite3", chats)
        await publish(store, source_id, "hidden")
        elapsed = await run_engine(store, url, SenderSettings(rate=30.0, concurrency=concurrency))
        await store.close()
        counters = await emu.counters()
        times = sorted(m["emu_time"] for log in await transcripts(emu, chats) for m in log)
    rate = (len(times) - 1) / (times[-1] - times[0])
    return {
        "chats": n,
        "real_limit": real,
        "configured": 30.0,
        "429s": counters.get("rate_limited", 0),
        "rate": round(rate, 2),
        "share_of_real_limit": round(rate / real, 4),
        "delivered": len(times),
        "seconds": round(elapsed, 1),
    }


async def unpaced(url: str, n: int, concurrency: int, tmp: Path) -> dict[str, Any]:
    async with EmulatorClient(url) as emu:
        chats = await make_chats(emu, n)
        store, source_id = await make_store(tmp / "unpaced.sqlite3", chats)
        await publish(store, source_id, "unpaced")
        notice = await store.get_notice(1)
        assert notice is not None
        engine = await run_engine(store, url, SenderSettings(rate=None, concurrency=concurrency))
        await store.close()
        bare = await run_bare(url, chats, render_notice(notice, "zh"), concurrency)
    return {
        "chats": n,
        "concurrency": concurrency,
        "engine_msgs_per_s": round(n / engine, 1),
        "bare_msgs_per_s": round(n / bare, 1),
        "engine_vs_bare": round(bare / engine, 3),
    }


async def scale(url: str, n: int, concurrency: int, tmp: Path) -> dict[str, Any]:
    async with EmulatorClient(url) as emu:
        chats = await make_chats(emu, n)
        db = tmp / "scale.sqlite3"
        store, source_id = await make_store(db, chats)
        outbox_s = await publish(store, source_id, "scale")
        await store.close()
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.delivery.run", "--db", str(db), "--base-url", f"{url}/bot",
            "--token", TOKEN, "--rate", "0", "--concurrency", str(concurrency), "--until-idle", "--no-proxy-env",
            cwd=ROOT, stdout=subprocess.PIPE,
        )  # fmt: skip
        out, _ = await proc.communicate()
        report = json.loads(out.decode().strip().splitlines()[-1])
        delivered = (await emu.counters()).get("messages", 0)
    return {
        "subscribers": n,
        "outbox_seconds": round(outbox_s, 3),
        "drain_seconds": report["elapsed_s"],
        "sender_peak_rss_mb": report["peak_rss_mb"],
        "delivered": delivered,
    }


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--subscribers", type=int, default=5000, help="chats in the paced run (default 5000)")
    parser.add_argument("--cap", type=float, default=30.0, help="the paced run's cap in msg/s (default 30)")
    parser.add_argument("--unpaced", type=int, default=20000, help="chats in the unpaced run (default 20000)")
    parser.add_argument(
        "--scale", type=int, default=100000, help="subscribers in the scale run (default 100000)"
    )
    parser.add_argument("--concurrency", type=int, default=16, help="messages in flight (default 16)")
    parser.add_argument("--burst", type=int, default=300, help="users sending /start at once (default 300)")
    parser.add_argument(
        "--hidden", type=int, default=3000, help="chats in the hidden-limit run (default 3000)"
    )
    parser.add_argument(
        "--hidden-rate", type=float, default=20.0, help="the hidden real limit (default 20/s)"
    )
    parser.add_argument(
        "--skip", action="append", default=[], choices=["paced", "burst", "hidden", "unpaced", "scale"]
    )
    args = parser.parse_args()
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        if "paced" not in args.skip:
            with emulator(no_limits=False) as url:
                figures["paced"] = p = await paced(url, args.subscribers, args.cap, args.concurrency, tmp)
            print(f"paced    {p['chats']} chats at cap {p['cap']:g}/s: {p['rate']}/s = {p['share_of_cap']:.1%} of cap"
                  f" (target >= 95%), 429s: {p['429s']} (target 0), exactly once: {p['exactly_once']}")  # fmt: skip
        if "burst" not in args.skip:
            with emulator(no_limits=False) as url:
                figures["burst"] = b = await burst(url, args.burst, tmp)
            print(f"burst    {b['users']} users /start at once: {b['answered_exactly_once']} answered exactly once,"
                  f" p50 {b['p50_s']}s, p95 {b['p95_s']}s, 429s: {b['429s']}")  # fmt: skip
        if "hidden" not in args.skip:
            with emulator(no_limits=False) as url:
                figures["hidden"] = h = await hidden(
                    url, args.hidden, args.hidden_rate, args.concurrency, tmp
                )
            print(f"hidden   {h['chats']} chats, bot at 30/s, real limit {h['real_limit']:g}/s: {h['429s']} x 429"
                  f" (target <= 5), {h['rate']}/s = {h['share_of_real_limit']:.1%} of the real limit (target >= 90%),"
                  f" delivered {h['delivered']}")  # fmt: skip
        if "unpaced" not in args.skip:
            with emulator(no_limits=True) as url:
                figures["unpaced"] = u = await unpaced(url, args.unpaced, args.concurrency, tmp)
            print(f"unpaced  {u['chats']} chats, {u['concurrency']} in flight: engine {u['engine_msgs_per_s']}/s,"
                  f" bare send loop {u['bare_msgs_per_s']}/s -> {u['engine_vs_bare']:.2f}x (target >= 0.8x)")  # fmt: skip
        if "scale" not in args.skip:
            with emulator(no_limits=True) as url:
                figures["scale"] = s = await scale(url, args.scale, args.concurrency, tmp)
            print(f"scale    {s['subscribers']} subscribers: outbox in {s['outbox_seconds']}s (target < 2 s);"
                  f" drained in {s['drain_seconds']}s, sender peak RSS {s['sender_peak_rss_mb']} MB (target < 200 MB),"
                  f" delivered {s['delivered']}")  # fmt: skip
    print(json.dumps({"bench": "broadcast", **figures}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
