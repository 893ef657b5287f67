"""The adapters through the real client and a real local HTTP server serving the recorded
responses (../shared/fixtures): redirects, non-JSON errors and challenges as they arrive on
the wire, not only as a fake Fetcher hands them over."""

from __future__ import annotations

import asyncio

import pytest
import stamina

from auditor.verify.client import Client
from auditor.verify.records import SourceError
from auditor.verify.sources import crossref, github, huggingface, openreview, semantic_scholar
from tests.replay_server import Answer, ReplayServer
from tests.verify_fixtures import fixture, handmade


@pytest.fixture(autouse=True)
def _no_waiting():
    with stamina.set_testing(True, attempts=2):
        yield


def run(server: ReplayServer, source: str, call):
    async def go():
        async with Client(now=0.0, env={f"RESUME_AUDIT_{source.upper()}_URL": server.url}) as client:
            return await call(client)

    return asyncio.run(go())


def test_hugging_face_307_rename_is_followed_to_the_canonical_id():
    body = fixture("huggingface", "model_info__google-bert_bert-base-uncased.body.json").read_bytes()
    with ReplayServer() as server:
        server.route("/api/models/bert-base-uncased", Answer(307, fixture("huggingface", "model_info__bert-base-uncased__307_redirect.body.txt").read_bytes(),
                     {"content-type": "text/plain; charset=utf-8", "location": "/api/models/google-bert/bert-base-uncased"}))
        server.route("/api/models/google-bert/bert-base-uncased", Answer(200, body))
        model = run(server, "huggingface", lambda c: huggingface.get_model(c, "bert-base-uncased"))
    assert model is not None and model.id == "google-bert/bert-base-uncased" and model.author == "google-bert"
    assert model.downloads_30d == 72376843


def test_github_301_transfer_reports_the_new_name():
    body = fixture("github", "repo__PyGithub_PyGithub__authenticated_2025-01.body.json").read_bytes()
    with ReplayServer() as server:
        server.route("/repos/jacquev6/PyGithub", Answer(301, b'{"message":"Moved Permanently"}', {"content-type": "application/json", "location": "/repos/PyGithub/PyGithub"}))
        server.route("/repos/PyGithub/PyGithub", Answer(200, body))
        repo = run(server, "github", lambda c: github.get_repo(c, "jacquev6", "PyGithub"))
    assert repo is not None and repo.full_name == "PyGithub/PyGithub" and repo.stars == 7122 and repo.owner_type == "Organization"


def test_github_404_current_shape_is_no_repository():
    with ReplayServer() as server:
        server.route("/repos/a/missing", Answer(404, fixture("github", "repo_not_found_404__current_shape__quoted.body.json").read_bytes()))
        assert run(server, "github", lambda c: github.get_repo(c, "a", "missing")) is None


def test_crossref_404_in_plain_text_is_not_found():
    with ReplayServer() as server:
        server.route("/works/10.1371/notarealdoi", Answer(404, fixture("crossref", "work__doi_10.1371_notarealdoi__404.body.txt").read_bytes(), {"content-type": "text/plain"}))
        assert run(server, "crossref", lambda c: crossref.get_work(c, "10.1371/notarealdoi")) is None


def test_openreview_anti_bot_challenge_is_could_not_check():
    with ReplayServer() as server:
        server.route("/notes/search", Answer(403, handmade("openreview", "challenge_403__handmade.json").read_bytes()))
        with pytest.raises(SourceError):
            run(server, "openreview", lambda c: openreview.search_paper(c, "Knowledge Fusion of Large Language Models"))


def test_semantic_scholar_429_body_without_retry_after_is_could_not_check():
    with ReplayServer() as server:
        server.route("/paper/search/match", Answer(429, fixture("semantic_scholar", "error_429__too_many_requests.body.json").read_bytes()))
        with pytest.raises(SourceError, match="429"):
            run(server, "semantic_scholar", lambda c: semantic_scholar.search_paper(c, "Knowledge Fusion of Large Language Models"))
        assert len(server.requests) == 2  # retried, then gave up


def test_semantic_scholar_batch_with_an_unknown_id_keeps_its_place():
    body = fixture("semantic_scholar", "paper_batch__4_ids_one_unknown__all_fields.body.json").read_bytes()
    with ReplayServer() as server:
        server.route("/paper/batch", Answer(200, body))
        papers = run(server, "semantic_scholar", lambda c: semantic_scholar.get_papers(c, ["CorpusId:0", "CorpusId:1", "CorpusId:2", "CorpusId:3"]))
    assert papers[0] is None and all(p is not None for p in papers[1:])
    assert server.requests[0][0] == "POST"
