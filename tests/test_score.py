"""The risk score counts each problem once and says what it counted.

What a user would notice: a rank line whose Top-x% and medal both contradict it is one problem,
not two; seven leftovers of one kind do not outweigh a certain high finding; the report lists
what the score is made of.
"""

from __future__ import annotations

from auditor.catalog.examples import as_point
from auditor.ingest import ingest
from auditor.models import Evidence, Finding
from auditor.render import render
from auditor.report import build_report
from auditor.score import risk
from tests.conftest import AS_OF, seed


def _finding(rule: str, line: int, severity: str = "medium", confidence: str = "high", **extra) -> Finding:
    return Finding(id=f"{rule}-{line}", rule_id=rule, rule_name=rule.lower(), category="content", severity=severity,
                   confidence=confidence, title=rule, message="m", evidence=[Evidence(line=line, text="t")],
                   fingerprint=f"{rule}{line}", **extra)


def test_two_rules_on_one_line_are_one_problem_weighed_by_the_heavier() -> None:
    one_line = risk([_finding("MET002", 9, "high"), _finding("MET003", 9, "high")])
    alone = risk([_finding("MET002", 9, "high")])
    assert one_line.score == alone.score
    assert [p.folded for p in one_line.parts] == [["MET003-9"]]


def test_a_rule_firing_again_counts_half_as_much_each_time() -> None:
    seven = risk([_finding("CON001", n) for n in range(1, 8)])
    assert [p.weight for p in seven.parts][:3] == [10.0, 5.0, 2.5]
    certain_high_twice = risk([_finding("ANA001", 1, "high"), _finding("PUB002", 2, "high")])
    assert seven.score < certain_high_twice.score


def test_accepted_explained_and_info_findings_count_nothing() -> None:
    from auditor.models import Accepted

    quiet = [_finding("TIM008", 1, "info"), _finding("PUB011", 2, "low", explained_by="resume_age"),
             _finding("CON001", 3, accepted=Accepted(reason="known", by="hr"))]
    assert risk(quiet).score == 0 and risk(quiet).parts == []


def test_the_report_shows_the_breakdown_of_its_score() -> None:
    report = build_report(ingest(seed("000")), as_point(AS_OF), as_of_text=AS_OF, lang="en")
    html = render(report, "html", lang="en")
    assert "How the score is made" in html
    lead = report.risk.parts[0]
    assert f'href="#{lead.finding_id}"' in html
    assert {p.rule_id for p in report.risk.parts}.isdisjoint({"MET003"}), "the medal is folded into the rank's problem"
