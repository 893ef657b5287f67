"""Running the online checks without an event loop when every answer is already cached.

A warm `--online` run (or `--cache-only`) sends no request, so none of its coroutines ever
waits: each finishes on its first step. Driving them by hand, one after the other, gives the
same checks as asyncio while skipping asyncio itself, whose import (with ssl) was about 20 ms
of every warm start, a third of what `--online` added to a run. No library does this: the
library for running coroutines is asyncio, the cost being avoided.

While running inline the client never sends anything: an answer missing from the cache is
`NeedsNetwork`, a `SourceError` the checks handle like any other, and the client remembers
it. The caller then throws the inline attempt away and runs the resume on a real event loop.
"""

from __future__ import annotations

from collections.abc import Awaitable, Coroutine
from typing import Any, TypeVar

from auditor.verify.records import SourceError

T = TypeVar("T")


class NeedsNetwork(SourceError):
    """Not in the cache, and the inline attempt may not ask the network."""

    def __init__(self, source: str):
        super().__init__(source, "not in the cache (to be asked on the network)", "not_cached")


class Suspended(Exception):
    """The coroutine waited on something only an event loop can deliver."""


def run_inline(coro: Coroutine[Any, Any, T]) -> T:
    """The coroutine's result, if it finishes without waiting on anything; else `Suspended`."""
    try:
        coro.send(None)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    coro.close()
    raise Suspended("an online check waited on the network while running inline")


async def gather_in_order(*steps: Awaitable[T]) -> list[T]:
    """asyncio.gather's results, from the steps run one after another."""
    return [await step for step in steps]


__all__ = ["NeedsNetwork", "Suspended", "gather_in_order", "run_inline"]
