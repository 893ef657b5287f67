"""Where rules/ and reports/ live: inside the wheel (force-include) or beside the source tree."""

from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """`rules` or `reports`: the bundled copy in a wheel install, else the checkout's top-level folder."""
    bundled = _PKG / "_bundled" / name
    if bundled.is_dir():
        return bundled
    return _PKG.parent / name


def rules_dir() -> Path:
    return resource_dir("rules")


def reports_dir() -> Path:
    return resource_dir("reports")
