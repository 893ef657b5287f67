"""arXiv adapter on recorded Atom feeds (current and legacy 2016 format): ids, authors in
order, wrapped titles, journal_ref kept, zero results, and the HTTP 400 error feed."""

from __future__ import annotations

import json

import pytest

from auditor.verify.records import SourceError
from auditor.verify.sources import arxiv
from tests.verify_fixtures import ATOM, FakeFetcher, fixture, run

SRC = "arxiv"


def _feed(name: str) -> bytes:
    return fixture(SRC, name).read_bytes()


def test_current_format_entry_with_journal_ref():
    [paper] = arxiv.parse_feed(_feed("id_list_astro-ph_0601001__with_journal_ref_affiliation.atom.xml"))
    assert paper.arxiv_id == paper.id == "astro-ph/0601001"
    assert paper.authors == ["Andrew Gould", "Susan Dorsher", "B. Scott Gaudi", "Andrzej Udalski"]
    assert paper.venue == "ActaAstron.56:1-50,2006"
    assert (paper.year, paper.status) == (2006, "preprint")
    assert paper.url == "https://arxiv.org/abs/astro-ph/0601001"


def test_legacy_2016_format_with_wrapped_title_and_doi():
    [paper] = arxiv.parse_feed(_feed("legacy_2016_format__search_query_au_del_maestro_AND_ti_checkerboard.atom.xml"))
    assert paper.title == "From stripe to checkerboard order on the square lattice in the presence of quenched disorder"
    assert paper.authors == ["Adrian Del Maestro", "Bernd Rosenow", "Subir Sachdev"]
    assert (paper.arxiv_id, paper.doi) == ("cond-mat/0603029", "10.1103/PhysRevB.74.024520")
    assert paper.venue == "Phys. Rev. B 74, 024520 (2006)"


def test_search_feed_keeps_every_entry_in_order_without_version_suffix():
    papers = arxiv.parse_feed(_feed("search_query_testing__max_results_10.atom.xml"))
    assert len(papers) == 10
    assert papers[0].arxiv_id == "2202.12139"
    assert papers[0].doi == "10.1109/ICSTW55395.2022.00035"
    assert all(p.status == "preprint" and "v" not in p.arxiv_id for p in papers)


def test_zero_results_is_empty():
    assert arxiv.parse_feed(_feed("id_list_0000.0000__zero_results.atom.xml")) == []


def test_lookup_by_id_through_the_fetcher():
    fetch = FakeFetcher().add(SRC, "GET", "/api/query", {"id_list": "1605.08386", "max_results": 1}, headers=ATOM,
                              body=fixture(SRC, "id_list_1605.08386.atom.xml"))
    paper = run(arxiv.get_paper(fetch, "1605.08386"))
    assert (paper.title, paper.authors, paper.year) == (
        "Heat-bath random walks with Markov bases", ["Caprice Stanley", "Tobias Windisch"], 2016)


def test_error_feed_with_http_400_is_a_source_error_never_a_paper():
    recorded = json.loads(fixture(SRC, "id_list_abc__error_400_incorrect_id_format.recorded.json").read_text())
    assert recorded["status_code"] == 400
    fetch = FakeFetcher().add(SRC, "GET", "/api/query", {"search_query": 'ti:"abc"', "max_results": arxiv.MAX_RESULTS},
                              status=400, headers=ATOM, body=recorded["body"])
    with pytest.raises(SourceError, match="incorrect id format"):
        run(arxiv.search_paper(fetch, "abc"))
    with pytest.raises(SourceError, match="incorrect id format"):
        arxiv.parse_feed(_feed("id_list_abc__error_400_incorrect_id_format.atom.xml"))


def test_title_search_is_a_quoted_phrase_without_inner_quotes():
    fetch = FakeFetcher().add(SRC, "GET", "/api/query",
                              {"search_query": 'ti:"Heat-bath random walks with Markov bases"', "max_results": 5},
                              headers=ATOM, body=fixture(SRC, "id_list_1605.08386.atom.xml"))
    [paper] = run(arxiv.search_paper(fetch, '"Heat-bath  random walks\nwith Markov bases"'))
    assert paper.arxiv_id == "1605.08386"


def test_invalid_ids_are_not_sent_and_bad_xml_is_refused():
    fetch = FakeFetcher()
    with pytest.raises(SourceError, match="not an arXiv id"):
        run(arxiv.get_papers(fetch, ["abc"]))
    assert fetch.calls == []
    with pytest.raises(SourceError, match="Atom"):
        arxiv.parse_feed(b"<html><body>Service unavailable</body></html>")
    bomb = b'<?xml version="1.0"?><!DOCTYPE f [<!ENTITY a "aaaa">]><feed xmlns="http://www.w3.org/2005/Atom">&a;</feed>'
    with pytest.raises(SourceError):
        arxiv.parse_feed(bomb)


def test_server_error_and_html_answers_are_source_errors():
    fetch = FakeFetcher().add(SRC, "GET", "/api/query", {"id_list": "1605.08386", "max_results": 1}, status=503, body=b"")
    with pytest.raises(SourceError, match="503"):
        run(arxiv.get_paper(fetch, "1605.08386"))
    fetch.add(SRC, "GET", "/api/query", {"id_list": "1605.08386", "max_results": 1},
              headers={"content-type": "text/html"}, body=b"<html></html>")
    with pytest.raises(SourceError, match="text/html"):
        run(arxiv.get_paper(fetch, "1605.08386"))


def test_unknown_ids_are_simply_absent_from_a_multi_id_lookup():
    fetch = FakeFetcher().add(SRC, "GET", "/api/query", {"id_list": "0808.05394,1707.08567", "max_results": 2},
                              headers=ATOM, body=fixture(SRC, "id_list_0808.05394_and_1707.08567.atom.xml"))
    papers = run(arxiv.get_papers(fetch, ["0808.05394", "1707.08567"]))
    assert [p.arxiv_id for p in papers] == ["1707.08567"]
    assert papers[0].authors[0] == "Kees A. Schouhamer Immink"
