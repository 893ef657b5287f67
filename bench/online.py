"""Online measurements (`python -m bench --online`): the online example resume checked against a
local server that answers the made-up world of tests/online_world.py with realistic delays.

Reported: requests per resume (per source), time with a cold cache, time with a warm cache, and
the offline audit of the same resume, all in-process (start-up excluded). The local server has
no rate limits, so the cold time is also given as the lower bound the sources' published limits
impose on a real run (e.g. arXiv: one request per 3 s).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
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
    repeat = 3 if ctx.quick else 10
    offline = []
    for _ in range(repeat):
        start = time.perf_counter()
        build_report(doc, as_of, catalog=catalog)
        offline.append(time.perf_counter() - start)

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
            warm = []
            warm_settings = OnlineSettings(now=1.0, cache_path=str(cache), sources=sources, check_links=False)
            build_report(doc, as_of, catalog=catalog, config=AuditConfig(online=warm_settings))  # opens the client, as a batch does once
            for _ in range(repeat):
                start = time.perf_counter()
                build_report(doc, as_of, catalog=catalog, config=AuditConfig(online=warm_settings))
                warm.append(time.perf_counter() - start)
            close_all()
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        # What a user sees: the whole CLI run, offline and --online with the cache warm.
        cli_env = {**os.environ, **world.env(server)}
        base = [*ctx.cli, "audit", str(RESUME), "--as-of", "2026-08-01"]
        online_args = ["--online", "--no-link-check", "--cache", str(cache)]
        subprocess.run([*base, *online_args], env=cli_env, capture_output=True, check=True)  # fill (already warm)
        cli_off = statistics.median(_wall([*base], cli_env) for _ in range(repeat // 2 + 3))
        cli_on = statistics.median(_wall([*base, *online_args], cli_env) for _ in range(repeat // 2 + 3))
    total = sum(requests.values())
    bound = max(((n - 1) * POLICIES[s].period / POLICIES[s].rate for s, n in requests.items() if n > 1), default=0.0)
    off, hot = statistics.median(offline), statistics.median(warm)
    per_source = ", ".join(f"{s} {n}" for s, n in sorted(requests.items()))
    return [
        Row("online: requests for one resume (5 papers, 1 repo, 1 model)", total, "requests", note=per_source),
        Row("online: cold cache, local server with realistic delays", cold, "s", note=f"published rate limits alone would need ≥ {bound:.0f} s"),
        Row("online: warm cache, whole CLI run (median)", cli_on, "s", "within 10% of offline", cli_on <= cli_off * 1.10, f"offline {cli_off:.2f} s"),
        Row("online: warm cache, per resume in a batch (median)", hot * 1000, "ms", note=f"offline {off * 1000:.1f} ms for the same resume"),
    ]


def _wall(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, capture_output=True, check=True)
    return time.perf_counter() - start


ONLINE.append(Measurement("online", "the online checks: requests, cold and warm cache", measure_online))
