"""Online verification (`--online`, `--cache-only`): public sources checked for the resume's
papers, repositories, models and profile, before the rules run.

`verifier_for(settings)` gives the per-process verifier (one client, one cache connection,
one set of rate limits shared by every resume the process audits).
"""

from __future__ import annotations

import atexit
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.verify.settings import OnlineSettings

if TYPE_CHECKING:
    from auditor.verify.run import OnlineVerifier

_VERIFIERS: dict[OnlineSettings, OnlineVerifier] = {}


def verifier_for(settings: OnlineSettings) -> OnlineVerifier:
    if settings not in _VERIFIERS:
        from auditor.verify.cache import HttpCache
        from auditor.verify.client import Client
        from auditor.verify.run import OnlineOptions, OnlineVerifier

        scholar = None
        if settings.scholar:
            from auditor.verify.sources.scholar import ScholarlySource

            scholar = ScholarlySource()

        def make() -> Client:
            from auditor.verify.budget import Budget

            cache = HttpCache(Path(settings.cache_path)) if settings.cache_path else None
            budget = Budget(settings.time_budget, settings.clock) if settings.clock is not None else None
            return Client(now=settings.now, cache=cache, cache_only=settings.cache_only, overrides=dict(settings.overrides),
                          rate_limits=settings.rate_limits, budget=budget, sources=frozenset(settings.sources - {"links", "google_scholar"}))

        sources = settings.sources | ({"google_scholar"} if settings.scholar else set())
        opts = OnlineOptions(sources=frozenset(sources), check_links=settings.check_links)
        _VERIFIERS[settings] = OnlineVerifier(make, opts, scholar, progress=settings.progress)
    return _VERIFIERS[settings]


@atexit.register
def close_all() -> None:
    while _VERIFIERS:
        _, verifier = _VERIFIERS.popitem()
        verifier.close()


__all__ = ["OnlineSettings", "verifier_for", "close_all"]
