"""Link checks connect only to the address the guard approved: a name that re-resolves to a
private address between the check and the connection (DNS rebinding) gets no request."""

from __future__ import annotations

import asyncio
from typing import Any

import httpcore
import httpx
import pytest

from auditor.verify.guard import UnsafeURL
from auditor.verify.pinned import pinned_transport
from tests.replay_server import Answer, ReplayServer

PUBLIC = "93.184.215.14"


class ToLocalServer(httpcore.AsyncNetworkBackend):
    """Records the address asked for, then connects to the local test server instead (this
    machine has no route to a public address in the tests)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.asked: list[tuple[str, int]] = []
        self.inner = httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, **kw: Any) -> httpcore.AsyncNetworkStream:
        self.asked.append((host, port))
        return await self.inner.connect_tcp("127.0.0.1", self.port, **kw)

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


async def _get(transport: httpx.AsyncBaseTransport, url: str) -> httpx.Response:
    async with httpx.AsyncClient(transport=transport) as client:
        return await client.get(url)


def test_the_connection_goes_to_the_approved_address_with_the_name_in_the_host_header() -> None:
    with ReplayServer() as server:
        server.route("/ok", Answer(200, "fine", {"content-type": "text/plain"}))
        port = int(server.url.rsplit(":", 1)[1])
        backend = ToLocalServer(port)
        lookups: list[str] = []

        def resolve(host: str, p: int) -> list[str]:
            lookups.append(host)
            return [PUBLIC]

        resp = asyncio.run(_get(pinned_transport(resolve, backend), f"http://site.example:{port}/ok"))
    assert resp.status_code == 200 and resp.text == "fine"
    assert backend.asked == [(PUBLIC, port)]  # the address, not the name for a second look-up
    assert lookups == ["site.example"]
    assert resp.request.headers["host"] == f"site.example:{port}"


def test_a_name_that_now_resolves_to_loopback_gets_no_connection() -> None:
    with ReplayServer() as server:
        server.route("/admin", Answer(200, "secret"))
        port = int(server.url.rsplit(":", 1)[1])
        backend = ToLocalServer(port)
        with pytest.raises(UnsafeURL, match="127.0.0.1"):
            asyncio.run(_get(pinned_transport(lambda host, p: ["127.0.0.1"], backend), f"http://rebind.example:{port}/admin"))
        assert backend.asked == [] and server.paths() == []


def test_an_address_literal_is_checked_too() -> None:
    with pytest.raises(UnsafeURL, match="169.254.169.254"):
        asyncio.run(_get(pinned_transport(lambda host, p: []), "http://169.254.169.254/latest/meta-data/"))


def test_a_link_check_whose_name_rebinds_to_loopback_sends_nothing() -> None:
    """The guard's look-up says public, the next one says 127.0.0.1 (where a server listens):
    the client's own link transport refuses before connecting, instead of asking the system
    resolver again, which would connect to the local server."""
    from auditor.verify.client import Client

    answers = iter([[PUBLIC]])

    def rebinding(host: str, port: int) -> list[str]:
        return next(answers, ["127.0.0.1"])

    with ReplayServer() as server:
        server.route("/admin", Answer(200, "secret"))
        port = int(server.url.rsplit(":", 1)[1])

        async def go() -> None:
            async with Client(now=0.0, env={}, resolve=rebinding) as client:
                await client.check_link(f"http://localhost:{port}/admin")

        with pytest.raises(UnsafeURL, match="127.0.0.1"):
            asyncio.run(go())
        assert server.paths() == []


def test_an_unreachable_first_address_falls_back_to_the_next_approved_one() -> None:
    """Like a plain connection, every approved address is tried in turn (say, an IPv6 address
    with no route, then the IPv4 one)."""

    class FirstRefuses(ToLocalServer):
        async def connect_tcp(self, host: str, port: int, **kw: Any) -> httpcore.AsyncNetworkStream:
            if not self.asked:
                self.asked.append((host, port))
                raise httpcore.ConnectError("no route")
            return await super().connect_tcp(host, port, **kw)

    with ReplayServer() as server:
        server.route("/ok", Answer(200, "fine", {"content-type": "text/plain"}))
        port = int(server.url.rsplit(":", 1)[1])
        backend = FirstRefuses(port)
        resp = asyncio.run(_get(pinned_transport(lambda host, p: ["2606:2800:21f:cb07:6820:80da:af6b:8b2c", PUBLIC], backend), f"http://site.example:{port}/ok"))
    assert resp.status_code == 200
    assert backend.asked == [("2606:2800:21f:cb07:6820:80da:af6b:8b2c", port), (PUBLIC, port)]
