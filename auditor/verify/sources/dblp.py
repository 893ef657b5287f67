"""DBLP publication search: the most reliable venue identity for CS papers (its record key,
`conf/iclr/...`), plus year, authors and whether DBLP knows only the CoRR (arXiv) version.

DBLP's JSON has quirks the parser absorbs: every number is a string, `authors.author` is a
list for several authors but one object for a single author, names carry a disambiguation
number ("Wei Wang 0001") and titles end with a ".".
"""

from __future__ import annotations

import re
from typing import Any

from auditor.verify.fetch import Fetcher
from auditor.verify.records import PaperRecord, RecordStatus, SourceError
from auditor.verify.sources._common import clean_title, expect, json_of, shape_checked, to_int

SOURCE = "dblp"
DEFAULT_BASE_URL = "https://dblp.org"
MAX_HITS = 10

_NAME_NUMBER = re.compile(r"\s+\d{4}$")
# DBLP's query language gives meaning to some punctuation (`|`, `$`, `*`); send words only.
_QUERY_NOISE = re.compile(r"[^\w\s-]+")
_ARXIV_ABS = re.compile(r"arxiv\.org/abs/([^\s?#]+?)(?:v\d+)?$", re.IGNORECASE)
_PUBLISHED_TYPES = {
    "conference and workshop papers",
    "journal articles",
    "parts in books or collections",
    "books and theses",
}


async def search_paper(fetch: Fetcher, title: str) -> list[PaperRecord]:
    """DBLP's hits for a title (up to MAX_HITS), best first; [] when DBLP has none."""
    query = " ".join(_QUERY_NOISE.sub(" ", clean_title(title)).split())
    if not query:
        return []
    params = {"q": query, "format": "json", "h": MAX_HITS, "c": 0}
    resp = await fetch.request(SOURCE, "GET", "/search/publ/api", params=params)
    return parse_search(json_of(SOURCE, resp))


@shape_checked(SOURCE)
def parse_search(data: Any) -> list[PaperRecord]:
    """A `/search/publ/api?format=json` body as PaperRecords, in DBLP's order."""
    result = expect(SOURCE, expect(SOURCE, data, dict, "response").get("result"), dict, "result")
    code = str((result.get("status") or {}).get("@code", "200"))
    if code != "200":
        raise SourceError(SOURCE, f"search status {code}")
    hits = (result.get("hits") or {}).get("hit")  # no `hit` key when there are no hits
    return [parse_hit(hit) for hit in _as_list(hits)]


@shape_checked(SOURCE)
def parse_hit(hit: Any) -> PaperRecord:
    info = expect(SOURCE, expect(SOURCE, hit, dict, "hit").get("info"), dict, "hit.info")
    key = info.get("key") or ""
    venue_key = _venue_key(key)
    ee = [e for e in _as_list(info.get("ee")) if isinstance(e, str)]
    return PaperRecord(
        source=SOURCE,
        id=key or str(hit.get("@id")),
        title=_title(info["title"]),
        authors=[_name(a) for a in _as_list((info.get("authors") or {}).get("author")) if _name(a)],
        venue=_venue(info.get("venue")),
        venue_key=venue_key,
        year=to_int(info.get("year")),
        status=_status(info.get("type"), venue_key),
        url=info.get("url") if isinstance(info.get("url"), str) else (ee[0] if ee else None),
        doi=info.get("doi") if isinstance(info.get("doi"), str) else None,
        arxiv_id=next((m.group(1) for e in ee if (m := _ARXIV_ABS.search(e))), None),
    )


def strip_name_number(name: str) -> str:
    """"Wei Wang 0001" -> "Wei Wang": DBLP's homonym number is not part of the name."""
    return _NAME_NUMBER.sub("", name.strip())


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _name(author: Any) -> str:
    """Authors come as {"@pid","text"} (current), or as plain strings (older records)."""
    text = author.get("text") if isinstance(author, dict) else author
    return strip_name_number(text) if isinstance(text, str) else ""


def _title(raw: Any) -> str:
    if isinstance(raw, dict):  # titles with markup can come back as {"text": ...}
        raw = raw.get("text", "")
    title = clean_title(str(raw))
    return title[:-1].rstrip() if title.endswith(".") else title


def _venue(raw: Any) -> str | None:
    names = [v for v in _as_list(raw) if isinstance(v, str) and v.strip()]
    return ", ".join(names) if names else None


def _venue_key(key: str) -> str | None:
    """`conf/iclr/Wan0SQ24` -> `conf/iclr`; `journals/corr/abs-2401-10491` -> `journals/corr`."""
    parts = key.split("/")
    return "/".join(parts[:2]) if len(parts) >= 3 else None


def _status(kind: Any, venue_key: str | None) -> RecordStatus:
    kind = kind.lower() if isinstance(kind, str) else ""
    if venue_key == "journals/corr" or kind.startswith("informal"):
        return "preprint"  # CoRR is DBLP's arXiv mirror
    if kind in _PUBLISHED_TYPES:
        return "published"
    return "unknown"
