"""One publication line read into a Publication: venue, year, status, title, authors, position.

Styles read: 'Title, Venue 2024' and 'Title; Venue 2024; Authors' (resume lists), 'Authors. Title.
Venue, 2024' (IEEE, ACM; numbered '[1]' or not), 'Authors. 2019. Title. In Proceedings of …' (ACL),
'Shen, W., & Doe, J. (2024). Title. Venue.' (APA), '作者. 题名[C]. 会议, 2022' (GB/T 7714),
'《题名》' and '"Title"' (quoted). The title never carries the status words that follow it
("Title. Accepted at ICLR 2024." is titled "Title").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.models import Publication
from auditor.parse.pub_authors import Authors, own_place, read_authors, sole_author, stated_position
from auditor.parse.pub_status import UNKNOWN, Status, claimed_tier, read_status, status_words
from auditor.parse.pub_venues import MD_LINK, YEAR, VenueHit, VenueIndex, strip_urls
from auditor.parse.text import strip_markup

_ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/", re.I)
_QUOTED = re.compile(r"[\"“”「『]([^\"“”「」『』]{8,300})[\"“”」』]|《([^《》]{4,300})》")
_INTERNAL = re.compile(r"内部技术报告|内部报告|技术报告|internal (?:technical )?report|tech(?:nical)? report|白皮书|white ?paper", re.I)
_THESIS = re.compile(r"学位论文|毕业论文|硕士论文|博士论文|thesis|dissertation", re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ANY_YEAR = re.compile(rf"(?<!\d)({YEAR})(?!\d)")
_NUMBERING = re.compile(r"^\s*(?:[-*+•]\s+)?(?:\[\d{1,3}\]\.?|\(\d{1,3}\)|\d{1,3}[.)、]|(?:19|20)\d\d\s+(?=[A-Z][a-z]+[ ,]))\s*")  # … or a year column's year
_DOC_TYPE = re.compile(r"\s{0,2}\[(?:C|J|M|D|R|P|A|EB/OL|OL)\]", re.I)  # GB/T 7714's '[C]', '[J]' after a title
# a full stop that ends a sentence: not the one after a middle initial ('Jane Q. Example')
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])\.\s+(?=[\"“*_\[]*[A-Z0-9\u4e00-\u9fff])")
_ACL_YEAR = re.compile(r"^\(?(?:19|20)\d{2}[a-z]?\)?\.\s+")  # 'Authors. 2019. Title.' and APA's '(2024). Title.'
_VENUE_PREFIX = re.compile(r"(?:(?:the|in|proceedings|of|international|annual|joint|\d{1,3}(?:st|nd|rd|th))\s*)+", re.I)  # bounded digits
_TITLE_CUT = re.compile(r"[;；]|\s[-–—|]\s|\.\s(?=[A-Z][a-z]+,?\s[A-Z])")
_TRAILING_VENUE = re.compile(r"[,，]\s*[A-Z][A-Za-z]{1,12}\s+(?:19|20)\d{2}\b.*$")  # ', ACL 2023 Findings'
_STATUS_LEAD = re.compile(r"[.,，;；:(（\[|\-–—]\s*$")  # punctuation before a status that ends a title
_STATUS_GOES_ON = re.compile(r"\s{0,3}(?:$|[.,，;；:)）\]]|(?:at|to|by|in|for|with)\b)", re.I)  # 'Title accepted to …', 'Title under review.' 
_BOLD_HEAD = re.compile(r"^[ \t]{0,8}(?:[-*+][ \t]{0,3})?(?:(?:\*\*|__)([^*_]{8,300}?)(?:\*\*|__)|\*([^*]{8,300}?)\*)")
_FREE_VENUE = re.compile(r"[-–—]\s*([^\s(（\-–—][^(（]{1,30}?)\s*[(（]\s*(" + YEAR + ")")  # '"标题" - 中文信息学报 (2020'


@dataclass
class Reading:
    """What one line says: the parts found, before they become a Publication."""

    plain: str
    raw: str
    hit: VenueHit | None
    status: Status
    authors: Authors | None
    rest_raw: str  # the line without its leading author list
    linked_arxiv: bool


def clean_line(raw: str) -> tuple[str, bool]:
    """The line without link targets and web addresses, and whether it linked to arXiv."""
    raw = MD_LINK.sub(r"\1", _DOC_TYPE.sub("", raw))
    return strip_urls(raw), bool(_ARXIV_URL.search(raw))


_SENTENCE_BREAK = re.compile(r"[.。]\s")


def find_venue(plain: str, index: VenueIndex, linked_arxiv: bool = False) -> VenueHit | None:
    """The venue the line names. A known name with no year that an acronym and year later on the
    line follow is a title's words ('… binary neural networks. In … Reasoning (KR), 2020'): the
    later venue is the one."""
    hit = index.find(plain)
    if hit is not None and hit.year is None:
        later = index.generic(plain)
        if later is not None and later.year is not None and later.span[0] > hit.span[1] and _SENTENCE_BREAK.search(plain, hit.span[1], later.span[0]):
            return later  # the known name sits in an earlier sentence than the dated venue
    return hit or index.generic(plain) or (index.arxiv() if linked_arxiv else None)


def has_quoted_title(plain: str) -> bool:
    return bool(_QUOTED.search(plain))


def read(raw: str, index: VenueIndex) -> Reading:
    raw, linked_arxiv = clean_line(raw)
    plain = strip_markup(raw)
    hit = find_venue(plain, index, linked_arxiv)
    quote = _QUOTED.search(raw)
    if quote is not None:  # 'A. Ruiz, **W. Shen**, and J. Doe, "Title," in Proc. CVPR': authors before the quotes
        before = _NUMBERING.sub("", raw[: quote.start()]).rstrip(" ,.:：")
        return Reading(plain, raw, hit, read_status(plain), read_authors(before) if before else None, raw, linked_arxiv)
    first = _author_first(raw)
    authors, rest = first if first else (None, raw)
    return Reading(plain, raw, hit, read_status(plain), authors, rest, linked_arxiv)


def _author_first(raw: str) -> tuple[Authors, str] | None:
    """'**W. Shen**, A. Ruiz. Title. Venue 2025': the author list first, the title after it.
    The list ends at one of the first sentence ends (or at APA's '(2024).')."""
    body = _NUMBERING.sub("", raw)
    for m in _SENTENCE_END.finditer(body):
        head = body[: m.start() + 1]
        authors = read_authors(head)
        if authors is None:
            authors = read_authors(body[: m.start()])
        if authors is None and _ACL_YEAR.match(body[m.end() :]):
            authors = sole_author(body[: m.start()])  # 'Jane Q. Example. 2021. Title.'
        if authors is None:
            continue
        return authors, _ACL_YEAR.sub("", body[m.end() :])
    return None


def _titled_status(r: Reading) -> bool:
    """'Efficient Sparse Attention (under review)': a status after a title of three words or more."""
    if r.status.text is None or r.status.span[0] < 8:
        return False
    head = _before_status(r.plain).strip(" ,，.(（")
    if len(head) >= len(r.plain.strip()):
        return False
    return len(head.split()) >= 3 or (len(head) >= 6 and bool(_CJK.search(head)))


def _status_of(r: Reading) -> Status:
    if r.status.status == "unknown" and r.status.text is None and r.hit is not None and r.hit.venue_id == "arxiv":
        return Status("preprint", None)
    return r.status


def publication(raw: str, line_no: int, index: VenueIndex, *, found_in: str, kind_hint: str, own_name: str | None = None) -> Publication | None:
    """The line as a paper, or None when it names no venue and quotes no title (for a listed line,
    `kind_hint` 'paper': a line in a publication list still needs a venue or quotes to be one)."""
    r = read(raw, index)
    if r.hit is None and kind_hint == "paper" and not _QUOTED.search(r.plain) and not _titled_status(r):
        return None
    status = _status_of(r)
    authors = r.authors or _authors_after_title(r.raw)
    kind_hint, hit = _kind(r, kind_hint)
    venue, year = (hit.name if hit else None), _year(r, hit)
    if venue is None:
        venue, year, status = _free_venue(r.plain, year, status)
    if status.status == "unknown" and status.text is None and venue and year and kind_hint == "paper":
        status = Status("published", None)  # listed with a venue and a year and no other word: claimed as published
    title = _title(strip_markup(r.rest_raw), r.rest_raw, hit) if r.authors else _title(r.plain, r.raw, hit)
    pub = Publication(
        title=_before_authors(title, own_name) if title else title,
        venue=venue,
        venue_id=hit.venue_id if hit else None,
        year=year,
        status=status.status,  # type: ignore[arg-type]
        status_text=status.text,
        claimed_tier=claimed_tier(r.plain),
        kind_hint=kind_hint,  # type: ignore[arg-type]
        found_in=found_in,  # type: ignore[arg-type]
        line=line_no,
    )
    return with_position(pub, r.plain, authors, own_name)


_TRAILING_IN = re.compile(r"[.,]\s*In$")
_LEADING_YEAR = re.compile(r"^(?:19|20)\d\d\s+(?=[A-Z\u4e00-\u9fff])")
# a name just before the candidate's in a run-on author list: 'Hidir Yesiltepe, ' (given name,
# an initial, family name: a Title Case title's words are never taken with it)
_NAME_BEFORE = re.compile(r"(?<![\w\-'.])[A-Z][\w\-']+\s+(?:[A-Z]\.\s+)?[A-Z][\w\-']+\*?,\s*$")


def _before_authors(title: str, own_name: str | None) -> str:
    """A title as a PDF runs it together with what follows: without the year column's year
    ('2026 Title'), and cut where the author list begins, found by the candidate's own name
    ('… in Image Generation Tuna Han Salih Meral, Kaan Oktay'). A title never holds its author."""
    title = _LEADING_YEAR.sub("", title)
    words = [w for w in (own_name or "").split() if w.isascii()]  # '孙鑫 Xin Sun': its Latin form
    if len(words) < 2 or len(" ".join(words)) < 5:
        return title
    found = re.search(rf"(?<![\w]){re.escape(words[0])}\s+{re.escape(words[1][0])}", title) if len(words) > 1 else None
    at = found.start() if found else -1  # 'Jane Q' of 'Jane Q. Example' when a stop cut the title there
    if at < 8:
        return title
    head = title[:at]
    while (m := _NAME_BEFORE.search(head)) and m.start() > 8:
        head = head[: m.start()]
    return head.rstrip(" ,.;:") or title


def with_position(pub: Publication, text: str, authors: Authors | None, own_name: str | None) -> Publication:
    """The candidate's place: as stated ('第一作者'), else the marked name, else the resume's name
    found in the list. A stated shared first place ('共同一作') keeps the listed place when known."""
    stated, equal = stated_position(text)
    names = authors.names if authors else []
    listed = (authors.marked if authors else None) or own_place(names, own_name)
    if stated is None and equal and not listed:
        stated = 1
    update: dict[str, object] = {"equal_contribution": equal or bool(authors and authors.equal) or pub.equal_contribution}
    if names:
        update |= {"authors": names, "author_count": len(names)}
    if listed:
        update |= {"listed_position": listed, "author_position": listed, "position_source": "bold"}
    if stated:
        update |= {"author_position": stated, "position_source": "stated"}
    return pub.model_copy(update=update)


def _authors_after_title(raw: str) -> Authors | None:
    """'Title; Venue 2024; Authors' and 'Title. Authors. Venue': the authors after the title."""
    segments = re.split(r";|；", raw)
    parts = segments[1:] if len(segments) > 1 else re.split(r"\.\s", raw)[1:]
    for seg in parts:
        found = read_authors(seg, single_if_marked=False)
        if found is not None:
            return found
    return None


def _kind(r: Reading, kind_hint: str) -> tuple[str, VenueHit | None]:
    internal = _INTERNAL.search(r.plain)
    if internal:
        if r.hit is None or r.hit.venue_id is None:
            return "internal_report", VenueHit(None, internal.group(0), r.hit.year if r.hit else None, internal.span())
        return "internal_report", r.hit
    if _THESIS.search(r.plain) and kind_hint == "paper" and r.hit is None:
        return "thesis", None
    return kind_hint, r.hit


def _year(r: Reading, hit: VenueHit | None) -> int | None:
    if hit is not None and hit.year is not None:
        return hit.year
    m = _ANY_YEAR.search(r.plain)
    return int(m.group(1)) if m else None


def _free_venue(plain: str, year: int | None, status: Status) -> tuple[str | None, int | None, Status]:
    """'"标题" - 中文信息学报 (2020, 第一作者)': a venue the index does not know, before its year."""
    m = _FREE_VENUE.search(_QUOTED.sub("", plain))
    if m is None:
        return None, year, status
    return m.group(1).strip(), int(m.group(2)), (Status("published", None) if status.status == "unknown" and status.text is None else status)


def _title(plain: str, raw: str, hit: VenueHit | None) -> str | None:
    q = _QUOTED.search(plain)
    if q:
        return (q.group(1) or q.group(2)).strip().rstrip(",，.;；:：").strip()
    bold = _BOLD_HEAD.match(raw)
    head = strip_markup(bold.group(1) or bold.group(2)) if bold else _NUMBERING.sub("", plain)
    head = _before_venue(head, hit)
    if head is None:
        return None
    if status_words().match(head.strip(" *_([（")):
        return None  # 'Under review at ICLR 2024': a status line, its title is elsewhere
    head = _before_status(_TITLE_CUT.split(head)[0])
    head = head.rstrip(" \t,，.;；:：(（[\\").strip()  # not '[…]+$': quadratic on a run of dots
    head = _TRAILING_VENUE.sub("", head).strip().rstrip(" \t,，.;；:：")
    head = _TRAILING_IN.sub("", head)  # 'Title. In' of 'Title. In Advances in Neural …'

    if _VENUE_PREFIX.fullmatch(head):
        return None  # 'International Workshop on …': the words before the venue are the venue's own
    return head if len(head) >= 8 else None


def _before_venue(head: str, hit: VenueHit | None) -> str | None:
    """The words before the venue's name; None when the line starts with its venue (the title is
    on another line)."""
    if hit is None:
        return head
    name = hit.written or hit.name
    idx = head.find(name)
    if idx < 0:
        idx = head.lower().find(name.lower())
    if idx == 0:
        return None
    return head[:idx] if idx > 0 else head


def _before_status(head: str) -> str:
    """The title without the status that follows it: 'Title. Accepted at', 'Title (under review',
    'Title, submitted to'."""
    for m in status_words().finditer(head):
        if m.start() < 8:
            continue
        if _STATUS_LEAD.search(head, 0, m.start()) or _STATUS_GOES_ON.match(head, m.end()):
            return head[: m.start()]
    return head


def status_line(raw: str, line_no: int) -> Publication | None:
    """'*Under review*', '（在投）', 'In submission.' on a line of its own: the status of the entry
    it stands in (or of the title above it)."""
    from auditor.parse.pub_status import is_status_only

    plain = strip_markup(raw)
    if not is_status_only(plain):
        return None
    s = read_status(plain)
    return Publication(status=s.status, status_text=s.text, line=line_no)  # type: ignore[arg-type]


__all__ = ["Reading", "UNKNOWN", "clean_line", "find_venue", "has_quoted_title", "publication", "read", "status_line", "with_position"]
