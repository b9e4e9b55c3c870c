"""Which instance sends and which long-polls updates: roles claimed through the store, re-checked often.

Telegram's limits belong to the bot token, so exactly one instance (the one holding the "sender" role) runs
the Sender: its pacer is then the only one spending the token's budget, whatever the number of instances.
Long polling is likewise one instance's ("updates"; a second getUpdates would get 409 Conflict). In webhook
mode every instance serves updates and only the sender role is claimed. docs/instances.md argues the choice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from telegram import Update

from bot.delivery import Sender
from storage.api import InstanceStore

__all__ = ["ROLE_CHECK", "RoleKeeper"]

log = logging.getLogger(__name__)
ROLE_CHECK = 2.0  # seconds between claims: a dead instance's roles are taken over within about this


class RoleKeeper:
    """Claims the roles this instance may hold and starts or stops what each role runs."""

    def __init__(
        self, store: InstanceStore, sender: Sender, updater: Any = None, *, interval: float = ROLE_CHECK
    ) -> None:
        self.store = store
        self.sender = sender
        self.updater = updater  # PTB Updater when this instance may long-poll; None in webhook mode
        self.interval = interval
        self.held: tuple[str, ...] = ()
        self._task: asyncio.Task[None] | None = None

    async def check(self) -> tuple[str, ...]:
        """Claim or confirm each role once; start what a new role runs, stop what a lost one ran."""
        held: list[str] = []
        if await self.store.claim_role("sender"):
            held.append("sender")
            if not self.sender.running:
                log.info("taking the sender role: sending from this instance")
                await self.sender.start()
        elif self.sender.running:
            log.warning("lost the sender role: stopping this instance's sender")
            await self.sender.stop()
        if self.updater is not None:
            if await self.store.claim_role("updates"):
                held.append("updates")
                if not self.updater.running:
                    log.info("taking the updates role: long polling from this instance")
                    await self.updater.start_polling(
                        poll_interval=0.0, timeout=10, allowed_updates=Update.ALL_TYPES
                    )
            elif self.updater.running:
                log.warning("lost the updates role: stopping long polling")
                await self.updater.stop()
        self.held = tuple(held)
        await self.store.heartbeat(self.held)
        return self.held

    def start(self) -> None:
        """Keep checking in the background."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="noticebot-roles")

    async def stop(self) -> None:
        """Stop checking and give the roles up, so another instance takes them at once."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self.updater is not None and self.updater.running:
            await self.updater.stop()
        for role in self.held:
            await self.store.release_role(role)
        self.held = ()

    async def _run(self) -> None:
        while True:
            try:
                await self.check()
            except Exception:  # not CancelledError (a BaseException): stopping ends the loop
                log.exception("checking this instance's roles failed; trying again")
            await asyncio.sleep(self.interval)
