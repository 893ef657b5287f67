"""Shared fixtures. No test touches the network: sockets to anything but loopback are refused."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus" / "real-resumes"
EXAMPLES = ROOT / "examples"
AS_OF = "2026-11-23"


def seed(prefix: str) -> Path:
    """A seed resume by its number ('000' .. '004'), read-only from ../shared/seeds."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else str(address)
        if isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1")) or self.family == socket.AF_UNIX:
            return real_connect(self, address)
        raise OSError(f"test tried to reach the network: {address}")

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(scope="session")
def catalog():
    from auditor.catalog import load_catalog

    return load_catalog()


@pytest.fixture(scope="session")
def as_of():
    from auditor.catalog.examples import as_point

    return as_point(AS_OF)
