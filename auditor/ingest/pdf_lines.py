"""Glyphs to lines in reading order: words by size-relative gaps, columns by gutters, rows.

Written here rather than taken from a library: pdfminer's layout analysis is the slow part
of pdfplumber, and PDFium's own text order is the content-stream order (a margin date or a
two-column page comes out interleaved). The steps:

1. runs: consecutive glyphs on one baseline; a gap wider than WORD_GAP x font size is a
   word space (a 10 pt serif's space is ~2.5 pt, so no fixed point value works), a gap wider
   than CELL_GAP x size starts a new run (a right-aligned date, the next column);
2. gutters: an x band that no run crosses over most of the page (a few full-width lines,
   the name or a heading, may cross it). When the runs on both sides share their rows it is
   a margin column (headings, dates) or a table, read row by row; when they do not, it is a
   second column (a sidebar), read after the first;
3. rows: runs that overlap vertically, left to right; a wide gap between runs becomes two
   spaces, so a cell stays a cell for the parser.
"""

from __future__ import annotations

import bisect
import statistics
from dataclasses import dataclass, field

from auditor.ingest.pdf_chars import Char, PageChars

WORD_GAP = 0.17  # x font size: a space; kerning and letter gaps are far smaller
CELL_GAP = 1.0  # x font size: more than a space: a new cell or column
BIN = 2.0  # pt per bin of the gutter search
MIN_GUTTER = 5.0  # pt
MAX_GUTTERS = 6  # the widest few; a page of scattered glyphs has many narrow ones
ALIGNED = 0.6  # share of left runs sharing a row with the right side: a margin column, not two columns


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef" or "\u3000" <= ch <= "\u303f"


@dataclass
class Run:
    chars: list[Char]
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class Row:
    """One output line: the runs of a row, left to right."""

    runs: list[Run]
    page: int
    column: int
    text: str = ""
    x0: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold: bool = False
    margin: bool = False  # a cell of a margin column (left of a row-aligned gutter)
    extra: dict = field(default_factory=dict)


def _make_run(chars: list[Char], spaces: list[bool]) -> Run | None:
    """A run from its glyphs (never blank ones) and whether a word space precedes each."""
    if not chars:
        return None
    parts = []
    for ch, space in zip(chars, spaces):
        if space and parts:
            parts.append(" ")
        parts.append(ch.text)
    sizes = sorted(c.style.size for c in chars)
    return Run(
        chars=chars,
        text="".join(parts),
        x0=min(c.x0 for c in chars),
        x1=max(c.x1 for c in chars),
        top=min(c.top for c in chars),
        bottom=max(c.bottom for c in chars),
        size=sizes[len(sizes) // 2],
        bold=sum(c.style.bold for c in chars) * 2 > len(chars),
    )


def _step(ch: Char, last: Char) -> tuple[str, float, float]:
    """How `ch` follows `last` in content order: ('skip'|'break'|'same', gap, font size)."""
    size = max(ch.style.size, last.style.size, 1.0)
    gap = ch.x0 - last.x1
    if ch.x0 == last.x0 and ch.x1 == last.x1:  # PDFium splits a ligature (ﬁ) into letters sharing one box
        return "same", 0.0, size
    if ch.text == last.text and abs(ch.x0 - last.x0) < 0.2 * size:
        return "skip", gap, size  # the same glyph printed twice, slightly offset: fake bold
    overlap = min(ch.bottom, last.bottom) - max(ch.top, last.top)
    same_line = overlap > 0.5 * min(ch.bottom - ch.top, last.bottom - last.top)
    if not same_line or gap > CELL_GAP * size or ch.x0 < last.x0 - 0.25 * size:
        return "break", gap, size
    return "same", gap, size


def _word_gap(ch: Char, last: Char, gap: float, size: float) -> bool:
    """A gap that reads as a space: wider than WORD_GAP, or half an em between two CJK glyphs."""
    if gap <= WORD_GAP * size:
        return False
    return gap > 0.5 * size or not (_is_cjk(ch.text) and _is_cjk(last.text))


def runs_of(chars: list[Char]) -> list[Run]:
    """Glyphs in content order to runs; spaces in the PDF and wide gaps both separate words."""
    runs: list[Run] = []
    cur: list[Char] = []
    spaces: list[bool] = []
    pending_space = False
    last: Char | None = None
    for ch in chars:
        if ch.text.isspace():
            pending_space = True
            continue
        if last is not None:
            how, gap, size = _step(ch, last)
            if how == "skip":
                continue
            if how == "break":
                run = _make_run(cur, spaces)
                if run:
                    runs.append(run)
                cur, spaces = [], []
            elif not pending_space:
                pending_space = _word_gap(ch, last, gap, size)
        cur.append(ch)
        spaces.append(pending_space)
        pending_space = False
        last = ch
    run = _make_run(cur, spaces)
    if run:
        runs.append(run)
    return runs


def _gutters(runs: list[Run], width: float) -> list[tuple[float, float]]:
    """X bands crossed by (almost) no run, between text on both sides, widest first."""
    if len(runs) < 6:
        return []
    bins = int(width / BIN) + 2
    diff = [0] * (bins + 1)
    for r in runs:
        diff[max(0, int(r.x0 / BIN))] += 1
        diff[min(bins, int(r.x1 / BIN) + 1)] -= 1
    cover, acc = [], 0
    for d in diff[:bins]:
        acc += d
        cover.append(acc)
    left_edge = min(r.x0 for r in runs)
    right_edge = max(r.x1 for r in runs)
    allowed = max(2, len(runs) // 20)
    out, start = [], None
    for i, c in enumerate(cover + [allowed + 1]):
        x = i * BIN
        free = c <= allowed and left_edge < x < right_edge
        if free and start is None:
            start = x
        elif not free and start is not None:
            if x - start >= MIN_GUTTER:
                out.append((start, x))
            start = None
    return sorted(out, key=lambda g: g[0] - g[1])


def _aligned_share(few: list[Run], many: list[Run]) -> float:
    """Share of `few` with a run of `many` on the same baseline (bottoms within a quarter
    line): chance overlaps of two line pitches do not count. Sorted bottoms keep it
    O(n log n) on a page of thousands of scattered glyphs."""
    bottoms = sorted((b.bottom, b.height) for b in many)
    keys = [b for b, _ in bottoms]
    hits = 0
    for a in few:
        reach = 0.25 * a.height
        i = bisect.bisect_left(keys, a.bottom - reach)
        while i < len(keys) and keys[i] <= a.bottom + reach:
            if abs(a.bottom - keys[i]) < 0.25 * min(a.height, bottoms[i][1]):
                hits += 1
                break
            i += 1
    return hits / len(few)


def _sides(runs: list[Run], g0: float, g1: float) -> tuple[list[Run], list[Run]]:
    """Runs left and right of a gutter; a few may reach into it, so one side's runs stop
    before the other side's begin."""
    left = [r for r in runs if r.x1 < g1 - BIN / 2]
    right = [r for r in runs if r.x0 > g0 + BIN / 2 and r.x1 >= g1 - BIN / 2]
    return left, right


def _date_like(run: Run) -> bool:
    return len(run.text) <= 30 and any(c.isdigit() for c in run.text)


def _beside(run: Run, row: Row) -> bool:
    """A short cell with digits, set right of a row and partly on it (a year centred on a
    two-line entry), belongs to that row."""
    return _date_like(run) and run.x0 > max(r.x1 for r in row.runs) + CELL_GAP * run.size


def _mostly_dates(runs: list[Run]) -> bool:
    """Short cells with digits (dates, years, venues with a year) set beside their entries,
    even off their rows, belong with those entries, not after them as a column."""
    short = sum(1 for r in runs if _date_like(r))
    return short >= 0.7 * len(runs)


def _split(runs: list[Run], width: float) -> tuple[list[list[Run]], float | None, list[Run]]:
    """(columns left to right, x before which a run is a margin cell or None, runs crossing the gutter)."""
    margin_x: float | None = None
    for g0, g1 in _gutters(runs, width)[:MAX_GUTTERS]:
        left, right = _sides(runs, g0, g1)
        if len(left) < 3 or len(right) < 3:
            continue
        # the sparser side decides: dates or headings in a margin share the rows of the text
        # beside them; a sidebar keeps its own line pitch
        few, many = (left, right) if len(left) <= len(right) else (right, left)
        aligned = _aligned_share(few, many)
        if aligned < ALIGNED and not _mostly_dates(few):
            crossing = [r for r in runs if r.x0 <= g0 + BIN / 2 and r.x1 >= g1 - BIN / 2]
            return [left, right], None, crossing
        if few is left and (margin_x is None or g1 - BIN / 2 < margin_x):
            margin_x = g1 - BIN / 2
    return [runs], margin_x, []


def _group(runs: list[Run], page: int, column: int) -> list[Row]:
    """Runs that overlap vertically, top to bottom, as rows (their runs not yet in x order)."""
    rows: list[Row] = []
    for run in sorted(runs, key=lambda r: (r.top + r.bottom) / 2):
        if rows:
            row = rows[-1]
            overlap = min(run.bottom, row.bottom) - max(run.top, row.top)
            if overlap > 0.5 * min(run.height, row.bottom - row.top):
                row.runs.append(run)
                row.top, row.bottom = min(row.top, run.top), max(row.bottom, run.bottom)
                continue
            if overlap > 0 and _beside(run, row):
                row.runs.append(run)  # the row keeps its own height: the next line stays a line
                continue
        rows.append(Row([run], page, column, top=run.top, bottom=run.bottom))
    return rows


def _rows(runs: list[Run], page: int, column: int, margin_x: float | None) -> list[Row]:
    rows = _group(runs, page, column)
    out: list[Row] = []
    for row in rows:
        row.runs.sort(key=lambda r: r.x0)
        if margin_x is not None:
            row.runs[:1] = _cut(row.runs[0], margin_x)
        first = row.runs[0]
        if margin_x is None or first.x1 >= margin_x or not _heading_like(first):
            out.append(_finish(row))
            continue
        # a margin heading is a line of its own; a heading wrapped over two rows is one line
        prev = out[-2] if len(out) >= 2 and out[-1].extra.get("after_margin") else None
        if prev is not None and prev.margin and first.top - prev.bottom < 0.6 * first.size:
            prev.runs.append(first)
            _finish(prev)
        else:
            out.append(_finish(Row([first], page, column, margin=True)))
        if len(row.runs) > 1:
            out.append(_finish(Row(row.runs[1:], page, column, extra={"after_margin": True})))
    return out


def _cut(run: Run, x: float) -> list[Run]:
    """A run reaching over the margin gutter ('PUBLICATIONS QUESO: ...', the gap only a
    space wide) cut at the gutter into the margin cell and the rest."""
    if run.x0 >= x or run.x1 <= x:
        return [run]
    k = next((i for i, c in enumerate(run.chars) if c.x0 >= x - BIN), 0)
    if k == 0 or run.chars[k - 1].x1 > x:
        return [run]
    seen = 0
    for split, ch in enumerate(run.text):
        if not ch.isspace():
            seen += 1
        if seen == k:
            break
    head, tail = run.text[: split + 1].strip(), run.text[split + 1 :].strip()
    if not head or not tail:
        return [run]
    parts = []
    for chars, text in ((run.chars[:k], head), (run.chars[k:], tail)):
        part = _make_run(chars, [False] * len(chars))
        if part is None:
            return [run]
        part.text = text
        parts.append(part)
    return parts


def _heading_like(run: Run) -> bool:
    """A margin cell that names a section (bold or capitals, a few words, no dates)."""
    text = run.text
    if any(ch.isdigit() for ch in text) or len(text.split()) > 4 or len(text) > 30:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or text[-1] in ".,;:，。；：":
        return False
    # in a margin column the cells without dates are section names, bold, capitals or not
    return run.bold or len(text.split()) <= 3 and (letters[0].isupper() or not letters[0].isascii())


def _finish(row: Row) -> Row:
    parts: list[str] = []
    prev: Run | None = None
    for run in row.runs:
        if prev is not None:
            gap = run.x0 - prev.x1
            size = max(run.size, prev.size, 1.0)
            if gap > CELL_GAP * size:
                parts.append("  ")
            elif gap > WORD_GAP * size or not (_is_cjk(prev.text[-1]) and _is_cjk(run.text[0])):
                parts.append(" ")
        parts.append(run.text)
        prev = run
    chars = [c for r in row.runs for c in r.chars]
    row.text = "".join(parts)
    row.x0 = row.runs[0].x0
    row.top = min(r.top for r in row.runs)
    row.bottom = max(r.bottom for r in row.runs)
    # a row holding the name and contact details is as large as the name, its first run
    row.size = max(statistics.median(c.style.size for c in chars), row.runs[0].size)
    row.bold = sum(c.style.bold for c in chars) * 2 > len(chars)
    return row


def page_rows(page: PageChars, margin_hint: float | None = None) -> tuple[list[Row], float | None]:
    """The rows of one page in reading order (each carries its column, 0 = left or only), and the
    x of its margin column's gutter when it has one. A page with too few margin cells to show its
    own gutter (one heading in the margin of a page of papers) takes `margin_hint`, the gutter
    the document's other pages showed."""
    runs = runs_of(page.chars)
    columns, margin_x, crossing = _split(runs, page.width)
    if len(columns) == 1:
        return _rows(columns[0], page.number, 0, margin_x if margin_x is not None else margin_hint), margin_x
    # full-width lines (the name, a heading over both columns) cut the page into bands;
    # within a band the left column is read before the right one
    out: list[Row] = []
    cuts = sorted(crossing, key=lambda r: r.top)
    edges = [float("-inf")] + [r.top for r in cuts] + [float("inf")]
    for i in range(len(edges) - 1):
        lo, hi = edges[i], edges[i + 1]
        for col, col_runs in enumerate(columns):
            band = [r for r in col_runs if lo <= r.top < hi]
            out.extend(_rows(band, page.number, col, None))
        if i < len(cuts):
            out.extend(_rows([cuts[i]], page.number, 0, None))
    return out, None
