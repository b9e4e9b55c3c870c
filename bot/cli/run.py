"""`main.py run`: run the bot for real: long polling by default, a webhook when telegram.webhook_url is set."""

from __future__ import annotations

import argparse
import logging
import secrets

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

    config = load_config(args.config)
    app = build_application(config)  # ConfigError (exit 2) when the token is missing
    tg = config.telegram
    log.info(
        "noticebot starting: %d sources in config, database %s", len(config.sources), config.storage.path
    )
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
