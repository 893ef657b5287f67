"""Report -> view models for the templates: grouping, timeline geometry, highlighted lines.

The templates only loop and print (coverage.py's split of data and rendering); no date
arithmetic or grouping happens in Jinja.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import yaml

from auditor.models import SEVERITY_ORDER, ClaimCheck, Finding, Report
from auditor.parse.dates import parse_iso
from auditor.resources import reports_dir

SEVERITIES = ["high", "medium", "low", "info"]
LANES = ["education", "fulltime", "internship", "research", "project", "competition", "other"]


@functools.lru_cache(maxsize=1)
def labels() -> dict[str, dict[str, Any]]:
    return yaml.safe_load((reports_dir() / "labels.yaml").read_text(encoding="utf-8"))


@dataclass
class Bar:
    lane: int
    kind: str
    label: str
    x: float
    width: float
    ongoing: bool
    line: int
    overlap: bool = False
    start: str = ""
    end: str = ""


@dataclass
class Timeline:
    width: int
    height: int
    bars: list[Bar]
    lanes: list[tuple[int, str]]
    ticks: list[tuple[float, str]]
    as_of_x: float
    overlaps: list[tuple[float, float, int]] = field(default_factory=list)


def timeline(report: Report, lang: str) -> Timeline | None:
    """Bars on a month axis from the first start to the as-of date; full-time overlaps marked."""
    as_of = parse_iso(report.as_of[:7])
    assert as_of is not None
    items: list[tuple[str, str, str, str | None, bool, int]] = []
    for e in report.resume.education:
        if e.start:
            items.append(("education", e.institution or e.degree or "", e.start, e.end, e.ongoing, e.line))
    for x in report.resume.experience:
        if x.start:
            items.append((x.kind, x.org or x.title or "", x.start, x.end, x.ongoing, x.line))
    if not items:
        return None
    starts = [parse_iso(i[2]).index for i in items]  # type: ignore[union-attr]
    ends = [(parse_iso(i[3]).index if i[3] else as_of.index) for i in items]  # type: ignore[union-attr]
    lo = min(starts) - 1
    hi = max(max(ends), as_of.index) + 2
    left, width = 110, 640
    scale = width / max(1, hi - lo)
    used = [k for k in LANES if any(i[0] == k for i in items)]
    lane_of = {k: n for n, k in enumerate(used)}
    names = labels()[lang]["kinds"]
    bars = []
    for (kind, label, s, e, ongoing, line), si, ei in zip(items, starts, ends):
        bars.append(Bar(lane_of[kind], kind, label, left + (si - lo) * scale, max(3.0, (ei - si + 1) * scale), ongoing, line, start=s, end=e or ""))
    overlaps = []
    full = [(b, si, ei) for b, si, ei in zip(bars, starts, ends) if b.kind == "fulltime"]
    for i, (a, sa, ea) in enumerate(full):
        for b, sb, eb in full[i + 1 :]:
            o_lo, o_hi = max(sa, sb), min(ea, eb)
            if o_hi - o_lo + 1 >= 2:
                a.overlap = b.overlap = True
                overlaps.append((left + (o_lo - lo) * scale, (o_hi - o_lo + 1) * scale, a.lane))
    ticks = []
    first_year = (lo // 12) + 1
    step = 1 if (hi - lo) <= 96 else 2
    for year in range(first_year, hi // 12 + 1, step):
        ticks.append((left + (year * 12 - lo) * scale, str(year)))
    return Timeline(
        width=left + width + 20,
        height=30 + 26 * len(used) + 24,
        bars=bars,
        lanes=[(n, names.get(k, k)) for n, k in enumerate(used)],
        ticks=ticks,
        as_of_x=left + (as_of.index - lo) * scale,
        overlaps=overlaps,
    )


def group_findings(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    open_ = [f for f in findings if f.accepted is None]
    out = []
    for sev in SEVERITIES:
        group = sorted((f for f in open_ if f.severity == sev), key=lambda f: (f.category, f.evidence[0].line if f.evidence else 0))
        if group:
            out.append((sev, group))
    return out


def counts(findings: list[Finding]) -> dict[str, int]:
    c = {s: 0 for s in SEVERITIES}
    for f in findings:
        if f.accepted is None:
            c[f.severity] += 1
    return c


def top_finding(report: Report) -> Finding | None:
    open_ = [f for f in report.findings if f.accepted is None and f.severity != "info"]
    return max(open_, key=lambda f: (SEVERITY_ORDER[f.severity], f.confidence == "high"), default=None)


def view(report: Report, lang: str) -> dict[str, Any]:
    flagged: dict[int, list[str]] = {}
    for f in report.findings:
        if f.accepted is None:
            for e in f.evidence:
                flagged.setdefault(e.line, []).append(f.id)
    finding_by_id = {f.id: f for f in report.findings}
    return {
        "r": report,
        "L": labels()[lang],
        "lang": lang,
        "groups": group_findings(report.findings),
        "accepted": [f for f in report.findings if f.accepted is not None],
        "counts": counts(report.findings),
        "timeline": timeline(report, lang),
        "flagged": flagged,
        "finding_by_id": finding_by_id,
        "passed": [c for c in report.checks if c.status == "passed"],
        "not_applicable": [c for c in report.checks if c.status == "not_applicable"],
        "partial": [c for c in report.checks if c.partial],
        "errors": [c for c in report.checks if c.status == "error"],
    }


def short_reasons(check: ClaimCheck) -> list[tuple[str, list[str]]]:
    """Why a check could not be made, as (reason code, sources) pairs: one short reason per
    source, grouped, for the tables. The full error text stays in the JSON's `attempts` and in
    the report's "what was checked" part, not repeated in every row."""
    if check.status != "error":
        return []
    grouped: dict[str, list[str]] = {}
    failed = [a for a in check.attempts if a.status == "error"]
    for a in failed:
        sources = grouped.setdefault(a.reason or "other", [])
        if a.source not in sources:
            sources.append(a.source)
    if not failed:
        grouped[check.reason or "other"] = [check.source] if check.source else []
    return list(grouped.items())
