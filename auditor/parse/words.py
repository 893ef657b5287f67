"""The parser's vocabulary (rules/kb/words.yaml), loaded once, and patterns built from it.

Every pattern that reads status, degree, role or advisor words is built here from the one data
file, so a word added there is read everywhere it applies.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

from auditor.parse.alternation import literal_alternation

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

    Built as a prefix tree (as parse/alternation.py does for venue names): a flat alternation of a
    hundred role words is tried at every position of every line, the tree only where a phrase can
    start. All phrases matching at one position lie on one path of the tree and the tree tries the
    longer ones first, so it matches what the longest-first flat alternation matches."""
    phrases = {" ".join(w.lower().split()) for w in words(*path)} - {""}
    if not phrases:
        return re.compile(r"(?!x)x")
    root: dict[str, dict] = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return re.compile(_tree(root, bounded, first=True), re.I)


_END = ""  # key marking that a phrase ends at this node
_LATIN = re.compile(r"[a-z0-9]")


def _tree(node: dict[str, dict], bounded: bool, first: bool = False, last: str = "") -> str:
    """The regex of a subtree: its branches (a space as any run of white space), and, where a
    phrase ends, the end (after a Latin letter or digit: not followed by a letter)."""
    branches = []
    for ch, child in sorted(node.items()):
        if ch == _END:
            continue
        lead = r"(?<![A-Za-z])" if first and bounded and _LATIN.match(ch) else ""
        branches.append(lead + (r"\s+" if ch == " " else re.escape(ch)) + _tree(child, bounded, last=ch))
    if _END in node:
        branches.append(r"(?![A-Za-z])" if bounded and _LATIN.match(last) else "")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


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
