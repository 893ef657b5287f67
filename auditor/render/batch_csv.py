"""The batch as a CSV for spreadsheets: one row per file, audited or not."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditor.batch import BatchEntry

COLUMNS = ("file", "candidate", "risk", "score", "high", "medium", "low", "info", "top_findings", "first_questions", "error")


def candidate_label(entry: BatchEntry) -> str:
    """Who the row is about: the name, else the first e-mail, else the file name."""
    if entry.report is None:
        return ""
    resume = entry.report.resume
    return resume.name or (resume.contacts.emails[0] if resume.contacts.emails else entry.path.stem)


def render_csv(entries: Sequence[BatchEntry]) -> str:
    """Audited files by risk, highest first, then the files that could not be read. A cell that
    begins with = + - @ is prefixed with ' so a spreadsheet shows resume text, never runs it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    audited = sorted((e for e in entries if e.report is not None), key=lambda e: -e.report.risk.score)  # type: ignore[union-attr]
    for e in audited:
        rep = e.report
        assert rep is not None
        counts = {s: sum(1 for f in rep.findings if f.severity == s and f.accepted is None) for s in ("high", "medium", "low", "info")}
        top = list(dict.fromkeys(f.title for f in rep.findings if f.accepted is None))[:3]
        writer.writerow([_safe(c) for c in (
            str(e.path), candidate_label(e), rep.risk.level, rep.risk.score, *counts.values(),
            " | ".join(top), " | ".join(q.text for q in rep.questions[:3]), "",
        )])
    for e in entries:
        if e.report is None:
            writer.writerow([_safe(str(e.path)), "", "", "", "", "", "", "", "", "", _safe(e.error or "")])
    return out.getvalue()


def _safe(value: object) -> str:
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
