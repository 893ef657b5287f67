"""Where an entry's title sits relative to its date: a table of named layouts tried in order at each
dated line of a section, as markdown-it tries its block rules. Each layout is a small function that
returns the entry's head (an Anchor), SKIP when the dated line is part of the entry above, or None
when it does not apply. Supporting a new layout is one function, one row and one parse case.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from auditor.parse.dates import DateRange
from auditor.parse.entry_fields import INSTITUTION, ORG_WORD, ROLE, degree, names_only_role
from auditor.parse.entry_lines import SENTENCE, Line, clean_title

_RANK_FIRST = re.compile(r"(?:亚军|冠军|季军|第[一二三四五六七八九十\d]+名|[金银铜]奖|[一二三]等奖|特等奖|优秀奖|winner|runner|finalist|gold|silver|bronze)", re.I)
_ASIDE = re.compile(r"(?<!\s)\s*[(（][^()（）]*[)）]")  # starts where a space run starts: linear on long runs
_BRACKETED_DATE = re.compile(r"[(（][^()（）]*$")
# a description run on after the title on a date-first line ("… Applied Scientist Intern - Led a project …",
# "… Ph.D. in CS, advised by …"): the title ends there
_RUN_ON = re.compile(r"(?:,|(?<![\s,]))\s+(?:advised|supervised|co-advised) by\b|\s[-–]\s(?=\S.{30})", re.I)  # linear: a space run from its start
MAX_TITLE = 60


@dataclass
class Anchor:
    date_line: int
    title_lines: list[int]
    title: str
    range: DateRange
    layout: str
    indent: int = 0  # of the head's first line
    detail_line: int | None = None  # a nested line under the head naming what it leaves out (org or role)

    @property
    def first_line(self) -> int:
        """Where the entry starts: its title, or its date when the title sits under the date."""
        return min(self.title_lines[0], self.date_line)

    @property
    def head_end(self) -> int:
        """The last line of the entry's head (date, title, detail line); the body follows it."""
        return max(self.title_lines[-1], self.date_line, self.detail_line or 0)


@dataclass
class Block:
    """One section's lines (blank ones included) and the entries found so far."""

    kind: str
    lines: list[Line]
    anchors: list[Anchor] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)
    date_first: bool = False  # once one entry's title sits under its date, the others' do too

    @property
    def previous(self) -> Anchor | None:
        return self.anchors[-1] if self.anchors else None

    def line(self, n: int) -> Line:
        """The line numbered n (1-based, as in the document)."""
        return next(line for line in self.lines if line.n == n)

    def up(self, i: int) -> Iterator[Line]:
        """The non-blank lines above lines[i], nearest first."""
        return (line for line in reversed(self.lines[:i]) if not line.blank)

    def down(self, i: int) -> Iterator[Line]:
        return (line for line in self.lines[i + 1 :] if not line.blank)


class _Skip:
    """A dated line that belongs to the body of the entry above."""


SKIP = _Skip()
Result = Anchor | _Skip | None


def can_be_title(line: Line) -> bool:
    """Short, undated, not a sentence and not a labelled body line."""
    text = line.title_text()
    bare = _ASIDE.sub("", text)  # "B.S. in X (GPA: 3.9/4.0, Rank: 5/120)" is short once its aside is set apart
    return bool(bare) and line.date is None and not SENTENCE.search(bare) and len(bare) <= MAX_TITLE and not line.label


def _rest(line: Line) -> str:
    """The words beside the date; on a date-first line only up to where a description runs on."""
    return _RUN_ON.split(line.rest, maxsplit=1)[0].strip() if line.date_first else line.rest


def is_weak(block: Block, line: Line) -> bool:
    """The words beside the date are not a title: none, a sentence, a prize, a school-less education line."""
    rest = _rest(line)
    before = line.plain.split(line.date.text)[0] if line.date and line.date.text in line.plain else line.plain
    return (
        not rest
        or len(before) > MAX_TITLE
        or bool(SENTENCE.search(rest))
        or bool(_RANK_FIRST.match(rest))
        or (block.kind == "education" and not INSTITUTION.search(rest))
    )


def _anchor(block: Block, line: Line, title_lines: list[Line], title: str, layout: str) -> Anchor:
    assert line.date is not None
    first = title_lines[0] if title_lines[0].n < line.n else line
    return Anchor(line.n, [t.n for t in title_lines], clean_title(title), line.date, layout, first.indent)


def _joined(lines: list[Line]) -> str:
    return " | ".join(line.title_text() for line in lines)


def _date_in_brackets(line: Line) -> bool:
    at = line.plain.find(line.date.text) if line.date else -1
    return at >= 0 and bool(_BRACKETED_DATE.search(line.plain[:at]))


def inside_body(block: Block, i: int) -> Result:
    """A dated line in the body of the entry above is part of it, never an entry of its own:
    '字节跳动 算法工程师 2021.07 – 至今' / '- 子项目：推荐重排（2023.05 – 2023.12）' /
    '  * 负责召回模型，2022.01 – 2022.06 上线'."""
    line, prev = block.lines[i], block.previous
    if prev is None or not line.rest:
        return None
    nested = line.item and line.indent > prev.indent
    head = block.line(prev.title_lines[0])
    in_brackets = line.item and not head.item and _date_in_brackets(line)
    if nested or line.label or in_brackets or _note_under_degree(block, line, prev):
        return SKIP
    return None


def _note_under_degree(block: Block, line: Line, prev: Anchor) -> bool:
    """An indented education line naming neither a school nor a degree is a note on the degree
    above, whatever date it gives: '  已获录取，预计于 2020 秋季学期入学' / '  Honours: Dean's List (2018-2019)'."""
    if block.kind != "education" or line.indent <= prev.indent:
        return False
    return not INSTITUTION.search(line.rest) and not degree(line.rest)[0]


def title_over_details(block: Block, i: int) -> Result:
    """The title above labelled detail bullets that end in the date: '### Ph.D. …' / 'School' /
    '- Advisor: X' / 'Sep 2021 – Jun 2025'. No title when anything else sits between."""
    if block.lines[i].rest:
        return None
    above = list(block.up(i))
    k = 0
    while k < min(len(above), 5) and above[k].n not in block.taken and above[k].item and above[k].detail:
        k += 1
    if k == 0:
        return None
    title: list[Line] = []
    for line in above[k : k + 2]:
        if line.n in block.taken or line.item or not can_be_title(line):
            break
        title.insert(0, line)
    return _anchor(block, block.lines[i], title, _joined(title), "title-over-details") if title else None


def _ends_title(line: Line, title: list[Line], taken: set[int], date_indent: int, bullets_are_body: bool) -> bool:
    """The line above cannot join the title: used, dated, a sentence, too long, a label, or a bullet
    that is not a title's ('➤ 腾讯 算法实习生' is; a bullet under another title line is not)."""
    text = line.title_text()
    if len(title) == 2 or line.n in taken or line.date or SENTENCE.search(text) or len(text) > MAX_TITLE or line.label:
        return True
    marked = line.raw.lstrip().startswith(("➤", "-", "*", "•", "·", "#"))
    return line.bullet and (bool(title) or not marked or (bullets_are_body and line.indent >= date_indent))


def _title_block(block: Block, i: int, bullets_are_body: bool) -> list[Line]:
    """Up to two short, undated lines just above lines[i] that are not yet used, past up to two
    labelled lines ("南开大学" / "计算机科学与技术" / "专业排名：21/140 …" / "2021.09 -- 2025.06").

    With `bullets_are_body`, a bullet at or left of the date line's indent belongs to the entry above."""
    date_indent = block.lines[i].indent
    title: list[Line] = []
    skipped = 0
    for line in block.up(i):
        if line.label and not title and skipped < 2 and not line.date and line.n not in block.taken:
            skipped += 1
            continue
        if _ends_title(line, title, block.taken, date_indent, bullets_are_body):
            break
        title.insert(0, line)
    return title


def title_above_date(block: Block, i: int) -> Result:
    """The title on the short lines just above a bare or weak date line: '➤ 腾讯 算法实习生' /
    '2023.06 – 2023.12'; 'Deep Learning Researcher' / 'Northwind AI' / 'Oct 2021 – Dec 2022'."""
    line, prev = block.lines[i], block.previous
    if not is_weak(block, line) or (not line.rest and block.date_first):
        return None
    # "Acme, Engineer  2020 – 2022", bullets, then "LUMS, B.S.  2016 – 2020": the entry above kept its title
    # on its date line, so the bullets between are its body, not this entry's title
    one_line_above = prev is not None and prev.title_lines == [prev.date_line]
    title = _title_block(block, i, bullets_are_body=one_line_above and bool(line.rest))
    if not title:
        return None
    text = _joined(title)
    rest = _rest(line)
    if rest and len(rest) <= 40 and not SENTENCE.search(rest):
        text = f"{text} {rest}"
    return _anchor(block, line, title, text, "title-above-date")


def title_below_date(block: Block, i: int) -> Result:
    """A bare date line with the title under it (date first): '`2023 - 2027`' / '__Acme__' / 'Engineer'."""
    line = block.lines[i]
    if line.rest:
        return None
    title: list[Line] = []
    for below in block.lines[i + 1 : i + 3]:
        if below.n in block.taken or below.blank or below.item or not can_be_title(below):
            break
        title.append(below)
    if not title:
        return None
    block.date_first = True
    return _anchor(block, line, title, _joined(title), "date-first")


def _names_only_level(block: Block, text: str) -> bool:
    return block.kind == "education" and bool(degree(text)[0]) and not INSTITUTION.search(text)


def _org_line(block: Block, i: int) -> Line | None:
    """The line just above lines[i] when it can name an organisation: untaken, undated, not a list item,
    a sentence or a label, and standing apart (emphasised, or opening a group of lines)."""
    above = next(block.up(i), None)
    if above is None or above.n in block.taken or above.date or above.item or above.sentence or above.label:
        return None
    if len(above.title_text()) > 80:
        return None
    idx = block.lines.index(above)
    opens = idx == 0 or block.lines[idx - 1].blank or block.lines[idx - 1].date is not None
    prev = block.previous
    return above if above.emphasis or opens or prev is None or prev.layout == "org-line-over-role-date" else None


def org_line_over_role_date(block: Block, i: int) -> Result:
    """An organisation on its own line over 'role + date': 'Acme Corp' / 'ML Engineer  2020.07 – 2022.06',
    '### Tensor Lab, Caltech' / 'Undergraduate Researcher    August 2020 – Present', '字节跳动' /
    '算法工程师 2021.07 – 至今'; in education 'UNIVERSITY OF X' / 'B.S. in CS    2016.08 – 2019.12'."""
    line = block.lines[i]
    rest = _rest(line)
    if not rest:
        return None
    above = _org_line(block, i)
    if above is None:
        return None
    # '### Facebook, Speech (Intern)' / '- Seattle, Summer 2017': under a heading, words that name no role
    under_heading = above.raw.lstrip().startswith("#") and len(rest) <= 30 and not ROLE.search(rest)
    if not (names_only_role(rest) or _names_only_level(block, rest) or under_heading):
        return None
    return _anchor(block, line, [above, line], f"{above.title_text()} | {rest}", "org-line-over-role-date")


def _nested_under(line: Line, below: Line) -> bool:
    """'  * X' under '* 2022.03 – 至今: Y': deeper, a list item under a plain line, or another marker."""
    return below.indent > line.indent or (below.item and not line.item) or (below.marker != line.marker and bool(below.marker and line.marker))


def _detail_below(block: Block, i: int, rest: str) -> Line | None:
    """The nested line under a head that names only a role or only an org: '* 2022.03 - 至今: 高级研究员' /
    '  * 华为诺亚方舟实验室'; '* 2021.8 - Present: **MSRA**' / '  * Research Intern at DKI Group'."""
    line = block.lines[i]
    below = next(block.down(i), None)
    if below is None or below.date or below.label or below.sentence or len(below.plain) > 100:
        return None
    if not _nested_under(line, below):
        return None
    if names_only_role(rest):
        return None if names_only_role(below.plain) else below  # the org under the role
    if not ROLE.search(rest) and (ROLE.search(below.plain) or ORG_WORD.search(below.plain)):
        return below  # the role (or the employer) under the org or project name
    return None


def title_on_date_line(block: Block, i: int) -> Result:
    """The title beside the date: 'Acme | Engineer | 2020.07 – 2022.06', '2022.03 - 至今: 高级研究员',
    'Aug 2023 - May 2027 Virginia Tech, Ph.D. in CS, advised by …'."""
    line = block.lines[i]
    if is_weak(block, line):
        return None
    rest = _rest(line)
    anchor = _anchor(block, line, [line], rest, "title-on-date-line")
    detail = _detail_below(block, i, rest)
    anchor.detail_line = detail.n if detail else None
    return anchor


def weak_title_on_date_line(block: Block, i: int) -> Result:
    """Words beside the date that read as no title, and nothing above to take: kept as they are,
    unless they are a sentence in the body of the entry above."""
    line = block.lines[i]
    if line.sentence and not line.date_first and block.previous is not None:
        return SKIP
    if not line.rest:
        return None
    anchor = _anchor(block, line, [line], _rest(line), "weak-title-on-date-line")
    detail = _detail_below(block, i, anchor.title)
    anchor.detail_line = detail.n if detail else None
    return anchor


LAYOUTS: list[tuple[str, Callable[[Block, int], Result]]] = [
    ("inside-body", inside_body),
    ("title-over-details", title_over_details),
    ("org-line-over-role-date", org_line_over_role_date),
    ("title-on-date-line", title_on_date_line),
    ("title-above-date", title_above_date),
    ("date-first", title_below_date),
    ("weak-title-on-date-line", weak_title_on_date_line),
]


def find_anchors(block: Block) -> list[Anchor]:
    """Each dated line of the section read by the first layout that applies."""
    for i, line in enumerate(block.lines):
        if line.date is None or line.n in block.taken:
            continue
        for _name, layout in LAYOUTS:
            result = layout(block, i)
            if result is SKIP:
                break
            if isinstance(result, Anchor):
                block.anchors.append(result)
                block.taken.update([*result.title_lines, result.date_line, *([result.detail_line] if result.detail_line else [])])
                break
    return block.anchors
