"""CON001 on template text: what the report quotes, and what it leaves alone."""

from __future__ import annotations

from auditor.catalog.examples import as_point
from auditor.engine import audit_text

AS_OF = as_point("2026-08-01")


def _placeholders(text: str) -> list[tuple[int, str]]:
    findings = audit_text(text, only=["CON001"], as_of=AS_OF, strict=True)
    return [(f.evidence[0].line, f.message) for f in findings]


def test_placeholder_quotes_the_blank_not_the_bullet() -> None:
    found = _placeholders("项目经历\n调度优化  2022.07 – 2023.09\n-  支持了 xxx 功能\n-  开发: XXX平台\n")
    assert [line for line, _ in found] == [3, 4]
    assert all(msg.startswith('"xxx"') or msg.startswith('"XXX"') for _, msg in found), found


def test_a_masked_organisation_is_named_as_such_and_a_described_one_is_not_flagged() -> None:
    text = (
        "工作经历\n"
        "某金融科技公司 | 算法工程师 | 2021.07 - 2023.06\n"
        "XX科技 | 数据分析实习生 | 2020.07 - 2020.12\n"
        "XXX大学 | 硕士 | 2018.09 - 2021.06\n"
    )
    found = _placeholders(text)
    assert [line for line, _ in found] == [3, 4]
    assert all("XX大学/XX公司" in msg for _, msg in found), found


def test_template_links_are_quoted_as_written() -> None:
    found = _placeholders("Links\n- https://github.com/your-username\n- https://yourname.github.io/blog\n")
    assert [(line, msg.split('"')[1]) for line, msg in found] == [(2, "github.com/your-username"), (3, "yourname.github")]
