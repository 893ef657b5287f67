"""Run the benchmark: a table on stdout and the same numbers, with the machine, in a JSON file.

    python -m bench [--quick] [--only NAME ...] [--online] [--json out/bench/bench.json]

Numbers, not pass/fail tests: a shared or busy machine gives slower numbers, so the load average
is recorded with them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from dataclasses import asdict
from pathlib import Path

import bench.online  # noqa: F401  (registers the online measurements)
from bench.measures import OFFLINE, ONLINE, Context, Row, cli_command, cli_jobs, scratch


def machine() -> dict[str, object]:
    """Where the numbers were taken: CPU model, cores, memory, OS, Python, load at the start."""
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        kb = next(int(x.split()[1]) for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal"))
        mem_gb = round(kb / 1024 / 1024, 1)
    except (OSError, StopIteration):
        pass
    from auditor import __version__

    return {
        "cpu": cpu,
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "memory_gb": mem_gb,
        "os": platform.platform(),
        "python": platform.python_version(),
        "resume_audit": __version__,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
    }


def compile_package() -> None:
    """Every start-up is measured with the package's bytecode compiled, as pip leaves an installed
    copy (and scripts/setup.sh a checkout): with PYTHONDONTWRITEBYTECODE set, each new process
    would otherwise compile every module from source again, and --online loads more of them."""
    import compileall

    import auditor

    compileall.compile_dir(str(Path(auditor.__file__).parent), quiet=1)


def _fmt(row: Row) -> str:
    value = f"{row.value:,.0f}" if row.value >= 100 else f"{row.value:.3g}" if row.unit == "s" else f"{row.value:.1f}"
    mark = "" if row.ok is None else ("ok" if row.ok else "MISSED")
    return f"{row.name:<58} {value:>9} {row.unit:<3} {row.target:<18} {mark:<6} {row.note}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and a 100-resume batch (a smoke run)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these measurements: " + ", ".join(m.name for m in OFFLINE + ONLINE))
    parser.add_argument("--online", action="store_true", help="also run the online measurements")
    parser.add_argument("--json", type=Path, default=Path("out/bench/bench.json"), help="where to write the results (default: %(default)s)")
    args = parser.parse_args(argv)

    chosen = OFFLINE + (ONLINE if args.online else [])
    if args.only:
        chosen = [m for m in OFFLINE + ONLINE if m.name in args.only]
        if not chosen:
            parser.error("no measurement of that name")
    if args.online and not ONLINE:
        print("note: no online measurements yet (add them to ONLINE in bench/measures.py)")

    compile_package()
    cli = cli_command()
    info = machine()
    jobs = cli_jobs(cli)
    print(f"machine: {info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB, {info['os']}, Python {info['python']}")
    print(f"load average at start: {info['load_average_at_start']}")
    print("batch: " + (f"--jobs {jobs}" if jobs else "resume-audit audit has no --jobs option: the batch runs in one process"))
    print()
    print(f"{'measurement':<58} {'value':>9} {'':<3} {'target':<18} {'':<6} note")
    results: dict[str, list[dict[str, object]]] = {}
    with scratch() as work:
        ctx = Context(work=Path(work), quick=args.quick, cli=cli, jobs=jobs)
        for m in chosen:
            rows = m.run(ctx)
            results[m.name] = [asdict(r) for r in rows]
            for row in rows:
                print(_fmt(row), flush=True)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    payload = {"machine": info, "quick": args.quick, "batch_jobs": jobs, "results": results}
    args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
