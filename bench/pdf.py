"""PDF reading speed: our reader beside pdftotext, on the same made-up PDFs, in the same run.

    python -m bench.pdf [--files 80] [--batch 1000] [--jobs 2]

1. per page: `--files` PDFs of 1-4 pages, Chinese and English (tests/gen_pdfs.py), each read
   by `auditor.ingest.ingest` in this process and by `pdftotext -layout` (poppler-utils) as a
   process of its own; ms per page for both (pdftotext's includes its process start, which is
   how a user would call it);
2. batch: `--batch` two-page PDFs read by `--jobs` worker processes; seconds for all.

Numbers, not a timed test: the load average is printed with them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


def _generate(folder: Path, count: int, pages: int | None) -> list[tuple[Path, int]]:
    import gen_pdfs

    out = []
    for i in range(count):
        n = pages or 1 + i % 4
        path = folder / f"cv_{i:04d}_{'zh' if i % 2 else 'en'}_{n}p.pdf"
        path.write_bytes(gen_pdfs.resume(n, "zh" if i % 2 else "en", seed=i))
        out.append((path, n))
    return out


def _ours(path: Path) -> float:
    from auditor.ingest import ingest

    start = time.perf_counter()
    ingest(path)
    return time.perf_counter() - start


def _pdftotext(exe: str, path: Path) -> float:
    start = time.perf_counter()
    subprocess.run([exe, "-layout", str(path), "-"], check=True, capture_output=True)
    return time.perf_counter() - start


def _read_all(paths: list[Path]) -> int:
    from auditor.ingest import ingest

    for path in paths:
        ingest(path)
    return len(paths)


def per_page(folder: Path, files: int) -> None:
    pdfs = _generate(folder, files, None)
    pages = sum(n for _, n in pdfs)
    _ours(pdfs[0][0])  # imports and PDFium start-up are not per page
    ours = [_ours(p) / n for p, n in pdfs]
    print(f"files: {files} ({pages} pages, 1-4 pages each, zh and en)")
    print(f"ours        ms/page median {1000 * statistics.median(ours):6.2f}  mean {1000 * statistics.fmean(ours):6.2f}")
    exe = shutil.which("pdftotext")
    if exe is None:
        print("pdftotext   not installed (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler)")
        return
    theirs = [_pdftotext(exe, p) / n for p, n in pdfs]
    ratio = statistics.median(ours) / statistics.median(theirs)
    print(f"pdftotext   ms/page median {1000 * statistics.median(theirs):6.2f}  mean {1000 * statistics.fmean(theirs):6.2f}")
    print(f"ours / pdftotext (median per page): {ratio:.2f}x")


def batch(folder: Path, count: int, jobs: int) -> None:
    pdfs = [p for p, _ in _generate(folder, count, 2)]
    chunks = [pdfs[i::jobs] for i in range(jobs)]
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        done = sum(pool.map(_read_all, chunks))
    took = time.perf_counter() - start
    print(f"batch: {done} two-page PDFs with {jobs} processes in {took:.1f} s ({1000 * took / done:.1f} ms per file)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=80)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; cores: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as tmp:
        per_page(Path(tmp), args.files)
    if args.batch:
        with tempfile.TemporaryDirectory() as tmp:
            batch(Path(tmp), args.batch, args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
