"""Risk score: severity and confidence weighted, saturating, so one certain high finding weighs
more than many uncertain low ones, and accepted findings weigh nothing.

    weight(f) = SEVERITY[f.severity] * CONFIDENCE[f.confidence]
    score     = round(100 * (1 - exp(-sum(weight) / SCALE)))
    level     = high if score >= 60, medium if score >= 25, else low

With SCALE = 40: one high+certain finding (25) scores 46 (medium); two score 71 (high);
five low+medium findings (5 x 2.1) score 23 (low). Info findings never count, nor do findings the
resume's own age explains (`explained_by`): an old resume is not a riskier candidate.
"""

from __future__ import annotations

import math

from auditor.models import Finding, Risk

SEVERITY_WEIGHT = {"info": 0.0, "low": 3.0, "medium": 10.0, "high": 25.0}
CONFIDENCE_FACTOR = {"low": 0.4, "medium": 0.7, "high": 1.0}
SCALE = 40.0
HIGH, MEDIUM = 60, 25


def weight(f: Finding) -> float:
    return SEVERITY_WEIGHT[f.severity] * CONFIDENCE_FACTOR[f.confidence]


def risk(findings: list[Finding]) -> Risk:
    total = sum(weight(f) for f in findings if f.accepted is None and f.explained_by is None)
    score = round(100 * (1 - math.exp(-total / SCALE)))
    level = "high" if score >= HIGH else "medium" if score >= MEDIUM else "low"
    return Risk(score=score, level=level)
