"""Crossref adapter on recorded responses: list and single-work bodies, authors "given
family" in order, container title, year from `issued`, and the text/plain 404."""

from __future__ import annotations

import pytest

from auditor.verify.records import SourceError
from auditor.verify.sources import crossref
from tests.verify_fixtures import FakeFetcher, cassette_response, fixture, load_json, run

SRC = "crossref"
PLOS = "10.1371/journal.pone.0033693"


@pytest.fixture(autouse=True)
def _no_mailto(monkeypatch):
    monkeypatch.delenv("RESUME_AUDIT_MAILTO", raising=False)


def test_work_by_doi_reads_authors_container_year_and_type():
    status, headers = cassette_response(fixture(SRC, "work__doi_10.1371_journal.pone.0033693.cassette.yaml"))
    fetch = FakeFetcher().add(SRC, "GET", f"/works/{PLOS}", status=status, headers=headers,
                              body=fixture(SRC, "work__doi_10.1371_journal.pone.0033693.body.json"))
    work = run(crossref.get_work(fetch, PLOS))
    assert work.authors[:3] == ["Shankar Sadasivan", "Brooks B. Pond", "Amar K. Pani"]
    assert len(work.authors) == 6
    assert (work.venue, work.year, work.status, work.doi) == ("PLoS ONE", 2012, "published", PLOS)


def test_unknown_doi_404_text_plain_is_none():
    path = fixture(SRC, "work__doi_10.1371_notarealdoi__404.cassette.yaml")
    status, headers = cassette_response(path)
    assert headers["content-type"] == "text/plain"
    fetch = FakeFetcher().add(SRC, "GET", "/works/10.1371/notarealdoi", status=status, headers=headers,
                              body=fixture(SRC, "work__doi_10.1371_notarealdoi__404.body.txt"))
    assert run(crossref.get_work(fetch, "10.1371/notarealdoi")) is None


def test_search_sends_the_title_and_mailto_from_the_environment(monkeypatch):
    monkeypatch.setenv("RESUME_AUDIT_MAILTO", "audit@example.org")
    status, headers = cassette_response(fixture(SRC, "works__query_ecology__rows_2.cassette.yaml"))
    params = {"query.bibliographic": "Chemical Ecology", "rows": crossref.ROWS, "mailto": "audit@example.org"}
    fetch = FakeFetcher().add(SRC, "GET", "/works", params, status=status, headers=headers,
                              body=fixture(SRC, "works__query_ecology__rows_2.body.json"))
    papers = run(crossref.search_paper(fetch, "Chemical Ecology"))
    assert [p.title for p in papers] == ["Communicating Ecology", "Chemical Ecology"]
    assert papers[0].authors == []  # a reference entry without authors
    assert papers[1].authors == ["André Kessler"]
    assert papers[1].year == 2012


def test_list_body_keeps_crossref_order_and_citations():
    data = load_json(fixture(SRC, "works__query_ecology__query.author_carl_boettiger__trimmed_3_of_20_items.json"))
    papers = crossref.parse_works(data)
    assert [(p.venue, p.year, p.citations) for p in papers] == [
        ("Ecology Letters", 2022, 26),
        ("Ecology Letters", 2018, 73),
        ("Theoretical Ecology", 2020, 5),
    ]


def test_posted_content_is_a_preprint_and_organisations_are_authors():
    data = load_json(fixture(SRC, "works__query_ecology__rows_2.body.json"))
    item = data["message"]["items"][1]
    item["type"] = "posted-content"
    item["author"].append({"name": "The Example Consortium", "sequence": "additional"})
    item["title"] = ["<i>In vivo</i>  ecology"]
    paper = crossref.parse_works(data)[1]
    assert paper.status == "preprint"
    assert paper.authors == ["André Kessler", "The Example Consortium"]
    assert paper.title == "In vivo ecology"


def test_bad_doi_is_never_sent_and_errors_are_source_errors():
    fetch = FakeFetcher()
    with pytest.raises(SourceError, match="not a DOI"):
        run(crossref.get_work(fetch, "10.1/../../members"))
    with pytest.raises(SourceError, match="not a DOI"):
        run(crossref.get_work(fetch, "javascript:alert(1)"))
    assert fetch.calls == []
    fetch.add(SRC, "GET", "/works", {"query.bibliographic": "x", "rows": crossref.ROWS}, status=429, body=b"")
    with pytest.raises(SourceError, match="429"):
        run(crossref.search_paper(fetch, "x"))
    with pytest.raises(SourceError):
        crossref.parse_works({"status": "failed", "message-type": "validation-failure", "message": []})
