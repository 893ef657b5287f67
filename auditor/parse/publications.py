"""Publications: title, venue, year, status, authors, the candidate's position, claimed tier.

Listed papers come from publication sections. Each line is first classified once (a whole entry,
a title, an author list, a venue line, a status line, a position note, a year, or nothing), then
entries are assembled by one small grammar: `[year] title [authors] (venue | status | position)*`.
A paper named only in passing ("第一作者论文发表于 NeurIPS 2024", "成果已投稿 KDD 2021") is found
anywhere else (pub_inline).
"""

from __future__ import annotations

import re

from auditor.models import Publication
from auditor.parse.pub_authors import read_authors
from auditor.parse.pub_inline import inline_papers
from auditor.parse.pub_line import publication, status_line, with_position
from auditor.parse.pub_status import is_status_only
from auditor.parse.pub_venues import YEAR, VenueIndex, VenueHit, venue_index, without_urls
from auditor.parse.pub_wrap import AUTHORS_LEAD
from auditor.parse.sections import SectionSpan
from auditor.parse.text import indent, strip_markup

__all__ = ["VenueHit", "VenueIndex", "parse_publications", "venue_index", "without_urls"]

_PATENT = re.compile(r"专利|patent", re.I)
_PAPER_HEADING = re.compile(r"论文|paper", re.I)
_SUBHEADING = re.compile(r"[【\[]?[^】\]]{1,12}[】\]]")  # 【技术专利】 / 【学术论文】
_BARE_YEAR = re.compile(rf"`?{YEAR}`?")  # matched on stripped text: no space runs to rescan
_LIST_ITEM = re.compile(r"^\s*(?:[-+•]|\*(?=\s)|\d+[.)]\s|\[\d{1,3}\])")
_POSITION_NOTE = re.compile(r"^[(（\[【]?\s?(?:(?:共同\s?)?(?:第\s?)?[一二三四五1-5]\s?作者?|co-?first(?: author)?|(?:first|second|third|1st|2nd|3rd)[- ]author|equal contribution)\s?[)）\]】]?", re.I)
_NON_ARCHIVAL = {"workshop", "arxiv"}


class _Lines:
    """The section's lines with what each one is, computed once."""

    def __init__(self, lines: list[str], body: list[int], index: VenueIndex):
        self.lines, self.body, self.index = lines, body, index
        self._plain: dict[int, str] = {}

    def raw(self, n: int) -> str:
        return self.lines[n - 1]

    def with_quote_above(self, n: int) -> str:
        """Line n with the start of a quoted title that opened on the line above ('… and T. Icard.
        “Causal' / 'Abstraction: A Theory of ….” [In review]. 2024.'), so the title is read whole."""
        text = self.raw(n)
        if n < 2 or text.count("”") <= text.count("“"):
            return text
        above = self.raw(n - 1)
        at = above.rfind("“")
        return f"{above[at:].strip()} {text.strip()}" if at >= 0 and "”" not in above[at:] else text

    def plain(self, n: int) -> str:
        if n not in self._plain:
            self._plain[n] = strip_markup(self.lines[n - 1]).rstrip(" \\")
        return self._plain[n]

    def is_venue_line(self, n: int) -> bool:
        return _is_venue_line(self.raw(n), self.index)

    def reads_like_title(self, n: int) -> bool:
        return _reads_like_title(self.plain(n), self.index) and not self._ends_author_list(n)

    def _ends_author_list(self, n: int) -> bool:
        """Line n finishes the author list above, wrapped at 'and' or a comma ('Seong Hoon Seo, …,
        Yeonhong Park, and' / 'Jae W. Lee'): a name, not a title."""
        above = self.plain(n - 1).rstrip() if n > 1 else ""
        if not re.search(r"(?:,|，|\band|&)$", above) or not _is_author_list(above.rstrip(",， &")):
            return False
        return read_authors(self.plain(n), single_if_marked=False) is not None or bool(_ONE_NAME.fullmatch(self.plain(n).strip(" .")))


def _is_author_list(text: str) -> bool:
    """'A. Ruiz, **W. Shen**, and J. Doe': every part is a person's name (or '...')."""
    return read_authors(text, single_if_marked=False) is not None


def _is_venue_line(text: str, index: VenueIndex) -> bool:
    """A line that names a venue (or a status) and nothing of its own: 'ICLR', '*CVPR 2024*',
    'NeurIPS 2023 MATH-AI Workshop', 'Under review at ICLR 2024'."""
    plain = strip_markup(text)
    if index.find(plain) is None and index.generic(plain) is None:
        return is_status_only(plain)
    pub = publication(text, 0, index, found_in="publications", kind_hint="paper")
    return pub is None or pub.title is None


def _reads_like_title(text: str, index: VenueIndex) -> bool:
    """A title line of a multi-line entry: not blank, not a year, an award word, an author list or a venue line."""
    return len(text.split()) >= 3 and not _is_author_list(text) and not _is_venue_line(text, index) and not _POSITION_NOTE.fullmatch(text)


def _is_position_note(text: str) -> bool:
    """'(共同1作)', '第二作者', 'first author' on a line of its own."""
    return bool(_POSITION_NOTE.fullmatch(text.strip(" .,;")))


# A listed entry's opener ('[3].', '3.', a year): a long line that starts so is a citation, not prose.
_OPENS_ENTRY = re.compile(r"^\s*(?:\[\d{1,3}\]|\(?\d{1,3}[.)]\s|(?:19|20)\d\d\s)")


# a citation that opens with its authors ('Andy Shih, Dorsa Sadigh, and …'): long, yet no prose
_AUTHORS_OPEN = re.compile(rf"^\s*(?:[-*•]\s+)?{AUTHORS_LEAD}")


class _SectionReader:
    """Assembles the entries of one publication section."""

    def __init__(self, lines: _Lines, sec: SectionSpan, own_name: str | None):
        self.ls, self.own_name = lines, own_name
        self.mode = "patent" if _PATENT.search(sec.heading) and not _PAPER_HEADING.search(sec.heading) else "paper"
        self.years_first = _years_first(lines)
        self.pubs: list[Publication] = []

    @property
    def entry(self) -> Publication | None:
        return self.pubs[-1] if self.pubs else None

    def read(self) -> list[Publication]:
        for n in self.ls.body:
            self._line(n)
        return self.pubs

    def _skipped(self, n: int, plain: str) -> bool:
        """Lines that are no entry: a bare link, a sub-heading (which sets the mode), anything under
        a patent heading, an author or position note (which completes the entry above), a short
        line that names no venue, a paragraph (read for inline mentions)."""
        if not plain or len(without_urls(plain)) < 4 and not is_status_only(plain):
            return True
        if _SUBHEADING.fullmatch(plain):
            self.mode = "patent" if _PATENT.search(plain) else "paper"
            return True
        if self.mode == "patent" or self._note(n, plain):
            return True
        if len(plain) < 12:
            return not self.ls.is_venue_line(n)
        return len(plain) > 200 and not re.search(r"[\"“《]", plain) and not _OPENS_ENTRY.match(plain) and not _AUTHORS_OPEN.match(plain)

    def _line(self, n: int) -> None:
        plain = self.ls.plain(n)
        if self._skipped(n, plain):
            return
        pub = publication(self.ls.with_quote_above(n), n, self.ls.index, found_in="publications", kind_hint="paper", own_name=self.own_name)
        if pub is None:
            pub = status_line(self.ls.raw(n), n)
        elif not (pub.title or pub.venue):
            return
        if pub is not None:
            self._add(pub, n)

    def _note(self, n: int, plain: str) -> bool:
        """An author list or a position note under a paper: it completes the paper above (or the
        title line above, which it makes a paper). True when the line was such a note."""
        authors = read_authors(self.ls.raw(n), single_if_marked=False)
        if authors is None and not _is_position_note(plain):
            return False
        if self.entry is not None and n - self.entry.line <= 3 and self._nothing_between(self.entry.line, n):
            if authors is None or not self.entry.authors:
                self.pubs[-1] = with_position(self.entry, plain, authors, self.own_name)
            return True
        above = self._title_above(n)
        if authors is None and above is not None:  # 'WaBERT: A Low-resource …' then '(共同1作)'
            pub = Publication(title=_title_text(self.ls.plain(above)), line=above, found_in="publications")
            self.pubs.append(with_position(pub, plain, None, self.own_name))
        return True

    def _nothing_between(self, a: int, b: int) -> bool:
        return all(not self.ls.reads_like_title(m) for m in range(a + 1, b) if self.ls.plain(m))

    def _add(self, pub: Publication, n: int) -> None:
        if pub.title is None:
            if self._continues(n):
                self.pubs[-1] = _merge(self.entry, pub)  # type: ignore[arg-type]
                return
            pub = self._titled_from_around(pub, n)
            if pub is None:
                return
        if self.years_first and (self.ls.is_venue_line(n) or is_status_only(self.ls.plain(n))):  # a title line's year is its own (or absent)
            pub = _with_year(pub, _year_above(self.ls, n))
        self.pubs.append(pub)

    def _titled_from_around(self, pub: Publication, n: int) -> Publication | None:
        """A venue or status line: its title is the title line above (with the author list between
        them) or the line nested under it."""
        above = self._title_above(n)
        if above is not None:
            pub = pub.model_copy(update={"title": _title_text(self.ls.plain(above)), "first_line": above if pub.venue is None and pub.status_text else None})
            authors = next((a for m in range(above + 1, n) if (a := read_authors(self.ls.raw(m), single_if_marked=False))), None)
            if authors is not None:
                pub = with_position(pub, self.ls.plain(n), authors, self.own_name)
        else:
            pub = pub.model_copy(update={"title": self._title_below(n)})
        if pub.title is None and pub.venue is None:
            return None  # a status word with no paper to go with it
        return pub

    def _title_above(self, n: int) -> int | None:
        """The nearest line above that reads like a title, below the previous entry's line (a title
        never belongs to two papers). A list item is an entry of its own and takes no title from above."""
        if _LIST_ITEM.match(self.ls.raw(n)):
            return None
        after = self.entry.line if self.entry else 0
        between = [b for b in self.ls.body if after < b < n and self.ls.plain(b)]
        for m in between[-3:][::-1]:
            if self.ls.reads_like_title(m):
                return m
        # a title wrapped over two lines above an author list wrapped over two ('QUESO: … On-Device'
        # / 'LLM Inference' / 'A. Seo, …, and' / 'J. Lee' / venue): four lines up, when the lines
        # between are the title's tail and the author list
        if len(between) >= 4 and self.ls.reads_like_title(m := between[-4]) and _is_author_list(self.ls.plain(between[-2])):
            return m
        return None

    def _title_below(self, n: int) -> str | None:
        """A venue item whose title is nested under it ('* **CVPR 2022 Oral** 共同第一作者' then
        '    * [ELIC: Efficient Learned Image Compression …](…)'): the next line, indented deeper."""
        below = next((b for b in self.ls.body if b > n and self.ls.plain(b)), None)
        if below is None or below > n + 2 or indent(self.ls.raw(below)) <= indent(self.ls.raw(n)):
            return None
        return self.ls.plain(below)[:300] if self.ls.reads_like_title(below) else None

    def _continues(self, n: int) -> bool:
        """Line n carries on the entry above (no blank line and no new title in between, and not a
        list item of its own): 'NeurIPS 2023 MATH-AI Workshop' then 'Under review at ICLR 2024'."""
        entry = self.entry
        if entry is None or n - entry.line > 4 or _LIST_ITEM.match(self.ls.raw(n)):
            return False
        return all(self.ls.plain(m) and not self.ls.reads_like_title(m) for m in range(entry.line + 1, n))


_ONE_NAME = re.compile(r"[A-Z][\w'\-]{0,30}\.?(?:\s{1,3}[A-Z][\w'\-]{0,30}\.?){1,3}")
_LIST_NUMBER = re.compile(r"^\s*[\[(（【]\d{1,3}[\])）】]\s*")


def _title_text(text: str) -> str:
    """A title line as a title: cut to 300 characters, without the list number before it ('[1] ')
    or the sentence's final stop."""
    return _LIST_NUMBER.sub("", text[:300]).rstrip(" .,;，；")


def _merge(entry: Publication, more: Publication) -> Publication:
    """One paper whose venue or status goes on over two lines. A workshop or an arXiv posting
    gives way to the other venue named: a main-track submission is the claim with a decision to
    check, and its own line ('Under review at ICLR 2024') is the one to quote. A main venue
    already read stays; the second line only fills in a missing year or status."""
    if more.venue is not None and entry.venue_id in _NON_ARCHIVAL and more.venue_id not in _NON_ARCHIVAL:
        keep = ("venue", "venue_id", "year", "status", "status_text", "line")
        return entry.model_copy(
            update={k: getattr(more, k) for k in keep}
            | {"claimed_tier": entry.claimed_tier or more.claimed_tier, "first_line": entry.first_line or entry.line}
        )
    if more.venue is not None and more.venue_id != entry.venue_id and entry.venue is not None:
        return entry
    return entry.model_copy(update=_filled(entry, more))


def _filled(entry: Publication, more: Publication) -> dict[str, object]:
    """What a second line of the entry adds: a venue, year or status it did not have."""
    update: dict[str, object] = {}
    if entry.venue is None and more.venue is not None:
        update |= {"venue": more.venue, "venue_id": more.venue_id, "line": more.line, "first_line": entry.first_line or entry.line}
    if entry.year is None and more.year is not None:
        update["year"] = more.year
    if entry.status_text is None and more.status_text is not None:
        update |= {"status": more.status, "status_text": more.status_text}
    elif entry.status == "unknown" and (entry.venue or more.venue) and (update.get("year") or entry.year):
        update["status"] = "published"
    return update


def _years_first(ls: _Lines) -> bool:
    """Each entry opens with its year on a line of its own ('2025' / title / authors / venue):
    then a bare year below a venue line belongs to the next entry, not this one."""
    first = next((ls.plain(b) for b in ls.body if ls.plain(b)), "")
    return bool(_BARE_YEAR.fullmatch(first.strip()))


def _year_above(ls: _Lines, n: int) -> int | None:
    """In a years-first list, the year line that opened the entry holding line n."""
    for m in [b for b in ls.body if b < n][::-1]:
        text = ls.plain(m).strip()
        if _BARE_YEAR.fullmatch(text):
            return int(text.strip("`"))
    return None


def _with_year(pub: Publication, year: int | None) -> Publication:
    """A year read from the entry's own year line; listed with a venue and a year, it is claimed as
    published. Not for a stated submission or acceptance: a paper listed under 2024 and 'under
    review at ICLR' may well be at ICLR 2025, and a wrong edition would date its decision wrongly.
    A bare 'Under review' with no venue takes the year: it dates the submission, no edition."""
    if pub.year is not None or year is None:
        return pub
    if pub.status == "under_review" and pub.venue is None:
        return pub.model_copy(update={"year": year})
    if pub.status not in ("unknown", "preprint"):
        return pub
    status = "published" if pub.status == "unknown" and pub.venue and pub.kind_hint == "paper" else pub.status
    return pub.model_copy(update={"year": year, "status": status})


def parse_publications(lines: list[str], sections: list[SectionSpan], index: VenueIndex, own_name: str | None = None) -> list[Publication]:
    """Every paper the resume lists or names; `own_name` (the resume's name) finds the candidate in
    an author list that marks no name."""
    pubs: list[Publication] = []
    for sec in sections:
        if sec.kind == "publication":
            pubs += _SectionReader(_Lines(lines, sec.body, index), sec, own_name).read()
    return pubs + inline_papers(lines, sections, index, pubs, own_name)

