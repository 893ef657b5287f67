"""What a format reader returns: the lines a person sees, and what the layout says about each."""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.models import DroppedText, LineLayout


@dataclass
class Extracted:
    """`layout` is None (the format says nothing) or one LineLayout per line of `lines`."""

    lines: list[str]
    layout: list[LineLayout] | None = None
    dropped: list[DroppedText] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
