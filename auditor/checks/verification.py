"""Verification: what can be checked in public (and how), and what nobody outside can check."""

from __future__ import annotations

import re
from collections.abc import Iterator

from typing import Literal

from pydantic import BaseModel, ConfigDict

from auditor.checks.registry import CheckContext, Hit, NoParams, NotApplicable, check
from auditor.models import Claim, Publication, Resume
from auditor.parse.text import strip_markup
from auditor.parse.words import pattern
from auditor.verify.records import SOURCE_NAMES


class KindParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: Literal["stars", "downloads", "citations"]

PUBLIC = {"stars": "GitHub", "downloads": "Hugging Face / PyPI", "citations": "Google Scholar", "rank": ("the competition leaderboard", "比赛榜单")}
PRIVATE = {"money", "headcount", "users", "qps"}


class PublicParams(BaseModel):
    """What to advise, per language: run the online checks, or (when they ran with no network)
    say that they could not check, rather than advise what was just done."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    advice: dict[str, str]
    no_network: dict[str, str]


@check("verification.public_claims", params=PublicParams)
def public_claims(resume: Resume, p: PublicParams, ctx: CheckContext) -> Iterator[Hit]:
    """Claims anyone can check online (stars, downloads, citations, competition ranks, papers): listed to check.

    Not a hit: a class rank ('专业排名 3/120', 'GPA 3.8, Rank 2/60'), which only the school can confirm.
    """
    claims = [
        c for c in ctx.claims
        if c.kind in PUBLIC and c.verifiability == "public" and c.check.status in ("unchecked", "error")
    ]
    pubs = [x for x in resume.publications if x.kind_hint == "paper" and x.check.status in ("unchecked", "error")]
    if not claims and not pubs:
        raise NotApplicable("no publicly checkable claim left unchecked")
    lines = sorted({c.line for c in claims} | {x.line for x in pubs})
    where = sorted({_source_name(PUBLIC[c.kind], ctx) for c in claims} | ({"Semantic Scholar / DBLP"} if pubs else set()))
    offline = any(x.check.reason == "no_network" for x in [*claims, *pubs])
    advice = (p.no_network if offline else p.advice)
    yield Hit(tuple(lines[:10]), {"count": len(claims) + len(pubs), "where": ", ".join(where), "advice": advice.get(ctx.language, advice["en"])})


def _source_name(name: str | tuple[str, str], ctx: CheckContext) -> str:
    """A source's proper name stays as it is; a description is said in the report's language."""
    return ctx.say(*name) if isinstance(name, tuple) else name


# The candidate's own interview notes ('峰值QPS 2000+，如何扩展到2万QPS？', 'How would it scale to
# 10k QPS?') ask about figures; they claim none. Chinese has no word boundary, hence two parts.
_QUESTION = re.compile(r"[?？]$|^(?:如何|怎么|怎样|为什么)|^(?:how|what|why)\b", re.I)
# An amount paid by a school, a foundation or a competition, not a figure of the employer's business.
_GRANTED_TO_CANDIDATE = re.compile(r"scholarship|fellowship|stipend|bursary|prize|\baward\b|奖学金|助学金|奖金", re.I)


def _is_question(ctx: CheckContext, line: int) -> bool:
    return bool(_QUESTION.search(strip_markup(ctx.doc.line(line))))


def _is_business_figure(c: Claim, ctx: CheckContext) -> bool:
    if c.kind not in PRIVATE or _is_question(ctx, c.line):
        return False
    return not (c.kind == "money" and _GRANTED_TO_CANDIDATE.search(c.text))


@check("verification.private_claims", params=NoParams)
def private_claims(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """Business figures only the employer can confirm (revenue, savings, headcount, users, QPS).

    Not a hit: a line that asks a question (the candidate's interview notes), and a scholarship or
    prize amount ('a $30,000 PhD scholarship'), which the school or the sponsor confirms.
    """
    claims = [c for c in ctx.claims if _is_business_figure(c, ctx)]
    if not claims:
        raise NotApplicable("no business figures")
    lines = sorted({c.line for c in claims})
    yield Hit(tuple(lines[:10]), {"count": len(claims)})


_AGGREGATE = pattern("aggregate")


def _profile_link(resume: Resume) -> bool:
    """A GitHub profile (github.com/user) among the resume's links."""
    return any(re.search(r"github\.com/[\w.\-]+/?$", link.rstrip(")")) for link in resume.contacts.links)


@check("verification.stars_without_link", params=NoParams)
def stars_without_link(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """GitHub stars claimed with no repository link anywhere in the resume."""
    stars = [c for c in ctx.claims if c.kind == "stars"]
    if not stars:
        raise NotApplicable("no stars claimed")
    if any(re.search(r"github\.com/[\w.\-]+/[\w.\-]+", link) for link in resume.contacts.links):
        return
    if _profile_link(resume) and all(_AGGREGATE.search(c.text) for c in stars):
        return  # 'my projects have accumulated 1000 stars' is a total the linked profile shows
    yield Hit(tuple(sorted({c.line for c in stars})[:4]), {"count": int(max(c.value or 0 for c in stars))})


# --- what the online checks found (run with --online / --cache-only) -------------------------
# These read `Publication.check` / `Claim.check`, written by `auditor.verify` before the rules
# run. Without the online checks they are not applicable (never a silent pass).

def _checked_pubs(resume: Resume) -> list[Publication]:
    pubs = [p for p in resume.publications if p.check.status != "unchecked"]
    if not pubs:
        raise NotApplicable("no paper was checked online (run with --online)")
    return pubs


def _paper_values(p: Publication) -> dict[str, object]:
    c = p.check
    return {
        "title": (p.title or "")[:90], "claimed": c.claimed or "", "found": c.found or "", "detail": c.detail or "",
        "source": SOURCE_NAMES.get(c.source or "", c.source or ""), "url": c.url or "",
    }




@check("verification.paper_not_found", params=NoParams)
def paper_not_found(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """A published/accepted paper no source lists. Coverage gaps are normal, so: ask for a link."""
    for pub in _checked_pubs(resume):
        if pub.check.status == "not_found" and pub.status in ("published", "accepted"):
            yield Hit(pub.lines, {**_paper_values(pub), "detail": pub.check.detail or ""}, confidence="low")


@check("verification.paper_status_differs", params=NoParams)
def paper_status_differs(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """The decision the sources show is not the status the resume states."""
    for pub in _checked_pubs(resume):
        issues = pub.check.issues
        if "status" in issues:
            yield Hit(pub.lines, _paper_values(pub), confidence="high" if pub.check.source == "openreview" else "medium")
        elif "only_preprint" in issues:
            yield Hit(pub.lines, _paper_values(pub), confidence="low", severity="low")


@check("verification.paper_authorship_differs", params=NoParams)
def paper_authorship_differs(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """The candidate's place in the author list differs, or the name is not in it."""
    for pub in _checked_pubs(resume):
        issues = pub.check.issues
        if "authorship" in issues:
            yield Hit(pub.lines, _paper_values(pub), confidence="high")
        elif "not_an_author" in issues:
            # Romanisations differ (Cantonese, Wade-Giles, a changed name): a question, not a verdict.
            yield Hit(pub.lines, _paper_values(pub), confidence="low", severity="low")


@check("verification.paper_venue_differs", params=NoParams)
def paper_venue_differs(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """The record is in another venue (or year) than the resume says."""
    for pub in _checked_pubs(resume):
        issues = pub.check.issues
        if "venue" in issues:
            yield Hit(pub.lines, _paper_values(pub), confidence="medium")
        elif "year" in issues:
            yield Hit(pub.lines, _paper_values(pub), confidence="medium", severity="low")


def _checked_claims(ctx: CheckContext, kind: str) -> list[Claim]:
    claims = [c for c in ctx.claims if c.kind == kind and c.check.status != "unchecked"]
    if not claims:
        raise NotApplicable(f"no {kind} claim was checked online (run with --online)")
    return claims


def _claim_values(c: Claim) -> dict[str, object]:
    k = c.check
    return {"claimed": k.claimed or "", "found": k.found or "", "detail": k.detail or "", "url": k.url or "",
            "source": SOURCE_NAMES.get(k.source or "", k.source or "")}


@check("verification.public_number_differs", params=KindParams)
def public_number_differs(resume: Resume, p: "KindParams", ctx: CheckContext) -> Iterator[Hit]:
    """Stars, downloads or citations far below the claim (the source counts today, so only a
    shortfall of more than half is reported: these numbers grow after a resume is written)."""
    for c in _checked_claims(ctx, p.kind):
        if c.check.status == "contradicted":
            yield Hit((c.line,), _claim_values(c), confidence="high" if "fork" not in c.check.issues else "medium")
        elif c.check.status == "not_found":
            yield Hit((c.line,), {**_claim_values(c), "found": c.check.detail or ""}, confidence="medium", severity="low")
