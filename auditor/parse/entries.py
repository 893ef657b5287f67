"""Dated entries: education and experience, with their kind, from the section and their words.

Each line is read once (parse/entry_lines.py); each dated line is read by the first named layout
that applies (parse/layouts.py); the head it finds is split into fields (entry_fields.py,
entry_education.py) and given a kind (entry_kind.py). An entry's body runs to the next entry.
"""

from __future__ import annotations

import bisect
import re

from auditor.models import Bullet, Education, Experience, LineLayout
from auditor.parse.entry_education import education
from auditor.parse.entry_fields import INSTITUTION, ROLE, degree, names_only_role, org_and_title, role_of, segments, trim
from auditor.parse.entry_kind import COMPETITION, entry_kind
from auditor.parse.entry_lines import SENTENCE, Line, read_lines
from auditor.parse.layouts import Anchor, Block, find_anchors
from auditor.parse.sections import SectionSpan
from auditor.parse.text import plain_quotes, strip_markup

_NO_ENTRIES = ("skills", "publication", "summary")


def _subtitle(body: list[Line]) -> str:
    """The short line right under an entry's title that labels it ("LaTeX, Python | 个人项目"), or ''."""
    if not body or body[0].bullet or len(body[0].plain) > 40 or SENTENCE.search(body[0].plain):
        return ""
    return body[0].plain


def _title_lines(lines: list[Line], a: Anchor) -> list[Line]:
    return [lines[n - 1] for n in a.title_lines]


def _two_line_title(lines: list[Line], a: Anchor) -> tuple[str, str] | None:
    """A two-line title with one line naming the role ("Deep Learning Researcher" / "Qualcomm AI
    Research"): the other line is the org, whole."""
    texts = [line.title_text() if line.date is None else line.rest for line in _title_lines(lines, a)]
    with_role = [t for t in texts if ROLE.search(t)]
    if len(texts) != 2 or len(with_role) != 1 or len(segments(with_role[0])) != 1:
        return None  # 'Facebook, Speech (Intern)' / 'Seattle': the role line names its org itself
    other = trim(texts[1 - texts.index(with_role[0])])
    return (other, with_role[0]) if other else None


def _org_and_role(lines: list[Line], a: Anchor) -> tuple[str | None, str | None]:
    """Org and role of an entry. A head naming only the role or only the org takes the other from
    its detail line."""
    two = _two_line_title(lines, a)
    if two:
        return two
    org, role = org_and_title(a.title)
    if a.detail_line is None:
        return org, role
    detail = lines[a.detail_line - 1].plain
    if names_only_role(a.title):
        return detail, role or a.title
    if role is None and not ROLE.search(detail):  # "- **Click-Fraud Detection** (2023)" / "  - Risk Dept, Acme Co., Ltd."
        return detail, a.title
    return org or a.title, role_of(detail) or role


def _role_below(a: Anchor, role: str | None, body: list[Line]) -> str | None:
    """The role on the short line under a head that names only the organisation and its date
    ('ARC Lab  Jul. - Aug. 2021' / 'Undergraduate Student Intern  Seoul, Korea'): it says what
    kind of entry this is, an internship under an 'Experience' heading included."""
    if role is not None or a.detail_line is not None:
        return None
    if not body or body[0].bullet or SENTENCE.search(body[0].plain):
        return None
    sub = strip_markup(re.split(r"\s{2,}|\t", body[0].raw.strip())[0])  # before a wide gap: 'Intern   Boston, MA'
    role = role_of(sub) if sub and len(sub) <= 60 else None
    # the role opens the line ('Research Intern  Lyon, France'); a role word at its end more often
    # closes the title of the next entry ('基于 X 的研究  项目组成员')
    return role if role and sub.startswith(role) else None


def _experience(lines: list[Line], sec: SectionSpan, a: Anchor, body: list[Line]) -> Experience | None:
    if sec.kind == "award" and not COMPETITION.search(a.title):
        return None
    detail = lines[a.detail_line - 1].plain if a.detail_line else ""
    section_kind = "competition" if sec.kind == "award" else sec.kind
    org, role = _org_and_role(lines, a)
    kind, conf = entry_kind(section_kind, f"{a.title} {detail}".strip(), lines[a.date_line - 1].plain, _subtitle(body))
    role_below = _role_below(a, role, body) if kind in ("fulltime", "other") else None
    if role_below:  # read as a job only for want of its role: the role line decides
        kind, conf = entry_kind(section_kind, f"{a.title} {role_below}", lines[a.date_line - 1].plain, _subtitle(body))
        role = role_below
    if kind in ("competition", "project", "research") and role is None and not a.detail_line or kind == "competition":
        org, role = a.title, None  # the name of the project or contest, not an employer
    return Experience(
        org=plain_quotes(org),
        title=role,
        kind=kind,  # type: ignore[arg-type]
        kind_confidence=conf,  # type: ignore[arg-type]
        start=a.range.start.iso(),
        end=a.range.end.iso() if a.range.end else None,
        ongoing=a.range.ongoing,
        precision=a.range.precision,  # type: ignore[arg-type]
        line=a.title_lines[0],
        date_line=a.date_line,
        section=sec.kind,
        bullets=[Bullet(line=b.n, text=b.plain) for b in body],
        last_line=body[-1].n if body else a.date_line,
    )


def _is_education(sec: SectionSpan, a: Anchor) -> bool:
    return sec.kind == "education" or (sec.kind in ("other", "header") and bool(INSTITUTION.search(a.title)) and bool(degree(a.title)[0]))


def _undated_education(block: Block) -> list[Education]:
    """An education section with no date ranges ('- 东北财经大学，金融工程方向硕士', '* M.S. in EE, Columbia
    University, 2022'): each top-level line naming a school is a degree, ended in the year it gives."""
    heads = [line for line in block.lines if not line.blank and line.indent == 0 and not line.label]
    return [
        education([line], None, None, [])
        for line in heads
        if INSTITUTION.search(line.plain) and len(line.plain) <= 120 and not SENTENCE.search(line.plain)
    ]


def _section_entries(lines: list[Line], sec: SectionSpan, out: tuple[list[Education], list[Experience]]) -> None:
    block = Block(sec.kind, [lines[n - 1] for n in sec.body])
    anchors = find_anchors(block)
    if sec.kind == "education" and not anchors:
        out[0].extend(_undated_education(block))
        return
    starts = [a.first_line for a in anchors] + [sec.body[-1] + 1 if sec.body else sec.line + 1]
    for a, nxt in zip(anchors, starts[1:]):
        # sec.body is sorted: slice it (a scan of the whole body per entry is quadratic in long CVs)
        inside = sec.body[bisect.bisect_right(sec.body, a.head_end) : bisect.bisect_left(sec.body, nxt)]
        body = [lines[n - 1] for n in inside if not lines[n - 1].blank]
        if sec.kind == "header" and not _is_education(sec, a):
            continue  # before any heading only a degree is read ('* Ph.D. in X, Y University, 2019 – 2024')
        if _is_education(sec, a):
            date_line = lines[a.date_line - 1]
            out[0].append(education(_title_lines(lines, a), date_line, a.range, body))
            continue
        exp = _experience(lines, sec, a, body)
        if exp is not None:
            out[1].append(exp)


def parse_entries(
    lines: list[str], sections: list[SectionSpan], layout: list[LineLayout] | None = None
) -> tuple[list[Education], list[Experience]]:
    wanted = [sec for sec in sections if sec.kind not in _NO_ENTRIES]
    read = read_lines(lines, layout, {n for sec in wanted for n in sec.body})
    out: tuple[list[Education], list[Experience]] = ([], [])
    for sec in wanted:
        _section_entries(read, sec, out)
    return out
