"""`python -m bot.delivery.run`: the sender alone as a process (crash test, benchmark, manual drains).

Sends the outbox of --db (and, like the bot, due digests, held pushes and reminders) through the Bot
API at --base-url until SIGINT/SIGTERM, or until nothing is left to send with --until-idle; prints one
JSON line of what it did (and its peak RSS) on exit. From the bot's config file (--config, else
config.toml if present) it takes the [delivery] retention, the window of a returning chat's catch-up.
Not beside a running bot on the same database: like the bot at its start, it puts the rows a previous
run left in flight back to pending.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import resource
import signal
import sys
import time
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from bot.config import Config, load_config
from bot.delivery.catchup import CatchUps
from bot.delivery.digest import Digests
from bot.delivery.sender import Sender, SenderSettings
from bot.delivery.timed import TimedSends, periodic_step
from bot.delivery.transport import PTBMessenger, file_url_for
from bot.errors import ConfigError
from storage import Store, open_store

__all__ = ["main", "peak_rss_mb"]

log = logging.getLogger(__name__)


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB.

    VmHWM from /proc where there is one: ru_maxrss survives execve on Linux, so a child started by a
    large parent would report the parent's size at fork time instead of its own.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bot.delivery.run", description=__doc__)
    p.add_argument("--db", type=Path, required=True, help="the SQLite database")
    p.add_argument("--base-url", default="", help="Bot API base URL (default: Telegram's)")
    p.add_argument(
        "--token", default=os.environ.get("NOTICEBOT_TOKEN", ""), help="bot token (or NOTICEBOT_TOKEN)"
    )
    p.add_argument("--rate", type=float, default=30.0, help="messages/s overall; 0 = no cap")
    p.add_argument("--paid", action="store_true", help="send with allow_paid_broadcast")
    p.add_argument("--concurrency", type=int, default=16, help="messages in flight")
    p.add_argument("--until-idle", action="store_true", help="exit when no delivery is pending")
    p.add_argument("--no-proxy-env", action="store_true", help="ignore HTTP(S)_PROXY (loopback emulator)")
    p.add_argument(
        "--config",
        type=Path,
        default=None,
        metavar="PATH",
        help="the bot's config file, for its [delivery] retention, the window of a returning chat's catch-up"
        " (default: config.toml if present, else built-in defaults)",
    )
    return p


async def _drained(store: Store) -> bool:
    """Nothing pending (instant) and nothing claimed: the outbox is done."""
    return await store.next_delivery_time() is None and (await store.delivery_counts())["sending"] == 0


async def _amain(args: argparse.Namespace, config: Config) -> dict[str, object]:
    store = await open_store(args.db)
    base_url = args.base_url.rstrip("/")
    messenger = PTBMessenger.dedicated(
        args.token,
        base_url=base_url or None,
        base_file_url=file_url_for(base_url) if base_url else None,
        pool_size=args.concurrency + 4,
        trust_env=not args.no_proxy_env,
    )
    settings = SenderSettings(
        rate=args.rate or None, paid_broadcast=args.paid, concurrency=args.concurrency, idle_poll=0.2
    )
    sender = Sender(store, messenger, settings)
    # As in the bot (bot.app): a returning chat's catch-up is bounded by the configured outbox retention.
    catchups = CatchUps(sender, window=timedelta(seconds=config.delivery.retention))
    sender.digests = periodic_step(Digests(sender), TimedSends(sender), catchups)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    started = time.perf_counter()
    try:
        await sender.start()
        print("sender started", flush=True)
        while not stop.is_set():
            if args.until_idle and not sender.busy and await _drained(store):
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 0.3)
    finally:
        await sender.stop()
        counts = await store.delivery_counts()
        await store.close()
    elapsed = time.perf_counter() - started
    stats = sender.stats
    return {
        "sent": stats.sent,
        "failed": stats.failed,
        "rate_limited": stats.rate_limited,
        "elapsed_s": round(elapsed, 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "counts": counts,
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from bot.logs import register_secret, setup_logging

    register_secret(args.token)
    setup_logging(logging.WARNING)
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    result = asyncio.run(_amain(args, config))
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
