"""Before→after figures and the gain stated beside them, as resumes write them:
'60% → 85% (+25 pct)', 'cut p99 latency by 67% (1.8 s → 0.6 s)', 'F1 由 0.71 提升至 0.78（+7 个点）',
'from 1.8s to 0.6s, a 67% reduction', '耗时由 3 小时缩短到 20 分钟', or a results-table row
'| Recall@10 | 0.62 | 0.71 | +14.5% |'.

A change needs a joining word that says so: an arrow, a verb of change (降至, 提升至, reduced …
to), or 'from/从/由 … to/到'. Bare 'to'/'到' between unitless numbers is a range or an idiom
('3 to 5 years', '从 0 到 1'), and two years ('from 2019 to 2021') are a span of time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Protocol

from auditor.parse.claim_numbers import NUM, number

UNIT = r"(%|％|ms|毫秒|s|秒|分钟|min|小时|h|[KMGT]i?B|pp|个百分点|x|倍|k|K|w|W|万|亿|/5(?:\.0)?|/10|/100)?"
ARROW = r"(?:→|->|=>|⇒|➔|➜|\s+to\s+|降至|降低至|降低到|降到|提升至|提升到|提高至|提高到|增加至|增加到|增长至|增长到|减少至|减少到|压降至|缩短至|缩短到|优化至|优化到|上升至|上升到|下降至|下降到|至|到)"
BEFORE_AFTER = re.compile(rf"(?:从\s*)?(?:[^\d\s]{{0,8}}?)\s*(?<![A-Za-z\d.]){NUM}\s*{UNIT}\s*{ARROW}\s*{NUM}\s*{UNIT}", re.I)
HAS_ARROW = re.compile(ARROW, re.I)
_SYMBOL = re.compile(r"→|->|=>|⇒|➔|➜")
_CHANGE_WORD = re.compile(r"从|由|降|提|增|减|缩|优化|上升|下降|\sto\s", re.I)
_VERB_ARROW = re.compile(r"[降提增减缩优上下][^\d]{0,3}[至到]")
_FROM_BEFORE = re.compile(r"(?:\bfrom|从|由)\s*$", re.I)
_SIGN = r"[+\-−↑↓]"
# a results-table row: two figures, then a signed change in the next cell ('| 0.62 | 0.71 | +14.5% |')
TABLE_ROW = re.compile(rf"\|\s*{NUM}\s*{UNIT}\s*\|\s*{NUM}\s*{UNIT}\s*(?=\|\s*{_SIGN}\s*\d)", re.I)
# the same row with its pipes lost (PDF): figures that carry a decimal point or a unit, then the signed change
# (the sign is written against its number: '2016.08 - 2019.12' is a date range)
BARE_ROW = re.compile(rf"(?<![\w.,+\-−/]){NUM}\s*{UNIT}\s+{NUM}\s*{UNIT}(?=\s+{_SIGN}\d[\d.]*\s*(?:%|pp|pts?)?(?:\s|$))", re.I)

_SIGNED = re.compile(r"\s[+\-−]\d")  # what every bare row has: most lines have none

# seconds per time unit: '1.5s → 300ms' is compared in one unit
_SECONDS = {"ms": 0.001, "毫秒": 0.001, "s": 1.0, "秒": 1.0, "min": 60.0, "分钟": 60.0, "h": 3600.0, "小时": 3600.0}


def _after_range_dash(text: str, pos: int) -> bool:
    """Does text[:pos] end in a digit, a dash or tilde, and spaces (the regex r"\\d\\s*[-–~]\\s*$")?

    Read backwards from pos: the regex on text[:pos] re-read the line for every figure in it.
    """
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0 or text[i] not in "-–~":
        return False
    i -= 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i >= 0 and text[i].isdecimal()


def _same_unit(before: float, after: float, a_unit: str | None, b_unit: str | None) -> tuple[float, float, str | None] | None:
    """The two figures in one unit ('3 小时 → 20 分钟' is 180 → 20 分钟), or None when they measure different things."""
    if not (a_unit and b_unit) or a_unit.lower() == b_unit.lower():
        return before, after, b_unit or a_unit
    a, b = _SECONDS.get(a_unit.lower()), _SECONDS.get(b_unit.lower())
    if a is None or b is None:
        return None
    small = min(a, b)
    return before * a / small, after * b / small, a_unit if a <= b else b_unit


def _is_years_or_idiom(before: float, after: float) -> bool:
    return (1900 <= before <= 2100 and 1900 <= after <= 2100) or (before == 0 and after == 1)


def find_changes(text: str) -> Iterator[tuple[int, int, float, float, str | None]]:
    """Every before→after of a line as (start, end, before, after, unit), figures in one unit."""
    if HAS_ARROW.search(text):  # most lines have no arrow word, and the pattern is the costliest
        for m in BEFORE_AFTER.finditer(text):
            found = _read(text, m, m.group(2), m.group(4))
            if found:
                yield found
    if "|" in text:
        for m in TABLE_ROW.finditer(text):
            found = _read(text, m, m.group(2), m.group(4), row=True)
            if found:
                yield found
    for m in BARE_ROW.finditer(text) if _SIGNED.search(text) else ():
        dates = all(re.fullmatch(r"(?:19|20)\d\d(?:\.\d{1,2})?", g) for g in (m.group(1), m.group(3)))
        if not dates and (("." in m.group(1) and "." in m.group(3)) or m.group(2) or m.group(4)):
            found = _read(text, m, m.group(2), m.group(4), row=True)
            if found:
                yield found


def _read(text: str, m: re.Match[str], a_unit: str | None, b_unit: str | None, row: bool = False) -> tuple[int, int, float, float, str | None] | None:
    before, after = number(m.group(1)), number(m.group(3))
    same = _same_unit(before, after, a_unit, b_unit)
    if same is None or _after_range_dash(text, m.start(1)):  # "12%~18%" is a range, not a change
        return None
    if not row and not _joined_as_change(text, m, bool(a_unit or b_unit)):
        return None
    if not (a_unit or b_unit) and _is_years_or_idiom(before, after):
        return None
    return m.start(1), m.end(), same[0], same[1], same[2]


def _joined_as_change(text: str, m: re.Match[str], has_unit: bool) -> bool:
    whole = m.group(0)
    if _SYMBOL.search(whole):
        return True
    if has_unit:
        return bool(_CHANGE_WORD.search(whole))
    # unitless figures: a verb of change as the arrow ('提升至'), or 'from/从/由 … to/到'
    joint = text[m.end(1) : m.start(3)]
    return bool(_VERB_ARROW.search(joint) or _FROM_BEFORE.search(text[max(0, m.start(1) - 8) : m.start(1)]))


class _Figure(Protocol):
    kind: str
    start: int
    end: int
    value: float | None


_GAIN_KINDS = ("pp", "percent", "multiplier")
_VERB = r"(?<![A-Za-z])(?:提升|提高|增加|增长|降低|减少|下降|缩短|降幅|增幅|涨幅|提速|加速|优化|up|down|improv\w*|reduc\w*|cut(?:ting)?|increas\w*|decreas\w*|boost\w*|by)"
# Between the figures and a gain after them, spaces trimmed: '(+25 pct)', '(↓67%)', '，下降 62.5%',
# ', -67%', '| +14.5%', ', a 67% reduction'. (Gaps are trimmed first, so no pattern starts or ends in
# spaces: a search over a run of spaces would re-read it from every space.)
_GAP_AFTER = re.compile(
    rf"(?:[A-Za-z/]{{1,8}}\s?)?[(\[]\s?(?:{_VERB}\s?(?:了|by|of)?\s?)?{_SIGN}?"
    rf"|(?:[,，;；]\s?)?{_VERB}(?:\s?(?:了|达|约|by|of))?(?:\s?[:：])?(?:\s?{_SIGN})?"
    rf"|[,，;；|]?\s?{_SIGN}|(?:[,，]\s?)?an?",
    re.I,
)
_NOUN_AFTER = re.compile(r" ?(?:reduction|improvement|increase|decrease|drop|gain|speed-?up|lower|higher|faster|less|more)\b", re.I)
# Between a gain and the figures after it, trimmed: '67% (1.8 s → 0.6 s)', '7 个点：0.71 → 0.78',
# '5x faster (450ms → 90ms)', 'by 7 pts, from 71% to 78%'
_GAP_BEFORE = re.compile(
    r"(?:(?:faster|slower|lower|higher|less|more|better|fewer|smaller|larger|speed-?up|reduction|improvement|"
    r"increase|decrease|gain|drop)\s?)?(?:[(\[:：](?:\s?(?:from|从|由))?|(?:[,，]\s?)?(?:from|从|由))",
    re.I,
)
# in the clause before a percent: a verb of change says it is a gain ('reduced p95 latency 40%'),
# unless the percent is where something got to ('improved accuracy to 95%')
_GAIN_WORD_BEFORE = re.compile(rf"{_VERB}|{_SIGN}\s?$", re.I)
_LEVEL_BEFORE = re.compile(r"(?:(?<![A-Za-z])(?:to|at|reach\w*)|至|到|达到|为|是)\s?$", re.I)


def stated_gain(text: str, figures: Sequence[_Figure], i: int) -> _Figure | None:
    """The gain stated beside the before→after figures[i] (its neighbour in the same clause), or None.

    A percent before the figures counts only as a gain ('by 67%', '降低 67%', '67% lower'): a level
    ('accuracy 95% (0.71 → 0.78)') is not one.
    """
    r = figures[i]
    if i + 1 < len(figures) and figures[i + 1].kind in _GAIN_KINDS:
        nxt = figures[i + 1]
        gap = text[r.end : nxt.start].strip()
        if _GAP_AFTER.fullmatch(gap) and (not gap.lower().endswith(("a", "an")) or _NOUN_AFTER.match(text, nxt.end)):
            return nxt
    if i > 0 and figures[i - 1].kind in _GAIN_KINDS:
        prev = figures[i - 1]
        if _GAP_BEFORE.fullmatch(text[prev.end : r.start].strip()) and (
            prev.kind != "percent"
            or _said_as_gain(text[max(0, prev.start - 30) : prev.start])
            or _NOUN_AFTER.match(text, prev.end)
        ):
            return prev
    return None


def _said_as_gain(left: str) -> bool:
    """Is a percent after `left` (the text before it) stated as a gain?"""
    clause = re.split(r"[,，;；:：()]", left)[-1].rstrip()
    return not _LEVEL_BEFORE.search(clause) and bool(_GAIN_WORD_BEFORE.search(clause))
