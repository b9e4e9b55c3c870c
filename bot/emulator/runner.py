"""Running the emulator as a process: command-line flags, the printed URLs, and shutdown on signals."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from typing import TextIO

from bot.emulator.app import DEFAULT_BOT_USERNAME, EmulatorConfig
from bot.emulator.limits import LimitConfig
from bot.emulator.server import EmulatorServer

__all__ = ["add_arguments", "config_from_args", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The emulator's flags; shared by `main.py emulator` and `python -m bot.emulator`."""
    defaults = LimitConfig()
    parser.add_argument(
        "--port", type=int, default=8081, help="port on 127.0.0.1; 0 picks a free one (default 8081)"
    )
    parser.add_argument(
        "--token", default=None, help="accept only this bot token (default: any well-formed one)"
    )
    parser.add_argument("--bot-username", default=DEFAULT_BOT_USERNAME, help="the bot's @username")
    parser.add_argument(
        "--lenient-html",
        action="store_true",
        help='accept a bare "&" in HTML as Telegram does (default: reject it)',
    )
    limits = parser.add_argument_group("flood limits (Telegram's by default)")
    limits.add_argument("--no-limits", action="store_true", help="never answer 429")
    limits.add_argument(
        "--per-chat-rate", type=float, default=defaults.per_chat_rate, help="messages/s to one chat"
    )
    limits.add_argument(
        "--per-chat-burst", type=int, default=defaults.per_chat_burst, help="burst to one chat"
    )
    limits.add_argument(
        "--group-per-minute", type=float, default=defaults.group_per_minute, help="messages/min to one group"
    )
    limits.add_argument("--global-rate", type=float, default=defaults.global_rate, help="messages/s overall")
    limits.add_argument("--global-burst", type=int, default=defaults.global_burst, help="burst overall")
    limits.add_argument(
        "--flood-model",
        choices=("bucket", "window"),
        default=defaults.model,
        help="bucket: bursts tolerated; window: strict sliding windows (default: bucket)",
    )
    limits.add_argument(
        "--hidden-rate",
        type=float,
        default=defaults.hidden_rate,
        help="enforce this overall limit instead of --global-rate, without saying so (0 = off)",
    )


def config_from_args(args: argparse.Namespace) -> EmulatorConfig:
    limits = LimitConfig(
        enabled=not args.no_limits,
        per_chat_rate=args.per_chat_rate,
        per_chat_burst=args.per_chat_burst,
        group_per_minute=args.group_per_minute,
        group_burst=max(1, int(args.group_per_minute)),
        global_rate=args.global_rate,
        global_burst=args.global_burst,
        model=args.flood_model,
        hidden_rate=args.hidden_rate,
    )
    return EmulatorConfig(
        bot_username=args.bot_username, token=args.token, strict_html=not args.lenient_html, limits=limits
    )


async def serve(config: EmulatorConfig, port: int, out: TextIO = sys.stdout) -> None:
    """Serve until SIGINT or SIGTERM; print the URLs first (line 1 is the base_url, for scripts)."""
    server = EmulatorServer(config, port=port)
    await server.start()
    print(f"base_url: {server.base_url}", file=out)
    print(f"base_file_url: {server.base_file_url}", file=out)
    print(f"control_url: {server.control_url}", file=out)
    token = config.token or "any token shaped like 123456:ABC-def"
    print(f"bot: @{config.bot_username}, token: {token}; Ctrl-C stops", file=out, flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
        await server.stop()


def run(args: argparse.Namespace) -> int:
    asyncio.run(serve(config_from_args(args), args.port))
    return 0
