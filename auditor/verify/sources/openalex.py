"""OpenAlex works search: broad coverage (journals, proceedings, preprints, book chapters) with
authors in order, venue, year and citation count.

OpenAlex splits versions: the arXiv preprint and the published article of the same paper are
two works with two ids. Both are kept as separate records, so the judge can see that a
published version exists even when the preprint ranks first.
"""

from __future__ import annotations

import re
from typing import Any

from auditor.verify.fetch import Fetcher
from auditor.verify.records import PaperRecord, RecordStatus
from auditor.verify.sources._common import clean_title, expect, json_of, shape_checked, to_int

SOURCE = "openalex"
DEFAULT_BASE_URL = "https://api.openalex.org"
PER_PAGE = 5

# `filter=title.search:` reads `,` as "and another filter" and `|` as "or"; send words only.
_FILTER_NOISE = re.compile(r"[,|:]+")
_POSITION = {"first": 0, "middle": 1, "last": 2}
_ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(.+)$", re.IGNORECASE)
_ARXIV_ABS = re.compile(r"arxiv\.org/abs/([^\s?#]+?)(?:v\d+)?$", re.IGNORECASE)
# Work types that are a publication in their venue; everything else (dissertation, dataset,
# peer-review, paratext, ...) says nothing about a paper claim.
_PUBLISHED_TYPES = {"article", "book-chapter", "book", "review", "letter", "editorial", "report", "standard"}


async def search_paper(fetch: Fetcher, title: str) -> list[PaperRecord]:
    """Works whose title matches, best first (every version of the paper that ranks)."""
    words = " ".join(_FILTER_NOISE.sub(" ", clean_title(title)).split())
    if not words:
        return []
    params = {"filter": f"title.search:{words}", "per-page": PER_PAGE}
    resp = await fetch.request(SOURCE, "GET", "/works", params=params)
    return parse_works(json_of(SOURCE, resp))


@shape_checked(SOURCE)
def parse_works(data: Any) -> list[PaperRecord]:
    """A `/works?...` list body as PaperRecords, in OpenAlex's order; works without a title are skipped."""
    results = expect(SOURCE, expect(SOURCE, data, dict, "response").get("results"), list, "results")
    return [parse_work(work) for work in results if isinstance(work, dict) and (work.get("display_name") or work.get("title"))]


@shape_checked(SOURCE)
def parse_work(work: Any) -> PaperRecord:
    expect(SOURCE, work, dict, "work")
    location = work.get("primary_location") or {}
    source = location.get("source") or {}
    doi = _bare_doi(work.get("doi"))
    return PaperRecord(
        source=SOURCE,
        id=_short_id(work["id"]),
        title=clean_title(work.get("display_name") or work["title"]),
        authors=_authors(work.get("authorships") or []),
        venue=source.get("display_name") or None,
        venue_key=_short_id(source["id"]) if source.get("id") else None,
        year=to_int(work.get("publication_year")),
        status=_status(work.get("type"), source.get("type")),
        url=work["id"],
        doi=doi,
        arxiv_id=_arxiv_id(doi, work.get("locations") or [location]),
        citations=to_int(work.get("cited_by_count")),
    )


def _authors(authorships: list[Any]) -> list[str]:
    """Names in author order: list order, made stable by `author_position` (first/middle/last)."""
    ordered = sorted(
        (a for a in authorships if isinstance(a, dict)),
        key=lambda a: _POSITION.get(a.get("author_position"), 1),
    )
    names = []
    for a in ordered:
        name = (a.get("author") or {}).get("display_name") or a.get("raw_author_name")
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names


def _status(work_type: Any, source_type: Any) -> RecordStatus:
    if work_type == "preprint":
        return "preprint"
    if source_type == "repository":
        return "unknown"  # a repository copy of something; the work type alone does not say what
    if work_type in _PUBLISHED_TYPES:
        return "published"
    return "unknown"


def _short_id(url: str) -> str:
    """`https://openalex.org/W4365441044` -> `W4365441044`."""
    return url.rstrip("/").rsplit("/", 1)[-1]


def _bare_doi(value: Any) -> str | None:
    if not isinstance(value, str) or not value:
        return None
    return re.sub(r"^https?://(dx\.)?doi\.org/", "", value, flags=re.IGNORECASE)


def _arxiv_id(doi: str | None, locations: list[Any]) -> str | None:
    if doi and (m := _ARXIV_DOI.match(doi)):
        return m.group(1)
    for loc in locations:
        url = loc.get("landing_page_url") if isinstance(loc, dict) else None
        if isinstance(url, str) and (m := _ARXIV_ABS.search(url)):
            return m.group(1)
    return None
