"""Groups of near-identical short texts (bullets) inside one resume, at a cost that stays linear
in the resume's length.

Every pair of texts whose lengths allow a rapidfuzz `ratio` of at least the threshold is compared
while there are at most `PAIR_BUDGET` such pairs: that covers any resume a person writes (a
10-page one has about 50,000 pairs, a few milliseconds in rapidfuzz's C loop). A longer text,
such as a 100-page CV of templated bullets, has millions; there the candidate pairs come from
sorted neighbourhoods instead (Hernández & Stolfo's sorted-neighbourhood method): the texts are
sorted by several keys, the text itself, the text reversed and both with their figures masked,
and each is compared with the next `WINDOW` texts in each order. A copy that differs from its
original at one end or in its figures sorts next to it in one of those orders. rapidfuzz still
decides every pair, so every link that joins a group reaches the threshold (the neighbourhoods
add no false link); what they may miss is a copy changed at both ends, which
`Groups.exhaustive` says was possible.

Why not an index: a pigeonhole (PassJoin) or q-gram index needs segments of about 4 characters
at ratio 90, which templated text shares everywhere; on a 100-page CV it passed 1.9 million
candidate pairs to rapidfuzz, slower than comparing all of them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

PAIR_BUDGET = 200_000  # length-compatible pairs compared exhaustively (about 30 ms)
WINDOW = 8  # neighbours compared in each sorted order beyond the budget

_FIGURES = re.compile(r"\d+")


class DisjointSets:
    """Union-find over 0..n-1 (path halving; the smaller index is the root, so the result
    does not depend on the order of unions). Fifteen lines: no library is worth a dependency."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass(frozen=True)
class Groups:
    """For each text, the index of the first text of its group; and whether every pair that
    could reach the threshold was compared."""

    root: list[int]
    exhaustive: bool


def _longest_partner(length: int, t: float) -> int:
    """ratio <= 2*min/(la+lb): a partner longer than this cannot reach `t`."""
    return int(length * (2 - t) / t + 1e-9)


def _masked(text: str) -> str:
    return _FIGURES.sub("0", text)


_ORDERS: tuple[Callable[[str], str], ...] = (
    lambda s: s,
    lambda s: s[::-1],
    _masked,
    lambda s: _masked(s)[::-1],
)


def near_groups(texts: Sequence[str], min_similarity: float, budget: int = PAIR_BUDGET, window: int = WINDOW) -> Groups:
    """Connected groups of `texts` linked by rapidfuzz `ratio` >= `min_similarity` (0-100)."""
    from rapidfuzz import fuzz, process

    t = min_similarity / 100
    sets = DisjointSets(len(texts))
    by_length = sorted(range(len(texts)), key=lambda k: (len(texts[k]), k))
    lengths = [len(texts[k]) for k in by_length]
    ends = [bisect_right(lengths, _longest_partner(n, t)) for n in lengths]
    exhaustive = sum(end - pos - 1 for pos, end in enumerate(ends)) <= budget
    if exhaustive:
        ordered = [texts[k] for k in by_length]
        for pos, end in enumerate(ends):
            for _, _, idx in process.extract(ordered[pos], ordered[pos + 1 : end], scorer=fuzz.ratio, score_cutoff=min_similarity, limit=None):
                sets.union(by_length[pos], by_length[pos + 1 + idx])
        return Groups([sets.find(k) for k in range(len(texts))], True)
    for key in _ORDERS:
        order = sorted(range(len(texts)), key=lambda k: (key(texts[k]), k))
        ordered = [texts[k] for k in order]
        for pos, k in enumerate(order):
            for _, _, idx in process.extract(ordered[pos], ordered[pos + 1 : pos + 1 + window], scorer=fuzz.ratio, score_cutoff=min_similarity, limit=None):
                sets.union(k, order[pos + 1 + idx])
    return Groups([sets.find(k) for k in range(len(texts))], False)
