"""Is this record the paper the resume names? Title comparison after normalisation.

rapidfuzz does the scoring. `token_set_ratio` says 100 for a *truncated* title, so it is
never used to confirm; `ratio` and `token_sort_ratio` on normalised text are (the research
notes, M). A resume title and a source title must agree at CONFIRM or more.
"""

from __future__ import annotations

import html
import re
import unicodedata

from rapidfuzz import fuzz

CONFIRM = 93.0

_TAGS = re.compile(r"<[^>]{1,40}>")
_TEX = re.compile(r"\\[a-zA-Z]+\s*|[{}$]")
_PUNCT = re.compile(r"[^\w\s]|_")


def normalise_title(title: str) -> str:
    """NFKC, case, HTML/LaTeX markup, punctuation and whitespace removed."""
    text = unicodedata.normalize("NFKC", html.unescape(title))
    text = _TEX.sub(" ", _TAGS.sub(" ", text))
    text = _PUNCT.sub(" ", text.lower())
    return " ".join(text.split())


def title_score(claimed: str, found: str) -> float:
    a, b = normalise_title(claimed), normalise_title(found)
    if not a or not b:
        return 0.0
    if a == b:
        return 100.0
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


def same_title(claimed: str, found: str) -> bool:
    return title_score(claimed, found) >= CONFIRM


_DOI = re.compile(r"^\s*(?:doi:\s*)?10\.\d{4,9}/\S+\s*$", re.I)
_NAME = re.compile(r"(?:[A-Z][\w'\-]{0,30}\.?)(?:\s{1,3}[A-Z][\w'\-]{0,30}\.?){1,3}")  # bounded: linear
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def searchable(title: str | None) -> bool:
    """Worth sending as a title: four words or twelve CJK characters, and not something the
    parser took for a title by mistake (a DOI, an author list, a venue-and-year line), which
    would only come back "not found" and raise a question about nothing."""
    if not title:
        return False
    if _DOI.match(title):
        return False
    parts = [p.strip() for p in re.split(r",|\band\b|&", title) if p.strip()]
    if len(parts) >= 2 and all(_NAME.fullmatch(p) for p in parts):
        return False
    words = normalise_title(title).split()
    if _YEAR.search(title) and len(words) <= 5:
        return False
    cjk = len(re.findall(r"[\u4e00-\u9fff]", title))
    return cjk >= 12 or len(words) >= 4
