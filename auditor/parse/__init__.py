"""Parse: a Document to the structured Resume (each item with its line) and its claims."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.catalog.kb import KnowledgeBase
from auditor.models import Claim, Document, Resume, Section
from auditor.parse.awards import parse_awards
from auditor.parse.claims import extract_claims
from auditor.parse.contacts import find_contacts, find_name
from auditor.parse.entries import parse_entries
from auditor.parse.experience_years import claimed_years
from auditor.parse.pub_wrap import unwrap
from auditor.parse.publications import parse_publications, venue_index
from auditor.parse.sections import SectionSpan, split_sections


@dataclass
class Parsed:
    resume: Resume
    claims: list[Claim]
    sections: list[SectionSpan]


def parse(doc: Document, kb: KnowledgeBase) -> Parsed:
    lines = doc.lines
    sections = split_sections(lines, doc.layout)
    name, name_line = find_name(lines, sections)
    education, experience = parse_entries(lines, sections, doc.layout)
    publications = parse_publications(unwrap(lines, sections, doc.layout), sections, venue_index(kb), own_name=name)
    years, years_line = claimed_years(lines, sections)
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
