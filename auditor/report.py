"""Build the Report (the JSON contract) for one resume: ingest, parse, audit, score, questions."""

from __future__ import annotations

from pathlib import Path

from auditor.catalog import Catalog, load_catalog
from auditor.engine import AuditConfig, audit
from auditor.ingest import Limits, ingest
from auditor.models import Document, Report, SourceInfo
from auditor.parse import parse
from auditor.parse.dates import Point
from auditor.questions import rank_questions
from auditor.score import risk


def build_report(
    doc: Document,
    as_of: Point,
    *,
    catalog: Catalog | None = None,
    config: AuditConfig | None = None,
    lang: str | None = None,
    as_of_text: str | None = None,
    shared_lines: tuple[object, ...] | None = None,
) -> Report:
    """`shared_lines` (batch only) are this resume's lines that other candidates also have."""
    catalog = catalog or load_catalog()
    parsed = parse(doc, catalog.kb)
    online = None
    if config is not None and config.online is not None:
        from auditor.verify import verifier_for

        online = verifier_for(config.online)(doc, parsed.resume, parsed.claims, catalog.kb, as_of.year, lang or doc.language)
    result = audit(doc, parsed, catalog, as_of, lang=lang, config=config, as_of_text=as_of_text,
                   shared_lines=shared_lines)
    return Report(
        source=SourceInfo(path=doc.path, sha256=doc.sha256, format=doc.format, language=doc.language, lines=len(doc.lines)),
        as_of=as_of_text or f"{as_of.iso()}-01",
        resume=parsed.resume,
        claims=parsed.claims,
        findings=result.findings,
        checks=result.checks,
        questions=rank_questions(result.findings),
        risk=risk(result.findings),
        text=doc.lines,
        online=online,
    )


def audit_file(path: str | Path, as_of: Point, **kwargs: object) -> Report:
    limits = kwargs.pop("limits", None)
    doc = ingest(path, limits if isinstance(limits, Limits) else None)
    return build_report(doc, as_of, **kwargs)  # type: ignore[arg-type]
