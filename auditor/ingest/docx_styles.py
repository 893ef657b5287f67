"""What a DOCX paragraph or character style says about layout: heading level, list level, bold.

Read from word/styles.xml, following `basedOn` so that a custom 'Resume Heading' based on
'Heading 2' is a level-2 heading. docx2python gives only each paragraph's style id, not the
style's name, outline level or numbering, so this small reader fills that in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from defusedxml import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.I)
_OFF = {"0", "false", "off", "none"}


@dataclass(frozen=True)
class StyleFacts:
    heading: int | None = None  # 1..9
    list_level: int | None = None  # 0 = top level, from w:numPr/w:ilvl in the style
    bold: bool | None = None


def on_off(element: object | None) -> bool | None:
    """A WordprocessingML toggle (<w:b/>, <w:b w:val="0"/>): None when absent."""
    if element is None:
        return None
    value = element.get(W + "val")  # type: ignore[attr-defined]
    return value is None or value.lower() not in _OFF


def outline_heading(ppr: object | None) -> int | None:
    """Heading level from <w:outlineLvl w:val="0..8"/> (9 means body text)."""
    if ppr is None:
        return None
    outline = ppr.find(W + "outlineLvl")  # type: ignore[attr-defined]
    if outline is None:
        return None
    value = outline.get(W + "val", "")
    return int(value) + 1 if value.isdigit() and int(value) < 9 else None


def list_level(ppr: object | None) -> int | None:
    """The list level of <w:numPr>; None when there is no numbering (or numId 0 turns it off)."""
    if ppr is None:
        return None
    num_pr = ppr.find(W + "numPr")  # type: ignore[attr-defined]
    if num_pr is None:
        return None
    num_id = num_pr.find(W + "numId")
    if num_id is not None and num_id.get(W + "val") == "0":
        return None
    ilvl = num_pr.find(W + "ilvl")
    value = ilvl.get(W + "val", "0") if ilvl is not None else "0"
    return int(value) if value.isdigit() else 0


def _own_facts(style: object) -> tuple[StyleFacts, str | None]:
    name_el = style.find(W + "name")  # type: ignore[attr-defined]
    name = (name_el.get(W + "val") or "") if name_el is not None else ""
    ppr = style.find(W + "pPr")  # type: ignore[attr-defined]
    rpr = style.find(W + "rPr")  # type: ignore[attr-defined]
    named = _HEADING_NAME.match(name.strip())
    heading = int(named.group(1)) if named else (1 if name.strip().lower() == "title" else outline_heading(ppr))
    bold = on_off(rpr.find(W + "b")) if rpr is not None else None
    based = style.find(W + "basedOn")  # type: ignore[attr-defined]
    return StyleFacts(heading, list_level(ppr), bold), (based.get(W + "val") if based is not None else None)


def read_styles(xml: bytes | None) -> dict[str, StyleFacts]:
    """Style id -> facts, each inheriting what it does not set from its `basedOn` chain."""
    if not xml:
        return {}
    root = ElementTree.fromstring(xml)
    own: dict[str, tuple[StyleFacts, str | None]] = {}
    for style in root.iter(W + "style"):
        style_id = style.get(W + "styleId")
        if style_id:
            own[style_id] = _own_facts(style)
    return {style_id: _resolved(style_id, own) for style_id in own}


def _resolved(style_id: str, own: dict[str, tuple[StyleFacts, str | None]]) -> StyleFacts:
    heading = level = bold = None
    seen: set[str] = set()
    current: str | None = style_id
    while current in own and current not in seen:  # `seen`: a basedOn cycle in a broken file
        seen.add(current)
        facts, current = own[current]
        heading = facts.heading if heading is None else heading
        level = facts.list_level if level is None else level
        bold = facts.bold if bold is None else bold
    return StyleFacts(heading, level, bold)
