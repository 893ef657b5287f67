"""Hugging Face Hub API: does a model exist, under which canonical id, with how many downloads
(last 30 days and all time) and likes, created when.

With `expand[]` the Hub returns only the listed properties, so every one used is listed. A
renamed model answers 307 to its new id; the record reports the canonical id. A missing,
private or gated-and-hidden model answers 401 (or 404): that is "not found", except for a
401 about bad credentials, which is "could not check".
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from auditor.verify.fetch import Fetcher, Response
from auditor.verify.records import ModelRecord, SourceError
from auditor.verify.sources._common import error_text, expect, is_json, json_of, redirect_path, shape_checked, to_int

SOURCE = "huggingface"
DEFAULT_BASE_URL = "https://huggingface.co"
EXPAND = ("author", "createdAt", "downloads", "downloadsAllTime", "likes")

_REPO_ID = re.compile(r"^[A-Za-z0-9][\w.-]{0,95}(?:/[A-Za-z0-9][\w.-]{0,95})?$")
_MODELS_PATH = "/api/models/"


async def get_model(fetch: Fetcher, repo_id: str) -> ModelRecord | None:
    """The model `repo_id` ("org/name", or a legacy bare name); None if the Hub does not show it."""
    repo_id = repo_id.strip()
    if not _REPO_ID.match(repo_id) or ".." in repo_id:
        raise SourceError(SOURCE, "not a Hugging Face repository id")
    params = [("expand[]", prop) for prop in EXPAND]
    path = _MODELS_PATH + repo_id
    resp = await fetch.request(SOURCE, "GET", path, params=params)
    # The fetcher follows redirects; if a 307 still reaches here, follow it once ourselves.
    if 300 <= resp.status < 400 and (target := redirect_path(resp)) and target.startswith(_MODELS_PATH):
        path = target
        resp = await fetch.request(SOURCE, "GET", path, params=params)
    if _is_missing(resp):
        return None
    return parse_model(json_of(SOURCE, resp), final_url=resp.url or path, requested=repo_id)


@shape_checked(SOURCE)
def parse_model(data: Any, final_url: str = "", requested: str = "") -> ModelRecord:
    """A `GET /api/models/{id}` body (full or expanded) as a ModelRecord.

    The canonical id comes from the body's `id`, else from the URL the answer came from
    (after a rename redirect), else from the id that was asked for.
    """
    expect(SOURCE, data, dict, "model")
    canonical = data.get("id") or data.get("modelId") or _id_from_url(final_url) or requested
    if not isinstance(canonical, str) or not canonical:
        raise SourceError(SOURCE, "model without an id")
    author = data.get("author") if isinstance(data.get("author"), str) else None
    created = data.get("createdAt")
    return ModelRecord(
        id=canonical,
        author=author or (canonical.split("/", 1)[0] if "/" in canonical else None),
        downloads_30d=to_int(data.get("downloads")),
        downloads_all_time=to_int(data.get("downloadsAllTime")),
        likes=to_int(data.get("likes")),
        created=created[:10] if isinstance(created, str) and len(created) >= 10 else None,
        url=f"https://huggingface.co/{canonical}",
    )


def _is_missing(resp: Response) -> bool:
    if resp.status not in (401, 404):
        return False
    if resp.headers.get("x-error-code") == "RepoNotFound":
        return True
    if "invalid credentials" in error_text(resp).lower():
        raise SourceError(SOURCE, f"token refused (HTTP {resp.status})")
    # The Hub's own answer is JSON or plain text; an HTML page means something else answered.
    return is_json(resp) or resp.content_type.startswith("text/plain")


def _id_from_url(url: str) -> str | None:
    path = urlsplit(url).path
    if _MODELS_PATH not in path:
        return None
    candidate = path.split(_MODELS_PATH, 1)[1].strip("/")
    return candidate if _REPO_ID.match(candidate) else None
