"""A paper's status from the words of its line, read from the one vocabulary (rules/kb/words.yaml,
group `status`), and the claimed tier ('CCF-A', 'SCI 一区').

The groups are tried in the file's order, so "arXiv preprint, under review at ICLR" is under
review. "In preparation" has no status of its own in the JSON contract: it is `unknown`, with its
words kept in `status_text` for a reader who wants them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.parse.words import pattern, prefilter, squeezed, vocabulary

# Groups of words.yaml that name a status the JSON contract does not have: read as 'unknown'.
_NO_STATUS_OF_ITS_OWN = {"in_preparation"}
# a status word denied just before it: '尚未投稿期刊', '未被录用', 'not yet submitted'
_NEGATED = re.compile(r"(?:尚未|还未|未被|未曾|没有|未|not\s+yet|never|not)\s*$", re.I)
_PASSIVE_ACCEPTED = re.compile(r"被.{0,12}接收")  # '被 ICLR 2024 接收': the venue between the words
_TIER = re.compile(r"CCF[\s-]?([ABC])(?:\s*类)?|中科院\s*([1-4一二三四])\s*区|(?<![A-Za-z])(SCI|EI|SSCI)(?![A-Za-z])(?:\s*[1-4一二三四]\s*区)?|\b(Q[1-4])\b", re.I)


@dataclass(frozen=True)
class Status:
    status: str  # models.PubStatus
    text: str | None  # the words read, as written
    span: tuple[int, int] = (0, 0)


UNKNOWN = Status("unknown", None)


def _groups() -> list[str]:
    return list(vocabulary()["status"])


def read_status(text: str) -> Status:
    """The first status group (in words.yaml's order) whose words the text holds."""
    if "被" not in text and not prefilter("status").search(squeezed(text)):
        return UNKNOWN  # most lines hold no status word: one quick test instead of a search per group
    for group in _groups():
        m = next((m for m in pattern("status", group).finditer(text) if not _NEGATED.search(text, 0, m.start())), None)
        if m:
            return Status("unknown" if group in _NO_STATUS_OF_ITS_OWN else group, m.group(0), m.span())
    m = _PASSIVE_ACCEPTED.search(text)
    return Status("accepted", m.group(0), m.span()) if m else UNKNOWN


def status_words() -> re.Pattern[str]:
    """Any status word at all (every group)."""
    return pattern("status")


def is_status_only(text: str) -> bool:
    """The text is a status and nothing else: 'Under review.', '（在投）', '*投稿中*', 'In submission'."""
    core = text.strip(" *_()（）[]【】.。,，;；:：-–—")
    m = status_words().fullmatch(core)
    return bool(m)


def claimed_tier(text: str) -> str | None:
    """'CCF-A', '中科院2区', 'SCI', 'Q1' as written beside a paper."""
    m = _TIER.search(text)
    if not m:
        return None
    if m.group(1):
        return f"CCF-{m.group(1).upper()}"
    if m.group(2):
        return f"中科院{m.group(2)}区"
    return (m.group(3) or m.group(4)).upper()
