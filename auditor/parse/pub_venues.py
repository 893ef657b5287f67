"""Venues named on a publication line: the knowledge base's aliases (longest first) with the year
beside them, workshops told apart from their host's main track, and unknown acronyms with a year.

A known alias that goes on into a longer name is not that venue: "Pattern Recognition Letters"
is not "Pattern Recognition", "ACL Rolling Review" is not ACL, "SIGIR-AP" is not SIGIR. The
longer name is kept as written, with no KB entry, so no KB date is ever applied to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.catalog.kb import KnowledgeBase, Venue, derived
from auditor.parse.alternation import literal_alternation

YEAR = r"(?:19[89]\d|20[0-4]\d)"
# A two-digit year is a year only right after a venue: "ICLR'24", "CVPR 24," — never "35 Under 35"
# (a number followed by a word) and never after a plain word ("Review 35").
# 'NeurIPS'23', 'AAAI-24 Conference' (an apostrophe or hyphen makes two digits a year), 'ICLR 24' (a
# bare two digits only when no word follows: 'ACL 20 teams' is a count).
_SHORT_YEAR = r"(?:\s*['’\-]\s*(?P<y2>\d{2})(?![\d.%])|\s?(?P<y3>\d{2})(?![\d.%])(?!\s*[A-Za-z]))"
_GENERIC_VENUE = re.compile(rf"(?<![A-Za-z])(?P<name>[A-Z][A-Za-z]{{1,9}}(?:[- ][A-Z][A-Za-z]{{1,9}})?)(?:\s*['’]?\s*(?P<y1>{YEAR})(?!\d)|{_SHORT_YEAR})")
# 'European Symposium on Research in Computer Security (ESORICS), 2023': a full name, its acronym
# in brackets, then the year; the full name runs back to the comma before it (bounded: linear).
_PAREN_VENUE = re.compile(rf"(?:,\s?(?P<full>[A-Z][^,()]{{2,120}}?)\s?)?\((?P<name>[A-Z][A-Za-z]{{1,9}})\)[,\s]{{0,3}}(?P<y1>{YEAR})(?!\d)")
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]")  # a word with two capitals (NeurIPS, IEEE Access): a short year may follow
_NOT_VENUE = {"GPT", "LLaMA", "Top", "CCF", "SCI", "EI", "Qwen", "Python", "Java", "Windows", "Office", "ICPC", "ACM"}
# A bare domain starts only where a run of name characters and dots starts: started anywhere
# inside "1.2.3.4…", each start would rescan the run (quadratic; tests/regex_steps.py).
_URL = re.compile(r"(?:https?://|www\.)\S+|(?<![A-Za-z0-9.-])(?:[A-Za-z0-9-]+\.)+(?:org|com|net|edu|io|cn)/\S*", re.I)
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")  # '[Paper](https://…)': the text stays, the target goes
# "NeurIPS 2023 MATH-AI Workshop", "ICML Workshop on …": the workshop, not the main track
_WORKSHOP_AFTER = re.compile(r"^[^/;,|(（]{0,40}?\bworkshops?\b", re.I)
_WORKSHOP_BEFORE = re.compile(r"\bworkshops?\b[^/;,|)）]{0,60}?\b(?:at|@|of|co-located with)\s*$", re.I)
# What may follow a venue's name and still be that venue: its tracks, formats and parts. Any other
# capitalised word goes on into another name ('Pattern Recognition Letters', 'ACL Rolling Review').
_SAME_VENUE_WORDS = frozenset(
    "workshop workshops findings main oral poster spotlight highlight track tracks datasets benchmarks demo demos "
    "demonstration short long full student industry conference proceedings journal volume vol special companion "
    "paper papers submission submitted accepted under in on and with at as the best award tutorial".split()
)
_NAME_GOES_ON = re.compile(r"(?:-[A-Za-z]{1,3}(?![A-Za-z-])| (?P<word>[A-Z][A-Za-z]+)(?: [A-Z][A-Za-z]+){0,3})")
_FINDINGS_NEAR = re.compile(r"findings", re.I)


@dataclass
class VenueHit:
    venue_id: str | None
    name: str
    year: int | None
    span: tuple[int, int]
    written: str | None = None  # the venue as the line writes it, when `name` differs ('NeurIPS' of 'NeurIPS Workshop')


def to_year(text: str | None) -> int | None:
    """A four- or two-digit year ('2024', '24') as a full year."""
    if not text:
        return None
    y = int(text)
    return y if y > 1900 else 2000 + y


class VenueIndex:
    """Finds venue names (KB aliases, longest first) with the year beside them."""

    def __init__(self, venues: list[Venue]):
        self.by_alias: dict[str, Venue] = {}
        for v in venues:
            for alias in [v.short, *v.aliases]:
                self.by_alias.setdefault(alias.lower(), v)
        alt = literal_alternation(self.by_alias)  # longest alias first, as a prefix tree (speed)
        self._re = re.compile(
            rf"(?<![A-Za-z])(?:(?P<y0>{YEAR})\s*)?(?P<name>{alt})(?![A-Za-z])(?:\s*['’\-]?\s*(?P<y1>{YEAR})(?!\d)|{_SHORT_YEAR})?(?P<findings>\s*\(?\s*findings\)?)?",
            re.I,
        )
        self._findings_re = re.compile(rf"findings\s+of\s+(?:the\s+)?(?P<name>{alt})(?![A-Za-z])(?:\s*(?P<y1>{YEAR}))?", re.I)

    def find(self, text: str) -> VenueHit | None:
        """The venue the line names: the first one, or a later one that has a year beside it."""
        m = self._findings_re.search(text)
        if m:
            v = self.by_alias.get(f"{m.group('name').lower()} findings")
            return VenueHit(v.id if v else None, v.short if v else f"Findings of {m.group('name')}", to_year(m.group("y1")), m.span())
        best: VenueHit | None = None
        for m in self._re.finditer(text):
            hit = self._hit(text, m)
            if best is None or (best.year is None and hit.year is not None):
                best = hit
        return best

    def _hit(self, text: str, m: re.Match[str]) -> VenueHit:
        v = self.by_alias[m.group("name").lower()]
        year = to_year(m.group("y1") or m.group("y2") or m.group("y3") or m.group("y0"))
        if m.group("y3") and not (m.group("y1") or m.group("y2")):
            year = _bare_two_digits(text, m, year)
        longer = _longer_name(text, m) if not (m.group("y1") or m.group("y2") or m.group("y3")) else None
        if longer is not None:
            return VenueHit(None, longer, year, m.span())
        if m.group("findings") or _FINDINGS_NEAR.search(text, m.end(), m.end() + 12):
            v = self.by_alias.get(f"{v.short.lower()} findings", v)
        if v.kind != "workshop" and _is_workshop(text, m.start(), m.end()):
            return self._workshop(v, year, m.span(), m.group("name"))
        written = m.group("name")
        return VenueHit(v.id, v.short, year, m.span(), written if written != v.short else None)

    def _workshop(self, main: Venue, year: int | None, span: tuple[int, int], written: str) -> VenueHit:
        """A workshop held with `main`: the KB's generic workshop entry, named after its host."""
        generic = self.by_alias.get("workshop")
        return VenueHit(generic.id if generic else None, f"{main.short} Workshop", year, span, written)

    def generic(self, text: str) -> VenueHit | None:
        """An unknown acronym followed by a year ('TSEM 2023', '… (ESORICS), 2023'): a venue we do not know."""
        paren = _PAREN_VENUE.search(text)
        if paren is not None and paren.group("name") not in _NOT_VENUE and _ACRONYM.search(paren.group("name")):
            written = text[paren.start("full") if paren.group("full") else paren.start("name") - 1 : paren.end("name") + 1]
            return VenueHit(None, paren.group("name"), int(paren.group("y1")), paren.span(), written)
        for m in _GENERIC_VENUE.finditer(text):
            name = m.group("name")
            if name in _NOT_VENUE or not re.search(r"[A-Z].*[A-Z]", name):
                continue
            if not m.group("y1") and not _ACRONYM.search(name):
                continue  # 'Review 35': a short year only follows an acronym
            return VenueHit(None, name, to_year(m.group("y1") or m.group("y2") or m.group("y3")), m.span())
        return None

    def arxiv(self) -> VenueHit | None:
        """The KB's arXiv entry, for a paper known only by its arxiv.org link."""
        v = self.by_alias.get("arxiv")
        return VenueHit(v.id, v.short, None, (0, 0)) if v else None


_FULL_YEAR_AFTER = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _bare_two_digits(text: str, m: re.Match[str], year: int | None) -> int | None:
    """Two bare digits after a venue are its year only after an acronym ('ICLR 24'): after a
    full name they are a volume ('Advances in Neural Information Processing Systems 36 (NeurIPS),
    2023'), and a full year written later on the line wins either way."""
    later = _FULL_YEAR_AFTER.search(text, m.end(), m.end() + 60)
    if later:
        return int(later.group(1))
    return year if " " not in m.group("name").strip() else None


def _longer_name(text: str, m: re.Match[str]) -> str | None:
    """The longer name the alias at `m` begins ('SIGIR-AP', 'Pattern Recognition Letters'), or None
    when what follows is the venue's own track or format ('CVPR Workshop', 'ICLR Oral')."""
    goes_on = _NAME_GOES_ON.match(text, m.end("name"))
    if goes_on is None:
        return None
    word = goes_on.group("word")
    if word is not None and word.lower() in _SAME_VENUE_WORDS:
        return None
    if word is not None and m.group("name").isupper() and word.isupper():
        return None  # 'EMNLP IJCNLP', 'ICCV CVPR': two acronyms in a row, not one name
    return text[m.start("name") : goes_on.end()]


def _is_workshop(text: str, start: int, end: int) -> bool:
    """The venue name at text[start:end] names a workshop held with it, not its main track."""
    return bool(_WORKSHOP_AFTER.search(text[end:]) or _WORKSHOP_BEFORE.search(text[:start]))


def without_urls(text: str) -> str:
    """The text with web addresses removed: 'www.' in a link is not the WWW conference and a
    link is not a title."""
    return " ".join(_URL.sub(" ", MD_LINK.sub(r"\1", text)).split())


def strip_urls(text: str) -> str:
    """Web addresses removed, nothing else changed."""
    return _URL.sub("", text)


def venue_index(kb: KnowledgeBase) -> VenueIndex:
    """The KB's venue index, built once per KB and shared by the parser and the online judge."""
    return derived(kb, "venues", lambda k: VenueIndex(k.venues))
