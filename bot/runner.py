"""Running a PTB Application by hand (as run_polling does, but inside our own event loop): start and stop."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram.ext import Application

__all__ = ["polling", "run_until_signal", "started"]


@asynccontextmanager
async def polling(
    app: Application[Any, Any, Any, Any, Any, Any], *, poll_timeout: int = 10
) -> AsyncIterator[None]:
    """Initialize, run post_init, start and poll; on exit stop and shut down with the post_* hooks.

    run_polling() owns the event loop and blocks; the demo and the tests need the bot running beside
    their own coroutines, in the same order of hooks.
    """
    async with started(app):
        assert app.updater is not None, "the Application needs an Updater to poll"
        # On a shared store the instance holding the updates role started it already (bot.roles).
        if not app.updater.running:
            await app.updater.start_polling(poll_interval=0.0, timeout=poll_timeout)
        yield


@asynccontextmanager
async def started(app: Application[Any, Any, Any, Any, Any, Any]) -> AsyncIterator[None]:
    """Initialize, run post_init and start, without polling: something else (bot.roles) decides whether
    this instance long-polls. On exit: stop the updater if it runs, stop, shut down, with the post_* hooks."""
    await app.initialize()
    try:
        if app.post_init is not None:
            await app.post_init(app)
        await app.start()
        yield
    finally:
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
            if app.post_stop is not None:
                await app.post_stop(app)
        await app.shutdown()
        if app.post_shutdown is not None:
            await app.post_shutdown(app)


async def run_until_signal(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Run the application until SIGINT or SIGTERM (main.py run with a shared PostgreSQL store)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with started(app):
        await stop.wait()
