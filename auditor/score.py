"""Risk score: severity and confidence weighted, saturating, so one certain high finding weighs
more than many uncertain low ones, and accepted findings weigh nothing.

    weight(f) = SEVERITY[f.severity] * CONFIDENCE[f.confidence]
    score     = round(100 * (1 - exp(-sum(weight) / SCALE)))
    level     = high if score >= 60, medium if score >= 25, else low

With SCALE = 40: one high+certain finding (25) scores 46 (medium); two score 71 (high);
five low+medium findings (5 x 2.1) score 23 (low). Info findings never count, nor do findings the
resume's own age explains (`explained_by`): an old resume is not a riskier candidate.

A problem is counted once. Findings that quote a common line are one problem (a rank line's Top-x%
and its medal), weighed by the heaviest; and the same rule firing again on other lines counts half
as much each time (1, 1/2, 1/4 …), so seven leftovers of one template weigh less than two of a
certain high finding. `Risk.parts` lists what was counted, for the report's breakdown.
"""

from __future__ import annotations

import math

from auditor.models import Finding, Risk, RiskPart

SEVERITY_WEIGHT = {"info": 0.0, "low": 3.0, "medium": 10.0, "high": 25.0}
CONFIDENCE_FACTOR = {"low": 0.4, "medium": 0.7, "high": 1.0}
SCALE = 40.0
HIGH, MEDIUM = 60, 25


def weight(f: Finding) -> float:
    return SEVERITY_WEIGHT[f.severity] * CONFIDENCE_FACTOR[f.confidence]


def _problems(findings: list[Finding]) -> list[list[Finding]]:
    """Findings joined when they quote a common line; each group heaviest first."""
    groups: list[list[Finding]] = []
    for f in sorted(findings, key=weight, reverse=True):
        lines = {e.line for e in f.evidence}
        host = next((g for g in groups if lines & {e.line for x in g for e in x.evidence}), None)
        if host is None:
            groups.append([f])
        else:
            host.append(f)
    return groups


def risk(findings: list[Finding]) -> Risk:
    counted = [f for f in findings if f.accepted is None and f.explained_by is None and weight(f) > 0]
    parts: list[RiskPart] = []
    repeats: dict[str, int] = {}
    for group in _problems(counted):
        lead = group[0]
        n = repeats.get(lead.rule_id, 0)
        repeats[lead.rule_id] = n + 1
        parts.append(RiskPart(finding_id=lead.id, rule_id=lead.rule_id, weight=round(weight(lead) / 2**n, 2),
                              folded=[f.id for f in group[1:]]))
    total = sum(p.weight for p in parts)
    score = round(100 * (1 - math.exp(-total / SCALE)))
    level = "high" if score >= HIGH else "medium" if score >= MEDIUM else "low"
    return Risk(score=score, level=level, parts=sorted(parts, key=lambda p: -p.weight))
