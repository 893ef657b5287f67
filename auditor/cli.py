"""Command line: the only place that reads the clock, the environment and argv.

argparse (stdlib) rather than typer/click: `resume-audit --help` must start in well under
0.3 s, and typer pulls in rich and its own imports at start-up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from auditor import __version__

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
FORMATS = ("json", "html", "md", "questions")
EXTENSIONS = {"json": ".json", "html": ".html", "md": ".md", "questions": ".questions.md"}

EPILOG = """\
examples:
  resume-audit audit cv.pdf                       JSON report of one resume on stdout
  resume-audit audit cv.md --format html --out reports/
  resume-audit audit resumes/ --format html --out reports/   one report per file + index.html
  resume-audit audit cv.txt --as-of 2026-06-30 --lang en
  resume-audit rules                              the rule catalogue
  resume-audit rules PUB001                       one rule with its rationale and examples
  resume-audit schema > report.schema.json        the JSON report's schema

exit codes: 0 all inputs audited, 1 some input could not be read (others still get their
reports), 2 usage or configuration error, 130 interrupted (finished reports are kept).
"""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resume-audit",
        description="Audit resumes: what does not add up, with the line that says it, and what to ask.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"resume-audit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    a = sub.add_parser("audit", help="audit resume files or folders", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("paths", nargs="+", metavar="PATH", help="a resume (.txt .md .pdf .docx .json) or a folder of them")
    a.add_argument("--format", choices=FORMATS, default=None, help="json (default for one file), html, md, or questions")
    a.add_argument("--out", type=Path, default=None, help="folder for the reports (default: stdout for one JSON report, else ./audit-reports)")
    a.add_argument("--as-of", type=_date, default=None, help="the date the audit is made for (default: today)")
    a.add_argument("--lang", choices=("zh", "en"), default=None, help="report language (default: the resume's)")
    a.add_argument("--config", type=Path, default=None, help="config file (default: ./resume-audit.toml if present)")

    r = sub.add_parser("rules", help="list the rule catalogue, or show one rule")
    r.add_argument("rule", nargs="?", help="a rule id or name")
    r.add_argument("--config", type=Path, default=None)

    sub.add_parser("schema", help="print the JSON Schema of the report")
    return parser


def _expand(paths: list[str]) -> list[Path]:
    from auditor.ingest import SUPPORTED

    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED and not f.name.startswith("."))
        else:
            files.append(p)
    return files


def write_atomic(path: Path, text: str) -> None:
    """Temp file then rename: an interrupted run never leaves half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _err(msg: str) -> None:
    print(f"resume-audit: {msg}", file=sys.stderr)


def _report_name(path: Path, used: set[str]) -> str:
    stem = path.stem
    name, i = stem, 2
    while name in used:
        name, i = f"{stem}-{i}", i + 1
    used.add(name)
    return name


def cmd_audit(args: argparse.Namespace) -> int:
    from auditor.catalog import load_catalog
    from auditor.catalog.examples import as_point
    from auditor.config import load_config
    from auditor.errors import AuditError
    from auditor.ingest.limits import set_default_limits
    from auditor.render import render

    cfg = load_config(args.config, Path.cwd())
    set_default_limits(cfg.limits)
    catalog = load_catalog(cfg.extra_rules)
    as_of_date = args.as_of or cfg.as_of or dt.date.today()  # the one place the clock is read
    as_of_point = as_point(as_of_date.isoformat())
    files = _expand(args.paths)
    if not files:
        _err("no resume files found (supported: .txt .md .pdf .docx .json)")
        return EXIT_INPUT
    single = len(files) == 1 and not any(Path(p).is_dir() for p in args.paths)
    fmt = args.format or ("json" if single else "html")
    to_stdout = single and args.out is None and fmt in ("json", "md", "questions")
    out_dir = args.out or Path("audit-reports")

    from auditor.batch import BatchEntry, run_batch

    failures = 0
    entries: list[BatchEntry] = []
    used: set[str] = set()

    def emit(path: Path, report: object | None, error: str | None) -> None:
        nonlocal failures
        if error is not None:
            failures += 1
            _err(f"{path}: {error}")
            entries.append(BatchEntry(path=path, report=None, error=error, name=None))
            return
        if to_stdout:
            sys.stdout.write(render(report, fmt, lang=args.lang))  # type: ignore[arg-type]
            entries.append(BatchEntry(path=path, report=report, error=None, name=None))  # type: ignore[arg-type]
            return
        name = _report_name(path, used)
        write_atomic(out_dir / f"{name}{EXTENSIONS[fmt]}", render(report, fmt, lang=args.lang))  # type: ignore[arg-type]
        if fmt == "html":
            write_atomic(out_dir / f"{name}.questions.md", render(report, "questions", lang=args.lang))  # type: ignore[arg-type]
        entries.append(BatchEntry(path=path, report=report, error=None, name=name))  # type: ignore[arg-type]

    interrupted = False
    try:
        run_batch(files, as_of_point, catalog, cfg.audit, args.lang, as_of_date.isoformat(), emit, AuditError)
    except KeyboardInterrupt:
        interrupted = True
        _err("interrupted: keeping the reports already written")
    if not to_stdout:
        if not single:
            from auditor.render import render_index

            write_atomic(out_dir / "index.html", render_index(entries, as_of_date.isoformat(), lang=args.lang))
        written = sum(1 for e in entries if e.report is not None)
        print(f"resume-audit: {written} report(s) written to {out_dir}/" + (f", {failures} failed" if failures else ""), file=sys.stderr)
    if interrupted:
        return EXIT_INTERRUPTED
    return EXIT_INPUT if failures else EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from auditor.catalog import load_catalog
    from auditor.config import load_config

    cfg = load_config(args.config, Path.cwd())
    catalog = load_catalog(cfg.extra_rules)
    if args.rule:
        rule = catalog.rule(args.rule)
        if rule is None:
            _err(f"no rule '{args.rule}' (see 'resume-audit rules')")
            return EXIT_USAGE
        print(f"{rule.id} {rule.name}  [{rule.category}, {rule.severity}, confidence {rule.confidence}]")
        print(f"  {rule.title.en} / {rule.title.zh}\n")
        print("Why:\n  " + " ".join(rule.rationale.split()) + "\n")
        print(f"Check: {rule.check} {rule.params or ''}\n")
        for ex in rule.examples:
            kind = "fail" if ex.fail is not None else "pass"
            print(f"Example ({kind}{': ' + ex.note if ex.note else ''}):")
            for line in (ex.fail or ex.pass_ or "").rstrip().split("\n"):
                print("  | " + line)
            print()
        return EXIT_OK
    for rule in catalog.rules:
        off = "  (disabled)" if rule.id in cfg.audit.disabled or rule.name in cfg.audit.disabled else ""
        sev = cfg.audit.severity.get(rule.id, rule.severity)
        print(f"{rule.id}  {rule.name:<36} {sev:<7} {rule.title.en}{off}")
    return EXIT_OK


def cmd_schema() -> int:
    import json

    from auditor.models import Report

    print(json.dumps(Report.model_json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    from auditor.errors import AuditError, RuleFileError

    try:
        if args.command == "audit":
            return cmd_audit(args)
        if args.command == "rules":
            return cmd_rules(args)
        return cmd_schema()
    except RuleFileError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except AuditError as exc:
        _err(str(exc))
        return EXIT_INPUT
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
