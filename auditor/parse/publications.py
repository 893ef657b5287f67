"""Publications: title, venue, year, status, authors, the candidate's position, claimed tier.

Listed papers come from publication sections; a paper named only in passing ("第一作者论文
发表于 NeurIPS 2024") is found anywhere else when it names a known venue and a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.catalog.kb import KnowledgeBase, Venue, derived
from auditor.models import Publication
from auditor.parse.alternation import literal_alternation
from auditor.parse.sections import SectionSpan
from auditor.parse.text import indent, strip_markup

_YEAR = r"(?:19[89]\d|20[0-4]\d)"
STATUS_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("under_review", re.compile(r"under\s*review|在审|审稿中|已投稿|投稿中|在投|submitted|in\s*submission|under\s*submission|under\s*revision|major\s*revision|minor\s*revision|修改后重投|返修", re.I)),
    ("accepted", re.compile(r"to\s*appear|accepted|已接收|被.{0,12}接收|接收|录用|已录用|in\s*press", re.I)),
    ("preprint", re.compile(r"arxiv|preprint|预印本|corr\b", re.I)),
    ("published", re.compile(r"published|发表于|已发表|发表在|刊登", re.I)),
]
POSITION_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}
_POSITION = re.compile(r"第\s*([一二三四五六1-6])\s*作者|(?<!共同)([一二三])作|\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ]author", re.I)
_EN_POS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_EQUAL = re.compile(r"共同一作|共一|co-?first|equal contribution|\*\s*equal", re.I)
_TIER = re.compile(r"CCF[\s-]?([ABC])(?:\s*类)?|中科院\s*([1-4一二三四])\s*区|(?<![A-Za-z])(SCI|EI|SSCI)(?![A-Za-z])(?:\s*[1-4一二三四]\s*区)?|\b(Q[1-4])\b", re.I)
_INTERNAL = re.compile(r"内部技术报告|内部报告|技术报告|internal (?:technical )?report|tech(?:nical)? report|白皮书|white ?paper", re.I)
_PATENT = re.compile(r"专利|patent", re.I)
_THESIS = re.compile(r"学位论文|毕业论文|硕士论文|博士论文|thesis|dissertation", re.I)
# A two-digit year is a year only right after a venue: "ICLR'24", "CVPR 24," — never "35 Under 35"
# (a number followed by a word) and never after a plain word ("Review 35").
_SHORT_YEAR = r"(?:\s*['’]\s*(?P<y2>\d{2})|\s?(?P<y3>\d{2}))(?![\d.%])(?!\s*[A-Za-z])"
_GENERIC_VENUE = re.compile(rf"(?<![A-Za-z])(?P<name>[A-Z][A-Za-z]{{1,9}}(?:[- ][A-Z][A-Za-z]{{1,9}})?)(?:\s*['’]?\s*(?P<y1>{_YEAR})(?!\d)|{_SHORT_YEAR})")
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]")  # a word with two capitals (NeurIPS, IEEE Access): a short year may follow
# A bare domain starts only where a run of name characters and dots starts: started anywhere
# inside "1.2.3.4…", each start would rescan the run (quadratic; tests/regex_steps.py).
_URL = re.compile(r"(?:https?://|www\.)\S+|(?<![A-Za-z0-9.-])(?:[A-Za-z0-9-]+\.)+(?:org|com|net|edu|io|cn)/\S*", re.I)
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)\s]*\)")  # '[Paper](https://…)': the text stays, the target goes
_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/", re.I)
# "NeurIPS 2023 MATH-AI Workshop", "ICML Workshop on …": the workshop, not the main track
_WORKSHOP_AFTER = re.compile(r"^[^/;,|(（]{0,40}?\bworkshops?\b", re.I)
_WORKSHOP_BEFORE = re.compile(r"\bworkshops?\b[^/;,|)）]{0,60}?\b(?:at|@|of|co-located with)\s*$", re.I)
_QUOTED = re.compile(r"[\"“”「『]([^\"“”「」『』]{8,300})[\"“”」』]")
_PAPER_WORD = re.compile(r"论文|paper|publication|发表|一作|作者", re.I)
_NOT_VENUE = {"GPT", "LLaMA", "Top", "CCF", "SCI", "EI", "Qwen", "Python", "Java", "Windows", "Office", "ICPC", "ACM"}


@dataclass
class VenueHit:
    venue_id: str | None
    name: str
    year: int | None
    span: tuple[int, int]
    written: str | None = None  # the venue as the line writes it, when `name` differs ('NeurIPS' of 'NeurIPS Workshop')


class VenueIndex:
    """Finds venue names (KB aliases, longest first) with the year beside them."""

    def __init__(self, venues: list[Venue]):
        self.by_alias: dict[str, Venue] = {}
        for v in venues:
            for alias in [v.short, *v.aliases]:
                self.by_alias.setdefault(alias.lower(), v)
        alt = literal_alternation(self.by_alias)  # longest alias first, as a prefix tree (speed)
        self._re = re.compile(
            rf"(?<![A-Za-z])(?:(?P<y0>{_YEAR})\s*)?(?P<name>{alt})(?![A-Za-z])(?:\s*['’]?\s*(?P<y1>{_YEAR})(?!\d)|{_SHORT_YEAR})?(?P<findings>\s*\(?\s*findings\)?)?",
            re.I,
        )
        self._findings_re = re.compile(rf"findings\s+of\s+(?:the\s+)?(?P<name>{alt})(?![A-Za-z])(?:\s*(?P<y1>{_YEAR}))?", re.I)

    def find(self, text: str) -> VenueHit | None:
        m = self._findings_re.search(text)
        if m:
            v = self.by_alias.get(f"{m.group('name').lower()} findings")
            return VenueHit(v.id if v else None, v.short if v else f"Findings of {m.group('name')}", _year(m.group("y1")), m.span())
        best: VenueHit | None = None
        for m in self._re.finditer(text):
            v = self.by_alias[m.group("name").lower()]
            year = _year(m.group("y1") or m.group("y2") or m.group("y3") or m.group("y0"))
            if m.group("findings") or re.search(r"findings", text[m.end() : m.end() + 12], re.I):
                v = self.by_alias.get(f"{v.short.lower()} findings", v)
            hit = VenueHit(v.id, v.short, year, m.span())
            if v.kind != "workshop" and _is_workshop(text, m.start(), m.end()):
                hit = self._workshop(v, year, m.span(), m.group("name"))
            if best is None or (best.year is None and year is not None):
                best = hit
        return best

    def _workshop(self, main: Venue, year: int | None, span: tuple[int, int], written: str) -> VenueHit:
        """A workshop held with `main`: the KB's generic workshop entry, named after its host."""
        generic = self.by_alias.get("workshop")
        return VenueHit(generic.id if generic else None, f"{main.short} Workshop", year, span, written)

    def generic(self, text: str) -> VenueHit | None:
        """An unknown acronym followed by a year ('TSEM 2023'): a venue we do not know."""
        for m in _GENERIC_VENUE.finditer(text):
            name = m.group("name")
            if name in _NOT_VENUE or not re.search(r"[A-Z].*[A-Z]", name):
                continue
            if not m.group("y1") and not _ACRONYM.search(name):
                continue  # 'Review 35': a short year only follows an acronym
            return VenueHit(None, name, _year(m.group("y1") or m.group("y2") or m.group("y3")), m.span())
        return None

    def arxiv(self) -> VenueHit | None:
        """The KB's arXiv entry, for a paper known only by its arxiv.org link."""
        v = self.by_alias.get("arxiv")
        return VenueHit(v.id, v.short, None, (0, 0)) if v else None


def _is_workshop(text: str, start: int, end: int) -> bool:
    """The venue name at text[start:end] names a workshop held with it, not its main track."""
    return bool(_WORKSHOP_AFTER.search(text[end:]) or _WORKSHOP_BEFORE.search(text[:start]))


def without_urls(text: str) -> str:
    """The text with web addresses removed: 'www.' in a link is not the WWW conference and a
    link is not a title."""
    return " ".join(_URL.sub(" ", _MD_LINK.sub(r"\1", text)).split())


def venue_index(kb: KnowledgeBase) -> VenueIndex:
    """The KB's venue index, built once per KB and shared by the parser and the online judge
    (each built its own: about 8 ms more for every `--online` run)."""
    return derived(kb, "venues", lambda k: VenueIndex(k.venues))


def _year(text: str | None) -> int | None:
    if not text:
        return None
    y = int(text)
    return y if y > 1900 else 2000 + y


def _status(text: str) -> tuple[str, str | None]:
    for status, pat in STATUS_PATTERNS:
        m = pat.search(text)
        if m:
            return status, m.group(0)
    return "unknown", None


def _authors(segments: list[str]) -> tuple[list[str], int | None, bool]:
    """The author segment: names split by commas; the bold or starred one is the candidate."""
    for seg in segments:
        raw = seg
        if raw.count(",") + raw.count("，") < 1 and "**" not in raw:
            continue
        names = [n.strip() for n in re.split(r",|，|\band\b|&", raw) if n.strip()]
        names = [n for n in names if not re.search(r"e\.?t\.?c|et al|等", n, re.I)]
        if len(names) < 2 or not all(len(strip_markup(n)) <= 40 for n in names):
            continue
        if not all(re.fullmatch(r"[\w\s.\-'*†‡]+", strip_markup(n).replace("*", "")) for n in names):
            continue
        pos = next((i + 1 for i, n in enumerate(names) if "**" in n or "<b>" in n or "<strong>" in n), None)
        marked = names[pos - 1].replace("**", "") if pos else ""
        equal = bool(pos and re.search(r"[*†]\s*$", marked))
        clean = [strip_markup(n).replace("*", "").replace("†", "").strip() for n in names]
        return clean, pos, equal
    return [], None, False


def _position(text: str) -> tuple[int | None, bool]:
    equal = bool(_EQUAL.search(text))
    m = _POSITION.search(text)
    if m:
        if m.group(1):
            return POSITION_WORDS[m.group(1)], equal
        if m.group(2):
            return POSITION_WORDS[m.group(2)], equal
        return _EN_POS[m.group(3).lower()], equal
    if equal:
        return 1, True
    return None, False


def _tier(text: str) -> str | None:
    m = _TIER.search(text)
    if not m:
        return None
    if m.group(1):
        return f"CCF-{m.group(1).upper()}"
    if m.group(2):
        return f"中科院{m.group(2)}区"
    return (m.group(3) or m.group(4)).upper()


def _title(plain: str, raw: str, hit: VenueHit | None) -> str | None:
    q = _QUOTED.search(plain)
    if q:
        return q.group(1).strip()
    bold = re.match(r"\s*(?:[-*+]\s*)?\*\*([^*]{8,300}?)\*\*", raw) or re.match(r"\s*(?:[-*+]\s*)?\*([^*]{8,300}?)\*", raw)
    head = strip_markup(bold.group(1)) if bold else plain
    if hit is not None:
        name = hit.written or hit.name
        idx = head.find(name)
        if idx < 0:
            idx = head.lower().find(name.lower())
        if idx == 0:
            return None  # the line starts with its venue: the title is on another line
        if idx > 0:
            head = head[:idx]
    head = re.split(r"[;；]|\s[-–—]\s|\.\s(?=[A-Z][a-z]+,?\s[A-Z])", head)[0]
    head = head.rstrip(" \t,，.;；:：(（[\\").strip()  # not '[…]+$': quadratic on a run of dots
    head = re.sub(r"[,，]\s*(?:submitted|under review|in submission|accepted|to appear|published)\b[^,，]*$", "", head, flags=re.I).strip()
    head = re.sub(r"[,，]\s*[A-Z][A-Za-z]{1,12}\s+(?:19|20)\d{2}\b.*$", "", head).strip()  # ', ACL 2023 Findings'
    head = head.rstrip(" \t,，.;；:：")
    if _VENUE_PREFIX.fullmatch(head):
        return None  # 'International Workshop on …': the words before the venue are the venue's own
    return head if len(head) >= 8 else None


_VENUE_PREFIX = re.compile(r"(?:(?:the|in|proceedings|of|international|annual|joint|\d{1,3}(?:st|nd|rd|th))\s*)+", re.I)  # bounded digits: linear on a digit run
_AUTHOR_NAME = re.compile(r"(?:[A-Z][\w'\-]{0,30}\.?)(?:\s{1,3}[A-Z][\w'\-]{0,30}\.?){1,3}|[\u4e00-\u9fff]{2,4}")  # bounded: linear
_SENTENCE_END = re.compile(r"\.\s+(?=[\"“*]*[A-Z0-9\u4e00-\u9fff])")


def _author_first(raw: str) -> tuple[list[str], int | None, bool, str] | None:
    """'**W. Shen**, A. Ruiz. Title. Venue 2025': the author list comes first, the title second.
    Returns (authors, bold position, equal contribution, the rest of the line) when the text
    before one of the first sentence ends is a list of names (two or more, or one in bold)."""
    body = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", raw)
    for m in _SENTENCE_END.finditer(body):
        head = body[: m.start()]
        names = [n.strip() for n in re.split(r",|，|\band\b|&", head) if n.strip()]
        clean = [strip_markup(n).replace("*", "").replace("†", "").strip() for n in names]
        if not clean or not all(_AUTHOR_NAME.fullmatch(n) for n in clean):
            continue
        bold = next((i + 1 for i, n in enumerate(names) if "**" in n or "<b>" in n or "<strong>" in n), None)
        if len(clean) < 2 and bold is None:
            return None
        marked = names[bold - 1].replace("**", "") if bold else ""
        rest = re.sub(r"^\(?(?:19|20)\d{2}[a-z]?\)?\.\s+", "", body[m.end() :])  # ACL style: 'Authors. 2019. Title.'
        return clean, bold, bool(bold and re.search(r"[*†]\s*$", marked)), rest
    return None


def _publication(raw: str, line_no: int, index: VenueIndex, *, found_in: str, kind_hint: str) -> Publication | None:
    raw = _MD_LINK.sub(r"\1", raw)
    linked_arxiv = bool(_ARXIV_URL.search(raw))  # a bare arxiv.org link after a title: a preprint
    raw = _URL.sub("", raw)
    plain = strip_markup(raw)
    hit = index.find(plain) or index.generic(plain) or (index.arxiv() if linked_arxiv else None)
    if hit is None and kind_hint == "paper" and not _QUOTED.search(plain):
        return None
    status, status_text = _status(plain)
    if status == "unknown" and hit is not None and hit.venue_id == "arxiv":
        status, status_text = "preprint", None
    segments = re.split(r";|；", raw)
    first = _author_first(raw) if len(segments) == 1 and not _QUOTED.search(plain) else None
    if first is not None:
        authors, bold_pos, bold_equal, rest = first
    else:
        authors, bold_pos, bold_equal = _authors(segments[1:] if len(segments) > 1 else re.split(r"\.\s", raw)[1:] or [raw])
    pos, equal = _position(plain)
    position_source = "stated" if pos else ("bold" if bold_pos else "none")
    if internal := _INTERNAL.search(plain):
        kind_hint = "internal_report"
        if hit is None or hit.venue_id is None:
            hit = VenueHit(None, internal.group(0), hit.year if hit else None, internal.span())
    elif _THESIS.search(plain) and kind_hint == "paper" and hit is None:
        kind_hint = "thesis"
    year = hit.year if hit else None
    if year is None:
        ys = re.findall(rf"(?<!\d)({_YEAR})(?!\d)", plain)
        year = int(ys[0]) if ys else None
    venue = hit.name if hit else None
    quoted_rest = _QUOTED.sub("", plain)
    if venue is None:  # '"标题" - 中文信息学报 (2020, 第一作者)': a venue the index does not know, before its year
        m = re.search(r"[-–—]\s*([^\s(（\-–—][^(（]{1,30}?)\s*[(（]\s*(" + _YEAR + ")", quoted_rest)
        if m:
            venue, year = m.group(1).strip(), int(m.group(2))
            if status == "unknown":
                status = "published"
    if status == "unknown" and venue and year and kind_hint == "paper":
        status = "published"  # listed with a venue and a year and no other word: claimed as published
    return Publication(
        title=_title(strip_markup(rest), rest, hit) if first is not None else _title(plain, raw, hit),
        venue=venue,
        venue_id=hit.venue_id if hit else None,
        year=year,
        status=status,  # type: ignore[arg-type]
        status_text=status_text,
        authors=authors,
        author_position=pos or bold_pos,
        listed_position=bold_pos,
        author_count=len(authors) or None,
        position_source=position_source,  # type: ignore[arg-type]
        equal_contribution=equal or bold_equal,
        claimed_tier=_tier(plain),
        kind_hint=kind_hint,  # type: ignore[arg-type]
        found_in=found_in,  # type: ignore[arg-type]
        line=line_no,
    )


_STATUS_FIRST = re.compile(r"^\s*(?:under review|submitted|accepted|to appear|in submission|published|preprint|在审|已投稿|已接收)\b", re.I)
_STATUS_ONLY = re.compile(r"(?:under\s*review|submitted|in\s*submission|under\s*submission|在审|在投|已投稿|投稿中|审稿中)", re.I)
_BARE_YEAR = re.compile(rf"`?{_YEAR}`?")  # matched on stripped text: no space runs to rescan
_LIST_ITEM = re.compile(r"^\s*(?:[-+•]|\*(?=\s)|\d+[.)]\s)")
_NON_ARCHIVAL = {"workshop", "arxiv"}
_NAME_MARKS = str.maketrans("", "", "*†‡\\")  # equal-contribution marks, and Markdown's escaping backslash ('Meral\\*')


def _is_author_list(text: str) -> bool:
    """'A. Ruiz, **W. Shen**, and J. Doe': every part is a person's name (or '...')."""
    parts = [strip_markup(n).translate(_NAME_MARKS).strip(" .") for n in re.split(r",|，|\band\b|&", text)]
    parts = [n for n in parts if n and n not in ("..", "…", "et al")]
    return len(parts) >= 2 and all(_AUTHOR_NAME.fullmatch(n) for n in parts)  # one 'name' alone is a Title Case title


def _is_venue_line(text: str, index: VenueIndex) -> bool:
    """A line that names a venue (or a status) and nothing of its own: 'ICLR', '*CVPR 2024*',
    'NeurIPS 2023 MATH-AI Workshop', 'Under review at ICLR 2024'."""
    plain = strip_markup(text)
    hit = index.find(plain) or index.generic(plain)
    if hit is None:
        return bool(_STATUS_ONLY.fullmatch(plain.strip(" *_()（）.")))
    title = _title(plain, text, hit)
    return title is None or bool(_STATUS_FIRST.match(title))


def _reads_like_title(text: str, index: VenueIndex) -> bool:
    """A title line of a multi-line entry: not blank, not a year, an award word, an author list or a venue line."""
    return len(text.split()) >= 3 and not _is_author_list(text) and not _is_venue_line(text, index)


def _title_above(lines: list[str], body: list[int], n: int, index: VenueIndex, after: int = 0) -> str | None:
    """Multi-line entries (title / authors / venue): the nearest line above that reads like a title,
    below line `after` (the previous entry's: a title never belongs to two papers). A list item is
    an entry of its own and takes no title from above."""
    if _LIST_ITEM.match(lines[n - 1]):
        return None
    for m in [b for b in body if after < b < n][-3:][::-1]:
        text = strip_markup(lines[m - 1]).rstrip(" \\")
        if _reads_like_title(text, index):
            return text[:300]
    return None


def _title_below(lines: list[str], body: list[int], n: int, index: VenueIndex) -> str | None:
    """A venue item whose title is nested under it ('* **CVPR 2022 Oral** 共同第一作者' then
    '    * [ELIC: Efficient Learned Image Compression …](…)'): the next line, indented deeper."""
    below = next((b for b in body if b > n and lines[b - 1].strip()), None)
    if below is None or below > n + 2 or indent(lines[below - 1]) <= indent(lines[n - 1]):
        return None
    text = strip_markup(lines[below - 1]).rstrip(" \\")
    return text[:300] if _reads_like_title(text, index) else None


def _years_first(lines: list[str], body: list[int]) -> bool:
    """Each entry opens with its year on a line of its own ('2025' / title / authors / venue):
    then a bare year below a venue line belongs to the next entry, not this one."""
    first = next((strip_markup(lines[b - 1]) for b in body if strip_markup(lines[b - 1])), "")
    return bool(_BARE_YEAR.fullmatch(first.strip()))


def _year_above(lines: list[str], body: list[int], n: int) -> int | None:
    """In a years-first list, the year line that opened the entry holding line n."""
    for m in [b for b in body if b < n][::-1]:
        text = strip_markup(lines[m - 1])
        if _BARE_YEAR.fullmatch(text.strip()):
            return int(re.search(_YEAR, text).group(0))  # type: ignore[union-attr]
    return None


def _continues(lines: list[str], entry: Publication | None, n: int, index: VenueIndex) -> bool:
    """Line n carries on the entry above (no blank line and no new title in between, and not a
    list item of its own): 'NeurIPS 2023 MATH-AI Workshop' then 'Under review at ICLR 2024'."""
    if entry is None or n - entry.line > 4 or _LIST_ITEM.match(lines[n - 1]):
        return False  # an entry's lines sit together: a venue, an award word, a second venue
    between = [strip_markup(lines[m - 1]).rstrip(" \\") for m in range(entry.line + 1, n)]
    return all(t and not _reads_like_title(t, index) for t in between)


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
    update: dict[str, object] = {}
    if entry.year is None and more.year is not None:
        update["year"] = more.year
    if entry.status_text is None and more.status_text is not None:
        update |= {"status": more.status, "status_text": more.status_text}
    elif entry.status == "unknown" and entry.venue and (update.get("year") or entry.year):
        update["status"] = "published"
    return entry.model_copy(update=update)


def _status_only(raw: str, n: int) -> Publication | None:
    """'*Under review*' on a line of its own: the status of the entry it stands in."""
    plain = strip_markup(raw).strip(" *_()（）.")
    if not _STATUS_ONLY.fullmatch(plain):
        return None
    status, status_text = _status(plain)
    return Publication(status=status, status_text=status_text, line=n)  # type: ignore[arg-type]


def _with_year(pub: Publication, year: int | None) -> Publication:
    """A year read from the entry's own year line; listed with a venue and a year, it is claimed as
    published. Not for a stated submission or acceptance: a paper listed under 2024 and 'under
    review at ICLR' may well be at ICLR 2025, and a wrong edition would date its decision wrongly."""
    if pub.year is not None or year is None or pub.status not in ("unknown", "preprint"):
        return pub
    status = "published" if pub.status == "unknown" and pub.venue and pub.kind_hint == "paper" else pub.status
    return pub.model_copy(update={"year": year, "status": status})


def parse_publications(lines: list[str], sections: list[SectionSpan], index: VenueIndex) -> list[Publication]:
    pubs: list[Publication] = []
    for sec in sections:
        if sec.kind != "publication":
            continue
        mode = "patent" if _PATENT.search(sec.heading) and not re.search(r"论文|paper", sec.heading, re.I) else "paper"
        years_first = _years_first(lines, sec.body)
        entry: Publication | None = None  # the last paper of this section, which a venue-only line may carry on
        for n in sec.body:
            raw = lines[n - 1]
            plain = strip_markup(raw)
            if not plain:
                continue
            if len(without_urls(plain)) < 4:  # a bare link under its entry: not an entry of its own
                continue
            if re.fullmatch(r"[【\[]?[^】\]]{1,12}[】\]]", plain):  # 【技术专利】 / 【学术论文】 sub-heading
                mode = "patent" if _PATENT.search(plain) else "paper"
                continue
            if mode == "patent" or (len(plain) < 12 and not _is_venue_line(raw, index)):
                continue  # a short line is an entry's venue line ('ICLR', '*CVPR 2024*') or nothing
            if len(plain) > 200 and not _QUOTED.search(plain):  # a paragraph, read for inline mentions
                continue
            pub = _publication(raw, n, index, found_in="publications", kind_hint="paper")
            if pub is None:
                pub = _status_only(raw, n)
            elif not (pub.title or pub.venue):
                continue
            if pub is None:
                continue
            if pub.title is None or _STATUS_FIRST.match(pub.title):
                if _continues(lines, entry, n, index):
                    pubs[-1] = entry = _merge(entry, pub)  # type: ignore[arg-type]
                    continue
                title = _title_above(lines, sec.body, n, index, entry.line if entry else 0) or _title_below(lines, sec.body, n, index)
                pub = pub.model_copy(update={"title": title})
                if pub.title is None and pub.venue is None:
                    continue  # a status word with no paper to go with it
            if years_first and _is_venue_line(raw, index):  # a title line's year is its own (or absent)
                pub = _with_year(pub, _year_above(lines, sec.body, n))
            pubs.append(pub)
            entry = pub
    pubs += _inline(lines, sections, index, pubs)
    return pubs


def _inline(lines: list[str], sections: list[SectionSpan], index: VenueIndex, listed: list[Publication]) -> list[Publication]:
    """Papers mentioned in prose: a known venue with a year, in a sentence about a paper."""
    seen = {(p.venue_id, p.year) for p in listed if p.venue_id}
    out: list[Publication] = []
    listed_lines = {p.line for p in listed}
    for sec in sections:
        if sec.kind == "skills":
            continue
        for n in sec.body:
            if n in listed_lines:
                continue
            plain = strip_markup(lines[n - 1])
            for clause in re.split(r"[；;。]", plain):
                hit = index.find(clause)
                if hit is None or hit.venue_id is None or hit.year is None:
                    continue
                if not (_PAPER_WORD.search(clause) or STATUS_PATTERNS[1][1].search(clause)):
                    continue
                if (hit.venue_id, hit.year) in seen:
                    continue
                status, status_text = _status(clause)
                pos, equal = _position(clause)
                seen.add((hit.venue_id, hit.year))
                out.append(
                    Publication(
                        title=None,
                        venue=hit.name,
                        venue_id=hit.venue_id,
                        year=hit.year,
                        status=status if status != "unknown" else "published",  # type: ignore[arg-type]
                        status_text=status_text,
                        author_position=pos,
                        position_source="stated" if pos else "none",
                        equal_contribution=equal,
                        claimed_tier=_tier(clause),
                        found_in="inline",
                        line=n,
                    )
                )
    return out
