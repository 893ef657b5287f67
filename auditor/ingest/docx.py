"""DOCX to lines with layout: paragraphs, list items, tables, text boxes, headers and footers.

docx2python finds text boxes, headers, footers and table cells in document order, which Word
resume templates rely on; python-docx misses text boxes (ecosystem.md, C). The text of each
paragraph is read from its XML here (docx_runs), so links read as their text and bold runs,
heading styles and list levels reach the layout.

Order: header lines, the body, footer lines (each header or footer once, not once per page).
A table row of single-paragraph cells is one line, cells joined by ' | ' ('Acme Corp | 2020 –
2022'); when a cell holds several paragraphs, the first paragraph of each cell makes the row's
line and the rest follow cell by cell, so a date column stays with its organisation.
A list item reads as '- text' (nested '  - text', numbered '1) text'), like Markdown. In a file
written by a converter (pandoc from Markdown), the source's line breaks are read back (docx_runs).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from defusedxml import ElementTree

from auditor.errors import InputError
from auditor.ingest.docx_runs import ParagraphLine, paragraph_lines
from auditor.ingest.docx_styles import W, StyleFacts, list_level, outline_heading, read_styles
from auditor.ingest.extracted import Extracted
from auditor.ingest.limits import Limits
from auditor.models import LineLayout

_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_NUMBER_MARKER = re.compile(r"^\(?[0-9A-Za-z]{1,4}[.)]$")
_RSID = re.compile(r"\bw:rsid(?:R|RPr|P|RDefault)=")


@dataclass
class _Line:
    text: str
    layout: LineLayout


@dataclass
class _Reading:
    styles: dict[str, StyleFacts]
    soft_breaks: bool
    source: list[Any]  # the body's w:p elements as written (docx2python merges runs it deems alike)
    mapped: dict[Any, Any] | None = None

    def original(self, element: Any) -> Any:
        """The paragraph as written in the file, for its runs' formatting: docx2python joins a
        bold run with a plain one when it writes no HTML, which would make 'Skills: Python' bold."""
        if self.mapped is None:
            merged = list(element.getroottree().getroot().iter(W + "p"))
            self.mapped = dict(zip(merged, self.source)) if len(merged) == len(self.source) else {}
        return self.mapped.get(element, element)


def _guard(data: bytes, limits: Limits) -> tuple[bytes | None, bytes]:
    """Zip-bomb and shape checks before anything is inflated; returns styles.xml and document.xml."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(i.file_size for i in zf.infolist())
            if total > limits.max_unzipped_bytes:
                raise InputError(f"DOCX unpacks to {total // 1_000_000} MB, over the limit (a zip bomb?)")
            names = zf.namelist()
            if "word/document.xml" not in names:
                raise InputError("not a DOCX file (no word/document.xml)")
            styles = zf.read("word/styles.xml") if "word/styles.xml" in names else None
            document = zf.read("word/document.xml")
    except zipfile.BadZipFile as exc:
        raise InputError("not a DOCX file (corrupt zip)") from exc
    return styles, document


def read_docx(data: bytes, limits: Limits) -> Extracted:
    styles_xml, document = _guard(data, limits)
    from docx2python import docx2python

    try:
        source = list(ElementTree.fromstring(document).iter(W + "p"))
        # no Word revision ids: written by a converter, whose runs are as it wrote them (docx_runs)
        generated = not _RSID.search(document.decode("utf-8", errors="replace"))
        reading = _Reading(read_styles(styles_xml), generated, source)
        with docx2python(io.BytesIO(data), duplicate_merged_cells=False) as doc:
            lines = _once(_part_lines(doc.header_pars, _Reading(reading.styles, False, [])))
            lines += _part_lines(doc.body_pars, reading)
            lines += _once(_part_lines(doc.footer_pars, _Reading(reading.styles, False, [])))
    except InputError:
        raise
    except Exception as exc:  # docx2python and the XML parser raise bare KeyError/ValueError/ParseError on broken parts
        raise InputError(f"not a readable DOCX ({type(exc).__name__})") from exc
    return Extracted([line.text for line in lines], [line.layout for line in lines])


def _once(lines: list[_Line]) -> list[_Line]:
    """A header or footer repeated for first, even and odd pages is read once."""
    seen: set[str] = set()
    out = []
    for line in lines:
        if line.text.strip() and line.text not in seen:
            seen.add(line.text)
            out.append(line)
    return out


def _part_lines(tables: list[Any], reading: _Reading) -> list[_Line]:
    """docx2python's tables -> rows -> cells -> paragraphs (body text is a one-cell table)."""
    out: list[_Line] = []
    for table in tables:
        for row in table:
            cells = [[line for par in cell if not _is_fallback(par) for line in _paragraph(par, reading)] for cell in row]
            out.extend(_row_lines(cells))
    return out


def _row_lines(cells: list[list[_Line]]) -> list[_Line]:
    """One row of a table (or the body) in reading order, see the module docstring."""
    filled = [[line for line in cell if line.text.strip()] for cell in cells]
    filled = [cell for cell in filled if cell]
    if len(filled) < 2:
        return [line for cell in cells for line in cell]
    first = [cell[0] for cell in filled]
    joined = _Line(" | ".join(line.text.strip() for line in first), _joined_layout([line.layout for line in first]))
    return [joined] + [line for cell in filled for line in cell[1:]]


def _joined_layout(layouts: list[LineLayout]) -> LineLayout:
    bold = all(lay.bold for lay in layouts) if all(lay.bold is not None for lay in layouts) else None
    return LineLayout(bold=bold, heading=layouts[0].heading)


def _is_fallback(par: Any) -> bool:
    """The copy of a text box that Word keeps for old readers (the first copy is read)."""
    return any(a.tag == _MC_FALLBACK for a in par.elem.iterancestors())


def _paragraph(par: Any, reading: _Reading) -> list[_Line]:
    ppr = par.elem.find(W + "pPr")
    facts = reading.styles.get(par.style or "", StyleFacts())
    heading = outline_heading(ppr) or facts.heading
    level = list_level(ppr)
    level = facts.list_level if level is None else level
    marker = _list_marker(par) if level is not None or par.list_position[1] else None
    if marker is None:
        level = None
    # a heading or a list item is one line, whatever its runs ('**Acme** Research Intern')
    soft = reading.soft_breaks and heading is None and marker is None
    lines = paragraph_lines(reading.original(par.elem), reading.styles, bool(facts.bold), soft)
    out = []
    for k, line in enumerate(lines):
        out.append(_line(line, heading, level if k == 0 else None, marker if k == 0 else None, par))
    return out


def _line(line: ParagraphLine, heading: int | None, level: int | None, marker: str | None, par: Any) -> _Line:
    text = line.text.strip() if heading else line.text.rstrip()  # a heading's leading space is no indent
    depth = (level if level is not None else len(par.list_position[1]) - 1) if marker else 0
    if marker:
        text = "  " * depth + marker + " " + text.lstrip()
    layout = LineLayout(bold=line.bold, heading=heading if text.strip() else None, indent=depth + 1 if marker else 0, list_marker=marker)
    return _Line(text, layout)


def _list_marker(par: Any) -> str | None:
    """'-' for a bullet, '1.' / 'a)' … for a numbered item: docx2python works the number out from
    numbering.xml and writes it as the paragraph's first run ('--\\t', '1)\\t')."""
    for run in par.runs:
        text = run.text.strip()
        if not text:
            continue
        if not run.text.endswith("\t"):
            return None
        if text == "--" or len(text) == 1 and not text.isalnum():
            return "-"
        return text if _NUMBER_MARKER.match(text) else "-"
    return None
