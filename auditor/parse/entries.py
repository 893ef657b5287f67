"""Dated entries: education and experience, with their kind, from the section and their words.

An entry is anchored on a date range. Its title is the rest of that line, or, when the line is
only a date (or a long description ending in a date), the short non-bullet lines just above it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from auditor.models import Bullet, Education, Experience
from auditor.parse.dates import DateRange, find_range, is_expected, normalise
from auditor.parse.sections import SectionSpan
from auditor.parse.text import is_bullet, strip_markup

SECTION_KIND = {
    "work": "fulltime",
    "internship": "internship",
    "research": "research",
    "project": "project",
    "competition": "competition",
}
INTERN = re.compile(r"实习|intern\b|internship|trainee|co-?op\b", re.I)
PROJECT = re.compile(r"项目|project\b|课题|【核心项目|商业项目", re.I)
RESEARCH = re.compile(r"研究助理|科研助理|访问学生|visiting (?:student|researcher|scholar)|research assistant|\bRA\b|PhD student|博士生", re.I)
COMPETITION = re.compile(r"竞赛|比赛|大赛|挑战赛|competition|contest|hackathon|kaggle|challenge", re.I)
PART_TIME = re.compile(r"兼职|part[- ]time|advisor|顾问|adjunct|visiting|volunteer|志愿", re.I)
ROLE = re.compile(
    r"工程师|实习生|研究员|专家|架构师|负责人|经理|总监|主管|开发|科学家|算法|助理|顾问|leader|lead\b|engineer|intern\b|scientist|"
    r"researcher|developer|manager|director|architect|analyst|assistant|fellow|consultant|specialist|founder|cto|ceo|"
    r"student|postdoc|professor|lecturer|head\b|member",
    re.I,
)
INSTITUTION = re.compile(r"大学|学院|研究院|研究所|中学|university|college|institute|school|academy|polytechnic|eth\b|mit\b|epfl", re.I)
DEGREES = [
    ("phd", re.compile(r"博士|ph\.?\s?d|doctor(?:ate| of)|d\.?phil", re.I)),
    ("master", re.compile(r"硕士|研究生|master|m\.?s\.?c?\b|m\.?eng|mphil|m\.?a\.?\b|mba|msc", re.I)),
    ("bachelor", re.compile(r"本科|学士|bachelor|b\.?s\.?c?\b|b\.?eng|b\.?a\.?\b|b\.?tech|undergraduate|bsc", re.I)),
]
_SPLIT = re.compile(r"\s*(?:\||｜|·|•|,|，|、|;|；|—|–|\s-\s|\s{2,}|\t)\s*")
_GRADUATES = re.compile(r"(?:预计|expected|anticipated)\s*(?:于)?\s*((?:19|20)\d\d)\s*(?:年|[.\-/])?\s*(\d{1,2})?\s*月?\s*(?:毕业|graduat)", re.I)
_SENTENCE = re.compile(r"[。；;]|，.*，|由.{1,20}指导|supervised by|advised by", re.I)
_RANK_FIRST = re.compile(r"(?:亚军|冠军|季军|第[一二三四五六七八九十\d]+名|[金银铜]奖|[一二三]等奖|特等奖|优秀奖|winner|runner|finalist|gold|silver|bronze)", re.I)
_NOISE = re.compile(r"[（(]\s*[\d.]+\s*年\s*[)）]|[（(][^()（）]{0,12}(?:预计|expected)[^()（）]{0,6}[)）]|(?:预计|expected)", re.I)


@dataclass
class Anchor:
    date_line: int
    title_lines: list[int]
    title: str
    range: DateRange


def _title_block(lines: list[str], body: list[int], idx: int, taken: set[int]) -> list[int]:
    """Up to two short, undated, non-bullet lines just above body[idx] that are not yet used."""
    block: list[int] = []
    j = idx - 1
    while j >= 0 and len(block) < 2:
        n = body[j]
        text = lines[n - 1].strip()
        if not text:
            j -= 1
            continue
        if n in taken or find_range(text) or _SENTENCE.search(text) or len(strip_markup(text)) > 60 or (is_bullet(text) and block):
            break
        if is_bullet(text) and not text.lstrip().startswith(("➤", "-", "*", "•", "·", "#")):
            break
        block.insert(0, n)
        j -= 1
        if not is_bullet(text) and not text.lstrip().startswith("#"):
            # a plain title line; one more above it only if that one is also short and plain
            continue
    return block


def find_anchors(lines: list[str], section: SectionSpan) -> list[Anchor]:
    anchors: list[Anchor] = []
    taken: set[int] = set()
    for idx, n in enumerate(section.body):
        line = lines[n - 1]
        rng = find_range(line)
        if rng is None:
            continue
        plain = strip_markup(line)
        rest = _clean_title(plain.replace(rng.text, " ") if rng.text in plain else _drop_range(plain))
        before_date = plain.split(rng.text)[0] if rng.text in plain else plain
        weak = (
            not rest
            or len(before_date) > 60
            or _SENTENCE.search(rest)
            or _RANK_FIRST.match(rest)
            or (section.kind == "education" and not INSTITUTION.search(rest))
        )
        if weak:
            block = _title_block(lines, section.body, idx, taken)
            if block:
                title = " ".join(strip_markup(lines[b - 1]) for b in block)
                if rest and len(rest) <= 40 and not _SENTENCE.search(rest):
                    title = f"{title} {rest}"
                anchors.append(Anchor(n, block, _clean_title(title), rng))
                taken.update(block + [n])
                continue
            if not rest:
                continue
        anchors.append(Anchor(n, [n], rest, rng))
        taken.add(n)
    return anchors


def _drop_range(text: str) -> str:
    rng = find_range(text)
    return text[: rng.span[0]] + " " + text[rng.span[1] :] if rng else text


def _clean_title(text: str) -> str:
    text = _NOISE.sub(" ", text)
    text = re.sub(r"[（(]\s*[,，、]?\s*", "(", text)
    text = re.sub(r"\(\s*\)|（\s*）|\(\s*[,，]\s*|[,，]\s*\)", " ", text)
    text = re.sub(r"^[\s|｜:：,，\-–—~]+|[\s|｜:：,，\-–—~(（]+$", "", text)
    return " ".join(text.split())


_CLOSER = {"(": ")", "（": "）", "[": "]"}
_OPENER = {v: k for k, v in _CLOSER.items()}


def _trim(part: str) -> str:
    """Spaces and stray brackets off a title segment, but not a closing bracket that closes
    something inside it ("多轮对话平台（蓝鲸云）" keeps its "）")."""
    p = part.strip()
    while len(p) >= 2 and p[0] in _CLOSER and p[-1] == _CLOSER[p[0]] and p.count(p[0]) == 1:
        p = p[1:-1].strip()  # "(Google)" wholly in brackets
    while p and p[0] in _CLOSER and p.count(p[0]) > p.count(_CLOSER[p[0]]):
        p = p[1:].strip()
    while p and p[-1] in _OPENER and p.count(p[-1]) > p.count(_OPENER[p[-1]]):
        p = p[:-1].strip()
    while p and p[-1] in _CLOSER:  # a dangling opener at the end
        p = p[:-1].strip()
    return p


def _segments(title: str) -> list[str]:
    parts = [t for t in (_trim(p) for p in _SPLIT.split(title)) if t]
    if len(parts) == 1 and re.search(r"[\u4e00-\u9fff]", title) and " " in title:
        words = [p for p in title.split(" ") if p]
        # "字节跳动 人工智能实验室 大模型算法实习生": spaces separate org and role only when a role ends it
        if ROLE.search(words[-1]) or INSTITUTION.search(words[0]):
            parts = words
    return parts


def _org_and_title(title: str) -> tuple[str | None, str | None]:
    segs = _segments(title)
    if not segs:
        return None, None
    role = next((s for s in reversed(segs) if ROLE.search(s)), None)
    # "Software Engineer, Google" puts the role first
    org = next((s for s in segs if s != role), None)
    if org is None:
        return (None, role) if role else (segs[0], None)
    return org, role


def _degree(text: str) -> tuple[str | None, str | None]:
    for level, pat in DEGREES:
        m = pat.search(text)
        if m:
            return level, m.group(0)
    return None, None


def _education(lines: list[str], a: Anchor, body_lines: list[int]) -> Education:
    head = _clean_title(" ".join(_drop_range(strip_markup(lines[n - 1])) for n in a.title_lines))
    segs = _segments(head)
    inst = next((s for s in segs if INSTITUTION.search(s)), segs[0] if segs else None)
    if inst and " " in inst and re.search(r"[\u4e00-\u9fff]", inst):
        inst = next((w for w in inst.split() if INSTITUTION.search(w)), inst)
    level, word = _degree(head)
    if level is None:  # degree on the next line ("计算机科学与技术专业, 硕士")
        for n in body_lines[:2]:
            level, word = _degree(strip_markup(lines[n - 1]))
            if level:
                break
    words = [w for seg in segs for w in (seg.split() if re.search(r"[\u4e00-\u9fff]", seg) else [seg])]
    major = next((w for w in words if "专业" in w), None) or next(
        (
            w
            for w in words
            if w != inst
            and not INSTITUTION.search(w)
            and not _degree(w)[0]
            and not re.search(r"导师|指导|advisor|supervisor|[系部]$|学部$|gpa|排名", w, re.I)
        ),
        None,
    )
    date_text = lines[a.date_line - 1]
    end = a.range.end.iso() if a.range.end else None
    ongoing, expected = a.range.ongoing, is_expected(date_text)
    if ongoing:
        for n in body_lines[:2]:
            m = _GRADUATES.search(normalise(strip_markup(lines[n - 1])))
            if m:
                end, ongoing, expected = f"{int(m.group(1)):04d}-{int(m.group(2) or 6):02d}", False, True
                break
    return Education(
        institution=inst,
        degree=word,
        degree_level=level or "other",  # type: ignore[arg-type]
        major=major,
        start=a.range.start.iso(),
        end=end,
        ongoing=ongoing,
        expected=expected,
        precision=a.range.precision,  # type: ignore[arg-type]
        line=a.title_lines[0],
        date_line=a.date_line,
    )


def _kind(section_kind: str, title: str, header_text: str) -> tuple[str, str]:
    """Experience kind and how sure: the heading says one thing, the words may say more."""
    base = SECTION_KIND.get(section_kind, "other")
    if INTERN.search(title) or INTERN.search(header_text):
        return "internship", "high"
    if base == "fulltime":
        if PROJECT.search(title):
            return "project", "high"
        if COMPETITION.search(title):
            return "competition", "medium"
        if RESEARCH.search(title):
            return "research", "medium"
        if PART_TIME.search(title):
            return "other", "medium"
        return "fulltime", "high" if ROLE.search(title) else "medium"
    if base == "other":
        if COMPETITION.search(title):
            return "competition", "medium"
        if PROJECT.search(title):
            return "project", "medium"
        return "other", "low"
    return base, "high"


def parse_entries(lines: list[str], sections: list[SectionSpan]) -> tuple[list[Education], list[Experience]]:
    education: list[Education] = []
    experience: list[Experience] = []
    for sec in sections:
        if sec.kind in ("skills", "publication", "summary", "header"):
            continue
        anchors = find_anchors(lines, sec)
        starts = [a.title_lines[0] for a in anchors] + [sec.body[-1] + 1 if sec.body else sec.line + 1]
        for a, nxt in zip(anchors, starts[1:]):
            # sec.body is sorted: slice it (a scan of the whole body per entry is quadratic in long CVs)
            inside = sec.body[bisect.bisect_right(sec.body, a.date_line) : bisect.bisect_left(sec.body, nxt)]
            body_lines = [n for n in inside if lines[n - 1].strip()]
            if sec.kind == "education" or (sec.kind in ("other",) and INSTITUTION.search(a.title) and _degree(a.title)[0]):
                education.append(_education(lines, a, body_lines))
                continue
            if sec.kind == "award" and not COMPETITION.search(a.title):
                continue
            kind, conf = _kind("competition" if sec.kind == "award" else sec.kind, a.title, lines[a.date_line - 1])
            org, role = _org_and_title(a.title)
            if kind in ("competition", "project", "research") and role is None or kind == "competition":
                org, role = a.title, None  # the name of the project or contest, not an employer
            experience.append(
                Experience(
                    org=org,
                    title=role,
                    kind=kind,  # type: ignore[arg-type]
                    kind_confidence=conf,  # type: ignore[arg-type]
                    start=a.range.start.iso(),
                    end=a.range.end.iso() if a.range.end else None,
                    ongoing=a.range.ongoing,
                    precision=a.range.precision,  # type: ignore[arg-type]
                    line=a.title_lines[0],
                    date_line=a.date_line,
                    section=sec.kind,
                    bullets=[Bullet(line=n, text=strip_markup(lines[n - 1])) for n in body_lines],
                    last_line=body_lines[-1] if body_lines else a.date_line,
                )
            )
    return education, experience
