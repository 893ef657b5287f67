"""Resume templates' example data (rules/kb/templates.yaml): what a resume keeps when the
template it was forked from was not filled in completely.

Kept apart from kb.py's KnowledgeBase: one file, one job (load, validate, and build the
matcher once). Every template names its repository and every example the file it was read
from, with the date it was checked.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from auditor.errors import RuleFileError
from auditor.parse.alternation import literal_alternation
from auditor.resources import rules_dir

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MIN_TEXT = 8  # shorter text matches only as a whole line: a short phrase can be anyone's words


def _width(text: str) -> int:
    """Length with a CJK character counting as two: '你的大名' says as much as 'yourname'."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TemplateExample(_Strict):
    text: str | None = None
    pattern: str | None = None
    whole_line: bool = False
    file: str
    note: str | None = None

    @model_validator(mode="after")
    def _one_form(self) -> "TemplateExample":
        if (self.text is None) == (self.pattern is None):
            raise ValueError("give exactly one of 'text' or 'pattern'")
        if self.pattern is not None:
            re.compile(self.pattern)
            if not self.note:
                raise ValueError("a pattern needs a 'note' saying which variant of the text it covers")
        elif not self.whole_line and _width(norm(self.text or "")) < _MIN_TEXT:
            raise ValueError(f"text {self.text!r} is too short to match inside a line; use whole_line")
        return self


class Template(_Strict):
    id: str
    name: str
    repo: str
    checked: str
    sample: str | None = None  # the sample person the example CV is about
    examples: list[TemplateExample]

    @field_validator("repo")
    @classmethod
    def _url(cls, v: str) -> str:
        if not v.startswith("https://"):
            raise ValueError("repo must be the template's https:// URL")
        return v

    @field_validator("checked")
    @classmethod
    def _day(cls, v: str) -> str:
        if not _DAY.match(v):
            raise ValueError(f"checked must be 'YYYY-MM-DD', got {v!r}")
        return v


# Markup a template's text is written in and a resume is read with: Markdown emphasis and code
# marks, LaTeX's ~ and backslash, heading hashes; NFKC folds full-width forms and ligatures.
_MARKUP = re.compile(r"[*_`\\]+")
_TILDE = re.compile(r"~")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
_ENDS = " \t-•·*+:：;；,，.。|"


def norm(text: str) -> str:
    """Lower-cased, NFKC, markup removed, spaces collapsed: the form both sides are compared in."""
    s = unicodedata.normalize("NFKC", text)
    s = _HEADING.sub("", s)
    s = _TILDE.sub(" ", _MARKUP.sub("", s))
    return " ".join(s.split()).casefold()


def whole_line_key(text: str) -> str:
    """A line reduced to what it says: bullets, numbering marks and end punctuation removed."""
    return norm(text).strip(_ENDS)


@dataclass(frozen=True)
class Matcher:
    """Every template's examples, compiled once: a prefix-tree alternation over the literal texts
    (cost per character, not per example), a dict for whole lines, and the few patterns."""

    templates: tuple[Template, ...]
    literal: re.Pattern[str] | None
    owner: dict[str, tuple[int, str]]  # normalised text -> (template index, text as written)
    whole: dict[str, tuple[int, str]]
    patterns: tuple[tuple[int, re.Pattern[str]], ...]

    def find(self, line: str) -> list[tuple[int, str]]:
        """(template index, the example as the template writes it, or the text a pattern matched)
        of every example the line carries."""
        found: list[tuple[int, str]] = []
        n = norm(line)
        if self.literal is not None:
            found += [self.owner[m.group(0)] for m in self.literal.finditer(n)]
        key = whole_line_key(line)
        if key in self.whole:
            found.append(self.whole[key])
        for i, pat in self.patterns:
            m = pat.search(line)
            if m:
                found.append((i, m.group(0).strip()))
        return found


def build_matcher(templates: list[Template]) -> Matcher:
    owner: dict[str, tuple[int, str]] = {}
    whole: dict[str, tuple[int, str]] = {}
    patterns: list[tuple[int, re.Pattern[str]]] = []
    for i, t in enumerate(templates):
        for ex in t.examples:
            if ex.pattern is not None:
                patterns.append((i, re.compile(ex.pattern)))
            elif ex.whole_line:
                whole[whole_line_key(ex.text or "")] = (i, ex.text or "")
            else:
                owner[norm(ex.text or "")] = (i, ex.text or "")
    literal = re.compile(literal_alternation(owner)) if owner else None
    return Matcher(tuple(templates), literal, owner, whole, tuple(patterns))


def load_templates(path: Path) -> list[Template]:
    """The templates of `path`, each validated so an error names the entry."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise RuleFileError(f"{path}: invalid YAML: {exc}") from exc
    if not isinstance(data, list):
        raise RuleFileError(f"{path}: expected a list of templates")
    out = []
    for item in data:
        try:
            out.append(Template.model_validate(item))
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(x) for x in err["loc"])
            entry = item.get("id") if isinstance(item, dict) else None
            raise RuleFileError(f"{path}: entry '{entry}' field '{where}': {err['msg']}") from exc
    if len({t.id for t in out}) != len(out):
        raise RuleFileError(f"{path}: a template id is used twice")
    return out


@functools.lru_cache(maxsize=4)
def template_matcher(path: Path | None = None) -> Matcher:
    """The matcher of the bundled templates file (or `path`), built once per process."""
    target = path or rules_dir() / "kb" / "templates.yaml"
    return build_matcher(load_templates(target) if target.exists() else [])
