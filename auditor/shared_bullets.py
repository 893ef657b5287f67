"""Bullets shared across the candidates of a batch: the same (or nearly the same) substantive line
in two people's resumes, found without comparing every pair of bullets.

1,000 resumes of ~40 bullets are 8e8 bullet pairs, minutes even for rapidfuzz's C `cdist`, so
candidate pairs come from (1) an exact hash of the normalised text and (2) an inverted index of
disjoint segments, one of which a near-verbatim copy must keep intact (see `similar_pairs`).
rapidfuzz then confirms each candidate pair; only its score decides. (A character 3-gram index
with prefix filtering was tried first: on 28,000 bullets of one domain it passed 3.6 million
pairs to rapidfuzz and took 12 s.)

What is compared is deliberately narrow, because a false alarm costs more than a miss: lines in
experience, internship, research, project and competition sections only (co-authors share
publication lines and teammates share award lines honestly), long enough to say something, not
a dated entry header nor a list of bare keywords. Two files of the same person (same name,
e-mail or phone) are one candidate. A line that most of the batch carries is boilerplate, not
copying, and is dropped.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from auditor.models import Report
from auditor.near_text import DisjointSets
from auditor.parse.dates import find_range
from auditor.parse.text import strip_markup

COMPARED_SECTIONS = frozenset({"work", "internship", "research", "project", "competition"})
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[a-z]")
_DIGIT = re.compile(r"\d")  # no date range without a digit: spares find_range on most lines
_NOT_WORD = re.compile(r"[\s\W_]+")
_LABEL = re.compile(r"^[^:：]{1,12}[:：]\s*")
_LIST_SEP = re.compile(r"[,，、/|｜;；]")  # items are stripped after the split: '\s*[,]\s*' is quadratic on a run of spaces


class SharedParams(BaseModel):
    """The comparison's thresholds, set on the rule in rules/content.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    min_cjk: int = 12  # a line is substantive with this many CJK characters ...
    min_latin: int = 25  # ... or this many Latin letters (mixed lines count both, pro rata)
    min_similarity: float = 92.0  # rapidfuzz ratio of the normalised texts
    common_share: float = 0.5  # a line in at least this share of the candidates is boilerplate ...
    min_common: int = 3  # ... once at least this many candidates carry it


@dataclass(frozen=True)
class SharedLine:
    """One of this candidate's lines that another candidate's resume also has."""

    line: int
    other: str  # the other candidate's file, as shown in the batch
    other_line: int
    score: int  # rapidfuzz ratio, 100 for the same normalised text
    also: tuple[str, ...] = ()  # further candidates' files that have it too


@dataclass(frozen=True)
class _Bullet:
    cand: int
    line: int
    norm: str


def normalise(text: str) -> str:
    """Markup, bullets, case, spaces and punctuation gone: what two copies of a line share."""
    return _NOT_WORD.sub("", strip_markup(text).lower())


def is_substantive(norm: str, p: SharedParams) -> bool:
    cjk = len(_CJK.findall(norm))
    latin = len(_LATIN.findall(norm))
    return cjk / p.min_cjk + latin / p.min_latin >= 1.0


def is_keyword_list(line: str) -> bool:
    """'技术栈：PyTorch、DeepSpeed、vLLM、LangChain': items of a word or two, not a sentence."""
    items = [i.strip() for i in _LIST_SEP.split(_LABEL.sub("", strip_markup(line))) if i.strip()]
    if len(items) < 3:
        return False
    return all(len(i.split()) <= 3 and len(_CJK.findall(i)) <= 6 for i in items)


def bullets_of(report: Report, p: SharedParams) -> list[tuple[int, str]]:
    """(line, normalised text) of the lines worth comparing, in line order."""
    headers = {n for e in report.resume.experience for n in (e.line, e.date_line) if n}
    out = []
    for sec in report.resume.sections:
        if sec.kind not in COMPARED_SECTIONS:
            continue
        for n in range(sec.line + 1, sec.last_line + 1):
            raw = report.text[n - 1] if n <= len(report.text) else ""
            if n in headers or not raw.strip() or (_DIGIT.search(raw) and find_range(raw)) or is_keyword_list(raw):
                continue
            norm = normalise(raw)
            if is_substantive(norm, p):
                out.append((n, norm))
    return out


def _identity_keys(report: Report) -> set[str]:
    """What makes two files one person: the name (word order ignored), an e-mail, a phone number."""
    keys = set()
    name = report.resume.name
    if name:
        words = sorted(_NOT_WORD.sub(" ", name.lower()).split())
        if sum(len(w) for w in words) >= 2:
            keys.add("name:" + " ".join(words))
    keys |= {"mail:" + m.strip().lower() for m in report.resume.contacts.emails}
    for phone in report.resume.contacts.phones:
        digits = re.sub(r"\D", "", phone)
        if len(digits) >= 8:
            keys.add("tel:" + digits[-11:])
    return keys


def people(reports: Sequence[Report]) -> list[int]:
    """For each report, the index of the first report of the same person."""
    sets = DisjointSets(len(reports))
    first: dict[str, int] = {}
    for i, r in enumerate(reports):
        for key in _identity_keys(r):
            if key in first:
                sets.union(first[key], i)
            else:
                first[key] = i
    return [sets.find(i) for i in range(len(reports))]


def _max_distance(length: int, t: float) -> int:
    """The most Indel edits between a text of `length` and any text it can still match: the
    partner is at most length*(2-t)/t long, and ratio >= t allows (1-t)*(la+lb) edits."""
    return math.floor(2 * (1 - t) / t * length + 1e-9)


def _segments(text: str, pieces: int) -> list[tuple[int, str]]:
    """`text` cut into `pieces` disjoint, nearly equal parts, with their start offsets."""
    bounds = [round(i * len(text) / pieces) for i in range(pieces + 1)]
    return [(bounds[i], text[bounds[i] : bounds[i + 1]]) for i in range(pieces) if bounds[i] < bounds[i + 1]]


# A segment already seen in this many lines is stock phrasing ("负责模型的训练与部署"): probing
# it would compare every such line with every other (quadratic on a batch of templated resumes).
# Lines that differ only there are still found through their other segments; exact copies are
# found by hash before this step.
MAX_POSTINGS = 16


def similar_pairs(texts: Sequence[str], min_similarity: float, part: int = 0, parts: int = 1) -> list[tuple[int, int, int]]:
    """(i, j, score), i < j, for the distinct texts whose rapidfuzz ratio reaches `min_similarity`.

    Pigeonhole filter (after PassJoin, Li et al., VLDB 2011): a text with at most D edits to
    another, cut into D + 1 disjoint segments, keeps one segment intact in the other, near the
    same offset. Texts are visited shortest first; each is probed for the indexed segments of
    the shorter texts (length and offset filters first), then its own segments are indexed.
    With ratio >= 92 a segment is about 6 characters, rare enough that few pairs reach rapidfuzz,
    which decides every one.

    `part` of `parts`: every text is indexed, but only every `parts`-th one (from `part`) is
    probed, so the parts can run in separate processes and their pairs, put together, are
    exactly the pairs of one run.
    """
    from rapidfuzz import fuzz

    t = min_similarity / 100
    order = sorted(range(len(texts)), key=lambda k: (len(texts[k]), k))
    index: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # segment -> [(position in order, offset, max edits)]
    index_lengths: dict[str, list[int]] = defaultdict(list)  # the same postings' text lengths, ascending
    seg_lengths: set[int] = set()
    pairs = []
    for pos, k in enumerate(order):
        text = texts[k]
        n = len(text)
        shortest = math.ceil(n * t / (2 - t))  # ratio <= 2*la/(la+lb): a shorter partner needs la >= this
        found: set[int] = set()
        for size in seg_lengths if pos % parts == part else ():
            for p in range(n - size + 1):
                seg = text[p : p + size]
                postings = index.get(seg)
                if postings is None or len(postings) > MAX_POSTINGS:
                    continue
                for other, offset, edits in postings[bisect_left(index_lengths[seg], shortest) :]:
                    if abs(p - offset) <= edits:
                        found.add(other)
        for other in sorted(found):
            score = fuzz.ratio(texts[order[other]], text, score_cutoff=min_similarity)
            if score:
                i, j = sorted((order[other], k))
                pairs.append((i, j, round(score)))
        edits = _max_distance(n, t)
        for offset, seg in _segments(text, edits + 1):
            index[seg].append((pos, offset, edits))
            index_lengths[seg].append(n)
            seg_lengths.add(len(seg))
    pairs.sort()
    return pairs


def find_shared(
    reports: Sequence[Report],
    labels: Sequence[str],
    p: SharedParams,
    compared: Sequence[Sequence[tuple[int, str]]] | None = None,
    pairs: Callable[[list[str], float], list[tuple[int, int, int]]] = similar_pairs,
) -> list[list[SharedLine]]:
    """For each report, its lines that another candidate's report also has (near-)verbatim.

    `labels` name each report's file as the batch shows it; `compared` may give each report's
    `bullets_of` already (the batch's workers extract them in parallel). Deterministic: the
    result depends on the order of `reports`, never on timing.
    """
    person = people(reports)
    n_people = len(set(person))
    if compared is None:
        compared = [bullets_of(r, p) for r in reports]
    bullets = [_Bullet(c, line, norm) for c, lines in enumerate(compared) for line, norm in lines]
    by_text: dict[str, list[int]] = defaultdict(list)
    for k, b in enumerate(bullets):
        by_text[b.norm].append(k)
    texts = list(by_text)
    links = pairs(texts, p.min_similarity)
    # clusters of near-identical texts, to see how many people carry a line
    sets = DisjointSets(len(texts))
    for i, j, _ in links:
        sets.union(i, j)
    carriers: dict[int, set[int]] = defaultdict(set)
    for t, text in enumerate(texts):
        carriers[sets.find(t)].update(person[bullets[k].cand] for k in by_text[text])
    boilerplate = max(p.min_common, p.common_share * n_people)

    def common(t: int) -> bool:
        return len(carriers[sets.find(t)]) >= boilerplate

    near: dict[int, list[tuple[int, int]]] = defaultdict(list)  # text -> [(other text, score)]
    for t in range(len(texts)):
        near[t].append((t, 100))
    for i, j, score in links:
        near[i].append((j, score))
        near[j].append((i, score))
    out: list[list[SharedLine]] = [[] for _ in reports]
    for t, text in enumerate(texts):
        if len(carriers[sets.find(t)]) < 2 or common(t):
            continue
        for k in by_text[text]:
            me = bullets[k]
            partners = sorted(
                (-score, bullets[o].cand, bullets[o].line)
                for u, score in near[t]
                for o in by_text[texts[u]]
                if person[bullets[o].cand] != person[me.cand]
            )
            if not partners:
                continue
            neg, cand, line = partners[0]
            also = tuple(dict.fromkeys(labels[c] for _, c, _ in partners if c != cand))
            out[me.cand].append(SharedLine(me.line, labels[cand], line, -neg, also))
    for lines in out:
        lines.sort(key=lambda s: s.line)
    return out


def shared_with(lines: Sequence[SharedLine]) -> dict[str, int]:
    """Other file -> how many of this candidate's lines it shares (the index's summary)."""
    counts: dict[str, int] = defaultdict(int)
    for s in lines:
        for other in (s.other, *s.also):
            counts[other] += 1
    return dict(counts)
