"""Build small DOCX resumes with python-docx for the ingest tests: heading styles, list levels,
bold runs, tables, hyperlinks, a text box, headers and footers. Files go to the test's tmp_path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

_VML = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def new() -> Any:
    """A fresh document on python-docx's default template (it has the Heading and List styles)."""
    return docx.Document()


def save(document: Any, tmp_path: Path, name: str = "cv.docx") -> Path:
    path = tmp_path / name
    document.save(str(path))
    return path


def add_list_item(document: Any, text: str, level: int = 0, numbered: bool = False) -> Any:
    """A list paragraph at `level` (0 = top) with numbering in w:numPr, as Word writes it."""
    style = ("List Number" if numbered else "List Bullet") + ("" if level == 0 else f" {level + 1}")
    paragraph = document.add_paragraph(text, style=style)
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num_id = OxmlElement("w:numId")
    num_id.set(qn("w:val"), "1")
    num_pr.append(ilvl)
    num_pr.append(num_id)
    paragraph._p.get_or_add_pPr().append(num_pr)
    return paragraph


def add_hyperlink(paragraph: Any, text: str, url: str) -> None:
    """A w:hyperlink run pointing at `url` (python-docx has no API for this)."""
    part = paragraph.part
    rel_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    text_el = OxmlElement("w:t")
    text_el.text = text
    text_el.set(qn("xml:space"), "preserve")
    run.append(text_el)
    link.append(run)
    paragraph._p.append(link)


def add_text_box(document: Any, lines: list[str]) -> None:
    """A VML text box (w:pict/v:textbox/w:txbxContent) anchored in an empty paragraph, the kind
    Word resume templates use for a side column."""
    paras = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{line}</w:t></w:r></w:p>" for line in lines)
    run = parse_xml(
        f"<w:r {nsdecls('w')} {_VML}><w:pict><v:shape style=\"width:200pt;height:100pt\">"
        f"<v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    document.add_paragraph()._p.append(run)


def add_line_break(paragraph: Any, after: str) -> None:
    """`after` on a new line of the same paragraph (Shift+Enter in Word)."""
    paragraph.add_run().add_break(WD_BREAK.LINE)
    paragraph.add_run(after)


def set_outline_level(paragraph: Any, level: int) -> None:
    """Heading-ness from the paragraph's own outline level (0 = level 1), not from a style."""
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    paragraph._p.get_or_add_pPr().append(outline)


def add_drawing_text_box(document: Any, lines: list[str]) -> None:
    """A DrawingML text box with its VML copy for old readers (mc:AlternateContent), as current
    Word writes it: the same text twice in the file, once on the page."""
    paras = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{line}</w:t></w:r></w:p>" for line in lines)
    run = parse_xml(
        f"<w:r {nsdecls('w')} {_VML} "
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        "<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>"
        f"<w:txbxContent>{paras}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox>"
        f"<w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    document.add_paragraph()._p.append(run)
