"""The bundled examples/ are made up to exercise the catalogue: every rule fires on at least one,
at the line it is about. They are written as of 2026-08-01 (the demo passes that date)."""

from __future__ import annotations

import pytest

from auditor.catalog.examples import as_point
from tests.conftest import EXAMPLES

EXAMPLES_AS_OF = "2026-08-01"


@pytest.fixture(scope="module")
def reports(catalog):
    """The examples audited as one batch, as scripts/audit-examples.sh does (so batch rules run)."""
    from auditor.batch import Settings, run_batch, shared_rule
    from auditor.engine import AuditConfig

    files = sorted(EXAMPLES.iterdir())
    from auditor.models import Report

    # The reports as the batch writes them (the outcomes themselves carry only index summaries).
    settings = Settings(as_point(EXAMPLES_AS_OF), EXAMPLES_AS_OF, AuditConfig(), formats=("json",))
    outcomes = run_batch(files, settings, 1, shared_rule(catalog, AuditConfig()))
    return {files[o.index].name: Report.model_validate_json(o.rendered["json"]) for o in outcomes if o.rendered}


def test_every_rule_fires_on_some_example(reports, catalog) -> None:
    """Offline rules here; the rules over online answers fire on en_online_researcher.md in
    tests/test_online_e2e.py, replayed from a local server."""
    fired = {f.rule_id for r in reports.values() for f in r.findings}
    online_only = {r.id for r in catalog.rules if any(ex.online for ex in r.examples)}
    missing = sorted({r.id for r in catalog.rules} - fired - online_only)
    assert not missing, f"rules with no example resume: {missing}"


@pytest.mark.parametrize(
    ("example", "rule", "line"),
    [
        ("zh_llm_engineer.md", "TIM001", 13),
        ("zh_llm_engineer.md", "MET001", 14),
        ("zh_llm_engineer.md", "CON001", 9),
        ("zh_llm_engineer.md", "CON004", 29),
        ("zh_phd_student.txt", "MET002", 21),
        ("zh_phd_student.txt", "PUB006", 16),
        ("zh_phd_student.txt", "PUB003", 17),
        ("en_ml_researcher.md", "PUB002", 24),
        ("en_ml_researcher.md", "TIM004", 5),
        ("en_ml_researcher.md", "ANA002", 14),
        ("en_jsonresume.json", "TIM003", 15),
        ("zh_nlp_intern.md", "CON006", 13),
        ("zh_cv_engineer.txt", "CON006", 10),
        ("en_template_fork.md", "TIM014", 10),
    ],
)
def test_finding_quotes_the_intended_line(reports, example: str, rule: str, line: int) -> None:
    findings = [f for f in reports[example].findings if f.rule_id == rule]
    assert findings, f"{rule} did not fire on {example}"
    assert findings[0].evidence[0].line == line
    assert findings[0].evidence[0].text == reports[example].text[line - 1].strip()


def test_internship_during_a_degree_is_not_a_conflict(reports) -> None:
    # 海棠网络 (2018.03-2018.06) is an internship inside the master's (2015.09-2018.06)
    assert not [f for f in reports["zh_llm_engineer.md"].findings if f.rule_id == "TIM002"]
