"""Request-forgery guard: which addresses a fetch may reach, checked on the resolved address at connect time.

A source's feed can link anywhere, and a redirect can point anywhere: without this, one entry linking to
http://169.254.169.254/ or to an admin page on the bot's own host would be fetched, stored and pushed.
Loopback, private, link-local, shared and reserved addresses are reached only by the source's own host
(an intranet source's articles live beside it) or by sources the config explicitly allows. The check runs
in the network backend, after DNS resolution, and the connection goes to the address that was checked: a
name that resolves to a public address for the check and a private one for the connection cannot pass.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import ipaddress
import socket
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from bot.sources.errors import BlockedAddress

__all__ = ["GuardedTransport", "NetPolicy", "current_policy", "is_public_address", "net_scope"]

POLICY_EXTENSION = "noticebot.net_policy"  # carried by httpx onto every redirect of the request


@dataclass(frozen=True, slots=True)
class NetPolicy:
    """Who is asking: the source's own host may be private; other hosts must be public unless allowed."""

    home_host: str = ""
    allow_private: bool = False

    def may_reach_private(self, host: str) -> bool:
        """Whether a request to host may connect to non-public addresses."""
        return self.allow_private or (bool(self.home_host) and host.lower() == self.home_host)

    @classmethod
    def for_url(cls, url: str, *, allow_private: bool = False) -> NetPolicy:
        """The policy of a source whose own URL is url."""
        try:
            host = httpx.URL(url).host.lower()
        except (httpx.InvalidURL, TypeError):
            host = ""
        return cls(home_host=host, allow_private=allow_private)


_POLICY: contextvars.ContextVar[NetPolicy | None] = contextvars.ContextVar("net_policy", default=None)


def current_policy() -> NetPolicy | None:
    """The policy set by the innermost net_scope(), if any."""
    return _POLICY.get()


@contextlib.contextmanager
def net_scope(source_url: str, *, allow_private: bool = False) -> Iterator[NetPolicy]:
    """Every fetch inside (and in tasks started inside) acts for the source at source_url."""
    policy = NetPolicy.for_url(source_url, allow_private=allow_private)
    token = _POLICY.set(policy)
    try:
        yield policy
    finally:
        _POLICY.reset(token)


def is_public_address(address: str) -> bool:
    """Whether an IP address is globally routable (not loopback, private, link-local, shared, reserved)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback
    return ip.is_global and not ip.is_multicast


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves the host itself and connects only to the public addresses it resolved to."""

    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"resolving {host} timed out") from None
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        public = [a for a in addresses if is_public_address(a)]
        if not public:
            shown = ", ".join(addresses[:3])
            raise BlockedAddress(
                host,
                f"{host} resolves to a non-public address ({shown}); not fetched (request forgery guard; "
                "list the source in poll.allow_private to allow it)",
            )
        error: Exception | None = None
        for address in public[:3]:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except httpcore.ConnectError as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncBaseTransport):
    """Two connection pools: an open one for hosts the request's policy trusts, a guarded one for the rest.

    Separate pools, so a connection opened for a trusted private host is never reused by a request whose
    policy does not trust it.
    """

    def __init__(self, *, limits: httpx.Limits) -> None:
        self._open = httpx.AsyncHTTPTransport(limits=limits, trust_env=False)
        self._guarded = httpx.AsyncHTTPTransport(limits=limits, trust_env=False)
        # httpx has no parameter for the network backend: the guarded pool is built like httpx builds it.
        self._guarded._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_GuardedBackend(),
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        policy = request.extensions.get(POLICY_EXTENSION)
        if isinstance(policy, NetPolicy) and policy.may_reach_private(request.url.host):
            return await self._open.handle_async_request(request)
        return await self._guarded.handle_async_request(request)

    async def aclose(self) -> None:
        await self._open.aclose()
        await self._guarded.aclose()
