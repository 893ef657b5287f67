"""Knowledge bases (rules/kb/*.yaml): venues, technologies, organisations, competitions, placeholders.

Every entry carries its source. Values that YAML would silently change (2023.09 -> float,
dates -> date objects) are declared `str` and must be quoted; a wrong type fails at load.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from collections.abc import Callable
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from auditor.errors import RuleFileError

T = TypeVar("T")
_MONTH = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class VenueYear(_Strict):
    deadline: str | None = None
    notification: str | None = None  # the main track's final decision
    notification_earliest: str | None = None  # multi-round venues: the first decisions
    notification_latest: str | None = None  # a later decision for a secondary category
    multi_cycle: bool = False  # early-cycle decisions exist but their date is unknown
    conference: list[str] | None = None
    source: str
    checked: str | None = None
    note: str | None = None

    @field_validator("deadline", "notification", "notification_earliest", "notification_latest")
    @classmethod
    def _day(cls, v: str | None) -> str | None:
        if v is not None and not _DAY.match(v):
            raise ValueError(f"date must be 'YYYY-MM-DD', got {v!r}")
        return v


class Typical(_Strict):
    notification_month: int | None = Field(default=None, ge=1, le=12)
    conference_month: int | None = Field(default=None, ge=1, le=12)
    notification_month_range: tuple[int, int] | None = None  # earliest and latest month seen in sourced years
    conference_month_range: tuple[int, int] | None = None
    # Winter venues (AAAI, WSDM, WACV) decide the edition of year Y in year Y-1: the typical months
    # are then months of the year before.
    decided_year_before: bool = False
    basis: str | None = None


class Venue(_Strict):
    id: str
    name: str
    short: str
    kind: Literal["conference", "journal", "workshop", "preprint", "findings"]
    aliases: list[str]
    ccf: Literal["A", "B", "C"] | None = None  # CCF 2022 (6th edition)
    ccf_status: Literal["listed", "not_listed", "not_listed_2022", "unverified_cn_list", "unverified"] | None = None
    ccf_source: str | None = None
    ccf_2026: Literal["A", "B", "C"] | None = None  # CCF 2026 (7th edition)
    ccf_2026_status: Literal["listed", "not_listed", "unverified", "unverified_cn_list", "not_A_or_B_C_unverified"] | None = None
    ccf_2026_source: str | None = None
    dblp: str | None = None
    parent: str | None = None
    short_shared_with: list[str] = Field(default_factory=list)  # other venues with the same bare acronym ('FSE')
    typical: Typical | None = None
    years: dict[str, VenueYear] = Field(default_factory=dict)
    source: str | None = None
    checked: str | None = None
    note: str | None = None


class Technology(_Strict):
    id: str
    name: str
    kind: Literal["model", "library", "method", "service", "dataset", "hardware"]
    family: str | None = None
    aliases: list[str]
    # Aliases that are also ordinary words, names or other things (Claude the given name, DPO the
    # data protection officer): they count only with context on the same line (see checks/context.py).
    needs_context: list[str] = Field(default_factory=list)
    context: list[str] = Field(default_factory=list)  # words that show this one is meant, beyond kb/ml_context.yaml
    released: str
    source: str
    checked: str
    note: str | None = None

    @field_validator("released")
    @classmethod
    def _month(cls, v: str) -> str:
        if not _MONTH.match(v):
            raise ValueError(f"released must be 'YYYY-MM' or 'YYYY-MM-DD', got {v!r}")
        return v

    @model_validator(mode="after")
    def _guarded_are_aliases(self) -> "Technology":
        missing = {a.lower() for a in self.needs_context} - {a.lower() for a in self.aliases}
        if missing:
            raise ValueError(f"needs_context names {sorted(missing)}, which are not aliases")
        return self


class MlContext(_Strict):
    """Words that show a line is about machine learning: what an ambiguous alias needs beside it."""

    words: list[str]
    note: str | None = None


class Organization(_Strict):
    """A lab or company name with the date it came into use (founded, formed or renamed)."""

    id: str
    name: str
    event: Literal["founded", "formed", "renamed"]
    since: str
    aliases: list[str]  # matched case-sensitively as whole tokens on an entry's org/title line
    org_only: list[str] = Field(default_factory=list)  # also ordinary words: count only as the whole org field
    formerly: list[str] = Field(default_factory=list)  # earlier names: named on the same line, nothing to ask
    source: str
    checked: str
    note: str | None = None

    @field_validator("since")
    @classmethod
    def _since(cls, v: str) -> str:
        if not _MONTH.match(v):
            raise ValueError(f"since must be 'YYYY-MM' or 'YYYY-MM-DD', got {v!r}")
        return v


class MedalBand(_Strict):
    min_teams: int
    max_teams: int | None = None
    gold: str
    silver: str
    bronze: str


class Competitions(_Strict):
    kaggle_medals: list[MedalBand]
    source: str
    checked: str
    note: str | None = None


class Bilingual(_Strict):
    en: str
    zh: str


class Placeholder(_Strict):
    id: str
    pattern: str
    description: Bilingual
    example: str
    source: str

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str) -> str:
        re.compile(v)
        return v


class Misspelling(_Strict):
    wrong: str
    right: str
    source: str
    needs_context: bool = False  # also a given name ('Bret'): counts only beside machine-learning words


class KnowledgeBase(_Strict):
    venues: list[Venue] = Field(default_factory=list)
    technologies: list[Technology] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    ml_context: MlContext | None = None
    competitions: Competitions | None = None
    placeholders: list[Placeholder] = Field(default_factory=list)
    misspellings: list[Misspelling] = Field(default_factory=list)

    @functools.cached_property
    def venue_by_id(self) -> dict[str, Venue]:
        return {v.id: v for v in self.venues}


_DERIVED: dict[tuple[int, str], tuple["KnowledgeBase", Any]] = {}


def derived(kb: "KnowledgeBase", name: str, build: Callable[["KnowledgeBase"], T]) -> T:
    """Something built once per knowledge base (a compiled alias pattern), not once per resume.

    The KB holds lists, so it cannot be an lru_cache key; the entry keeps the KB alive so its id
    is never reused for another KB while cached.
    """
    cached = _DERIVED.get((id(kb), name))
    if cached is None or cached[0] is not kb:
        cached = (kb, build(kb))
        _DERIVED[(id(kb), name)] = cached
    return cached[1]


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise RuleFileError(f"{path}: invalid YAML: {exc}") from exc


def _validate(path: Path, model: Any, data: Any) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err["loc"])
        entry = data.get("id") if isinstance(data, dict) else None
        label = f" entry '{entry}'" if entry else ""
        raise RuleFileError(f"{path}:{label} field '{where}': {err['msg']}") from exc


_LISTS = {
    "venues": Venue,
    "technologies": Technology,
    "organizations": Organization,
    "placeholders": Placeholder,
    "misspellings": Misspelling,
}


def load_kb(kb_dir: Path) -> KnowledgeBase:
    """Load every knowledge base of `kb_dir`, each file validated on its own so errors name it."""
    parts: dict[str, Any] = {}
    for name, model in _LISTS.items():
        path = kb_dir / f"{name}.yaml"
        if path.exists():
            data = _load_yaml(path) or []
            if not isinstance(data, list):
                raise RuleFileError(f"{path}: expected a list of entries")
            parts[name] = [_validate(path, model, item) for item in data]
    comp = kb_dir / "competitions.yaml"
    if comp.exists():
        parts["competitions"] = _validate(comp, Competitions, _load_yaml(comp))
    context = kb_dir / "ml_context.yaml"
    if context.exists():
        parts["ml_context"] = _validate(context, MlContext, _load_yaml(context))
    kb = KnowledgeBase(**parts)
    _check_unique_aliases(kb)
    return kb


def _check_unique_aliases(kb: KnowledgeBase) -> None:
    for label, entries in (("venues", kb.venues), ("technologies", kb.technologies), ("organizations", kb.organizations)):
        seen: dict[str, str] = {}
        for e in entries:
            if e.id in seen.values():
                raise RuleFileError(f"rules/kb/{label}.yaml: id '{e.id}' is used twice")
            for alias in {a.lower() for a in [*e.aliases, *getattr(e, "org_only", [])]}:
                if alias in seen and seen[alias] != e.id:
                    raise RuleFileError(f"rules/kb/{label}.yaml: alias '{alias}' is in both '{seen[alias]}' and '{e.id}'")
                seen[alias] = e.id
