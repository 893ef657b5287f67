"""A PDF's publication list as a reader sees it: one entry per paragraph, not per printed line.

A PDF breaks a long citation wherever the column ends ('… Soft-Label Chain Conditional Random
Field.' / '  In Proceedings of the 2019 Conference …'), so each printed line is only a piece of
an entry, and a title, its authors and its venue land on different lines at random places. Text
and Markdown resumes put their line breaks on purpose and are left alone. Two paragraph shapes
are joined, only on lines the PDF reader laid out (their layout has a page):

- a hanging indent: the entry's first line at the left, its continuations indented under it;
- an opener column: every entry opens with its year ('2026 Title …') or its number or bullet
  ('[3]. Authors …', '• Title …'), continuations do not.

The joined entry is written on its first line and its other lines are left blank, so line
numbers still point at the page (the entry is quoted from its first line).
"""

from __future__ import annotations

import re

from auditor.models import LineLayout
from auditor.parse.sections import SectionSpan
from auditor.parse.text import indent

# What opens an entry: its year, a number ('[3].', '3.', '(3)') or a bullet.
_OPENER = re.compile(r"^\s*(?:(?:19|20)\d\d\s+\S|[-*•·▪◦➢►–—]\s|\[\d{1,3}\]\.?\s?|\(?\d{1,3}[.)]\s)")
# an opener column is read as one only when at least this many entries open that way
MIN_OPENERS = 3


def unwrap(lines: list[str], sections: list[SectionSpan], layout: list[LineLayout] | None) -> list[str]:
    """`lines` with each PDF publication entry joined onto its first line (the rest blank)."""
    if not layout:
        return lines
    out = list(lines)
    for sec in sections:
        if sec.kind == "publication":
            body = [n for n in sec.body if 0 < n <= len(layout) and layout[n - 1].page is not None]
            _join(out, body)
    return out


def _join(out: list[str], body: list[int]) -> None:
    filled = [n for n in body if out[n - 1].strip()]
    opener_column = sum(1 for n in filled if _OPENER.match(out[n - 1])) >= MIN_OPENERS
    head: int | None = None
    last = -1  # the entry's last printed line: a blank line ends the paragraph
    for n in filled:
        text = out[n - 1]
        if head is not None and n == last + 1 and _continues(out[head - 1], text, opener_column):
            out[head - 1] = out[head - 1].rstrip() + _glue(out[head - 1]) + text.strip()
            out[n - 1] = ""
        else:
            head = n
        last = n


def _continues(head: str, text: str, opener_column: bool) -> bool:
    if _OPENER.match(text):
        return False
    if opener_column:
        return bool(_OPENER.match(head))
    return indent(text) > indent(head)


def _glue(head: str) -> str:
    """'D19-' + '1515' is one token; otherwise a space."""
    return "" if head.rstrip().endswith("-") and not head.rstrip().endswith(" -") else " "
