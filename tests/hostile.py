"""Tools for the hostile-input tests: hostile bodies, and main.py run as a subprocess with its memory measured."""

from __future__ import annotations

import gzip
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

__all__ = ["MB", "Measured", "deflate_gzip_bomb", "entity_bomb_feed", "run_measured"]

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
# The child may not grow past this address space: a regression fails with MemoryError instead of
# taking the (shared, 2-core) machine down with it.
_ADDRESS_SPACE = 3 * 1024 * MB
_WRAPPER = (
    "import resource, subprocess, sys\n"
    "resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]), int(sys.argv[1])))\n"
    "done = subprocess.run(sys.argv[2:])\n"
    "print('maxrss_kb', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(done.returncode)\n"
)


@dataclass(frozen=True)
class Measured:
    """A finished main.py run: exit code, output, and the peak resident set of the process, in MB."""

    returncode: int
    stdout: str
    stderr: str
    peak_mb: float


def run_measured(*args: str, cwd: Path, timeout: float = 120) -> Measured:
    """`python main.py ARGS` in a child whose peak resident set (ru_maxrss) is reported."""
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, str(_ADDRESS_SPACE), sys.executable, str(ROOT / "main.py"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    lines = done.stderr.splitlines()
    peak = next(int(line.split()[1]) for line in reversed(lines) if line.startswith("maxrss_kb "))
    stderr = "\n".join(line for line in lines if not line.startswith("maxrss_kb "))
    return Measured(done.returncode, done.stdout, stderr, peak / 1024)


def deflate_gzip_bomb(megabytes: int) -> bytes:
    """A body for `Content-Encoding: deflate, gzip` that decodes to `megabytes` MB of zeros (~2.5 KB/GB).

    Built from one repeated full-flush deflate block, so making a 1 GB bomb takes milliseconds.
    """
    zeros = b"\0" * MB
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: no checksum to compute
    first = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    unit = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    inner = first + unit * (megabytes - 1) + deflate.flush()
    return gzip.compress(inner, 9)


def entity_bomb_feed(value_kb: int = 100, references: int = 20_000) -> bytes:
    """An RSS feed declaring one big entity in its DTD and referencing it many times (issue 11, row 2)."""
    value = "A" * (value_kb * 1024)
    refs = "&big;" * references
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE rss [<!ENTITY big "{value}">]>\n'
        '<rss version="2.0"><channel><title>bomb</title><link>http://127.0.0.1/</link>'
        f"<item><title>boom</title><link>http://127.0.0.1/boom</link><description>{refs}</description></item>"
        "</channel></rss>"
    ).encode()
