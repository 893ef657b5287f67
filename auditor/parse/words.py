"""The parser's vocabulary (rules/kb/words.yaml), loaded once, and patterns built from it.

Every pattern that reads status, degree, role or advisor words is built here from the one data
file, so a word added there is read everywhere it applies.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

from auditor.parse.alternation import literal_alternation, phrase_alternation

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
    boundary at a Latin phrase's ends (so 'ta' is not inside 'data'); CJK phrases never get one.
    A prefix tree (parse/alternation.py): a flat alternation of a hundred role words is tried at
    every position of every line, the tree only where a phrase can start; it matches what the
    longest-first flat alternation matches."""
    phrases = {" ".join(w.lower().split()) for w in words(*path)}
    return re.compile(phrase_alternation(phrases, bounded), re.I)


@functools.lru_cache(maxsize=64)
def prefilter(*path: str) -> re.Pattern[str]:
    """A quick test for 'might hold a phrase under `path`': the phrases as a prefix tree
    (parse/alternation.py), no boundaries, to run on text lower-cased with single spaces. A line
    it rejects holds none of them; one it accepts is read with `pattern` (a flat alternation of
    forty phrases is tried at every position of every line, the tree only where one can start)."""
    return re.compile(literal_alternation(" ".join(w.lower().split()) for w in set(words(*path))))


def squeezed(text: str) -> str:
    """Text as `prefilter` reads it: lower case, runs of white space as one space."""
    return " ".join(text.lower().split())
