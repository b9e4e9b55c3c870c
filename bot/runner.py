"""Running a PTB Application by hand (as run_polling does, but inside our own event loop): start and stop."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram.ext import Application

__all__ = ["polling"]


@asynccontextmanager
async def polling(
    app: Application[Any, Any, Any, Any, Any, Any], *, poll_timeout: int = 10
) -> AsyncIterator[None]:
    """Initialize, run post_init, start and poll; on exit stop and shut down with the post_* hooks.

    run_polling() owns the event loop and blocks; the demo and the tests need the bot running beside
    their own coroutines, in the same order of hooks.
    """
    await app.initialize()
    try:
        if app.post_init is not None:
            await app.post_init(app)
        await app.start()
        assert app.updater is not None, "the Application needs an Updater to poll"
        await app.updater.start_polling(poll_interval=0.0, timeout=poll_timeout)
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
