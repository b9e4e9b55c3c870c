"""Shared pytest fixtures. Emulator fixtures: a Bot API emulator on a free loopback port, its control
client, and a PTB Bot pointed at it (tests/harness.py has the end-to-end Application harness)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot

from bot.emulator import EmulatorClient, EmulatorServer
from tests.harness import TEST_TOKEN


@pytest.fixture
async def emulator() -> AsyncIterator[EmulatorServer]:
    """A fresh emulator on 127.0.0.1 with a free port, Telegram's flood limits on."""
    async with EmulatorServer() as server:
        yield server


@pytest.fixture
async def emu(emulator: EmulatorServer) -> AsyncIterator[EmulatorClient]:
    """The control client of the `emulator` fixture."""
    async with EmulatorClient(emulator.url) as client:
        yield client


@pytest.fixture
async def tg_bot(emulator: EmulatorServer) -> AsyncIterator[Bot]:
    """An initialized python-telegram-bot Bot talking to the `emulator` fixture over HTTP."""
    bot = Bot(TEST_TOKEN, base_url=emulator.base_url, base_file_url=emulator.base_file_url)
    async with bot:
        yield bot
