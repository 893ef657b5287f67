"""Venue knowledge: names inside other names, multi-round and winter venues, day-precise notifications."""

import pytest

from auditor.checks.publication import decision_date
from auditor.engine import AuditConfig, audit, audit_text
from auditor.ingest import ingest_text
from auditor.parse import parse
from auditor.parse.dates import Point
from auditor.parse.publications import VenueIndex


@pytest.fixture(scope="module")
def venues(catalog) -> VenueIndex:
    return VenueIndex(catalog.kb.venues)


@pytest.mark.parametrize(
    ("text", "venue_id"),
    [
        ("Submitted to ACL Rolling Review (ARR) May 2025, under review", "arr"),
        ("Dense retrieval for legal search. SIGIR-AP 2026", "sigir-ap"),
        ("Pattern Recognition Letters, 2024", "prl"),
        ("Science China Information Sciences, 2023", "scis"),
        ("Fast Software Encryption 2022", "fse-crypto"),
        ("Information Sciences, 2023", "ins"),
        ("Pattern Recognition, 2024", "pr"),
        ("ACL 2025 (long paper)", "acl"),
    ],
)
def test_the_longest_venue_name_wins(venues: VenueIndex, text: str, venue_id: str) -> None:
    hit = venues.find(text)
    assert hit is not None and hit.venue_id == venue_id


def test_an_arr_cycle_is_not_a_stale_acl_submission() -> None:
    text = "Publications\n- Token Routing for Sparse Experts. ACL Rolling Review (ARR) May 2025, under review\n"
    assert audit_text(text, only=["PUB001"], as_of=Point(2026, 12), strict=True) == []


def test_winter_venues_decide_the_year_before(catalog) -> None:
    aaai = catalog.kb.venue_by_id["aaai"]
    point, _, exact = decision_date(aaai, 2027, margin_months=2)  # no exact 2027 entry: the typical month
    assert not exact and point.year == 2027 and point.month <= 2


def test_a_wacv_round_one_acceptance_is_not_premature() -> None:
    text = "Publications\n- Few-shot Defect Detection. WACV 2026, accepted\n"
    assert audit_text(text, only=["PUB002"], as_of=Point(2025, 10), strict=True) == []


def test_bare_fse_with_the_crypto_rank_is_not_a_mismatch() -> None:
    text = "Publications\n- Differential Attacks on Reduced Rounds. FSE 2022 (CCF-B)\n"
    assert audit_text(text, only=["PUB003"], as_of=Point(2026, 12), strict=True) == []


def _pub002(catalog, text: str, day: str):
    doc = ingest_text(text)
    y, m = int(day[:4]), int(day[5:7])
    config = AuditConfig(only={"PUB002"})
    return audit(doc, parse(doc, catalog.kb), catalog, Point(y, m), as_of_text=day, strict=True, config=config).findings


def test_acceptance_earlier_in_the_notification_month_is_seen(catalog) -> None:
    text = "Publications\n- Session Graphs for Search. WSDM 2027, accepted\n"  # WSDM 2027 notifies 2026-11-02
    assert [f.rule_id for f in _pub002(catalog, text, "2026-11-01")] == ["PUB002"]
    assert _pub002(catalog, text, "2026-11-03") == []
