"""Size limits at ingest, so that no input can hang the tool or fill memory (configurable)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * 1024 * 1024  # a resume is kilobytes; 20 MB leaves room for PDFs with images
    max_pdf_pages: int = 50
    max_unzipped_bytes: int = 60 * 1024 * 1024  # DOCX is a zip: refuse bombs before inflating
    max_lines: int = 20_000
