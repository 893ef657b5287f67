"""Education and experience beyond the parse-case table (tests/parse_cases/entries_*.yaml): JSON Resume input,
and what the parsed entries mean for the timeline checks."""

from __future__ import annotations

import json

from auditor.catalog.examples import as_point
from auditor.engine import audit_text
from auditor.ingest import ingest_bytes
from auditor.parse import parse


def _education(doc, catalog) -> list[tuple[str | None, str | None, str | None]]:
    return [(e.institution, e.degree_level, e.major) for e in parse(doc, catalog.kb).resume.education]


def test_json_resume_courses_stay_with_their_degree(catalog) -> None:
    data = {
        "basics": {"name": "Mei Lin", "email": "mei@uni.edu"},
        "education": [
            {"institution": "Harbourside Institute of Technology", "studyType": "Master of Science", "area": "Data Systems",
             "startDate": "2021-08", "endDate": "2022-12", "courses": ["Graph Mining", "Advanced Compilers"]},
            {"institution": "Lakeshore University of Science and Technology of the North", "studyType": "Bachelor of Engineering",
             "area": "Software Engineering", "startDate": "2017-09", "endDate": "2021-07", "courses": ["Calculus"]},
        ],
    }
    doc = ingest_bytes(json.dumps(data).encode(), "json", "resume.json")
    assert _education(doc, catalog) == [
        ("Harbourside Institute of Technology", "master", None),
        ("Lakeshore University of Science and Technology of the North", "bachelor", None),
    ]


def test_json_resume_work_names_the_employer_even_when_the_position_has_a_dash(catalog) -> None:
    resume = {
        "basics": {"name": "Sam Roe", "email": "sam@example.com"},
        "work": [
            {"name": "Northwind Labs", "position": "Software Engineer – Reinforcement Learning", "startDate": "2025-08"},
            {"name": "Contoso", "position": "Research Scientist", "startDate": "2020-05", "endDate": "2024-11"},
        ],
    }
    doc = ingest_bytes(json.dumps(resume).encode(), "json", "resume.json")
    assert [e.org for e in parse(doc, catalog.kb).resume.experience] == ["Northwind Labs", "Contoso"]


def test_expected_degree_read_from_a_heading_above_its_details_is_quoted_with_its_date(catalog) -> None:
    text = """Ana Ruiz

Curriculum Vitae
======

### **Ph.D. in Control Theory** *(Rank: 2/30)*
**Eastfield University of Technology** *(Top 50)*
- *Lab*: Flight Systems Laboratory
- *Advisor*: Prof. Jo Park
*Sep. 2020 – Jun. 2024 (Expected)*

### **B.S. in Automation** *(GPA: 3.9/4.0, Rank: 3/120, Top 5%)*
**Eastfield University of Technology**
- *School*: Electrical Engineering
*Sep. 2016 – Jun. 2020*
"""
    findings = audit_text(text, only=["TIM007"], as_of=as_point("2026-08-01"), strict=True)
    assert [(f.rule_id, [e.line for e in f.evidence]) for f in findings] == [("TIM007", [6, 10])]


def test_student_team_under_a_work_heading_does_not_overlap_the_job(catalog) -> None:
    text = """Ana Ruiz
ana@uni.edu

## Professional Experience
`Aug 2018 - Oct 2021`
__Northwind Labs__
Machine Learning Engineer
- Built planners.

`Jul 2019 - Dec 2020`
__Westbrook University Rover Team__
Founder
- Founded the team.
"""
    assert audit_text(text, only=["TIM001"], as_of=as_point("2026-08-01"), strict=True) == []
