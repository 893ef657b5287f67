"""Run every example of every rule in rules/*.yaml as its own pytest case (e.g. TIM001-fail-0).

A batch rule's example has two resumes (the example and its `peer`); each is checked against
its own marks."""

import pytest

from auditor.catalog import load_catalog
from auditor.catalog.examples import RuleExample, example_findings, iter_examples

CATALOG = load_catalog()
EXAMPLES = list(iter_examples(CATALOG))


@pytest.mark.parametrize("ex", EXAMPLES, ids=lambda ex: ex.test_id)
def test_rule_example(ex: RuleExample) -> None:
    if ex.todo:
        pytest.xfail(ex.note or "known gap")
    for which, (findings, marked) in enumerate(zip(example_findings(ex, CATALOG), ex.expected())):
        resume = "the peer" if which else "the example"
        if ex.kind == "pass":
            assert findings == [], f"{ex.rule_id} fired on {resume} of a passing example ({ex.note}): {[f.message for f in findings]}"
            continue
        assert len(findings) == 1, f"{ex.rule_id} on {resume}: want 1 finding, got {len(findings)}: {[f.message for f in findings]}"
        assert {e.line for e in findings[0].evidence} == marked
        assert "{" not in findings[0].message and "{" not in findings[0].questions[0], "a placeholder was not filled"


def test_a_batch_example_names_the_other_resume_and_its_line() -> None:
    ex = next(e for e in EXAMPLES if e.peer is not None and e.kind == "fail")
    mine, theirs = example_findings(ex, CATALOG)
    (peer_line,) = ex.peer_marked_lines
    (my_line,) = ex.marked_lines
    assert f"peer.txt (the first at its line {peer_line})" in mine[0].message or f"peer.txt 中（第一处在其第 {peer_line} 行）" in mine[0].message
    assert f"example.txt (the first at its line {my_line})" in theirs[0].message or f"example.txt 中（第一处在其第 {my_line} 行）" in theirs[0].message
