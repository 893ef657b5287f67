"""What the benchmark measures. Each measurement is a function (context -> rows); OFFLINE runs by
default, ONLINE with --online.

To add a measurement (e.g. online verification against a local mock or the real sources), write
`def measure_x(ctx: Context) -> list[Row]` and append `Measurement("x", "what it shows", measure_x)`
to ONLINE (or OFFLINE). A Row is one line of the table and one object of the JSON file.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import Spec, resume_text, write_corpus

AS_OF = "2026-11-23"


@dataclass
class Row:
    name: str
    value: float
    unit: str
    target: str = ""  # e.g. "< 0.3 s"
    ok: bool | None = None  # None: no target
    note: str = ""


@dataclass
class Context:
    work: Path  # a scratch folder, removed afterwards
    quick: bool = False
    cli: list[str] = field(default_factory=list)  # how to start resume-audit
    jobs: int | None = None  # --jobs value when the CLI has the option


@dataclass
class Measurement:
    name: str
    about: str
    run: Callable[[Context], list[Row]]


def cli_command() -> list[str]:
    """The installed entry point next to this interpreter (what a user starts), else `python -m`."""
    script = Path(sys.executable).parent / "resume-audit"
    return [str(script)] if script.exists() else [sys.executable, "-m", "auditor.cli"]


def cli_jobs(cli: list[str]) -> int | None:
    """2 when `resume-audit audit --help` lists --jobs (the process pool), else None."""
    out = subprocess.run([*cli, "audit", "--help"], capture_output=True, text=True, check=False).stdout
    return 2 if "--jobs" in out else None


def run_child(cmd: list[str], cwd: Path | None = None) -> tuple[float, int, int]:
    """Wall seconds, exit code and peak RSS (MB, of the child and the children it waited for)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, proc.returncode, usage.ru_maxrss // 1024


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# --- offline -----------------------------------------------------------------------------------


def measure_startup(ctx: Context) -> list[Row]:
    """Cold start: `resume-audit --help`, and one whole audit of a 2-page resume, each a new process."""
    runs = 5 if ctx.quick else 15
    help_times = [run_child([*ctx.cli, "--help"])[0] for _ in range(runs)]
    path = write_corpus(ctx.work / "startup", [Spec("zh", 2, True)])[0]
    audit = [run_child([*ctx.cli, "audit", str(path), "--as-of", AS_OF, "--format", "json"]) for _ in range(max(3, runs // 3))]
    if any(code != 0 for _, code, _ in audit):
        raise RuntimeError(f"resume-audit audit {path} failed")
    med_help = statistics.median(help_times)
    return [
        Row("start-up: resume-audit --help (median)", med_help, "s", "< 0.3 s", med_help < 0.3),
        Row("start-up: one audit, 2 pages, new process (median)", statistics.median(t for t, _, _ in audit), "s"),
    ]


def _audit_in_process(paths: list[Path], repeat: int = 1) -> list[float]:
    """Seconds per audit (ingest, parse, checks, JSON report), catalogue loaded once before.

    strip_markup's cache is cleared before each audit so that a repeated resume costs what a new
    one does.
    """
    from auditor.catalog import load_catalog
    from auditor.catalog.examples import as_point
    from auditor.parse.text import strip_markup
    from auditor.report import audit_file

    catalog, as_of = load_catalog(), as_point(AS_OF)
    audit_file(paths[0], as_of, catalog=catalog, as_of_text=AS_OF)  # warm: imports, compiled patterns
    times = []
    for _ in range(repeat):
        for p in paths:
            strip_markup.cache_clear()
            start = time.perf_counter()
            audit_file(p, as_of, catalog=catalog, as_of_text=AS_OF).model_dump_json()
            times.append(time.perf_counter() - start)
    return times


def measure_per_resume(ctx: Context) -> list[Row]:
    """Median and p95 of one audit of a 2-page resume after start-up (zh and en, with and without papers)."""
    n = 12 if ctx.quick else 60
    specs = [Spec(("zh", "en")[k % 2], 2, k % 4 < 2, k) for k in range(n)]
    times = _audit_in_process(write_corpus(ctx.work / "per_resume", specs))
    med, p95 = statistics.median(times) * 1000, _quantile(times, 0.95) * 1000
    return [
        Row("per resume, 2 pages, after start-up: median", med, "ms", "< 20 ms", med < 20, f"{n} resumes"),
        Row("per resume, 2 pages, after start-up: p95", p95, "ms"),
    ]


PAGES = (1, 3, 10, 100)


def measure_growth(ctx: Context) -> list[Row]:
    """Median time per resume of 1, 3, 10 and 100 pages, and per KB of text. Linear means a
    100-page CV costs no more per KB than a 1-page resume (a 1-page resume is half header and short
    lines, so it holds less text than an average page of a long CV: the raw ratio alone would
    over-state growth, hence both)."""
    rows = []
    for lang in ("zh", "en"):
        for pubs in (True, False):
            medians, sizes = {}, {}
            kind = f"{lang}, {'with' if pubs else 'no'} papers"
            for pages in PAGES:
                path = write_corpus(ctx.work / "growth", [Spec(lang, pages, pubs)])[0]
                repeat = 3 if pages == 100 else (5 if ctx.quick else 15)
                medians[pages] = statistics.median(_audit_in_process([path], repeat))
                sizes[pages] = path.stat().st_size / 1024
                per_kb = medians[pages] * 1000 / sizes[pages]
                rows.append(Row(f"growth: {pages:>3} pages ({kind})", medians[pages] * 1000, "ms", note=f"{sizes[pages]:.0f} KB, {per_kb:.2f} ms/KB"))
            ratio = medians[100] / medians[1]
            per_kb_ratio = (medians[100] / sizes[100]) / (medians[1] / sizes[1])
            rows.append(Row(f"growth: 100 pages / 1 page ({kind})", ratio, "x", note=f"for {sizes[100] / sizes[1]:.0f}x the text"))
            rows.append(Row(f"growth: time per KB, 100 pages / 1 page ({kind})", per_kb_ratio, "x", "<= ~1 (linear)", per_kb_ratio <= 1.1))
    return rows


def batch_specs(n: int) -> list[Spec]:
    """A batch as a hiring team has it: mostly 1-3 pages, both languages, some with papers."""
    return [Spec(("zh", "en")[k % 2], 1 + k % 3, k % 3 == 0, k) for k in range(n)]


def measure_batch(ctx: Context) -> list[Row]:
    """One `resume-audit audit FOLDER` over 1,000 resumes (JSON reports), with --jobs 2 when the CLI has it."""
    n = 100 if ctx.quick else 1000
    folder = ctx.work / "batch"
    write_corpus(folder, batch_specs(n))
    jobs = ["--jobs", str(ctx.jobs)] if ctx.jobs else []
    cmd = [*ctx.cli, "audit", str(folder), "--format", "json", "--out", str(ctx.work / "batch-out"), "--as-of", AS_OF, *jobs]
    seconds, code, rss = run_child(cmd)
    if code != 0:
        raise RuntimeError(f"batch run exited {code}")
    how = f"--jobs {ctx.jobs}" if ctx.jobs else "one process (this CLI has no --jobs)"
    per_1000 = seconds * 1000 / n
    return [
        Row(f"batch: {n} resumes, {how}", seconds, "s", "1,000 in < 30 s", per_1000 < 30, f"{n / seconds:.0f} resumes/s"),
        Row("batch: peak memory (largest process)", rss, "MB", "< 300 MB", rss < 300),
    ]


def measure_memory(ctx: Context) -> list[Row]:
    """Peak memory of one process auditing the 100-page resume (the largest input in the corpus)."""
    path = write_corpus(ctx.work / "memory", [Spec("zh", 100, True)])[0]
    _, code, rss = run_child([*ctx.cli, "audit", str(path), "--as-of", AS_OF, "--format", "html", "--out", str(ctx.work / "memory-out")])
    if code != 0:
        raise RuntimeError("100-page audit failed")
    return [Row("peak memory: one 100-page resume, HTML report", rss, "MB", "< 300 MB", rss < 300)]


OFFLINE: list[Measurement] = [
    Measurement("startup", "cold start of the CLI", measure_startup),
    Measurement("per_resume", "one audit after start-up", measure_per_resume),
    Measurement("growth", "time against resume length", measure_growth),
    Measurement("batch", "a folder of 1,000 resumes", measure_batch),
    Measurement("memory", "peak memory of the largest resume", measure_memory),
]

# Online measurements (bench/online.py) run with --online.
ONLINE: list[Measurement] = []


def scratch() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="resume-audit-bench-")


__all__ = ["OFFLINE", "ONLINE", "Context", "Measurement", "Row", "cli_command", "cli_jobs", "resume_text", "scratch"]
