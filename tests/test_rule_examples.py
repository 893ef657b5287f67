"""Run every example of every rule in rules/*.yaml as its own pytest case (e.g. TIM001-fail-0)."""

import pytest

from auditor.catalog import load_catalog
from auditor.catalog.examples import RuleExample, iter_examples
from auditor.engine import audit_text

CATALOG = load_catalog()
EXAMPLES = list(iter_examples(CATALOG))


@pytest.mark.parametrize("ex", EXAMPLES, ids=lambda ex: ex.test_id)
def test_rule_example(ex: RuleExample) -> None:
    if ex.todo:
        pytest.xfail(ex.note or "known gap")
    findings = audit_text(ex.text, only=[ex.rule_id], as_of=ex.as_of, strict=True, catalog=CATALOG, online=list(ex.online))
    if ex.kind == "pass":
        assert findings == [], f"{ex.rule_id} fired on a passing example ({ex.note}): {[f.message for f in findings]}"
        return
    assert len(findings) == 1, f"{ex.rule_id}: want 1 finding, got {len(findings)}: {[f.message for f in findings]}"
    assert {e.line for e in findings[0].evidence} == ex.marked_lines
    assert "{" not in findings[0].message and "{" not in findings[0].questions[0], "a placeholder was not filled"
