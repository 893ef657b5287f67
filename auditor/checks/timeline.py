"""Timeline checks: overlapping full-time commitments, impossible or future dates, claimed
years of experience, overdue degrees, a resume that looks out of date, gaps."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from auditor.checks.registry import CheckContext, Hit, NoParams, NotApplicable, check
from auditor.models import Education, Experience, Resume
from auditor.parse.dates import Point, parse_iso
from auditor.parse.text import strip_markup


class _P(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def span(entry: Education | Experience, as_of: Point) -> tuple[Point, Point] | None:
    """Start and end month of an entry; an ongoing one ends at as_of (never today)."""
    start = parse_iso(entry.start)
    if start is None:
        return None
    end = parse_iso(entry.end) if entry.end else as_of
    return start, end


def overlap_months(a: tuple[Point, Point], b: tuple[Point, Point]) -> int:
    lo = max(a[0].index, b[0].index)
    hi = min(a[1].index, b[1].index)
    return max(0, hi - lo + 1)


def _label(e: Education | Experience) -> str:
    if isinstance(e, Education):
        return " ".join(x for x in (e.institution, e.degree) if x) or "education"
    return " ".join(x for x in (e.org, e.title) if x) or "entry"


def _lines(e: Education | Experience) -> tuple[int, ...]:
    return tuple(sorted({e.line, e.date_line or e.line}))


class OverlapParams(_P):
    min_months: int = 2


@check("timeline.fulltime_overlap", params=OverlapParams)
def fulltime_overlap(resume: Resume, p: OverlapParams, ctx: CheckContext) -> Iterator[Hit]:
    """Two full-time jobs running at the same time for `min_months` or more.

    Not a hit: a hand-over month; internships, projects, research or competitions; year-only dates.
    """
    jobs = [e for e in resume.experience if e.kind == "fulltime" and e.precision == "month" and span(e, ctx.as_of)]
    if len(jobs) < 2:
        raise NotApplicable("fewer than two dated full-time jobs")
    for a, b in itertools.combinations(jobs, 2):
        months = overlap_months(span(a, ctx.as_of), span(b, ctx.as_of))  # type: ignore[arg-type]
        if months >= p.min_months:
            conf = "high" if a.kind_confidence == b.kind_confidence == "high" else "medium"
            yield Hit(_lines(a) + _lines(b), {"a": _label(a), "b": _label(b), "months": months}, confidence=conf)


class DegreeJobParams(_P):
    min_months: int = 4
    tail_months: int = 12  # a job that starts in the degree's final year and outlasts it


@check("timeline.job_during_degree", params=DegreeJobParams)
def job_during_degree(resume: Resume, p: DegreeJobParams, ctx: CheckContext) -> Iterator[Hit]:
    """A full-time job that overlaps a degree by `min_months` or more.

    Not a hit: internships, research or projects during study; a job starting in the last
    months before graduation (shorter than min_months); year-only dates. A job begun in the
    degree's final year that outlasts it (finishing a thesis while employed) is only low.
    """
    jobs = [e for e in resume.experience if e.kind == "fulltime" and e.precision == "month" and span(e, ctx.as_of)]
    degrees = [e for e in resume.education if e.precision == "month" and span(e, ctx.as_of)]
    if not jobs or not degrees:
        raise NotApplicable("no dated full-time job and degree to compare")
    for job, deg in itertools.product(jobs, degrees):
        job_span, deg_span = span(job, ctx.as_of), span(deg, ctx.as_of)
        months = overlap_months(job_span, deg_span)  # type: ignore[arg-type]
        if months >= p.min_months:
            # starting work while finishing the thesis is common: the tail of a degree is low severity
            tail = job_span[0].index > deg_span[0].index and deg_span[1].index <= job_span[1].index and months <= p.tail_months  # type: ignore[index]
            yield Hit(
                _lines(job) + _lines(deg),
                {"job": _label(job), "degree": _label(deg), "months": months},
                confidence="high" if job.kind_confidence == "high" and not tail else "medium",
                severity="low" if tail else None,
            )


@check("timeline.end_before_start", params=NoParams)
def end_before_start(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """An entry whose end date is before its start date."""
    for e in [*resume.education, *resume.experience]:
        s, t = parse_iso(e.start), parse_iso(e.end)
        if s and t and t.index < s.index:
            yield Hit(_lines(e), {"entry": _label(e), "start": e.start, "end": e.end})


class FutureParams(_P):
    grace_months: int = 1


@check("timeline.date_after_as_of", params=FutureParams)
def date_after_as_of(resume: Resume, p: FutureParams, ctx: CheckContext) -> Iterator[Hit]:
    """An entry that starts after the as-of date, or an experience that ends after it.

    Not a hit: an expected graduation in the future; a start within `grace_months`.
    """
    limit = ctx.as_of.index + p.grace_months
    for e in [*resume.education, *resume.experience]:
        s, t = parse_iso(e.start), parse_iso(e.end)
        if s and s.index > limit:
            yield Hit(_lines(e), {"entry": _label(e), "date": e.start, "as_of": ctx.as_of_text})
        elif isinstance(e, Experience) and t and t.index > limit and e.kind in ("fulltime", "internship"):
            yield Hit(_lines(e), {"entry": _label(e), "date": e.end, "as_of": ctx.as_of_text}, severity="low")


def fulltime_months(resume: Resume, as_of: Point, kinds: tuple[str, ...] = ("fulltime",)) -> int:
    """Months covered by entries of `kinds` (the union: overlapping jobs count once)."""
    covered: set[int] = set()
    for e in resume.experience:
        if e.kind in kinds:
            sp = span(e, as_of)
            if sp:
                covered.update(range(sp[0].index, sp[1].index + 1))
    return len(covered)


class YearsParams(_P):
    tolerance_years: float = 0.75


@check("timeline.claimed_years_mismatch", params=YearsParams)
def claimed_years_mismatch(resume: Resume, p: YearsParams, ctx: CheckContext) -> Iterator[Hit]:
    """Years of experience claimed ('2年经验') well above the full-time time the entries show.

    Not a hit: claiming fewer years than computed (an older resume); within the tolerance.
    Confidence is low when internships would close the gap (many count them).
    """
    if resume.claimed_years is None or resume.claimed_years_line is None:
        raise NotApplicable("no years of experience claimed")
    full = fulltime_months(resume, ctx.as_of) / 12
    with_interns = fulltime_months(resume, ctx.as_of, ("fulltime", "internship")) / 12
    if resume.claimed_years - full < p.tolerance_years:
        return
    jobs = [e for e in resume.experience if e.kind in ("fulltime", "internship")]
    lines = (resume.claimed_years_line,) + tuple(l for e in jobs for l in _lines(e))
    conf = "low" if resume.claimed_years - with_interns < p.tolerance_years else "medium"
    yield Hit(
        lines,
        {"claimed": resume.claimed_years, "computed": round(full, 1), "with_internships": round(with_interns, 1)},
        confidence=conf,
    )


NORMAL_YEARS = {"bachelor": 4.0, "master": 3.0, "phd": 6.0}


class OverdueParams(_P):
    grace_years: float = 0.75


@check("timeline.degree_overdue", params=OverdueParams)
def degree_overdue(resume: Resume, p: OverdueParams, ctx: CheckContext) -> Iterator[Hit]:
    """An ongoing degree ('2022.09 – 至今') longer than its normal length as of the as-of date.

    Not a hit: a degree with an end date; a degree of unknown level; within the grace period.
    """
    ongoing = [e for e in resume.education if e.ongoing and e.degree_level in NORMAL_YEARS and parse_iso(e.start)]
    if not ongoing:
        raise NotApplicable("no ongoing degree")
    for e in ongoing:
        years = (ctx.as_of.index - parse_iso(e.start).index + 1) / 12  # type: ignore[union-attr]
        normal = NORMAL_YEARS[e.degree_level or ""]
        if years > normal + p.grace_years:
            yield Hit(_lines(e), {"degree": _label(e), "years": round(years, 1), "normal": normal, "as_of": ctx.as_of_text}, confidence="medium")


@check("timeline.expected_graduation_past", params=NoParams)
def expected_graduation_past(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """An expected graduation ('2024.06 (预计)') that is already past on the as-of date."""
    expected = [e for e in resume.education if e.expected and e.end]
    if not expected:
        raise NotApplicable("no expected graduation date")
    for e in expected:
        end = parse_iso(e.end)
        if end and end.index < ctx.as_of.index:
            # the date line may say only 至今: quote the line the expected date was read from too
            lines = tuple(sorted({*_lines(e), e.expected_line})) if e.expected_line else _lines(e)
            yield Hit(lines, {"degree": _label(e), "end": e.end, "as_of": ctx.as_of_text})


_DURATION_NOTE = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*(?:年|years?|yrs?)\s*[)）]", re.I)


class StaleParams(_P):
    months: int = 24
    annotation_gap_months: int = 9


@check("timeline.stale_resume", params=StaleParams)
def stale_resume(resume: Resume, p: StaleParams, ctx: CheckContext) -> Iterator[Hit]:
    """A resume that looks out of date: its own '(4.5年)' note far below the computed time, or
    its latest date `months` or more before the as-of date.

    Not a hit: a resume with an ongoing entry whose annotation agrees; recent dates.
    """
    for e in resume.experience:
        if not e.ongoing or not e.start:
            continue
        m = _DURATION_NOTE.search(strip_markup(ctx.doc.line(e.date_line or e.line)))
        if m:
            noted = float(m.group(1))
            actual = (ctx.as_of.index - parse_iso(e.start).index + 1) / 12  # type: ignore[union-attr]
            if (actual - noted) * 12 >= p.annotation_gap_months:
                yield Hit(_lines(e), {"noted": noted, "actual": round(actual, 1), "as_of": ctx.as_of_text, "written": _written(e.start, noted)})
                return
    dates = [parse_iso(x) for e in [*resume.education, *resume.experience] for x in (e.start, e.end) if x]
    if not dates:
        raise NotApplicable("no dates")
    latest = max(d.index for d in dates if d)
    # an ongoing job or degree says the candidate is still there: not a sign of an old resume
    has_ongoing = any(e.ongoing for e in resume.education) or any(e.ongoing and e.kind == "fulltime" for e in resume.experience)
    if ctx.as_of.index - latest >= p.months and not has_ongoing:
        entry = max(
            [*resume.education, *resume.experience],
            key=lambda e: max(parse_iso(x).index for x in (e.start, e.end) if x) if (e.start or e.end) else -1,  # type: ignore[union-attr]
        )
        y, m_ = divmod(latest, 12)
        yield Hit(_lines(entry), {"latest": f"{y:04d}-{m_ + 1:02d}", "as_of": ctx.as_of_text, "months": ctx.as_of.index - latest})


def _written(start: str, noted_years: float) -> str:
    s = parse_iso(start)
    idx = s.index + round(noted_years * 12) - 1  # type: ignore[union-attr]
    y, m = divmod(idx, 12)
    return f"{y:04d}-{m + 1:02d}"


class GapParams(_P):
    min_months: int = 7


@check("timeline.employment_gap", params=GapParams)
def employment_gap(resume: Resume, p: GapParams, ctx: CheckContext) -> Iterator[Hit]:
    """A gap of `min_months` or more between one full-time job and the next.

    Not a hit: months covered by study, internships, research or projects, including those
    dated by year only ('2016 – 2020' covers January 2016 to December 2020, the generous
    reading); jobs dated by year only are not compared.
    """
    jobs = sorted(
        (e for e in resume.experience if e.kind == "fulltime" and e.precision == "month" and span(e, ctx.as_of)),
        key=lambda e: e.start or "",
    )
    if not jobs:
        raise NotApplicable("no dated full-time job")
    covered = _covered_months(resume, ctx.as_of)
    for prev, nxt in zip(jobs, jobs[1:]):
        s_prev, e_prev = span(prev, ctx.as_of)  # type: ignore[misc]
        s_next = span(nxt, ctx.as_of)[0]  # type: ignore[index]
        gap = [m for m in range(e_prev.index + 1, s_next.index) if m not in covered]
        if len(gap) >= p.min_months:
            yield Hit(_lines(prev) + _lines(nxt), {"a": _label(prev), "b": _label(nxt), "months": len(gap)})


_COVERING_KINDS = ("fulltime", "internship", "research", "project")


def _covered_months(resume: Resume, as_of: Point) -> set[int]:
    """Months that some degree, job, internship, research or project accounts for.

    Year-only entries count too: a year-only start is stored as January and a year-only end
    as December, so a gap finding never claims a month that a '2016 – 2020' degree may cover.
    """
    covered: set[int] = set()
    for e in [*resume.education, *resume.experience]:
        sp = span(e, as_of)
        if sp and (isinstance(e, Education) or e.kind in _COVERING_KINDS):
            covered.update(range(sp[0].index, sp[1].index + 1))
    return covered
