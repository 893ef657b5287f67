"""HAND-MADE responses for the end-to-end online test: a small made-up world (the papers, repo
and model of examples/en_online_researcher.md), answered in each source's response shape.

Nothing here was recorded; the shapes follow the recorded responses in ../shared/fixtures
(S2 /paper/search/match, DBLP publ search JSON, OpenAlex works, Crossref work-list, arXiv Atom,
GitHub repo, Hugging Face model) and, for OpenReview, the v2 note shape documented in
../shared/research/public-sources.md (no recording of it exists). Each source gets its own path
prefix on one local server: RESUME_AUDIT_<SOURCE>_URL = <server>/<prefix>.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from auditor.verify.titles import title_score
from tests.replay_server import Answer, ReplayServer

PREFIX = {
    "semantic_scholar": "/s2", "dblp": "/dblp", "openalex": "/openalex", "crossref": "/crossref",
    "arxiv": "/arxiv", "openreview": "/openreview", "github": "/github", "huggingface": "/hf",
}


@dataclass
class Paper:
    title: str
    authors: list[str]
    year: int
    dblp_key: str | None = None  # None: DBLP does not have it
    dblp_venue: str | None = None
    s2: bool = True
    openreview_venueid: str | None = None
    openreview_venue: str | None = None
    arxiv_id: str | None = None


@dataclass
class World:
    papers: list[Paper] = field(default_factory=list)
    repos: dict[str, dict] = field(default_factory=dict)  # "owner/name" -> GitHub repo JSON
    models: dict[str, dict] = field(default_factory=dict)  # "org/name" -> HF model JSON

    def find(self, query: str) -> list[Paper]:
        return [p for p in self.papers if title_score(query, p.title) >= 90]

    def env(self, server: ReplayServer) -> dict[str, str]:
        return {f"RESUME_AUDIT_{s.upper()}_URL": server.url + prefix for s, prefix in PREFIX.items()}

    def serve(self, server: ReplayServer) -> None:
        server.handle("/s2/", self._s2)
        server.handle("/dblp/", self._dblp)
        server.handle("/openalex/", self._openalex)
        server.handle("/crossref/", self._crossref)
        server.handle("/arxiv/", self._arxiv)
        server.handle("/openreview/", self._openreview)
        server.handle("/github/", self._github)
        server.handle("/hf/", self._hf)

    # --- one responder per source --------------------------------------------------------
    def _s2(self, path: str, q: dict) -> Answer:
        hits = [p for p in self.find(q.get("query", [""])[0]) if p.s2]
        if not hits:
            return Answer(404, json.dumps({"error": "Title match not found"}))
        p = hits[0]
        ext = {"DBLP": p.dblp_key or (f"journals/corr/abs-{p.arxiv_id.replace('.', '-')}" if p.arxiv_id else None), "ArXiv": p.arxiv_id}
        venue = p.dblp_venue if p.dblp_key else "arXiv.org"
        return Answer(200, json.dumps({"data": [{
            "paperId": f"s2{abs(hash(p.title)) % 10**8}", "title": p.title, "matchScore": 120.5, "venue": venue, "year": p.year,
            "authors": [{"authorId": str(i), "name": a} for i, a in enumerate(p.authors, 1)],
            "externalIds": {k: v for k, v in ext.items() if v}, "citationCount": 3, "publicationVenue": None,
            "publicationDate": f"{p.year}-05-01", "journal": {"name": venue}, "publicationTypes": ["Conference"] if p.dblp_key else None,
            "url": "https://www.semanticscholar.org/paper/made-up",
        }]}))

    def _dblp(self, path: str, q: dict) -> Answer:
        hits = []
        for p in self.find(q.get("q", [""])[0]):
            if p.dblp_key:
                key, venue, kind = p.dblp_key, p.dblp_venue, "Conference and Workshop Papers"
            elif p.arxiv_id:
                key, venue, kind = f"journals/corr/abs-{p.arxiv_id.replace('.', '-')}", "CoRR", "Informal and Other Publications"
            else:
                continue
            hits.append({"@score": "9", "@id": "1", "info": {
                "authors": {"author": [{"@pid": f"00/{i}", "text": a} for i, a in enumerate(p.authors)]},
                "title": p.title + ".", "venue": venue, "year": str(p.year), "type": kind, "key": key,
                "ee": f"https://doi.org/10.0000/{key}", "url": f"https://dblp.org/rec/{key}"}})
        hits_obj = {"@total": str(len(hits)), "@computed": str(len(hits)), "@sent": str(len(hits)), "@first": "0"}
        if hits:
            hits_obj["hit"] = hits
        return Answer(200, json.dumps({"result": {"query": q.get("q", [""])[0], "status": {"@code": "200", "text": "OK"}, "hits": hits_obj}}))

    def _openalex(self, path: str, q: dict) -> Answer:
        words = q.get("filter", [""])[0].split("title.search:", 1)[-1] or q.get("search", [""])[0]
        results = [{
            "id": "https://openalex.org/W0", "doi": None, "title": p.title, "display_name": p.title, "publication_year": p.year,
            "type": "article" if p.dblp_key else "preprint",
            "authorships": [{"author_position": "first" if i == 0 else "middle", "author": {"display_name": a}, "raw_author_name": a} for i, a in enumerate(p.authors)],
            "primary_location": {"source": {"display_name": p.dblp_venue if p.dblp_key else "arXiv (Cornell University)"}}, "cited_by_count": 3,
        } for p in self.find(words)]
        return Answer(200, json.dumps({"meta": {"count": len(results)}, "results": results}))

    def _crossref(self, path: str, q: dict) -> Answer:
        return Answer(200, json.dumps({"status": "ok", "message-type": "work-list", "message": {"total-results": 0, "items": []}}))

    def _arxiv(self, path: str, q: dict) -> Answer:
        feed = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
            'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">'
            '<id>https://arxiv.org/api/x</id><title>arXiv Query</title><updated>2026-01-01T00:00:00Z</updated>'
            '<opensearch:itemsPerPage>5</opensearch:itemsPerPage><opensearch:totalResults>0</opensearch:totalResults>'
            '<opensearch:startIndex>0</opensearch:startIndex></feed>'
        )
        return Answer(200, feed, {"content-type": "application/atom+xml"})

    def _openreview(self, path: str, q: dict) -> Answer:
        notes = [{
            "id": "made-up-forum", "forum": "made-up-forum", "pdate": 1769000000000, "domain": p.openreview_venueid,
            "content": {"title": {"value": p.title}, "authors": {"value": p.authors}, "venueid": {"value": p.openreview_venueid},
                        "venue": {"value": p.openreview_venue}},
        } for p in self.find(q.get("term", [""])[0]) if p.openreview_venueid]
        return Answer(200, json.dumps({"notes": notes, "count": len(notes)}))

    def _github(self, path: str, q: dict) -> Answer:
        full = path.removeprefix("/github/repos/")
        if full in self.repos:
            return Answer(200, json.dumps(self.repos[full]))
        return Answer(404, json.dumps({"message": "Not Found", "documentation_url": "https://docs.github.com/rest/repos/repos#get-a-repository", "status": "404"}))

    def _hf(self, path: str, q: dict) -> Answer:
        model = path.removeprefix("/hf/api/models/")
        if model in self.models:
            wanted = set(q.get("expand[]", []))
            body = {k: v for k, v in self.models[model].items() if not wanted or k in wanted or k in ("_id", "id")}
            return Answer(200, json.dumps(body))
        return Answer(401, json.dumps({"error": "Repository not found"}), {"content-type": "application/json", "x-error-code": "RepoNotFound"})


def researcher_world() -> World:
    """The made-up world behind examples/en_online_researcher.md (every VER rule has a case)."""
    return World(
        papers=[
            # under review on the resume; OpenReview has the accepted ICLR 2026 note (VER005)
            Paper("Sparse Routing for Compact Mixture-of-Experts Language Models", ["Weiting Shen", "Ana Ruiz", "Tom Becker"], 2025,
                  arxiv_id="2509.01234", openreview_venueid="ICLR.cc/2026/Conference", openreview_venue="ICLR 2026 Poster"),
            # "first author" on the resume; second in the record (VER006)
            Paper("Calibrated Reward Models for Long-Form Question Answering", ["Marco Li", "Weiting Shen"], 2025,
                  dblp_key="conf/nips/LiS25", dblp_venue="NeurIPS"),
            # EMNLP main on the resume; Findings in DBLP (VER007)
            Paper("Contrastive Retrieval with Hard Negative Mining at Scale", ["Weiting Shen", "Priya Nair"], 2024,
                  dblp_key="conf/emnlp/ShenN24", dblp_venue="EMNLP (Findings)"),
            # matches the resume in every respect: no finding
            Paper("Efficient KV-Cache Eviction via Learned Attention Sinks", ["Weiting Shen", "Ana Ruiz"], 2025,
                  dblp_key="conf/aaai/ShenR25", dblp_venue="AAAI"),
            # "Token-Level Uncertainty Estimates for Code Generation Agents" is nowhere (VER004)
        ],
        repos={"wtshen/moe-lite": {
            "id": 1, "name": "moe-lite", "full_name": "wtshen/moe-lite", "private": False, "fork": False,
            "owner": {"login": "wtshen", "type": "User"}, "html_url": "https://github.com/wtshen/moe-lite",
            "stargazers_count": 180, "watchers_count": 180, "forks_count": 12, "created_at": "2024-02-10T08:00:00Z",
        }},  # 2.4k stars claimed (VER008)
        models={"wtshen/tiny-reranker": {
            "_id": "65f0", "id": "wtshen/tiny-reranker", "author": "wtshen", "downloads": 900, "downloadsAllTime": 12000,
            "likes": 3, "createdAt": "2024-03-02T10:00:00.000Z",
        }},  # 500k+ downloads claimed (VER009)
    )
