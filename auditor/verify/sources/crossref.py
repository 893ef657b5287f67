"""Crossref REST API: DOI-registered works (ACM, IEEE, Springer, ACL, journals) by title or
by DOI, with authors in order, container (journal or proceedings), year and type.

Crossref always returns its top hits, even when they are wrong, so these records are only
candidates; the judge decides by title and author similarity. An unknown DOI answers 404
with a text/plain body, which must not be read as JSON.
"""

from __future__ import annotations

import os
import re
from typing import Any
from urllib.parse import quote

from auditor.verify.fetch import Fetcher
from auditor.verify.records import PaperRecord, RecordStatus, SourceError
from auditor.verify.sources._common import clean_title, error_text, expect, json_of, shape_checked, to_int

SOURCE = "crossref"
DEFAULT_BASE_URL = "https://api.crossref.org"
ROWS = 5

_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_PUBLISHED_TYPES = {
    "journal-article",
    "proceedings-article",
    "book-chapter",
    "book",
    "monograph",
    "edited-book",
}


def _polite() -> dict[str, str]:
    """With `mailto` Crossref serves the polite pool (10 req/s instead of 5); only from the environment."""
    mailto = os.environ.get("RESUME_AUDIT_MAILTO", "").strip()
    return {"mailto": mailto} if mailto else {}


async def search_paper(fetch: Fetcher, title: str) -> list[PaperRecord]:
    """Crossref's top works for a title (candidates; Crossref never says "no match")."""
    query = clean_title(title)
    if not query:
        return []
    params = {"query.bibliographic": query, "rows": ROWS, **_polite()}
    resp = await fetch.request(SOURCE, "GET", "/works", params=params)
    return parse_works(json_of(SOURCE, resp))


async def get_work(fetch: Fetcher, doi: str) -> PaperRecord | None:
    """One work by DOI; None when Crossref does not know the DOI."""
    doi = doi.strip()
    if not _DOI.match(doi) or any(part in (".", "..") for part in doi.split("/")):
        raise SourceError(SOURCE, "not a DOI")
    resp = await fetch.request(SOURCE, "GET", "/works/" + quote(doi, safe="/"), params=_polite() or None)
    if resp.status == 404 and "not found" in error_text(resp).lower():
        return None  # Crossref's own text/plain "Resource not found.", not a proxy's error page
    return parse_work_response(json_of(SOURCE, resp))


@shape_checked(SOURCE)
def parse_works(data: Any) -> list[PaperRecord]:
    """A `work-list` body as PaperRecords, in Crossref's order; items without a title are skipped."""
    message = _message(data, "work-list")
    items = expect(SOURCE, message.get("items"), list, "message.items")
    return [parse_item(item) for item in items if isinstance(item, dict) and _first(item.get("title"))]


@shape_checked(SOURCE)
def parse_work_response(data: Any) -> PaperRecord | None:
    """A `work` body (`GET /works/{doi}`); None if the work has no title to compare."""
    item = _message(data, "work")
    return parse_item(item) if _first(item.get("title")) else None


@shape_checked(SOURCE)
def parse_item(item: Any) -> PaperRecord:
    expect(SOURCE, item, dict, "work")
    doi = item["DOI"]
    return PaperRecord(
        source=SOURCE,
        id=doi,
        title=clean_title(_first(item.get("title"))),
        authors=[name for a in item.get("author") or [] if (name := _author(a))],
        venue=_first(item.get("container-title")) or _event(item) or None,
        year=_year(item),
        status=_status(item.get("type")),
        url=item.get("URL") or f"https://doi.org/{doi}",
        doi=doi,
        citations=to_int(item.get("is-referenced-by-count")),
    )


def _message(data: Any, kind: str) -> dict[str, Any]:
    expect(SOURCE, data, dict, "response")
    if data.get("status") != "ok" or data.get("message-type") != kind:
        raise SourceError(SOURCE, f"expected an ok {kind}, got {data.get('status')!r} {data.get('message-type')!r}")
    return expect(SOURCE, data.get("message"), dict, "message")


def _first(value: Any) -> str:
    """Crossref gives titles and container titles as lists."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), "")
    return value.strip() if isinstance(value, str) else ""


def _author(author: Any) -> str:
    """"given family" for people, `name` for organisations ("The XYZ Consortium")."""
    if not isinstance(author, dict):
        return ""
    parts = [author.get("given"), author.get("family")]
    name = " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
    return name or (author.get("name") or "").strip()


def _event(item: dict[str, Any]) -> str:
    event = item.get("event")
    return event.get("name", "").strip() if isinstance(event, dict) and isinstance(event.get("name"), str) else ""


def _year(item: dict[str, Any]) -> int | None:
    """The year of `issued` (the earliest of print and online), else of `published`."""
    for field in ("issued", "published", "published-print", "published-online"):
        parts = (item.get(field) or {}).get("date-parts") or []
        if parts and parts[0] and (year := to_int(parts[0][0])):
            return year
    return None


def _status(kind: Any) -> RecordStatus:
    if kind == "posted-content":
        return "preprint"  # Crossref's type for preprints (subtype "preprint")
    if kind in _PUBLISHED_TYPES:
        return "published"
    return "unknown"
