"""Stop asking a source that does not answer, and notice when there is no network at all.

Per source, a circuit breaker: after `threshold` timeouts or failed connections in a row the
source is skipped ("could not check") for `cooldown` seconds, then one request may try again.
Any HTTP answer, even a 503, closes it: the source is reachable, and the retry policy deals
with its status.

No network: when nothing has answered yet in this run and connections to `spread` different
sources (one when only one is asked) have been refused or their names did not resolve, twice
in all for this resume, every further request is "could not check: no network" at once, so a run without a connection ends in seconds instead of timing out once
per claim. Only the sources' own hosts count, never a link from the resume (a dead domain on
a resume says nothing about the network).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.verify.budget import Clock

THRESHOLD = 2
COOLDOWN = 60.0


@dataclass
class Breaker:
    clock: Clock
    threshold: int = THRESHOLD
    cooldown: float = COOLDOWN
    failures: dict[str, int] = field(default_factory=dict)  # in a row, per source
    opened_at: dict[str, float] = field(default_factory=dict)
    spread: int = 2  # different sources that must fail to connect: one misconfigured base URL is not "no network"
    answered: bool = False  # some source gave an HTTP answer in this run
    refused: int = 0  # connections refused or names unresolved while nothing had answered
    refused_by: set[str] = field(default_factory=set)

    @property
    def no_network(self) -> bool:
        return not self.answered and self.refused >= self.threshold and len(self.refused_by) >= self.spread

    def probe_again(self) -> None:
        """A new resume: "no network" is tested again by its first two connections (the network
        may be back); refused connections cost milliseconds, so a batch stays fast without one."""
        if not self.answered:
            self.refused = 0
            self.refused_by.clear()

    def is_open(self, source: str) -> bool:
        """Skip the source? A breaker past its cooldown lets one request through (half-open)."""
        since = self.opened_at.get(source)
        if since is None:
            return False
        if self.clock() - since >= self.cooldown:
            del self.opened_at[source]
            self.failures[source] = self.threshold - 1  # one more failure opens it again
            return False
        return True

    def success(self, source: str) -> None:
        self.answered = True
        self.failures.pop(source, None)
        self.opened_at.pop(source, None)

    def failure(self, source: str, *, connect: bool) -> None:
        """A timeout (connect=False) or a refused connection / unknown host (connect=True)."""
        if connect and not self.answered:
            self.refused += 1
            self.refused_by.add(source)
        n = self.failures.get(source, 0) + 1
        self.failures[source] = n
        if n >= self.threshold:
            self.opened_at.setdefault(source, self.clock())

    def state(self, source: str) -> str:
        """closed / open, for reports and tests."""
        return "open" if source in self.opened_at else "closed"
