"""An education entry's fields: school, degree level, major, and an expected graduation stated below."""

from __future__ import annotations

import re

from auditor.models import Education
from auditor.parse.dates import DateRange, find_points, is_expected, normalise
from auditor.parse.text import plain_quotes
from auditor.parse.words import pattern
from auditor.parse.entry_fields import INSTITUTION, LEVEL_ONLY, degree, segments
from auditor.parse.entry_lines import BODY_LABEL, SENTENCE, Line, clean_title

_CJK = re.compile(r"[\u4e00-\u9fff]")
_GRADUATES = re.compile(r"(?:预计|expected|anticipated)\s*(?:于)?\s*((?:19|20)\d\d)\s*(?:年|[.\-/])?\s*(\d{1,2})?\s*月?\s*(?:毕业|graduat)", re.I)
# a place after the institution ("北京航空航天大学, 北京, 中国", "Caltech — Pasadena, CA") is not a major;
# US states only as upper-case codes ("Princeton, NJ")
_REGION = re.compile(
    r"中国|英国|美国|日本|韩国|德国|法国|加拿大|澳大利亚|新加坡|香港|澳门|台湾|"
    r"[\u4e00-\u9fff]{2,3}省|(?:广东|江苏|浙江|山东|河南|河北|湖南|湖北|四川|福建|安徽|江西|陕西|山西|辽宁|吉林|黑龙江|云南|贵州|广西|甘肃|海南|内蒙古|新疆|西藏|宁夏|青海)|"
    r"(?i:china|usa|u\.s\.a?\.?|united states|united kingdom|uk|england|canada|australia|germany|france|japan|korea|singapore|"
    r"türkiye|turkey|india|pakistan|switzerland|netherlands|italy|spain|sweden|israel)|"
    r"A[KLRZ]|C[AOT]|DE|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]|DC",
)
_CITY = re.compile(
    r"北京|上海|天津|重庆|广州|深圳|杭州|南京|武汉|成都|西安|苏州|长沙|合肥|哈尔滨|大连|沈阳|济南|青岛|厦门|福州|"
    r"长春|兰州|昆明|南昌|郑州|太原|石家庄|南宁|贵阳|乌鲁木齐|呼和浩特|珠海|宁波|无锡|剑桥|牛津|伦敦|纽约|波士顿|东京|首尔|悉尼|墨尔本|多伦多"
)
_NUMERIC_ASIDE = re.compile(r"(?<!\s)\s*[(（](?=[^()（）]*\d)[^()（）]*[)）]")  # the lookahead, not a split around the digit: linear
# "Ph.D. in Software Engineering": the field named after the degree word
_DEGREE_IN = re.compile(
    r"^(?:ph\.?\s?d|doctor|master|bachelor|m\.?s\.?c?|b\.?s\.?c?|m\.?eng|b\.?eng|m\.?a|b\.?a)\.?\s+in\s+(.+?)(?:\s+-{1,3}\s|\s*[()（）]|,|$)", re.I
)
_NOT_MAJOR = re.compile(r"导师|指导|advisor|advised|supervisor|[系部]$|学部$|gpa|排名|\brank\b|expected|预计|\d{4}", re.I)
_YEAR_ONLY = re.compile(r"^(?:19|20)\d\d$")


def _is_place(seg: str, following: str | None) -> bool:
    """A region, a well-known city, or any short name right before a region ("Pasadena, CA")."""
    if _REGION.fullmatch(seg) or _CITY.fullmatch(seg):
        return True
    return following is not None and bool(_REGION.fullmatch(following)) and len(seg.split()) <= 3


def _institution_below(body: list[Line]) -> str | None:
    """The school on the line under a head that names only the level ("* 2018.09-2022.06 本科" / "* 中国人民大学信息学院")."""
    for line in body[:1]:
        text = line.plain
        if len(text) <= 40 and not SENTENCE.search(text) and not BODY_LABEL.match(text):
            seg = next((s for s in segments(text) if INSTITUTION.search(s)), None)
            if seg:
                return seg
    return None


def _institution(segs: list[str], body: list[Line]) -> str | None:
    inst = next((s for s in segs if INSTITUTION.search(s)), segs[0] if segs else None)
    if inst and " " in inst and _CJK.search(inst):
        inst = next((w for w in inst.split() if INSTITUTION.search(w)), inst)
    if inst is None or LEVEL_ONLY.fullmatch(inst) or degree(inst)[1] == inst:
        inst = _institution_below(body) or inst
    return inst


def _level(head: str, body: list[Line]) -> tuple[str | None, str | None]:
    level, word = degree(head)
    for line in body[:2] if level is None else []:  # degree on the next line ("计算机科学与技术专业, 硕士")
        level, word = degree(line.plain)
        if level:
            break
    return level, word


def _field_after_degree(segs: list[str]) -> str | None:
    for seg in segs:
        m = _DEGREE_IN.match(seg)
        if m and not INSTITUTION.search(m.group(1)):  # "B.S. in Shandong University" names the school
            return m.group(1).strip()
    return None


def _can_be_major(word: str, inst: str | None, places: set[str]) -> bool:
    return (
        word != inst
        and word not in places
        and not LEVEL_ONLY.fullmatch(word)
        and not INSTITUTION.search(word)
        and not degree(word)[0]
        and not _NOT_MAJOR.search(word)
        and bool(re.search(r"[A-Za-z\u4e00-\u9fff]", word))  # "2/54" is a rank, not a major
    )


def _major(segs: list[str], inst: str | None) -> str | None:
    words = [w for seg in segs for w in (seg.split() if _CJK.search(seg) else [seg])]
    places = {w for w, nxt in zip(words, [*words[1:], None]) if _is_place(w, nxt)}
    return (
        next((w for w in words if "专业" in w), None)
        or next((w for w in words if _can_be_major(w, inst, places)), None)
        or _field_after_degree(segs)
    )


def _graduation(rng: DateRange | None, date_text: str, body: list[Line]) -> tuple[str | None, bool, bool, int | None]:
    """End, ongoing, expected, and the line that says so: '至今' with '预计 2021 年 7 月毕业' below is
    an expected end."""
    if rng is None:
        return None, False, is_expected(date_text), None
    end = rng.end.iso() if rng.end else None
    for line in body[:2] if rng.ongoing else []:
        m = _GRADUATES.search(normalise(line.plain))
        if m:
            return f"{int(m.group(1)):04d}-{int(m.group(2) or 6):02d}", False, True, line.n
    return end, rng.ongoing, is_expected(date_text), None


_ADMITTED = pattern("admission")
_ENROLS = re.compile(r"预计.{0,12}入学")  # '预计于 2020 秋季学期入学': expected to enrol


def education(head_lines: list[Line], date_line: Line | None, rng: DateRange | None, body: list[Line]) -> Education:
    """An education entry from its head (title and date lines) and the body lines under it."""
    head = clean_title(" | ".join(line.rest if line.date else line.plain for line in head_lines))
    segs = [s for s in segments(_NUMERIC_ASIDE.sub("", head)) if not _YEAR_ONLY.match(s)]  # "(GPA: 3.9/4.0)" holds no major
    inst = _institution(segs, body)
    level, word = _level(head, body)
    end, ongoing, expected, expected_line = _graduation(rng, date_line.plain if date_line else head, body)
    start = rng.start.iso() if rng else None
    if rng is None:  # "M.S. in EE, Columbia University, 2022": the year it ended
        years = find_points(head)
        end = f"{years[-1].year:04d}-12" if years else None
        expected = expected or bool(years and is_expected(" ".join(line.plain for line in head_lines)))  # "…, 2026 (expected)"
    planned = any(_ADMITTED.search(line.plain) or _ENROLS.search(line.plain) for line in [*head_lines, *body[:2]])
    return Education(
        planned=planned,
        institution=plain_quotes(inst),
        degree=word,
        degree_level=level or "other",  # type: ignore[arg-type]
        major=_major(segs, inst),
        start=start,
        end=end,
        ongoing=ongoing,
        expected=expected,
        precision=rng.precision if rng else "year",  # type: ignore[arg-type]
        line=head_lines[0].n,
        date_line=date_line.n if date_line else None,
        expected_line=expected_line,
    )
