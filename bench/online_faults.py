"""Wall time of `--online` when the sources misbehave: `python -m bench.online_faults`.

Three runs of the CLI on examples/en_online_researcher.md, each a new process, against
sources that (a) refuse every connection (a loopback port nothing listens on: how a machine
without a network fails), (b) answer 503 to everything, (c) stall 10 s before every answer,
with the default 30 s budget and with `--time-budget 5`. Prints seconds, requests the
server saw, and the stderr lines. Numbers, not tests: the tests check the attempts and
verdicts with a fake clock (tests/test_verify_budget.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.replay_server import Answer, ReplayServer  # noqa: E402

RESUME = ROOT / "examples" / "en_online_researcher.md"
SOURCES = ("semantic_scholar", "dblp", "openalex", "crossref", "arxiv", "openreview", "github", "huggingface")


def _run(base: str, *flags: str) -> tuple[float, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **{f"RESUME_AUDIT_{s.upper()}_URL": base for s in SOURCES}}
    args = [sys.executable, "-m", "auditor.cli", "audit", str(RESUME), "--online", "--no-cache", "--no-link-check", "--as-of", "2026-08-01", *flags]
    start = time.monotonic()
    proc = subprocess.run(args, capture_output=True, text=True, env=env, timeout=600)
    return time.monotonic() - start, " | ".join(proc.stderr.strip().splitlines())


def main() -> None:
    print(f"{'case':<34} {'seconds':>8} {'requests':>9}  stderr")
    seconds, err = _run("http://127.0.0.1:9")
    print(f"{'every connection refused':<34} {seconds:>8.1f} {'-':>9}  {err}")
    for name, answer, flags in (
        ("every answer 503", Answer(503, "down"), ()),
        ("every answer stalls 10 s", Answer(200, "{}", delay=10.0), ()),
        ("stalls 10 s, --time-budget 5", Answer(200, "{}", delay=10.0), ("--time-budget", "5")),
    ):
        with ReplayServer() as server:
            server.handle("/", lambda path, query, a=answer: a)
            seconds, err = _run(server.url, *flags)
            n = len(server.requests)
        print(f"{name:<34} {seconds:>8.1f} {n:>9}  {err}")


if __name__ == "__main__":
    main()
