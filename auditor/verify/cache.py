"""On-disk HTTP cache for the online checks (SQLite, stdlib).

Why our own and not hishel: we must cache "not found" answers (404/410) so a replay says
`not_found` again, key POST requests by their body, and serve any stored answer in
`--cache-only` mode whatever its age; hishel 2 does none of the three (see
research/ecosystem.md, G). The file format is one table, so it stays readable.

The cache never reads the clock: the caller passes `now` (the CLI owns the clock).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

# 0 is no HTTP status: a resume link the guard refused (its reason in the stored headers), kept
# so that --cache-only replays the refusal (see Client.check_link).
CACHEABLE = frozenset({0, 404, 410}) | frozenset(range(200, 300))

_SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    method TEXT NOT NULL,
    url TEXT NOT NULL,
    status INTEGER NOT NULL,
    headers TEXT NOT NULL,
    body BLOB NOT NULL,
    final_url TEXT NOT NULL,
    stored_at REAL NOT NULL
)
"""


def cache_key(method: str, url: str, body: bytes | None) -> str:
    """`url` with its query parameters in sorted order (the client builds it so), so the
    same request spelled two ways gets one cache entry."""
    h = hashlib.sha256()
    h.update(method.upper().encode())
    h.update(b"\n" + url.encode() + b"\n")
    h.update(body or b"")
    return h.hexdigest()


@dataclass
class Cached:
    status: int
    headers: dict[str, str]
    body: bytes
    final_url: str
    stored_at: float


class HttpCache:
    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(_SCHEMA)
        self._lock = threading.Lock()

    def get(self, key: str) -> Cached | None:
        with self._lock:
            row = self._db.execute(
                "SELECT status, headers, body, final_url, stored_at FROM responses WHERE key = ?", (key,)
            ).fetchone()
        if row is None:
            return None
        return Cached(row[0], json.loads(row[1]), bytes(row[2]), row[3], row[4])

    def put(self, key: str, source: str, method: str, url: str, resp: Cached) -> None:
        if resp.status not in CACHEABLE:
            return
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, source, method, url, resp.status, json.dumps(resp.headers), resp.body, resp.final_url, resp.stored_at),
            )

    def clear(self) -> int:
        with self._lock:
            return self._db.execute("DELETE FROM responses").rowcount

    def close(self) -> None:
        self._db.close()
