"""Connections for links taken from a resume go only to an address the guard approved.

`guard.check_url` resolves a link's host and refuses private addresses, but httpx would resolve
the name again when it connects: a name that answers a public address to the check and 127.0.0.1
to the connection (DNS rebinding) would slip through. This network backend makes the one
look-up itself, checks every address, and connects to an approved one; TLS still verifies the
certificate for the name, which httpcore passes to the handshake separately.

httpx has no public option for a network backend, so `pinned_transport` gives an
`httpx.AsyncHTTPTransport` (kept for its request/response and error mapping) an httpcore pool
built with this backend; a test fails if a new httpx stops using it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

from auditor.verify.guard import Resolver, UnsafeURL, approved_addresses


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's own backend, but the host is resolved and checked here, once."""

    def __init__(self, resolve: Resolver, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self.resolve = resolve
        self.inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self, host: str, port: int, timeout: float | None = None, local_address: str | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        failure: Exception | None = None
        for address in approved_addresses(host, port, self.resolve):  # in the resolver's order, as a plain connect tries them
            try:
                return await self.inner.connect_tcp(address, port, timeout=timeout, local_address=local_address, socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None  # approved_addresses never returns an empty list
        raise failure

    async def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None) -> httpcore.AsyncNetworkStream:
        raise UnsafeURL("links are never fetched over a local socket")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


def pinned_transport(resolve: Resolver, inner: httpcore.AsyncNetworkBackend | None = None) -> httpx.AsyncHTTPTransport:
    """A transport whose every connection goes through `PinnedBackend` (no proxy from the
    environment: a proxy would resolve the name itself)."""
    transport = httpx.AsyncHTTPTransport()
    transport._pool = httpcore.AsyncConnectionPool(ssl_context=httpx.create_ssl_context(), network_backend=PinnedBackend(resolve, inner))
    return transport
