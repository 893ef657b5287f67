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
from auditor.parse.claim_changes import find_changes
from auditor.parse.claim_numbers import COUNT_SCALE, NUM, number, scale_of
from auditor.parse.claim_ranks import find_ranks
from auditor.parse.text import strip_markup

_NUM = NUM
PERCENT = re.compile(rf"{_NUM}\s*[%％]")
# a gain in points: '+7pp', '7 个百分点', '+7 个点', '7 pts', '7 percentage points'
PP = re.compile(rf"{_NUM}\s*(?:pp\b|个百分点|个点(?![位赞击])|pct\b|percentage points?|pts?\b|points?\b)", re.I)
MULT = re.compile(rf"(?<![\w.]){_NUM}\s*(?:x|×|倍)(?![A-Za-z\d])", re.I)
# a count of things with its scale: '1M+ downloads', '1 million downloads', '10w+ stars', '1.2万 citations'
_SC = COUNT_SCALE
_MORE = r"(?:超过?|达到?|突破|破|over|more\s+than|of)?"
# words between a count and 'downloads' naming where or what was downloaded: '1M+ HF downloads',
# 'over 1M model downloads', '1M+ Hugging Face downloads' (up to two of them)
_WHAT = r"(?:(?:monthly|weekly|daily|total|cumulative|all[\s-]time|pip|PyPI|npm|HF|Hugging\s?Face|HuggingFace|model|checkpoint|dataset)\s+){0,2}"
STARS = re.compile(
    rf"{_NUM}\s*{_SC}\s*\+?\s*(?:个)?\s*(?:github\s*)?(?:stars?|星标|star数|⭐|★|颗星)"
    rf"|(?:stars?|星标|star\s*数|⭐|★)\s*[:：]?\s*{_MORE}\s*{_NUM}\s*{_SC}",
    re.I,
)
DOWNLOADS = re.compile(
    rf"(?:下载量?|downloads?)\s*[:：]?\s*(?:已|累计)?\s*{_MORE}\s*{_NUM}\s*{_SC}|{_NUM}\s*{_SC}\s*\+?\s*(?:次)?(?:模型)?{_WHAT}(?:下载|downloads?|installs?)",
    re.I,
)
CITATIONS = re.compile(
    rf"(?:被引(?:用)?(?:数|量|次数)?|引用(?:数|量|次数)?|citations?|cited(?:\sby)?)\s*{_MORE}\s*[:：]?\s*{_MORE}\s*{_NUM}\s*{_SC}"
    rf"|{_NUM}\s*{_SC}\s*\+?\s*(?:次)?(?:被?引用|citations?)",
    re.I,
)
QPS = re.compile(rf"(?:QPS|TPS|RPS)\s*[:：]?\s*(?:达到?|超过?)?\s*{_NUM}\s*([kK千w万]?)|{_NUM}\s*([kK千w万]?)\s*\+?\s*(?:QPS|TPS|RPS)", re.I)
LATENCY = re.compile(rf"(?:P9[059]|延迟|时延|latency|响应时间|耗时)[^\d，,。；]{{0,12}}?{_NUM}\s*(ms|毫秒|s|秒)(?![a-z])", re.I)
MONEY = re.compile(rf"{_NUM}\s*(亿|万|千万|百万|million|billion|[kKmM])?\s*(?:元|美元|人民币|RMB|USD|/年)|[$¥￥]\s*{_NUM}\s*([kKmMbB]|million|billion)?|{_NUM}\s*(亿|千万)", re.I)
HEADCOUNT = re.compile(rf"{_NUM}\s*\+?\s*(?:FTE|人(?:的)?团队|名(?:工程师|成员)|人力)|(?:团队|带领|管理)\s*{_NUM}\s*\+?\s*人", re.I)
TOKENS = re.compile(rf"{_NUM}\s*([BMKT万亿]?)\s*(?:tokens?|token)", re.I)
USERS = re.compile(rf"(?:日活|DAU|MAU|月活|用户数?)\s*[:：]?\s*(?:已达|达到?|超过?)?\s*{_NUM}\s*{_SC}|{_NUM}\s*{_SC}\s*\+?\s*(?:日活|DAU|MAU|用户|users\b)", re.I)
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



@dataclass
class _Raw:
    kind: str
    start: int
    end: int
    value: float | None = None
    before: float | None = None
    after: float | None = None
    unit: str | None = None


def _scaled(num: str | None, scale: str | None) -> float | None:
    if num is None:
        return None
    return number(num) * scale_of(scale)


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


# Each kind of count with the word every one of its forms contains: a line without the word is
# not searched (most lines name none of these things, and the full patterns cost more).
_COUNTS = (
    ("stars", STARS, re.compile(r"star|星|⭐|★", re.I)),
    ("downloads", DOWNLOADS, re.compile(r"下载|download|install", re.I)),
    ("citations", CITATIONS, re.compile(r"引|cit", re.I)),
    ("qps", QPS, re.compile(r"[QTR]PS", re.I)),
    ("latency", LATENCY, re.compile(r"P9[059]|延迟|时延|latency|响应时间|耗时", re.I)),
    ("tokens", TOKENS, re.compile(r"token", re.I)),
    ("users", USERS, re.compile(r"日活|[DM]AU|月活|用户|users", re.I)),
    ("headcount", HEADCOUNT, re.compile(r"FTE|人|名", re.I)),
    ("money", MONEY, re.compile(r"元|RMB|USD|/年|[$¥￥]|亿|千万", re.I)),
)


def extract_line_claims(text: str) -> list[_Raw]:
    found: list[_Raw] = []

    starts: list[int] = []  # found is kept sorted and disjoint: only the neighbours can overlap

    def add(raw: _Raw) -> None:
        i = bisect.bisect_right(starts, raw.start)
        if (i > 0 and found[i - 1].end > raw.start) or (i < len(found) and found[i].start < raw.end):
            return
        found.insert(i, raw)
        starts.insert(i, raw.start)

    for start, end, before, after, unit in find_changes(text):
        add(_Raw("before_after", start, end, before=before, after=after, unit=unit))
    for kind, pat, needs in _COUNTS:
        for m in pat.finditer(text) if needs.search(text) else ():
            num, scale = _first(m)
            if kind == "latency":
                num, scale = m.group(1), None
            add(_Raw(kind, m.start(), m.end(), value=_scaled(num, scale), unit=scale or None))
    for m in TOP.finditer(text):
        add(_Raw("top_percent", m.start(), m.end(), value=float(m.group(1)), unit="%"))
    for start, end, pos, field in find_ranks(text):
        add(_Raw("rank", start, end, before=pos, after=field))
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
