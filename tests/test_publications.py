"""How the stale-under-review finding words and quotes a listed paper (what is a paper, at which
venue and year, is in the case table tests/parse_cases/publications_*.yaml)."""

from __future__ import annotations

from auditor.catalog import load_catalog
from auditor.engine import audit_text
from auditor.ingest import ingest_text
from auditor.parse import parse
from auditor.parse.dates import Point


def _papers(text: str) -> list:
    return parse(ingest_text(text), load_catalog().kb).resume.publications


_ZH_HEAD = "个人简历\n张三，硕士研究生，研究方向为自然语言处理与知识推理。\n"


def _stale(text: str, as_of: Point) -> list[str]:
    return [f.message for f in audit_text(text, as_of=as_of, only=["PUB001"], strict=True)]


def test_estimated_decision_is_worded_as_an_estimate_and_capped_at_the_conference() -> None:
    """EMNLP 2024 has no exact date in the KB: the usual month plus margin (December) would fall
    after the conference (12-14 November), so the message says 'by about 2024-11'."""
    en = _stale("Publications\n- Sparse Probes for Factual Recall, EMNLP 2024, Under Review\n", Point(2026, 1))
    assert len(en) == 1 and "out by about 2024-11;" in en[0]
    zh = _stale(_ZH_HEAD + "论文发表\n- Sparse Probes for Factual Recall, EMNLP 2024, 在审\n", Point(2026, 1))
    assert len(zh) == 1 and "约 2024-11 前已公布结果" in zh[0] and "已于" not in zh[0]


def test_exact_decision_date_is_given_as_a_date() -> None:
    en = _stale("Publications\n- Sparse Probes for Factual Recall, ACL 2024, Under Review\n", Point(2026, 1))
    assert len(en) == 1 and "out on 2024-05-15;" in en[0]
    zh = _stale(_ZH_HEAD + "论文发表\n- Sparse Probes for Factual Recall, ACL 2024, 在审\n", Point(2026, 1))
    assert len(zh) == 1 and "已于 2024-05-15 公布结果" in zh[0]


def test_capped_estimate_fires_a_month_after_the_conference_opened() -> None:
    text = "Publications\n- Sparse Probes for Factual Recall, EMNLP 2024, Under Review\n"
    assert _stale(text, Point(2024, 11)) == []
    assert len(_stale(text, Point(2024, 12))) == 1


def test_a_submission_line_under_a_workshop_line_is_the_same_paper() -> None:
    """The entry was shown at a workshop and is now submitted to the main track: one paper, whose
    venue and status are the submission's, quoted from its own line (never 'under review' at the workshop)."""
    text = (
        "Publications\n\n"
        "[Counting Shapes with Language Models](https://example.org/shapes.pdf) \\\\\n"
        "Ann Lee, **Bo Chen**, Cy Dai \\\\\n"
        "NeurIPS 2023 MATH-AI Workshop \\\\\n"
        "Under review at ICLR 2024 \\\\\n"
    )
    pubs = _papers(text)
    assert [(p.title, p.venue_id, p.year, p.status, p.line) for p in pubs] == [
        ("Counting Shapes with Language Models", "iclr", 2024, "under_review", 6)
    ]
    (msg,) = _stale(text, Point(2026, 1))
    assert msg.startswith('"Counting Shapes with Language Models" is listed as under review at ICLR 2024')






def test_two_papers_whose_entries_end_in_the_same_status_line_are_two_findings() -> None:
    text = """Publications

Sparse Probes for Factual Recall, NeurIPS 2023 MATH-AI Workshop \\\\
Under review at ICLR 2024 \\\\

Token Budgets for Chain-of-Thought, NeurIPS 2023 MATH-AI Workshop \\\\
Under review at ICLR 2024 \\\\
"""
    findings = audit_text(text, only=["PUB001"], as_of=Point(2026, 1), strict=True)
    assert [[e.line for e in f.evidence] for f in findings] == [[3, 4], [6, 7]]
