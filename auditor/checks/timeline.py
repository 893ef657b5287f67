"""Timeline checks: overlapping full-time commitments, impossible or future dates, claimed
years of experience, overdue degrees, a resume that looks out of date, gaps."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from auditor.checks.registry import CheckContext, Hit, NoParams, NotApplicable, check
from auditor.models import Education, Experience, Resume
from auditor.parse.dates import Point, find_points, parse_iso
from auditor.parse.text import strip_markup
from auditor.resume_age import NORMAL_YEARS, ResumeAge, Stale, estimate


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
    in_service_share: float = 0.8  # share of the degree worked through by someone already employed


@check("timeline.job_during_degree", params=DegreeJobParams)
def job_during_degree(resume: Resume, p: DegreeJobParams, ctx: CheckContext) -> Iterator[Hit]:
    """Full-time work that overlaps a degree by `min_months` or more: one finding per degree,
    quoting every job that overlaps it.

    Not a hit: internships, research or projects during study; a job starting in the last
    months before graduation (shorter than min_months); year-only dates; a post at the degree's
    own institution (a doctoral researcher's or a tutor's contract is how the degree is done,
    not a second commitment). When every overlapping
    job began in the degree's final year and outlasts it (finishing a thesis while employed),
    it is only low.
    """
    # an entry filed as a job whose own title or first line says intern is an internship
    jobs = [e for e in resume.experience if e.kind == "fulltime" and e.precision == "month" and span(e, ctx.as_of) and not _says_intern(e)]
    degrees = [e for e in resume.education if e.precision == "month" and span(e, ctx.as_of)]
    if not jobs or not degrees:
        raise NotApplicable("no dated full-time job and degree to compare")
    for deg in degrees:
        deg_span = span(deg, ctx.as_of)
        hits = [
            (job, span(job, ctx.as_of))
            for job in jobs
            if overlap_months(span(job, ctx.as_of), deg_span) >= p.min_months and not _at_school(job, deg, ctx)  # type: ignore[arg-type]
        ]
        if not hits:
            continue
        months = len({m for _, js in hits for m in range(max(js[0].index, deg_span[0].index), min(js[1].index, deg_span[1].index) + 1)})  # type: ignore[index]
        # starting work while finishing the thesis is common: the tail of a degree is low severity
        tail = all(js[0].index > deg_span[0].index and deg_span[1].index <= js[1].index for _, js in hits) and months <= p.tail_months  # type: ignore[index]
        tail = tail or _in_service(hits, deg_span, months, p)  # type: ignore[arg-type]
        sure = all(job.kind_confidence == "high" for job, _ in hits) and not tail
        yield Hit(
            tuple(n for job, _ in hits for n in _lines(job)) + _lines(deg),
            {"job": ctx.say("; ", "；").join(_label(job) for job, _ in hits), "degree": _label(deg), "months": months},
            confidence="high" if sure else "medium",
            severity="low" if tail else None,
        )


def _fold(text: str) -> str:
    """Lower case, punctuation and spacing folded to single spaces, for comparing names."""
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def _at_school(job: Experience, deg: Education, ctx: CheckContext) -> bool:
    """The job is held at the degree's own institution: its organisation, title or first line
    names it ('Research Associate, Humboldt University'; 'Bielefeld University, Tutor').
    Whole words only, so a short name never matches inside another word; a Chinese name has no
    spaces to bound it and is compared as written ('清华大学计算机系')."""
    school = _fold(deg.institution or "")
    if len(school.strip()) < 4:
        return False
    first = ctx.doc.lines[job.line - 1] if 0 < job.line <= len(ctx.doc.lines) else ""
    text = _fold(" ".join(x for x in (job.org, job.title, first) if x))
    if re.search(r"[\u4e00-\u9fff]", school):
        return school.strip() in text
    return school in text


_INTERN_TITLE = re.compile(r"\bintern\b|\binternship|实习", re.I)


def _says_intern(e: Experience) -> bool:
    """The entry's title, or its first bullet when the title sits there ('Research Intern at ...')."""
    first = e.bullets[0].text if e.bullets else ""
    return bool(_INTERN_TITLE.search(e.title or "") or _INTERN_TITLE.search(strip_markup(first)[:30]))


def _in_service(hits: list, deg_span: tuple[Point, Point], months: int, p: DegreeJobParams) -> bool:
    """Already employed when the degree began and working through nearly all of it: most likely
    a part-time or in-service degree, a question rather than a conflict."""
    length = deg_span[1].index - deg_span[0].index + 1
    began_employed = any(js[0].index <= deg_span[0].index - p.min_months for _, js in hits)
    return began_employed and months >= p.in_service_share * length


@check("timeline.end_before_start", params=NoParams)
def end_before_start(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """An entry whose end date is before its start date. Low for a project, a paper's or a research
    item's dates: a typo there changes no job or degree timeline."""
    for e in [*resume.education, *resume.experience]:
        s, t = parse_iso(e.start), parse_iso(e.end)
        if s and t and t.index < s.index:
            minor = isinstance(e, Experience) and e.kind in ("project", "research", "competition", "other")
            yield Hit(_lines(e), {"entry": _label(e), "start": e.start, "end": e.end}, severity="low" if minor else None)


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


def fulltime_months(resume: Resume, as_of: Point, kinds: tuple[str, ...] = ("fulltime",), work_section: bool = False) -> int:
    """Months covered by entries of `kinds` (the union: overlapping jobs count once). With
    `work_section`, every entry under a work heading counts too: a client engagement filed there
    ('浙商银行 财资项目 | 前端架构师') reads as a project but is time the candidate worked."""
    covered: set[int] = set()
    for e in resume.experience:
        if e.kind in kinds or (work_section and e.section == "work" and e.kind != "internship"):
            sp = span(e, as_of)
            if sp:
                covered.update(range(sp[0].index, sp[1].index + 1))
    return len(covered)


class YearsParams(_P):
    tolerance_years: float = 0.75


@check("timeline.claimed_years_mismatch", params=YearsParams)
def claimed_years_mismatch(resume: Resume, p: YearsParams, ctx: CheckContext) -> Iterator[Hit]:
    """Years of experience claimed ('2年经验') well above the full-time time the entries show.

    Not a hit: claiming fewer years than computed (an older resume); within the tolerance; the
    years made up with an entry under the work heading that its words read as a project.
    Confidence is low when internships would close the gap (many count them).
    """
    if resume.claimed_years is None or resume.claimed_years_line is None:
        raise NotApplicable("no years of experience claimed")
    full = fulltime_months(resume, ctx.as_of, work_section=True) / 12
    with_interns = fulltime_months(resume, ctx.as_of, ("fulltime", "internship"), work_section=True) / 12
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
    age = estimate(resume, ctx.doc, ctx.kb, ctx.as_of)
    for e in ongoing:
        start = parse_iso(e.start)
        years = (ctx.as_of.index - start.index + 1) / 12  # type: ignore[union-attr]
        normal = NORMAL_YEARS[e.degree_level or ""]
        if years > normal + p.grace_years:
            # overdue from the end of the grace period: a resume written before then was not wrong yet
            at = start.index + round((normal + p.grace_years) * 12)  # type: ignore[union-attr]
            due = Point(at // 12, at % 12 + 1)
            yield Hit(_lines(e), {"degree": _label(e), "years": round(years, 1), "normal": normal, "as_of": ctx.as_of_text}, confidence="medium",
                      explained_by="resume_age" if age.explains(due) else None)


@check("timeline.expected_graduation_past", params=NoParams)
def expected_graduation_past(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """An expected graduation ('2024.06 (预计)') that is already past on the as-of date."""
    expected = [e for e in resume.education if e.expected and e.end]
    if not expected:
        raise NotApplicable("no expected graduation date")
    age = estimate(resume, ctx.doc, ctx.kb, ctx.as_of)
    for e in expected:
        end = parse_iso(e.end)
        if end and end.index < ctx.as_of.index:
            # the date line may say only 至今: quote the line the expected date was read from too
            lines = tuple(sorted({*_lines(e), e.expected_line})) if e.expected_line else _lines(e)
            yield Hit(lines, {"degree": _label(e), "end": e.end, "as_of": ctx.as_of_text}, explained_by="resume_age" if age.explains(end) else None)


class StaleParams(_P):
    months: int = 13  # more than a year between the resume's latest fact and the audit date


@check("timeline.stale_resume", params=StaleParams)
def stale_resume(resume: Resume, p: StaleParams, ctx: CheckContext) -> Iterator[Hit]:
    """An old resume: its latest dated fact (or its own 'updated' line) `months` or more before
    the as-of date, with statuses in it gone stale since. One finding quoting the evidence of its
    date and every stale status, so the other findings about them read as explained by its age.

    Not a hit: old dates with nothing stale (an ongoing job may simply go on; a resume with
    nothing open is asked about as a long silence instead); a recent latest fact.
    """
    age = estimate(resume, ctx.doc, ctx.kb, ctx.as_of, min_months=p.months)
    if age.evidence is None:
        raise NotApplicable("no dates")
    if not age.old:
        return
    lines = (age.evidence.line,) + tuple(n for s in age.stale for n in s.lines)
    changed = ctx.say("; ", "；").join(dict.fromkeys(_changed(s, ctx) for s in age.stale)) or ctx.say("the statuses it lists", "其中列出的各项状态")
    yield Hit(lines, {"written": age.written.iso(), "evidence": _evidence(age, ctx), "months": age.months, "as_of": ctx.as_of_text, "changed": changed})  # type: ignore[union-attr]


def _evidence(age: ResumeAge, ctx: CheckContext) -> str:
    f = age.evidence
    assert f is not None
    return {
        "start": ctx.say(f"the start of {f.label}", f"{f.label} 的开始时间"),
        "end": ctx.say(f"the end of {f.label}", f"{f.label} 的结束时间"),
        "submitted": ctx.say(f"a submission to {f.label}", f"投往 {f.label} 的论文"),
        "decided": ctx.say(f"the {f.label} decision it reports", f"其中 {f.label} 的录用结果"),
        "updated": ctx.say("its own 'updated' line", "简历自身的更新日期"),
        "noted": ctx.say(f"the duration noted on {f.label}", f"{f.label} 标注的时长"),
    }[f.kind]


def _changed(s: Stale, ctx: CheckContext) -> str:
    return {
        "under_review": ctx.say(f"the decision on the paper under review at {s.label}", f"{s.label} 在审论文的结果"),
        "expected_end": ctx.say(f"the expected graduation from {s.label}", f"{s.label} 的预计毕业"),
        "degree_length": ctx.say(f"{s.label}, now past its normal length", f"{s.label} 的在读状态（已超过正常学制）"),
        "open_role": ctx.say(f"the role at {s.label} still marked ongoing", f"{s.label} 仍标注为“至今”"),
    }[s.kind]


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


class SilenceParams(_P):
    months: int = 12


@check("timeline.long_silence", params=SilenceParams)
def long_silence(resume: Resume, p: SilenceParams, ctx: CheckContext) -> Iterator[Hit]:
    """Nothing after the resume's latest dated fact for `months` or more before the as-of date,
    and nothing left open: what has the candidate done since?

    Not a hit: an ongoing entry or one ending after the as-of date (a job, a degree, an expected
    graduation); an old resume with stale statuses (stale-resume asks about that instead).
    """
    entries = [*resume.education, *resume.experience]
    if not entries:
        raise NotApplicable("no dated entries")
    if any(e.ongoing or _after(e.end, ctx.as_of) for e in entries):
        return
    age = estimate(resume, ctx.doc, ctx.kb, ctx.as_of)
    if age.evidence is None or age.old or age.months < p.months:
        return
    yield Hit((age.evidence.line,), {"latest": age.written.iso(), "evidence": _evidence(age, ctx), "months": age.months, "as_of": ctx.as_of_text})  # type: ignore[union-attr]


def _after(value: str | None, as_of: Point) -> bool:
    point = parse_iso(value)
    return bool(point and point.index >= as_of.index)




class OpenRoleParams(_P):
    internship_months: int = 24


@check("timeline.open_role", params=OpenRoleParams)
def open_role(resume: Resume, p: OpenRoleParams, ctx: CheckContext) -> Iterator[Hit]:
    """An internship or research post still marked ongoing ('至今', 'Present') when it can hardly
    still be: an internship open for `internship_months` or more, or a student post open after
    the degree it began in has ended, with no degree still going on.

    Not a hit: full-time jobs; a research post during a degree still under way; a short open internship.
    """
    roles = [e for e in resume.experience if e.ongoing and parse_iso(e.start) and (e.kind in ("internship", "research") or _says_intern(e))]
    if not roles:
        raise NotApplicable("no open internship or research post")
    studying = any(e.ongoing and not e.end for e in resume.education) or any(_after(e.end, ctx.as_of) for e in resume.education)
    ended = [(e, parse_iso(e.end)) for e in resume.education if e.end and e.degree_level in ("bachelor", "master", "phd")]
    for role in roles:
        start = parse_iso(role.start)
        months = ctx.as_of.index - start.index + 1  # type: ignore[union-attr]
        after = [(deg, end) for deg, end in ended if end and start.index <= end.index] if not studying else []  # type: ignore[union-attr]
        intern = role.kind == "internship" or _says_intern(role)
        if after:
            deg, end = max(after, key=lambda x: x[1].index)  # type: ignore[union-attr]
            why = ctx.say(f"although {_label(deg)} ended {end.iso()}", f"而 {_label(deg)} 已于 {end.iso()} 结束")  # type: ignore[union-attr]
            yield Hit(_lines(role) + _lines(deg), {"role": _label(role), "start": role.start, "months": months, "why": why})
        elif intern and months >= p.internship_months:
            why = ctx.say("longer than internships usually run", "超过实习通常的时长")
            yield Hit(_lines(role), {"role": _label(role), "start": role.start, "months": months, "why": why})


class ConcurrentParams(_P):
    min_months: int = 2


@check("timeline.concurrent_roles", params=ConcurrentParams)
def concurrent_roles(resume: Resume, p: ConcurrentParams, ctx: CheckContext) -> Iterator[Hit]:
    """Internships and research posts running at the same time for `min_months` or more: one
    finding per group of roles that overlap one another, quoting every one.

    Not a hit: a hand-over month; two entries of the same organisation (one role listed twice,
    or continued); projects and competitions; full-time jobs and degrees (their own rules);
    year-only dates.
    """
    roles = [e for e in resume.experience if e.kind in ("internship", "research") and e.precision == "month" and span(e, ctx.as_of)]
    if len(roles) < 2:
        raise NotApplicable("fewer than two dated internships or research posts")
    for group in _overlap_groups(roles, ctx.as_of, p.min_months):
        busy = _months_in_parallel(group, ctx.as_of)
        yield Hit(
            tuple(n for e in group for n in _lines(e)),
            {"roles": ctx.say("; ", "；").join(_label(e) for e in group), "count": len(group), "months": busy},
        )


def _same_org(a: Experience, b: Experience) -> bool:
    return bool(a.org and b.org and a.org.strip().lower() == b.org.strip().lower())


def _overlap_groups(roles: list[Experience], as_of: Point, min_months: int) -> list[list[Experience]]:
    """Connected groups of roles linked by an overlap of `min_months` or more (union-find by index)."""
    parent = list(range(len(roles)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(len(roles)), 2):
        a, b = roles[i], roles[j]
        if not _same_org(a, b) and overlap_months(span(a, as_of), span(b, as_of)) >= min_months:  # type: ignore[arg-type]
            parent[root(j)] = root(i)
    groups: dict[int, list[Experience]] = {}
    for i, e in enumerate(roles):
        groups.setdefault(root(i), []).append(e)
    return [g for g in groups.values() if len(g) > 1]


def _months_in_parallel(group: list[Experience], as_of: Point) -> int:
    """Months in which at least two roles of the group run at once."""
    count: dict[int, int] = {}
    for e in group:
        s, t = span(e, as_of)  # type: ignore[misc]
        for m in range(s.index, t.index + 1):
            count[m] = count.get(m, 0) + 1
    return sum(1 for c in count.values() if c > 1)


# the candidate's own standing as an undergraduate, not a course taught ('本科课程助教')
_UNDERGRAD_ROLE = re.compile(r"本科生?(?:实习|科研|研究|助理)|undergrad(?:uate)? (?:research|intern|student|ra\b)", re.I)


class UndergradRoleParams(_P):
    grace_months: int = 3  # the summer after graduation is still often called undergraduate research


@check("timeline.undergrad_role_after_degree", params=UndergradRoleParams)
def undergrad_role_after_degree(resume: Resume, p: UndergradRoleParams, ctx: CheckContext) -> Iterator[Hit]:
    """A role titled as an undergraduate's ('本科实习生', 'Undergraduate Researcher') that starts
    after the bachelor's degree ended: one of the dates is likely wrong.

    Not a hit: a role starting within `grace_months` of graduation; a bachelor's with no end date.
    """
    ends = [(e, parse_iso(e.end)) for e in resume.education if e.degree_level == "bachelor" and e.end and not e.expected]
    roles = [x for x in resume.experience if parse_iso(x.start) and _UNDERGRAD_ROLE.search(f"{x.title or ''} {x.org or ''}")]
    if not ends or not roles:
        raise NotApplicable("no undergraduate role beside a dated bachelor's degree")
    deg, end = max(ends, key=lambda x: x[1].index)  # type: ignore[union-attr]
    late = [r for r in roles if parse_iso(r.start).index > end.index + p.grace_months]  # type: ignore[union-attr]
    if late:  # one problem, the degree's dates or the roles': one finding quoting every role
        late.sort(key=lambda r: parse_iso(r.start).index)  # type: ignore[union-attr]
        lines = sorted(set(_lines(deg)).union(*(_lines(r) for r in late)))
        yield Hit(tuple(lines), {"role": ctx.say("; ", "；").join(_label(r) for r in late), "start": late[0].start, "degree": _label(deg), "end": deg.end})


# 'Expected Graduation in June 2022', '预计 2022 年 6 月毕业', 'anticipated May 2021' in an entry's body.
_STATED_GRADUATION = re.compile(r"expected|anticipated|预计|预期", re.I)
_GRADUATION_WORD = re.compile(r"graduat|毕业|degree|学位", re.I)


class GraduationParams(_P):
    # a degree's dates and a graduation stated in its body may round differently (June vs July)
    tolerance_months: int = 6


@check("timeline.graduation_stated_twice", params=GraduationParams)
def graduation_stated_twice(resume: Resume, p: GraduationParams, ctx: CheckContext) -> Iterator[Hit]:
    """A degree dated as finished ('Nov 2014 – Feb 2019') whose own entry states a different
    expected graduation ('Expected Graduation in June 2022'): one of the two is wrong.

    Not a hit: an ongoing or expected end (the statement explains it); dates within
    `tolerance_months`; a statement that is not about graduating.
    """
    dated = [e for e in resume.education if e.end and not e.ongoing and not e.expected]
    if not dated:
        raise NotApplicable("no degree with a finished end date")
    for e in dated:
        end = parse_iso(e.end)
        for n in _body_lines(resume, e):
            text = strip_markup(ctx.doc.line(n))
            if not (_STATED_GRADUATION.search(text) and _GRADUATION_WORD.search(text)):
                continue
            stated = [pt for pt in find_points(text) if pt.precision == "month"]
            if stated and abs(stated[0].index - end.index) > p.tolerance_months:  # type: ignore[union-attr]
                yield Hit(_lines(e) + (n,), {"degree": _label(e), "end": e.end, "stated": stated[0].iso()})
                break


def _body_lines(resume: Resume, e: Education) -> range:
    """The lines under an education entry: to the next entry of the section, at most four."""
    first = max(e.line, e.date_line or e.line) + 1
    later = [x.line for x in resume.education if x.line > e.line]
    section_end = next((s.last_line for s in resume.sections if s.line <= e.line <= s.last_line), first + 3)
    return range(first, min([first + 4, section_end + 1, *later]))
