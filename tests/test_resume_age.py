"""The resume's own age: read from its latest dated fact, it explains stale statuses instead of
making an old resume look like a risky candidate."""

from auditor.catalog import load_catalog
from auditor.catalog.examples import as_point
from auditor.engine import audit_text
from auditor.ingest import ingest_text
from auditor.parse import parse
from auditor.resume_age import estimate
from auditor.score import risk

AS_OF = as_point("2026-11-22")

OLD = """教育经历
中山大学 计算机学院 硕士 2022 年 9 月-至今
论文发表
- FuseChat: Knowledge Fusion of Chat Models, NeurIPS 2024, Under Review, 第一作者
工作经历
腾讯 AI Lab 研究型实习生 2023 年 3 月-2024 年 5 月
"""

# the same statuses in a resume whose newest fact (a 2026 internship) is after the decision
RECENT = OLD + "字节跳动 算法实习生 2026 年 3 月-2026 年 8 月\n"


def _age(text: str):
    catalog = load_catalog()
    doc = ingest_text(text)
    return estimate(parse(doc, catalog.kb).resume, doc, catalog.kb, AS_OF)


def test_old_resume_is_dated_by_its_latest_fact_and_quoted() -> None:
    age = _age(OLD)
    assert age.old and age.written.iso() == "2024-05" and age.months == 30
    (finding,) = audit_text(OLD, only=["TIM008"], as_of=AS_OF, strict=True)
    assert finding.severity == "info" and "2024-05" in finding.message
    assert "NeurIPS 2024" in finding.message  # what has changed since


def test_stale_status_of_an_old_resume_is_low_and_adds_no_risk() -> None:
    findings = audit_text(OLD, only=["PUB001", "TIM006"], as_of=AS_OF, strict=True)
    assert {f.rule_id for f in findings} == {"PUB001", "TIM006"}
    assert all(f.severity == "low" and f.explained_by == "resume_age" for f in findings)
    assert risk(findings).score == 0


def test_recent_resume_keeps_the_stale_status_medium() -> None:
    assert not _age(RECENT).old
    (finding,) = audit_text(RECENT, only=["PUB001"], as_of=AS_OF, strict=True)
    assert finding.severity == "medium" and finding.explained_by is None
    assert risk([finding]).score > 0


def test_updated_line_dates_the_resume() -> None:
    text = "Last updated: March 2023\nExperience\nAcme Corp, ML Engineer  2019.01 – Present\n"
    age = _age(text)
    assert age.written.iso() == "2023-03" and age.evidence.line == 1 and age.old


def test_old_dates_with_an_ongoing_job_and_nothing_stale_are_not_old() -> None:
    age = _age("Experience\nAcme Corp, ML Engineer  2019.01 – Present\n")
    assert age.months > 12 and not age.old


def test_long_silence_is_asked_only_when_nothing_is_open() -> None:
    ended = "Experience\nAcme Corp, ML Engineer  2021.07 – 2025.06\n"
    (finding,) = audit_text(ended, only=["TIM010"], as_of=AS_OF, strict=True)
    assert "2025-06" in finding.message and "17 months" in finding.message
    assert audit_text(ended.replace("2025.06", "Present"), only=["TIM010"], as_of=AS_OF, strict=True) == []


def test_degree_overdue_only_after_its_grace_is_explained_when_written_within_it() -> None:
    # a bachelor's from 2020-08, the resume updated 2024-12: 4.3 years then, inside the grace period
    text = "Last updated: December 2024\n教育经历\n示例大学 计算机 本科 2020 年 8 月-至今\n"
    (finding,) = audit_text(text, only=["TIM006"], as_of=AS_OF, strict=True)
    assert finding.explained_by == "resume_age" and risk([finding]).score == 0
