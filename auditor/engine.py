"""The audit: run every enabled rule over a parsed resume and turn hits into findings.

The engine, not the check, adds the rule's id, category, severity and texts, quotes the
evidence lines from the Document and computes the fingerprint, so every finding has the
same shape. A check that raises becomes an `error` entry and the audit goes on (strict
mode, used by the tests, re-raises).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from dataclasses import dataclass, field
from typing import Any

from auditor.catalog import Catalog, load_catalog
from auditor.catalog.rules import Rule
from auditor.checks.registry import CheckContext, Hit, NotApplicable
from auditor.models import (
    SEVERITY_ORDER,
    Accepted,
    Document,
    Evidence,
    Finding,
    RuleCheck,
)
from auditor.parse import Parsed, parse
from auditor.parse.dates import Point


@dataclass
class AuditConfig:
    """What the user's config changes: rules off, severities, accepted findings."""

    disabled: set[str] = field(default_factory=set)
    severity: dict[str, str] = field(default_factory=dict)
    # fingerprint -> [(candidate, reason)]: candidate is a name, a file sha256 (or a prefix of 12+
    # hex digits), a file name, or '*' for every candidate with that text
    accepted: dict[str, list[tuple[str, Accepted]]] = field(default_factory=dict)
    only: set[str] | None = None
    online: Any = None  # auditor.verify.OnlineSettings when --online/--cache-only was given


@dataclass
class AuditResult:
    findings: list[Finding]
    checks: list[RuleCheck]


def fmt(value: object) -> str:
    """Message values: 5.0 -> '5', 0.048 -> '0.048', lists joined."""
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".") if abs(value) >= 1 or value == 0 else f"{value:.3g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(fmt(v) for v in value)
    return "" if value is None else str(value)


class _Values(dict):
    def __missing__(self, key: str) -> str:
        raise KeyError(f"message placeholder '{{{key}}}' has no value")


def render(template: str, values: dict[str, object]) -> str:
    return _singular(template.format_map(_Values({k: fmt(v) for k, v in values.items()})))


# 'add up to 1 years', '1 months later', '1 claims': a count of one takes the singular. The nouns
# the rule texts count (English only: Chinese has no plural).
_ONE_PLURAL = re.compile(r"(?<![\d.,])\b1 (month|year|claim|business figure|line|paper|internship|entry|passage|finding|time|team)s\b")


def _singular(text: str) -> str:
    return _ONE_PLURAL.sub(r"1 \1", text) if "1 " in text else text


def fingerprint(rule_id: str, evidence: list[Evidence], key: str = "") -> str:
    """rule id + the evidence text (not line numbers), so it survives a reflowed resume."""
    norm = "\n".join(re.sub(r"\s+", " ", e.text).strip().lower() for e in evidence)
    return hashlib.sha256(f"{rule_id}\n{norm}\n{key}".encode()).hexdigest()[:16]


def _same_candidate(wanted: str, doc: Document, name: str | None) -> bool:
    """An accepted finding names its candidate: the same text in another resume stays open."""
    wanted = wanted.strip()
    if wanted == "*":
        return True
    folded = re.sub(r"\s+", " ", wanted).casefold()
    if name and folded == re.sub(r"\s+", " ", name).strip().casefold():
        return True
    if len(wanted) >= 12 and re.fullmatch(r"[0-9a-fA-F]+", wanted) and doc.sha256.startswith(wanted.lower()):
        return True
    return folded == Path(doc.path).name.casefold()


def accepted_for(config: AuditConfig, fp: str, doc: Document, name: str | None) -> Accepted | None:
    """The reviewer's acceptance of finding `fp` for this candidate, if any."""
    for candidate, accepted in config.accepted.get(fp, []):
        if _same_candidate(candidate, doc, name):
            return accepted
    return None


def _finding(rule: Rule, hit: Hit, doc: Document, lang: str, config: AuditConfig, name: str | None = None) -> Finding:
    lines = sorted({n for n in hit.lines if 1 <= n <= len(doc.lines)})
    evidence = [Evidence(line=n, text=doc.line(n).strip()) for n in lines]
    base = config.severity.get(rule.id, rule.severity)
    severity = base
    if hit.severity and SEVERITY_ORDER[hit.severity] < SEVERITY_ORDER[base]:
        severity = hit.severity
    fp = fingerprint(rule.id, evidence, hit.key)
    return Finding(
        id=f"{rule.id}-{fp[:8]}",
        rule_id=rule.id,
        rule_name=rule.name,
        category=rule.category,
        severity=severity,  # type: ignore[arg-type]
        confidence=(hit.confidence or rule.confidence),  # type: ignore[arg-type]
        title=rule.title.get(lang),
        message=render(rule.message.get(lang), hit.values),
        evidence=evidence,
        questions=[render(rule.question.get(lang), hit.values)],
        fingerprint=fp,
        accepted=accepted_for(config, fp, doc, name),
        explained_by=hit.explained_by,
    )


def audit(
    doc: Document,
    parsed: Parsed,
    catalog: Catalog,
    as_of: Point,
    *,
    lang: str | None = None,
    config: AuditConfig | None = None,
    strict: bool = False,
    as_of_text: str | None = None,
    shared_lines: tuple[object, ...] | None = None,
) -> AuditResult:
    config = config or AuditConfig()
    lang = lang or doc.language
    ctx = CheckContext(doc=doc, kb=catalog.kb, as_of=as_of, claims=parsed.claims, sections=parsed.sections, language=lang,
        as_of_text=as_of_text or as_of.iso(), shared_lines=shared_lines,
    )
    findings: list[Finding] = []
    checks: list[RuleCheck] = []
    for rule in catalog.rules:
        if config.only is not None and rule.id not in config.only:
            continue
        if rule.id in config.disabled or rule.name in config.disabled or not rule.enabled:
            continue
        found, check = run_rule(rule, catalog, parsed.resume, ctx, lang, config, strict=strict)
        findings += found
        checks.append(check)
    return AuditResult(sort_findings(findings), checks)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Most severe first, then in reading order."""
    return sorted(findings, key=lambda f: (-SEVERITY_ORDER[f.severity], f.evidence[0].line if f.evidence else 0, f.rule_id))


def run_rule(
    rule: Rule, catalog: Catalog, resume: object, ctx: CheckContext, lang: str, config: AuditConfig, *, strict: bool = False
) -> tuple[list[Finding], RuleCheck]:
    """One rule's findings and its entry in `checks[]` (also used by the batch to add the
    cross-candidate rule to a finished report without auditing it again)."""
    from auditor.checks import REGISTRY

    spec = REGISTRY[rule.check]
    ctx.partial = None
    try:
        hits = list(spec.fn(resume, catalog.params[rule.id], ctx))
    except NotApplicable as na:
        return [], RuleCheck(rule_id=rule.id, status="not_applicable", detail=str(na) or None)
    except Exception as exc:  # a broken check must not lose the other findings
        if strict:
            raise
        return [], RuleCheck(rule_id=rule.id, status="error", detail=f"{type(exc).__name__}: {exc}")
    seen: set[str] = set()
    findings: list[Finding] = []
    for hit in hits:
        f = _finding(rule, hit, ctx.doc, lang, config, getattr(resume, "name", None))
        if f.fingerprint not in seen:
            seen.add(f.fingerprint)
            findings.append(f)
    detail = f"{len(findings)} finding(s)" if findings else None
    return findings, RuleCheck(rule_id=rule.id, status="fired" if findings else "passed", detail=detail, partial=ctx.partial)


def audit_text(
    text: str,
    *,
    as_of: Point,
    only: list[str] | None = None,
    strict: bool = False,
    catalog: Catalog | None = None,
    online: list[dict] | None = None,
) -> list[Finding]:
    """Findings for a resume given as text (rule examples, tests). `online` puts hand-made
    check results on the publication or claims of the given lines, as --online would."""
    from auditor.ingest import ingest_text
    from auditor.models import ClaimCheck

    catalog = catalog or load_catalog()
    doc = ingest_text(text)
    parsed = parse(doc, catalog.kb)
    for item in online or []:
        check = ClaimCheck.model_validate(item["check"])
        targets = [p for p in parsed.resume.publications if p.line == item["line"]] + [c for c in parsed.claims if c.line == item["line"]]
        if not targets:
            raise ValueError(f"example 'online' entry: nothing checkable on line {item['line']}")
        for target in targets:
            target.check = check
    cfg = AuditConfig(only=set(only) if only is not None else None)
    return audit(doc, parsed, catalog, as_of, config=cfg, strict=strict).findings
