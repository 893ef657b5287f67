"""Command line: the only place that reads the clock, the environment and argv.

argparse (stdlib) rather than typer/click: `resume-audit --help` must start in well under
0.3 s, and typer pulls in rich and its own imports at start-up.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import signal
import sys
import threading
import tempfile
from pathlib import Path

from auditor import __version__

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
FORMATS = ("json", "html", "md", "questions", "brief", "clarify")
EXTENSIONS = {"json": ".json", "html": ".html", "md": ".md", "questions": ".questions.md", "brief": ".brief.html", "clarify": ".clarify.md"}

EPILOG = """\
examples:
  resume-audit audit cv.pdf                       JSON report of one resume on stdout
  resume-audit audit cv.md --format html --out reports/
  resume-audit audit resumes/ --format html --out reports/   one report per file + index.html
  resume-audit audit resumes/ --out reports/ --jobs 4      4 files at a time (default: every CPU)
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


ONLINE_SOURCES = (
    "semantic_scholar", "dblp", "openalex", "crossref", "arxiv", "openreview", "github", "huggingface", "links", "google_scholar",
)


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of jobs (1 or more)")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds (above 0, at most 3600)")
    return value


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
    a.add_argument("--format", choices=FORMATS, default=None, help="json (default for one file), html, md, questions, brief (the one-page interview brief, HTML) or clarify (requests to send the candidate)")
    a.add_argument("--out", type=Path, default=None, help="folder for the reports (default: stdout for one JSON report, else ./audit-reports)")
    a.add_argument("--as-of", type=_date, default=None, help="the date the audit is made for (default: today)")
    a.add_argument("--lang", choices=("zh", "en"), default=None, help="report language (default: the resume's)")
    a.add_argument("--config", type=Path, default=None, help="config file (default: ./resume-audit.toml if present)")
    o = a.add_argument_group("online checks (off by default; only titles, names and URLs leave the machine)")
    o.add_argument("--online", action="store_true", help="check papers, repositories, models and links against public sources")
    o.add_argument("--cache-only", action="store_true", help="like --online, but answer only from the cache: no network at all")
    o.add_argument("--cache", type=Path, default=None, help="HTTP cache file (default: $RESUME_AUDIT_CACHE or the user cache folder)")
    o.add_argument("--no-cache", action="store_true", help="do not read or write the HTTP cache")
    o.add_argument("--sources", default=None, help="comma-separated subset of: " + ", ".join(ONLINE_SOURCES))
    o.add_argument("--scholar", action="store_true", help="also ask Google Scholar for linked profiles (needs resume-audit[scholar])")
    o.add_argument("--no-link-check", action="store_true", help="do not check that the resume's links answer")
    o.add_argument("--time-budget", type=_seconds, default=None, metavar="SECONDS",
                   help="longest time the online checks of one resume may take (default 30, or [online] time_budget)")
    a.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                   help="files audited in parallel (default: the usable CPUs; 1 = in this process)")

    r = sub.add_parser("rules", help="list the rule catalogue, or show one rule")
    r.add_argument("rule", nargs="?", help="a rule id or name")
    r.add_argument("--config", type=Path, default=None)

    sub.add_parser("schema", help="print the JSON Schema of the report")
    return parser


# A folder's own documents, not a candidate's: a README.md beside the resumes would otherwise be
# audited as one (and ranked in the index). A file named on the command line is always audited.
FOLDER_DOCUMENTS = frozenset({"readme", "license", "licence", "changelog", "contributing", "notice", "authors", "sources"})


def _expand(paths: list[str]) -> tuple[list[Path], list[tuple[Path, str]], list[Path]]:
    """The files to audit, the files of a folder that cannot be (with the reason: each is listed
    in the index and makes the exit code 1), and the folder's own documents (listed as skipped)."""
    from auditor.ingest import SUPPORTED

    files: list[Path] = []
    unsupported: list[tuple[Path, str]] = []
    documents: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            files.append(p)
            continue
        for f in sorted(f for f in p.rglob("*") if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)):
            if f.suffix.lower() not in SUPPORTED:
                unsupported.append((f, _unsupported_reason(f)))
            elif f.stem.lower() in FOLDER_DOCUMENTS:
                documents.append(f)
            else:
                files.append(f)
    if documents:
        _err(f"skipped {len(documents)} file(s) that document the folder, not a candidate: " + ", ".join(str(f) for f in documents))
    return files, unsupported, documents


def _unsupported_reason(path: Path) -> str:
    hint = {".doc": " (save it as .docx or PDF)", ".rtf": " (save it as .docx or PDF)", ".pages": " (export it as PDF)",
            ".html": " (save it as PDF)", ".htm": " (save it as PDF)"}.get(path.suffix.lower(), "")
    if path.suffix.lower() in (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic"):
        hint = " (an image: a resume as a picture needs OCR first)"
    return f"unsupported file type '{path.suffix or '(none)'}'{hint}; supported: .txt .md .pdf .docx .json"


def _file_mode() -> int:
    """The mode a new file gets under the user's umask (mkstemp's files are always 0600)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, text: str) -> None:
    """Temp file then rename: an interrupted run never leaves half a report. The report gets the
    mode any new file of the user's would (a team's shared folder stays readable to the team)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, _file_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def _finish_before_interrupt():
    """Hold Ctrl-C until the block ends, then raise it: a candidate's report, its question sheet
    and its index entry are written together or not at all, so every report on disk is indexed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def _err(msg: str) -> None:
    print(f"resume-audit: {msg}", file=sys.stderr)


def _report_names(files: list[Path]) -> list[str]:
    """One report name per input, decided up front in input order: the same names whichever
    file finishes first (a.md and b/a.md become a and a-2)."""
    used: set[str] = set()
    names = []
    for path in files:
        stem = path.stem
        name, i = stem, 2
        while name in used:
            name, i = f"{stem}-{i}", i + 1
        used.add(name)
        names.append(name)
    return names


def cmd_audit(args: argparse.Namespace) -> int:
    from auditor.batch import BatchEntry, Outcome, Settings, labels_for, progress_bar, run_batch, shared_rule, usable_cpus
    from auditor.catalog import load_catalog
    from auditor.catalog.examples import as_point
    from auditor.config import check_rule_ids, load_config
    from auditor.ingest.limits import set_default_limits

    cfg = load_config(args.config, Path.cwd())
    set_default_limits(cfg.limits)
    catalog = load_catalog(cfg.extra_rules)
    check_rule_ids(cfg, {r.id for r in catalog.rules} | {r.name for r in catalog.rules})
    as_of_date = args.as_of or cfg.as_of or dt.date.today()  # the one place the clock is read
    if args.online or args.cache_only:
        single_file = len(args.paths) == 1 and Path(args.paths[0]).is_file()
        cfg.audit.online = _online_settings(args, cfg, single_file)
    files, unsupported, documents = _expand(args.paths)
    for path, reason in unsupported:
        _err(f"{path}: {reason}")
    if not files:
        _err("no resume files found (supported: .txt .md .pdf .docx .json)")
        return EXIT_INPUT
    single = len(files) == 1 and not any(Path(p).is_dir() for p in args.paths)
    fmt = args.format or ("json" if single else "html")
    to_stdout = single and args.out is None and fmt in ("json", "md", "questions", "clarify")
    out_dir = args.out or Path("audit-reports")
    formats = (fmt, "questions", "clarify") if fmt == "html" else (fmt,)
    shared = None if single else shared_rule(catalog, cfg.audit)
    settings = Settings(as_point(as_of_date.isoformat()), as_of_date.isoformat(), cfg.audit, cfg.extra_rules, args.lang, formats,
                        shared[1] if shared else None, cfg.limits)
    names = _report_names(files)
    labels = labels_for(files)
    entries: list[BatchEntry | None] = [None] * len(files)

    def emit(o: Outcome) -> None:
        """Write one outcome's reports as soon as it arrives (a re-audit overwrites the first)."""
        path = files[o.index]
        if o.error is not None:
            _err(f"{path}: {o.error}")
            if not o.recheck:  # a failed re-audit keeps the first report
                entries[o.index] = BatchEntry(path=path, report=None, error=o.error, name=None, label=labels[o.index])
            return
        if to_stdout:
            sys.stdout.write(o.rendered[fmt])
        else:
            for f in formats:
                write_atomic(out_dir / f"{names[o.index]}{EXTENSIONS[f]}", o.rendered[f])
        name = None if to_stdout else names[o.index]
        entries[o.index] = BatchEntry(path=path, report=o.report, error=None, name=name, shares=o.shares, label=labels[o.index])

    interrupted = False
    start, advance, stop = progress_bar(len(files))
    try:
        # Online checks run in this process: one client keeps each source's published rate limit.
        jobs = 1 if cfg.audit.online is not None else (args.jobs or usable_cpus())
        with contextlib.closing(run_batch(files, settings, jobs, shared, on_submit=start)) as outcomes:
            for outcome in outcomes:
                with _finish_before_interrupt():
                    emit(outcome)
                if not outcome.recheck:
                    advance()
    except KeyboardInterrupt:
        interrupted = True
    finally:
        stop()
    done = [e for e in entries if e is not None]
    done += [BatchEntry(path=p, report=None, error=reason, name=None, label=str(p)) for p, reason in unsupported]
    failures = sum(1 for e in done if e.report is None)
    not_audited = [p for p, e in zip(files, entries) if e is None]
    if not to_stdout:
        if not single:
            from auditor.render import render_index

            index = render_index(done, as_of_date.isoformat(), lang=args.lang, interrupted=interrupted,
                                 not_audited=not_audited, ext=EXTENSIONS[fmt], skipped=documents)
            write_atomic(out_dir / "index.html", index)
            from auditor.render.batch_csv import render_csv

            write_atomic(out_dir / "index.csv", render_csv(done))
        print(f"resume-audit: {len(done) - failures} report(s) written to {out_dir}/" + (f", {failures} failed" if failures else ""), file=sys.stderr)
    if interrupted:
        listed = " (listed in the index)" if not_audited and not to_stdout and not single else ""
        _err(f"interrupted: kept the finished reports; {len(not_audited)} file(s) not audited{listed}")
        return EXIT_INTERRUPTED
    return EXIT_INPUT if failures else EXIT_OK


def _online_settings(args: argparse.Namespace, cfg: object, single: bool) -> object:
    """--online/--cache-only and the config's [online] table to OnlineSettings (or a usage error)."""
    import time

    from auditor.errors import RuleFileError
    from auditor.verify import OnlineSettings
    from auditor.verify.budget import DEFAULT_SECONDS
    from auditor.verify.client import default_cache_path

    online = getattr(cfg, "online", {}) or {}
    names = args.sources.split(",") if args.sources else online.get("sources", [s for s in ONLINE_SOURCES if s != "google_scholar"])
    unknown = sorted(set(n.strip() for n in names) - set(ONLINE_SOURCES))
    if unknown:
        raise RuleFileError(f"--sources: unknown source '{unknown[0]}' (known: {', '.join(ONLINE_SOURCES)})")
    if args.scholar:
        from auditor.verify.records import SourceError
        from auditor.verify.sources.scholar import ScholarlySource

        try:
            ScholarlySource()
        except SourceError as exc:
            raise RuleFileError(f"--scholar: {exc.reason}") from exc
    cache = None if args.no_cache else str(args.cache or online.get("cache") or default_cache_path())
    if cache is not None:
        from auditor.verify.cache import HttpCache

        try:
            HttpCache(Path(cache)).close()
        except Exception as exc:  # unwritable folder, not a database, locked
            raise RuleFileError(f"cache {cache}: cannot be opened ({exc})") from exc
    if args.cache_only and cache is None:
        raise RuleFileError("--cache-only needs the cache (drop --no-cache)")
    return OnlineSettings(
        now=time.time(),  # the CLI owns the clock: it decides only when cached answers expire
        cache_path=cache,
        cache_only=args.cache_only,
        sources=frozenset(n.strip() for n in names),
        scholar=args.scholar,
        check_links=not args.no_link_check,
        overrides=tuple(sorted((online.get("urls") or {}).items())),
        progress=single and sys.stderr.isatty(),
        time_budget=args.time_budget if args.time_budget is not None else float(online.get("time_budget", DEFAULT_SECONDS)),
        clock=time.monotonic,  # the CLI owns the clock: it times each resume's checks
    )


def cmd_rules(args: argparse.Namespace) -> int:
    from auditor.catalog import load_catalog
    from auditor.config import check_rule_ids, load_config

    cfg = load_config(args.config, Path.cwd())
    catalog = load_catalog(cfg.extra_rules)
    check_rule_ids(cfg, {r.id for r in catalog.rules} | {r.name for r in catalog.rules})
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
            if ex.peer is not None:  # a batch rule's example: the other candidate's resume
                print("  and another candidate's resume in the same batch:")
                for line in ex.peer.rstrip().split("\n"):
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
