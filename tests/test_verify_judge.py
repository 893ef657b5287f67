"""Judging what the sources found against what the resume says: the cases that must raise a
question, and the normal situations (index lag, resubmission, equal contribution, a failing
source) that must not. Records here are hand-made PaperRecords unless a test says otherwise."""

from __future__ import annotations

import pytest

from auditor.models import Publication
from auditor.verify.judge import judge_downloads, judge_paper, judge_stars
from auditor.verify.records import ModelRecord, PaperRecord, RepoRecord, SourceError

TITLE = "AutoDebias: Learning to Debias for Recommendation"
# The real author list of AutoDebias (SIGIR 2021), as in research/public-sources.md: Hande Dong is 2nd.
AUTODEBIAS = ["Jiawei Chen", "Hande Dong", "Yang Qiu", "Xiangnan He", "Xin Xin", "Liang Chen", "Guli Lin", "Keping Yang"]


def pub(**kw) -> Publication:
    base = dict(title=TITLE, venue="SIGIR", venue_id="sigir", year=2021, status="published", line=3)
    base.update(kw)
    return Publication(**base)


def rec(source="dblp", **kw) -> PaperRecord:
    base = dict(source=source, id="x", title=TITLE + ".", authors=AUTODEBIAS, venue="SIGIR", venue_key="conf/sigir/ChenDQHXCLY21",
                year=2021, status="published", url="https://dblp.org/rec/conf/sigir/ChenDQHXCLY21")
    base.update(kw)
    return PaperRecord(**base)


def judge(p, results, names=("董汉德",), as_of_year=2026, catalog=None):
    from auditor.catalog import load_catalog

    return judge_paper(p, list(names), results, (catalog or load_catalog()).kb, as_of_year)


def test_chinese_name_found_at_the_claimed_position_is_confirmed():
    check = judge(pub(author_position=2, position_source="stated"), {"dblp": [rec()]})
    assert check.status == "confirmed" and check.found.startswith("2nd of 8")


def test_first_author_claim_against_second_place_is_contradicted():
    check = judge(pub(author_position=1, position_source="stated"), {"dblp": [rec()]})
    assert check.status == "contradicted" and check.issues == ["authorship"]
    assert "DBLP lists the candidate 2nd of 8" in check.detail


def test_equal_contribution_first_author_listed_second_is_not_flagged():
    check = judge(pub(author_position=1, position_source="stated", equal_contribution=True), {"dblp": [rec()]})
    assert "authorship" not in check.issues


def test_a_different_person_with_the_same_family_name_is_not_the_candidate():
    authors = ["Jiawei Chen", "Hanbing Dong", "Yang Qiu"]
    check = judge(pub(author_position=2, position_source="stated"), {"dblp": [rec(authors=authors)]})
    assert check.issues == ["not_an_author"]


def test_nothing_found_is_not_found_and_errors_alone_are_could_not_check():
    nothing = judge(pub(), {"dblp": [], "semantic_scholar": [rec(source="semantic_scholar", title="A Different Paper Entirely About Bias")]})
    assert nothing.status == "not_found"
    failed = judge(pub(), {"dblp": SourceError("dblp", "HTTP 429 after 4 attempts"), "openreview": SourceError("openreview", "anti-bot challenge")})
    assert failed.status == "error" and "could not check" in failed.detail and failed.issues == []


def test_a_truncated_title_is_not_taken_for_the_paper():
    check = judge(pub(), {"dblp": [rec(title="AutoDebias")]})
    assert check.status == "not_found"


def test_under_review_after_openreview_accepted_is_a_status_question():
    p = pub(title="Knowledge Fusion of Large Language Models", venue="ICLR", venue_id="iclr", year=2024, status="under_review")
    r = rec(source="openreview", title="Knowledge Fusion of Large Language Models", venue="ICLR 2024 poster",
            venue_key="ICLR.cc/2024/Conference", year=2024, status="accepted", authors=["Fanqi Wan", "Xinting Huang"])
    check = judge(p, {"openreview": [r]}, names=("Fanqi Wan",))
    assert check.status == "contradicted" and check.issues == ["status"]


def test_rejected_at_one_venue_and_under_review_at_another_is_normal():
    p = pub(title="Knowledge Fusion of Large Language Models", venue="ICML", venue_id="icml", year=2024, status="under_review")
    r = rec(source="openreview", title="Knowledge Fusion of Large Language Models", venue="Submitted to ICLR 2024",
            venue_key="ICLR.cc/2024/Conference/Rejected_Submission", year=2024, status="rejected", authors=["Fanqi Wan"])
    assert judge(p, {"openreview": [r]}, names=("Fanqi Wan",)).issues == []


@pytest.mark.parametrize(("year", "flagged"), [(2025, False), (2022, True)])
def test_published_claim_with_only_a_preprint_allows_for_index_lag(year, flagged):
    p = pub(year=year)
    r = rec(source="semantic_scholar", venue="arXiv.org", venue_key=None, year=year, status="preprint")
    check = judge(p, {"semantic_scholar": [r]}, as_of_year=2026)
    assert ("only_preprint" in check.issues) is flagged


def test_main_track_claim_with_a_findings_record_is_a_venue_question():
    p = pub(title="Clustering-Aware Negative Sampling for Dense Retrieval", venue="EMNLP", venue_id="emnlp", year=2023)
    r = rec(title="Clustering-Aware Negative Sampling for Dense Retrieval", venue="EMNLP (Findings)", venue_key="conf/emnlp/DongXC23", year=2023,
            authors=["Hande Dong", "Yutao Xie", "Jiawei Chen"])
    assert judge(p, {"dblp": [r]}).issues == ["venue"]


def test_an_unplaceable_venue_string_is_never_called_a_different_venue():
    r = rec(source="openalex", venue="Proceedings of Something We Do Not Know", venue_key=None)
    assert "venue" not in judge(pub(), {"openalex": [r]}).issues


def test_stars_grow_so_only_a_large_shortfall_is_contradicted():
    repo = lambda n, fork=False: RepoRecord(full_name="a/b", owner="a", stars=n, fork=fork, url="https://github.com/a/b")  # noqa: E731
    assert judge_stars(2400, repo(180), "u").status == "contradicted"
    assert judge_stars(2400, repo(1500), "u").status == "confirmed"  # unstarred accounts, a count taken later: not worth asking
    assert judge_stars(2400, repo(9000), "u").status == "confirmed"
    assert judge_stars(2400, None, "u").status == "not_found"
    assert judge_stars(2400, SourceError("github", "rate limit"), "u").status == "error"


def test_a_thirty_day_download_count_never_refutes_an_all_time_claim():
    recent_only = ModelRecord(id="a/m", downloads_30d=900, url="https://huggingface.co/a/m")
    assert judge_downloads(500_000, recent_only, "u").status == "error"
    all_time = ModelRecord(id="a/m", downloads_30d=900, downloads_all_time=12_000, url="https://huggingface.co/a/m")
    assert judge_downloads(500_000, all_time, "u").status == "contradicted"


def test_under_review_with_no_venue_after_a_rejection_elsewhere_is_normal():
    p = pub(title="Knowledge Fusion of Large Language Models", venue=None, venue_id=None, year=None, status="under_review")
    r = rec(source="openreview", title="Knowledge Fusion of Large Language Models", venue="Submitted to ICLR 2024",
            venue_key="ICLR.cc/2024/Conference/Rejected_Submission", year=2024, status="rejected", authors=["Fanqi Wan"])
    assert judge(p, {"openreview": [r]}, names=("Fanqi Wan",)).issues == []


def test_a_workshop_acceptance_is_not_the_main_conference_decision():
    p = pub(title="Knowledge Fusion of Large Language Models", venue="ICLR", venue_id="iclr", year=2025, status="under_review")
    r = rec(source="openreview", title="Knowledge Fusion of Large Language Models", venue="ICLR 2025 Workshop SSI-FM",
            venue_key="ICLR.cc/2025/Workshop/SSI-FM", year=2025, status="accepted", authors=["Fanqi Wan"])
    assert judge(p, {"openreview": [r]}, names=("Fanqi Wan",)).issues == []


def test_two_different_main_conferences_are_not_related():
    """Both have no parent; that is no kinship (SIGIR claimed, every source says CIKM)."""
    from auditor.catalog import load_catalog
    from auditor.verify.judge import _related

    kb = load_catalog().kb
    assert not _related("kdd", {"neurips"}, kb)
    assert not _related("sigir", {"cikm"}, kb)
    assert not _related("cikm", {"sigir"}, kb)


def test_a_claim_at_one_main_conference_found_at_another_is_a_venue_question():
    """Hand-made records: claimed SIGIR 2023, DBLP and OpenAlex both say CIKM 2023."""
    title = "Graph Contrastive Learning for Sequential Recommendation Revisited"
    p = pub(title=title, venue="SIGIR", venue_id="sigir", year=2023)
    found = {
        "dblp": [rec(title=title, venue="CIKM", venue_key="conf/cikm/ChenDQ23", year=2023)],
        "openalex": [rec(source="openalex", title=title, venue="CIKM", venue_key=None, year=2023)],
    }
    check = judge(p, found)
    assert check.status == "contradicted" and check.issues == ["venue"]
    assert "CIKM" in check.detail


def test_a_workshop_or_the_findings_of_the_claimed_venue_stay_related():
    """A workshop linked to its conference by `parent` (a hand-made KB entry) and Findings of one
    conference seen from another Findings of that conference stay one family; Findings of a
    different conference do not."""
    from auditor.catalog import load_catalog
    from auditor.catalog.kb import KnowledgeBase, Venue
    from auditor.verify.judge import _related

    kb = load_catalog().kb
    workshop = Venue(id="sigir-ws-demo", name="A SIGIR workshop (hand-made)", short="SIGIR-WS", kind="workshop", aliases=[], parent="sigir")
    with_ws = KnowledgeBase(venues=[*kb.venues, workshop])
    assert _related("sigir", {"sigir-ws-demo"}, with_ws)
    assert _related("sigir-ws-demo", {"sigir"}, with_ws)
    assert not _related("cikm", {"sigir-ws-demo"}, with_ws)
    assert _related("emnlp-findings", {"emnlp-findings", "emnlp"}, kb) is False  # main and Findings mixed: a question
    assert not _related("emnlp-findings", {"acl-findings"}, kb)


def test_a_record_at_a_workshop_of_the_claimed_conference_is_not_a_different_venue():
    """Hand-made DBLP record: 'SIGIR 2021 Workshop …' for a SIGIR 2021 claim raises no venue question."""
    r = rec(venue="SIGIR Workshop on eCommerce", venue_key="conf/sigir/ecom2021")
    assert "venue" not in judge(pub(), {"dblp": [r]}).issues


def test_a_findings_claim_found_in_the_same_findings_is_confirmed():
    title = "Clustering-Aware Negative Sampling for Dense Retrieval"
    p = pub(title=title, venue="Findings of EMNLP", venue_id="emnlp-findings", year=2023)
    r = rec(title=title, venue="EMNLP (Findings)", venue_key="conf/emnlp/DongXC23", year=2023, authors=["Hande Dong", "Yutao Xie", "Jiawei Chen"])
    assert judge(p, {"dblp": [r]}).issues == []
