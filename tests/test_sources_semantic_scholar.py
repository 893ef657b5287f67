"""Semantic Scholar adapter on recorded responses: authors in order, venue from the DBLP key
(not S2's noisy venue mapping), preprint vs published, and every error shape."""

from __future__ import annotations

import pytest

from auditor.verify.records import SourceError
from auditor.verify.sources import semantic_scholar as s2
from tests.verify_fixtures import JSON, FakeFetcher, cassette_response, fixture, handmade, load_json, run

SRC = "semantic_scholar"
TITLE = "Mining association rules between sets of items in large databases"
MATCH = {"query": TITLE, "fields": s2.PAPER_FIELDS}


@pytest.fixture(autouse=True)
def _no_api_key(monkeypatch):
    monkeypatch.delenv("S2_API_KEY", raising=False)


def _objects():
    papers = load_json(fixture(SRC, "paper_objects__5_elements_from_citations_of_computing_machinery__conference_journal_arxiv_null_venue.json"))
    return {p.title.split()[0]: p for p in map(s2.parse_paper, papers)}


def test_conference_paper_takes_its_venue_key_from_dblp():
    aaai = _objects()["From"]
    assert aaai.venue_key == "conf/aaai"
    assert aaai.status == "published"
    assert aaai.year == 2024
    assert aaai.authors[:2] == ["Deepak Varuvel Dennison", "Raycelle C. C. Garcia"]
    assert aaai.doi == "10.1609/aaai.v38i21.30378"


def test_journal_paper_is_not_reported_as_the_conference_s2_maps_it_to():
    sensors = _objects()["Reinforcement"]
    assert sensors.venue_key == "journals/sensors"
    assert "Conference" not in (sensors.venue or "")
    assert sensors.status == "published"


def test_arxiv_only_paper_is_a_preprint():
    echo = _objects()["How"]
    assert echo.status == "preprint"
    assert echo.arxiv_id == "2404.13957"
    assert echo.venue_key == "journals/corr"


def test_paper_with_no_venue_and_only_an_arxiv_id_is_a_preprint_without_venue():
    quo = _objects()["Quo"]
    assert quo.venue is None and quo.venue_key is None
    assert quo.status == "preprint"


def test_journal_without_dblp_key_is_published_under_its_s2_name():
    jas = _objects()["The"]
    assert jas.venue == "IEEE/CAA Journal of Automatica Sinica"
    assert jas.venue_key is None
    assert jas.status == "published"


def test_full_paper_object_reads_the_journal_dblp_confirms():
    mind = s2.parse_paper(load_json(fixture(SRC, "paper__doi_10.1093_mind_lix.236.433__all_fields_minus_citations_references_embedding.json")))
    assert (mind.title, mind.venue, mind.year, mind.authors) == ("Computing Machinery and Intelligence", "Mind", 1950, ["A. Turing"])
    assert mind.citations == 10059


def test_corr_key_does_not_hide_a_real_venue():
    paper = s2.parse_paper(
        {
            "paperId": "x1",
            "title": "T",
            "venue": "International Conference on Learning Representations",
            "externalIds": {"DBLP": "journals/corr/abs-2401-10491", "ArXiv": "2401.10491"},
        }
    )
    assert paper.status == "published"
    assert paper.venue_key is None  # the CoRR key says nothing about ICLR


def test_search_sends_only_the_title_and_returns_the_match():
    path = fixture(SRC, "paper_search_match__q_mining_association_rules_between__fields_title.cassette.yaml")
    status, headers = cassette_response(path)
    fetch = FakeFetcher().add(SRC, "GET", "/paper/search/match", MATCH, status=status, headers=headers,
                              body=fixture(SRC, "paper_search_match__q_mining_association_rules_between__fields_title.body.json"))
    [paper] = run(s2.search_paper(fetch, f"  {TITLE}\n"))
    assert paper.title == TITLE
    assert paper.id == "6fe8c5bf8dddaadf10c765133d38dfef5714347f"
    call = fetch.calls[0]
    assert call.params == {"query": [TITLE], "fields": [s2.PAPER_FIELDS]}
    assert "x-api-key" not in call.headers


def test_api_key_from_the_environment_is_passed_as_header(monkeypatch):
    monkeypatch.setenv("S2_API_KEY", "test-key")
    fetch = FakeFetcher().add(SRC, "GET", "/paper/search/match", MATCH, headers=JSON,
                              body=fixture(SRC, "paper_search__no_results.body.json"))
    assert run(s2.search_paper(fetch, TITLE)) == []  # {"total":0,"offset":0}: no `data` key
    assert fetch.calls[0].headers == {"x-api-key": "test-key"}


def test_title_not_found_is_an_empty_result():
    fetch = FakeFetcher().add(SRC, "GET", "/paper/search/match", MATCH, status=404, headers=JSON,
                              body=handmade(SRC, "search_match_404__title_match_not_found__handmade.json"))
    assert run(s2.search_paper(fetch, TITLE)) == []


def test_a_404_that_is_not_s2s_own_answer_is_an_error_not_a_miss():
    fetch = FakeFetcher().add(SRC, "GET", "/paper/search/match", MATCH, status=404,
                              headers={"content-type": "text/html"}, body="<html>nginx</html>")
    with pytest.raises(SourceError):
        run(s2.search_paper(fetch, TITLE))


def test_rate_limit_is_a_source_error():
    fetch = FakeFetcher().add(SRC, "GET", "/paper/search/match", MATCH, status=429, headers=JSON,
                              body=fixture(SRC, "error_429__too_many_requests.body.json"))
    with pytest.raises(SourceError, match="429"):
        run(s2.search_paper(fetch, TITLE))


@pytest.mark.parametrize("stem", ["error_403__forbidden_paper_batch", "error_400__unrecognized_fields"])
def test_refusals_and_bad_requests_are_source_errors(stem):
    status, headers = cassette_response(fixture(SRC, f"{stem}.cassette.yaml"))
    fetch = FakeFetcher().add(SRC, "GET", "/paper/search/match", MATCH, status=status, headers=headers,
                              body=fixture(SRC, f"{stem}.body.json"))
    with pytest.raises(SourceError, match=str(status)):
        run(s2.search_paper(fetch, TITLE))


def test_batch_keeps_alignment_with_a_null_for_the_unknown_id():
    ids = ["unknown", "DOI:10.2139/ssrn.288970", "DOI:10.2139/ssrn.2250500", "DOI:10.1257/rct.1355"]
    status, headers = cassette_response(fixture(SRC, "paper_batch__4_ids_one_unknown__all_fields.cassette.yaml"))
    fetch = FakeFetcher().add(SRC, "POST", "/paper/batch", {"fields": s2.PAPER_FIELDS}, status=status, headers=headers,
                              body=fixture(SRC, "paper_batch__4_ids_one_unknown__all_fields.body.json"))
    papers = run(s2.get_papers(fetch, ids))
    assert papers[0] is None
    did = papers[1]
    assert did.authors == ["Marianne Bertrand", "E. Duflo", "S. Mullainathan"]
    assert (did.year, did.citations) == (2001, 10670)
    assert did.status == "preprint"  # an SSRN paper, whatever its "eJournal" is called
    assert papers[3].status == "unknown"  # no venue at all: nothing to say
    assert fetch.calls[0].json == {"ids": ids}


def test_batch_answering_fewer_papers_than_ids_is_an_error():
    fetch = FakeFetcher().add(SRC, "POST", "/paper/batch", {"fields": s2.PAPER_FIELDS}, headers=JSON, body="[null]")
    with pytest.raises(SourceError, match="1 papers for 2 ids"):
        run(s2.get_papers(fetch, ["a", "b"]))


def test_unknown_paper_id_is_none():
    status, headers = cassette_response(fixture(SRC, "error_404__paper_0_and_author_0_not_found.cassette.yaml"))
    fetch = FakeFetcher().add(SRC, "GET", "/paper/0", {"fields": s2.PAPER_FIELDS}, status=status, headers=headers,
                              body=fixture(SRC, "error_404__paper_0_and_author_0_not_found.1.body.json"))
    assert run(s2.get_paper(fetch, "0")) is None


def test_unexpected_shape_is_a_source_error_not_a_crash():
    with pytest.raises(SourceError, match="shape"):
        s2.parse_batch({"data": []})
    with pytest.raises(SourceError, match="shape"):
        s2.parse_search({"data": [{"title": "no paperId"}]})


def test_paper_by_bare_doi_keeps_the_doi_slashes_in_the_path():
    stem = "paper__doi_10.1093_mind_lix.236.433__fields_title"
    status, headers = cassette_response(fixture(SRC, f"{stem}.cassette.yaml"))
    fetch = FakeFetcher().add(SRC, "GET", "/paper/10.1093/mind/lix.236.433", {"fields": s2.PAPER_FIELDS},
                              status=status, headers=headers, body=fixture(SRC, f"{stem}.body.json"))
    paper = run(s2.get_paper(fetch, "10.1093/mind/lix.236.433"))
    assert paper.title == "Computing Machinery and Intelligence"
    with pytest.raises(SourceError):
        run(s2.get_paper(fetch, "10.1093/../../author/0"))


def test_relevance_search_body_is_read_in_order():
    papers = s2.parse_search(load_json(fixture(SRC, "paper_search__q_turing__fields_title.body.json")))
    assert len(papers) == 100
    assert papers[0].title.startswith("Using DeepSpeed and Megatron to Train Megatron-Turing NLG 530B")
    assert all(p.status == "unknown" for p in papers)  # only titles were asked for: no venue evidence
