"""Dated entries: education and experience, with their kind, from the section and their words.

An entry is anchored on a date range. Its title is the rest of that line, or, when the line is
only a date (or a long description ending in a date), the short non-bullet lines just above it.
A bare date line with no title above takes the lines just under it (a date-first layout), or the
title above a few labelled lines ("- Advisor: …") that sit between it and its date.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from auditor.models import Bullet, Education, Experience
from auditor.parse.dates import DateRange, find_range, is_expected, normalise
from auditor.parse.sections import SectionSpan
from auditor.parse.text import indent, is_bullet, strip_markup

SECTION_KIND = {
    "work": "fulltime",
    "internship": "internship",
    "research": "research",
    "project": "project",
    "competition": "competition",
}
INTERN = re.compile(r"实习|intern\b|internship|trainee|co-?op\b", re.I)
PROJECT = re.compile(r"项目|project\b|课题|课程设计|毕业设计|【核心项目|商业项目", re.I)
# on the line under the title ("LaTeX, Python | 个人项目") only words that leave no doubt: "负责推荐项目" there
# may well describe an internship's work
SIDE_PROJECT = re.compile(
    r"个人项目|开源项目|课程项目|课程设计|毕业设计|(?:personal|side|course|class|open[- ]source) project", re.I
)
RESEARCH = re.compile(r"研究助理|科研助理|访问学生|visiting (?:student|researcher|scholar)|research assistant|\bRA\b|PhD student|博士生", re.I)
COMPETITION = re.compile(r"竞赛|比赛|大赛|挑战赛|competition|contest|hackathon|kaggle|challenge", re.I)
PART_TIME = re.compile(r"兼职|part[- ]time|advisor|顾问|adjunct|visiting|volunteer|志愿", re.I)
ROLE = re.compile(
    r"工程师|实习生|研究员|专家|架构师|负责人|经理|总监|主管|开发|科学家|算法|助理|顾问|leader|lead\b|engineer|intern\b|scientist|"
    r"researcher|developer|manager|director|architect|analyst|assistant|fellow|consultant|specialist|founder|cto|ceo|"
    r"student|postdoc|professor|lecturer|head\b|member|resident\b",
    re.I,
)
# a university's student team or society ("Bogazici University Autonomous Vehicle Team"): not an employer
# anchored: from every start a search would rescan the rest of the line (quadratic)
STUDENT_GROUP = re.compile(
    r"^(?=.*(?:university|college|大学|学院)).*(?:\b(?:team|club|society|association)\b|社团|协会|学生会|俱乐部|战队)", re.I
)
INSTITUTION = re.compile(r"大学|学院|研究院|研究所|中学|university|college|institute|school|academy|polytechnic|eth\b|mit\b|epfl", re.I)
# a Latin degree word starts a word: "LUMS" and "Systems" hold no M.S., "Alibaba" no B.A.
DEGREES = [
    ("phd", re.compile(r"博士|(?<![A-Za-z])(?:ph\.?\s?d|doctor(?:ate| of)|d\.?phil)", re.I)),
    ("master", re.compile(r"硕士|研究生|(?<![A-Za-z])(?:master|m\.?s\.?c?\b|m\.?eng|mphil|m\.?a\.?\b|mba|msc)", re.I)),
    ("bachelor", re.compile(r"本科|学士|(?<![A-Za-z])(?:bachelor|b\.?s\.?c?\b|b\.?eng|b\.?a\.?\b|b\.?tech|undergraduate|bsc)", re.I)),
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

    @property
    def first_line(self) -> int:
        """Where the entry starts: its title, or its date when the title sits under the date."""
        return min(self.title_lines[0], self.date_line)

    @property
    def head_end(self) -> int:
        """The last line of the entry's head (date and title); the body follows it."""
        return max(self.title_lines[-1], self.date_line)


# a labelled line of an entry's body ("Thesis: …", "- Courses: …", "导师：…") is never the next entry's title
_BODY_LABEL = re.compile(
    r"^(?:thesis|dissertation|senior project|capstone(?: project)?|(?:relevant |selected |core )?course(?:s|work)|"
    r"advisors?|supervisors?|gpa|minor|honou?rs|research (?:interests?|topics?)|"
    r"导师|(?:主修|相关|核心)?课程|(?:毕业)?论文|研究方向|主要荣誉|绩点|排名)\s*[:：]",
    re.I,
)


# a line break typed into a title line ("Lab Intern \\ Supervised by Prof. X", typst or LaTeX): the
# part after it is a sub-line, not the title
_LINE_BREAK = re.compile(r"(?<!\s)\s+\\\\?\s+")  # from the start of a space run only: linear
# a labelled detail between an entry's title and its date at the foot ("- *Advisor*: Prof. X")
_DETAIL_LABEL = re.compile(r"^[A-Za-z][A-Za-z &/]{0,30}[:：]|^[\u4e00-\u9fff]{1,8}[:：]")
_ASIDE = re.compile(r"(?<!\s)\s*[(（][^()（）]*[)）]")  # starts where a space run starts: linear on long runs


def _is_list_item(raw: str) -> bool:
    """A bullet, but not a line in bold or italics ("**Dalian University**", "*Sep. 2021 – …*")."""
    return is_bullet(raw) and not re.match(r"\s*\*\S", raw)


def _title_text(raw: str) -> str:
    """A candidate title line as plain text, cut at a typed line break."""
    return _LINE_BREAK.split(strip_markup(raw), maxsplit=1)[0].strip()


def _can_be_title(text: str) -> bool:
    """Short, undated, not a sentence and not a labelled body line."""
    bare = _ASIDE.sub("", text)  # "B.S. in X (GPA: 3.9/4.0, Rank: 5/120)" is short once its aside is set apart
    return bool(bare) and not find_range(text) and not _SENTENCE.search(bare) and len(bare) <= 60 and not _BODY_LABEL.match(text)


def _title_block(lines: list[str], body: list[int], idx: int, taken: set[int], bullets_are_body: bool) -> list[int]:
    """Up to two short, undated, non-bullet lines just above body[idx] that are not yet used.

    Not a title: a labelled body line ("Thesis: …"); with `bullets_are_body`, a bullet at or left of
    the date line's indent (it belongs to the entry above).
    """
    block: list[int] = []
    date_indent = indent(lines[body[idx] - 1])
    j = idx - 1
    while j >= 0 and len(block) < 2:
        n = body[j]
        text = lines[n - 1].strip()
        if not text:
            j -= 1
            continue
        title_text = _title_text(text)
        if n in taken or find_range(text) or _SENTENCE.search(title_text) or len(title_text) > 60 or (is_bullet(text) and block):
            break
        if is_bullet(text) and not text.lstrip().startswith(("➤", "-", "*", "•", "·", "#")):
            break
        if _BODY_LABEL.match(strip_markup(text)):
            break
        if is_bullet(text) and bullets_are_body and indent(lines[n - 1]) >= date_indent:
            break
        block.insert(0, n)
        j -= 1
    return block


def _title_below(lines: list[str], body: list[int], idx: int, taken: set[int]) -> list[int]:
    """Up to two short non-bullet lines right under a bare date line ("`2023 - 2027`" / "__Acme__" / "Engineer")."""
    block: list[int] = []
    for n in body[idx + 1 : idx + 3]:
        raw = lines[n - 1]
        if n in taken or not raw.strip() or _is_list_item(raw) or not _can_be_title(_title_text(raw)):
            break
        block.append(n)
    return block


def _title_over_details(lines: list[str], body: list[int], idx: int, taken: set[int]) -> list[int]:
    """The title above labelled detail bullets that end in the date ("### Ph.D. …" / "School" /
    "- Advisor: X" / "Sep 2021 – Jun 2025"); no title when anything else sits between."""
    j = idx - 1
    details = 0
    while j >= 0 and details < 5:
        raw = lines[body[j] - 1]
        if body[j] in taken or not raw.strip() or not _is_list_item(raw) or not _DETAIL_LABEL.match(strip_markup(raw)):
            break
        details += 1
        j -= 1
    if details == 0 or j < 0:
        return []
    block: list[int] = []
    while j >= 0 and len(block) < 2:
        n = body[j]
        raw = lines[n - 1]
        if n in taken or not raw.strip() or _is_list_item(raw) or not _can_be_title(_title_text(raw)):
            break
        block.insert(0, n)
        j -= 1
    return block


def _joined_title(lines: list[str], block: list[int]) -> str:
    return " | ".join(_title_text(lines[b - 1]) for b in block)


def find_anchors(lines: list[str], section: SectionSpan) -> list[Anchor]:
    anchors: list[Anchor] = []
    taken: set[int] = set()
    date_first = False  # once one entry's title sits under its date, the others' do too
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
            # "Acme, Engineer  2020 – 2022" then bullets, then "LUMS, B.S.  2016 – 2020": the entry above kept
            # its title on its date line, so the bullets between are its body, not this entry's title.
            # A bare date line still takes the bullet above it ("➤ 腾讯 算法实习生" / "2023.06 – 2023.12").
            one_line_above = bool(anchors) and anchors[-1].title_lines == [anchors[-1].date_line]
            block = [] if rest else _title_over_details(lines, section.body, idx, taken)
            if not block and (rest or not date_first):
                block = _title_block(lines, section.body, idx, taken, bullets_are_body=one_line_above and bool(rest))
            if not block and not rest:
                block = _title_below(lines, section.body, idx, taken)
                date_first = date_first or bool(block)
            if block:
                title = _joined_title(lines, block)
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


def _org_and_title_by_line(lines: list[str], a: Anchor) -> tuple[str | None, str | None]:
    """Org and role of an entry whose title is two lines, one naming the role ("Deep Learning Researcher" /
    "Qualcomm AI Research"): the other line is the org, whole. Else as for a one-line title."""
    texts = [_title_text(lines[n - 1]) for n in a.title_lines if n != a.date_line]
    if len(texts) == 2 and len(a.title_lines) == 2:
        with_role = [t for t in texts if ROLE.search(t)]
        if len(with_role) == 1:
            other = _trim(texts[1 - texts.index(with_role[0])])
            role = _org_and_title(with_role[0])[1] or with_role[0]
            if other:
                return other, role
    return _org_and_title(a.title)


def _degree(text: str) -> tuple[str | None, str | None]:
    for level, pat in DEGREES:
        m = pat.search(text)
        if m:
            return level, m.group(0)
    return None, None


_LEVEL_ONLY = re.compile(r"高中|初中|中学|本科生?|硕士(?:研究生)?|博士(?:研究生)?|(?:在读)?研究生|high school", re.I)
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


def _is_place(seg: str, following: str | None) -> bool:
    """A region, a well-known city, or any short name right before a region ("Pasadena, CA")."""
    if _REGION.fullmatch(seg) or _CITY.fullmatch(seg):
        return True
    return following is not None and bool(_REGION.fullmatch(following)) and len(seg.split()) <= 3


def _institution_below(lines: list[str], body_lines: list[int]) -> str | None:
    """The school on the line under a head that names only the level ("* 2018.09-2022.06 本科" / "* 中国人民大学信息学院")."""
    for n in body_lines[:1]:
        text = strip_markup(lines[n - 1])
        if len(text) <= 40 and not _SENTENCE.search(text) and not _BODY_LABEL.match(text):
            seg = next((s for s in _segments(text) if INSTITUTION.search(s)), None)
            if seg:
                return seg
    return None


_NUMERIC_ASIDE = re.compile(r"(?<!\s)\s*[(（](?=[^()（）]*\d)[^()（）]*[)）]")  # the lookahead, not a split around the digit: linear
# "Ph.D. in Software Engineering": the field named after the degree word
_DEGREE_IN = re.compile(
    r"^(?:ph\.?\s?d|doctor|master|bachelor|m\.?s\.?c?|b\.?s\.?c?|m\.?eng|b\.?eng|m\.?a|b\.?a)\.?\s+in\s+(.+?)(?:\s+-{1,3}\s|\s*[()（）]|$)", re.I
)


def _field_after_degree(segs: list[str]) -> str | None:
    for seg in segs:
        m = _DEGREE_IN.match(seg)
        if m and not INSTITUTION.search(m.group(1)):  # "B.S. in Shandong University" names the school
            return m.group(1).strip()
    return None


def _education(lines: list[str], a: Anchor, body_lines: list[int]) -> Education:
    head = _clean_title(" | ".join(_drop_range(strip_markup(lines[n - 1])) for n in a.title_lines))
    segs = _segments(_NUMERIC_ASIDE.sub("", head))  # "(GPA: 3.9/4.0, Rank: 5/120)" holds no major
    inst = next((s for s in segs if INSTITUTION.search(s)), segs[0] if segs else None)
    if inst and " " in inst and re.search(r"[\u4e00-\u9fff]", inst):
        inst = next((w for w in inst.split() if INSTITUTION.search(w)), inst)
    if inst is None or _LEVEL_ONLY.fullmatch(inst) or _degree(inst)[1] == inst:
        inst = _institution_below(lines, body_lines) or inst
    level, word = _degree(head)
    if level is None:  # degree on the next line ("计算机科学与技术专业, 硕士")
        for n in body_lines[:2]:
            level, word = _degree(strip_markup(lines[n - 1]))
            if level:
                break
    words = [w for seg in segs for w in (seg.split() if re.search(r"[\u4e00-\u9fff]", seg) else [seg])]
    places = {w for w, nxt in zip(words, [*words[1:], None]) if _is_place(w, nxt)}
    major = next((w for w in words if "专业" in w), None) or next(
        (
            w
            for w in words
            if w != inst
            and w not in places
            and not _LEVEL_ONLY.fullmatch(w)
            and not INSTITUTION.search(w)
            and not _degree(w)[0]
            and not re.search(r"导师|指导|advisor|supervisor|[系部]$|学部$|gpa|排名|\brank\b", w, re.I)
            and re.search(r"[A-Za-z\u4e00-\u9fff]", w)  # "2/54" is a rank, not a major
        ),
        None,
    ) or _field_after_degree(segs)
    date_text = lines[a.date_line - 1]
    end = a.range.end.iso() if a.range.end else None
    ongoing, expected = a.range.ongoing, is_expected(date_text)
    expected_line = None
    if ongoing:
        for n in body_lines[:2]:
            m = _GRADUATES.search(normalise(strip_markup(lines[n - 1])))
            if m:
                end, ongoing, expected = f"{int(m.group(1)):04d}-{int(m.group(2) or 6):02d}", False, True
                expected_line = n
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
        expected_line=expected_line,
    )


def _subtitle(lines: list[str], body_lines: list[int]) -> str:
    """The short line right under an entry's title that labels it ("LaTeX, Python | 个人项目"), or ''."""
    if not body_lines:
        return ""
    raw = lines[body_lines[0] - 1]
    text = strip_markup(raw)
    if is_bullet(raw) or len(text) > 40 or _SENTENCE.search(text):
        return ""
    return text


def _demoted(title: str, subtitle: str) -> tuple[str, str] | None:
    """What an entry under a job heading says it is instead: a project, a contest, research."""
    if PROJECT.search(title) or SIDE_PROJECT.search(subtitle):
        return "project", "high"
    if COMPETITION.search(title):
        return "competition", "medium"
    if RESEARCH.search(title):
        return "research", "medium"
    return None


def _kind(section_kind: str, title: str, header_text: str, subtitle: str = "") -> tuple[str, str]:
    """Experience kind and how sure: the heading says one thing, the words may say more.

    Under a work or internship heading ("实习/项目经历" is read as internship) the entry's own words
    make it a project, contest or research; a word for internship keeps it an internship.
    """
    base = SECTION_KIND.get(section_kind, "other")
    if INTERN.search(title) or INTERN.search(header_text):
        return "internship", "high"
    if base in ("fulltime", "internship"):
        demoted = _demoted(title, subtitle)
        if demoted:
            return demoted
        if base == "internship":
            return "internship", "high"
        if PART_TIME.search(title) or STUDENT_GROUP.search(title):
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
        starts = [a.first_line for a in anchors] + [sec.body[-1] + 1 if sec.body else sec.line + 1]
        for a, nxt in zip(anchors, starts[1:]):
            # sec.body is sorted: slice it (a scan of the whole body per entry is quadratic in long CVs)
            inside = sec.body[bisect.bisect_right(sec.body, a.head_end) : bisect.bisect_left(sec.body, nxt)]
            body_lines = [n for n in inside if lines[n - 1].strip()]
            if sec.kind == "education" or (sec.kind in ("other",) and INSTITUTION.search(a.title) and _degree(a.title)[0]):
                education.append(_education(lines, a, body_lines))
                continue
            if sec.kind == "award" and not COMPETITION.search(a.title):
                continue
            section_kind = "competition" if sec.kind == "award" else sec.kind
            kind, conf = _kind(section_kind, a.title, lines[a.date_line - 1], _subtitle(lines, body_lines))
            org, role = _org_and_title_by_line(lines, a)
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
