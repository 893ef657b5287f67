"""Audit many files: each is ingested and audited on its own, so one broken file is reported
and every other file still gets its report. A progress bar goes to stderr on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from auditor.catalog import Catalog
from auditor.engine import AuditConfig
from auditor.models import Report
from auditor.parse.dates import Point


@dataclass
class BatchEntry:
    path: Path
    report: Report | None
    error: str | None
    name: str | None


def run_batch(
    files: list[Path],
    as_of: Point,
    catalog: Catalog,
    config: AuditConfig,
    lang: str | None,
    as_of_text: str,
    emit: Callable[[Path, Report | None, str | None], None],
    expected_errors: type[Exception],
) -> None:
    from auditor.ingest import ingest
    from auditor.report import build_report

    progress = None
    if len(files) > 1 and sys.stderr.isatty():
        from rich.progress import Progress

        progress = Progress(transient=True)
        progress.start()
        task = progress.add_task("auditing", total=len(files))
    try:
        for path in files:
            try:
                doc = ingest(path)
                report = build_report(doc, as_of, catalog=catalog, config=config, lang=lang, as_of_text=as_of_text)
            except expected_errors as exc:
                emit(path, None, str(exc))
            except (OSError, ValueError, RecursionError, MemoryError) as exc:  # never lose the batch to one file
                emit(path, None, f"could not be audited ({type(exc).__name__}: {exc})")
            else:
                emit(path, report, None)
            if progress is not None:
                progress.advance(task)
    finally:
        if progress is not None:
            progress.stop()
