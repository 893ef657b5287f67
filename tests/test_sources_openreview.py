"""OpenReview adapter on hand-made notes (no public recording exists): one note per row of
the decision table, v1 plain values, replies skipped, and the 403 anti-bot challenge."""

from __future__ import annotations

import pytest

from auditor.verify.records import SourceError
from auditor.verify.sources import openreview
from tests.verify_fixtures import JSON, FakeFetcher, handmade, load_json, run

SRC = "openreview"
TITLE = "Sparse Adapters for Tiny Language Models"
PARAMS = {"term": TITLE, "source": "forum", "limit": openreview.LIMIT}


def _by_id(name: str = "notes_search__every_status__handmade.json"):
    return {p.id: p for p in openreview.parse_notes(load_json(handmade(SRC, name)))}


@pytest.mark.parametrize(
    ("note_id", "status", "venue_key"),
    [
        ("HmAccept01", "accepted", "ICLR.cc/2024/Conference"),
        ("HmTrack002", "accepted", "NeurIPS.cc/2024/Datasets_and_Benchmarks_Track"),
        ("HmWorksh03", "accepted", "ICLR.cc/2024/Workshop/ME-FoMo"),
        ("HmReview04", "under_review", "ICLR.cc/2025/Conference"),
        ("HmReject05", "rejected", "ICLR.cc/2024/Conference"),
        ("HmWithdr06", "withdrawn", "ICLR.cc/2024/Conference"),
        ("HmDeskRj07", "rejected", "ICLR.cc/2024/Conference"),
        ("HmDblpIm08", "unknown", None),
    ],
)
def test_every_row_of_the_decision_table(note_id, status, venue_key):
    note = _by_id()[note_id]
    assert (note.status, note.venue_key) == (status, venue_key)


def test_rejected_iclr_paper_shows_submitted_to_but_is_not_under_review():
    rejected = _by_id()["HmReject05"]
    assert rejected.venue == "Submitted to ICLR 2024"
    assert rejected.status == "rejected"


def test_accepted_note_reads_title_authors_year_and_forum_link():
    note = _by_id()["HmAccept01"]
    assert note.title == TITLE
    assert note.authors == ["Lin Qiao", "Mara Stone", "Wei Zhou"]
    assert (note.venue, note.year) == ("ICLR 2024 poster", 2024)
    assert note.url == "https://openreview.net/forum?id=HmAccept01"


def test_decision_replies_are_not_papers():
    assert "HmDecisn09" not in _by_id()
    assert len(_by_id()) == 8


def test_api_v1_plain_values_and_submitted_to_alone_is_unknown():
    notes = _by_id("notes_search__api_v1_plain_values__handmade.json")
    assert notes["HmV1Acc001"].status == "accepted"
    assert notes["HmV1Acc001"].authors == ["Ana Ruiz", "Wei Zhou"]
    assert notes["HmV1Sub002"].status == "unknown"  # "Submitted to ICLR 2023", no venueid
    assert notes["HmV1Wdr003"].status == "withdrawn"
    assert notes["HmV1Wdr003"].year == 2023


def test_search_through_the_fetcher_returns_every_version():
    fetch = FakeFetcher().add(SRC, "GET", "/notes/search", PARAMS, headers=JSON,
                              body=handmade(SRC, "notes_search__every_status__handmade.json"))
    papers = run(openreview.search_paper(fetch, TITLE))
    same = [p for p in papers if p.title == TITLE]
    assert {p.status for p in same} == {"accepted", "unknown"}  # the decision and a DBLP import


@pytest.mark.parametrize("status", [403, 401])
def test_challenge_or_login_wall_is_a_source_error_never_not_found(status):
    fetch = FakeFetcher().add(SRC, "GET", "/notes/search", PARAMS, status=status, headers=JSON,
                              body=handmade(SRC, "challenge_403__handmade.json"))
    with pytest.raises(SourceError, match="anti-bot challenge"):
        run(openreview.search_paper(fetch, TITLE))


def test_unexpected_shapes_are_source_errors():
    with pytest.raises(SourceError):
        openreview.parse_notes({"count": 0})
    with pytest.raises(SourceError, match="shape"):
        openreview.parse_note({"content": {"title": {"value": "T"}}})  # no id
