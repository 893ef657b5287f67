"""Section headings in Chinese and English, with and without decoration."""

import pytest

from auditor.parse.sections import heading_kind, split_sections

HEADINGS = [
    ("🎓 教育背景", "education"),
    ("## 教育经历", "education"),
    ("【教育背景】", "education"),
    ("⚙️ 科研经历", "research"),
    ("💼 实习经历", "internship"),
    ("〈/〉项目经历", "project"),
    ("工作经验", "work"),
    ("🏆 个人荣誉", "award"),
    ("论文与专利", "publication"),
    ("主要发表论文", "publication"),
    ("技能特长", "skills"),
    ("学术竞赛", "competition"),
    ("Education", "education"),
    ("**Work Experience**", "work"),
    ("### Selected Publications", "publication"),
    ("Honors & Awards", "award"),
    ("Skills:", "skills"),
    ("RESEARCH EXPERIENCE", "research"),
]


@pytest.mark.parametrize(("line", "kind"), HEADINGS, ids=[h[0] for h in HEADINGS])
def test_heading_kind(line: str, kind: str) -> None:
    assert heading_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    ["腾讯 - 高级研究员 2023.08 - 至今", "- 熟悉 Python 及 PyTorch 框架", "Education at MIT was fun and I learned a lot there", "其他"],
)
def test_not_a_heading(line: str) -> None:
    assert heading_kind(line) is None


def test_underlined_heading_opens_a_section() -> None:
    lines = ["李明", "教育背景", "--------", "清华大学 | 硕士 | 2017.09 - 2020.06"]
    spans = split_sections(lines)
    assert [s.kind for s in spans] == ["header", "education"]
    assert spans[1].body == [4]
