"""Parse: a Document to the structured Resume (each item with its line) and its claims."""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.catalog.kb import KnowledgeBase
from auditor.models import Claim, Document, Resume, Section
from auditor.parse.awards import parse_awards
from auditor.parse.claims import extract_claims
from auditor.parse.contacts import find_contacts, find_name
from auditor.parse.entries import parse_entries
from auditor.parse.publications import parse_publications, venue_index
from auditor.parse.sections import SectionSpan, split_sections
from auditor.parse.text import strip_markup

# (?<!\d) before a leading number: same matches, no quadratic re-reading of digit runs (claims._NUM)
_CLAIMED_YEARS = re.compile(
    r"(?:工作年限|工作经验|经验|从业)\s*[:：]?\s*(\d+(?:\.\d+)?)\s*\+?\s*年|(?<!\d)(\d+(?:\.\d+)?)\s*\+?\s*年(?:以上)?(?:工作|相关|开发|算法)?经验|"
    r"(?<!\d)(\d+(?:\.\d+)?)\+?\s*years?(?:\s+of)?(?:\s+\w+){0,3}\s+experience",
    re.I,
)


@dataclass
class Parsed:
    resume: Resume
    claims: list[Claim]
    sections: list[SectionSpan]


def _claimed_years(lines: list[str], sections: list[SectionSpan]) -> tuple[float | None, int | None]:
    """'工作年限: 5年', '2年经验', '5 years of experience' in the header or summary."""
    wanted = {n for s in sections if s.kind in ("header", "summary") for n in s.body}
    for n in sorted(wanted):
        m = _CLAIMED_YEARS.search(strip_markup(lines[n - 1]))
        if m:
            value = float(next(g for g in m.groups() if g))
            if 0 < value <= 50:
                return value, n
    return None, None


def parse(doc: Document, kb: KnowledgeBase) -> Parsed:
    lines = doc.lines
    sections = split_sections(lines, doc.layout)
    name, name_line = find_name(lines, sections)
    education, experience = parse_entries(lines, sections, doc.layout)
    publications = parse_publications(lines, sections, venue_index(kb), own_name=name)
    years, years_line = _claimed_years(lines, sections)
    resume = Resume(
        name=name,
        name_line=name_line,
        contacts=find_contacts(lines),
        education=education,
        experience=experience,
        publications=publications,
        awards=parse_awards(lines, sections),
        sections=[
            Section(kind=s.kind, heading=s.heading, line=s.line, last_line=(s.body[-1] if s.body else s.line))
            for s in sections
            if s.kind != "header"
        ],
        claimed_years=years,
        claimed_years_line=years_line,
    )
    education_lines = {n for s in sections if s.kind == "education" for n in s.body}
    return Parsed(resume, extract_claims(lines, education_lines=education_lines), sections)
