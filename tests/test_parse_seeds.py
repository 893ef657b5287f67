"""Parsing acceptance on the five real seeds: names, dated entries, publications, no watermark residue."""

from __future__ import annotations

import re

import pytest

from auditor.ingest import ingest
from auditor.parse import parse
from tests.conftest import seed


@pytest.fixture(scope="module")
def parsed(catalog):
    return {n: parse(ingest(seed(n)), catalog.kb) for n in ("000", "001", "002", "003", "004")}


def test_names(parsed) -> None:
    assert [parsed[n].resume.name for n in sorted(parsed)] == ["阿东玩 AI", "鲁国伟", "董汉德", "李明", "万凡琦"]


def _entries(resume):
    return sorted((e.start, e.end, e.kind) for e in resume.experience), sorted((e.start, e.end, e.degree_level) for e in resume.education)


EXPECTED = {
    "000": (
        [("2023-06", "2023-12", "internship"), ("2023-07", "2023-12", "project"), ("2023-09", "2024-02", "research"),
         ("2024-01", "2024-05", "project"), ("2024-03", None, "research"), ("2024-06", "2024-12", "internship")],
        [("2019-09", "2023-06", "bachelor"), ("2023-09", "2026-06", "master")],
    ),
    "001": (
        [("2023-06", "2023-08", "internship"), ("2023-10", "2024-01", "internship"), ("2024-07", "2025-01", "project"),
         ("2024-07", "2025-06", "fulltime"), ("2025-02", "2025-06", "project")],
        [("2020-09", "2024-06", "bachelor")],
    ),
    "002": ([("2022-07", "2023-08", "fulltime"), ("2023-08", None, "fulltime")], [("2015-09", "2019-06", "bachelor"), ("2019-09", "2022-06", "master")]),
    "003": (
        [("2020-07", None, "fulltime"), ("2020-10", "2021-02", "project"), ("2021-03", "2022-05", "project"),
         ("2022-06", "2023-02", "project"), ("2023-03", None, "project")],
        [("2013-09", "2017-06", "bachelor"), ("2017-09", "2020-06", "master")],
    ),
    "004": (
        [("2022-03", "2022-06", "competition"), ("2022-04", "2023-01", "project"), ("2022-07", "2022-10", "competition"),
         ("2022-08", "2023-02", "competition"), ("2023-03", "2024-05", "internship")],
        [("2018-09", "2022-06", "bachelor"), ("2022-09", None, "master")],
    ),
}


@pytest.mark.parametrize("n", sorted(EXPECTED))
def test_dated_entries_with_kind(parsed, n: str) -> None:
    experience, education = _entries(parsed[n].resume)
    assert experience == EXPECTED[n][0]
    assert education == EXPECTED[n][1]


def test_seed_000_expected_graduation_and_orgs(parsed) -> None:
    r = parsed["000"].resume
    master = next(e for e in r.education if e.degree_level == "master")
    assert master.expected and master.institution == "清华大学"
    assert {e.org for e in r.experience if e.kind == "internship"} == {"字节跳动", "腾讯"}


def test_seed_002_publications(parsed) -> None:
    pubs = parsed["002"].resume.publications
    got = [(p.venue, p.year, p.status, p.author_position, p.equal_contribution) for p in pubs]
    assert got == [
        ("APSEC", 2024, "published", 1, False),
        ("TSEM", 2023, "published", 3, False),
        ("TOIS", 2023, "published", 2, False),
        ("SIGIR", 2021, "published", 2, True),  # co-first, listed second ('Jiawei Chen*, **Hande Dong***')
        ("WWW", 2021, "published", 1, False),
    ]
    assert pubs[0].title == "Improving Code Search with Hard Negative Sampling Based on Fine-tuning"
    assert pubs[0].authors[:2] == ["Hande Dong", "Jiayi Lin"]
    assert [p.claimed_tier for p in pubs] == [None, "CCF-A", "CCF-A", "CCF-A", "CCF-A"]


def test_seed_004_publications(parsed) -> None:
    pubs = [p for p in parsed["004"].resume.publications if p.found_in == "publications"]
    got = [(p.venue, p.year, p.status, p.author_position) for p in pubs]
    assert got == [
        ("NeurIPS", 2024, "under_review", 1),
        ("ICLR", 2024, "published", 1),
        ("EMNLP", 2024, "under_review", 1),
        ("EMNLP", 2023, "published", 1),
        ("EMNLP", 2023, "published", 4),
        ("ACL", 2023, "published", 1),
        ("EMNLP Findings", 2023, "published", 3),
        ("ACL Findings", 2023, "published", 2),
    ]
    assert pubs[0].title == "FuseChat: Knowledge Fusion of Chat Models"


def test_seed_000_papers_in_prose_are_found(parsed) -> None:
    pubs = parsed["000"].resume.publications
    assert [(p.venue, p.year, p.status, p.author_position, p.line) for p in pubs] == [
        ("NeurIPS", 2026, "under_review", 1, 38),
        ("NeurIPS", 2024, "published", 1, 42),
    ]
    assert pubs[1].claimed_tier == "CCF-A"


def test_seed_003_report_and_patents(parsed) -> None:
    pubs = parsed["003"].resume.publications
    assert [p.kind_hint for p in pubs] == ["internal_report", "paper"]
    assert not any("专利" in (p.title or "") or "一种" in (p.title or "") for p in pubs)


def test_seed_001_has_no_watermark_residue(parsed) -> None:
    doc = ingest(seed("001"))
    token = "lhhPQ7fmqGOWdq_V62oxRtFG_W90-dX13a16f4449aae3c54"
    residue = re.compile(r"^\s*(?:[A-Za-z0-9_\-]{1,2}\s+){0,3}[A-Za-z0-9_\-]{1,2}\s*$")
    for line in doc.lines:
        assert token not in line and token[::-1] not in line
        assert not residue.match(line), f"residue line left: {line!r}"
    dump = parsed["001"].resume.model_dump_json()
    for piece in (token[:12], token[::-1][:12], "W2O025", "大a模", "PagedAttentWion", "biPt", "时R x"):
        assert piece not in dump
    # real characters survive
    text = "\n".join(doc.lines)
    for real in ("鲁国伟", "2024-07 ~ 2025-06", "结合大模型（Qwen）", "PagedAttention", "LLaMA-Factory", "17673472715", "时效性"):
        assert real in text


def test_clean_text_is_untouched_by_the_watermark_filter() -> None:
    from auditor.ingest.watermark import clean_watermark

    lines = ["Skills", "C", "Go", "R", "JS", "C#", "Qt", "Py", "TS", "Rx", "Vue", "Redis", "Work", "Acme 2024-01 ~ 2024-06", "- 3 x faster"]
    assert clean_watermark(lines).lines == lines  # a list of short names is not a watermark
