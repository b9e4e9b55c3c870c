"""A small pool of extraction worker processes, each job under a time limit; a stuck worker is killed.

Threads cannot be stopped, so a hostile file that makes a parser loop would hold a thread (and the GIL)
forever; a process can be killed. Workers are long-lived (python start-up and imports cost ~0.3 s), one job
each at a time, replaced when killed or dead.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import sys
from dataclasses import dataclass
from typing import Any

__all__ = ["Extracted", "ExtractorPool"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Extracted:
    """A worker's answer: status (read, not_read, scanned, failed), text, and a note for the log."""

    status: str
    text: str = ""
    note: str = ""
    pages: int = 0


class ExtractorPool:
    """`await pool.extract(kind, body)` runs in a worker process; at most `workers` run at once."""

    def __init__(
        self, *, workers: int = 2, timeout: float = 60.0, memory_mb: int = 1024, path: str | None = None
    ) -> None:
        self.timeout = timeout
        # PATH the workers look converters up on (None: this process's); tests use it to be a bare machine.
        self.path = path
        self.memory_mb = memory_mb
        self._slots = asyncio.Semaphore(workers)
        self._idle: list[asyncio.subprocess.Process] = []
        self._busy: set[asyncio.subprocess.Process] = set()
        self.killed = 0  # workers killed for overrunning the time limit (for tests and the log)

    async def __aenter__(self) -> ExtractorPool:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def extract(
        self, kind: str, body: bytes, *, ocr: bool = True, content_type: str = "", max_chars: int = 0
    ) -> Extracted:
        """Extract one file's text; a timeout or a crashed worker gives status failed, never an exception.

        max_chars (0 = all): the worker cuts the text before answering, so a small file whose text inflates
        to hundreds of megabytes is never sent to, decoded on, or held by the bot's event loop.
        """
        settings = {"kind": kind, "ocr": ocr, "content_type": content_type, "max_chars": max_chars}
        job = json.dumps(settings).encode()
        async with self._slots:
            proc = self._idle.pop() if self._idle else await self._spawn()
            self._busy.add(proc)
            keep = False
            try:
                async with asyncio.timeout(self.timeout):
                    answer = await self._ask(proc, job, body)
                keep = True
                return Extracted(
                    status=str(answer.get("status", "failed")),
                    text=str(answer.get("text", "")),
                    note=str(answer.get("note", "")),
                    pages=int(answer.get("pages", 0)),
                )
            except TimeoutError:
                self.killed += 1
                return Extracted("failed", note=f"reading it took longer than {self.timeout:g}s; stopped")
            except (asyncio.IncompleteReadError, ConnectionError, BrokenPipeError, ValueError):
                # The worker died mid-job: over its memory cap, or killed by the system.
                return Extracted("failed", note="the reader process died on this file (too big or malformed)")
            finally:
                self._busy.discard(proc)
                if keep and proc.returncode is None:
                    self._idle.append(proc)
                else:
                    await _kill(proc)

    async def _spawn(self) -> asyncio.subprocess.Process:
        return await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot.attachments.worker",
            str(self.memory_mb),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.DEVNULL,
            env=None if self.path is None else {**os.environ, "PATH": self.path},
            # A process group of its own, so that _kill also stops the converter it may be running.
            start_new_session=True,
        )

    @staticmethod
    async def _ask(proc: asyncio.subprocess.Process, job: bytes, body: bytes) -> dict[str, Any]:
        assert proc.stdin is not None and proc.stdout is not None
        for frame in (job, body):
            proc.stdin.write(len(frame).to_bytes(8, "big") + frame)
        await proc.stdin.drain()
        size = int.from_bytes(await proc.stdout.readexactly(8), "big")
        answer = json.loads(await proc.stdout.readexactly(size))
        if not isinstance(answer, dict):
            raise ValueError("malformed answer")
        return answer

    def pids(self) -> list[int]:
        """The process ids of the live workers (for the benchmark's memory figures)."""
        return [p.pid for p in [*self._idle, *self._busy] if p.returncode is None]

    async def aclose(self) -> None:
        """Stop every worker (idle ones at once; busy ones are killed by their job's cleanup or here)."""
        procs, self._idle = [*self._idle, *self._busy], []
        for proc in procs:
            await _kill(proc)


async def _kill(proc: asyncio.subprocess.Process) -> None:
    # The whole group: a worker killed mid-job would otherwise leave its soffice, antiword or tesseract
    # running on, orphaned, for as long as the hostile file keeps it busy.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    if proc.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
    with contextlib.suppress(Exception):
        await proc.wait()
