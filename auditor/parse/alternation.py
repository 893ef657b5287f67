"""One regular expression for a long list of literal names (venue and technology aliases),
shaped as a prefix tree so that matching costs per character, not per name.

A flat `a|b|c…` of a few hundred names makes Python's `re` try every name at every position of
every line: the venue and technology look-ups were the largest items of the audit's profile.
The tree form `n(?:eurips|aacl)|…` tries only the names that share the text's next character.
It matches exactly what the longest-first flat alternation matches: every name that matches at
one position is a prefix of the text there, so they all lie on one path of the tree, and the
greedy `(?:…)?` tries them longest first, falling back to shorter ones as the flat form does.
Written here rather than taken from a package: it is twenty lines and has no dependency.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # key marking that a name ends at this node


def literal_alternation(names: Iterable[str]) -> str:
    """A regex source matching any of `names` literally, longest first; never matches if empty.

    Case-insensitive use: pass names already lower-cased and compile with re.IGNORECASE.
    """
    root: dict[str, dict] = {}
    for name in names:
        if not name:
            continue
        node = root
        for ch in name:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _source(root) if root else r"(?!x)x"


def _source(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _source(child) for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:  # a name ends here and longer ones go on: try the longer ones first
        return f"(?:{body})?"
    return body
