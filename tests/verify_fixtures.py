"""A fake `Fetcher` that answers adapters from recorded response files, never the network.

Routes map (source, method, path, params) to (status, headers, body file). A request with no
route fails the test, so a test also pins down exactly what an adapter sends. Recorded
responses are read in place from ../shared/fixtures (never copied); hand-made ones live in
tests/data/responses (see its README).
"""

from __future__ import annotations

import ast
import asyncio
import json
from collections.abc import Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from auditor.verify.fetch import Response

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures"
RESPONSES = Path(__file__).resolve().parent / "data" / "responses"
JSON = {"content-type": "application/json; charset=utf-8"}
ATOM = {"content-type": "application/atom+xml; charset=utf-8"}

T = TypeVar("T")


def fixture(source: str, name: str) -> Path:
    """A recorded response under ../shared/fixtures/<source>/."""
    path = FIXTURES / source / name
    assert path.is_file(), f"missing fixture {path}"
    return path


def handmade(source: str, name: str) -> Path:
    """A hand-made response under tests/data/responses/<source>/ (labelled in its README)."""
    path = RESPONSES / source / name
    assert path.is_file(), f"missing hand-made response {path}"
    return path


def load_json(path: Path) -> Any:
    return json.loads(path.read_bytes())


def cassette_response(path: Path, index: int = 0) -> tuple[int, dict[str, str]]:
    """Status and (lower-case, first-value) headers of interaction `index` in a VCR.py cassette."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    response = data["interactions"][index]["response"]
    status = response["status"]["code"] if "status" in response else response["status_code"]
    headers = {k.lower(): (v[0] if isinstance(v, list) else v) for k, v in response["headers"].items()}
    return status, headers


def pygithub_replay_headers(path: Path) -> tuple[int, dict[str, str]]:
    """Status and headers of the first exchange in a PyGithub replay file (line 8 status, line 9 headers)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return int(lines[7]), {k.lower(): v for k, v in ast.literal_eval(lines[8])}


def octokit_raw_headers(path: Path) -> tuple[int, dict[str, str], Any]:
    """Status, headers and body of the first exchange in an octokit raw fixture (nock recording)."""
    first = load_json(path)[0]
    raw = first["rawHeaders"]
    headers: dict[str, str] = {}
    for name, value in zip(raw[::2], raw[1::2]):
        headers.setdefault(name.lower(), value)
    return first["status"], headers, first["response"]


def _params_key(params: Any) -> tuple[tuple[str, str], ...]:
    items = params.items() if isinstance(params, dict) else (params or [])
    return tuple(sorted((str(k), str(v)) for k, v in items))


@dataclass
class Call:
    source: str
    method: str
    path: str
    params: dict[str, list[str]]
    json: Any
    headers: dict[str, str]


@dataclass
class FakeFetcher:
    """Serves canned responses by (source, method, path, params); records every call."""

    routes: dict[tuple[Any, ...], Response] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)

    def add(
        self,
        source: str,
        method: str,
        path: str,
        params: Any = None,
        *,
        status: int = 200,
        body: Path | bytes | str = b"",
        headers: dict[str, str] | None = None,
        url: str = "",
    ) -> FakeFetcher:
        data = body.read_bytes() if isinstance(body, Path) else body.encode() if isinstance(body, str) else body
        key = (source, method.upper(), path, _params_key(params))
        self.routes[key] = Response(status=status, body=data, headers={k.lower(): v for k, v in (headers or {}).items()}, url=url)
        return self

    async def request(
        self,
        source: str,
        method: str,
        path: str,
        *,
        params: Any = None,
        json: Any = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        pairs = _params_key(params)
        grouped: dict[str, list[str]] = {}
        for k, v in pairs:
            grouped.setdefault(k, []).append(v)
        self.calls.append(Call(source, method.upper(), path, grouped, json, dict(headers or {})))
        key = (source, method.upper(), path, pairs)
        if key not in self.routes:
            known = "\n  ".join(map(str, self.routes))
            raise AssertionError(f"unexpected request {key}\nknown routes:\n  {known}")
        return self.routes[key]


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run one adapter lookup to completion (tests stay synchronous; no plugin needed)."""
    return asyncio.run(coro)
