"""Load and validate the catalogue: rules/*.yaml plus rules/kb/*.yaml, with the user's overlay."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from auditor.catalog.kb import KnowledgeBase, load_kb
from auditor.catalog.rules import CATEGORY_PREFIX, Rule, load_rule_file
from auditor.errors import RuleFileError
from auditor.resources import rules_dir


@dataclass
class Catalog:
    rules: list[Rule]
    kb: KnowledgeBase
    params: dict[str, BaseModel] = field(default_factory=dict)

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id or r.name == rule_id), None)


def _validate_params(rule: Rule) -> BaseModel:
    from auditor.checks import REGISTRY  # imports every check module

    spec = REGISTRY.get(rule.check)
    if spec is None:
        raise RuleFileError(f"{rule.source_file}: rule {rule.id}: field 'check': no registered check '{rule.check}'")
    try:
        return spec.params.model_validate(rule.params)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err["loc"])
        raise RuleFileError(f"{rule.source_file}: rule {rule.id}: field 'params.{where}': {err['msg']}") from exc


def load_catalog(extra_files: tuple[Path, ...] = (), base: Path | None = None) -> Catalog:
    """Every rule file of rules/ (and `extra_files`), validated against the check registry."""
    return _load(tuple(extra_files), base or rules_dir())


@functools.lru_cache(maxsize=8)
def _load(extra_files: tuple[Path, ...], base: Path) -> Catalog:
    rules: list[Rule] = []
    for path in sorted(base.glob("*.yaml")) + list(extra_files):
        if path.name == "retired.yaml":
            continue
        if not path.exists():
            raise RuleFileError(f"{path}: rule file not found")
        rules += load_rule_file(path)
    seen: dict[str, str] = {}
    params = {}
    for rule in rules:
        if rule.id in seen or rule.name in seen:
            raise RuleFileError(f"{rule.source_file}: rule {rule.id}: id or name '{rule.name}' is used twice")
        seen[rule.id] = seen[rule.name] = rule.id
        if not rule.id.startswith(CATEGORY_PREFIX[rule.category]):
            raise RuleFileError(f"{rule.source_file}: rule {rule.id}: field 'id': prefix must be {CATEGORY_PREFIX[rule.category]}")
        params[rule.id] = _validate_params(rule)
    return Catalog(rules, load_kb(base / "kb"), params)
