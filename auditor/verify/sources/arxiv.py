"""arXiv API: does a preprint exist, with which authors, when was it first posted, and what
journal reference or DOI did its authors add.

The answer is an Atom feed, in two formats (the current one and the legacy 2016 one that
repeats `xmlns:arxiv` on each element); both parse the same way with explicit namespaces.
defusedxml refuses entity tricks in the XML. An invalid request answers HTTP 400 with a feed
holding one entry titled "Error": that is a SourceError, never a paper.

`arxiv:comment` ("Accepted to ICLR 2024") is the authors' own claim, not evidence, and is
not kept; `arxiv:journal_ref` is kept as the record's venue hint.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from auditor.verify.fetch import Fetcher, Response
from auditor.verify.records import PaperRecord, SourceError
from auditor.verify.sources._common import clean_title, unusable

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

SOURCE = "arxiv"
DEFAULT_BASE_URL = "https://export.arxiv.org"
MAX_RESULTS = 5

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"

# 2105.04170, 2105.04170v2, astro-ph/0601001, math.GT/0309136v1
_ARXIV_ID = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$")
_ABS_ID = re.compile(r"/abs/(.+?)(?:v\d+)?$")


async def search_paper(fetch: Fetcher, title: str) -> list[PaperRecord]:
    """Preprints whose title contains the title as a phrase (`ti:"..."`)."""
    phrase = " ".join(clean_title(title).replace('"', " ").split())
    if not phrase:
        return []
    params = {"search_query": f'ti:"{phrase}"', "max_results": MAX_RESULTS}
    return _read(await fetch.request(SOURCE, "GET", "/api/query", params=params))


async def get_papers(fetch: Fetcher, arxiv_ids: Sequence[str]) -> list[PaperRecord]:
    """The preprints with these ids (with or without a version); unknown ids are simply absent."""
    ids = [i.strip() for i in arxiv_ids]
    bad = [i for i in ids if not _ARXIV_ID.match(i)]
    if bad:
        raise SourceError(SOURCE, f"not an arXiv id: {bad[0][:40]}")
    if not ids:
        return []
    params = {"id_list": ",".join(ids), "max_results": len(ids)}
    return _read(await fetch.request(SOURCE, "GET", "/api/query", params=params))


async def get_paper(fetch: Fetcher, arxiv_id: str) -> PaperRecord | None:
    papers = await get_papers(fetch, [arxiv_id])
    return papers[0] if papers else None


def _read(resp: Response) -> list[PaperRecord]:
    # arXiv reports bad requests as HTTP 400 *with* an Atom feed; parse_feed turns it into SourceError.
    if resp.status not in (200, 400):
        raise unusable(SOURCE, resp)
    ctype = resp.content_type
    if ctype and "xml" not in ctype:
        raise SourceError(SOURCE, f"expected an Atom feed, got {ctype}", "bad_response")
    papers = parse_feed(resp.body)
    if resp.status == 400:
        raise unusable(SOURCE, resp)  # a 400 without an error entry: still no answer
    return papers


def parse_feed(body: bytes) -> list[PaperRecord]:
    """An arXiv Atom feed (current or legacy format) as PaperRecords, in feed order."""
    # Imported here: arXiv is only asked when the first sources found nothing, and the XML
    # stack is 6 ms of a start-up that most warm runs would pay for no answer to parse.
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(body)
    except (ParseError, DefusedXmlException) as exc:
        raise SourceError(SOURCE, f"not a valid Atom feed ({type(exc).__name__})", "bad_response") from exc
    if root.tag != f"{ATOM}feed":
        raise SourceError(SOURCE, f"not an Atom feed (root {root.tag[:60]})", "bad_response")
    return [_entry(entry) for entry in root.findall(f"{ATOM}entry")]


def _entry(entry: Element) -> PaperRecord:
    entry_id = (entry.findtext(f"{ATOM}id") or "").strip()
    title = clean_title(entry.findtext(f"{ATOM}title") or "")
    match = _ABS_ID.search(entry_id)
    if "/api/errors" in entry_id or not match:
        summary = " ".join((entry.findtext(f"{ATOM}summary") or "").split())[:120]
        if "/api/errors" in entry_id or title == "Error":
            raise SourceError(SOURCE, f"arXiv error: {summary or 'no detail'}")
        raise SourceError(SOURCE, "feed entry without an arXiv id", "bad_response")
    arxiv_id = match.group(1)
    published = (entry.findtext(f"{ATOM}published") or "").strip()
    journal_ref = " ".join((entry.findtext(f"{ARXIV}journal_ref") or "").split())
    doi = (entry.findtext(f"{ARXIV}doi") or "").strip()
    return PaperRecord(
        source=SOURCE,
        id=arxiv_id,
        title=title,
        authors=[n for a in entry.findall(f"{ATOM}author") if (n := " ".join((a.findtext(f"{ATOM}name") or "").split()))],
        venue=journal_ref or None,
        year=int(published[:4]) if published[:4].isdigit() else None,
        status="preprint",
        url=f"https://arxiv.org/abs/{arxiv_id}",
        doi=doi or None,
        arxiv_id=arxiv_id,
    )
