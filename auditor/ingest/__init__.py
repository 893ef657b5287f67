"""Ingest: a file on disk to a Document (numbered lines, language, path and sha256)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from auditor.errors import InputError
from auditor.ingest.extracted import Extracted
from auditor.ingest.language import detect_language
from auditor.ingest.limits import Limits, default_limits
from auditor.ingest.text import decode, to_lines
from auditor.ingest.watermark import clean_watermark
from auditor.models import Document, DroppedText, LineLayout

SUPPORTED = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".pdf": "pdf", ".docx": "docx", ".json": "json"}

__all__ = ["SUPPORTED", "Limits", "ingest", "ingest_bytes", "ingest_text"]


def ingest(path: str | Path, limits: Limits | None = None) -> Document:
    """Read one resume file; raises InputError with a one-line reason on anything unreadable."""
    limits = limits or default_limits()
    p = Path(path)
    fmt = SUPPORTED.get(p.suffix.lower())
    if fmt is None:
        raise InputError(f"unsupported file type '{p.suffix or '(none)'}' (supported: .txt .md .pdf .docx .json)")
    try:
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise InputError(f"file is {size // 1_000_000} MB, over the limit of {limits.max_bytes // 1_000_000} MB")
        data = p.read_bytes()
    except IsADirectoryError as exc:
        raise InputError("is a folder, not a file") from exc
    except FileNotFoundError as exc:
        raise InputError("no such file") from exc
    except PermissionError as exc:
        raise InputError("permission denied") from exc
    return ingest_bytes(data, fmt, str(p), limits)


def ingest_bytes(data: bytes, fmt: str, path: str, limits: Limits | None = None) -> Document:
    limits = limits or default_limits()
    if not data.strip():
        raise InputError("empty file")
    extracted = _extract(data, fmt, limits)
    dropped, notes = list(extracted.dropped), list(extracted.notes)
    raw_lines, layout = extracted.lines, extracted.layout
    text = "\n".join(raw_lines)
    if len(text) > limits.max_chars:
        raise InputError(f"{len(text):,} characters of text, over the limit of {limits.max_chars:,}")
    lines = to_lines(text)
    if layout is not None:
        layout = _aligned(raw_lines, layout, len(lines))
    if len(lines) > limits.max_lines:
        raise InputError(f"{len(lines)} lines, over the limit of {limits.max_lines}")
    cleaned = clean_watermark(lines)
    if cleaned.removed:
        notes.append(f"watermark residue removed from {len(cleaned.removed)} lines")
        dropped.append(DroppedText(text=(cleaned.token or "")[:200], reason="watermark-residue"))
    lines = _trim_blank_runs(cleaned.lines)
    if layout is not None:
        layout = [layout[i] for i in cleaned.kept] if cleaned.kept is not None else layout
        layout = layout[: len(lines)]
    if not any(line.strip() for line in lines):
        raise InputError("no text found (a scanned PDF needs OCR first)" if fmt == "pdf" else "empty file")
    return Document(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        language=detect_language(lines),  # type: ignore[arg-type]
        lines=lines,
        layout=layout or [],
        dropped=dropped,
        notes=notes,
    )


def _extract(data: bytes, fmt: str, limits: Limits) -> Extracted:
    """The reader of `fmt`: lines as the user sees them, with layout where the format has it."""
    if fmt == "pdf":
        from auditor.ingest.pdf import read_pdf

        if not data.startswith(b"%PDF"):
            raise InputError("not a PDF file (no %PDF header)")
        return read_pdf(data, limits)
    if fmt == "docx":
        from auditor.ingest.docx import read_docx

        return read_docx(data, limits)
    if fmt == "markdown":
        from auditor.ingest.markdown import read_markdown

        return read_markdown(data)
    if fmt == "json":
        from auditor.ingest.jsonresume import read_json_resume

        return Extracted(read_json_resume(data))
    return Extracted(decode(data).split("\n"))


def _aligned(raw_lines: list[str], layout: list[LineLayout], count: int) -> list[LineLayout] | None:
    """One layout per line after line-ending normalisation: a reader's line that holds a line
    break becomes several lines, each with that line's layout. None if they cannot be aligned."""
    if len(layout) != len(raw_lines):
        return None
    out: list[LineLayout] = []
    for raw, lay in zip(raw_lines, layout):
        parts = len(to_lines(raw)) if raw else 1
        out.extend([lay] * parts)
    return out if len(out) == count else None


def ingest_text(text: str, path: str = "<text>") -> Document:
    """A Document from a string (rule examples, tests)."""
    return ingest_bytes(text.encode("utf-8"), "text", path)


def _trim_blank_runs(lines: list[str]) -> list[str]:
    """Drop trailing blank lines only: line numbers must match the file the user has open."""
    out = list(lines)
    while out and not out[-1].strip():
        out.pop()
    return out
