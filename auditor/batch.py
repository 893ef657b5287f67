"""Audit many files: each is ingested, audited and rendered on its own (in a process pool with
--jobs > 1), so one broken file is reported and every other file still gets its report. Then the
candidates are compared with each other (auditor.shared_bullets); each report gets the
cross-candidate rule's result added (what a second audit with the shared lines would give) and is
rendered again, in the workers, from a compressed copy: the main process keeps only what the
index and the comparison need of each report.

The outcome never depends on the number of jobs or on which file finishes first: results are
keyed by their position in the input, and the cross-candidate step runs on the ordered list.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.catalog import Catalog, load_catalog
from auditor.engine import AuditConfig
from auditor.models import Report, RuleCheck
from auditor.parse.dates import Point
from auditor.shared_bullets import SharedLine, SharedParams, bullets_of, find_shared, shared_with, similar_pairs

SHARED_CHECK = "content.shared_bullet"


@dataclass
class BatchEntry:
    path: Path
    report: Report | None
    error: str | None
    name: str | None
    shares: dict[str, int] = field(default_factory=dict)  # other file (as labelled) -> lines shared with it
    label: str = ""  # the file as the batch names it in messages (relative to the common folder)


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs, sent once per worker process (picklable)."""

    as_of: Point
    as_of_text: str
    config: AuditConfig
    extra_rules: tuple[Path, ...] = ()
    lang: str | None = None
    formats: tuple[str, ...] = ()  # rendered in the worker: the main process only writes files
    shared: SharedParams | None = None  # the cross-candidate rule's parameters, when it runs
    limits: Any = None  # the config's [limits] (ingest.Limits); workers started by spawn/forkserver need them too


@dataclass(frozen=True)
class Task:
    index: int
    path: Path
    shared: tuple[SharedLine, ...] = ()  # second pass: this candidate's lines other candidates also have
    packed: bytes | None = None  # second pass: the first pass's report (pack_report)
    rule_id: str | None = None  # second pass: the cross-candidate rule


@dataclass
class Outcome:
    index: int
    report: Report | None
    error: str | None
    rendered: dict[str, str] = field(default_factory=dict)  # format -> text
    recheck: bool = False  # the second pass, with the lines shared with other candidates
    shares: dict[str, int] = field(default_factory=dict)  # other file -> lines shared with it
    compared: list[tuple[int, str]] | None = None  # the lines the cross-candidate rule compares
    packed: bytes | None = None  # first pass, when a comparison follows: the whole report, compressed


_SETTINGS: Settings | None = None


def _init_worker(settings: Settings) -> None:
    """Pool workers leave Ctrl-C to the main process, which stops them and writes the index."""
    global _SETTINGS
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _SETTINGS = settings
    if settings.limits is not None:
        from auditor.ingest.limits import set_default_limits

        set_default_limits(settings.limits)


def audit_task(task: Task, settings: Settings | None = None) -> Outcome:
    """Ingest, audit and render one file; any failure becomes a one-line error for that file only."""
    from auditor.errors import AuditError
    from auditor.ingest import ingest
    from auditor.report import build_report

    s = settings or _SETTINGS
    assert s is not None, "worker started without settings"
    if task.packed is not None:
        return _second_pass(task, s)
    try:
        catalog = load_catalog(s.extra_rules)
        doc = ingest(task.path)
        report = build_report(doc, s.as_of, catalog=catalog, config=s.config, lang=s.lang, as_of_text=s.as_of_text)
        rendered = _rendered(report, s)
        compared = bullets_of(report, s.shared) if s.shared is not None else None
        packed = pack_report(report) if s.shared is not None else None
    except AuditError as exc:
        return Outcome(task.index, None, str(exc))
    except Exception as exc:  # never lose the batch to one file: a parser bug on one resume is that file's error
        return Outcome(task.index, None, f"could not be audited ({type(exc).__name__}: {exc})")
    return Outcome(task.index, index_summary(report), None, rendered, compared=compared, packed=packed)


def _second_pass(task: Task, s: Settings) -> Outcome:
    """The cross-candidate rule's result added to a first-pass report, rendered again."""
    assert task.packed is not None and task.rule_id is not None
    try:
        report = unpack_report(task.packed)
        if task.shared:
            report = with_shared_lines(report, task.shared, task.rule_id, load_catalog(s.extra_rules), s)
        else:
            report = compared_without_shares(report, task.rule_id)
        rendered = _rendered(report, s)
    except Exception as exc:  # the first pass's report stays written
        return Outcome(task.index, None, f"could not be compared with the others ({type(exc).__name__}: {exc})", recheck=True)
    return Outcome(task.index, index_summary(report), None, rendered, recheck=True, shares=shared_with(task.shared))


def pack_report(report: Report) -> bytes:
    """A report for the second pass, compressed: a thousand live reports would hold hundreds
    of MB in the main process, which only needs their summaries."""
    return zlib.compress(report.model_dump_json().encode("utf-8"), 1)


def unpack_report(packed: bytes) -> Report:
    return Report.model_validate_json(zlib.decompress(packed))


def index_summary(report: Report) -> Report:
    """What the batch index, its CSV and the comparison need of a report: name and contacts (one
    person, two files), source, findings, risk and the first questions."""
    from auditor.models import Resume

    return report.model_copy(update={
        "text": [], "claims": [], "checks": [], "questions": report.questions[:3],
        "resume": Resume(name=report.resume.name, contacts=report.resume.contacts),
    })


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Runner:
    """Runs tasks in this process (jobs=1) or in a process pool; yields outcomes as they finish.

    On Ctrl-C (KeyboardInterrupt in the main process) the pending tasks are cancelled and the
    workers stopped before the interrupt goes on to the caller, so it can write what finished.
    """

    def __init__(self, settings: Settings, jobs: int) -> None:
        self.settings = settings
        self.jobs = max(1, jobs)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(cancel=exc[0] is not None)

    def run(self, tasks: Sequence[Task], on_submit: Callable[[], None] | None = None) -> Iterator[Outcome]:
        """Outcomes in the order they finish. With a pool the tasks are submitted before this
        returns, so the caller can do other work while they run."""
        if self.jobs == 1 or len(tasks) < 2:
            if on_submit:
                on_submit()
            return (audit_task(task, self.settings) for task in tasks)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=min(self.jobs, len(tasks)), initializer=_init_worker, initargs=(self.settings,))
        futures = [self._pool.submit(audit_task, t) for t in tasks]
        if on_submit:
            on_submit()  # after the workers are forked: a progress bar's thread must not be forked with them
        return (fut.result() for fut in as_completed(futures))  # one waiter for all, not one wait() per result

    def split(self, fn: Callable[..., list[Any]], *args: Any) -> list[Any]:
        """fn(*args, part, parts) over every job's share of the work, results put together in
        order; in this process when there is one job."""
        parts = self.jobs if self._pool is not None else 1
        if parts == 1:
            return fn(*args, 0, 1)
        futures = [self._pool.submit(fn, *args, part, parts) for part in range(parts)]  # type: ignore[union-attr]
        return sorted(x for fut in futures for x in fut.result())

    def close(self, cancel: bool = False) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if not cancel:
            pool.shutdown(wait=True)
            return
        pool.shutdown(wait=False, cancel_futures=True)
        # Interrupted: the running tasks are abandoned (their files are listed as not audited).
        # ProcessPoolExecutor.terminate_workers() only exists from Python 3.14.
        stop = getattr(pool, "terminate_workers", None)
        if stop is not None:
            stop()
            return
        for proc in list((getattr(pool, "_processes", None) or {}).values()):
            proc.terminate()


def shared_params(catalog: Catalog, config: AuditConfig) -> SharedParams | None:
    """The enabled cross-candidate rule's parameters, or None when no such rule runs."""
    found = shared_rule(catalog, config)
    return found[1] if found else None


def shared_rule(catalog: Catalog, config: AuditConfig) -> tuple[str, SharedParams] | None:
    """The enabled cross-candidate rule (id and parameters), or None when no such rule runs."""
    for rule in catalog.rules:
        if rule.check != SHARED_CHECK or not rule.enabled:
            continue
        if rule.id in config.disabled or rule.name in config.disabled:
            continue
        if config.only is not None and rule.id not in config.only:
            continue
        params = catalog.params[rule.id]
        assert isinstance(params, SharedParams)
        return rule.id, params
    return None


def labels_for(paths: Sequence[Path]) -> list[str]:
    """Each file as a message names it: relative to the folder all of them are in."""
    resolved = [p.resolve() for p in paths]
    if not resolved:
        return []
    base = Path(os.path.commonpath([p.parent for p in resolved]))
    return [p.relative_to(base).as_posix() for p in resolved]


def shared_lines(
    reports: dict[int, Report],
    labels: Sequence[str],
    params: SharedParams,
    compared: dict[int, list[tuple[int, str]]] | None = None,
    runner: Runner | None = None,
) -> dict[int, tuple[SharedLine, ...]]:
    """For each audited candidate (by input position) that shares lines with others, those lines."""
    order = sorted(reports)
    if len(order) < 2:
        return {}
    lines = [compared[i] for i in order] if compared is not None and all(i in compared for i in order) else None
    # The comparison is split over the pool's workers (the same pairs, found in parallel).
    pairs = (lambda texts, t: runner.split(similar_pairs, texts, t)) if runner is not None else similar_pairs
    found = find_shared([reports[i] for i in order], [labels[i] for i in order], params, lines, pairs)
    return {i: tuple(shared) for i, shared in zip(order, found) if shared}


def with_shared_lines(report: Report, shared: Sequence[SharedLine], rule_id: str, catalog: Catalog, settings: Settings) -> Report:
    """The report as auditing the file again with `shared` would make it, without reading and
    parsing it again: the cross-candidate rule reads nothing but the shared lines (and the
    language), so only its findings, its `checks[]` entry, the questions and the score change.
    A second audit of every sharing candidate cost as much as the first."""
    from auditor.checks.registry import CheckContext
    from auditor.engine import run_rule, sort_findings
    from auditor.models import Document
    from auditor.questions import rank_questions
    from auditor.score import risk

    rule = catalog.rule(rule_id)
    assert rule is not None
    lang = settings.lang or report.source.language
    src = report.source
    doc = Document(path=src.path, sha256=src.sha256, format=src.format, language=src.language, lines=report.text)
    ctx = CheckContext(doc=doc, kb=catalog.kb, as_of=settings.as_of, claims=report.claims, sections=[], language=lang,
                       as_of_text=settings.as_of_text or settings.as_of.iso(), shared_lines=tuple(shared))
    found, check = run_rule(rule, catalog, report.resume, ctx, lang, settings.config)
    findings = sort_findings([f for f in report.findings if f.rule_id != rule_id] + found)
    checks = [check if c.rule_id == rule_id else c for c in report.checks]
    return report.model_copy(update={"findings": findings, "checks": checks, "questions": rank_questions(findings), "risk": risk(findings)})


def compared_without_shares(report: Report, rule_id: str) -> Report:
    """What build_report(shared_lines=()) gives for a candidate who shares nothing, without a
    second audit: the cross-candidate rule ran and passed. Nothing else in the report changes."""
    checks = [RuleCheck(rule_id=rule_id, status="passed") if c.rule_id == rule_id and c.status == "not_applicable" else c
              for c in report.checks]
    return report.model_copy(update={"checks": checks})


def _rendered(report: Report, settings: Settings) -> dict[str, str]:
    from auditor.render import render

    return {fmt: render(report, fmt, lang=settings.lang) for fmt in settings.formats}


def run_batch(
    files: Sequence[Path],
    settings: Settings,
    jobs: int,
    shared: tuple[str, SharedParams] | None,
    on_submit: Callable[[], None] | None = None,
) -> Iterator[Outcome]:
    """Every file's outcome as it finishes; then, when `shared` (the cross-candidate rule's id
    and parameters) is given, a second outcome (`recheck`) for every audited candidate: audited
    again with the lines they share with others, or marked as compared when they share none.

    Close the generator (contextlib.closing) so that an interrupt stops the workers.
    """
    labels = labels_for(files)
    if shared is not None and settings.shared != shared[1]:  # the first pass must keep what the comparison needs
        settings = dataclasses.replace(settings, shared=shared[1])
    with Runner(settings, jobs) as runner:
        reports: dict[int, Report] = {}  # index summaries only
        compared: dict[int, list[tuple[int, str]]] = {}
        packed: dict[int, bytes] = {}
        for outcome in runner.run([Task(i, p) for i, p in enumerate(files)], on_submit=on_submit):
            if outcome.report is not None:
                reports[outcome.index] = outcome.report
            if outcome.compared is not None:
                compared[outcome.index] = outcome.compared
            if outcome.packed is not None:
                packed[outcome.index] = outcome.packed
                outcome.packed = None
            yield outcome
        if shared is None or len(reports) < 2:
            return
        rule_id, params = shared
        sharing = shared_lines(reports, labels, params, compared, runner)
        reports.clear()
        tasks = [Task(i, files[i], sharing.get(i, ()), packed.pop(i), rule_id) for i in sorted(packed)]
        yield from runner.run(tasks)


def progress_bar(total: int) -> tuple[Callable[[], None], Callable[[], None], Callable[[], None]]:
    """(start, advance, stop) of a bar on stderr when stderr is a terminal; no-ops otherwise."""
    if total < 2 or not sys.stderr.isatty():
        return (lambda: None), (lambda: None), (lambda: None)
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(console=Console(stderr=True), transient=True)
    task = progress.add_task("auditing", total=total)
    return progress.start, (lambda: progress.advance(task)), progress.stop
