"""OpenReview: the only authoritative source for decisions at ICLR, NeurIPS, ICML, TMLR, COLM
(accepted, under review, rejected, withdrawn).

Two traps this module exists to avoid:
* "Submitted to ICLR 2024" is the public label of *rejected* ICLR papers too, so the decision
  is read from `content.venueid` first and the free-text `content.venue` only second, and
  "Submitted to X" alone never means "under review".
* Anonymous API calls are often answered with a 403 anti-bot challenge
  (`ChallengeRequiredError`); that is "could not check" (SourceError), never "not found".

API v2 wraps every content field as `{"value": ...}`; v1 notes have plain values. Both are read.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from auditor.verify.fetch import Fetcher
from auditor.verify.records import PaperRecord, RecordStatus, SourceError
from auditor.verify.sources._common import clean_title, error_text, expect, json_of, shape_checked

SOURCE = "openreview"
DEFAULT_BASE_URL = "https://api2.openreview.net"
LIMIT = 10

# The last segment of `content.venueid` for papers without a positive decision.
_SUFFIX_STATUS: dict[str, RecordStatus] = {
    "Submission": "under_review",
    "Rejected_Submission": "rejected",
    "Desk_Rejected_Submission": "rejected",
    "Withdrawn_Submission": "withdrawn",
}
_VENUE_GROUP = re.compile(r"/\d{4}/(?:Conference|Workshop|Track)(?:/|$)")
_ACCEPTED_WORDS = re.compile(r"\b(?:poster|oral|spotlight|accept(?:ed)?|notable)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


async def search_paper(fetch: Fetcher, title: str) -> list[PaperRecord]:
    """Forum notes (submissions) matching a title, with their decision status."""
    term = clean_title(title)
    if not term:
        return []
    params = {"term": term, "source": "forum", "limit": LIMIT}
    resp = await fetch.request(SOURCE, "GET", "/notes/search", params=params)
    if resp.status in (401, 403):
        detail = error_text(resp)
        raise SourceError(SOURCE, f"anti-bot challenge or login required (HTTP {resp.status}{': ' + detail if detail else ''})", "challenge", status=resp.status)
    return parse_notes(json_of(SOURCE, resp))


@shape_checked(SOURCE)
def parse_notes(data: Any) -> list[PaperRecord]:
    """A `{"notes": [...], "count": N}` body as PaperRecords; replies and untitled notes are skipped."""
    notes = expect(SOURCE, expect(SOURCE, data, dict, "response").get("notes"), list, "notes")
    out = []
    for note in notes:
        if not isinstance(note, dict) or note.get("forum", note.get("id")) != note.get("id"):
            continue  # a reply (review, comment, decision) inside a forum, not the paper
        if _value((note.get("content") or {}).get("title")):
            out.append(parse_note(note))
    return out


@shape_checked(SOURCE)
def parse_note(note: Any) -> PaperRecord:
    expect(SOURCE, note, dict, "note")
    content = expect(SOURCE, note.get("content") or {}, dict, "note.content")
    venue = _text(content.get("venue"))
    venueid = _text(content.get("venueid"))
    forum = note.get("forum") or note["id"]
    authors = _value(content.get("authors")) or []
    return PaperRecord(
        source=SOURCE,
        id=forum,
        title=clean_title(_text(content.get("title"))),
        authors=[" ".join(a.split()) for a in authors if isinstance(a, str) and a.strip()],
        venue=venue or None,
        venue_key=venue_group(venueid),
        year=_year(venueid, venue, note),
        status=decision_status(venueid, venue, note.get("domain")),
        url=f"https://openreview.net/forum?id={forum}",
    )


def decision_status(venueid: str, venue: str, domain: str | None = None) -> RecordStatus:
    """The decision a note shows: from `venueid` first, from the `venue` text only when
    `venueid` is absent (API v1) or says nothing."""
    if venueid:
        if venueid.startswith("dblp.org"):
            return "unknown"  # a DBLP import on someone's profile, not a decision
        last = venueid.rsplit("/", 1)[-1]
        if last in _SUFFIX_STATUS:
            return _SUFFIX_STATUS[last]
        if "submi" not in last.lower():
            if domain and (venueid == domain or venueid.startswith(domain + "/")):
                return "accepted"  # the venue group itself, or one of its tracks
            if _VENUE_GROUP.search(venueid) or venueid == "TMLR":
                return "accepted"
    return _status_from_venue_text(venue)


def _status_from_venue_text(venue: str) -> RecordStatus:
    text = venue.lower()
    if "withdrawn" in text:
        return "withdrawn"
    if "reject" in text:
        return "rejected"
    if text.startswith("submitted to"):
        return "unknown"  # rejected ICLR papers carry this label too
    if _ACCEPTED_WORDS.search(text):
        return "accepted"  # "ICLR 2024 poster", "NeurIPS 2023 oral"
    return "unknown"


def venue_group(venueid: str) -> str | None:
    """`ICLR.cc/2024/Conference/Rejected_Submission` -> `ICLR.cc/2024/Conference` (the venue the
    note was submitted to; read it together with the status). None for DBLP imports."""
    if not venueid or venueid.startswith("dblp.org"):
        return None
    head, _, last = venueid.rpartition("/")
    return head if head and last in _SUFFIX_STATUS else venueid


def _value(field: Any) -> Any:
    """v2 `{"value": x}` -> x; v1 plain x -> x."""
    return field.get("value") if isinstance(field, dict) else field


def _text(field: Any) -> str:
    value = _value(field)
    return " ".join(value.split()) if isinstance(value, str) else ""


def _year(venueid: str, venue: str, note: dict[str, Any]) -> int | None:
    for text in (venueid, venue):
        if text and (m := _YEAR.search(text)):
            return int(m.group(1))
    for key in ("pdate", "odate", "cdate"):
        ms = note.get(key)
        if isinstance(ms, int) and not isinstance(ms, bool) and ms > 0:
            return datetime.fromtimestamp(ms / 1000, tz=UTC).year
    return None
