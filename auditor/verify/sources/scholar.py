"""Google Scholar profile numbers (citations, h-index) through `scholarly`, opt-in only.

scholarly is heavy, scrapes a site that blocks bots, and can retry for minutes; so it is an
optional extra (`pip install 'resume-audit[scholar]'`), imported lazily, run in a worker
thread under a hard timeout, and only asked about a profile the resume links
(`scholar.google.com/citations?user=…`): searching by name could pick another person.
Its host is hard-coded, so tests use a fake `ScholarSource` (research/public-sources.md, 9).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any, Protocol

from auditor.verify.records import ScholarProfile, SourceError

SOURCE = "google_scholar"


class ScholarSource(Protocol):
    async def profile(self, user_id: str) -> ScholarProfile | None: ...


def profile_from_author(author: dict[str, Any], user_id: str) -> ScholarProfile | None:
    """scholarly's Author dict (after fill with 'basics', 'indices') to our record."""
    if not author or not author.get("name"):
        return None
    def num(key: str) -> int | None:
        value = author.get(key)
        return int(value) if isinstance(value, (int, float)) or (isinstance(value, str) and value.isdigit()) else None

    return ScholarProfile(
        id=user_id,
        name=str(author["name"]),
        affiliation=author.get("affiliation"),
        citations=num("citedby"),
        h_index=num("hindex"),
        url=f"https://scholar.google.com/citations?user={user_id}",
    )


class ScholarlySource:
    """The real source. `timeout` bounds the whole lookup, retries included."""

    def __init__(self, timeout: float = 30.0):
        self.timeout = timeout
        try:
            from scholarly import scholarly  # noqa: F401  (optional extra)
        except Exception as exc:  # ImportError, or the bibtexparser-2 break it suffers
            raise SourceError(SOURCE, f"scholarly is not installed or broken ({type(exc).__name__}); pip install 'resume-audit[scholar]'") from exc

    @staticmethod
    def _lookup(user_id: str) -> dict[str, Any]:
        from scholarly import scholarly

        author = scholarly.search_author_id(user_id)
        return scholarly.fill(author, sections=["basics", "indices"])

    async def profile(self, user_id: str) -> ScholarProfile | None:
        try:
            author = await asyncio.wait_for(_in_daemon_thread(self._lookup, user_id), self.timeout)
        except asyncio.TimeoutError as exc:
            raise SourceError(SOURCE, f"no answer within {self.timeout:.0f} s (Google Scholar often blocks automated lookups)", "scholar_timeout", seconds=f"{self.timeout:.0f}") from exc
        except Exception as exc:  # MaxTriesExceededException, captcha pages, parse errors
            raise SourceError(SOURCE, f"{type(exc).__name__}: {exc}") from exc
        return profile_from_author(author, user_id)


async def _in_daemon_thread(fn: Callable[[str], dict[str, Any]], arg: str) -> dict[str, Any]:
    """Like asyncio.to_thread, but a daemon thread: a lookup stuck in scholarly's retries
    must not keep the process alive after the timeout has given up on it."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[dict[str, Any]] = loop.create_future()

    def settle(result: dict[str, Any] | None, error: BaseException | None) -> None:
        if not future.done():
            future.set_exception(error) if error is not None else future.set_result(result or {})

    def work() -> None:
        result: dict[str, Any] | None = None
        error: BaseException | None = None
        try:
            result = fn(arg)
        except BaseException as exc:  # handed to the awaiting side
            error = exc
        try:
            loop.call_soon_threadsafe(settle, result, error)
        except RuntimeError:
            pass  # the loop is gone: the caller already gave up at its timeout

    threading.Thread(target=work, name="scholarly", daemon=True).start()
    return await future
