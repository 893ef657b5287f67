"""An entry's title split into its fields: organisation and role, or school, degree and major.

The words come from rules/kb/words.yaml (parse/words.py); this module only decides which part
of a title each one names.
"""

from __future__ import annotations

import re

from auditor.parse.words import pattern

ROLE = pattern("role", "title")
TITLE_PART = pattern("role", "title_part")
ORG_WORD = pattern("org")
INSTITUTION = pattern("institution")
# a part that ends in an org word names an organisation even with a role word inside ("软件开发环境国家重点实验室")
_ROLE_END = re.compile(f"(?:{ROLE.pattern})[)）]?$", re.I)
ORG_END = re.compile(f"(?:{ORG_WORD.pattern})[)）\\s]*$", re.I)
LEVEL_ONLY = pattern("degree", "level_only")
DEGREES = [(level, pattern("degree", level)) for level in ("phd", "master", "bachelor")]
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SPLIT = re.compile(r"\s*(?:\||｜|·|•|,|，|、|;|；|—|–|\s-\s|\s@\s|\s{2,}|\t)\s*")
# '福建金科信息技术股份有限公司-网络数据中心实习生': a hyphen between Chinese words, a role after it
_CJK_HYPHEN = re.compile(r"(?<=[\u4e00-\u9fff）)])-(?=[\u4e00-\u9fff])")
# "Research Intern at Data, Knowledge and Intelligence Group": the role, then where
_AT = re.compile(r"(?<!\s)\s+(?:at|@)\s+", re.I)  # from the start of a space run only: linear
_JOINERS = {"of", "and", "&", "in", "for", "-", "/"}
_CLOSER = {"(": ")", "（": "）", "[": "]"}
_OPENER = {v: k for k, v in _CLOSER.items()}


def trim(part: str) -> str:
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


def segments(title: str) -> list[str]:
    """A title cut at its separators ('|', ',', ' - ', wide gaps; a hyphen between Chinese words)."""
    parts = [t for t in (trim(p) for p in _SPLIT.split(_CJK_HYPHEN.sub(" - ", title))) if t]
    if len(parts) == 1 and _CJK.search(title) and " " in title:
        words = [p for p in title.split(" ") if p]
        # "字节跳动 人工智能实验室 大模型算法实习生": spaces separate org and role only when a role ends it
        if ROLE.search(words[-1]) or INSTITUTION.search(words[0]):
            parts = words
    return parts


def _is_role_words(text: str) -> bool:
    """Every word names a position ("Applied Scientist Intern", "高级研究员"), none an organisation."""
    if _CJK.search(text):
        return bool(_ROLE_END.search(text)) and not ORG_WORD.search(text) and not INSTITUTION.search(text) and len(text) <= 10
    words = text.replace(",", " ").split()
    return bool(ROLE.search(text)) and all(ROLE.fullmatch(w) or TITLE_PART.fullmatch(w) or w.lower() in _JOINERS for w in words)


def names_only_role(title: str) -> bool:
    """The title names a position and no employer: 'ML Engineer', '算法工程师'."""
    segs = segments(title)
    return bool(segs) and all(_is_role_words(s) for s in segs)


def _split_trailing_role(seg: str) -> tuple[str | None, str]:
    """'Lyrebird Studio Machine Learning Engineer' → ('Lyrebird Studio', 'Machine Learning Engineer'):
    the role is the longest run of position words that ends the segment."""
    words = seg.split()
    k = len(words)
    while k > 0 and (ROLE.fullmatch(words[k - 1]) or TITLE_PART.fullmatch(words[k - 1])):
        k -= 1
    if 0 < k < len(words) and ROLE.search(" ".join(words[k:])):
        return " ".join(words[:k]), " ".join(words[k:])
    return None, seg


_ORG_COLON_ROLE = re.compile(r"^([^:：]{2,60})[:：]\s*([^:：]{2,60})$")


def org_and_title(title: str) -> tuple[str | None, str | None]:
    labelled = _ORG_COLON_ROLE.match(title)
    if labelled and names_only_role(labelled.group(2)):  # "**NLC Group, MSRA**: Research Intern"
        return trim(labelled.group(1)), trim(labelled.group(2))
    segs = segments(title)
    if not segs:
        return None, None
    role = next((s for s in reversed(segs) if ROLE.search(s) and not ORG_END.search(s)), None)
    lead = _split_trailing_role(role) if role is not None and not _CJK.search(role) else (None, role)
    if lead[0] is not None:  # "Adobe Research Intern, Video AI": the org leads the role's segment
        before = segs[: segs.index(role)] if role in segs else []
        if before and not any(ROLE.search(s) for s in before):  # "Oculus, Facebook Software Engineering Intern"
            return ", ".join([*before, lead[0]]), lead[1]
        return lead
    # "Software Engineer, Google" puts the role first
    org = next((s for s in segs if s != role), None)
    if org is None:
        return (None, role) if role else (segs[0], None)
    return org, role


def role_of(text: str) -> str | None:
    """The position a detail line names ("Research Intern at DKI Group" → "Research Intern")."""
    head = _AT.split(text, maxsplit=1)[0]
    return org_and_title(head)[1] if ROLE.search(head) else None


def degree(text: str) -> tuple[str | None, str | None]:
    for level, pat in DEGREES:
        m = pat.search(text)
        if m:
            return level, m.group(0)
    return None, None
