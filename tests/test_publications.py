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
