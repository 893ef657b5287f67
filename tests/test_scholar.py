"""Google Scholar through scholarly: its Author dict read into our record, and the hard timeout
(scholarly can retry for minutes when Scholar blocks it). scholarly itself is an optional extra
and is never imported here; its host is hard-coded, so nothing is served."""

from __future__ import annotations

import asyncio
import threading

import pytest

from auditor.verify.records import SourceError
from auditor.verify.sources import scholar
from auditor.verify.sources.scholar import ScholarlySource, profile_from_author


def test_author_dict_to_profile():
    # Keys as scholarly.fill(author, sections=["basics", "indices"]) returns them (research notes, section 9).
    author = {"name": "Hande Dong", "affiliation": "Tencent", "citedby": 1234, "hindex": 12, "i10index": 14, "scholar_id": "AbCdEfGhIjKl"}
    p = profile_from_author(author, "AbCdEfGhIjKl")
    assert (p.name, p.citations, p.h_index) == ("Hande Dong", 1234, 12)
    assert p.url == "https://scholar.google.com/citations?user=AbCdEfGhIjKl"
    assert profile_from_author({}, "x") is None


def test_a_stuck_lookup_is_abandoned_at_the_timeout(monkeypatch):
    release = threading.Event()
    monkeypatch.setattr(ScholarlySource, "__init__", lambda self, timeout=0.2: setattr(self, "timeout", timeout))
    monkeypatch.setattr(ScholarlySource, "_lookup", staticmethod(lambda user_id: release.wait(30) or {}))
    source = ScholarlySource()
    with pytest.raises(SourceError, match="no answer within"):
        asyncio.run(source.profile("AbCdEfGhIjKl"))
    release.set()  # the abandoned worker is a daemon thread; let it finish


def test_a_scraping_failure_is_could_not_check(monkeypatch):
    def blocked(user_id):
        raise RuntimeError("Cannot Fetch from Google Scholar.")

    monkeypatch.setattr(ScholarlySource, "__init__", lambda self, timeout=5: setattr(self, "timeout", timeout))
    monkeypatch.setattr(ScholarlySource, "_lookup", staticmethod(blocked))
    with pytest.raises(SourceError, match="Cannot Fetch"):
        asyncio.run(ScholarlySource().profile("AbCdEfGhIjKl"))
    assert scholar.SOURCE == "google_scholar"
