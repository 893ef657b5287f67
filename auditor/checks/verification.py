"""Verification: what can be checked in public (and how), and what nobody outside can check."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.checks.registry import CheckContext, Hit, NoParams, NotApplicable, check
from auditor.models import Resume

PUBLIC = {"stars": "GitHub", "downloads": "Hugging Face / PyPI", "citations": "Google Scholar", "rank": "the competition leaderboard"}
PRIVATE = {"money", "headcount", "users", "qps"}


@check("verification.public_claims", params=NoParams)
def public_claims(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """Claims anyone can check online (stars, downloads, citations, competition ranks, papers): listed to check."""
    claims = [c for c in ctx.claims if c.kind in PUBLIC]
    pubs = [x for x in resume.publications if x.kind_hint == "paper"]
    if not claims and not pubs:
        raise NotApplicable("no publicly checkable claim")
    lines = sorted({c.line for c in claims} | {x.line for x in pubs})
    where = sorted({PUBLIC[c.kind] for c in claims} | ({"Semantic Scholar / DBLP"} if pubs else set()))
    yield Hit(tuple(lines[:10]), {"count": len(claims) + len(pubs), "where": ", ".join(where)})


@check("verification.private_claims", params=NoParams)
def private_claims(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """Business figures only the employer can confirm (revenue, savings, headcount, users, QPS)."""
    claims = [c for c in ctx.claims if c.kind in PRIVATE]
    if not claims:
        raise NotApplicable("no business figures")
    lines = sorted({c.line for c in claims})
    yield Hit(tuple(lines[:10]), {"count": len(claims)})


@check("verification.stars_without_link", params=NoParams)
def stars_without_link(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """GitHub stars claimed with no repository link anywhere in the resume."""
    stars = [c for c in ctx.claims if c.kind == "stars"]
    if not stars:
        raise NotApplicable("no stars claimed")
    if any(re.search(r"github\.com/[\w.\-]+/[\w.\-]+", link) for link in resume.contacts.links):
        return
    yield Hit(tuple(sorted({c.line for c in stars})[:4]), {"count": int(max(c.value or 0 for c in stars))})
