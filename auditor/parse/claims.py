"""Claims: every number-bearing statement, with its kind, line and whether the public can check it.

Stars, downloads, citations, competition ranks and papers are public; internal metrics
(percentages, latency, QPS, money, headcount) only the candidate's employer can confirm, and a
class rank ('专业排名 3/120', 'GPA 3.9, Top 5%') only the school.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from auditor.models import Claim
from auditor.parse.text import strip_markup

# A number; '1,234' and '12,345,678' are read whole: after the first 1-3 digits, groups of exactly
# three digits behind an ASCII comma (the full-width '，' separates two numbers, and '1,2,3' or
# '2023,2024' are lists). It never starts inside a digit run or a comma group: no '500' out of
# '8,500', and a search does not re-read a long digit run from every digit in it (quadratic:
# 67 s for 5,000 digits).
# The checks sit after the first digit, so the pattern starts with \d and the regex engine skips
# straight to digits instead of trying the assertions at every position of the line.
_NOT_INSIDE_NUMBER = r"(?<!\d\d)(?!(?<=\d,\d)\d\d(?!\d))"
_NUM = r"(\d" + _NOT_INSIDE_NUMBER + r"(?:\d{0,2}(?:,\d{3})+(?!\d)|\d*)(?:\.\d+)?)"
_UNIT = r"(%|％|ms|毫秒|s|秒|分钟|min|小时|h|pp|个百分点|x|倍|k|K|w|W|万|亿|/5(?:\.0)?|/10|/100)?"
ARROW = r"(?:→|->|=>|⇒|➔|➜|\s+to\s+|降至|降低至|降低到|降到|提升至|提升到|提高至|提高到|增加至|增加到|增长至|增长到|减少至|减少到|压降至|缩短至|缩短到|优化至|优化到|上升至|上升到|下降至|下降到|至|到)"
BEFORE_AFTER = re.compile(rf"(?:从\s*)?(?:[^\d\s]{{0,8}}?)\s*(?<![A-Za-z\d.]){_NUM}\s*{_UNIT}\s*{ARROW}\s*{_NUM}\s*{_UNIT}", re.I)
_HAS_ARROW = re.compile(ARROW, re.I)
PERCENT = re.compile(rf"{_NUM}\s*[%％]")
PP = re.compile(rf"{_NUM}\s*(?:pp\b|个百分点|pct\b|percentage points?)", re.I)
MULT = re.compile(rf"(?<![\w.]){_NUM}\s*(?:x|×|倍)(?![A-Za-z\d])", re.I)
STARS = re.compile(rf"{_NUM}\s*([kK千w万]?)\s*\+?\s*(?:个)?\s*(?:github\s*)?(?:stars?|星标|star数|⭐|颗星)|(?:stars?|星标)\s*[:：]?\s*{_NUM}\s*([kK千w万]?)", re.I)
DOWNLOADS = re.compile(rf"(?:下载量?|downloads?)\s*[:：]?\s*(?:超过?|达)?\s*{_NUM}\s*([kK千w万]?)|{_NUM}\s*([kK千w万]?)\s*\+?\s*(?:次)?(?:下载|downloads?)", re.I)
CITATIONS = re.compile(rf"(?:被引(?:用)?(?:数|量|次数)?|引用(?:数|量|次数)?|citations?|cited)\s*(?:超过?|达|超)?\s*[:：]?\s*{_NUM}\s*([kK千w万]?)|{_NUM}\s*([kK千w万]?)\s*\+?\s*(?:次)?(?:被?引用|citations?)", re.I)
QPS = re.compile(rf"(?:QPS|TPS|RPS)\s*[:：]?\s*(?:达到?|超过?)?\s*{_NUM}\s*([kK千w万]?)|{_NUM}\s*([kK千w万]?)\s*\+?\s*(?:QPS|TPS|RPS)", re.I)
LATENCY = re.compile(rf"(?:P9[059]|延迟|时延|latency|响应时间|耗时)[^\d，,。；]{{0,12}}?{_NUM}\s*(ms|毫秒|s|秒)(?![a-z])", re.I)
MONEY = re.compile(rf"{_NUM}\s*(亿|万|千万|百万|million|billion|[kKmM])?\s*(?:元|美元|人民币|RMB|USD|/年)|[$¥￥]\s*{_NUM}\s*([kKmMbB]|million|billion)?|{_NUM}\s*(亿|千万)", re.I)
HEADCOUNT = re.compile(rf"{_NUM}\s*\+?\s*(?:FTE|人(?:的)?团队|名(?:工程师|成员)|人力)|(?:团队|带领|管理)\s*{_NUM}\s*\+?\s*人", re.I)
TOKENS = re.compile(rf"{_NUM}\s*([BMKT万亿]?)\s*(?:tokens?|token)", re.I)
USERS = re.compile(rf"(?:日活|DAU|MAU|月活|用户数?)\s*[:：]?\s*(?:已达|达到?|超过?)?\s*{_NUM}\s*([kK千w万亿]?)|{_NUM}\s*([kK千w万亿]?)\s*\+?\s*(?:日活|DAU|MAU|用户)", re.I)
RANK = re.compile(r"(?<![\d.])(\d{1,5})\s*/\s*(\d{1,3}(?:,\d{3})+|\d{2,6})(?![\d.])")  # 12/1,234 teams
TOP = re.compile(r"(?:top|前)\s*(\d+(?:\.\d+)?)\s*%", re.I)

PUBLIC_KINDS = {"stars", "downloads", "citations", "rank", "top_percent", "competition"}
STANDING_KINDS = {"rank", "top_percent"}  # public on a leaderboard, private among classmates
# a rank among classmates: grades, the major, the class, an exam, a degree
SCHOOL_WORDS = re.compile(
    r"gpa|绩点|均分|成绩|学业|专业|年级|班级|学院|本科|研究生|学士|硕士|博士|\bclass\b|\bcohort\b|\bmajor\b|\bexams?\b|"
    r"bachelor|master|ph\.?\s?d\b|\b[BM]\.\s?(?:S|Sc|E|Eng|A)\b",
    re.I,
)
# a rank on a leaderboard, even on a line of the education section
COMPETITION_WORDS = re.compile(
    r"赛|kaggle|天池|leaderboard|challenge|competition|contest|hackathon|olympiad|\bcup\b|\bacm\b|icpc|"
    r"medal|金牌|银牌|铜牌|[一二三特]等奖|\bteams?\b|队",
    re.I,
)
# A figure on a line about the advisor, the lab or the team ("导师：X教授（引用量1.2万+）") is not
# the candidate's own: checks that compare it with the candidate's profile leave it out.
ABOUT_OTHERS = re.compile(r"导师|指导|advisor|supervisor|实验室|lab\b|团队|group", re.I)

SCALE = {"k": 1e3, "千": 1e3, "w": 1e4, "万": 1e4, "亿": 1e8, "m": 1e6, "b": 1e9, "t": 1e12, "million": 1e6, "billion": 1e9}


def is_rank(text: str, m: re.Match[str]) -> bool:
    """n/N is a rank when a rank word stands just before it, or teams/medal words right after;
    never a grade ('学业成绩: 93/100', 'GPA 3.8/4.0' is not matched at all)."""
    if number(m.group(1)) == 0 or number(m.group(1)) > number(m.group(2)):
        return False
    before = text[max(0, m.start() - 14) : m.start()]
    after = text[m.end() : m.end() + 8]
    if re.search(r"成绩|分数|score|grade|gpa|均分", before, re.I) and not re.search(r"排名|rank", before, re.I):
        return False
    return bool(
        re.search(r"排名|rank|名次|top|第|金牌|银牌|铜牌|medal|place|[(（]$|,\s*$|，\s*$", before, re.I)
        or re.search(r"^\s*(?:teams?|队|名|支队伍|participants)", after, re.I)
    )


@dataclass
class _Raw:
    kind: str
    start: int
    end: int
    value: float | None = None
    before: float | None = None
    after: float | None = None
    unit: str | None = None


def number(text: str) -> float:
    """The value of a figure as written, thousands separators included ('8,500' is 8500)."""
    return float(text.replace(",", ""))


def _scaled(num: str | None, scale: str | None) -> float | None:
    if num is None:
        return None
    return number(num) * SCALE.get((scale or "").lower(), 1.0)


def _first(m: re.Match[str]) -> tuple[str | None, str | None]:
    groups = [g for g in m.groups()]
    for i in range(0, len(groups), 2):
        if groups[i] is not None:
            return groups[i], groups[i + 1] if i + 1 < len(groups) else None
    return None, None


_CLAUSE_END = re.compile(r"[，。；;！？]")


def _clause(text: str, start: int, end: int, stops: list[int] | None = None) -> str:
    """The clause around text[start:end], between the nearest clause marks ('，。；;！？').

    `stops` (the marks' positions in text, sorted) is computed once per line by the caller: a
    search per claim made a line with thousands of figures quadratic.
    """
    if stops is None:
        stops = [m.start() for m in _CLAUSE_END.finditer(text)]
    i = bisect.bisect_left(stops, start)
    left = stops[i - 1] + 1 if i > 0 else 0
    j = bisect.bisect_left(stops, end)
    right = stops[j] if j < len(stops) else len(text)
    return text[left:right].strip(" ,")


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


def extract_line_claims(text: str) -> list[_Raw]:
    found: list[_Raw] = []

    starts: list[int] = []  # found is kept sorted and disjoint: only the neighbours can overlap

    def add(raw: _Raw) -> None:
        i = bisect.bisect_right(starts, raw.start)
        if (i > 0 and found[i - 1].end > raw.start) or (i < len(found) and found[i].start < raw.end):
            return
        found.insert(i, raw)
        starts.insert(i, raw.start)

    # every before→after has an arrow word: most lines have none, and the full pattern is the costliest
    for m in BEFORE_AFTER.finditer(text) if _HAS_ARROW.search(text) else ():
        a_unit, b_unit = m.group(2), m.group(4)
        if a_unit and b_unit and a_unit.lower() != b_unit.lower() and not {a_unit, b_unit} <= {"s", "秒", "ms", "毫秒"}:
            continue
        arrow = re.search(r"→|->|=>|⇒|➔|➜", m.group(0))
        if not arrow and not (a_unit or b_unit):
            continue  # "从 0 到 1" is an idiom, and bare numbers joined by a word are not a change
        if not arrow and not re.search(r"从|降|提|增|减|缩|优化|上升|下降|\sto\s", m.group(0)):
            continue
        if _after_range_dash(text, m.start(1)):  # "12%~18%" is a range, not a change
            continue
        add(_Raw("before_after", m.start(1), m.end(), before=number(m.group(1)), after=number(m.group(3)), unit=b_unit or a_unit))
    for kind, pat in (
        ("stars", STARS), ("downloads", DOWNLOADS), ("citations", CITATIONS), ("qps", QPS), ("latency", LATENCY),
        ("tokens", TOKENS), ("users", USERS), ("headcount", HEADCOUNT), ("money", MONEY),
    ):
        for m in pat.finditer(text):
            num, scale = _first(m)
            if kind == "latency":
                num, scale = m.group(1), None
            add(_Raw(kind, m.start(), m.end(), value=_scaled(num, scale), unit=scale or None))
    for m in TOP.finditer(text):
        add(_Raw("top_percent", m.start(), m.end(), value=float(m.group(1)), unit="%"))
    for m in RANK.finditer(text):
        if is_rank(text, m):
            add(_Raw("rank", m.start(), m.end(), before=number(m.group(1)), after=number(m.group(2))))
    for m in PP.finditer(text):
        add(_Raw("pp", m.start(), m.end(), value=number(m.group(1)), unit="pp"))
    for m in MULT.finditer(text):
        add(_Raw("multiplier", m.start(), m.end(), value=number(m.group(1)), unit="x"))
    for m in PERCENT.finditer(text):
        add(_Raw("percent", m.start(), m.end(), value=number(m.group(1)), unit="%"))
    return found


def among_classmates(text: str, in_education: bool) -> bool:
    """Is a rank or Top x% on this line a class rank? Only the school can confirm those, while a
    competition's leaderboard is public. Competition words win, even in the education section."""
    if COMPETITION_WORDS.search(text):
        return False
    return in_education or bool(SCHOOL_WORDS.search(text))


def _verifiability(kind: str, text: str, in_education: bool) -> str:
    if kind in STANDING_KINDS and among_classmates(text, in_education):
        return "private"
    return "public" if kind in PUBLIC_KINDS else "private"


def extract_claims(
    lines: list[str], skip_lines: set[int] | None = None, education_lines: set[int] | None = None
) -> list[Claim]:
    """Claims of every line, numbered C1, C2 … in reading order. `education_lines` (the
    education section's body) makes a rank there a class rank unless it names a competition."""
    claims: list[Claim] = []
    for n, raw in enumerate(lines, 1):
        if skip_lines and n in skip_lines:
            continue
        text = strip_markup(raw)
        if not re.search(r"\d", text):
            continue
        stops = [m.start() for m in _CLAUSE_END.finditer(text)]
        in_education = bool(education_lines and n in education_lines)
        for r in extract_line_claims(text):
            kind = r.kind
            verif = _verifiability(kind, text, in_education)
            claim = Claim(
                id=f"C{len(claims) + 1}",
                kind=kind,
                text=_clause(text, r.start, r.end, stops)[:240],
                line=n,
                verifiability=verif,  # type: ignore[arg-type]
                value=r.value,
                before=r.before,
                after=r.after,
                unit=r.unit,
            )
            claim._span = (r.start, r.end)
            claims.append(claim)
    return claims


def line_claims(mine: list[Claim], text: str) -> list[_Raw]:
    """The claims of one line (`mine`) with their spans in `text` (its strip_markup), in reading order.

    Taken from the parsed claims when they carry their spans; parsed again only for claims
    made elsewhere (e.g. loaded from JSON), so callers never see a different result.
    """
    if not mine or any(c._span is None for c in mine):
        return extract_line_claims(text)
    return [
        _Raw(c.kind, c._span[0], c._span[1], value=c.value, before=c.before, after=c.after, unit=c.unit)  # type: ignore[index]
        for c in mine
    ]
