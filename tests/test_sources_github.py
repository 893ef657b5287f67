"""GitHub adapter on recorded responses: stars, owner and type, created date, forks and
their parent, the current 404 shape, and an exhausted rate limit."""

from __future__ import annotations

import pytest

from auditor.verify.records import SourceError
from auditor.verify.sources import github
from tests.verify_fixtures import JSON, FakeFetcher, fixture, handmade, load_json, octokit_raw_headers, pygithub_replay_headers, run

SRC = "github"


def test_repository_from_a_recorded_replay():
    status, headers = pygithub_replay_headers(fixture(SRC, "repo__PyGithub_PyGithub__authenticated_2025-01.pygithub-replay.txt"))
    fetch = FakeFetcher().add(SRC, "GET", "/repos/PyGithub/PyGithub", status=status, headers=headers,
                              body=fixture(SRC, "repo__PyGithub_PyGithub__authenticated_2025-01.body.json"))
    repo = run(github.get_repo(fetch, "PyGithub", "PyGithub"))
    assert (repo.full_name, repo.stars, repo.created) == ("PyGithub/PyGithub", 7122, "2012-02-25")
    assert (repo.owner, repo.owner_type, repo.fork, repo.parent) == ("PyGithub", "Organization", False, None)
    assert repo.url == "https://github.com/PyGithub/PyGithub"
    assert fetch.calls[0].headers["Accept"] == "application/vnd.github+json"


def test_zero_star_repository_from_a_nock_recording():
    status, headers, body = octokit_raw_headers(fixture(SRC, "repo__octokit-fixture-org_hello-world__authenticated_2022.octokit-raw-fixture.json"))
    repo = github.parse_repo(body)
    assert status == 200 and headers["content-type"].startswith("application/json")
    assert (repo.stars, repo.created, repo.owner_type) == (0, "2017-09-15", "Organization")


def test_fork_names_its_parent():
    repo = github.parse_repo(load_json(handmade(SRC, "repo__fork_with_parent__handmade.json")))
    assert (repo.fork, repo.parent, repo.stars) == (True, "huggingface/transformers", 2)


def test_current_404_shape_is_none():
    fetch = FakeFetcher().add(SRC, "GET", "/repos/someone/missing", status=404, headers=JSON,
                              body=fixture(SRC, "repo_not_found_404__current_shape__quoted.body.json"))
    assert run(github.get_repo(fetch, "someone", "missing.git")) is None


def test_exhausted_rate_limit_is_a_source_error_not_a_missing_repo():
    fetch = FakeFetcher().add(SRC, "GET", "/repos/someone/repo", status=403,
                              headers={**JSON, "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1736238735"},
                              body=handmade(SRC, "rate_limited_403__handmade.json"))
    with pytest.raises(SourceError, match="rate limit"):
        run(github.get_repo(fetch, "someone", "repo"))


def test_names_that_are_not_github_names_are_never_sent():
    fetch = FakeFetcher()
    for owner, name in [("..", "x"), ("a", ".."), ("a/b", "c"), ("a", "b?x=1"), ("-a", "b")]:
        with pytest.raises(SourceError, match="not a GitHub"):
            run(github.get_repo(fetch, owner, name))
    assert fetch.calls == []


def test_user_account():
    status, headers = pygithub_replay_headers(fixture(SRC, "user__jacquev6__authenticated_2025-01.pygithub-replay.txt"))
    fetch = FakeFetcher().add(SRC, "GET", "/users/jacquev6", status=status, headers=headers,
                              body=fixture(SRC, "user__jacquev6__authenticated_2025-01.body.json"))
    user = run(github.get_user(fetch, "jacquev6"))
    assert (user["public_repos"], user["followers"], user["created"], user["type"]) == (38, 98, "2010-07-09", "User")


def test_server_error_and_bad_shape_are_source_errors():
    fetch = FakeFetcher().add(SRC, "GET", "/repos/a/b", status=502, headers={"content-type": "text/html"}, body="<html/>")
    with pytest.raises(SourceError, match="502"):
        run(github.get_repo(fetch, "a", "b"))
    with pytest.raises(SourceError):
        github.parse_repo({"full_name": "a/b", "owner": {"login": "a"}})  # no star count
