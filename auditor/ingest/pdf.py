"""PDF to the lines a person sees: reading order, words apart, watermarks and icons out.

PDFium (pypdfium2) reads the glyphs (ingest/pdf_chars.py says why: ~10x faster than
pdfplumber, and it reports glyphs with no Unicode map); pdf_lines.py puts them in reading
order; pdf_layout.py removes running headers and page numbers and gives each line its layout.
Rotated, light and see-through text is dropped and kept for the record; the largest text on a
page is usually the candidate's name, so size alone never drops anything.
"""

from __future__ import annotations

import re

from auditor.errors import InputError
from auditor.ingest.extracted import Extracted
from auditor.ingest.limits import Limits
from auditor.ingest.pdf_chars import PageChars, is_icon, page_chars
from auditor.ingest.pdf_layout import build
from auditor.ingest.pdf_lines import Row, page_rows
from auditor.models import DroppedText

CID = re.compile(r"\(cid:\d+\)")


def _rows_with_margins(pages: list[PageChars]) -> list[list[Row]]:
    """Every page's rows; a page whose margin column was too sparse to find is read again with the
    gutter the other pages of the document showed (a margin-heading CV keeps its layout)."""
    read = [page_rows(p) for p in pages]
    gutters = sorted(x for _, x in read if x is not None)
    if not gutters:
        return [rows for rows, _ in read]
    hint = gutters[len(gutters) // 2]
    return [rows if x is not None else page_rows(p, hint)[0] for p, (rows, x) in zip(pages, read)]
UNUSABLE = 0.5  # share of glyphs without a Unicode map above which the text layer is unusable


def drop_icons(text: str) -> str:
    """Text with unmapped glyphs ('(cid:NN)', as pdfminer writes them) and private-use icons removed."""
    text = CID.sub("", text)
    return "".join(ch for ch in text if not is_icon(ord(ch)))


def _open(data: bytes):  # noqa: ANN202 - pypdfium2 types are not exported
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if pdfium_c.FPDF_GetLastError() == pdfium_c.FPDF_ERR_PASSWORD or "password" in str(exc).lower():
            raise InputError("encrypted PDF (needs a password)") from exc
        raise InputError("not a readable PDF (PDFium could not parse it)") from exc


def _read_pages(doc, limits: Limits) -> list[PageChars]:  # noqa: ANN001
    count = len(doc)
    if count > limits.max_pdf_pages:
        raise InputError(f"PDF has {count} pages, over the limit of {limits.max_pdf_pages}")
    pages = []
    for index in range(count):
        page = doc[index]
        textpage = page.get_textpage()
        try:
            pages.append(page_chars(page.raw, textpage.raw, index + 1))
        finally:
            textpage.close()
            page.close()
    return pages


def read_pdf(data: bytes, limits: Limits) -> Extracted:
    doc = _open(data)
    try:
        pages = _read_pages(doc, limits)
    except InputError:
        raise
    except Exception as exc:  # PDFium reports broken objects as errors of its own
        raise InputError(f"not a readable PDF ({type(exc).__name__})") from exc
    finally:
        doc.close()
    shown = sum(len(p.chars) for p in pages)
    unmapped = sum(p.unmapped for p in pages)
    if unmapped and unmapped > UNUSABLE * (shown + unmapped):
        raise InputError(
            f"PDF text layer is unusable: {unmapped} of {shown + unmapped} glyphs have no Unicode map "
            "(fonts without ToUnicode); OCR it first"
        )
    rows = _rows_with_margins(pages)
    lines, layout, dropped = build(rows, pages)
    for p in pages:
        for why, chars in p.dropped.items():
            dropped.append(DroppedText(text="".join(chars)[:500], reason=why, page=p.number))
    lines = [drop_icons(line) if "(cid:" in line else line for line in lines]  # icon glyphs are already out
    notes = [f"{unmapped} icon glyphs without text dropped"] if unmapped else []
    return Extracted(lines, layout=layout, dropped=dropped, notes=notes)
