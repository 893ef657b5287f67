"""What the user asked of the online checks, as plain data.

Plain (picklable, hashable) so it can ride along with the audit config into batch worker
processes; each process builds its own client from it (`auditor.verify.verifier_for`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class OnlineSettings:
    now: float  # epoch seconds, read by the CLI: decides cache expiry
    cache_path: str | None  # None: no on-disk cache
    cache_only: bool = False
    sources: frozenset[str] = frozenset()
    scholar: bool = False
    check_links: bool = True
    overrides: tuple[tuple[str, str], ...] = ()  # source -> base URL, from the config file
    rate_limits: bool = True
    progress: bool = False  # one line per resume on stderr (single-file runs on a terminal)
    time_budget: float = 30.0  # seconds of online checks per resume (verify/budget.py)
    clock: Callable[[], float] | None = None  # monotonic seconds, given by the CLI; None: no budget
