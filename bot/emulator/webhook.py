"""Webhook delivery: after setWebhook the emulator POSTs each update to the bot's URL, as Telegram does."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import httpx

from bot.emulator.state import State

__all__ = ["WebhookPusher"]

log = logging.getLogger(__name__)
_RETRY = 0.5  # seconds before a failed delivery is tried again (Telegram backs off far longer)


class WebhookPusher:
    """Holds the webhook URL and a task that delivers pending updates to it, one at a time, in order."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.url = ""
        self.secret = ""
        self.last_error = ""
        self._task: asyncio.Task[None] | None = None

    @property
    def active(self) -> bool:
        """Whether a webhook is set (getUpdates then answers 409)."""
        return bool(self.url)

    def set(self, url: str, secret: str) -> None:
        """Start delivering to url; the secret goes out as X-Telegram-Bot-Api-Secret-Token."""
        self.url, self.secret = url, secret
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run(), name="emulator-webhook")

    async def clear(self) -> None:
        """Stop delivering (deleteWebhook, or the server stopping); undelivered updates stay queued."""
        self.url = ""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        async with httpx.AsyncClient(timeout=10.0, trust_env=False) as client:
            while self.url:
                pending = self.state.pending(1)
                if not pending:
                    await self.state.wait_updates(1.0)
                    continue
                update = pending[0]
                headers = {"X-Telegram-Bot-Api-Secret-Token": self.secret} if self.secret else {}
                try:
                    response = await client.post(self.url, json=update, headers=headers)
                    delivered = response.is_success
                    self.last_error = (
                        "" if delivered else f"Wrong response from the webhook: {response.status_code}"
                    )
                except httpx.HTTPError as exc:
                    delivered, self.last_error = False, f"Connection failed: {exc}"
                if delivered:
                    self.state.confirm(update["update_id"] + 1)
                else:
                    await asyncio.sleep(_RETRY)
