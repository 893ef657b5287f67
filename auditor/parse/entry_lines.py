"""Each line of a resume read once for the entry parser: its plain text, its place in a list, its
dates, whether it is a label, a sentence or emphasised. The layouts (parse/layouts.py) only look
these facts up, so no layout computes them again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from auditor.models import LineLayout
from auditor.parse.dates import DateRange, find_entry_range
from auditor.parse.text import indent, is_bullet, strip_markup

# a labelled line of an entry's body ("Thesis: …", "- Courses: …", "导师：…") is never the next entry's title
BODY_LABEL = re.compile(
    r"^(?:thesis|dissertation|senior project|capstone(?: project)?|(?:relevant |selected |core )?course(?:s|work)|"
    r"advisors?|supervisors?|mentors?|gpa|minor|honou?rs|research (?:interests?|topics?|directions?|focus)|"
    r"导师|(?:主修|相关|核心)?课程|(?:毕业)?论文|研究(?:方向|重点|领域|课题)|主要荣誉|绩点|排名|专业排名)\s*[:：]",
    re.I,
)
# any labelled detail ("- *Advisor*: Prof. X", "Location: Bellevue, WA", "子项目：…")
DETAIL_LABEL = re.compile(r"^[A-Za-z][A-Za-z &/]{0,30}[:：]|^[\u4e00-\u9fff]{1,8}[:：]")
SENTENCE = re.compile(r"[。；;]|，.*，|由.{1,20}指导|supervised by|advised by", re.I)
# a line break typed into a title line ("Lab Intern \\ Supervised by Prof. X", typst or LaTeX)
_LINE_BREAK = re.compile(r"(?<!\s)\s+\\\\?\s+")  # from the start of a space run only: linear
_NOISE = re.compile(r"[（(]\s*[\d.]+\s*年\s*[)）]|[（(][^()（）]{0,12}(?:预计|expected)[^()（）]{0,6}[)）]|(?:预计|expected)", re.I)
_EMPHASIS = re.compile(r"^\s*(?:#{1,6}\s|\*\*|__)")
_LIST_MARK = re.compile(r"^\s*[-*+](?:\s|$)")
# 'Title  Role  2020 – 2022' typed with wide gaps: the gaps separate the parts
_WIDE_GAP = re.compile(r"\S(?:\s{3,}|\t)(?=\S)")


@dataclass(frozen=True)
class Line:
    """A line's facts. The date is read for every line; the rest only when a layout asks, once."""

    n: int  # 1-based line number
    raw: str
    plain: str  # markup and leading bullets removed, NFKC
    date: DateRange | None
    layout: LineLayout | None = None

    @property
    def blank(self) -> bool:
        return not self.plain

    @cached_property
    def rest(self) -> str:
        """The words beside the date, cleaned ('' for a bare date line)."""
        return _rest(_spaced_plain(self.raw), self.date) if self.date else ""

    @cached_property
    def date_first(self) -> bool:
        """The date opens the line ("2022.03 - 至今: 高级研究员")."""
        return self.date is not None and self.plain.find(self.date.text) in (0, 1)

    @cached_property
    def indent(self) -> int:
        """Leading spaces: every reader writes a line's visual indent or list depth as spaces."""
        return indent(self.raw)

    @cached_property
    def bullet(self) -> bool:
        """Any leading marker, '➤' included; a '#' heading not."""
        return is_bullet(self.raw)

    @cached_property
    def item(self) -> bool:
        """A list item, not a line in bold or italics ("**Acme**", "*Sep. 2021 – …*")."""
        return self.bullet and not re.match(r"\s*\*\S", self.raw)

    @cached_property
    def marker(self) -> str:
        """The list marker ('-', '•', '–', '1.'), '' for none: a different one under a line nests it."""
        m = _MARKER.match(self.raw)
        return m.group(1) if m else ""

    @cached_property
    def label(self) -> bool:
        """A body label ("Thesis: …")."""
        return bool(BODY_LABEL.match(self.plain))

    @cached_property
    def detail(self) -> bool:
        """Any "Label: …"."""
        return bool(DETAIL_LABEL.match(self.plain))

    @cached_property
    def sentence(self) -> bool:
        return bool(SENTENCE.search(self.plain))

    @cached_property
    def emphasis(self) -> bool:
        """A heading or a line in bold: by its markup or its layout."""
        lay = self.layout
        return bool(lay and (lay.bold or lay.heading)) or bool(_EMPHASIS.match(self.raw)) or (self.plain.startswith("`") and self.date is None)

    def title_text(self) -> str:
        """The line as a candidate title: plain text cut at a typed line break."""
        return _LINE_BREAK.split(self.plain, maxsplit=1)[0].strip()


def clean_title(text: str) -> str:
    """Brackets left empty by a removed date, '(expected)', separators at the ends."""
    text = _NOISE.sub(" ", text)
    text = re.sub(r"[（(]\s*[,，、]?\s*", "(", text)
    text = re.sub(r"\(\s*\)|（\s*）|\(\s*[,，]\s*|[,，]\s*\)", " ", text)
    text = re.sub(r"[(（][_*\s]{1,8}[)）]", " ", text)  # '(_ _)': the emphasis of a removed '(_May 2022 - July 2023_)'
    text = re.sub(r"^[\s|｜:：,，\-–—~]+|[\s|｜:：,，\-–—~(（]+$", "", text)
    return " ".join(text.split())


def _spaced_plain(raw: str) -> str:
    """Plain text with wide gaps kept as ' | ' (they separate org, role and place in plain-text CVs)."""
    return strip_markup(_WIDE_GAP.sub(lambda m: m.group(0)[0] + " | ", raw))


def _rest(plain: str, rng: DateRange) -> str:
    if rng.text in plain:
        return clean_title(plain.replace(rng.text, " ", 1))
    return clean_title(plain[: rng.span[0]] + " " + plain[rng.span[1] :])


_MARKER = re.compile(r"^\s*([-*+•·●○■□◆◇▪▸►➤➢›»–—∗]|\d{1,2}[.、)）])\s")


def read_line(n: int, raw: str, layout: LineLayout | None = None) -> Line:
    plain = strip_markup(raw)
    return Line(n, raw, plain, find_entry_range(plain) if plain else None, layout)


_UNREAD = Line(0, "", "", None)


def read_lines(lines: list[str], layout: list[LineLayout] | None = None, only: set[int] | None = None) -> list[Line]:
    """Every line (or those numbered in `only`; the others left blank), read once. `layout` is
    Document.layout (empty for plain text)."""
    aligned = layout if layout and len(layout) == len(lines) else [None] * len(lines)
    return [
        read_line(i, raw, lay) if only is None or i in only else _UNREAD
        for i, (raw, lay) in enumerate(zip(lines, aligned), 1)
    ]


def is_markdown_item(raw: str) -> bool:
    """A Markdown list item ('- x', '* x', '+ x'): a heading never is one."""
    return bool(_LIST_MARK.match(raw))
