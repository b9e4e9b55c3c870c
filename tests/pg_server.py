"""A throwaway PostgreSQL cluster (initdb + pg_ctl in a temp dir, a free loopback port) for tests and benches.

Debian keeps the server binaries outside PATH, in /usr/lib/postgresql/<version>/bin; the newest version
found there is used (or PG_BINDIR). PostgreSQL refuses to run as root, so as root the cluster is created
and run as the `postgres` system user, in a directory that user owns.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["PgServer", "ServerUnavailable", "find_bindir", "throwaway_server"]


class ServerUnavailable(RuntimeError):
    """No PostgreSQL server binaries, or the cluster did not start."""


def find_bindir() -> Path:
    """The directory with initdb and pg_ctl: PG_BINDIR, else the newest /usr/lib/postgresql/*/bin, else PATH."""
    if env := os.environ.get("PG_BINDIR"):
        return Path(env)
    root = Path("/usr/lib/postgresql")
    versions = sorted(
        (p for p in root.glob("*/bin") if (p / "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    if versions:
        return versions[-1]
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise ServerUnavailable("PostgreSQL server binaries not found (install Debian's postgresql package)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class PgServer:
    """One running cluster: its URL for the superuser, and databases made on demand."""

    def __init__(
        self, bindir: Path, root: Path, port: int, user: str | None, settings: dict[str, str] | None = None
    ) -> None:
        self.bindir, self.root, self.port, self._run_as = bindir, root, port, user
        self.settings = {"shared_buffers": "64MB", **(settings or {})}
        self.data = root / "data"
        self.user = user or pwd.getpwuid(os.getuid()).pw_name
        self._count = 0
        self.shared_url = ""  # the database the test schemas live in

    def _cmd(self, *args: str) -> list[str]:
        return ["runuser", "-u", self._run_as, "--", *args] if self._run_as else list(args)

    def url(self, database: str = "postgres") -> str:
        """A libpq URL for the superuser on this cluster (trust authentication on loopback)."""
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        """initdb, then pg_ctl start with settings for a small, disposable test server."""
        env = {**os.environ, "LC_ALL": "C.UTF-8"}
        run = subprocess.run
        run(
            self._cmd(str(self.bindir / "initdb"), "-D", str(self.data), "-U", self.user, "-A", "trust",
                      "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"),
            check=True, capture_output=True, env=env,
        )  # fmt: skip
        opts = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root}"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        ) + "".join(f" -c {k}={v}" for k, v in self.settings.items())
        result = run(
            self._cmd(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
                      "-o", opts, "-w", "-t", "60", "start"),
            capture_output=True, text=True, env=env,
        )  # fmt: skip
        if result.returncode != 0:
            log = (self.root / "log").read_text(errors="replace") if (self.root / "log").exists() else ""
            raise ServerUnavailable(f"pg_ctl start failed: {result.stderr.strip()} {log[-500:]}")

    def stop(self) -> None:
        """Stop the cluster at once (immediate: nothing in it is worth a checkpoint)."""
        subprocess.run(
            self._cmd(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"),
            capture_output=True,
        )

    def create_database(self, prefix: str = "t", *, template: str | None = None) -> str:
        """A fresh database (a copy of template, if given: much faster than migrating); returns its URL."""
        self._count += 1
        name = f"{prefix}{os.getpid()}_{self._count}"
        args = ["-T", template] if template else []
        subprocess.run(
            [str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, *args, name],
            check=True, capture_output=True,
        )  # fmt: skip
        return self.url(name)


@contextlib.contextmanager
def throwaway_server(settings: dict[str, str] | None = None) -> Iterator[PgServer]:
    """Start a cluster in a temp dir (extra server settings, e.g. a bench's shared_buffers); stop it and
    delete everything on exit."""
    bindir = find_bindir()
    run_as = "postgres" if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix="noticebot-pg-"))
    try:
        if run_as:
            entry = pwd.getpwnam(run_as)
            os.chown(root, entry.pw_uid, entry.pw_gid)
            root.chmod(0o700)
        server = PgServer(bindir, root, _free_port(), run_as, settings)
        try:
            server.start()
        except subprocess.CalledProcessError as exc:
            raise ServerUnavailable(f"initdb failed: {exc.stderr!r}") from exc
        try:
            yield server
        finally:
            server.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)
