"""Rule examples as test cases: lines marked ` <<<` must be the evidence of exactly one finding.

A batch rule's example carries a second resume (`peer`): the two are audited as a batch of two
candidates, and the marks of each say where its own finding must be.

Shipped in the package (not tests/) so that `resume-audit rules --test FILE` can check a
user's own rule file the same way, as `semgrep test` does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.catalog import Catalog
from auditor.models import Finding
from auditor.parse.dates import Point

MARK = "<<<"
DEFAULT_AS_OF = "2026-11-22"  # fixed: examples never depend on today's date
PEER_LABEL = "peer.txt"  # how the example's own resume names its peer in messages
SELF_LABEL = "example.txt"


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
    peer: str | None = None
    peer_marked_lines: frozenset[int] = frozenset()

    @property
    def test_id(self) -> str:
        return f"{self.rule_id}-{self.kind}-{self.index}"

    def expected(self) -> list[frozenset[int]]:
        """The marked lines of each resume of the example: one set, or two with a peer."""
        return [self.marked_lines] if self.peer is None else [self.marked_lines, self.peer_marked_lines]


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
            peer, peer_marked = strip_marks(ex.peer) if ex.peer is not None else (None, frozenset())
            yield RuleExample(rule.id, kind, counts[kind], text, marked, as_point(ex.as_of or DEFAULT_AS_OF), ex.note, ex.todo,
                              tuple(ex.online or ()), peer, peer_marked)
            counts[kind] += 1


def example_findings(ex: RuleExample, catalog: Catalog) -> list[list[Finding]]:
    """The findings of the example's rule on each of its resumes (strict: a broken check raises).

    With a peer the two resumes go through the batch's own steps: audit, compare, audit again
    with what they share.
    """
    from auditor.engine import AuditConfig, audit_text
    from auditor.ingest import ingest_text
    from auditor.report import build_report

    if ex.peer is None:
        return [audit_text(ex.text, only=[ex.rule_id], as_of=ex.as_of, strict=True, catalog=catalog, online=list(ex.online))]
    from auditor.batch import shared_params
    from auditor.engine import audit
    from auditor.parse import parse
    from auditor.shared_bullets import find_shared

    config = AuditConfig(only={ex.rule_id})
    docs = [ingest_text(ex.text, SELF_LABEL), ingest_text(ex.peer, PEER_LABEL)]
    reports = [build_report(d, ex.as_of, catalog=catalog, config=config) for d in docs]
    params = shared_params(catalog, config)
    shared = find_shared(reports, [SELF_LABEL, PEER_LABEL], params) if params is not None else [None, None]
    return [
        audit(d, parse(d, catalog.kb), catalog, ex.as_of, config=config, strict=True,
              shared_lines=tuple(s) if s is not None else None).findings
        for d, s in zip(docs, shared)
    ]
