"""What a public source says about a paper, a repository, a model or a scholar profile.

Every adapter turns its source's response into these records, so the judging code
(`verify.judge`) compares one shape with the resume, whatever the source. The records
hold only public metadata.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# What a record says about a paper's state. `preprint` = only on arXiv/CoRR/SSRN;
# `published` = in a venue's proceedings or a journal; the rest come from OpenReview.
RecordStatus = Literal["published", "accepted", "preprint", "under_review", "rejected", "withdrawn", "unknown"]


SOURCE_NAMES = {
    "semantic_scholar": "Semantic Scholar", "dblp": "DBLP", "openalex": "OpenAlex", "crossref": "Crossref", "arxiv": "arXiv",
    "openreview": "OpenReview", "github": "GitHub", "huggingface": "Hugging Face", "google_scholar": "Google Scholar", "links": "links",
}


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PaperRecord(_Record):
    source: str  # semantic_scholar | dblp | openalex | crossref | arxiv | openreview
    id: str  # the source's own id (S2 paperId, DBLP key, OpenAlex W-id, DOI, arXiv id, forum id)
    title: str
    authors: list[str] = Field(default_factory=list)  # in author order, as the source spells them
    venue: str | None = None  # as the source names it ("AAAI", "CoRR", "ICLR 2024 poster")
    venue_key: str | None = None  # a stable venue id when the source has one ("conf/aaai", "ICLR.cc/2024/Conference")
    year: int | None = None
    status: RecordStatus = "unknown"
    url: str | None = None
    doi: str | None = None
    arxiv_id: str | None = None
    citations: int | None = None


class RepoRecord(_Record):
    source: Literal["github"] = "github"
    full_name: str  # owner/name after redirects (a renamed repo reports its new name)
    owner: str
    owner_type: str | None = None  # User | Organization
    stars: int
    fork: bool = False
    parent: str | None = None  # full_name of the repo this one was forked from
    created: str | None = None  # YYYY-MM-DD
    url: str


class ModelRecord(_Record):
    source: Literal["huggingface"] = "huggingface"
    id: str  # canonical id after redirects ("google-bert/bert-base-uncased")
    author: str | None = None
    downloads_30d: int | None = None
    downloads_all_time: int | None = None
    likes: int | None = None
    created: str | None = None
    url: str


class ScholarProfile(_Record):
    source: Literal["google_scholar"] = "google_scholar"
    id: str
    name: str
    affiliation: str | None = None
    citations: int | None = None
    h_index: int | None = None
    url: str


class SourceError(Exception):
    """A source could not answer (network, rate limit, anti-bot challenge, bad response).

    Always reported as status `error` ("could not check"), never as a finding against the
    candidate and never as `not_found`.
    """

    def __init__(self, source: str, reason: str, code: str | None = None, **values: object):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason  # English, as the JSON has always carried it
        self.code = code  # the common reasons have one, so a report can say them in its language
        self.values = values

    def said_in(self, lang: str) -> str:
        from auditor.verify.wording import reason

        return reason(lang, self)
