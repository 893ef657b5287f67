"""The parser's vocabulary (rules/kb/words.yaml), loaded once, and patterns built from it.

Every pattern that reads status, degree, role or advisor words is built here from the one data
file, so a word added there is read everywhere it applies.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

from auditor.resources import rules_dir


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The whole words.yaml, as loaded."""
    with open(rules_dir() / "kb" / "words.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def words(*path: str) -> list[str]:
    """The phrases under `path` (e.g. words('status', 'accepted')); a mapping gives all its lists."""
    node: Any = vocabulary()
    for key in path:
        node = node[key]
    return _flatten(node)


def _flatten(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [w for child in node.values() for w in _flatten(child)]
    return [str(w) for w in node]


@functools.lru_cache(maxsize=256)
def pattern(*path: str, bounded: bool = True) -> re.Pattern[str]:
    """A case-insensitive regex for any phrase under `path`, longest first. `bounded` puts a word
    boundary at a Latin phrase's ends (so 'ta' is not inside 'data'); CJK phrases never get one."""
    alts = []
    for w in sorted(set(words(*path)), key=len, reverse=True):
        body = r"\s+".join(re.escape(part) for part in w.split())
        if bounded and w[:1].isascii() and w[:1].isalnum():
            body = r"(?<![A-Za-z])" + body
        if bounded and w[-1:].isascii() and w[-1:].isalnum():
            body = body + r"(?![A-Za-z])"
        alts.append(body)
    return re.compile("|".join(alts) or r"(?!x)x", re.I)
