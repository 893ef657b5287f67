"""The characters of a PDF page with their boxes and style, read through PDFium (pypdfium2).

Why PDFium and not pdfplumber: pdfplumber (pdfminer.six, pure Python) is slow, and this
reader needs only per-glyph facts. PDFium is C; pypdfium2 (Apache-2.0/BSD-3) exposes its text
page through ctypes. Each call costs ~0.5 us when it only reads the text page, but the font
size, colour and font name cost ~10 us per character, so those are read once per text object
(a run of glyphs sharing font, size, colour and matrix) and cached. The object's matrix
already holds the CTM, so the effective size is the nominal size times the matrix scale and
the angle comes from the same matrix (a 45-degree stamp too).
Measured (bench/pdf.py and the real resumes, pdftotext in the same run): ~11 ms a page on
real resumes against pdftotext's ~6 ms (a process each) and the pdfplumber reader's ~67 ms;
1,000 generated two-page PDFs in ~17 s on 2 cores.
PDFium also flags glyphs whose font has no Unicode map (FPDFText_HasUnicodeMapError): those
icon glyphs are dropped here, not guessed.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

LIGHT = 0.85  # lightness above which text is a watermark or hidden, not body text
FAINT_ALPHA = 128  # fill alpha (0..255) under which text is a see-through watermark
MAX_ANGLE = 2.0  # degrees; anything more is a rotated stamp or a side label
BOLD_WEIGHT = 600
BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demibold", "extrabold", "ultrabold", "-bd", "cmbx", "cmb10")


@dataclass(frozen=True)
class Style:
    """What every glyph of one PDF text object shares."""

    size: float
    bold: bool
    drop: str | None  # 'rotated', 'light', 'transparent' or None when the text is shown


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page, growing downwards
    bottom: float
    style: Style


SPACE = Char(" ", 0.0, 0.0, 0.0, 0.0, Style(0.0, False, None))


@dataclass
class PageChars:
    number: int
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    dropped: dict[str, list[str]] = field(default_factory=dict)
    unmapped: int = 0  # glyphs with no Unicode meaning (icon fonts, fonts without ToUnicode)
    rules: list[tuple[float, float, float]] = field(default_factory=list)  # (top, x0, x1) of horizontal lines


def is_icon(code: int) -> bool:
    """Private-use-area code points: icon fonts (FontAwesome, academicons) put glyphs there."""
    return 0xE000 <= code <= 0xF8FF or 0xF0000 <= code <= 0x10FFFD


def _grey(r: int, g: int, b: int) -> float:
    return (0.299 * r + 0.587 * g + 0.114 * b) / 255.0


def _font_is_bold(obj: object, buf: ctypes.Array) -> bool:
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    if not font:
        return False
    if pdfium_c.FPDFFont_GetWeight(font) >= BOLD_WEIGHT:
        return True
    n = pdfium_c.FPDFFont_GetBaseFontName(font, buf, len(buf))
    name = buf.raw[: max(0, n - 1)].decode("latin-1").lower()
    return any(word in name for word in BOLD_NAMES)


def _style(obj: object, buf: ctypes.Array) -> Style:
    size_c = ctypes.c_float()
    pdfium_c.FPDFTextObj_GetFontSize(obj, size_c)
    m = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(obj, m)
    size = size_c.value * math.sqrt(abs(m.a * m.d - m.b * m.c))
    drop = None
    if abs(math.degrees(math.atan2(m.b, m.a))) > MAX_ANGLE:
        drop = "rotated"
    else:
        r, g, b, a = (ctypes.c_uint() for _ in range(4))
        mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj)
        if mode != pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE and pdfium_c.FPDFPageObj_GetFillColor(obj, r, g, b, a):
            if _grey(r.value, g.value, b.value) > LIGHT:
                drop = "light"
            elif a.value < FAINT_ALPHA:
                drop = "transparent"
    return Style(size=size, bold=_font_is_bold(obj, buf), drop=drop)


def _rules(page: object, height: float) -> list[tuple[float, float, float]]:
    """Thin wide filled or stroked paths: the rules LaTeX and Word templates put under headings."""
    out = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    count = pdfium_c.FPDFPage_CountObjects(page)
    if count > 5000:  # a vector drawing, not a resume page: not worth the time
        return out
    for i in range(count):
        obj = pdfium_c.FPDFPage_GetObject(page, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        if top.value - bottom.value < 3 and right.value - left.value > 100:
            out.append((height - top.value, left.value, right.value))
    return out


SPECIAL = {0x02: 0x2D, 0xFFFE: 0x2D}  # PDFium's mark for a hyphen at a line end (GetUnicode, GetText)
_OBJECT_ADDRESS = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
_object_address = _OBJECT_ADDRESS(ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value)
_OBJECT_POINTER = pdfium_c.FPDFText_GetTextObject.restype


def _codes(textpage: object, count: int) -> list[int]:
    """Every char code of the page in one call; one call per char when a code needs two UTF-16 units."""
    buf = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buf)
    if written == count + 1:
        codes = list(buf[:count])
        if not any(0xD800 <= c <= 0xDFFF for c in codes):
            return codes
    return [pdfium_c.FPDFText_GetUnicode(textpage, i) for i in range(count)]


def page_chars(page: object, textpage: object, number: int) -> PageChars:
    """Every glyph of the page in content order, with PDFium's generated spaces as SPACE
    (word gaps are also measured from the boxes by the line builder).

    The loop is the hot path (~2,500 glyphs a page): per glyph it makes one ctypes call for
    the box and one for the text object's address; the style is read once per object."""
    width = pdfium_c.FPDF_GetPageWidthF(page)
    height = pdfium_c.FPDF_GetPageHeightF(page)
    out = PageChars(number, width, height, rules=_rules(page, height))
    styles: dict[int, tuple[Style, bool]] = {}
    buf = ctypes.create_string_buffer(256)
    rect = pdfium_c.FS_RECTF()
    is_generated = pdfium_c.FPDFText_IsGenerated
    map_error = pdfium_c.FPDFText_HasUnicodeMapError
    get_box = pdfium_c.FPDFText_GetLooseCharBox
    chars = out.chars
    count = pdfium_c.FPDFText_CountChars(textpage)
    for i, code in enumerate(_codes(textpage, count)):
        code = SPECIAL.get(code, code)
        if code < 0x20:
            continue  # PDFium's generated line breaks
        if code == 0x20 and is_generated(textpage, i):
            chars.append(SPACE)  # PDFium's word break (it knows the font's space width and TJ shifts)
            continue
        key = _object_address(textpage, i)
        if not key:
            continue
        known = styles.get(key)
        if known is None:
            obj = ctypes.cast(key, _OBJECT_POINTER)
            known = styles[key] = (_style(obj, buf), map_error(textpage, i) == 1)
        style, unmapped_font = known
        if (unmapped_font and map_error(textpage, i) == 1) or 0xE000 <= code <= 0xF8FF or code >= 0xF0000:
            out.unmapped += 1  # icon fonts and fonts without ToUnicode
            continue
        text = chr(code)
        if style.drop:
            out.dropped.setdefault(style.drop, []).append(text)
            continue
        get_box(textpage, i, rect)
        chars.append(Char(text, rect.left, rect.right, height - rect.top, height - rect.bottom, style))
    return out
