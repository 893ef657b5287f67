"""When was this resume written? Read from the resume itself, never from the file or the clock.

The estimate is the resume's latest dated fact: an entry's start or end, the decision of a venue
it reports (an accepted paper was written after the notification; a submission after the
deadline), its own 'updated' line or a '(4.5年)' note on an ongoing job. It is a lower bound: a
resume can be written later than its latest fact, never earlier.

A resume is *old* when that date is more than a year before the audit date AND something in it
has visibly gone stale since (a status decided after it was written, an expected graduation or a
degree's normal length passed since, a role left open), or it states its own date. Without either,
an ongoing job or degree may simply mean nothing changed, so age alone never calls it old.
Checks read this to explain stale statuses by the resume's age instead of counting them as risk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditor.catalog.kb import KnowledgeBase, Venue
from auditor.models import Document, Education, Experience, Publication, Resume
from auditor.parse.dates import Point, find_points, normalise, parse_iso
from auditor.parse.text import strip_markup

# the normal length of a full-time degree (years); a degree open for longer has likely ended
NORMAL_YEARS = {"bachelor": 4.0, "master": 3.0, "phd": 6.0}

# 'Last updated: March 2024', 'Updated 2024-03', '更新于 2024.03', '更新时间：2024年3月'
_UPDATED = re.compile(r"(?:last\s?(?:updated?|modified)|updated)(?:\s?on)?\s?[:：]?\s?|更新(?:于|时间|日期)\s?[:：]?\s?", re.I)
# '(4.5年)' / '(3 years)' after an ongoing job: the time it had run when the resume was written
_DURATION_NOTE = re.compile(r"[（(]\s?(\d{1,2}(?:\.\d)?)\s?(?:年|years?|yrs?)\s?[)）]", re.I)


@dataclass(frozen=True)
class Fact:
    """One dated fact: the resume was written at or after `point`."""

    point: Point
    line: int
    kind: str  # start | end | submitted | decided | updated | noted
    label: str  # the entry or venue it is about


@dataclass(frozen=True)
class Stale:
    """A status true when the resume was written that the audit date has overtaken."""

    lines: tuple[int, ...]
    kind: str  # under_review | expected_end | degree_length | open_role
    label: str


@dataclass(frozen=True)
class ResumeAge:
    written: Point | None
    evidence: Fact | None
    months: int  # from `written` to the audit date
    old: bool
    stale: tuple[Stale, ...] = field(default_factory=tuple)

    def explains(self, point: Point | None) -> bool:
        """A status that changed at `point` is explained by the resume's age: the resume is old
        and was written before that change, or in its month (the resume is dated by its latest
        fact, to the month: it may well predate a change later that month)."""
        return bool(self.old and self.written and point and self.written.index <= point.index)


def decision_date(venue: Venue, year: int, margin_months: int) -> tuple[Point, str, bool] | None:
    """When every decision of the venue for `year` was out: the exact (latest) date from the KB
    (sure), else the latest typical month plus a margin (less sure), never later than the month
    the conference opens that year (a venue decides before it meets). Journals have no such date."""
    entry = venue.years.get(str(year))
    if entry and (entry.notification_latest or entry.notification):
        day = entry.notification_latest or entry.notification
        return parse_iso(day), day, True  # type: ignore[return-value]
    typical = venue.typical
    if typical and typical.notification_month:
        latest = typical.notification_month_range[1] if typical.notification_month_range else typical.notification_month
        month = latest + margin_months
        decided_in = year - 1 if typical.decided_year_before else year  # AAAI 2024 decided in Dec 2023
        estimate = Point(decided_in + (month - 1) // 12, (month - 1) % 12 + 1)
        opens = parse_iso(entry.conference[0]) if entry and entry.conference else None  # the first day's month
        if opens is not None and opens.index < estimate.index:
            estimate = opens
        return estimate, estimate.iso(), False
    return None


def _entry_lines(e: Education | Experience) -> tuple[int, ...]:
    return tuple(sorted({e.line, e.date_line or e.line}))


def _label(e: Education | Experience) -> str:
    if isinstance(e, Education):
        return " ".join(x for x in (e.institution, e.degree) if x) or "education"
    return " ".join(x for x in (e.org, e.title) if x) or "entry"


def _entry_facts(resume: Resume) -> list[Fact]:
    """Starts of every entry; ends of finished ones. An expected graduation, and a degree the
    candidate is only admitted to, are plans, not facts."""
    out: list[Fact] = []
    for e in [*resume.education, *resume.experience]:
        if isinstance(e, Education) and e.planned:
            continue
        line = e.date_line or e.line
        start = parse_iso(e.start)
        if start:
            out.append(Fact(start, line, "start", _label(e)))
        end = parse_iso(e.end)
        if end and not e.ongoing and not (isinstance(e, Education) and e.expected):
            out.append(Fact(end, line, "end", _label(e)))
    return out


def _venue(kb: KnowledgeBase, pub: Publication) -> Venue | None:
    return kb.venue_by_id.get(pub.venue_id) if pub.venue_id else None


def _publication_facts(resume: Resume, kb: KnowledgeBase) -> list[Fact]:
    """A paper under review was listed after the venue's deadline; an accepted one after its
    notification (the earliest one of that year: early-cycle acceptances exist)."""
    out: list[Fact] = []
    for pub in resume.publications:
        venue = _venue(kb, pub)
        entry = venue.years.get(str(pub.year)) if venue and pub.year else None
        if entry is None or venue is None:
            continue
        label = f"{venue.short} {pub.year}"
        if pub.status == "under_review" and entry.deadline:
            out.append(Fact(parse_iso(entry.deadline), pub.line, "submitted", label))  # type: ignore[arg-type]
        elif pub.status in ("accepted", "published") and (entry.notification_earliest or entry.notification):
            day = entry.notification_earliest or entry.notification
            out.append(Fact(parse_iso(day), pub.line, "decided", label))  # type: ignore[arg-type]
    return out


def _stated_facts(resume: Resume, doc: Document) -> list[Fact]:
    """The resume's own word: an 'updated' line, or a duration note on an ongoing job
    ('2020.07 - 至今 (4.5年)' was written 4.5 years after July 2020)."""
    out: list[Fact] = []
    for n, raw in enumerate(doc.lines, start=1):
        text = normalise(strip_markup(raw))
        m = _UPDATED.search(text) if len(text) <= 80 else None
        if m:
            points = find_points(text[m.end() : m.end() + 20])
            if points:
                out.append(Fact(points[0], n, "updated", text))
    for e in resume.experience:
        start = parse_iso(e.start)
        m = _DURATION_NOTE.search(strip_markup(doc.line(e.date_line or e.line))) if e.ongoing and start else None
        if m and start:
            idx = start.index + round(float(m.group(1)) * 12) - 1
            out.append(Fact(Point(idx // 12, idx % 12 + 1), e.date_line or e.line, "noted", _label(e)))
    return out


def facts(resume: Resume, doc: Document, kb: KnowledgeBase, as_of: Point) -> list[Fact]:
    """Every dated fact up to the audit date (a later date is a plan: an offer, an expected end)."""
    found = [*_entry_facts(resume), *_publication_facts(resume, kb), *_stated_facts(resume, doc)]
    return [f for f in found if f.point.index <= as_of.index]


def _stale(resume: Resume, kb: KnowledgeBase, written: Point, as_of: Point, margin_months: int) -> list[Stale]:
    """Statuses true at `written` that `as_of` has overtaken."""
    out: list[Stale] = []
    for pub in resume.publications:
        venue = _venue(kb, pub)
        when = decision_date(venue, pub.year, margin_months) if venue and pub.year and pub.status == "under_review" else None
        if when and written.index < when[0].index <= as_of.index:
            out.append(Stale(pub.lines, "under_review", f"{venue.short} {pub.year}"))  # type: ignore[union-attr]
    for e in resume.education:
        end = parse_iso(e.end) if e.expected else _normal_end(e)
        if end and written.index < end.index < as_of.index:
            lines = tuple(sorted({*_entry_lines(e), e.expected_line})) if e.expected_line else _entry_lines(e)
            out.append(Stale(lines, "expected_end" if e.expected else "degree_length", _label(e)))
    for x in resume.experience:
        start = parse_iso(x.start)
        if x.ongoing and x.kind in ("internship", "research") and start and as_of.index - start.index >= 12:
            out.append(Stale(_entry_lines(x), "open_role", _label(x)))
    return out


def _normal_end(e: Education) -> Point | None:
    """When an ongoing degree would normally end (start + its normal length)."""
    start = parse_iso(e.start)
    if not e.ongoing or start is None or e.degree_level not in NORMAL_YEARS:
        return None
    idx = start.index + round(NORMAL_YEARS[e.degree_level or ""] * 12) - 1
    return Point(idx // 12, idx % 12 + 1)


def estimate(resume: Resume, doc: Document, kb: KnowledgeBase, as_of: Point, *, min_months: int = 13, margin_months: int = 2) -> ResumeAge:
    """The resume's writing date (its latest dated fact), how long before `as_of`, and whether it is old."""
    found = facts(resume, doc, kb, as_of)
    if not found:
        return ResumeAge(None, None, 0, False)
    # the latest fact; on a tie, the resume's own word first
    latest = max(found, key=lambda f: (f.point.index, f.kind in ("updated", "noted")))
    months = as_of.index - latest.point.index
    stale = _stale(resume, kb, latest.point, as_of, margin_months) if months >= min_months else []
    stated = any(f.kind in ("updated", "noted") for f in found)
    old = months >= min_months and (bool(stale) or stated)
    return ResumeAge(latest.point, latest, months, old, tuple(stale))
