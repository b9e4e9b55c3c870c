"""A local Telegram Bot API emulator for tests, demos and development without a token; stands alone.

EmulatorServer serves it on 127.0.0.1; EmulatorClient drives its control API (/_emu/...).
"""

from __future__ import annotations

from bot.emulator.app import Emulator, EmulatorConfig
from bot.emulator.client import EmulatorClient, EmulatorError
from bot.emulator.limits import LimitConfig
from bot.emulator.server import EmulatorServer

__all__ = ["Emulator", "EmulatorClient", "EmulatorConfig", "EmulatorError", "EmulatorServer", "LimitConfig"]
