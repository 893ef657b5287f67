"""Check registry: a check is a pure function (resume, params, ctx) -> hits, registered by name.

A hit carries line numbers and message values, never prose: the engine turns hits into
findings with the rule's id, severity, texts and the quoted evidence (as bandit's tester does).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict

from auditor.catalog.kb import KnowledgeBase
from auditor.models import Claim, Document, Resume
from auditor.parse.dates import Point
from auditor.parse.sections import SectionSpan


class NoParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Hit:
    lines: tuple[int, ...]
    values: dict[str, Any] = field(default_factory=dict)
    confidence: str | None = None  # overrides the rule's default confidence
    severity: str | None = None  # may lower (never raise) the rule's severity
    key: str = ""  # extra text for the fingerprint when evidence alone is not unique
    explained_by: str | None = None  # what explains it so it adds no risk (e.g. 'resume_age')


class NotApplicable(Exception):
    """The check had nothing to look at (no publications, no dates): said so, never a silent pass."""


@dataclass
class CheckContext:
    doc: Document
    kb: KnowledgeBase
    as_of: Point
    claims: list[Claim]
    sections: list[SectionSpan]
    language: str = "en"
    as_of_text: str = ""  # the full as-of date for messages ('2026-11-23')
    shared_lines: tuple[Any, ...] | None = None  # batch only: this resume's lines other candidates also have
    partial: str | None = None  # set by a check that could not cover everything (reset for each rule)
    _claims_by_line: dict[int, list[Claim]] | None = field(default=None, init=False, repr=False, compare=False)

    def claims_on(self, line: int) -> list[Claim]:
        """The claims of one line, in reading order (indexed once per audit, not scanned per line)."""
        if self._claims_by_line is None:
            self._claims_by_line = {}
            for c in self.claims:
                self._claims_by_line.setdefault(c.line, []).append(c)
        return self._claims_by_line.get(line, [])

    def say(self, en: str, zh: str) -> str:
        """A message value in the report's language."""
        return zh if self.language == "zh" else en

    def checked_in_part(self, en: str, zh: str) -> None:
        """Say, in `checks[]` and the report, what this check left out: a bounded check must not
        read as a full pass."""
        self.partial = self.say(en, zh)


CheckFn = Callable[[Resume, Any, CheckContext], Iterable[Hit]]


@dataclass(frozen=True)
class CheckSpec:
    name: str
    fn: CheckFn
    params: type[BaseModel]
    doc: str


REGISTRY: dict[str, CheckSpec] = {}


def check(name: str, params: type[BaseModel] = NoParams) -> Callable[[CheckFn], CheckFn]:
    def wrap(fn: CheckFn) -> CheckFn:
        if name in REGISTRY:
            raise ValueError(f"check {name} registered twice")
        REGISTRY[name] = CheckSpec(name, fn, params, (fn.__doc__ or "").strip())
        return fn

    return wrap


def run(spec: CheckSpec, resume: Resume, params: BaseModel, ctx: CheckContext) -> Iterator[Hit]:
    yield from spec.fn(resume, params, ctx)
