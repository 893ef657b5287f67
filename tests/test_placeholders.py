"""CON001 on template text: what the report quotes, and what it leaves alone."""

from __future__ import annotations

from auditor.catalog.examples import as_point
from auditor.engine import audit_text

AS_OF = as_point("2026-08-01")


def _placeholders(text: str) -> list[tuple[list[int], str]]:
    findings = audit_text(text, only=["CON001"], as_of=AS_OF, strict=True)
    return [([e.line for e in f.evidence], f.message) for f in findings]


def test_one_finding_per_kind_quotes_every_line_and_names_the_blank() -> None:
    found = _placeholders("项目经历\n调度优化  2022.07 – 2023.09\n-  支持了 xxx 功能\n-  开发: XXX平台\n")
    assert found == [([3, 4], found[0][1])]
    assert found[0][1].startswith('"xxx", "XXX"'), found


def test_a_masked_organisation_is_named_as_such_and_a_described_one_is_not_flagged() -> None:
    text = (
        "工作经历\n"
        "某金融科技公司 | 算法工程师 | 2021.07 - 2023.06\n"
        "XX科技 | 数据分析实习生 | 2020.07 - 2020.12\n"
        "XXX大学 | 硕士 | 2018.09 - 2021.06\n"
    )
    found = _placeholders(text)
    assert [lines for lines, _ in found] == [[3, 4]]
    assert "XX大学/XX公司" in found[0][1], found


def test_template_links_are_quoted_as_written() -> None:
    found = _placeholders("Links\n- https://github.com/your-username\n- https://yourname.github.io/blog\n")
    assert [(lines, msg.split('"')[1]) for lines, msg in found] == [([2], "github.com/your-username"), ([3], "yourname.github")]


def test_two_kinds_on_one_line_are_both_reported() -> None:
    found = _placeholders("王小明\n手机：138XXXXXXXX | 邮箱：yourname@gmail.com\n")
    assert sorted(msg.split('"')[1] for _, msg in found) == ["138XXXXXXXX", "yourname@gmail.com"]
    assert all(lines == [2] for lines, _ in found)


def test_bracketed_prompts_in_either_language_are_one_finding() -> None:
    text = (
        "Experience\n"
        "[Company Name] | Data Scientist | 2021 - 2023\n"
        "- Portfolio: (add link here)\n"
        "工作经历\n"
        "【公司名称】 | 【职位】 | 2020.07 - 2022.06\n"
        "<职位>  2019.07 - 2020.06\n"
    )
    found = _placeholders(text)
    assert [lines for lines, _ in found] == [[2, 3, 5, 6]]


def test_labels_followed_by_their_value_and_markdown_links_are_not_prompts() -> None:
    text = (
        "项目经历\n"
        "【项目名称】智能客服系统  2023.03 - 2023.09\n"
        "【技术深度】召回率提升 12%\n"
        "- Demo: [Project Page](https://example.org/demo)\n"
        "**姓名：** 王磊\n"
        "- 获得 ***大学生创新创业大赛*** 一等奖\n"
    )
    assert _placeholders(text) == []


def test_a_partly_masked_phone_is_a_privacy_choice_not_a_blank() -> None:
    assert _placeholders("王小明\n手机：138****1234\n电话：138XXXX1234\n") == []


def test_masks_of_other_characters_are_reported() -> None:
    found = _placeholders("教育背景\n○○大学 计算机学院 2018 - 2022\n导师：***教授\n")
    assert [lines for lines, _ in found] == [[2, 3]]
