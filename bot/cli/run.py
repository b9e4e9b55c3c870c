"""`main.py run`: run the bot for real: long polling by default, a webhook when telegram.webhook_url is set."""

from __future__ import annotations

import argparse
import asyncio
import logging
import secrets
from pathlib import Path

HELP = "run the bot (long polling, or a webhook when telegram.webhook_url is set)"

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """run takes only --config."""


def run(args: argparse.Namespace) -> int:
    """Build the application from the config and run it until Ctrl-C / SIGTERM."""
    from telegram import Update

    from bot.app import FATAL, build_application
    from bot.config import load_config
    from bot.errors import ConfigError
    from bot.logs import register_secret
    from bot.runner import run_until_signal
    from storage import redact_url

    config = load_config(args.config)
    if config.storage.shared:
        # An unreachable server or a wrong URL is one line and exit 2 now, not a traceback from post_init.
        asyncio.run(_check_storage(config.storage.target))
    app = build_application(config)  # ConfigError (exit 2) when the token is missing
    tg = config.telegram
    log.info(
        "noticebot starting: %d sources in config, database %s",
        len(config.sources),
        redact_url(config.storage.url) if config.storage.url else config.storage.path,
    )
    if not tg.webhook_url and config.storage.shared:
        # Several instances may share the database: long polling only where bot.roles says so.
        asyncio.run(run_until_signal(app))
        return 0
    if not tg.webhook_url:
        app.run_polling(allowed_updates=Update.ALL_TYPES)
        _raise_fatal(app.bot_data.get(FATAL))
        return 0
    # Telegram only calls HTTPS webhooks; a self-hosted Bot API server (base_url) may call plain HTTP.
    schemes = ("https://", "http://") if tg.base_url else ("https://",)
    if not tg.webhook_url.startswith(schemes):
        raise ConfigError(
            "telegram.webhook_url", "an https:// URL (Telegram only calls HTTPS webhooks)", tg.webhook_url
        )
    host, _, port = tg.webhook_listen.rpartition(":")
    if not host or not port.isdigit():
        raise ConfigError("telegram.webhook_listen", "host:port such as 127.0.0.1:8443", tg.webhook_listen)
    secret = tg.webhook_secret or secrets.token_urlsafe(32)
    register_secret(secret)
    path = tg.webhook_url.rstrip("/").rsplit("/", 1)[-1]
    app.run_webhook(
        listen=host,
        port=int(port),
        url_path=path,
        webhook_url=tg.webhook_url,
        secret_token=secret,
        allowed_updates=Update.ALL_TYPES,
    )
    _raise_fatal(app.bot_data.get(FATAL))
    return 0


def _raise_fatal(error: object) -> None:
    """What stopped the bot (a damaged database) leaves main() as one error line and exit code 1."""
    if isinstance(error, BaseException):
        raise error


async def _check_storage(target: str | Path) -> None:
    """Open (migrating) and close the configured store; StorageUnavailableError when it cannot be reached."""
    from storage import open_backend

    store = await open_backend(target)
    await store.close()
