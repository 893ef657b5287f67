"""Section headings, Chinese and English, with or without emoji, markdown or 【】 decoration."""

from __future__ import annotations

from dataclasses import dataclass

import re

from auditor.models import LineLayout
from auditor.parse.dates import find_range
from auditor.parse.text import heading_key, is_underline

HEADINGS: dict[str, list[str]] = {
    "education": [
        "教育背景", "教育经历", "教育", "学历", "学习经历", "教育信息", "education", "education background",
        "academic background", "educations", "学历背景",
    ],
    "work": [
        "工作经历", "工作经验", "职业经历", "任职经历", "工作", "从业经历", "work experience", "professional experience",
        "employment", "employment history", "experience", "work", "industry experience", "working experience",
        "professional appointments", "appointments", "positions", "profession experience", "industry positions",
    ],
    "internship": ["实习经历", "实习经验", "实习", "internship", "internships", "internship experience"],
    "research": [
        "科研经历", "研究经历", "科研经验", "科研项目", "研究项目", "科研", "research experience", "research",
        "research projects", "academic experience", "research positions",
    ],
    "project": [
        "项目经历", "项目经验", "项目", "主要项目", "项目实践", "projects", "project experience", "selected projects",
        "project", "personal projects", "side projects", "open source projects",
    ],
    "publication": [
        "论文发表", "发表论文", "主要发表论文", "学术论文", "论文", "论文与专利", "科研成果", "学术成果", "发表文章",
        "论文成果", "已发表论文", "发表的论文", "代表性论文", "代表论文", "published papers", "publications", "selected publications", "papers", "publication", "conference papers",
        "journal papers", "preprints", "publications and preprints", "research papers", "peer-reviewed publications",
        "manuscripts", "refereed publications",
        # a publication list's own parts, often the only heading a margin-heading CV gives them
        "conferences", "journals", "workshops", "workshop papers", "conference proceedings",
        "refereed conference papers", "journal articles", "会议论文", "期刊论文",
    ],
    "award": [
        "个人荣誉", "荣誉奖项", "所获荣誉", "获奖情况", "获奖经历", "奖项", "荣誉", "奖项与认证", "荣誉奖励", "荣誉与奖项",
        "获奖", "奖励", "所获表彰", "表彰", "honors", "awards", "honors and awards", "awards and honors", "honors & awards",
        "awards & honors", "scholarships", "fellowships", "achievements", "honors and scholarships",
        "awards and scholarships", "scholarships and awards",
    ],
    "competition": ["学术竞赛", "竞赛经历", "比赛经历", "竞赛获奖", "竞赛", "competitions", "competition", "contests"],
    "skills": [
        "专业技能", "技能特长", "技能", "技术栈与能力", "技术能力", "个人技能", "技术栈", "skills", "technical skills",
        "skills and interests", "technical stack", "languages and tools", "programming skills", "技能专长", "专业能力",
    ],
    "summary": [
        "个人简介", "个人总结", "核心竞争力", "自我评价", "个人优势", "个人评价", "核心竞争力与职业目标", "summary", "about",
        "about me", "profile", "objective", "research interests", "interests", "自我介绍", "研究兴趣", "研究方向",
    ],
    "other": [
        "职业规划", "职业目标", "开源与社区", "开源项目", "个人劣势与改进计划", "技术分享", "学术服务", "academic service",
        "service", "teaching", "teaching experience", "talks", "invited talks", "professional service", "reviewer",
        "open source", "activities", "extracurricular activities", "leadership", "references", "news", "其他信息",
        "certificates", "certifications", "volunteer", "societies", "languages", "misc", "miscellaneous",
        "contact", "联系方式", "个人信息", "基本信息",
    ],
}
_LOOKUP = {phrase: kind for kind, phrases in HEADINGS.items() for phrase in phrases}
# A heading no list above names, read by its last word when the line stands as a heading (its layout, a
# '#', an underline, or capitals): '所获表彰', 'Profession Experience'. English 'X Experience' is work
# only when X says so ('Teaching Experience' is not a job).
_ZH_ENDINGS = {
    "教育": "education", "学历": "education", "实习": "internship", "工作": "work", "任职": "work",
    "科研": "research", "研究": "research", "项目": "project", "论文": "publication", "成果": "publication",
    "荣誉": "award", "奖项": "award", "表彰": "award", "竞赛": "competition", "技能": "skills", "专长": "skills",
}
_ZH_ENDING = re.compile(
    r"^[\u4e00-\u9fff]{0,4}(教育|学历|实习|工作|任职|科研|研究|项目|论文|成果|荣誉|奖项|表彰|竞赛|技能|专长)$"
    r"|^[\u4e00-\u9fff]{0,6}?(教育|学历|实习|工作|任职|科研|研究|项目|论文|成果|荣誉|奖项|表彰|竞赛|技能|专长)(?:经历|经验|背景|情况)$"
)
_EN_LAST = {
    "education": "education", "internships": "internship", "publications": "publication", "papers": "publication",
    "awards": "award", "honors": "award", "honours": "award", "skills": "skills", "projects": "project",
}
_WORK_WORDS = {"professional", "profession", "industry", "work", "working", "employment", "job", "career"}


@dataclass
class SectionSpan:
    kind: str
    heading: str
    line: int  # 1-based heading line
    body: list[int]  # 1-based content lines


def heading_kind(line: str, next_line: str = "", layout: LineLayout | None = None, parent_level: int = 0) -> str | None:
    """The section kind a heading line opens, else None. A line with a date range is never a heading,
    nor a Markdown list item ('* Reviewer', '- **技术栈**：')."""
    key = heading_key(line)
    if not key or len(key) > 40 or find_range(line) or _LIST_ITEM.match(line):
        return None
    kind = _phrase_kind(key) or _joined_kind(key)
    if kind or len(key) > 30:
        return kind
    return _unlisted_kind(line, key, next_line, layout, parent_level)


def _unlisted_kind(line: str, key: str, next_line: str, layout: LineLayout | None, parent_level: int) -> str | None:
    """A heading no phrase list names, when the line stands as a heading."""
    if is_underline(next_line):
        return _ending_kind(key) or "other"
    # a heading as high as the one over the section ('## Workshops and Outreach' after '## Experience')
    # closes that section, whatever it names; a deeper one ('## 硕士学位' under '# 教育背景') is inside it
    level = _hash_level(line)
    if level and parent_level and level <= parent_level:
        return _ending_kind(key) or "other"
    if level or _capitals(line) or (layout is not None and layout.heading):
        return _ending_kind(key)
    m = _ZH_ENDING.match(key)  # a plain line: only '…经历/经验/背景' says it is a heading ('学生工作经历')
    return _ZH_ENDINGS[m.group(2)] if m and m.group(2) else None


_LIST_ITEM = re.compile(r"^\s*[-*+]\s")
_HASHES = re.compile(r"^\s*(#{1,6})\s")


def _hash_level(line: str) -> int:
    """The level of a Markdown '#' heading, else 0."""
    m = _HASHES.match(line)
    return len(m.group(1)) if m else 0


def _capitals(line: str) -> bool:
    """'RESEARCH EXPERIENCE': a short line in capitals."""
    s = line.strip()
    return len(s.split()) <= 4 and s.isupper() and sum(c.isalpha() for c in s) >= 4


def _ending_kind(key: str) -> str | None:
    """The kind an unlisted heading names by its last word ('所获表彰', 'Profession Experience')."""
    m = _ZH_ENDING.match(key)
    if m:
        return _ZH_ENDINGS[m.group(1) or m.group(2)]
    words = key.split()
    if not words or len(words) > 4:
        return None
    if words[-1] in ("experience", "experiences"):
        return "work" if words[0] in _WORK_WORDS else "research" if words[0] == "research" else None
    return _EN_LAST.get(words[-1])


def _phrase_kind(phrase: str) -> str | None:
    """The kind one heading phrase names; an English plural counts as its singular
    ('Internship Experiences', 'Research Experiences')."""
    phrase = phrase.strip()
    kind = _LOOKUP.get(phrase)
    if kind is None and phrase.endswith("s"):
        kind = _LOOKUP.get(phrase[:-1])
    return kind


def _joined_kind(key: str) -> str | None:
    """The kind of a heading that joins phrases: 'Education & Experience', '论文与专利', '实习/项目经历'.

    With '/' every part must be a heading phrase: body text is full of slashes
    ('TensorFlow/PyTorch', 'A/B testing'), headings are not. The other joiners keep
    the first phrase when only it is known ('Skills & Tools').
    """
    for sep in ("&", " and ", "/", "、", "与", "及"):
        if sep not in key:
            continue
        kinds = [_phrase_kind(part) for part in key.split(sep)]
        known = [k for k in kinds if k]
        if len(known) == len(kinds):
            return _mixed_kind(known)
        if kinds[0] and sep != "/":
            return kinds[0]
    return None


# A heading naming several kinds of dated entries: the earliest here wins, because it reads the
# entries that the other kinds hold most safely. Entry words refine only some kinds (parse.entries._kind):
# 实习/intern makes any entry an internship, and 项目/竞赛/科研 words move an entry out of a work
# section. So for '工作/项目经历' work lets each entry's words decide. '实习/项目经历' and '科研/项目经历'
# get internship and research: a project read as one of those only counts as time covered (a
# gap check sees less of a gap), whereas an internship read as a project drops out of the timeline
# and its months turn into a gap.
_MIXED_ORDER = ("work", "internship", "research", "project", "competition")


def _mixed_kind(kinds: list[str]) -> str:
    """One kind for a heading that names several; the first named unless all are entry kinds."""
    if all(k in _MIXED_ORDER for k in kinds):
        return min(kinds, key=_MIXED_ORDER.index)
    return kinds[0]


def _front_matter_end(lines: list[str]) -> int:
    """Lines of a YAML front matter block ('---' … '---' at the top of a Markdown page), else 0."""
    if not lines or lines[0].strip() != "---":
        return 0
    for i, line in enumerate(lines[1:80], 2):
        if line.strip() == "---":
            return i
    return 0


def split_sections(lines: list[str], layout: list[LineLayout] | None = None) -> list[SectionSpan]:
    """Sections in order; lines before the first heading (and a front matter block) form the 'header' section."""
    skip = _front_matter_end(lines)
    spans = [SectionSpan("header", "", 0, list(range(1, skip + 1)))]
    facts = layout if layout and len(layout) == len(lines) else None
    for i, line in enumerate(lines, 1):
        if i <= skip:
            continue
        nxt = lines[i] if i < len(lines) else ""
        if is_underline(line) and spans[-1].line == i - 1:
            continue
        parent = _hash_level(spans[-1].heading) if spans[-1].kind != "header" else 0
        kind = heading_kind(line, nxt, facts[i - 1] if facts else None, parent)
        if kind is not None:
            spans.append(SectionSpan(kind, line.strip(), i, []))
        else:
            spans[-1].body.append(i)
    return spans
