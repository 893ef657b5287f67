"""Interviewer questions: one list, deduplicated, ranked by the weight of the findings behind them."""

from __future__ import annotations

from auditor.models import Finding, Question
from auditor.score import weight


def rank_questions(findings: list[Finding], limit: int = 15) -> list[Question]:
    """The same question from several findings is asked once, carrying all their ids."""
    by_text: dict[str, tuple[float, list[str]]] = {}
    for f in findings:
        if f.accepted is not None:
            continue
        w = weight(f) or 0.5  # info findings still give a (last) question
        for q in f.questions:
            prev_w, ids = by_text.get(q, (0.0, []))
            by_text[q] = (prev_w + w, ids + [f.id])
    ranked = sorted(by_text.items(), key=lambda kv: -kv[1][0])[:limit]
    return [Question(text=text, finding_ids=ids, priority=i + 1) for i, (text, (_, ids)) in enumerate(ranked)]
