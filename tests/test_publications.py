"""Publications as the report shows them: what is a paper, at which venue and year, and how the
stale-under-review finding words its decision date."""

from __future__ import annotations

from auditor.catalog import load_catalog
from auditor.engine import audit_text
from auditor.ingest import ingest_text
from auditor.parse import parse
from auditor.parse.dates import Point


def _papers(text: str) -> list:
    return parse(ingest_text(text), load_catalog().kb).resume.publications


def test_www_inside_a_link_is_not_the_www_conference() -> None:
    pubs = _papers(
        "Publications\n"
        "- Graph Pruning for Sparse Retrieval Models.\n"
        "(Pattern Recognition 2023 - first author)\n"
        "https://www.sciencedirect.com/science/article/pii/S0000000000000001\n"
    )
    assert [p.venue_id for p in pubs] == ["pr"]
    assert all("https" not in (p.title or "") for p in pubs)


def test_a_bare_arxiv_link_is_not_a_paper_of_its_own() -> None:
    pubs = _papers(
        "Publications\n"
        "- Contrastive Skeletons for Action Recognition\n"
        "(ICCV 2025 under review - first author)\n"
        "https://arxiv.org/abs/2501.00001\n"
    )
    assert [(p.venue_id, p.status) for p in pubs] == [("iccv", "under_review")]


def test_a_title_followed_by_its_arxiv_link_is_a_preprint_titled_by_its_words() -> None:
    (pub,) = _papers("Publications\n- Sparse Mixtures for Tabular Data, https://arxiv.org/abs/2401.00001\n")
    assert (pub.title, pub.venue_id, pub.status) == ("Sparse Mixtures for Tabular Data", "arxiv", "preprint")


def test_35_under_35_is_not_a_year() -> None:
    pubs = _papers("Publications\n- Example Magazine 35 Under 35 Innovators (2024)\n- Lean Adapters for Speech, ICLR'24\n")
    assert [(p.venue_id, p.year) for p in pubs] == [("iclr", 2024)]


def test_two_digit_year_after_a_venue_is_read() -> None:
    (pub,) = _papers("Publications\n- Lean Adapters for Speech, CVPR 24, first author\n")
    assert (pub.venue_id, pub.year) == ("cvpr", 2024)


def test_workshop_is_kept_apart_from_the_main_conference() -> None:
    pubs = _papers(
        "Publications\n"
        "- Counting Shapes with Language Models, NeurIPS 2023 MATH-AI Workshop\n"
        "- Tiny Agents Everywhere, Workshop on Small Agents at ICML 2024\n"
        "- Big Agents Somewhere, ICML 2024\n"
    )
    assert [(p.venue, p.venue_id, p.year) for p in pubs] == [
        ("NeurIPS Workshop", "workshop", 2023),
        ("ICML Workshop", "workshop", 2024),
        ("ICML", "icml", 2024),
    ]
    assert pubs[0].title == "Counting Shapes with Language Models"


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


def test_venue_lines_of_a_years_first_list_are_papers_with_the_year_above_them() -> None:
    """'2025 / title / authors / ICLR': the bare venue line is the paper, its year is the one that
    opened the entry (not the next entry's year below it); a workshop's second line is not a paper."""
    pubs = _papers(
        "Publications\n"
        "2025\n"
        "Sparse Probes for Factual Recall\n"
        "Ann Lee, Bo Chen, Cy Dai.\n"
        "ICLR\n"
        "Oral\n"
        "2023\n"
        "Ensemble Adapter Distillation\n"
        "Bo Chen, *Ann Lee*, and Cy Dai.\n"
        "NeurIPS Workshop\n"
        "Spotlight\n"
        "Workshop on Tiny Models\n"
    )
    assert [(p.title, p.venue_id, p.year, p.status) for p in pubs] == [
        ("Sparse Probes for Factual Recall", "iclr", 2025, "published"),
        ("Ensemble Adapter Distillation", "workshop", 2023, "published"),
    ]


def test_an_author_line_is_never_the_title() -> None:
    pubs = _papers(
        "Publications\n\n"
        "[Draft, Sketch, and Prove: Guiding Provers with Informal Proofs](https://example.org/a.pdf) \\\\\n"
        "Ann Lee, Bo Chen, Cy Dai \\\\\n"
        "ICLR 2023 \\\\\n\n"
        "[Phrase Grounding with Soft Labels](https://example.org/b.pdf) \\\\\n"
        "**Ann Lee**, Bo Chen \\\\\n"
        "EMNLP 2019 (Oral) \\\\\n"
    )
    assert [p.title for p in pubs] == ["Draft, Sketch, and Prove: Guiding Provers with Informal Proofs", "Phrase Grounding with Soft Labels"]


def test_a_status_line_under_a_title_is_a_submitted_paper() -> None:
    pubs = _papers(
        "## Publications\n"
        "`2025`\n"
        "__Steering Vectors for Small Models__\n"
        "**Ann Lee**, Bo Chen\n"
        "*Under review*\n\n"
        "`2018`\n"
        "__Private Crossings for Road Agents__\n"
        "Bo Chen, **Ann Lee**\n"
        "*International Workshop on Agents in Traffic (ATT 2018)*\n"
    )
    assert [(p.title, p.venue_id, p.year, p.status) for p in pubs] == [
        ("Steering Vectors for Small Models", None, None, "under_review"),
        ("Private Crossings for Road Agents", "workshop", 2018, "published"),
    ]


def test_a_narrative_mention_of_a_listed_paper_is_not_another_paper() -> None:
    """'leading to publications at CVPR 2024' names the listed paper again: no untitled second one."""
    pubs = _papers(
        "## Publications\n"
        "`2024`\n"
        "__Contrast Is All You Need for Diffusion__\n"
        "**Ann Lee**, Bo Chen\n"
        "*CVPR 2024*\n\n"
        "## Research Experience\n"
        "`Aug 2023 - Present`\n"
        "__Example University__\n"
        "Research Assistant\n"
        "- Collaborated with a partner lab on image generation, leading to publications at CVPR 2024.\n"
    )
    assert [(p.title, p.venue_id, p.year, p.line) for p in pubs] == [("Contrast Is All You Need for Diffusion", "cvpr", 2024, 5)]


def test_two_papers_whose_entries_end_in_the_same_status_line_are_two_findings() -> None:
    text = """Publications

Sparse Probes for Factual Recall, NeurIPS 2023 MATH-AI Workshop \\\\
Under review at ICLR 2024 \\\\

Token Budgets for Chain-of-Thought, NeurIPS 2023 MATH-AI Workshop \\\\
Under review at ICLR 2024 \\\\
"""
    findings = audit_text(text, only=["PUB001"], as_of=Point(2026, 1), strict=True)
    assert [[e.line for e in f.evidence] for f in findings] == [[3, 4], [6, 7]]


def test_a_venue_item_takes_the_title_nested_under_it_never_the_previous_papers() -> None:
    text = """# 李明

## 论文发表

* **CVPR 2022 Oral**  共同第一作者
\t* [Sparse Probes for Factual Recall in Vision Models](https://example.org/a)
* **INFOCOM 2025**  第一作者
\t* Adaptive Batching for Edge Inference Servers
"""
    assert [(p.title, p.venue_id, p.year) for p in _papers(text)] == [
        ("Sparse Probes for Factual Recall in Vision Models", "cvpr", 2022),
        ("Adaptive Batching for Edge Inference Servers", "infocom", 2025),
    ]
