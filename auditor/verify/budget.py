"""The time one resume's online checks may take, whatever the sources do.

A stalled source, a chain of 429s or a dead network must not hold a report for minutes: each
resume gets a budget (30 s unless the config or `--time-budget` says otherwise). Requests
are refused once it is spent, their timeouts and retry waits are cut to what is left, and
each check is abandoned at the end of it. The clock is a parameter (monotonic seconds): the
CLI passes `time.monotonic`, tests a fake clock they move themselves.
"""

from __future__ import annotations

from collections.abc import Callable

DEFAULT_SECONDS = 30.0
Clock = Callable[[], float]


class Budget:
    """`seconds` from the first call of `start` (again at each resume)."""

    def __init__(self, seconds: float, clock: Clock):
        self.seconds = seconds
        self.clock = clock
        self._deadline: float | None = None

    def start(self) -> None:
        self._deadline = self.clock() + self.seconds

    def remaining(self) -> float:
        """Seconds left (never negative); the whole budget before `start`."""
        if self._deadline is None:
            return self.seconds
        return max(0.0, self._deadline - self.clock())

    @property
    def spent(self) -> bool:
        return self.remaining() <= 0.0
