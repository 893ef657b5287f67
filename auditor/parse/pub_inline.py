"""Papers named outside a publication list: in a work or research entry, a summary, a bullet.

Three kinds of mention make a paper, each with its line:
- a known venue with its year, in a sentence about a paper ('第一作者论文发表于 NeurIPS 2024');
- a status with a paper or a venue ('成果已投稿 KDD 2021', 'paper under review (first author)',
  'Title, AAAI 2020, submitted'); a venue-less status stays venue-less;
- a quoted title after a paper word ('论文：《Remote Sensing Tuning: A Survey》'), whose short
  lines below ('第二作者', '已投稿至 CVMJ') give its position, status and venue.
A mention of a paper already listed (same venue and year) is not another paper.
"""

from __future__ import annotations

import re

from auditor.models import Publication
from auditor.parse.pub_authors import read_authors
from auditor.parse.pub_line import find_venue, has_quoted_title, publication, with_position
from auditor.parse.pub_status import claimed_tier, read_status
from auditor.parse.pub_venues import VenueHit, VenueIndex
from auditor.parse.sections import SectionSpan
from auditor.parse.text import strip_markup

_PAPER_WORD = re.compile(r"论文|paper|publication|manuscript|发表|一作|作者|成果", re.I)
_CLAUSE = re.compile(r"[；;。]")
_SUBMITTED_TO = re.compile(r"(?:投稿至|投稿到|投至|submitted to|under review at|accepted (?:at|to|by))\s*(?P<name>[A-Z][A-Za-z]{2,12})(?![A-Za-z])", re.I)
_PUBLISHERS = {"IEEE", "ACM", "CCF", "SCI", "EI", "SSCI", "AAAS", "SPIE"}  # a publisher or an index, not a venue
_TITLE_WORD = re.compile(r"[A-Za-z][\w'-]*")
_STATED_STATUSES = {"under_review", "accepted", "unknown"}  # 'unknown' with words: in preparation


def _title_case(text: str) -> bool:
    """'Graph Attention based Proposal 3D ConvNets' reads as a title; 'Collaborated with a partner
    lab on image generation' reads as a sentence."""
    words = [w for w in _TITLE_WORD.findall(text) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


class _Mentions:
    def __init__(self, lines: list[str], index: VenueIndex, listed: list[Publication], own_name: str | None):
        self.lines, self.index, self.own_name = lines, index, own_name
        self.seen = {(p.venue_id, p.year) for p in listed if p.venue_id}
        self.venueless = {p.status for p in listed if p.venue is None}
        self.titles = {p.title for p in listed if p.title}
        self.skip = {n for p in listed for n in p.lines}
        self.out: list[Publication] = []

    def section(self, sec: SectionSpan) -> None:
        in_list = sec.kind == "publication"
        for n in sec.body:
            if n in self.skip:
                continue
            plain = strip_markup(self.lines[n - 1])
            for clause in _CLAUSE.split(plain):
                pub = self._venue_year(clause, n) or (None if in_list else self._stated(clause, n) or self._quoted(clause, n))
                if pub is not None:
                    self.out.append(pub)
                    break

    def _venue_year(self, clause: str, n: int) -> Publication | None:
        """A known venue with its year, in a clause about a paper (or saying it was accepted). A
        clause naming the venue and year of a paper already found is that paper again, unless it
        gives a title of its own ('Authors. 2019. Title. In Proceedings of EMNLP 2019', twice)."""
        hit = self.index.find(clause)
        if hit is None or hit.venue_id is None or hit.year is None:
            return None
        status = read_status(clause)
        if not (_PAPER_WORD.search(clause) or status.status in ("accepted", "under_review")):
            return None
        pub = self._paper(clause, n, hit, status.status if status.status != "unknown" else "published", status.text)
        if (hit.venue_id, hit.year) in self.seen and (pub.title is None or pub.title in self.titles):
            return None
        self.seen.add((hit.venue_id, hit.year))
        self.titles.add(pub.title)
        return pub

    def _stated(self, clause: str, n: int) -> Publication | None:
        """A stated status with a paper word or a venue: 'paper under review', 'AAAI 2020, submitted'."""
        status = read_status(clause)
        if status.text is None or status.status not in _STATED_STATUSES:
            return None
        hit = find_venue(clause, self.index) or _submitted_to(clause)
        if hit is None and not _PAPER_WORD.search(clause):
            return None
        if hit is None and status.status in self.venueless:
            return None  # the listed venue-less paper, named again
        if hit is not None and hit.venue_id and (hit.venue_id, hit.year) in self.seen:
            return None
        self.seen.add((hit.venue_id, hit.year) if hit else (None, None))
        return self._paper(clause, n, hit, status.status, status.text)

    def _quoted(self, clause: str, n: int) -> Publication | None:
        """'论文：《Title》': a quoted title after a paper word; its short lines below complete it."""
        if not (has_quoted_title(clause) and _PAPER_WORD.search(clause)):
            return None
        pub = self._paper(clause, n, None, "unknown", None)
        return self._completed(pub, n) if pub.title else None

    def _paper(self, clause: str, n: int, hit: VenueHit | None, status: str, status_text: str | None) -> Publication:
        listed = publication(clause, n, self.index, found_in="inline", kind_hint="paper")
        title = listed.title if listed and listed.title and (has_quoted_title(clause) or _title_case(listed.title)) else None
        pub = Publication(
            title=title,
            venue=hit.name if hit else None,
            venue_id=hit.venue_id if hit else None,
            year=hit.year if hit else None,
            status=status,  # type: ignore[arg-type]
            status_text=status_text,
            claimed_tier=claimed_tier(clause),
            found_in="inline",
            line=n,
        )
        return with_position(pub, clause, self._authors_below(n), self.own_name)

    def _authors_below(self, n: int) -> object:
        """'Title, AAAI 2020, submitted' then its author list on the next line."""
        for m in (n + 1, n + 2):
            if m <= len(self.lines) and strip_markup(self.lines[m - 1]):
                return read_authors(self.lines[m - 1], single_if_marked=False)
        return None

    def _completed(self, pub: Publication, n: int) -> Publication:
        """The short lines under a quoted title: its position ('第二作者'), status and venue
        ('已投稿至 CVMJ'); the status line becomes the line quoted."""
        for m in range(n + 1, min(n + 4, len(self.lines) + 1)):
            text = strip_markup(self.lines[m - 1])
            if not text or len(text) > 40:
                break
            pub = with_position(pub, text, None, self.own_name)
            status = read_status(text)
            if status.text is not None:
                hit = find_venue(text, self.index) or _submitted_to(text)
                pub = pub.model_copy(
                    update={"status": status.status, "status_text": status.text, "line": m, "first_line": n}
                    | ({"venue": hit.name, "venue_id": hit.venue_id, "year": hit.year} if hit else {})
                )
            self.skip.add(m)
        return pub


def _submitted_to(text: str) -> VenueHit | None:
    """'已投稿至 CVMJ', 'submitted to TPAMI': the venue a submission names, known or not."""
    m = _SUBMITTED_TO.search(text)
    if m is None or not m.group("name").isupper() or m.group("name") in _PUBLISHERS:
        return None
    return VenueHit(None, m.group("name"), None, m.span("name"))


def inline_papers(lines: list[str], sections: list[SectionSpan], index: VenueIndex, listed: list[Publication], own_name: str | None = None) -> list[Publication]:
    """Papers mentioned outside the publication list (and prose mentions inside it)."""
    found = _Mentions(lines, index, listed, own_name)
    for sec in sections:
        if sec.kind != "skills":
            found.section(sec)
    return found.out
