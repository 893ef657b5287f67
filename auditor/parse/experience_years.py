"""Years of experience the candidate claims, as resumes write them: '5年经验', '从业八年',
'5年+ NLP算法经验', 'nine years' experience', '8 yrs exp', 'Experience: 6 years', '工作年限：5年'.

Read only in the header and the summary, where the claim is about the whole career; a research,
study or internship experience ('3年科研经验', '2 years of research experience') is not a claim
of working years and is left out (the timeline compares the claim with full-time jobs).
"""

from __future__ import annotations

import re

from auditor.parse.claim_numbers import EN_WORD, ZH_WORD, word_value
from auditor.parse.sections import SectionSpan
from auditor.parse.text import strip_markup

_N = rf"(?<![\d.])\d{{1,2}}(?:\.\d+)?(?![\d.])|{EN_WORD}\b|{ZH_WORD}"
_YEARS_EN = r"(?:years?|yrs?)\b\.?"
_PLUS = r"(?:\s*\+|\s*以上|多)?"

# '5+ years of hands-on ML experience', 'nine years' experience', '8 yrs exp', '6 years industry experience'
_EN = re.compile(
    rf"(?<![A-Za-z])(?:over\s+|about\s+|nearly\s+|almost\s+)?({_N})\s*\+?\s*{_YEARS_EN}\s*\+?"
    r"(?:['’]s?)?((?:\s+of(?:\s+[A-Za-z][\w/&+.\-]*){0,4}?)|(?:\s+[A-Za-z][\w/&+.\-]*){0,2}?)\s+(?:experience|exp)\b",
    re.I,
)
# 'over a decade of experience', 'two decades of experience'
_DECADES = re.compile(r"(?<![A-Za-z])(a|one|two)\s+decades?\s+of(?:\s+[A-Za-z][\w/&+.\-]*){0,4}?\s+experience\b", re.I)
# '5年经验', '5年+ NLP算法经验', '三年半大模型相关工作经验'
_ZH = re.compile(rf"({_N})\s*(年半|年){_PLUS}\s*的?\s*([A-Za-z\u4e00-\u9fff+#/&\- ]{{0,14}}?)经验")
# '从业八年', '工作 5 年以上', '已工作三年半'
_WORKED = re.compile(rf"(?:从业|工作了?)\s*({_N})\s*(年半|年)(?!龄|限|级)")
# 'Experience: 6 years', '工作年限：5年', 'Years of experience: 6', 'YOE: 6'
_KEYED = re.compile(
    rf"(?:(years\s+of\s+experience|yoe|工作年限|从业年限|工龄)|(?<![A-Za-z])(?:experience|exp)(?=\s*[:：])|工作经验|从业经验|经验)"
    rf"\s*[:：]?\s*(?:over\s+|about\s+|超过|近|约)?({_N})\s*\+?\s*({_YEARS_EN}|年半|年)?",
    re.I,
)
# experience that is not working years
_NOT_WORK = re.compile(r"research|teaching|academic|intern|volunteer|stud|科研|研究|学习|留学|实习|教学|志愿|竞赛|学术", re.I)


def _half(suffix: str | None) -> float:
    return 0.5 if suffix == "年半" else 0.0


def years_in(text: str) -> float | None:
    """The years of experience one line claims, or None."""
    for m in _KEYED.finditer(text):
        if m.group(1) or m.group(3):  # 'Experience: 6' alone may count projects
            return _value(m.group(2), _half(m.group(3)))
    for m in _EN.finditer(text):
        if not _NOT_WORK.search(m.group(2) or ""):
            return _value(m.group(1), 0.0)
    decades = _DECADES.search(text)
    if decades:
        return 20.0 if decades.group(1).lower() == "two" else 10.0
    for m in _ZH.finditer(text):
        if not _NOT_WORK.search(m.group(3)):
            return _value(m.group(1), _half(m.group(2)))
    m = _WORKED.search(text)
    return _value(m.group(1), _half(m.group(2))) if m else None


def _value(word: str, extra: float) -> float | None:
    value = word_value(word)
    return None if value is None else value + extra


def claimed_years(lines: list[str], sections: list[SectionSpan]) -> tuple[float | None, int | None]:
    """The first claim of years of experience in the header or the summary, with its line."""
    wanted = {n for s in sections if s.kind in ("header", "summary") for n in s.body}
    for n in sorted(wanted):
        text = strip_markup(lines[n - 1])
        if not _HINT.search(text):
            continue
        value = years_in(text)
        if value is not None and 0 < value <= 50:
            return value, n
    return None, None


_HINT = re.compile(r"经验|从业|工作|工龄|experience|\bexp\b|\byoe\b", re.I)
