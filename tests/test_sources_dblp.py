"""DBLP adapter on recorded responses: both author shapes, the trailing "." of titles, the
homonym number of names, the venue key, CoRR as preprint, no hits, and 429."""

from __future__ import annotations

import copy

import pytest

from auditor.verify.records import SourceError
from auditor.verify.sources import dblp
from tests.verify_fixtures import JSON, FakeFetcher, fixture, handmade, load_json, run

SRC = "dblp"
TITLE = "A Test Cost Reduction Method by Test Response and Test Vector Overlapping for Full-Scan Test Architecture"
LIST = "publ_search__q_test_star__h1_f1__format_json.json"
SINGLE = "publ_search__q_test_star__single_author_as_object__edited_variant.json"


def _params(q: str) -> dict:
    return {"q": q, "format": "json", "h": dblp.MAX_HITS, "c": 0}


def test_hit_reads_venue_key_year_authors_in_order_and_strips_the_title_dot():
    [paper] = dblp.parse_search(load_json(fixture(SRC, LIST)))
    assert paper.title == TITLE
    assert paper.authors == ["Tsuyoshi Shinogi", "Hiroyuki Yamada", "Terumine Hayashi", "Shinji Tsuruoka", "Tomohiro Yoshikawa"]
    assert (paper.venue, paper.venue_key, paper.year) == ("Asian Test Symposium", "conf/ats", 2005)
    assert paper.status == "published"
    assert paper.doi == "10.1109/ATS.2005.17"
    assert paper.url == "https://dblp.org/rec/conf/ats/ShinogiYHTY05"


def test_single_author_given_as_one_object():
    [paper] = dblp.parse_search(load_json(fixture(SRC, SINGLE)))
    assert paper.authors == ["Tsuyoshi Shinogi"]


def test_corr_record_is_a_preprint_and_names_lose_their_homonym_number():
    data = load_json(fixture(SRC, LIST))
    info = data["result"]["hits"]["hit"][0]["info"]
    info.update(
        key="journals/corr/abs-2401-10491",
        venue="CoRR",
        type="Informal and Other Publications",
        ee="https://arxiv.org/abs/2401.10491",
        authors={"author": [{"@pid": "1/1", "text": "Wei Wang 0001"}, "Plain String Author"]},
    )
    [paper] = dblp.parse_search(data)
    assert paper.status == "preprint"
    assert paper.venue_key == "journals/corr"
    assert paper.arxiv_id == "2401.10491"
    assert paper.authors == ["Wei Wang", "Plain String Author"]


def test_search_sends_title_words_without_query_operators():
    fetch = FakeFetcher().add(SRC, "GET", "/search/publ/api", _params("Knowledge Fusion of Large Language Models"),
                              headers=JSON, body=fixture(SRC, LIST))
    papers = run(dblp.search_paper(fetch, "Knowledge Fusion of Large Language Models | $*"))
    assert [p.venue_key for p in papers] == ["conf/ats"]


def test_no_hits_is_an_empty_result():
    fetch = FakeFetcher().add(SRC, "GET", "/search/publ/api", _params("zzqx nonexistent"), headers=JSON,
                              body=handmade(SRC, "publ_search__no_hits__handmade.json"))
    assert run(dblp.search_paper(fetch, "zzqx nonexistent")) == []


def test_rate_limit_with_empty_body_is_a_source_error():
    fetch = FakeFetcher().add(SRC, "GET", "/search/publ/api", _params("anything"), status=429,
                              headers={"retry-after": "60"}, body=b"")
    with pytest.raises(SourceError, match="429"):
        run(dblp.search_paper(fetch, "anything"))


def test_unexpected_shape_is_a_source_error():
    data = copy.deepcopy(load_json(fixture(SRC, LIST)))
    data["result"]["hits"]["hit"][0]["info"].pop("title")
    with pytest.raises(SourceError, match="shape"):
        dblp.parse_search(data)
    with pytest.raises(SourceError):
        dblp.parse_search([])
