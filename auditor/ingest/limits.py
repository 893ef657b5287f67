"""Size limits at ingest, so that no input can hang the tool or fill memory.

Configurable in `resume-audit.toml`:

    [limits]
    max_file_mb = 20              # any file, checked before it is read
    max_pdf_pages = 50
    max_docx_unpacked_mb = 60     # DOCX is a zip: the unpacked size is checked before inflating
    max_lines = 20000
    max_chars = 2000000           # text after decoding/extraction (a 100-page resume is ~300k)

The CLI sets the process-wide default from the config (set_default_limits), so every file of a
batch is read under the same limits without passing them through each call.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from auditor.errors import RuleFileError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * MB  # a resume is kilobytes; 20 MB leaves room for PDFs with images
    max_pdf_pages: int = 50
    max_unzipped_bytes: int = 60 * MB  # DOCX is a zip: refuse bombs before inflating
    max_lines: int = 20_000
    max_chars: int = 2_000_000  # bounds the work of every pattern, whatever the line breaks


# TOML name -> (field, multiplier)
CONFIG_KEYS: dict[str, tuple[str, int]] = {
    "max_file_mb": ("max_bytes", MB),
    "max_pdf_pages": ("max_pdf_pages", 1),
    "max_docx_unpacked_mb": ("max_unzipped_bytes", MB),
    "max_lines": ("max_lines", 1),
    "max_chars": ("max_chars", 1),
}


def limits_from_config(table: Any, where: str) -> Limits:
    """The [limits] table of a config file; unknown keys and non-positive values are errors."""
    if not isinstance(table, dict):
        raise RuleFileError(f"{where}: field 'limits': must be a table")
    values: dict[str, int] = {}
    for key, value in table.items():
        if key not in CONFIG_KEYS:
            raise RuleFileError(f"{where}: field 'limits.{key}': unknown setting (one of {', '.join(CONFIG_KEYS)})")
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise RuleFileError(f"{where}: field 'limits.{key}': must be a positive whole number")
        name, unit = CONFIG_KEYS[key]
        values[name] = value * unit
    return Limits(**values)


_default = Limits()


def set_default_limits(limits: Limits) -> None:
    """The limits ingest uses when a caller passes none (the CLI sets them from the config)."""
    global _default
    _default = limits


def default_limits() -> Limits:
    return _default


__all__ = ["CONFIG_KEYS", "Limits", "default_limits", "limits_from_config", "set_default_limits"]
