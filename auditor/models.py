"""Pydantic models: the Document, the parsed Resume and the JSON report (a public contract).

SCHEMA_VERSION history:
  1 - first public version (DESIGN.md). Fields may be added; renaming or removing one bumps it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_VERSION = 1

Language = Literal["zh", "en"]
ExperienceKind = Literal["fulltime", "internship", "research", "project", "competition", "other"]
PubStatus = Literal["published", "accepted", "under_review", "preprint", "unknown"]
Category = Literal[
    "identity", "education", "timeline", "publication", "metric", "anachronism", "content", "verification"
]
Severity = Literal["info", "low", "medium", "high"]
Confidence = Literal["low", "medium", "high"]
CheckStatus = Literal["unchecked", "confirmed", "contradicted", "not_found", "error"]
Precision = Literal["month", "year"]

SEVERITY_ORDER: dict[str, int] = {"info": 0, "low": 1, "medium": 2, "high": 3}
CONFIDENCE_ORDER: dict[str, int] = {"low": 0, "medium": 1, "high": 2}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DroppedText(_Model):
    """Text removed at ingest (watermark residue, rotated or hidden PDF text), kept for the record."""

    text: str
    reason: str
    page: int | None = None


class LineLayout(_Model):
    """What the layout says about one line, where the format says anything (PDF fonts and
    positions, DOCX styles, a CommonMark parse). Plain text has none: every field may be unknown,
    and the parser must still work from the words alone."""

    size: float | None = None  # font size relative to the body text (1.0 = body)
    bold: bool | None = None  # the whole line (or its first run) is bold
    indent: int = 0  # list level or indent step, 0 = flush left
    list_marker: str | None = None  # '-', '•', '1.', … when the line is a list item
    heading: int | None = None  # heading level 1..6 when the line looks like a heading
    page: int | None = None
    column: int | None = None  # 0 = left or only column, 1 = right column, …
    residue: str | None = None  # why the line is not resume text (e.g. 'template-code'), else None


class Document(_Model):
    """A resume as numbered lines: every evidence line number refers to `lines` (1-based).

    `layout` is empty (plain text) or has one LineLayout per line, in the same order."""

    path: str
    sha256: str
    format: str
    language: Language
    lines: list[str]
    layout: list[LineLayout] = Field(default_factory=list)
    dropped: list[DroppedText] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    def line(self, number: int) -> str:
        """The text of 1-based line `number` ('' when out of range)."""
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else ""

    def layout_of(self, number: int) -> LineLayout:
        """The layout of 1-based line `number` (an empty LineLayout when the format gave none)."""
        return self.layout[number - 1] if 1 <= number <= len(self.layout) else LineLayout()

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


class Contacts(_Model):
    emails: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)
    line: int | None = None


class Bullet(_Model):
    line: int
    text: str


class Education(_Model):
    institution: str | None = None
    degree: str | None = None
    degree_level: Literal["bachelor", "master", "phd", "other"] | None = None
    major: str | None = None
    start: str | None = None
    end: str | None = None
    ongoing: bool = False
    expected: bool = False
    precision: Precision = "month"
    line: int
    date_line: int | None = None
    # the body line stating the expected graduation ('预计 2021 年 7 月毕业') when the date line says only 至今
    expected_line: int | None = None
    # admitted, not yet begun ('已获录取，预计于 2020 秋季学期入学', 'Incoming PhD student'): its dates are a plan
    planned: bool = False


class Experience(_Model):
    org: str | None = None
    title: str | None = None
    kind: ExperienceKind
    kind_confidence: Confidence = "medium"
    start: str | None = None
    end: str | None = None
    ongoing: bool = False
    precision: Precision = "month"
    line: int
    date_line: int | None = None
    section: str | None = None
    bullets: list[Bullet] = Field(default_factory=list)
    last_line: int | None = None


class Publication(_Model):
    title: str | None = None
    venue: str | None = None
    venue_id: str | None = None
    year: int | None = None
    status: PubStatus = "unknown"
    status_text: str | None = None
    authors: list[str] = Field(default_factory=list)
    author_position: int | None = None
    author_count: int | None = None
    position_source: Literal["bold", "stated", "none"] = "none"
    listed_position: int | None = None  # where the marked (bold) name stands in the author list
    equal_contribution: bool = False
    claimed_tier: str | None = None
    kind_hint: Literal["paper", "internal_report", "patent", "thesis"] = "paper"
    found_in: Literal["publications", "inline"] = "publications"
    line: int
    first_line: int | None = None  # the entry's first line when it goes on below it and `line` is a later venue line
    check: ClaimCheck = Field(default_factory=lambda: ClaimCheck())

    @property
    def lines(self) -> tuple[int, ...]:
        """What a finding about this paper quotes: the entry's first line too when `line` is a later
        one (two papers each ending 'Under review at ICLR 2024' are then told apart)."""
        return (self.first_line, self.line) if self.first_line and self.first_line != self.line else (self.line,)


class Award(_Model):
    title: str
    year: int | None = None
    rank: str | None = None
    rank_n: int | None = None
    rank_total: int | None = None
    top_percent: float | None = None
    medal: Literal["gold", "silver", "bronze"] | None = None
    line: int


class Section(_Model):
    kind: str
    heading: str
    line: int
    last_line: int


class Resume(_Model):
    name: str | None = None
    name_line: int | None = None
    contacts: Contacts = Field(default_factory=Contacts)
    education: list[Education] = Field(default_factory=list)
    experience: list[Experience] = Field(default_factory=list)
    publications: list[Publication] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    claimed_years: float | None = None
    claimed_years_line: int | None = None


class SourceAttempt(_Model):
    """What one public source answered for one claim (the audit trail behind `ClaimCheck`)."""

    source: str
    status: CheckStatus
    url: str | None = None
    detail: str | None = None
    reason: str | None = None  # status error: why, as a code (no_network, budget, breaker, retries, …)


class ClaimCheck(_Model):
    status: CheckStatus = "unchecked"
    source: str | None = None
    url: str | None = None
    detail: str | None = None
    claimed: str | None = None  # what the resume says, in short ("1st author, NeurIPS 2024, accepted")
    found: str | None = None  # what the source says, side by side ("2nd of 5, CoRR 2024, preprint")
    issues: list[str] = Field(default_factory=list)  # codes of what differs: authorship, status, venue, ...
    attempts: list[SourceAttempt] = Field(default_factory=list)
    reason: str | None = None  # status error: why, as a code when every source failed alike (else "several")


class Claim(_Model):
    id: str
    kind: str
    text: str
    line: int
    verifiability: Literal["public", "private", "none"]
    value: float | None = None
    before: float | None = None
    after: float | None = None
    unit: str | None = None
    check: ClaimCheck = Field(default_factory=ClaimCheck)
    # where the claim sits in its line's plain text (strip_markup), so checks that compare
    # neighbouring figures need not parse the line again; not part of the JSON
    _span: tuple[int, int] | None = PrivateAttr(default=None)


class Evidence(_Model):
    line: int
    text: str


class Accepted(_Model):
    reason: str
    by: str | None = None


class Finding(_Model):
    id: str
    rule_id: str
    rule_name: str
    category: Category
    severity: Severity
    confidence: Confidence
    title: str
    message: str
    evidence: list[Evidence]
    questions: list[str] = Field(default_factory=list)
    fingerprint: str
    accepted: Accepted | None = None
    # what explains the finding, so it adds nothing to the risk score: 'resume_age' when the
    # status was true when the resume was written and only the resume's age made it stale
    explained_by: str | None = None


class RuleCheck(_Model):
    rule_id: str
    status: Literal["passed", "fired", "not_applicable", "error"]
    detail: str | None = None
    partial: str | None = None  # what the check left out, when it could not cover everything


class Question(_Model):
    text: str
    finding_ids: list[str]
    priority: int


class RiskPart(_Model):
    """One problem as the score counts it: the finding that carries its weight, and the findings
    folded into it (another rule on the same line, or a repeat of the same rule)."""
    finding_id: str
    rule_id: str
    weight: float
    folded: list[str] = Field(default_factory=list)


class Risk(_Model):
    score: int = Field(ge=0, le=100)
    level: Literal["low", "medium", "high"]
    parts: list[RiskPart] = Field(default_factory=list)  # what the score counted, heaviest first


class SourceInfo(_Model):
    path: str
    sha256: str
    format: str
    language: Language
    lines: int


class Report(_Model):
    """The JSON report, schema_version 1 (DESIGN.md)."""

    schema_version: Literal[1] = SCHEMA_VERSION
    source: SourceInfo
    as_of: str
    resume: Resume
    claims: list[Claim] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    checks: list[RuleCheck] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    risk: Risk
    text: list[str] = Field(default_factory=list, description="the numbered resume lines evidence refers to")
    online: OnlineSummary | None = None  # present when the audit ran with --online or --cache-only


class SourceUsage(_Model):
    source: str
    requests: int = 0
    cache_hits: int = 0
    errors: list[str] = Field(default_factory=list)


class LinkCheck(_Model):
    url: str
    status: Literal["ok", "dead", "refused", "error"]
    http_status: int | None = None
    detail: str | None = None


class OnlineSummary(_Model):
    """What the online checks asked, of whom, and what could not be checked (never a pass)."""

    mode: Literal["live", "cache_only"]
    sources: list[SourceUsage] = Field(default_factory=list)
    links: list[LinkCheck] = Field(default_factory=list)


Publication.model_rebuild()
Report.model_rebuild()
