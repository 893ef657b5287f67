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
    for s in ctx.shared_lines:
        more = ""
        if s.also:
            more = ctx.say(f" (and in {len(s.also)} more: {', '.join(s.also[:3])}{', …' if len(s.also) > 3 else ''})",
                           f"（另有 {len(s.also)} 份：{'、'.join(s.also[:3])}{'等' if len(s.also) > 3 else ''}）")
        confidence = "high" if s.score == 100 else "medium"
        yield Hit((s.line,), {"other": s.other, "other_line": s.other_line, "more": more}, confidence=confidence)
