"""A small HTTP/1.1 server on asyncio streams (keep-alive, slow and dropped answers) around Emulator."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from http import HTTPStatus
from types import TracebackType

from bot.emulator.app import Emulator, EmulatorConfig, Response
from bot.emulator.control import CONTROL_PREFIX

__all__ = ["EmulatorServer"]

log = logging.getLogger(__name__)

_MAX_BODY = 60 * 1024 * 1024  # Telegram's upload limit is 50 MB
_HEADER_LIMIT = 64 * 1024


class _BadRequest(Exception):
    """The bytes on the socket are not an HTTP/1.1 request we can answer."""


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


class EmulatorServer:
    """Serves one Emulator on 127.0.0.1; use `async with EmulatorServer() as server:` or start()/stop()."""

    def __init__(
        self, config: EmulatorConfig | None = None, *, port: int = 0, host: str = "127.0.0.1"
    ) -> None:
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError(f"the emulator binds loopback only, not {host!r}")
        self.emulator = Emulator(config)
        self.host = host
        self.port = port
        self._server: asyncio.Server | None = None
        self._connections: set[asyncio.Task[None]] = set()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """What to pass to ApplicationBuilder.base_url()."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """What to pass to ApplicationBuilder.base_file_url()."""
        return f"{self.url}/file/bot"

    @property
    def control_url(self) -> str:
        return f"{self.url}{CONTROL_PREFIX.rstrip('/')}"

    async def start(self) -> None:
        self._server = await asyncio.start_server(
            self._serve_connection, self.host, self.port, limit=_HEADER_LIMIT, backlog=1024
        )
        self.port = self._server.sockets[0].getsockname()[1]
        log.info("emulator listening on %s", self.url)

    async def stop(self) -> None:
        await self.emulator.api.webhook.clear()
        if self._server is not None:
            self._server.close()
            # Before 3.12 wait_closed() does not wait for open connections, so end them here.
            for task in list(self._connections):
                task.cancel()
            if self._connections:
                await asyncio.gather(*self._connections, return_exceptions=True)
            await self._server.wait_closed()
            self._server = None

    async def serve_forever(self) -> None:
        if self._server is None:
            await self.start()
        assert self._server is not None
        await self._server.serve_forever()

    async def __aenter__(self) -> EmulatorServer:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    async def _serve_connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._connections.add(task)
        try:
            while await self._serve_request(reader, writer):
                pass
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass  # the client went away; nothing to answer
        except asyncio.CancelledError:
            # Only stop() cancels these tasks; asyncio's stream callback would log a re-raised one.
            pass
        except (_BadRequest, ValueError) as exc:
            with contextlib.suppress(ConnectionError):
                await self._write(writer, Response(400, str(exc).encode()), keep_alive=False)
        finally:
            self._connections.discard(task)
            writer.close()
            with contextlib.suppress(ConnectionError, asyncio.CancelledError):
                await writer.wait_closed()

    async def _serve_request(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        """Read one request, answer it; return whether the connection stays open for another."""
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError as exc:
            if exc.partial.strip():
                raise _BadRequest("truncated request head") from None
            return False
        lines = head.decode("latin-1").split("\r\n")
        try:
            verb, target, version = lines[0].split(" ", 2)
        except ValueError:
            raise _BadRequest(f"bad request line {lines[0]!r}") from None
        headers: dict[str, str] = {}
        for line in lines[1:]:
            if line:
                key, _, value = line.partition(":")
                headers[key.strip().lower()] = value.strip()
        body = await self._read_body(reader, headers)
        keep_alive = version == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
        path, _, query = target.partition("?")
        if verb not in ("GET", "POST"):
            response = Response(405, b'{"ok":false,"error_code":405,"description":"Method Not Allowed"}')
        else:
            try:
                response = await self.emulator.handle(path, query, headers.get("content-type", ""), body)
            except Exception:
                # An emulator bug must show up as an answer and a traceback, not as a hung client.
                log.exception("emulator failed on %s", path.split("/")[-1])
                response = Response(500, b'{"ok":false,"error_code":500,"description":"Emulator error"}')
        if response.drop:
            writer.transport.abort()  # the client sees the connection reset with no answer
            return False
        if response.delay:
            await asyncio.sleep(response.delay)
        await self._write(writer, response, keep_alive)
        return keep_alive

    @staticmethod
    async def _read_body(reader: asyncio.StreamReader, headers: dict[str, str]) -> bytes:
        if headers.get("transfer-encoding", "").lower() == "chunked":
            chunks: list[bytes] = []
            while True:
                size_line = await reader.readuntil(b"\r\n")
                size = int(size_line.split(b";", 1)[0], 16)
                if size == 0:
                    await reader.readuntil(b"\r\n")
                    return b"".join(chunks)
                chunks.append(await reader.readexactly(size))
                await reader.readexactly(2)
        length = int(headers.get("content-length") or 0)
        if length < 0 or length > _MAX_BODY:
            raise _BadRequest(f"bad content-length {length}")
        return await reader.readexactly(length) if length else b""

    @staticmethod
    async def _write(writer: asyncio.StreamWriter, response: Response, keep_alive: bool) -> None:
        head = (
            f"HTTP/1.1 {response.status} {_reason(response.status)}\r\n"
            "Content-Type: application/json\r\n"
            f"Content-Length: {len(response.body)}\r\n"
            f"Connection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n"
        )
        writer.write(head.encode("latin-1") + response.body)
        await writer.drain()
