"""Bounded online checks: the per-source circuit breaker, "no network" noticed on the first
failures, the time budget per resume, and one stderr line instead of one per retry.

No test here is timed. Stalls and refusals are simulated by an httpx.MockTransport handler
that raises the exception a stall or a refusal would (HAND-MADE, nothing recorded), the
clock is a fake the handler moves, and the assertions are on attempts, breaker state and
verdicts, never on wall time.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
import stamina

from auditor.catalog import load_catalog
from auditor.ingest import ingest
from auditor.parse import parse
from auditor.verify.breaker import Breaker
from auditor.verify.budget import Budget
from auditor.verify.client import Client
from auditor.verify.records import SourceError
from auditor.verify.run import OnlineOptions, OnlineVerifier
from tests.conftest import EXAMPLES

NOW = 1_790_000_000.0
RESUME = EXAMPLES / "en_online_researcher.md"


class FakeClock:
    """Monotonic seconds that move only when a test (or a simulated stall) moves them."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture(autouse=True)
def _no_waiting():
    with stamina.set_testing(True, attempts=3):
        yield


def _client(handler, clock: FakeClock | None = None, seconds: float = 30.0) -> Client:
    budget = Budget(seconds, clock) if clock is not None else None
    return Client(now=NOW, env={}, rate_limits=False, transport=httpx.MockTransport(handler), budget=budget)


def _stall(calls: list[str], clock: FakeClock | None = None, seconds: float = 20.0):
    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if clock is not None:
            clock.t += seconds
        raise httpx.ReadTimeout("simulated stall", request=request)

    return handler


def test_breaker_opens_after_two_failures_and_half_opens_after_its_cooldown():
    clock = FakeClock()
    b = Breaker(clock=clock)
    b.failure("dblp", connect=False)
    assert b.state("dblp") == "closed" and not b.is_open("dblp")
    b.failure("dblp", connect=False)
    assert b.is_open("dblp") and b.state("dblp") == "open"
    clock.t += 61
    assert not b.is_open("dblp")  # one request may try again
    b.failure("dblp", connect=False)
    assert b.is_open("dblp")  # and one more failure opens it again
    b.success("dblp")
    assert not b.is_open("dblp") and not b.no_network  # timeouts alone never mean "no network"


def test_one_source_refusing_connections_is_not_no_network():
    """A misconfigured base URL refuses every connection: its breaker opens, the others go on."""
    b = Breaker(clock=FakeClock())
    b.failure("github", connect=True)
    b.failure("github", connect=True)
    assert b.is_open("github") and not b.no_network
    b.failure("dblp", connect=True)
    assert b.no_network  # two sources refused and nothing answered
    b.success("openalex")
    assert not b.no_network  # an answer arrived after all
    alone = Breaker(clock=FakeClock(), spread=1)  # --sources github
    alone.failure("github", connect=True)
    alone.failure("github", connect=True)
    assert alone.no_network


def test_a_stalling_source_is_asked_twice_then_skipped():
    calls: list[str] = []

    async def go():
        async with _client(_stall(calls)) as c:
            errors = []
            for repo in ("a/one", "a/two", "a/three"):
                try:
                    await c.request("github", "GET", f"/repos/{repo}")
                except SourceError as exc:
                    errors.append(exc.code)
            return errors, c.breaker.state("github"), c.breaker.state("dblp")

    errors, github, dblp = asyncio.run(go())
    assert calls == ["/repos/a/one", "/repos/a/one"]  # a retry, then the breaker; the others are never sent
    assert errors == ["breaker", "breaker", "breaker"]
    assert (github, dblp) == ("open", "closed")


def test_any_answer_closes_the_breaker():
    answers = iter([httpx.ReadTimeout("stall"), httpx.Response(503), httpx.ReadTimeout("stall"), httpx.Response(200, json={"ok": 1})])
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        a = next(answers)
        if isinstance(a, Exception):
            raise httpx.ReadTimeout("simulated stall", request=request)
        return a

    async def go():
        async with Client(now=NOW, env={}, rate_limits=False, transport=httpx.MockTransport(handler), attempts=4) as c:
            resp = await c.request("github", "GET", "/repos/a/b")
            return resp.status, c.breaker.state("github"), c.stats.retries

    with stamina.set_testing(True, attempts=4):
        status, state, retries = asyncio.run(go())
    assert status == 200 and state == "closed" and len(calls) == 4 and retries == {"github": 3}


def _verifier(handler, clock: FakeClock | None = None, seconds: float = 30.0) -> OnlineVerifier:
    return OnlineVerifier(lambda: _client(handler, clock, seconds), OnlineOptions(check_links=True))


def _audit(verifier: OnlineVerifier, path: Path = RESUME):
    kb = load_catalog().kb
    doc = ingest(path)
    parsed = parse(doc, kb)
    summary = verifier(doc, parsed.resume, parsed.claims, kb, 2026, "en")
    return parsed, summary


def test_no_network_is_noticed_on_the_first_failures_and_said_once(capsys):
    """Every connection refused (as with no network, or no DNS): two attempts per resume are
    made, then nothing more is sent; every paper, repo and model is "could not check: no network", and
    stderr says so once for two resumes."""
    calls: list[str] = []

    def refused(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    verifier = _verifier(refused)
    try:
        parsed, summary = _audit(verifier)
        again, _ = _audit(verifier)
    finally:
        verifier.close()
    assert len(calls) == 4  # two per resume: the second resume tries again, in case the network is back
    assert verifier.client.breaker.no_network
    checks = [p.check for p in parsed.resume.publications if p.check.status != "unchecked"]
    checks += [c.check for c in parsed.claims if c.check.status != "unchecked"]
    assert len(checks) == 7 and {(c.status, c.reason) for c in checks} == {("error", "no_network")}
    assert {k.status for k in summary.links} == {"error"}  # the resume's links are not looked up either
    err = capsys.readouterr().err.splitlines()
    assert err == ["resume-audit: 7 claim(s) could not be checked (no network (connections refused or names not resolved): 7)"]
    assert all(p.check.reason == "no_network" for p in again.resume.publications if p.check.status != "unchecked")


def test_the_time_budget_ends_the_checks_of_a_stalling_resume():
    """Each request stalls 20 s on the fake clock: the 30 s budget is spent after a couple, and
    everything after that is "could not check" for the budget, without being sent."""
    clock = FakeClock()
    calls: list[str] = []

    def slow(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.host)
        clock.t += 20
        return httpx.Response(503)

    verifier = _verifier(slow, clock, seconds=30)
    try:
        parsed, summary = _audit(verifier)
    finally:
        verifier.close()
    assert len(calls) == 2  # 40 s on the fake clock: nothing more is sent
    assert {(p.check.status, p.check.reason) for p in parsed.resume.publications} == {("error", "budget")}
    assert all(a.reason == "budget" for p in parsed.resume.publications for a in p.check.attempts)
    assert {k.status for k in summary.links} == {"error"}


def test_the_budget_starts_again_for_each_resume():
    clock = FakeClock()
    budget = Budget(30, clock)
    budget.start()
    clock.t += 31
    assert budget.spent
    budget.start()
    assert budget.remaining() == 30


def test_retries_are_counted_in_one_line_and_stamina_logs_none(capsys):
    """Every request answers 503: stamina's per-retry log hook is off, and one line sums the retries."""
    calls: list[str] = []

    def busy(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.host)
        return httpx.Response(503)

    verifier = _verifier(busy)
    try:
        _audit(verifier)
    finally:
        verifier.close()
    assert stamina.instrumentation.get_on_retry_hooks() == ()
    err = capsys.readouterr().err.splitlines()
    retries = [line for line in err if "retries" in line]
    assert len(retries) == 1 and retries[0].startswith("resume-audit: ")
    assert not any("retry_scheduled" in line for line in err)
    total = int(retries[0].split()[1])
    assert total == sum(verifier.client.stats.retries.values()) > 0


def test_a_retry_wait_the_budget_cannot_afford_is_not_waited():
    """429 asking for 10 s with 5 s of the budget left: one attempt, then "could not check"."""
    clock = FakeClock()
    calls: list[str] = []

    def limited(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return httpx.Response(429, headers={"retry-after": "10"})

    async def go():
        async with _client(limited, clock, seconds=30) as c:
            c.budget.start()
            clock.t += 25
            with pytest.raises(SourceError) as err:
                await c.request("github", "GET", "/repos/a/b")
            return err.value.code

    assert asyncio.run(go()) == "retries" and calls == ["/repos/a/b"]


def test_a_spent_budget_sends_nothing():
    clock = FakeClock()
    calls: list[str] = []

    async def go():
        async with _client(lambda r: calls.append(r.url.path) or httpx.Response(200, json={}), clock, seconds=30) as c:
            c.budget.start()
            clock.t += 30
            with pytest.raises(SourceError) as err:
                await c.request("github", "GET", "/repos/a/b")
            return err.value.code, err.value.said_in("zh")

    code, zh = asyncio.run(go())
    assert code == "budget" and "30 秒" in zh and calls == []
