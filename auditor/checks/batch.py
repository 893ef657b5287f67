"""Batch checks: findings that need the other resumes of the batch, compared beforehand by
auditor.shared_bullets and handed to the audit in `ctx.shared_lines`."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.registry import CheckContext, Hit, NotApplicable, check
from auditor.models import Resume
from auditor.shared_bullets import SharedParams


@check("content.shared_bullet", params=SharedParams)
def shared_bullet(resume: Resume, p: SharedParams, ctx: CheckContext) -> Iterator[Hit]:
    """A substantive bullet that another candidate's resume in the batch has (near-)verbatim.

    Not a hit (decided in auditor.shared_bullets): two files of the same person; publication,
    award, skill and summary lines; short lines, dated headers and keyword lists; a line most of
    the batch carries. A single resume has nothing to compare with: not applicable.
    """
    if ctx.shared_lines is None:
        raise NotApplicable(ctx.say("compares the resumes of a batch; one resume was audited", "需要批量审核多份简历才能比较；本次只审核了一份"))
    by_other: dict[str, list] = {}
    for s in ctx.shared_lines:
        by_other.setdefault(s.other, []).append(s)
    for other, shared in by_other.items():  # one problem per other resume, quoting every line
        also = sorted({a for s in shared for a in s.also} - {other})
        more = ""
        if also:
            more = ctx.say(f" (and in {len(also)} more: {', '.join(also[:3])}{', …' if len(also) > 3 else ''})",
                           f"（另有 {len(also)} 份：{'、'.join(also[:3])}{'等' if len(also) > 3 else ''}）")
        lines = tuple(sorted({s.line for s in shared}))
        confidence = "high" if all(s.score == 100 for s in shared) else "medium"
        yield Hit(lines, {"other": other, "other_line": shared[0].other_line, "count": len(lines), "more": more},
                  confidence=confidence, key=other)
