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

