"""MET004 as a reader sees it: a rate above 100% is reported with the figure as the resume writes it."""

from auditor.catalog.examples import as_point
from auditor.engine import audit_text

AS_OF = as_point("2026-08-01")


def _messages(text: str) -> list[str]:
    return [f.message for f in audit_text(text, only=["MET004"], as_of=AS_OF, strict=True)]


def test_rate_with_thousands_separator_is_read_whole() -> None:
    messages = _messages("- 检索召回率 1,050%，覆盖 20 个业务线")
    assert len(messages) == 1 and "1,050%" in messages[0]


def test_rate_in_a_before_after_is_checked() -> None:
    assert _messages("- Intent F1 92% → 104% after reranking") == ["F1 is given as 104%, which cannot exceed 100%."]


def test_increase_with_thousands_separator_is_not_a_rate() -> None:
    assert _messages("- 召回率提升 1,050%，准确率 97%") == []
