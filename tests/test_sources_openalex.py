"""OpenAlex adapter on a recorded search: authors in order, venue from primary_location,
preprint and published versions of one paper kept apart, citations."""

from __future__ import annotations

import pytest

from auditor.verify.records import SourceError
from auditor.verify.sources import openalex
from tests.verify_fixtures import JSON, FakeFetcher, fixture, load_json, run

SRC = "openalex"
WORKS = "works__search_machine_learning_AND_public_health__per_page_200__trimmed_4_of_49_results.json"
TITLE = "Connecting Fairness in Machine Learning with Public Health Equity"


def _by_id():
    return {p.id: p for p in openalex.parse_works(load_json(fixture(SRC, WORKS)))}


def test_journal_article_reads_authors_in_order_venue_year_citations():
    work = _by_id()["W2068311567"]
    assert work.authors == ["Alexander Liss", "Magaly Koch", "Elena N. Naumova"]
    assert (work.venue, work.year, work.citations) == ("Geospatial Health", 2014, 8)
    assert work.status == "published"
    assert work.doi == "10.4081/gh.2014.294"


def test_preprint_and_published_versions_stay_separate_records():
    works = _by_id()
    preprint, published = works["W4365441044"], works["W4389543639"]
    assert preprint.title == published.title == TITLE
    assert (preprint.status, preprint.arxiv_id, preprint.venue) == ("preprint", "2304.04761", "arXiv (Cornell University)")
    assert (published.status, published.venue, published.doi) == ("published", None, "10.1109/ichi57859.2023.00127")


def test_author_position_orders_names_even_when_the_list_is_shuffled():
    data = load_json(fixture(SRC, WORKS))
    work = data["results"][0]
    work["authorships"] = list(reversed(work["authorships"]))
    [first, *_] = openalex.parse_works(data)
    assert first.authors[0] == "Alexander Liss" and first.authors[-1] == "Elena N. Naumova"


def test_search_uses_the_title_filter_without_filter_syntax():
    params = {"filter": f"title.search:{TITLE}", "per-page": openalex.PER_PAGE}
    fetch = FakeFetcher().add(SRC, "GET", "/works", params, headers=JSON, body=fixture(SRC, WORKS))
    papers = run(openalex.search_paper(fetch, TITLE.replace(" with", ", with|")))
    assert len(papers) == 4


def test_errors_and_shapes():
    fetch = FakeFetcher().add(SRC, "GET", "/works", {"filter": "title.search:x", "per-page": 5}, status=503,
                              headers={"content-type": "text/html"}, body="<html>down</html>")
    with pytest.raises(SourceError, match="503"):
        run(openalex.search_paper(fetch, "x"))
    with pytest.raises(SourceError):
        openalex.parse_works({"meta": {}})
