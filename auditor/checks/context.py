"""Context for ambiguous names: does a line show that 'Claude' is the model, not the given name?

A technology alias that is also an ordinary word, a name or another field's acronym (Whisper the
time-series database, DPO the data protection officer, RAG status in project reporting) counts
only when its line also holds a machine-learning word (rules/kb/ml_context.yaml, plus the entry's
own `context`), or a version right after it ('BERT-base', 'Whisper large-v3'). The words are data;
this module only builds the patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from auditor.catalog.kb import KnowledgeBase, derived
from auditor.parse.alternation import literal_alternation

# A version or size written right after the name: '-base', ' large', 'v2', '-7B', '_3.5'. A bare
# four-digit number is not one ('KTO 2019' is a year), nor a number after a space ('PPO 3 plans').
VERSION_AFTER = re.compile(
    r"(?:[-_ ](?:base|large|small|tiny|medium|mini|xl|xxl|turbo|instruct|chat)(?![A-Za-z])"
    r"|[-_]?v?\d{1,3}(?:\.\d{1,2})?[BbMmKk]?(?![\dA-Za-z]))",
    re.I,
)
_ASCII = re.compile(r"[A-Za-z0-9]")


def words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Any of `words`, case-insensitive; words with Latin letters must stand as whole tokens,
    Chinese words need no boundary (Chinese text has none)."""
    latin = sorted({w.lower() for w in words if _ASCII.search(w)})
    other = sorted({w.lower() for w in words if w and not _ASCII.search(w)})
    parts = []
    if latin:
        parts.append(rf"(?<![A-Za-z0-9])(?:{literal_alternation(latin)})(?![A-Za-z0-9])")
    if other:
        parts.append(rf"(?:{literal_alternation(other)})")
    return re.compile("|".join(parts) or r"(?!x)x", re.I)


def shared_words(kb: KnowledgeBase) -> list[str]:
    return list(kb.ml_context.words) if kb.ml_context else []


def shared_pattern(kb: KnowledgeBase) -> re.Pattern[str]:
    """The shared machine-learning words of the KB, compiled once per KB."""
    return derived(kb, "ml_context", lambda k: words_pattern(shared_words(k)))


def has_context(text: str, start: int, end: int, words: re.Pattern[str]) -> bool:
    """text[start:end] is an ambiguous name: a version follows it, or the rest of the line holds
    one of `words` (the name itself does not count: 'Gemini API' is not context for itself)."""
    if VERSION_AFTER.match(text, end):
        return True
    return bool(words.search(text[:start] + " " + text[end:]))
