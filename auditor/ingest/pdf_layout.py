"""Rows of every page to the lines a reader sees, each with its LineLayout.

Running headers and footers (the same text at the top or bottom of several pages, digits
aside) and page numbers are removed; a word hyphenated at a line end is joined again; glyph
forms a reader does not see as different (ligatures, Kangxi radicals) are normalised; a blank
line marks a vertical gap, as in the source the PDF was made from.
"""

from __future__ import annotations

import re
import statistics
import unicodedata

from auditor.ingest.pdf_chars import PageChars
from auditor.ingest.pdf_lines import Row
from auditor.models import DroppedText, LineLayout

EDGE = 0.08  # share of the page height at the top and bottom where running headers live
HEADING_SIZE = 1.15  # x body size: a heading by size alone
TITLE_SIZE = 1.6  # x body size: the name or document title
GAP = 0.9  # x body size of vertical white space that makes a blank line

PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.)\s*)?[-–—]?\s*\d{1,3}\s*[-–—]?(?:\s*(?:/|of)\s*\d{1,3})?$|^第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?$",
    re.IGNORECASE,
)
MARKER = re.compile(r"^([•●○◦▪▫■□◆◇►▸‣∗*·\-–—]|\d{1,2}[.)]|\(\d{1,2}\))\s+")
HYPHEN_END = re.compile(r"[a-z]{2}-$")
WORD_START = re.compile(r"^([a-z]+)([,.;:)]?)(?:\s+|$)")
# prefixes that make hyphenated compounds ("self-supervised", "non-linear"): the hyphen stays
COMPOUND = re.compile(r"(?:^|[\s(])(?:self|non|cross|multi|semi|co|anti|post|pre|state|end|real|fine|open|well|low|high|large|long|zero|few|one|two|three|e)-$", re.IGNORECASE)
KEEP_WIDTH = re.compile(r"[\u3000\uff01-\uff5e]")  # full-width punctuation is how CJK is written


def show(text: str) -> str:
    """NFKC (ﬁ -> fi, ⼤ -> 大), leaving full-width CJK punctuation as the author typed it."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    if not KEEP_WIDTH.search(text):
        return unicodedata.normalize("NFKC", text)
    return "".join(ch if KEEP_WIDTH.match(ch) else unicodedata.normalize("NFKC", ch) for ch in text)


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def running_lines(pages: list[list[Row]], sizes: list[tuple[float, float]], body: float) -> set[int]:
    """ids of rows that are running headers, footers or page numbers. Text larger than the
    body is never a running header: the name at the top of page 1 stays when a small copy
    heads the other pages."""
    drop: set[int] = set()
    edge_keys: dict[str, set[int]] = {}
    for index, (rows, (_, height)) in enumerate(zip(pages, sizes)):
        for row in rows:
            at_edge = row.top < EDGE * height or row.bottom > (1 - EDGE) * height
            if not at_edge:
                continue
            if PAGE_NUMBER.match(row.text.strip()):
                drop.add(id(row))
            edge_keys.setdefault(_key(row.text), set()).add(index)
    if len(pages) > 1:
        for rows, (_, height) in zip(pages, sizes):
            for row in rows:
                at_edge = row.top < EDGE * height or row.bottom > (1 - EDGE) * height
                if at_edge and row.size < HEADING_SIZE * body and len(edge_keys.get(_key(row.text), ())) > 1:
                    drop.add(id(row))
    return drop


def _ruled(row: Row, rules: list[tuple[float, float, float]], body: float) -> bool:
    """A rule just under the row (within a line height) and overlapping it: a heading rule."""
    return any(row.bottom - 2 <= top <= row.bottom + 1.2 * body and x0 <= row.x0 + 5 and x1 > row.x0 for top, x0, x1 in rules)


def _label(text: str) -> bool:
    """Short, with letters, not a sentence, a list item, table cells or a contact: what a heading can be."""
    if len(text) > 40 or len(text.split()) > 6 or text[-1:] in ".,;，。；、":
        return False
    if "  " in text or "@" in text or "://" in text or text.lower().startswith("www."):
        return False
    return any(c.isalpha() for c in text) and not MARKER.match(text)


def _capitals(text: str) -> bool:
    latin = [c for c in text if c.isalpha() and c.isascii()]
    return bool(latin) and all(c.isupper() for c in latin)


def _heading(row: Row, rel: float, ruled: bool, top_size: float) -> int | None:
    """1 for the largest text of the document (the name or title), 2 for section headings."""
    text = row.text.strip()
    if not _label(text):
        return None
    if rel >= TITLE_SIZE and rel >= 0.95 * top_size:
        return 1
    capitals = _capitals(text)
    if rel >= HEADING_SIZE or ruled or (row.margin and (row.bold or capitals)):
        return 2
    if row.bold and capitals and not any(c.isdigit() for c in text):
        return 2
    return None


def _centred(rows: list[Row], body: float) -> set[int]:
    """Rows centred in their column away from its left edge (a name, a contact line): not indented."""
    if not rows:
        return set()
    left = min(r.x0 for r in rows)
    right = max(max(run.x1 for run in r.runs) for r in rows)
    middle = (left + right) / 2
    return {
        id(r) for r in rows if r.x0 - left > 2 * body and abs((r.x0 + max(run.x1 for run in r.runs)) / 2 - middle) < 1.5 * body
    }


def _indents(rows: list[Row], body: float) -> dict[int, int]:
    """Indent step of each row of one page column: rank of its left edge among the edges
    that start at least two lines; centred and margin rows are at step 0."""
    centred = _centred(rows, body)
    counts: dict[float, int] = {}
    clusters: list[float] = []
    for x in sorted(r.x0 for r in rows if not r.margin and id(r) not in centred):
        if clusters and x - clusters[-1] < 0.4 * body:
            counts[clusters[-1]] += 1
            continue
        clusters.append(x)
        counts[x] = 1
    steps = [x for x in clusters if counts[x] > 1] or clusters[:1]
    out = {}
    for r in rows:
        rank = sum(1 for x in steps if x <= r.x0 + 0.4 * body) - 1
        out[id(r)] = 0 if id(r) in centred else max(0, min(rank, 6))
    return out


def _dehyphenate(lines: list[str], layout: list[LineLayout]) -> None:
    """'con-' / 'trollable generation' -> 'controllable' / 'generation' (lower case on both
    sides only: 'D19-' / '1515' and 'EMNLP-' / 'IJCNLP' stay as they are)."""
    for i in range(len(lines) - 1):
        if not HYPHEN_END.search(lines[i]):
            continue
        j = i + 1
        if layout[j].column != layout[i].column:
            continue  # the next line of another column does not continue this word
        lead = len(lines[j]) - len(lines[j].lstrip())
        m = WORD_START.match(lines[j].lstrip())
        if not m:
            continue
        lines[i] = (lines[i] if COMPOUND.search(lines[i]) else lines[i][:-1]) + m.group(1) + m.group(2)
        lines[j] = lines[j][:lead] + lines[j][lead + m.end() :] if lines[j][lead + m.end() :] else ""


def _page_indents(rows: list[Row], body: float) -> dict[int, int]:
    indents: dict[int, int] = {}
    for column in {r.column for r in rows}:
        indents.update(_indents([r for r in rows if r.column == column], body))
    return indents


def _line(row: Row, body: float, top_size: float, rules: list[tuple[float, float, float]], step: int) -> tuple[str, LineLayout]:
    rel = round(row.size / body, 2) if body else 1.0
    text = show(row.text)
    heading = _heading(row, rel, _ruled(row, rules, body), top_size)
    step = 0 if heading else step
    m = MARKER.match(text)
    layout = LineLayout(
        size=rel,
        bold=row.bold,
        indent=step,
        list_marker=m.group(1) if m else None,
        heading=heading,
        page=row.page,
        column=row.column,
    )
    return "  " * step + text, layout  # nested items stay nested for a text-only reader


def build(pages: list[list[Row]], page_info: list[PageChars]) -> tuple[list[str], list[LineLayout], list[DroppedText]]:
    sizes_all = [c.style.size for p in page_info for c in p.chars]
    body = statistics.median(sizes_all) if sizes_all else 10.0
    top_size = max((r.size for rows in pages for r in rows), default=body) / body
    drop = running_lines(pages, [(p.width, p.height) for p in page_info], body)
    lines: list[str] = []
    layout: list[LineLayout] = []
    dropped: list[DroppedText] = []
    for rows, info in zip(pages, page_info):
        indents = _page_indents(rows, body)
        prev: Row | None = None
        for row in rows:
            if id(row) in drop:
                dropped.append(DroppedText(text=row.text[:500], reason="running-header-footer", page=row.page))
                continue
            if prev is not None and row.column == prev.column and row.top - prev.bottom > GAP * body:
                lines.append("")
                layout.append(LineLayout(page=row.page, column=row.column))
            text, lay = _line(row, body, top_size, info.rules, indents.get(id(row), 0))
            lines.append(text)
            layout.append(lay)
            prev = row
    _dehyphenate(lines, layout)
    return lines, layout, dropped
