"""Publication checks: stale or premature status, tier claims, unknown venues, reports listed
as papers, author position, citation claims without a profile."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from auditor.catalog.kb import KnowledgeBase, Venue
from auditor.checks.registry import CheckContext, Hit, NoParams, NotApplicable, check
from auditor.models import Publication, Resume
from auditor.parse.claims import ABOUT_OTHERS
from auditor.parse.dates import Point, find_range, parse_iso
from auditor.parse.text import strip_markup
from auditor.resume_age import ResumeAge, decision_date, estimate


class _P(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _venue(kb: KnowledgeBase, pub: Publication) -> Venue | None:
    return kb.venue_by_id.get(pub.venue_id) if pub.venue_id else None


def _decided(label: str, exact: bool, ctx: CheckContext) -> str:
    """How the message says when the decisions were out: a KB date is a date, an estimate says
    'by about' so it never reads as an announcement on that day."""
    if exact:
        return ctx.say(f"on {label}", f"已于 {label} 公布结果")
    return ctx.say(f"by about {label}", f"约 {label} 前已公布结果")


def _pubs(resume: Resume) -> list[Publication]:
    if not resume.publications:
        raise NotApplicable("no publications")
    return resume.publications


def _name(pub: Publication, ctx: CheckContext | None = None) -> str:
    """The paper as a message names it: its title in quotes ("…" / 《…》), or, with no title,
    a description that is not dressed up as one ('the paper submitted to NeurIPS 2026')."""
    if pub.title:
        return _quoted(pub.title, ctx)
    where = f"{pub.venue or ''} {pub.year or ''}".strip()
    if ctx is None:
        return where
    if not where:  # '共同撰写论文（在投）': neither title nor venue, only the line it is on
        return ctx.say(f"the paper on line {pub.line}", f"第 {pub.line} 行的论文")
    return ctx.say(f"the paper submitted to {where}", f"投往 {where} 的论文")


def _quoted(title: str, ctx: CheckContext | None) -> str:
    return ctx.say(f'"{title}"', f"《{title}》") if ctx is not None else f'"{title}"'


class StaleParams(_P):
    grace_months: int = 1  # after the exact notification date
    typical_margin_months: int = 2  # after the typical notification month, when no exact date is known


@check("publication.stale_under_review", params=StaleParams)
def stale_under_review(resume: Resume, p: StaleParams, ctx: CheckContext) -> Iterator[Hit]:
    """A paper 'under review' at a conference whose decision for that year is already out.

    Not a hit: journals (no fixed decision date); venues or years the KB does not know;
    within `grace_months` of the notification. Only low, adding no risk, when the resume is old
    and was written before the decision: the status was true then (see auditor/resume_age.py).
    """
    pubs = _pubs(resume)
    age = estimate(resume, ctx.doc, ctx.kb, ctx.as_of, margin_months=p.typical_margin_months)
    for pub in pubs:
        venue = _venue(ctx.kb, pub)
        if pub.status != "under_review" or venue is None or pub.year is None or venue.kind == "journal":
            continue
        when = decision_date(venue, pub.year, p.typical_margin_months)
        if when is None:
            continue
        point, label, exact = when
        if ctx.as_of.index > point.index + (p.grace_months if exact else 0):
            explained = age.explains(point)
            yield Hit(
                pub.lines,
                {"paper": _name(pub, ctx), "venue": venue.short, "year": pub.year, "decided": _decided(label, exact, ctx), "as_of": ctx.as_of_text,
                 "age_note": _age_note(age, ctx) if explained else ""},
                confidence="high" if exact else "medium",
                severity="low" if explained else None,
                explained_by="resume_age" if explained else None,
            )


def _age_note(age: ResumeAge, ctx: CheckContext, *, decision: bool = True) -> str:
    """Why an old resume's stale status is not a risk: when the resume seems to have been written."""
    when = age.written.iso() if age.written else "?"
    then_en = "before that decision" if decision else "while the submission was still recent"
    then_zh = "在该结果公布之前" if decision else "当时投稿时间尚短"
    return ctx.say(
        f" The resume itself seems to date from about {when} ({age.months} months before the audit date), {then_en}: probably not updated since.",
        f"简历本身约写于 {when}（早于审核日期 {age.months} 个月），{then_zh}，可能只是之后未更新。",
    )


@check("publication.accepted_before_notification", params=NoParams)
def accepted_before_notification(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """A paper claimed accepted or published at a conference whose decisions are not out yet on the as-of date.

    Only exact notification dates from the KB are used: a typical month is not sure enough.
    """
    for pub in _pubs(resume):
        venue = _venue(ctx.kb, pub)
        if pub.status not in ("accepted", "published") or venue is None or pub.year is None:
            continue
        entry = venue.years.get(str(pub.year))
        if not entry or not entry.notification or (entry.multi_cycle and not entry.notification_earliest):
            continue  # early-cycle acceptances exist and their date is unknown
        first = entry.notification_earliest or entry.notification
        if _before(ctx, first):
            yield Hit(pub.lines, {"paper": _name(pub, ctx), "venue": venue.short, "year": pub.year, "notified": first, "as_of": ctx.as_of_text})


def _before(ctx: CheckContext, day: str) -> bool:
    """The as-of date is before `day`: to the day when both carry one, else to the month."""
    if len(day) == 10 and len(ctx.as_of_text) == 10:
        return ctx.as_of_text < day  # ISO dates compare as strings
    return ctx.as_of.index < parse_iso(day).index  # type: ignore[union-attr]


@check("publication.tier_mismatch", params=NoParams)
def tier_mismatch(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """A claimed CCF tier that differs from the venue's rank in the CCF list (or a Findings/workshop
    paper claimed as CCF-A).

    Not a hit: venues the KB does not know (see unknown-venue); tiers of other lists (SCI, 中科院).
    """
    for pub in _pubs(resume):
        if not pub.claimed_tier or not pub.claimed_tier.startswith("CCF-"):
            continue
        venue = _venue(ctx.kb, pub)
        if venue is None or not _rank_known(venue):
            continue
        ranks = {venue.ccf, venue.ccf_2026}
        for other in venue.short_shared_with:  # bare 'FSE' may be either venue: either rank fits
            shared = ctx.kb.venue_by_id.get(other)
            ranks |= {shared.ccf, shared.ccf_2026} if shared else set()
        if pub.claimed_tier.removeprefix("CCF-") in ranks:
            continue  # matches the 2022 or the 2026 edition
        actual = _rank_text(venue.ccf, "2022") + "; " + _rank_text(venue.ccf_2026, "2026")
        yield Hit(pub.lines, {"paper": _name(pub, ctx), "venue": venue.short, "claimed": pub.claimed_tier, "actual": actual})


def _rank_known(venue: Venue) -> bool:
    """Both editions' ranks are verified (a 'listed' rank or a verified absence)."""
    ok_2022 = (venue.ccf_status or "").startswith(("listed", "not_listed"))
    ok_2026 = (venue.ccf_2026_status or "") in ("listed", "not_listed")
    return ok_2022 and ok_2026


def _rank_text(rank: str | None, edition: str) -> str:
    return f"CCF-{rank} ({edition})" if rank else f"not listed ({edition})"


class UnknownVenueParams(_P):
    min_similarity: float = 75.0


@check("publication.unknown_venue", params=UnknownVenueParams)
def unknown_venue(resume: Resume, p: UnknownVenueParams, ctx: CheckContext) -> Iterator[Hit]:
    """A venue abbreviation the KB does not know, with the nearest known one when there is one.

    Not a hit: Chinese or long venue names (coverage of those is thin); internal reports.
    """
    from rapidfuzz import fuzz, process

    names = {a: v for v in ctx.kb.venues for a in [v.short, *v.aliases] if re.fullmatch(r"[A-Za-z\-]{2,12}", a)}
    for pub in _pubs(resume):
        if pub.venue_id or not pub.venue or pub.kind_hint != "paper" or not re.fullmatch(r"[A-Z][A-Za-z\-]{1,11}", pub.venue):
            continue
        if any(pub.venue.upper().startswith(known.upper() + "-") for known in names):
            continue  # 'SIGIR-AP': an event named after a known venue, not a misspelling of it
        best = process.extractOne(pub.venue, list(names), scorer=fuzz.ratio, processor=str.upper) if names else None
        if not best or best[1] < p.min_similarity:
            continue  # a venue we simply do not list: a gap in the KB, not the candidate's problem
        suggestion = names[best[0]].short
        hint = ctx.say(f" (did you mean {suggestion}?)", f"（是否为 {suggestion}？）")
        yield Hit(pub.lines, {"paper": _name(pub, ctx), "venue": pub.venue, "suggestion": hint}, confidence="medium")


@check("publication.not_a_paper", params=NoParams)
def not_a_paper(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """An internal report, patent or thesis listed among academic papers."""
    for pub in _pubs(resume):
        if pub.found_in == "publications" and pub.kind_hint in ("internal_report", "patent"):
            yield Hit(pub.lines, {"paper": _name(pub, ctx), "what": pub.venue or pub.kind_hint})


@check("publication.author_position_mismatch", params=NoParams)
def author_position_mismatch(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """A stated position ('第一作者') that differs from where the candidate's name stands in the author list.

    Not a hit: equal contribution (a co-first author may be listed second); no marked name in the list.
    """
    for pub in _pubs(resume):
        if pub.position_source != "stated" or pub.equal_contribution or not pub.listed_position:
            continue
        if pub.author_position and pub.listed_position != pub.author_position:
            yield Hit(pub.lines, {"paper": _name(pub, ctx), "stated": pub.author_position, "listed": pub.listed_position})


_PROFILE = re.compile(r"scholar\.google|semanticscholar\.org|dblp\.org|orcid\.org|researchgate\.net|openreview\.net/profile", re.I)


@check("publication.citations_without_profile", params=NoParams)
def citations_without_profile(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """A citation count claimed with no link to a public profile (Google Scholar, Semantic Scholar, DBLP)."""
    cites = [c for c in ctx.claims if c.kind == "citations" and (c.value or 0) >= 50 and not ABOUT_OTHERS.search(ctx.doc.line(c.line))]
    if not cites:
        raise NotApplicable("no citation count claimed")
    if any(_PROFILE.search(link) for link in resume.contacts.links):
        return
    top = max(cites, key=lambda c: c.value or 0)
    yield Hit(tuple(c.line for c in cites[:4]), {"count": int(top.value or 0)})


@check("publication.under_review_listed_as_published", params=NoParams)
def under_review_listed_as_published(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """Under-review papers inside a section headed as published papers ('已发表论文', 'Published Papers').

    Not a hit: a neutral heading ('论文', 'Publications'), where listing submissions is normal.
    """
    # "论文发表" / "Publications" are neutral; only an explicit "已发表" / "Published" says accepted
    heads = [s for s in ctx.sections if s.kind == "publication" and re.search(r"已发表|发表的|published", s.heading, re.I)]
    if not heads:
        raise NotApplicable("no section headed as published papers")
    for head in heads:
        inside = [x for x in resume.publications if x.status == "under_review" and x.line in head.body]
        if inside:
            yield Hit(
                (head.line, *(x.line for x in inside)),
                {"paper": _name(inside[0], ctx), "count": len(inside), "heading": head.heading.strip("#* ")},
            )


@check("publication.same_paper_two_statuses", params=NoParams)
def same_paper_two_statuses(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """The same paper (same title) listed twice with different statuses, e.g. under review and published."""
    from rapidfuzz import fuzz

    # a non-archival workshop version beside a main-track submission is normal practice
    titled = [x for x in _pubs(resume) if x.title and len(x.title) >= 15 and not re.search(r"workshop", x.venue or "", re.I)]
    for i, a in enumerate(titled):
        for b in titled[i + 1 :]:
            if a.status != b.status and fuzz.ratio(a.title.lower(), b.title.lower()) >= 92:  # type: ignore[union-attr]
                yield Hit((a.line, b.line), {"paper": _quoted(a.title or "", ctx), "a": a.status, "b": b.status})


class StaleSubmissionParams(_P):
    # Björk & Solomon (2013, Journal of Informetrics 7(4)) found 9 to 18 months on average from
    # submission to *publication* across fields (the slowest, business/economics, 18): a paper
    # still waiting for its first decision after that long has almost surely had one
    months: int = 18
    # A first decision is due well before that: the ML conferences the KB dates decide four to
    # five months after their deadline (NeurIPS: May to late September), and journals send a first
    # decision in a few months. From nine months on the status is worth asking about (info).
    ask_months: int = 9


_TO_APPEAR = re.compile(r"to\s?appear|in\s?press|forthcoming|即将发表|待发表", re.I)


@check("publication.stale_submission", params=StaleSubmissionParams)
def stale_submission(resume: Resume, p: StaleSubmissionParams, ctx: CheckContext) -> Iterator[Hit]:
    """A paper still 'under review' (or 'to appear') `months` or more after it was submitted (or
    accepted), where no venue decision date is known: journals, unknown venues, no venue at all.

    When it was submitted: the last month of the paper's year, else the end of the entry it is
    listed in, else a date range on its own line. Not a hit: a conference-year the KB dates (see
    stale-under-review); an undated paper; an entry still ongoing. Adds no risk when the resume is
    old and the status was still young when it was written.
    """
    pubs = _pubs(resume)
    age = estimate(resume, ctx.doc, ctx.kb, ctx.as_of)
    for pub in pubs:
        kind = _pending_kind(pub, ctx)
        since = _submitted(pub, resume, ctx) if kind else None
        waited = ctx.as_of.index - since.index if since is not None else -1
        if waited < p.ask_months:
            continue
        stale = waited >= p.months
        stale_from = Point((since.index + p.months) // 12, (since.index + p.months) % 12 + 1)  # type: ignore[union-attr]
        explained = stale and age.explains(stale_from)
        where = pub.venue or ctx.say("no venue named", "未写明期刊/会议")
        judgement = (ctx.say("longer than reviews usually take", "超过通常的审稿周期") if stale
                     else ctx.say("long enough for a first decision to have come", "通常已足以等到第一轮审稿结果"))
        yield Hit(
            pub.lines,
            {"paper": _name(pub, ctx) or ctx.say("a paper", "一篇论文"), "status": _status_words(kind, ctx), "where": where,
             "since": since.iso(), "months": waited, "as_of": ctx.as_of_text, "judgement": judgement,  # type: ignore[union-attr]
             "age_note": _age_note(age, ctx, decision=False) if explained else ""},
            confidence="medium",
            severity=None if stale else "info",
            explained_by="resume_age" if explained else None,
        )


def _pending_kind(pub: Publication, ctx: CheckContext) -> str | None:
    """'under_review' or 'to_appear' when no KB decision date covers the paper, else None."""
    if pub.status == "accepted" and _TO_APPEAR.search(pub.status_text or ""):
        return "to_appear"
    if pub.status != "under_review":
        return None
    venue = _venue(ctx.kb, pub)
    if venue is not None and venue.kind != "journal" and pub.year is not None and decision_date(venue, pub.year, 2) is not None:
        return None  # stale-under-review judges it against the venue's own date
    return "under_review"


def _submitted(pub: Publication, resume: Resume, ctx: CheckContext) -> Point | None:
    """The latest month the paper can have been submitted (the generous reading)."""
    if pub.year is not None:
        return Point(pub.year, 12)
    for e in resume.experience:
        first, last = min(e.line, e.date_line or e.line), max(e.last_line or e.line, e.date_line or e.line)
        if first <= pub.line <= last:
            return None if e.ongoing else parse_iso(e.end or e.start)
    for n in pub.lines:
        found = find_range(strip_markup(ctx.doc.line(n)))
        if found is not None:
            return found.end if found.end is not None else None
    return None


def _status_words(kind: str | None, ctx: CheckContext) -> str:
    if kind == "to_appear":
        return ctx.say("to appear", "即将发表")
    return ctx.say("under review", "在审")
