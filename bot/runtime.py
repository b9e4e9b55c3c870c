"""Opens and closes the long-lived services (store, HTTP fetcher, poller) that the CLI and the bot share."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass

from bot.attachments.pool import ExtractorPool
from bot.attachments.reader import AttachmentReader
from bot.attachments.tools import find_tools, tool_report
from bot.config import Config
from bot.poller import Poller, default_summarizer
from bot.sources.fetch import USER_AGENT, Fetcher
from storage import Store, open_backend

__all__ = ["Runtime", "make_fetcher", "open_attachments", "open_runtime"]

log = logging.getLogger(__name__)


@dataclass(slots=True)
class Runtime:
    """The services one running noticebot holds."""

    config: Config
    store: Store
    fetcher: Fetcher
    poller: Poller


def make_fetcher(config: Config) -> Fetcher:
    """An HTTP fetcher with the configured limits."""
    poll = config.poll
    return Fetcher(
        user_agent=poll.user_agent or USER_AGENT,
        read_timeout=poll.timeout,
        total_timeout=max(poll.timeout * 4, 30.0),
        max_bytes=poll.max_bytes,
    )


@asynccontextmanager
async def open_attachments(config: Config, fetcher: Fetcher) -> AsyncIterator[AttachmentReader | None]:
    """The attachment reader and its worker processes (None when [attachments] enabled = false)."""
    settings = config.attachments
    if not settings.enabled:
        yield None
        return
    # Found at start-up and logged once, so an operator sees why a .wps or a scan was not read.
    tools = await asyncio.to_thread(find_tools)  # runs `tesseract --list-langs` once per process
    for name, present, effect in tool_report(tools):
        log.info("attachments: %s %s: %s", name, "found" if present else "absent", effect)
    async with ExtractorPool(
        workers=settings.workers, timeout=settings.timeout, memory_mb=settings.memory_mb
    ) as pool:
        yield AttachmentReader(fetcher, settings, pool)


@asynccontextmanager
async def open_runtime(config: Config, *, sync_sources: bool = True) -> AsyncIterator[Runtime]:
    """Open the store (syncing the config file's sources into it), the fetcher and the poller."""
    store = await open_backend(config.storage.target, lease=config.storage.lease)
    try:
        if sync_sources and config.sources:
            await store.sync_config_sources(config.sources)
        async with AsyncExitStack() as stack:
            fetcher = await stack.enter_async_context(make_fetcher(config))
            attachments = await stack.enter_async_context(open_attachments(config, fetcher))
            poller = Poller(
                store,
                fetcher,
                config.poll,
                summarizer=default_summarizer(config.summary.budget, config.summary.headline),
                attachments=attachments,
            )
            try:
                yield Runtime(config, store, fetcher, poller)
            finally:
                await poller.stop()
    finally:
        await store.close()
