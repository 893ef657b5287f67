"""Author lists and the candidate's place in them.

One reader for every style: 'A. Ruiz, **W. Shen**, and J. Doe' (IEEE, ACM), 'Shen, W., Ruiz, A.,
& Doe, J.' (APA), '虞哲英, 关贝, **昝道广**' (GB/T 7714), 'YuanmengYan,RumeiLi' (a PDF that lost its
spaces). The candidate is the marked name (bold, underlined, `<b>`), or else the resume's own name
when it matches one author fully; a '*' or '†' on that name, "equal contribution" or "共同一作"
marks a shared first place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.parse.text import strip_markup

# A name: two to four capitalised words ('Ann Lee', 'J.-G. Lou', 'Tuna Han Salih Meral'), or two to
# four Han characters. Bounded repeats: linear on any run.
_NAME = re.compile(r"(?:[A-Z][\w'\-]{0,30}\.?)(?:\s{1,3}(?:[A-Z][\w'\-]{0,30}\.?|(?:van|von|de|der|da|di|del|le|la)\b)){1,4}|[\u4e00-\u9fff·]{2,5}")
_CAMEL_NAME = re.compile(r"[A-Z][a-z]{1,20}(?:-[A-Za-z][a-z]{0,20})?[A-Z][a-z]{1,20}")  # 'YuanmengYan': a PDF without spaces
_APA_AUTHOR = re.compile(r"[A-Z][\w'\-]{1,30}(?:\s[A-Z][\w'\-]{1,30})?,\s(?:[A-Z]\.\s?(?:-\s?)?){1,3}")
_SPLIT = re.compile(r",|，|、|;|\band\b|&")
_MARKUP = re.compile(r"\*\*|__|<b>|<strong>|<u>|\\textbf|\\underline")
_NAME_MARKS = str.maketrans("", "", "*†‡\\#")  # equal-contribution marks, Markdown's escaping backslash ('Meral\\*')
_ELLIPSIS = {"..", "...", "…", "et al", "et al.", "等", "etc", "e.t.c"}
_EQUAL_MARK = re.compile(r"[*†‡]\s*$")
_EQUAL = re.compile(r"共同\s*[一1]\s*作|共一|co-?first|equal(?:ly)? contribut\w*|\*\s*equal", re.I)
_POSITION = re.compile(r"第\s*([一二三四五六1-6])\s*作者|(?<!共同)(?<!共同\s)([一二三1-3])\s*作(?!者)|\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ]author", re.I)
_ORDINALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


@dataclass(frozen=True)
class Authors:
    names: list[str]
    marked: int | None  # 1-based place of the marked name (bold, underlined), if any
    equal: bool  # the marked name carries '*' or '†'


def _clean(name: str) -> str:
    return strip_markup(name).translate(_NAME_MARKS).strip(" .")


def _parts(text: str) -> list[str]:
    return [n for n in (p.strip() for p in _SPLIT.split(text)) if n and _clean(n).lower() not in _ELLIPSIS and _clean(n)]


def _all_names(cleaned: list[str]) -> bool:
    if all(_NAME.fullmatch(n) for n in cleaned):
        return True
    return len(cleaned) >= 3 and all(_NAME.fullmatch(n) or _CAMEL_NAME.fullmatch(n) for n in cleaned)


def read_authors(text: str, *, single_if_marked: bool = True) -> Authors | None:
    """The text as an author list, or None if any part is not a person's name. One name alone is
    a list only when marked (a Title Case title looks like a name)."""
    apa = _read_apa(text)
    if apa is not None:
        return apa
    raw = _parts(text)
    cleaned = [_clean(n) for n in raw]
    if not cleaned or not _all_names(cleaned):
        return None
    marked = next((i + 1 for i, n in enumerate(raw) if _MARKUP.search(n)), None)
    if len(cleaned) < 2 and not (single_if_marked and marked):
        return None
    equal = bool(marked and _EQUAL_MARK.search(_MARKUP.sub("", raw[marked - 1]).replace("</b>", "").replace("</strong>", "").replace("</u>", "")))
    return Authors(cleaned, marked, equal)


def sole_author(text: str) -> Authors | None:
    """One name alone as the author list, when the caller knows from the line's shape that an
    author list stands there ('Jane Q. Example. 2021. Title.': a year follows the list)."""
    cleaned = _clean(text.strip())
    return Authors([cleaned], None, False) if cleaned and _all_names([cleaned]) else None


def _read_apa(text: str) -> Authors | None:
    """'Shen, W., Ruiz, A., & Doe, J.': surnames each followed by initials."""
    plain = strip_markup(text).replace("&", ",").replace(" and ", ", ")
    found = [m for m in _APA_AUTHOR.finditer(plain)]
    if len(found) < 1 or sum(len(m.group(0)) for m in found) < 0.8 * len(plain.replace(",", "").replace(" ", "")):
        return None
    if len(found) < 2 and "**" not in text:
        return None
    names = [" ".join(m.group(0).split()).rstrip(", ") for m in found]
    marked = next((i + 1 for i, m in enumerate(found) if _bold_at(text, m.group(0).split(",")[0])), None)
    return Authors(names, marked, False)


def _bold_at(text: str, surname: str) -> bool:
    i = text.find(surname)
    return i >= 0 and bool(_MARKUP.search(text[max(0, i - 8) : i]))


def own_place(names: list[str], own_name: str | None) -> int | None:
    """The candidate's 1-based place in `names`, matched to the resume's own name; None unless
    exactly one author matches it fully (a family name alone or initials are not enough)."""
    if not own_name or not names:
        return None
    from auditor.verify.names import find_author  # names across scripts and spellings; pure

    found = find_author(own_name, names)
    return found[0] if found and found[1] == "full" else None


def stated_position(text: str) -> tuple[int | None, bool]:
    """'第一作者', 'first author', '二作' as stated; and whether a shared first place is stated
    ('共同一作', 'equal contribution')."""
    equal = bool(_EQUAL.search(text))
    m = _POSITION.search(text)
    if m is None:
        return None, equal
    word = next(g for g in m.groups() if g)
    return (int(word) if word.isdigit() else _ORDINALS[word.lower()]), equal
