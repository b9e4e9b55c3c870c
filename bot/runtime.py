"""Opens and closes the long-lived services (store, HTTP fetcher, poller) that the CLI and the bot share."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from bot.config import Config
from bot.poller import Poller, default_summarizer
from bot.sources.fetch import USER_AGENT, Fetcher
from storage import Store, open_store

__all__ = ["Runtime", "make_fetcher", "open_runtime"]


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
async def open_runtime(config: Config, *, sync_sources: bool = True) -> AsyncIterator[Runtime]:
    """Open the store (syncing the config file's sources into it), the fetcher and the poller."""
    store = await open_store(config.storage.path)
    try:
        if sync_sources and config.sources:
            await store.sync_config_sources(config.sources)
        async with make_fetcher(config) as fetcher:
            poller = Poller(
                store,
                fetcher,
                config.poll,
                summarizer=default_summarizer(config.summary.budget, config.summary.headline),
            )
            try:
                yield Runtime(config, store, fetcher, poller)
            finally:
                await poller.stop()
    finally:
        await store.close()
