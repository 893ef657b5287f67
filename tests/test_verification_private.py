"""VER002 as a reader sees it: which lines it lists as business figures only the employer can confirm."""

from auditor.catalog.examples import as_point
from auditor.engine import audit_text

AS_OF = as_point("2026-08-01")


def _quoted_lines(text: str) -> list[list[int]]:
    return [[e.line for e in f.evidence] for f in audit_text(text, only=["VER002"], as_of=AS_OF, strict=True)]


def test_question_lines_are_not_business_figures() -> None:
    text = (
        "工作经历\n"
        "- 支付网关峰值 QPS 6000+，服务商户 2000 家\n"
        "面试准备\n"
        "- 峰值 QPS 6000+，如果扩展到 6万 QPS 怎么做？\n"
        "- 如何把 1.5亿元 的年成本再降低一半\n"
        "- Why did the team grow to 40 FTE in one year?\n"
    )
    assert _quoted_lines(text) == [[2]]


def test_scholarship_amount_is_not_a_business_figure() -> None:
    text = (
        "Experience\n"
        "- Cut cloud spend by $400,000 a year\n"
        "Awards\n"
        "- Awarded a $12,000 graduate scholarship for research on graph learning\n"
    )
    assert _quoted_lines(text) == [[2]]


def test_only_questions_and_scholarships_leave_nothing_to_confirm() -> None:
    assert _quoted_lines("- 获得校级奖学金 5000 元\n- 如何支撑 1万 QPS？\n") == []
