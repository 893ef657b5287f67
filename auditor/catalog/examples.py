"""Rule examples as test cases: lines marked ` <<<` must be the evidence of exactly one finding.

Shipped in the package (not tests/) so that `resume-audit rules --test FILE` can check a
user's own rule file the same way, as `semgrep test` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.catalog import Catalog
from auditor.parse.dates import Point

MARK = "<<<"
DEFAULT_AS_OF = "2026-11-22"  # fixed: examples never depend on today's date


@dataclass(frozen=True)
class RuleExample:
    rule_id: str
    kind: str  # "fail" or "pass"
    index: int
    text: str
    marked_lines: frozenset[int]
    as_of: Point
    note: str | None
    todo: bool
    online: tuple[dict, ...] = ()

    @property
    def test_id(self) -> str:
        return f"{self.rule_id}-{self.kind}-{self.index}"


def strip_marks(text: str) -> tuple[str, frozenset[int]]:
    lines, marked = [], set()
    for i, line in enumerate(text.rstrip("\n").split("\n"), 1):
        if line.rstrip().endswith(MARK):
            marked.add(i)
            line = line.rstrip()[: -len(MARK)].rstrip()
        lines.append(line)
    return "\n".join(lines) + "\n", frozenset(marked)


def as_point(value: str) -> Point:
    d = dt.date.fromisoformat(value)
    return Point(d.year, d.month)


def iter_examples(catalog: Catalog) -> Iterator[RuleExample]:
    for rule in catalog.rules:
        counts = {"fail": 0, "pass": 0}
        for ex in rule.examples:
            kind = "fail" if ex.fail is not None else "pass"
            text, marked = strip_marks(ex.fail if ex.fail is not None else ex.pass_ or "")
            yield RuleExample(
                rule.id, kind, counts[kind], text, marked, as_point(ex.as_of or DEFAULT_AS_OF), ex.note, ex.todo, tuple(ex.online or ())
            )
            counts[kind] += 1
