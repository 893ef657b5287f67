"""A local HTTP server on 127.0.0.1 that answers from a route table, for the online tests.

Routes map a path (query string ignored unless the route gives one) to a list of answers
served in turn (the last one repeats). Every request is recorded, so tests can assert how
many requests were made, and that `--cache-only` made none.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Answer:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=lambda: {"content-type": "application/json"})
    delay: float = 0.0  # seconds before answering (the benchmark's realistic latency)


class ReplayServer:
    def __init__(self) -> None:
        self.routes: dict[str, list[Answer]] = {}
        self.handlers: dict[str, Callable[[str, dict[str, list[str]]], Answer]] = {}  # path prefix -> handler
        self.requests: list[tuple[str, str, bytes]] = []
        self._served: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                server.requests.append((self.command, self.path, body))
                answer = server._pick(self.path)
                if answer.delay:
                    time.sleep(answer.delay)
                payload = answer.body.encode() if isinstance(answer.body, str) else answer.body
                self.send_response(answer.status)
                for k, v in answer.headers.items():
                    self.send_header(k, v)
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                try:
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (a stall that outlived its timeout)

            do_GET = do_POST = do_HEAD = _answer

            def log_message(self, *args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def route(self, path: str, *answers: Answer) -> None:
        self.routes[path] = list(answers)

    def handle(self, prefix: str, handler: Callable[[str, dict[str, list[str]]], Answer]) -> None:
        """Answer every path under `prefix` with handler(path, query)."""
        self.handlers[prefix] = handler

    def _pick(self, raw_path: str) -> Answer:
        parts = urlsplit(raw_path)
        for prefix, handler in self.handlers.items():
            if parts.path.startswith(prefix):
                return handler(parts.path, parse_qs(parts.query))
        for key in (raw_path, parts.path):
            if key in self.routes:
                n = self._served.get(key, 0)
                self._served[key] = n + 1
                answers = self.routes[key]
                return answers[min(n, len(answers) - 1)]
        return Answer(404, b'{"error":"no route in the test server"}')

    def paths(self) -> list[str]:
        return [urlsplit(p).path for _, p, _ in self.requests]

    def __enter__(self) -> ReplayServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
