"""`main.py poll`: poll due sources once, or on schedule until stopped, printing each new notice."""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Config

HELP = "poll due sources (once with --once, else on schedule) and print new notices"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add poll's flags."""
    parser.add_argument("--once", action="store_true", help="poll every due source once, then exit")
    parser.add_argument("--json", action="store_true", help="print one JSON object per new notice")
    parser.add_argument(
        "--tick", type=float, default=30.0, help="seconds between schedule checks (default 30)"
    )


def run(args: argparse.Namespace) -> int:
    """Load the config and poll."""
    from bot.config import load_config

    config = load_config(args.config)
    return asyncio.run(_main(config, once=args.once, as_json=args.json, tick=args.tick))


async def _main(config: Config, *, once: bool, as_json: bool, tick: float) -> int:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.errors import StorageError
    from bot.poller import PollReport
    from bot.runtime import open_runtime

    def show(reports: list[PollReport]) -> None:
        for report in reports:
            if report.error:
                print(f"[{report.source}] failed: {report.error}", file=sys.stderr, flush=True)
            for n in report.new:
                published = n.published.date().isoformat() if n.published else None
                if as_json:
                    row = {
                        "id": n.id,
                        "source": n.source,
                        "title": n.title,
                        "url": n.url,
                        "published": published,
                    }
                    print(json.dumps(row, ensure_ascii=False), flush=True)
                else:
                    print(f"[{n.source}] {n.title}  {published or '-'}  {n.url}", flush=True)

    async with open_runtime(config) as rt:
        if once:
            show(await rt.poller.poll_due())
            return 0
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)

        failure: list[BaseException] = []

        async def cycle() -> None:
            try:
                show(await rt.poller.poll_due())
            except StorageError as exc:  # a damaged database: stop, with the error as the exit status
                failure.append(exc)
                stop.set()

        # The schedule lives in the database (each source's next_due); the scheduler only ticks.
        scheduler = AsyncIOScheduler()
        scheduler.add_job(
            cycle, "interval", seconds=tick, max_instances=1, coalesce=True, next_run_time=datetime.now(UTC)
        )
        scheduler.start()
        try:
            await stop.wait()
        finally:
            scheduler.shutdown(wait=False)
        if failure:
            raise failure[0]
        return 0
