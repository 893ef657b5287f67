"""One regular expression for a long list of literal names (venue and technology aliases),
shaped as a prefix tree so that matching costs per character, not per name.

A flat `a|b|c…` of a few hundred names makes Python's `re` try every name at every position of
every line: the venue and technology look-ups were the largest items of the audit's profile.
The tree form `n(?:eurips|aacl)|…` tries only the names that share the text's next character.
It matches exactly what the longest-first flat alternation matches: every name that matches at
one position is a prefix of the text there, so they all lie on one path of the tree, and a node
where a name ends, `(?:longer…|)`, tries the longer ones first, falling back to the shorter one
as the flat form does. The vocabulary of rules/kb/words.yaml uses the same tree with a space as
any white space and word bounds (`phrase_alternation`). Written here rather than taken from a
package: it is forty lines and has no dependency.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # key marking that a name ends at this node


def literal_alternation(names: Iterable[str]) -> str:
    """A regex source matching any of `names` literally, longest first; never matches if empty.

    Case-insensitive use: pass names already lower-cased and compile with re.IGNORECASE.
    """
    root = _trie(names)
    return _source(root, phrases=False, bounded=False, first=True) if root else r"(?!x)x"


def phrase_alternation(phrases: Iterable[str], bounded: bool) -> str:
    """As literal_alternation, for phrases of words (rules/kb/words.yaml): a space matches any run
    of white space, and with `bounded` a phrase that starts or ends with a Latin letter or digit
    is not matched inside a longer word ('ta' is not in 'data'); CJK phrases never get a bound.
    Pass phrases lower-cased with single spaces and compile with re.IGNORECASE."""
    root = _trie(phrases)
    return _source(root, phrases=True, bounded=bounded, first=True) if root else r"(?!x)x"


def _trie(names: Iterable[str]) -> dict[str, dict]:
    root: dict[str, dict] = {}
    for name in names:
        if not name:
            continue
        node = root
        for ch in name:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return root


_LATIN = re.compile(r"[A-Za-z0-9]")


def _source(node: dict[str, dict], phrases: bool, bounded: bool, first: bool = False, last: str = "") -> str:
    """A subtree as a regex: its branches (longer names first, by being tried before the end),
    then, where a name ends here, the end (bounded after a Latin letter or digit)."""
    branches = []
    for ch, child in sorted(node.items()):
        if ch == _END:
            continue
        lead = r"(?<![A-Za-z])" if first and bounded and _LATIN.match(ch) else ""
        step = r"\s+" if phrases and ch == " " else re.escape(ch)
        branches.append(lead + step + _source(child, phrases, bounded, last=ch))
    if _END in node and branches:
        branches.append(r"(?![A-Za-z])" if bounded and _LATIN.match(last) else "")
    elif _END in node and bounded and _LATIN.match(last):
        return r"(?![A-Za-z])"
    if len(branches) <= 1:
        return branches[0] if branches else ""
    return "(?:" + "|".join(branches) + ")"
