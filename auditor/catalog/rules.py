"""The rule catalogue: rules/*.yaml validated into Rule objects (a typo names its file and field)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from auditor.catalog.kb import _load_yaml
from auditor.errors import RuleFileError

CATEGORY_PREFIX = {
    "identity": "IDN", "education": "EDU", "timeline": "TIM", "publication": "PUB",
    "metric": "MET", "anachronism": "ANA", "content": "CON", "verification": "VER",
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Text(_Strict):
    en: str
    zh: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Example(_Strict):
    fail: str | None = None
    pass_: str | None = Field(default=None, alias="pass")
    peer: str | None = None  # batch rules: a second candidate's resume, audited with this one as a batch
    note: str | None = None
    as_of: str | None = None
    todo: bool = False
    # Online-check results the example's lines carry, as `--online` would write them (hand-made):
    # [{line: 1, check: {status: contradicted, issues: [stars], ...}}]. Lets a VER rule's
    # example run with no network; the adapters and the judge are tested on recorded answers.
    online: list[dict[str, Any]] | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="after")
    def _one_kind(self) -> "Example":
        if (self.fail is None) == (self.pass_ is None):
            raise ValueError("an example has exactly one of 'fail' or 'pass'")
        return self

    @field_validator("as_of")
    @classmethod
    def _date(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(v)):
            raise ValueError("as_of must be a quoted 'YYYY-MM-DD'")
        return v


class Rule(_Strict):
    id: str
    name: str
    category: Literal["identity", "education", "timeline", "publication", "metric", "anachronism", "content", "verification"]
    severity: Literal["info", "low", "medium", "high"]
    confidence: Literal["low", "medium", "high"] = "high"
    check: str
    params: dict[str, Any] = Field(default_factory=dict)
    title: Text
    message: Text
    question: Text
    rationale: str
    examples: list[Example]
    enabled: bool = True
    source_file: str = ""

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not re.fullmatch(r"[A-Z]{3}\d{3}", v):
            raise ValueError("id must look like PUB001")
        return v

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", v):
            raise ValueError("name must be kebab-case")
        return v


def load_rule_file(path: Path) -> list[Rule]:
    data = _load_yaml(path)
    if not isinstance(data, list):
        raise RuleFileError(f"{path}: expected a list of rules")
    rules = []
    for i, item in enumerate(data):
        try:
            rule = Rule.model_validate({**item, "source_file": str(path)} if isinstance(item, dict) else item)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(x) for x in err["loc"])
            rid = item.get("id", f"#{i + 1}") if isinstance(item, dict) else f"#{i + 1}"
            raise RuleFileError(f"{path}: rule {rid}: field '{where}': {err['msg']}") from exc
        rules.append(rule)
    return rules
