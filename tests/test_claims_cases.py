"""The claims' table of cases (tests/claims_cases/*.yaml): one resume line → what it claims.

Each file is a list of cases:

    - line: "- cut p99 latency by 67% (1.8 s → 0.6 s)"
      expect:                      # each listed reading must match one reading of the line
        - {kind: before_after, before: 1.8, after: 0.6, unit: s, gain: 67}
    - line: "GPA 3.8/4.0"
      silent: [rank]               # no reading of these kinds

Readings: every claim of the line (kind, value, before, after, unit; a before→after also carries
`gain`, the value of the gain stated beside it), `claimed_years` (value) and `total` (value, and
`parts`, the list of part values). Numbers match within 1e-6; a field not given is not compared.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from auditor.parse.claim_changes import stated_gain
from auditor.parse.claim_totals import find_breakdowns
from auditor.parse.claims import extract_line_claims
from auditor.parse.experience_years import years_in
from auditor.parse.text import strip_markup

CASES_DIR = Path(__file__).parent / "claims_cases"


def _load() -> list[Any]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for i, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            cases.append(pytest.param(case, id=f"{path.stem}-{i}: {case['line'][:40]}"))
    return cases


def readings(line: str) -> list[dict[str, Any]]:
    text = strip_markup(line)
    raws = extract_line_claims(text)
    found: list[dict[str, Any]] = []
    for i, r in enumerate(raws):
        item = {"kind": r.kind, "value": r.value, "before": r.before, "after": r.after, "unit": r.unit}
        if r.kind == "before_after":
            gain = stated_gain(text, raws, i)
            item["gain"] = gain.value if gain else None
        found.append(item)
    years = years_in(text)
    if years is not None:
        found.append({"kind": "claimed_years", "value": years})
    for b in find_breakdowns(text):
        found.append({"kind": "total", "value": b.total, "parts": b.parts})
    return found


def _same(want: Any, got: Any) -> bool:
    if isinstance(want, list):
        return isinstance(got, list) and len(want) == len(got) and all(_same(w, g) for w, g in zip(want, got))
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        return isinstance(got, (int, float)) and abs(want - got) < 1e-6
    return bool(want == got)


@pytest.mark.parametrize("case", _load())
def test_claims_case(case: dict[str, Any]) -> None:
    got = readings(case["line"])
    for want in case.get("expect", []):
        assert any(all(_same(v, item.get(k)) for k, v in want.items()) for item in got), f"no reading matches {want}; read: {got}"
    for kind in case.get("silent", []):
        assert not [item for item in got if item["kind"] == kind], f"{kind} read where there is none: {got}"
