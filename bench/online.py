"""Online measurements (`python -m bench --online`): the online example resume checked against a
local server that answers the made-up world of tests/online_world.py with realistic delays.

Reported: requests per resume (per source), time with a cold cache, time with a warm cache, and
the offline audit of the same resume, all in-process (start-up excluded). The local server has
no rate limits, so the cold time is also given as the lower bound the sources' published limits
impose on a real run (e.g. arXiv: one request per 3 s).

Offline and warm-cache runs are compared like for like (same resume, same as-of date, the same
JSON report on stdout) and alternated, offline first in one pair and online first in the next,
so that a change in the machine's load hits both sides alike; medians are reported.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from bench.measures import ONLINE, Context, Measurement, Row

# Typical round trips seen from Europe/Asia to each service; only the order of magnitude matters.
LATENCY = {"/s2/": 0.35, "/dblp/": 0.25, "/openalex/": 0.3, "/crossref/": 0.4, "/arxiv/": 0.5, "/openreview/": 0.35, "/github/": 0.2, "/hf/": 0.25}
RESUME = Path(__file__).resolve().parents[1] / "examples" / "en_online_researcher.md"


def _slow(handler, delay):
    def answer(path, query):
        out = handler(path, query)
        out.delay = delay
        return out

    return answer


def measure_online(ctx: Context) -> list[Row]:
    from auditor.catalog import load_catalog
    from auditor.catalog.examples import as_point
    from auditor.engine import AuditConfig
    from auditor.ingest import ingest
    from auditor.report import build_report
    from auditor.verify import OnlineSettings, close_all
    from auditor.verify.client import POLICIES
    from tests.online_world import researcher_world
    from tests.replay_server import ReplayServer

    catalog = load_catalog()
    doc = ingest(RESUME)
    as_of = as_point("2026-08-01")
    pairs = 30 if ctx.quick else 150  # in-process pairs: one audit takes a few milliseconds
    cli_pairs = 5 if ctx.quick else 60  # whole CLI runs: ~0.6 s each; 20 pairs still moved by ±10% between benches

    world = researcher_world()
    with ReplayServer() as server:
        world.serve(server)
        server.handlers = {prefix: _slow(h, LATENCY.get(prefix, 0.3)) for prefix, h in server.handlers.items()}
        saved = {k: os.environ.get(k) for k in world.env(server)}
        os.environ.update(world.env(server))
        try:
            sources = frozenset(["semantic_scholar", "dblp", "openalex", "crossref", "arxiv", "openreview", "github", "huggingface"])
            cache = ctx.work / "online-cache.sqlite"
            cold_settings = OnlineSettings(now=0.0, cache_path=str(cache), sources=sources, check_links=False)
            start = time.perf_counter()
            report = build_report(doc, as_of, catalog=catalog, config=AuditConfig(online=cold_settings))
            cold = time.perf_counter() - start
            requests = {u.source: u.requests for u in report.online.sources}  # type: ignore[union-attr]
            close_all()
            warm_config = AuditConfig(online=OnlineSettings(now=1.0, cache_path=str(cache), sources=sources, check_links=False))
            build_report(doc, as_of, catalog=catalog, config=warm_config)  # opens the client, as a batch does once
            offline, warm = _alternated(
                lambda: build_report(doc, as_of, catalog=catalog), lambda: build_report(doc, as_of, catalog=catalog, config=warm_config), pairs
            )
            close_all()
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        # What a user sees: the whole CLI run, offline and --online with the cache warm. The first
        # online run refreshes the answers the in-process runs stored with a made-up clock.
        cli_env = {**os.environ, **world.env(server)}
        base = [*ctx.cli, "audit", str(RESUME), "--as-of", "2026-08-01"]
        online = [*base, "--online", "--no-link-check", "--cache", str(cache)]
        cli_off, cli_on = _cli_compared(base, online, cli_env, cli_pairs)
    total = sum(requests.values())
    bound = max(((n - 1) * POLICIES[s].period / POLICIES[s].rate for s, n in requests.items() if n > 1), default=0.0)
    off, hot = statistics.median(offline), statistics.median(warm)
    per_source = ", ".join(f"{s} {n}" for s, n in sorted(requests.items()))
    rows = [
        Row("online: requests for one resume (5 papers, 1 repo, 1 model)", total, "requests", note=per_source),
        Row("online: cold cache, local server with realistic delays", cold, "s", note=f"published rate limits alone would need ≥ {bound:.0f} s"),
        _cli_row("online: warm cache, whole CLI run (median)", cli_off, cli_on),
    ]
    rows.append(Row("online: warm cache, per resume in a batch (median)", hot * 1000, "ms",
                    note=f"offline {off * 1000:.1f} ms for the same resume; {pairs} alternated pairs"))
    return rows


def _alternated(offline: Callable[[], object], online: Callable[[], object], pairs: int) -> tuple[list[float], list[float]]:
    """Seconds of each, in pairs whose order alternates (offline first, then online first)."""
    times: tuple[list[float], list[float]] = ([], [])
    for i in range(pairs):
        order = (0, 1) if i % 2 == 0 else (1, 0)
        for side in order:
            start = time.perf_counter()
            (offline, online)[side]()
            times[side].append(time.perf_counter() - start)
    return times


def _cli_compared(offline: list[str], online: list[str], env: dict[str, str], pairs: int) -> tuple[list[float], list[float]]:
    """Whole CLI runs, offline and warm --online, alternated after one untimed run of each. Every
    run must print the report of the same resume for the same date with the same rules, and every
    online one must have been answered wholly from the cache (else it is not the run measured)."""
    outputs: tuple[list[str], list[str]] = ([], [])

    def run(side: int) -> Callable[[], None]:
        def go() -> None:
            outputs[side].append(subprocess.run((offline, online)[side], env=env, capture_output=True, check=True, text=True).stdout)
        return go

    for side in (0, 1):  # untimed: the first online run may refresh expired answers
        run(side)()
        outputs[side].clear()
    times = _alternated(run(0), run(1), pairs)
    reports = [json.loads(out) for side in outputs for out in side]
    if len({(r["source"]["sha256"], r["as_of"], tuple(c["rule_id"] for c in r["checks"])) for r in reports}) != 1:
        raise RuntimeError("the offline and online runs did not audit the same resume for the same date with the same rules")
    for r in reports[len(outputs[0]):]:
        if not r["online"]["sources"] or any(u["requests"] for u in r["online"]["sources"]):
            raise RuntimeError(f"a warm-cache run was not answered from the cache: {r['online']['sources']}")
    return times


def _cli_row(name: str, offline: list[float], online: list[float]) -> Row:
    """The verdict uses the median of the differences within pairs: the two runs of a pair ran
    back to back, so a slow spell of the machine shifts both, where it can shift the two medians
    apart (on this machine the median of 20 runs still moves by a tenth from one bench to the next)."""
    off, on = statistics.median(offline), statistics.median(online)
    extra = statistics.median(b - a for a, b in zip(offline, online))
    return Row(
        name, on, "s", "within 10% of offline", extra <= off * 0.10,
        f"offline {off:.3f} s; online - offline within a pair {extra * 1000:+.0f} ms ({extra / off * 100:+.0f}%), median of "
        f"{len(offline)} pairs; middle half {_quartiles(offline)} vs {_quartiles(online)} s",
    )


def _quartiles(values: list[float]) -> str:
    q = statistics.quantiles(values, n=4)
    return f"{q[0]:.2f}–{q[2]:.2f}"


ONLINE.append(Measurement("online", "the online checks: requests, cold and warm cache", measure_online))
