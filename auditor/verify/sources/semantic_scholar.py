"""Semantic Scholar Graph API: find a paper by its title (or by id) and read authors, venue,
year, citations and whether it is only a preprint.

S2's own venue mapping is noisy (a *Sensors* journal paper comes back as "Italian National
Conference on Sensors", type conference), so the venue identity comes from the DBLP key S2
carries (`conf/aaai/...` -> `conf/aaai`), never from `publicationVenue` alone.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from auditor.verify.fetch import Fetcher, Response
from auditor.verify.records import PaperRecord, RecordStatus, SourceError
from auditor.verify.sources._common import clean_title, error_text, expect, json_of, shape_checked, to_int

SOURCE = "semantic_scholar"
DEFAULT_BASE_URL = "https://api.semanticscholar.org/graph/v1"
# The default is only paperId,title; ask for everything the judge compares.
PAPER_FIELDS = (
    "title,venue,year,authors,citationCount,externalIds,publicationVenue,publicationDate,journal,publicationTypes,url"
)
BATCH_LIMIT = 500  # ids per POST /paper/batch (S2 docs)

# Names S2 gives preprint servers; a paper seen only there is a preprint.
_PREPRINT_VENUES = {"arxiv", "arxiv.org", "corr", "biorxiv", "medrxiv", "ssrn", "ssrn electronic journal"}
_SSRN_DOI = "10.2139/ssrn"
_ARXIV_DOI = "10.48550/arxiv."


def _headers() -> dict[str, str] | None:
    """S2 answers far fewer 429s with a key; the key only ever comes from the environment."""
    key = os.environ.get("S2_API_KEY", "").strip()
    return {"x-api-key": key} if key else None


def _is_not_found(resp: Response) -> bool:
    """S2's own 404 ("Title match not found", "Paper with id X not found"), not a proxy's."""
    return resp.status == 404 and "not found" in error_text(resp).lower()


async def search_paper(fetch: Fetcher, title: str) -> list[PaperRecord]:
    """The best title match (S2 returns at most one), or [] when S2 has no match."""
    query = clean_title(title)
    if not query:
        return []
    params = {"query": query, "fields": PAPER_FIELDS}
    resp = await fetch.request(SOURCE, "GET", "/paper/search/match", params=params, headers=_headers())
    if _is_not_found(resp):
        return []
    return parse_search(json_of(SOURCE, resp))


async def get_paper(fetch: Fetcher, paper_id: str) -> PaperRecord | None:
    """One paper by S2 id or a prefixed id (`ARXIV:2105.04170`, `DOI:10.1145/...`); None if S2 does not know it."""
    if not paper_id.strip() or any(part in ("", ".", "..") for part in paper_id.split("/")):
        raise SourceError(SOURCE, "not a paper id")
    path = "/paper/" + quote(paper_id.strip(), safe=":/")
    resp = await fetch.request(SOURCE, "GET", path, params={"fields": PAPER_FIELDS}, headers=_headers())
    if _is_not_found(resp):
        return None
    return parse_paper(json_of(SOURCE, resp))


async def get_papers(fetch: Fetcher, ids: Sequence[str]) -> list[PaperRecord | None]:
    """Many papers in one call each 500 ids; the result is aligned with `ids` (None = unknown id)."""
    out: list[PaperRecord | None] = []
    for start in range(0, len(ids), BATCH_LIMIT):
        chunk = list(ids[start : start + BATCH_LIMIT])
        resp = await fetch.request(
            SOURCE, "POST", "/paper/batch", params={"fields": PAPER_FIELDS}, json={"ids": chunk}, headers=_headers()
        )
        papers = parse_batch(json_of(SOURCE, resp))
        if len(papers) != len(chunk):
            raise SourceError(SOURCE, f"batch answered {len(papers)} papers for {len(chunk)} ids")
        out.extend(papers)
    return out


@shape_checked(SOURCE)
def parse_search(data: Any) -> list[PaperRecord]:
    """`/paper/search/match` and `/paper/search` bodies. No `data` key (zero results) means []."""
    expect(SOURCE, data, dict, "search response")
    items = data.get("data")
    if items is None:
        return []
    expect(SOURCE, items, list, "data")
    return [parse_paper(item) for item in items if item is not None]


@shape_checked(SOURCE)
def parse_batch(data: Any) -> list[PaperRecord | None]:
    """`POST /paper/batch` body: a list aligned with the ids, `null` for each unknown id."""
    expect(SOURCE, data, list, "batch response")
    return [None if item is None else parse_paper(item) for item in data]


@shape_checked(SOURCE)
def parse_paper(obj: Any) -> PaperRecord:
    """One S2 paper object as a PaperRecord."""
    expect(SOURCE, obj, dict, "paper")
    ext = obj.get("externalIds") or {}
    dblp_key = ext.get("DBLP") if isinstance(ext.get("DBLP"), str) else None
    doi = ext.get("DOI") if isinstance(ext.get("DOI"), str) else None
    arxiv_id = ext.get("ArXiv") if isinstance(ext.get("ArXiv"), str) else None
    venue_text = (obj.get("venue") or "").strip()
    journal_name = ((obj.get("journal") or {}).get("name") or "").strip()
    listed_venue = ((obj.get("publicationVenue") or {}).get("name") or "").strip()

    venue_key = dblp_venue_key(dblp_key)
    is_corr = venue_key == "journals/corr"
    names = [n for n in (venue_text, journal_name, listed_venue) if n]
    other_venue = any(n.lower() not in _PREPRINT_VENUES for n in names)
    status = _status(venue_key, is_corr, other_venue, names, doi, arxiv_id)
    if is_corr and other_venue:
        venue_key = None  # DBLP's CoRR record says nothing about the venue S2 names

    # For a journal the DBLP key confirms, the journal's own name beats S2's venue guess
    # ("Mind", not "The Philosophy of Artificial Intelligence").
    if venue_key and venue_key.startswith("journals/") and not is_corr and journal_name:
        venue = journal_name
    else:
        venue = venue_text or journal_name or None

    paper_id = obj["paperId"]
    return PaperRecord(
        source=SOURCE,
        id=paper_id,
        title=clean_title(obj["title"]),
        authors=[a["name"] for a in obj.get("authors") or [] if isinstance(a, dict) and a.get("name")],
        venue=venue,
        venue_key=venue_key,
        year=to_int(obj.get("year")),
        status=status,
        url=obj.get("url") or f"https://www.semanticscholar.org/paper/{paper_id}",
        doi=doi,
        arxiv_id=arxiv_id,
        citations=to_int(obj.get("citationCount")),
    )


def _status(
    venue_key: str | None, is_corr: bool, other_venue: bool, names: list[str], doi: str | None, arxiv_id: str | None
) -> RecordStatus:
    if venue_key and not is_corr:
        return "published"  # DBLP lists it in a venue
    if doi and doi.lower().startswith(_SSRN_DOI):
        return "preprint"  # SSRN "eJournal" names look like venues but are not
    if other_venue:
        return "published"
    if is_corr or names or arxiv_id or (doi and doi.lower().startswith(_ARXIV_DOI)):
        return "preprint"  # seen only on a preprint server
    return "unknown"


def dblp_venue_key(key: str | None) -> str | None:
    """`conf/aaai/DennisonGSWBXL24` -> `conf/aaai`: the venue part of a DBLP record key."""
    if not key:
        return None
    parts = key.split("/")
    return "/".join(parts[:2]) if len(parts) >= 3 else None

