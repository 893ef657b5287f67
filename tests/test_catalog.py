"""The catalogue itself: ids, names, texts in both languages, examples, checks, KB sources."""

import re
from pathlib import Path

import pytest

from auditor.catalog import load_catalog
from auditor.catalog.rules import CATEGORY_PREFIX
from auditor.checks import REGISTRY
from auditor.errors import RuleFileError
from auditor.resources import rules_dir


def test_ids_and_names(catalog) -> None:
    ids = [r.id for r in catalog.rules]
    assert len(ids) == len(set(ids))
    for r in catalog.rules:
        assert re.fullmatch(r"[A-Z]{3}\d{3}", r.id) and r.id.startswith(CATEGORY_PREFIX[r.category])
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r.name)
        assert not r.name.startswith(("no-", "check-", "bad-"))


def test_every_rule_is_documented_in_both_languages(catalog) -> None:
    for r in catalog.rules:
        for text in (r.title, r.message, r.question):
            assert text.en.strip() and text.zh.strip(), r.id
            assert re.search(r"[\u4e00-\u9fff]", text.zh), f"{r.id}: zh text has no Chinese"
        assert len(r.rationale.split()) >= 8, r.id
        kinds = [("fail" if e.fail is not None else "pass") for e in r.examples]
        assert "fail" in kinds and "pass" in kinds, f"{r.id} needs a failing and a passing example"


def test_every_check_is_used_and_every_rule_has_a_check(catalog) -> None:
    used = {r.check for r in catalog.rules}
    assert used <= set(REGISTRY)
    assert set(REGISTRY) <= used, f"unused checks: {set(REGISTRY) - used}"


def test_messages_are_phrased_as_things_to_verify(catalog) -> None:
    accusing = re.compile(r"\b(?:lied|lying|fake|fabricated|fraud|cheat)|造假|撒谎|欺骗|伪造", re.I)
    for r in catalog.rules:
        for text in (r.message.en, r.message.zh, r.question.en, r.question.zh):
            assert not accusing.search(text), r.id


def test_kb_entries_carry_sources(catalog) -> None:
    kb = catalog.kb
    assert kb.venues and kb.competitions and kb.placeholders and kb.misspellings
    for v in kb.venues:
        assert v.ccf_source or v.source, v.id
        for year, y in v.years.items():
            assert re.search(r"https?://|github\.com/", y.source), f"{v.id} {year}"
    for t in kb.technologies:
        assert t.source and t.checked, t.id
    for m in kb.misspellings:
        assert m.source


def test_kb_examples_match_their_patterns(catalog) -> None:
    for ph in catalog.kb.placeholders:
        assert re.search(ph.pattern, ph.example), ph.id


def test_invalid_rule_file_names_file_and_field(tmp_path: Path) -> None:
    base = tmp_path / "rules"
    (base / "kb").mkdir(parents=True)
    bad = base / "x.yaml"
    bad.write_text(
        "- id: TIM001\n  name: x\n  category: timeline\n  severity: severe\n  check: timeline.end_before_start\n"
        "  title: {en: a, zh: 甲}\n  message: {en: a, zh: 甲}\n  question: {en: a, zh: 甲}\n  rationale: r\n  examples: []\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError) as err:
        load_catalog(base=base)
    assert "x.yaml" in str(err.value) and "severity" in str(err.value)


def test_unknown_check_and_bad_params_are_refused(tmp_path: Path) -> None:
    base = tmp_path / "rules"
    (base / "kb").mkdir(parents=True)
    rule = (
        "- id: TIM001\n  name: x\n  category: timeline\n  severity: low\n  check: {check}\n  params: {params}\n"
        "  title: {{en: a, zh: 甲}}\n  message: {{en: a, zh: 甲}}\n  question: {{en: a, zh: 甲}}\n  rationale: r\n  examples: []\n"
    )
    (base / "x.yaml").write_text(rule.format(check="timeline.nope", params="{}"), encoding="utf-8")
    with pytest.raises(RuleFileError, match="check"):
        load_catalog(base=base)
    (base / "x.yaml").write_text(rule.format(check="timeline.fulltime_overlap", params="{min_month: 2}"), encoding="utf-8")
    with pytest.raises(RuleFileError, match="params.min_month"):
        load_catalog(base=base)


def test_rules_dir_is_the_checkout_or_the_wheel() -> None:
    assert (rules_dir() / "timeline.yaml").exists()


def test_organizations_and_context_words_are_sourced(catalog) -> None:
    kb = catalog.kb
    assert kb.organizations and kb.ml_context and kb.ml_context.words
    for o in kb.organizations:
        assert re.search(r"https?://", o.source) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", o.checked), o.id
    guarded = [t for t in kb.technologies if t.needs_context]
    assert guarded, "ambiguous aliases are marked"
    for t in guarded:
        assert t.checked >= "2026-12-06", f"{t.id}: a changed entry carries the day it was checked"
