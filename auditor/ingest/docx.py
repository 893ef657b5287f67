"""DOCX to lines: paragraphs, tables (a row to one line, cells joined by ' | ') and text boxes.

docx2python returns text boxes, headers and table cells in document order, which Word resume
templates rely on; python-docx misses text boxes (ecosystem.md, C).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from auditor.errors import InputError
from auditor.ingest.extracted import Extracted
from auditor.ingest.limits import Limits


def _flatten_row(row: list[Any]) -> str:
    cells = []
    for cell in row:
        paras = [p for p in (cell if isinstance(cell, list) else [cell]) if isinstance(p, str) and p.strip()]
        if paras:
            cells.append(" ".join(p.strip() for p in paras))
    return " | ".join(cells)


def read_docx(data: bytes, limits: Limits) -> Extracted:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(i.file_size for i in zf.infolist())
            if total > limits.max_unzipped_bytes:
                raise InputError(f"DOCX unpacks to {total // 1_000_000} MB, over the limit (a zip bomb?)")
            if "word/document.xml" not in zf.namelist():
                raise InputError("not a DOCX file (no word/document.xml)")
    except zipfile.BadZipFile as exc:
        raise InputError("not a DOCX file (corrupt zip)") from exc
    from docx2python import docx2python

    try:
        with docx2python(io.BytesIO(data)) as doc:
            body = doc.body
    except Exception as exc:  # docx2python raises bare KeyError/ValueError on broken parts
        raise InputError(f"not a readable DOCX ({type(exc).__name__})") from exc
    lines: list[str] = []
    for table in body:
        for row in table:
            if len(row) > 1:
                text = _flatten_row(row)
                if text:
                    lines.append(text)
                continue
            for cell in row:
                for para in cell:
                    for part in str(para).split("\n"):
                        lines.append(part.rstrip())
    return Extracted(lines)
