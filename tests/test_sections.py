"""Section headings in Chinese and English, with and without decoration."""

import pytest

from auditor.catalog import load_catalog
from auditor.ingest import ingest_text
from auditor.parse import parse
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
    ("## Internship Experiences", "internship"),
    ("## Research Experiences <small>[[Show Details]](/personal/research)</small>", "research"),
    ("Publications [[PDF list]](pubs.html)", "publication"),
    ("Awards / Honors", "award"),
    ("Education & Experience", "education"),
    # two entry kinds: the one that reads both kinds of entry most safely (sections._MIXED_ORDER)
    ("## 实习/项目经历", "internship"),
    ("项目/实习经历", "internship"),
    ("科研/项目经历", "research"),
    ("Research / Projects", "research"),
    ("工作/项目经历", "work"),
]


@pytest.mark.parametrize(("line", "kind"), HEADINGS, ids=[h[0] for h in HEADINGS])
def test_heading_kind(line: str, kind: str) -> None:
    assert heading_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "腾讯 - 高级研究员 2023.08 - 至今", "- 熟悉 Python 及 PyTorch 框架", "Education at MIT was fun and I learned a lot there", "其他",
        # a slash in body text joins words that are not headings
        "TensorFlow/PyTorch", "- TensorFlow / PyTorch", "2019/09 - 2020/06", "A/B testing", "- 负责 A/B 测试",
        "Research/Engineering Intern", "C/C++", "/cv/",
    ],
)
def test_not_a_heading(line: str) -> None:
    assert heading_kind(line) is None


def test_underlined_heading_opens_a_section() -> None:
    lines = ["李明", "教育背景", "--------", "清华大学 | 硕士 | 2017.09 - 2020.06"]
    spans = split_sections(lines)
    assert [s.kind for s in spans] == ["header", "education"]
    assert spans[1].body == [4]


@pytest.fixture(scope="module")
def kb():
    return load_catalog().kb


def test_slash_heading_holds_internships_not_degrees(kb) -> None:
    text = """王芳
## 教育背景
示例大学  计算机科学  硕士  2021.09 - 2024.06
## 实习/项目经历
示例科技 - 算法实习生  2022.06 - 2022.09
- 使用 TensorFlow/PyTorch 训练排序模型，A/B 测试点击率提升 3%
示例开源工具  2023.01 - 2023.05
- 个人项目，支持 Markdown/LaTeX 导出
"""
    resume = parse(ingest_text(text), kb).resume
    assert [e.institution for e in resume.education] == ["示例大学"]
    assert [(e.org, e.kind) for e in resume.experience] == [("示例科技", "internship"), ("示例开源工具", "internship")]
    assert [s.heading for s in resume.sections] == ["## 教育背景", "## 实习/项目经历"]


def test_plural_heading_with_trailing_link_opens_its_section(kb) -> None:
    text = """Alex Doe
## Education
Example University, B.S. in Computer Science, Sep 2019 - Jun 2023
## Internship Experiences <small>[[Show Details]](/personal/internship)</small>
Example Corp, Software Engineer Intern, Jun 2022 - Aug 2022
- Built a log search service
"""
    resume = parse(ingest_text(text), kb).resume
    assert [e.institution for e in resume.education] == ["Example University"]
    assert [(e.org, e.kind) for e in resume.experience] == [("Example Corp", "internship")]
