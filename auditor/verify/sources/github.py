"""GitHub REST API: does a repository exist, who owns it, how many stars, when was it created,
and is it a fork (a fork's stars belong to the repository it was forked from).

Only names taken from a resume link are sent, and only after checking they are GitHub names,
so nothing else can be smuggled into the request path. A 404 is "no such public repository";
an exhausted rate limit is "could not check".
"""

from __future__ import annotations

import re
from typing import Any

from auditor.verify.fetch import Fetcher, Response
from auditor.verify.records import RepoRecord, SourceError
from auditor.verify.sources._common import error_text, expect, json_of, shape_checked, to_int

SOURCE = "github"
DEFAULT_BASE_URL = "https://api.github.com"
HEADERS = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}

_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")
_REPO = re.compile(r"^[A-Za-z0-9._-]{1,100}$")


async def get_repo(fetch: Fetcher, owner: str, name: str) -> RepoRecord | None:
    """The repository `owner/name` (its new name if it was renamed); None if there is no such public repository."""
    name = name.removesuffix(".git")
    if not _LOGIN.match(owner) or not _REPO.match(name) or name in (".", ".."):
        raise SourceError(SOURCE, "not a GitHub owner/repository name")
    resp = await fetch.request(SOURCE, "GET", f"/repos/{owner}/{name}", headers=HEADERS)
    if _is_not_found(resp):
        return None
    _raise_if_rate_limited(resp)
    return parse_repo(json_of(SOURCE, resp))


async def get_user(fetch: Fetcher, login: str) -> dict[str, Any] | None:
    """A user or organisation account: login, name, type, public_repos, followers, created, url."""
    if not _LOGIN.match(login):
        raise SourceError(SOURCE, "not a GitHub login")
    resp = await fetch.request(SOURCE, "GET", f"/users/{login}", headers=HEADERS)
    if _is_not_found(resp):
        return None
    _raise_if_rate_limited(resp)
    return parse_user(json_of(SOURCE, resp))


@shape_checked(SOURCE)
def parse_repo(data: Any) -> RepoRecord:
    """A `GET /repos/{owner}/{repo}` body as a RepoRecord."""
    expect(SOURCE, data, dict, "repository")
    owner = expect(SOURCE, data.get("owner"), dict, "owner")
    stars = to_int(data.get("stargazers_count"))
    if stars is None:
        raise SourceError(SOURCE, "repository without a star count")
    parent = data.get("parent") if isinstance(data.get("parent"), dict) else {}
    return RepoRecord(
        full_name=data["full_name"],
        owner=owner["login"],
        owner_type=owner.get("type"),
        stars=stars,
        fork=data.get("fork") is True,
        parent=parent.get("full_name"),
        created=_day(data.get("created_at")),
        url=data.get("html_url") or f"https://github.com/{data['full_name']}",
    )


@shape_checked(SOURCE)
def parse_user(data: Any) -> dict[str, Any]:
    expect(SOURCE, data, dict, "user")
    login = data["login"]
    return {
        "login": login,
        "name": data.get("name"),
        "type": data.get("type"),
        "public_repos": to_int(data.get("public_repos")),
        "followers": to_int(data.get("followers")),
        "created": _day(data.get("created_at")),
        "url": data.get("html_url") or f"https://github.com/{login}",
    }


def _is_not_found(resp: Response) -> bool:
    """GitHub's own 404 (`{"message":"Not Found",...}`), not a proxy's error page."""
    return resp.status == 404 and error_text(resp).lower() == "not found"


def _raise_if_rate_limited(resp: Response) -> None:
    if resp.status in (403, 429) and (
        resp.headers.get("x-ratelimit-remaining") == "0" or "rate limit" in error_text(resp).lower()
    ):
        reset = resp.headers.get("x-ratelimit-reset", "")
        raise SourceError(SOURCE, f"API rate limit exhausted (HTTP {resp.status}{', resets at ' + reset if reset else ''})", "github_limit")


def _day(value: Any) -> str | None:
    """`2012-02-25T12:53:47Z` -> `2012-02-25`."""
    return value[:10] if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value) else None
