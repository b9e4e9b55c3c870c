"""Parsing off the event loop, with a time limit: feeds, listing pages and articles run in a small pool.

Threads, not processes: parsers are made linear in their input and the input is size-capped, so the limit
is a backstop. A parse past its limit fails its source (ParseTimeout); its thread finishes on its own
while everything else goes on. The pool is our own, so a stuck parse never takes the default executor's
threads (DNS resolution and the summariser use those).
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from bot.sources.errors import ParseTimeout

__all__ = ["PARSE_TIMEOUT", "run_parser"]

T = TypeVar("T")
PARSE_TIMEOUT = 30.0  # seconds; a 5 MB listing parses in well under a second
_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="noticebot-parse")


async def run_parser(
    fn: Callable[..., T], /, *args: Any, what: str, limit: float = PARSE_TIMEOUT, **kwargs: Any
) -> T:
    """fn(*args, **kwargs) in the parse pool; ParseTimeout when it takes longer than limit seconds."""
    future = asyncio.get_running_loop().run_in_executor(_POOL, functools.partial(fn, *args, **kwargs))
    try:
        async with asyncio.timeout(limit):
            return await future
    except TimeoutError:
        raise ParseTimeout(f"parsing {what} took longer than {limit:g}s; skipped") from None
