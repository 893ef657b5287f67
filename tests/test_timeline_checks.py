"""Timeline findings as a reader sees them: what a gap counts, which lines an expected date quotes."""

from auditor.catalog.examples import as_point
from auditor.engine import audit_text

AS_OF = as_point("2026-08-01")


def _findings(text: str, rule_id: str):
    return audit_text(text, only=[rule_id], as_of=AS_OF, strict=True)


def test_gap_year_only_degree_covers_its_years() -> None:
    text = """Experience
Acme Corp, ML Engineer  2015.01 – 2016.06
Beta Inc, ML Engineer  2019.09 – 2022.01

Education
University of Oxford, MSc Computer Science  2016 – 2019
"""
    assert _findings(text, "TIM009") == []


def test_gap_year_only_degree_covers_no_more_than_its_years() -> None:
    text = """Experience
Acme Corp, ML Engineer  2015.01 – 2016.06
Beta Inc, ML Engineer  2019.09 – 2022.01

Education
University of Oxford, MSc Computer Science  2016 – 2017
"""
    (gap,) = _findings(text, "TIM009")
    # 2018-01 .. 2019-08 is after the degree's December 2017 and before the next job
    assert gap.message.startswith("20 months pass between Acme Corp")


def test_gap_project_between_jobs_covers_it() -> None:
    text = """工作经历
字节跳动 算法工程师 2018.01 – 2019.06
阿里巴巴 算法工程师 2020.06 – 2022.01

项目经历
开源推理框架 2019.07 – 2020.05
"""
    assert _findings(text, "TIM009") == []


def test_expected_graduation_quotes_the_line_that_states_the_date() -> None:
    text = """教育背景
北京大学, 北京    2019 年9 月– 至今

本科生 计算机科学与技术, 预计 2023 年 7 月毕业
- GPA 3.8/4.0
"""
    (finding,) = _findings(text, "TIM007")
    assert [e.line for e in finding.evidence] == [2, 4]
    assert "预计 2023 年 7 月毕业" in finding.evidence[1].text
    assert "2023-07" in finding.message


def test_expected_graduation_on_the_date_line_quotes_that_line_only() -> None:
    text = """教育背景
清华大学 计算机科学与技术 硕士 2021.09 – 2024.06 (预计)
导师预计 2024 年发表论文
"""
    (finding,) = _findings(text, "TIM007")
    assert [e.line for e in finding.evidence] == [2]


def test_expected_graduation_quotes_the_stated_date_below_the_major_line() -> None:
    text = """教育背景
复旦大学    2019.09 – 至今
本科 计算机科学与技术
预计 2023 年 7 月毕业
- GPA 3.8/4.0
"""
    (finding,) = _findings(text, "TIM007")
    assert [e.line for e in finding.evidence] == [2, 4]
    assert "2023-07" in finding.message


def test_jobs_during_one_degree_are_one_finding_quoting_them_all() -> None:
    text = """Education
Bogazici University, M.S. in Computer Engineering  Sep 2018 - Jan 2022
Experience
Vispera, Computer Vision Research Engineer  Oct 2019 - Aug 2021
Idea Technology, Software Engineer  Aug 2017 - Oct 2019
"""
    (finding,) = _findings(text, "TIM002")
    assert [e.line for e in finding.evidence] == [2, 4, 5]
    assert "Vispera" in finding.message and "Idea Technology" in finding.message
    assert finding.severity == "low"  # employed before the degree began and through all of it


def test_job_begun_during_the_degree_stays_medium() -> None:
    text = """教育背景
清华大学 | 计算机科学与技术 | 硕士 | 2021.09 - 2024.06
工作经历
百度 | 算法工程师 | 2022.03 - 2024.12
"""
    (finding,) = _findings(text, "TIM002")
    assert finding.severity == "medium"


def test_concurrent_roles_ask_how_time_was_split_once_per_group() -> None:
    text = """实习经历
京东 算法实习生 2023.06 – 2023.08
字节跳动 算法实习生 2023.07 – 2023.10
腾讯 算法实习生 2025.01 – 2025.06
微软 研究实习生 2025.03 – 2025.09
"""
    findings = _findings(text, "TIM012")
    assert sorted([e.line for e in f.evidence] for f in findings) == [[2, 3], [4, 5]]
    assert all(f.severity == "info" and "如何分配" in f.questions[0] for f in findings)
