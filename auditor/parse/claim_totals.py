"""A total and the parts it is made of, as resumes write them: '共9k条，语法错误3k+逻辑错误3k+开头3k',
'发表论文 12 篇（CCF-A 5 篇、CCF-B 4 篇、其他 3 篇）', 'a total of 9,000 samples: 3,000 grammar,
3,000 logic and 3,000 other', '9,000 samples in total, split into 3,000 …, 3,000 … and 3,000 …'.

Parts joined by '+' are a breakdown by themselves. A list ('、', commas, 'and') is one only when it
says it covers the whole: a rest category ('其他 3 篇', '3 others') or a word of partition
('分别', 'split into', 'consisting of'); '共 12 篇，其中一作 5 篇、CCF-A 8 篇' lists overlapping
subsets, which need not add up, and is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.parse.claim_numbers import NUM, number, scale_of

_SCALE = r"(千万|百万|[kKwW万千亿]|[mM](?![A-Za-z]))?"
_FIGURE = re.compile(rf"{NUM}\s*{_SCALE}")
# '共9k', '总计 12', 'a total of 9,000', 'totalling 9000'
_TOTAL_WORD = re.compile(
    rf"(?:共计?|总计|合计|总共|a\s+total\s+of|total(?:ling|ing)?(?:\s+of)?|in\s+total)\s*[:：]?\s*{NUM}\s*{_SCALE}", re.I
)
# '9,000 samples in total', '12 篇（…）': a count whose parts follow in brackets or after 'in total'
_TOTAL_AFTER = re.compile(rf"{NUM}\s*{_SCALE}\s*([^\d()（）,，。；;:：]{{0,12}}?)\s*(?:(\()|in\s+total\b)", re.I)
_COUNTER = re.compile(r"\s?([篇条个项次人份部件支名家门])")
_INTRO = re.compile(
    r"其中|分别为|分别是|分别|分为|包括|包含|including|of\s+which|split\s+into|broken\s+down\s+into|divided\s+into|"
    r"consisting\s+of|comprising|made\s+up\s+of|[(:：,，]",
    re.I,
)
_PARTITION = re.compile(r"分别|分为|split|broken\s+down|divided|consisting|comprising|made\s+up", re.I)
_REST = re.compile(r"其他|其它|其余|剩余|others?\b|the\s+rest|remaining|misc", re.I)
# a list's separators; an ASCII comma before three digits is a thousands separator ('3,000')
_LIST_SEP = re.compile(r"((?:[、，;；]|,(?!\d{3}(?!\d)))(?:\s?and\b)?|\s(?:and|以及|和|及)\b|以及|和|及)", re.I)
_CLAUSE_END = re.compile(r"[。；;!?！？]")


@dataclass
class Breakdown:
    total: float  # as scaled ('9k' is 9000)
    total_text: str
    parts: list[float]
    parts_text: str
    scale: str
    start: int
    end: int


def find_breakdowns(text: str) -> list[Breakdown]:
    """Every total of a line that is followed by the parts it is made of."""
    if not re.search(r"共|总|合计|total|\(", text, re.I):
        return []
    found: list[Breakdown] = []
    for m in _TOTAL_WORD.finditer(text):
        b = _parts_after(text, m, m.group(1), m.group(2), m.group(0).strip(), bracket=False)
        if b:
            found.append(b)
    for m in _TOTAL_AFTER.finditer(text):
        if any(b.start <= m.start() < b.end for b in found):
            continue
        b = _parts_after(text, m, m.group(1), m.group(2), text[m.start() : m.end(2) if m.group(2) else m.end(1)], bool(m.group(4)))
        if b:
            found.append(b)
    return found


def _parts_after(text: str, m: re.Match[str], num: str, scale: str | None, total_text: str, bracket: bool) -> Breakdown | None:
    if text[m.end() : m.end() + 1] in ("%", "％"):
        return None
    counter = _COUNTER.match(text, m.end())
    end_of_clause = _CLAUSE_END.search(text, m.end())
    region = text[m.end() : end_of_clause.start() if end_of_clause else len(text)][:160]
    if bracket:
        region = "(" + region
    parts = _chain(region) or _listed(region)
    if not parts or not _parts_of_this_total(parts, scale, counter.group(1) if counter else None):
        return None
    values, written, _ = parts
    return Breakdown(
        number(num) * scale_of(scale), total_text, [number(v) * scale_of(s) for v, s, _ in values],
        written, scale or "", m.start(), m.end() + len(region),
    )


def _parts_of_this_total(parts: _Parts, scale: str | None, counter: str | None) -> bool:
    """The figures after a total are its parts: all of them, at least two, in its scale and counter."""
    values, _, exhaustive = parts
    if not exhaustive or len(values) < 2:
        return False
    if {(s or "").lower() for _, s, _ in values} != {(scale or "").lower()}:
        return False  # '共 3 个模型，10k+20k 条数据': parts in another scale count something else
    if counter and any(c and c != counter for _, _, c in values):
        return False  # '共 12 篇，3 人 + 4 人': parts of another counter are other things
    return not any(not s and re.fullmatch(r"(?:19|20)\d\d", v) for v, s, _ in values)  # 'ICLR 2024 + NeurIPS 2023': years


_Parts = tuple[list[tuple[str, str | None, str | None]], str, bool]


def _chain(region: str) -> _Parts | None:
    """'语法错误3k+逻辑错误3k+开头3k', '3k条+3k条+3k条': parts joined by '+', a breakdown by itself."""
    if "+" not in region:
        return None
    pieces = region.split("+")
    pieces[0] = re.split(r"[，:：(]|,(?!\d{3}(?!\d))", pieces[0])[-1]
    pieces[-1] = re.split(r"[，)]|,(?!\d{3}(?!\d))", pieces[-1])[0]
    values = [_one_figure(p) for p in pieces]
    if any(v is None for v in values):
        return None
    return [v for v in values if v], "+".join(p.strip() for p in pieces), True


def _listed(region: str) -> _Parts | None:
    """'（CCF-A 5 篇、CCF-B 4 篇、其他 3 篇）', ': 3,000 grammar, 3,000 logic and 3,000 other'."""
    intro = _INTRO.search(region)
    if not intro or len(region[: intro.start()]) > 16 or re.search(r"\d", region[: intro.start()]):
        return None  # the list follows the total, at most a few words of what is counted between
    body = region[intro.end() :]
    if intro.group(0) == "(":
        close = body.find(")")
        if close < 0:
            return None
        body = body[:close]
    split = _LIST_SEP.split(body)  # pieces at even indexes, their separators between
    pieces = split[::2]
    values = []
    for piece in pieces:
        v = _one_figure(piece)
        if v is None:
            break
        values.append(v)
    if len(values) < 2:
        return None
    used = pieces[: len(values)]
    exhaustive = bool(_PARTITION.search(region[: intro.end()] + used[0]) or any(_REST.search(p) for p in used))
    return values, "".join(split[: 2 * len(values) - 1]).strip(), exhaustive


def _one_figure(piece: str) -> tuple[str, str | None, str | None] | None:
    """The one figure of a part with its scale and counter ('逻辑错误3k条' -> 3, k, 条); None unless exactly one."""
    figures = list(_FIGURE.finditer(piece))
    if len(figures) != 1:
        return None
    f = figures[0]
    counter = _COUNTER.match(piece, f.end())
    return f.group(1), f.group(2), counter.group(1) if counter else None
