"""The text of one DOCX paragraph as lines of runs: link text (never markup), tabs, line breaks.

docx2python's own text writes links as '<a href=…>' and drops the formatting of runs, so the
paragraph element it hands over is read here instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.ingest.docx_styles import W, StyleFacts, on_off

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# not text a reader sees: field codes, deleted revisions, and text boxes (docx2python gives each
# text-box paragraph on its own), and the second copy of a shape kept for old readers
_SKIP = {W + "instrText", W + "delText", W + "del", W + "txbxContent", W + "rPr", W + "pPr", _MC + "Fallback"}
_BREAKS = {W + "br", W + "cr"}
_JOINS_AFTER = set(",，;；:：&/·•|–—-")  # a run ending so goes on after the space: 'Hu, **Meral**'
_JOINS_BEFORE = set(",，.;；:：)）]&/·•|–—-")


@dataclass
class Run:
    text: str
    bold: bool
    style: tuple[str, ...]  # what sets this run apart from its neighbours (bold, italic, char style)
    link: bool = False


@dataclass
class ParagraphLine:
    runs: list[Run] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def bold(self) -> bool | None:
        """True when every run with letters in it is bold (a line bold as a whole)."""
        worded = [r for r in self.runs if r.text.strip()]
        return all(r.bold for r in worded) if worded else None


def _run_facts(run: object, styles: dict[str, StyleFacts], para_bold: bool) -> tuple[bool, tuple[str, ...]]:
    rpr = run.find(W + "rPr")  # type: ignore[attr-defined]
    if rpr is None:
        return para_bold, ()
    char_style = rpr.find(W + "rStyle")
    style_id = char_style.get(W + "val", "") if char_style is not None else ""
    bold = on_off(rpr.find(W + "b"))
    if bold is None:
        bold = styles.get(style_id, StyleFacts()).bold
    bold = para_bold if bold is None else bold
    italic = bool(on_off(rpr.find(W + "i")))
    return bold, tuple(x for x in (("b" if bold else ""), ("i" if italic else ""), style_id) if x)


def _run_text(run: object) -> list[str]:
    """The run's text split at its line breaks (one string per line it spans)."""
    parts = [""]
    for child in run:  # type: ignore[attr-defined]  # direct children: a drawing's text is not this run's
        if child.tag == W + "t":
            parts[-1] += child.text or ""
        elif child.tag == W + "tab":
            parts[-1] += "\t"
        elif child.tag == W + "noBreakHyphen":
            parts[-1] += "-"
        elif child.tag in _BREAKS:
            parts.append("")
    return parts


def _runs(element: object, in_link: bool = False) -> list[tuple[object, bool]]:
    """The w:r elements of a paragraph in reading order (links and fields included), each with
    whether it is link text."""
    out: list[tuple[object, bool]] = []
    for child in element:  # type: ignore[attr-defined]
        if child.tag in _SKIP:
            continue
        if child.tag == W + "r":
            out.append((child, in_link))
        else:
            out.extend(_runs(child, in_link or child.tag == W + "hyperlink"))
    return out


def _is_space(pieces: list[str]) -> bool:
    return len(pieces) == 1 and bool(pieces[0]) and not pieces[0].strip(" ")


def _breaks_line(prev: Run, space_style: tuple[str, ...], nxt: Run) -> bool:
    """Whether a space written as a run of its own, in a converter's file, is a line break.

    Between runs formatted alike it is: a converter writes an ordinary space inside the text
    run. Between runs formatted differently it may be either, so it is read as a break only
    between two fields ('`2023 – 2024`', '**Acme**', 'Engineer'), not inside a list
    ('Hu, **Meral**'), next to a link, or next to a lone separator ('Paper · Code')."""
    if prev.link or nxt.link:
        return False
    if prev.style == nxt.style == space_style:
        return True
    before, after = prev.text.rstrip(), nxt.text.lstrip()
    return bool(before and after) and before[-1] not in _JOINS_AFTER and after[0] not in _JOINS_BEFORE


def paragraph_lines(paragraph: object, styles: dict[str, StyleFacts], para_bold: bool, soft_breaks: bool) -> list[ParagraphLine]:
    """The paragraph's lines: one, plus one per line break.

    `soft_breaks`: the file was written by a converter, not edited in Word (no revision ids), so
    its runs are as the converter cut them, and a space run of its own can mark a line break of
    the source (pandoc writes a Markdown line break that way; see _breaks_line). In a file Word
    has edited, runs split wherever an edit happened, and such a run is only a space."""
    runs = []
    for element, link in _runs(paragraph):
        pieces = _run_text(element)
        if any(pieces) or len(pieces) > 1:  # text, or a line break
            bold, style = _run_facts(element, styles, para_bold)
            runs.append((pieces, Run("", bold, style, link)))
    lines = [ParagraphLine()]
    for i, (pieces, run) in enumerate(runs):
        if soft_breaks and _is_space(pieces) and 0 < i < len(runs) - 1:
            prev, nxt = runs[i - 1], runs[i + 1]
            if _breaks_line(Run(prev[0][-1], prev[1].bold, prev[1].style, prev[1].link), run.style, Run(nxt[0][0], nxt[1].bold, nxt[1].style, nxt[1].link)):
                lines.append(ParagraphLine())
                continue
        for k, piece in enumerate(pieces):
            if k:
                lines.append(ParagraphLine())
            if piece:
                lines[-1].runs.append(Run(piece, run.bold, run.style, run.link))
    return lines
