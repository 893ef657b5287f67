"""Competition ranks in the forms resumes write them: '12/950', '#7/410', '7th/410',
'placed 12 out of 950', 'ranked 3rd of 1,200 teams', 'among 950 teams, ranked 12th',
'第 9 名（共 880 支队伍）', '在 880 支队伍中位列第 9'.

A rank is a position and the size of the field. Either the position comes with a rank word
(ranked, placed, 第…名, 排名, #) or the field with a word for who took part (teams, 队伍, 参赛者):
'3 of 5 papers', '1/2 time', 'GPA 3.8/4.0', 'v1.2/2.0', '2023/2024' and '第一作者' are no ranks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# '12/1,234': a position over a field of 2 to 6 digits, never part of a decimal or a longer figure
RANK = re.compile(r"(?<![\d.])(\d{1,5})\s*/\s*(\d{1,3}(?:,\d{3})+|\d{2,6})(?![\d.])")
# '7th/410', '3rd / 1,200'
_ORDINAL_SLASH = re.compile(r"(?<![\d.])(\d{1,5})(?:st|nd|rd|th)\s*/\s*(\d{1,3}(?:,\d{3})+|\d{2,6})(?![\d.])", re.I)
_FIELD = r"(\d{1,3}(?:,\d{3})+|\d{2,6})(?![\d.])\s*\+?"
_PEOPLE_EN = r"(?:teams?|participants|entrants|entries|competitors|contestants|players|submissions|groups)\b"
# '12 out of 950', '3rd of 1,200 teams', '12th among 950', '3rd place among 420'
_OF = re.compile(
    rf"(?<![\d.])(\d{{1,5}})((?:st|nd|rd|th)?(?:\s+place)?)\s+(?:out\s+of|of|among)\s+(?:over\s+|more\s+than\s+|nearly\s+|about\s+)?{_FIELD}(\s*{_PEOPLE_EN})?",
    re.I,
)
# 'among 950 teams, ranked 12th', 'out of 2,000+ participants we placed 15th'
_FIELD_FIRST = re.compile(
    rf"(?:among|out\s+of|of|from|in\s+a\s+field\s+of)\s+(?:over\s+|more\s+than\s+|nearly\s+|about\s+)?{_FIELD}\s*{_PEOPLE_EN}"
    r"[^\d]{0,24}?(?:rank(?:ed|ing)?|plac(?:ed|ing)|finish(?:ed|ing)|came|position)\s*(?:#|No\.?\s*)?(\d{1,5})(?:st|nd|rd|th)?(?![\d.])",
    re.I,
)
_PEOPLE_ZH = r"(?:支|个)?(?:参赛)?(?:队伍|战队|团队|队|名选手|位选手|名参赛者|位参赛者|名参赛选手|份提交|人参赛)"
# '第 9 名（共 880 支队伍）', '第9名/880队'
_ZH_RANK_FIRST = re.compile(rf"第\s*(\d{{1,5}})\s*名[^\d第]{{0,10}}?(?<![\d.])(\d{{1,3}}(?:,\d{{3}})+|\d{{2,6}})(?![\d.])\s*\+?\s*{_PEOPLE_ZH}")
# '在 880 支队伍中位列第 9', '共 880 支队伍参赛，排名第 9 名'
_ZH_FIELD_FIRST = re.compile(
    rf"(?<![\d.,])(\d{{1,3}}(?:,\d{{3}})+|\d{{2,6}})(?![\d.])\s*\+?\s*{_PEOPLE_ZH}[^\d第]{{0,14}}?"
    r"(?:排名|位列|名列|位居|获得?|取得|荣获)?\s*第\s*(\d{1,5})(?![\d.])(?!\s*(?:作者|届|期|轮|批|次|年|季|阶段|章|节))"
)

_RANK_BEFORE = re.compile(
    r"排名|rank|名次|top|第|金牌|银牌|铜牌|medal|place|位列|名列|位居|#\s*$|No\.\s*$|[(（]$|,\s*$|，\s*$", re.I
)
_RANK_WORD_BEFORE = re.compile(r"rank|plac|finish|came|position|standing|排名|名次|位列|名列|位居|#\s*$|No\.\s*$", re.I)
_SCORE_BEFORE = re.compile(r"成绩|分数|score|grade|gpa|均分", re.I)
_PEOPLE_AFTER = re.compile(r"^\s*(?:teams?|队|名|支队伍|participants)", re.I)


def _n(text: str) -> float:
    return float(text.replace(",", ""))


def _years(a: float, b: float) -> bool:
    """'2023/2024' is a span of years, never a rank."""
    return 1900 <= a <= 2100 and 1900 <= b <= 2100


def is_rank(text: str, m: re.Match[str]) -> bool:
    """n/N is a rank when a rank word stands just before it, or teams/medal words right after;
    never a grade ('学业成绩: 93/100', 'GPA 3.8/4.0' is not matched at all)."""
    pos, field = _n(m.group(1)), _n(m.group(2))
    if pos == 0 or pos > field or _years(pos, field):
        return False
    before = text[max(0, m.start() - 14) : m.start()]
    after = text[m.end() : m.end() + 8]
    if _SCORE_BEFORE.search(before) and not re.search(r"排名|rank", before, re.I):
        return False
    return bool(_RANK_BEFORE.search(before) or _PEOPLE_AFTER.search(after))


def find_ranks(text: str) -> Iterator[tuple[int, int, float, float]]:
    """Every rank of a line as (start, end, position, field size), in any of the forms above."""
    if "/" in text:
        for m in RANK.finditer(text):
            if is_rank(text, m):
                yield m.start(), m.end(), _n(m.group(1)), _n(m.group(2))
        for m in _ORDINAL_SLASH.finditer(text):
            yield from _checked(m.start(), m.end(), m.group(1), m.group(2))
    if not _HINT.search(text):
        return
    for m in _OF.finditer(text):
        before = text[max(0, m.start() - 20) : m.start()]
        if _RANK_WORD_BEFORE.search(before) or (m.group(2) and m.group(4)) or "place" in m.group(2).lower():
            yield from _checked(m.start(), m.end(), m.group(1), m.group(3))
    for m in _FIELD_FIRST.finditer(text):
        yield from _checked(m.start(), m.end(), m.group(2), m.group(1))
    for m in _ZH_RANK_FIRST.finditer(text):
        yield from _checked(m.start(), m.end(), m.group(1), m.group(2))
    for m in _ZH_FIELD_FIRST.finditer(text):
        yield from _checked(m.start(), m.end(), m.group(2), m.group(1))


def _checked(start: int, end: int, pos_text: str, field_text: str) -> Iterator[tuple[int, int, float, float]]:
    pos, field = _n(pos_text), _n(field_text)
    if 0 < pos <= field and not _years(pos, field):
        yield start, end, pos, field


# the words every form but 'n/N' needs: most lines have none, and the patterns need not run
_HINT = re.compile(r"\d(?:st|nd|rd|th)?\s+(?:out\s+of|of|among)\s|among|out\s+of|field\s+of|第", re.I)
