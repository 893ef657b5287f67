"""The one interface adapters use to reach a source: `Fetcher.request`.

Adapters never build URLs with hosts or touch httpx; they name their source and a path.
The real implementation (`verify.client.Client`) adds the base URL (overridable per
source), rate limits, retries, the on-disk cache and offline replay; tests may pass any
object with the same method. Because the cache sits below this interface, a replayed
response is parsed and judged by exactly the code that judged it live.
"""

from __future__ import annotations

import json as _json
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    url: str = ""  # final URL after redirects
    from_cache: bool = False

    def json(self) -> Any:
        return _json.loads(self.body.decode("utf-8"))

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class Fetcher(Protocol):
    async def request(
        self,
        source: str,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | list[tuple[str, Any]] | None = None,
        json: Any = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        """Send `method base(source)+path`. Returns any final response (2xx, 4xx) after
        following redirects and retrying 429/5xx; raises `SourceError` when the source
        cannot be reached, keeps answering 429/5xx, or (offline) the answer is not cached."""
        ...
