"""Claims as the report lists them: figures written with thousands separators, and class ranks
that only the school can confirm."""

from __future__ import annotations

import pytest

from auditor.catalog import load_catalog
from auditor.catalog.examples import as_point
from auditor.ingest import ingest_text
from auditor.models import Report
from auditor.report import build_report

AS_OF = "2026-08-01"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _report(text: str, catalog) -> Report:
    return build_report(ingest_text(text), as_point(AS_OF), catalog=catalog, as_of_text=AS_OF)


def _claims(text: str, catalog) -> list[tuple[str, float | None, float | None, float | None]]:
    return [(c.kind, c.value, c.before, c.after) for c in _report(text, catalog).claims]


@pytest.mark.parametrize(
    ("line", "claim"),
    [
        ("- The toolkit has 8,500+ GitHub stars", ("stars", 8500, None, None)),
        ("- Our survey was cited 1,234 times", ("citations", 1234, None, None)),
        ("- 1,000,000+ downloads on PyPI", ("downloads", 1_000_000, None, None)),
        ("- 模型下载量 12,345,678 次下载", ("downloads", 12_345_678, None, None)),
        ("- Throughput 1,200 → 2,400 QPS", ("before_after", None, 1200, 2400)),
        ("- Cut p99 latency from 1,500ms to 300ms", ("before_after", None, 1500, 300)),
        ("- Kaggle: ranked 12/1,234 teams", ("rank", None, 12, 1234)),
        ("- Revenue grew by $1,250,000 a year", ("money", 1_250_000, None, None)),
    ],
)
def test_figure_with_thousands_separator_is_read_whole(line: str, claim: tuple, catalog) -> None:
    assert claim in _claims(line, catalog)


@pytest.mark.parametrize(
    ("line", "claim"),
    [
        ("- 准确率提升3，5个百分点", ("pp", 5, None, None)),  # a full-width comma separates two numbers
        ("- 2023,2024 两年累计 300 stars", ("stars", 300, None, None)),  # two years, not 2,023,2024
        ("- 在 Top-1,2,3 上各提升 4%", ("percent", 4, None, None)),  # a list, not 1,2,3 as one number
        ("- 1,2345 次下载", ("downloads", 2345, None, None)),  # a comma group is exactly three digits
    ],
)
def test_comma_that_is_no_thousands_separator_splits_numbers(line: str, claim: tuple, catalog) -> None:
    assert claim in _claims(line, catalog)


def test_stars_message_quotes_the_whole_figure(catalog) -> None:
    report = _report("# A\n## Projects\n- fastkv: 8,500+ GitHub stars\n", catalog)
    [ver003] = [f for f in report.findings if f.rule_id == "VER003"]
    assert "8500+ GitHub stars" in ver003.message


def test_rank_message_quotes_the_whole_total(catalog) -> None:
    report = _report("# A\n## Awards\n- Kaggle silver medal, ranked 120/2,664 teams (Top 1%)\n", catalog)
    [met002] = [f for f in report.findings if f.rule_id == "MET002"]
    assert "120/2664" in met002.message


CLASS_RANKS = """# 张三
## 教育背景
某某大学 计算机科学与技术 本科 2018.09 - 2022.06
学业成绩: 91/100; 排名: 8/150
全国大学生数学建模竞赛 一等奖 (4/225)

## 工作经历
某公司 算法工程师 2022.07 - 至今
- 专业排名前 5% 的同学中唯一拿到 offer
"""


def test_class_rank_is_for_the_school_to_confirm(catalog) -> None:
    report = _report(CLASS_RANKS, catalog)
    by_line = {c.line: c.verifiability for c in report.claims if c.kind in ("rank", "top_percent")}
    assert by_line == {4: "private", 5: "public", 9: "private"}
    [ver001] = [f for f in report.findings if f.rule_id == "VER001"]
    assert [e.line for e in ver001.evidence] == [5]


def test_class_rank_under_a_degree_is_not_sent_to_a_leaderboard(catalog) -> None:
    text = "# Jane Doe\n## Profile\n### M.S. in Computer Science (Rank: 2/60)\nSome University, 2019 - 2021\n"
    report = _report(text, catalog)
    assert [c.verifiability for c in report.claims if c.kind == "rank"] == ["private"]
    assert not [f for f in report.findings if f.rule_id == "VER001"]


def test_class_rank_still_checked_against_its_top_percent(catalog) -> None:
    report = _report("# A\n## Education\nB.S., Some University, 2016 - 2020, GPA 3.9, Rank: 30/120 (Top 5%)\n", catalog)
    assert [f.rule_id for f in report.findings if f.rule_id == "MET002"] == ["MET002"]


def test_gain_message_speaks_of_points_only_for_percentages(catalog) -> None:
    latency = _report("Li Ming\nli@example.com\n\nExperience\n- Cut p99 latency from 1,500ms → 300ms (10x faster)\n", catalog)
    (msg,) = [f.message for f in latency.findings if f.rule_id == "MET001"]
    assert msg.startswith("1500ms → 300ms is a difference of 1200ms, 80% relative, 5x"), msg
    rate = _report("Li Ming\nli@example.com\n\nExperience\n- Resolution rate: 60% → 85% (+35 pct)\n", catalog)
    (msg,) = [f.message for f in rate.findings if f.rule_id == "MET001"]
    assert msg.startswith("60% → 85% is 25 points,"), msg


@pytest.mark.parametrize(
    ("summary", "years"),
    [("从业八年，专注推荐系统", 8), ("Nine years' experience in search", 9), ("Experience: 6 years", 6), ("5年+ NLP算法经验", 5)],
)
def test_claimed_years_in_words_reach_the_timeline(summary: str, years: float, catalog) -> None:
    text = f"# 王五\nwangwu@corp.cn\n\n## Summary\n{summary}\n\n## Experience\nAcme, Engineer, 2024.03 - 2025.06\n"
    report = _report(text, catalog)
    [tim] = [f for f in report.findings if f.rule_id == "TIM005"]
    assert f"{years:g} years" in tim.message or f"{years:g} 年" in tim.message
    assert tim.evidence[0].line == 5


def test_research_years_are_no_claim_of_working_years(catalog) -> None:
    text = "# 王五\nwangwu@corp.cn\n\n## 自我评价\n3年科研经验\n\n## 工作经历\nAcme 工程师 2024.03 - 2025.06\n"
    assert not [f for f in _report(text, catalog).findings if f.rule_id == "TIM005"]
