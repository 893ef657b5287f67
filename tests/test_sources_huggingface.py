"""Hugging Face adapter on recorded responses: the 307 rename reports the canonical id,
downloads are the last 30 days unless all-time is expanded, and 401/404 mean not found."""

from __future__ import annotations

import pytest

from auditor.verify.records import SourceError
from auditor.verify.sources import huggingface as hf
from tests.verify_fixtures import JSON, FakeFetcher, cassette_response, fixture, handmade, load_json, run

SRC = "huggingface"
EXPAND = [("expand[]", p) for p in hf.EXPAND]
CASSETTE = "model_info__bert-base-uncased__307_redirect_then_google-bert_bert-base-uncased.cassette.yaml"


def test_expand_lists_every_property_used():
    fetch = FakeFetcher().add(SRC, "GET", "/api/models/google-bert/bert-base-uncased", EXPAND, headers=JSON,
                              body=handmade(SRC, "model_info__google-bert_bert-base-uncased__expanded__handmade.json"))
    model = run(hf.get_model(fetch, "google-bert/bert-base-uncased"))
    assert sorted(fetch.calls[0].params["expand[]"]) == ["author", "createdAt", "downloads", "downloadsAllTime", "likes"]
    assert (model.downloads_30d, model.downloads_all_time, model.likes) == (72376843, 1500000000, 2065)
    assert (model.author, model.created) == ("google-bert", "2022-03-02")


def test_redirect_followed_by_the_fetcher_reports_the_canonical_id():
    status, headers = cassette_response(fixture(SRC, CASSETTE), 1)
    fetch = FakeFetcher().add(SRC, "GET", "/api/models/bert-base-uncased", EXPAND, status=status, headers=headers,
                              url="https://huggingface.co/api/models/google-bert/bert-base-uncased",
                              body=fixture(SRC, "model_info__google-bert_bert-base-uncased.body.json"))
    model = run(hf.get_model(fetch, "bert-base-uncased"))
    assert model.id == "google-bert/bert-base-uncased"
    assert model.url == "https://huggingface.co/google-bert/bert-base-uncased"
    assert model.downloads_30d == 72376843 and model.downloads_all_time is None


def test_recorded_307_reaching_the_adapter_is_followed_once():
    cassette = fixture(SRC, CASSETTE)
    status307, headers307 = cassette_response(cassette, 0)
    status200, headers200 = cassette_response(cassette, 1)
    fetch = (
        FakeFetcher()
        .add(SRC, "GET", "/api/models/bert-base-uncased", EXPAND, status=status307, headers=headers307,
             body=fixture(SRC, "model_info__bert-base-uncased__307_redirect.body.txt"))
        .add(SRC, "GET", "/api/models/google-bert/bert-base-uncased", EXPAND, status=status200, headers=headers200,
             body=fixture(SRC, "model_info__google-bert_bert-base-uncased.body.json"))
    )
    assert status307 == 307
    model = run(hf.get_model(fetch, "bert-base-uncased"))
    assert model.id == "google-bert/bert-base-uncased"
    assert [c.path for c in fetch.calls] == ["/api/models/bert-base-uncased", "/api/models/google-bert/bert-base-uncased"]


def test_canonical_id_from_the_final_url_when_the_body_has_none():
    data = load_json(handmade(SRC, "model_info__expanded_without_id__handmade.json"))
    model = hf.parse_model(data, final_url="https://huggingface.co/api/models/stabilityai/stable-diffusion-2-1?expand[]=likes",
                           requested="sd-2-1-old-name")
    assert model.id == "stabilityai/stable-diffusion-2-1"
    assert model.likes == 3928


def test_recorded_full_body_without_expand():
    model = hf.parse_model(load_json(fixture(SRC, "model_info__stabilityai_stable-diffusion-2-1.body.json")))
    assert (model.id, model.downloads_30d, model.created) == ("stabilityai/stable-diffusion-2-1", 1015720, "2022-12-06")


@pytest.mark.parametrize(("status", "headers"), [(401, {**JSON, "x-error-code": "RepoNotFound"}), (401, JSON), (404, JSON)])
def test_missing_private_or_gated_model_is_none(status, headers):
    fetch = FakeFetcher().add(SRC, "GET", "/api/models/someone/secret", EXPAND, status=status, headers=headers,
                              body=handmade(SRC, "repo_not_found_401__handmade.json"))
    assert run(hf.get_model(fetch, "someone/secret")) is None


def test_bad_token_rate_limit_and_bad_ids_are_source_errors():
    fetch = FakeFetcher().add(SRC, "GET", "/api/models/a/b", EXPAND, status=401, headers=JSON,
                              body=handmade(SRC, "invalid_token_401__handmade.json"))
    with pytest.raises(SourceError, match="token"):
        run(hf.get_model(fetch, "a/b"))
    fetch.add(SRC, "GET", "/api/models/a/b", EXPAND, status=429, headers={"content-type": "text/plain"}, body="slow down")
    with pytest.raises(SourceError, match="429"):
        run(hf.get_model(fetch, "a/b"))
    fetch.add(SRC, "GET", "/api/models/a/b", EXPAND, status=404, headers={"content-type": "text/html"}, body="<html/>")
    with pytest.raises(SourceError, match="404"):
        run(hf.get_model(fetch, "a/b"))  # not the Hub's own answer: could not check, not "missing"
    for bad in ["../admin", "a/b/c", "a b", ""]:
        with pytest.raises(SourceError, match="not a Hugging Face"):
            run(hf.get_model(fetch, bad))
