"""A PDF's publication list as a reader sees it: one entry per paragraph, not per printed line.

A PDF breaks a long citation wherever the column ends ('… Soft-Label Chain Conditional Random
Field.' / '  In Proceedings of the 2019 Conference …'), so each printed line is only a piece of
an entry, and a title, its authors and its venue land on different lines at random places. Text
and Markdown resumes put their line breaks on purpose and are left alone. Two paragraph shapes
are joined, only on lines the PDF reader laid out (their layout has a page):

- a hanging indent: the entry's first line at the left, its continuations indented under it;
- an opener column: every entry opens with its year ('2026 Title …') or its number or bullet
  ('[3]. Authors …', '• Title …'), continuations do not;
- otherwise, the pieces of one part: a bold title wrapped over two lines (when titles are what
  is bold), an author list or venue broken after a comma or a hyphen.

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
    """`lines` with each PDF publication entry joined onto its first line (the rest blank), and,
    in any format, a list number standing alone ('[4].', from a word processor's numbering) put
    back in front of the entry it numbers."""
    out = list(lines)
    for sec in sections:
        if sec.kind == "publication":
            _number_onto_entry(out, sec.body)
    if not layout:
        return out
    for sec in sections:
        if sec.kind == "publication":
            body = [n for n in sec.body if 0 < n <= len(layout) and layout[n - 1].page is not None]
            if not _join(out, body) and not _join_paragraphs(out, body, layout):
                _join_pieces(out, body, layout)
    return out


_BARE_NUMBER = re.compile(r"^\s*(?:\[\d{1,3}\]\.?|\(?\d{1,3}[.)])\s*$")


def _number_onto_entry(out: list[str], body: list[int]) -> None:
    for k, n in enumerate(body[:-1]):
        nxt = body[k + 1]
        if _BARE_NUMBER.match(out[n - 1]) and out[nxt - 1].strip():
            out[n - 1] = out[n - 1].strip() + " " + out[nxt - 1].strip()
            out[nxt - 1] = ""


def _join(out: list[str], body: list[int]) -> bool:
    """Join entries by their openers or hanging indent; False when the list has neither shape."""
    filled = [n for n in body if out[n - 1].strip()]
    opener_column = sum(1 for n in filled if _OPENER.match(out[n - 1])) >= MIN_OPENERS
    head: int | None = None
    joined = False
    last = -1  # the entry's last printed line: a blank line ends the paragraph
    for n in filled:
        text = out[n - 1]
        if head is not None and n == last + 1 and _continues(out[head - 1], text, opener_column):
            _append(out, head, n)
            joined = True
        else:
            head = n
        last = n
    return opener_column or joined


# 'Andy Shih, ' opening an entry: a citation that starts with its author list
AUTHORS_LEAD = r"(?:[A-Z][\w'\-]*\.?\s+){1,3}[A-Z][\w'\-]*\*?,\s"
_AUTHORS_FIRST = re.compile(rf"^\s*{AUTHORS_LEAD}")


def _join_paragraphs(out: list[str], body: list[int], layout: list[LineLayout]) -> bool:
    """Citations that open with their authors ('Andy Shih, Dorsa Sadigh, and …. Title. In …'),
    one paragraph each, blank lines between and nothing in bold: each paragraph is one entry."""
    filled = [n for n in body if out[n - 1].strip()]
    if any(layout[n - 1].bold for n in filled):
        return False
    paragraphs: list[list[int]] = []
    for n in filled:
        if paragraphs and n == paragraphs[-1][-1] + 1:
            paragraphs[-1].append(n)
        else:
            paragraphs.append([n])
    opened = sum(1 for p in paragraphs if _AUTHORS_FIRST.match(out[p[0] - 1]))
    if len(paragraphs) < MIN_OPENERS or opened * 2 < len(paragraphs):
        return False
    for p in paragraphs:
        for n in p[1:]:
            _append(out, p[0], n)
    return True


def _join_pieces(out: list[str], body: list[int], layout: list[LineLayout]) -> None:
    """A title, an author list or a venue broken over two printed lines, joined back; the parts
    stay on their own lines for the entry assembler."""
    filled = [n for n in body if out[n - 1].strip()]
    titles_bold = 0 < sum(1 for n in filled if layout[n - 1].bold) < len(filled)
    prev: int | None = None
    for n in filled:
        if prev is not None and n == prev + 1 and _piece_goes_on(out[prev - 1], layout[prev - 1], layout[n - 1], titles_bold):
            _append(out, prev, n)
            continue  # the joined line may go on again on the next one
        prev = n


def _piece_goes_on(text: str, lay: LineLayout, below: LineLayout, titles_bold: bool) -> bool:
    if bool(lay.bold) != bool(below.bold) or _OPENER.match(text):
        return False
    if titles_bold and lay.bold:
        return True  # a bold title wrapped
    end = text.rstrip()
    return end.endswith((",", " and", " &")) or (end.endswith("-") and not end.endswith(" -"))


def _continues(head: str, text: str, opener_column: bool) -> bool:
    if _OPENER.match(text):
        return False
    if opener_column:
        return bool(_OPENER.match(head))
    return indent(text) > indent(head)


def _append(out: list[str], onto: int, n: int) -> None:
    """Line n joined onto line `onto` (1-based), and left blank so line numbers still hold."""
    out[onto - 1] = out[onto - 1].rstrip() + _glue(out[onto - 1]) + out[n - 1].strip()
    out[n - 1] = ""


def _glue(head: str) -> str:
    """'D19-' + '1515' is one token; otherwise a space."""
    return "" if head.rstrip().endswith("-") and not head.rstrip().endswith(" -") else " "
