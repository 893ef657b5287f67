"""Anachronism: a technology named in an entry that ended before the technology was released."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from auditor.catalog.kb import KnowledgeBase, Technology, derived
from auditor.checks.context import has_context, shared_words, words_pattern
from auditor.checks.registry import CheckContext, Hit, NotApplicable, check
from auditor.models import Resume
from auditor.parse.alternation import literal_alternation
from auditor.parse.dates import parse_iso


class TechParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    min_gap_months: int = 1
    high_gap_months: int = 6


class TechIndex:
    """Whole-token, case-insensitive alias matching; the longest alias wins ('Qwen2.5' over 'Qwen').

    An alias in its entry's `needs_context` (an ordinary word or name too) counts only with
    context on its line: a machine-learning word, a version after it, or another technology
    whose alias is not ambiguous ('Claude and GPT-4 APIs')."""

    def __init__(self, techs: list[Technology], shared: list[str] | None = None):
        self.by_alias = {a.lower(): t for t in techs for a in t.aliases}
        alt = literal_alternation(self.by_alias)  # longest alias first, as a prefix tree (speed)
        self.pattern = re.compile(rf"(?<![A-Za-z0-9])(?:{alt})(?![A-Za-z0-9])", re.I)
        self.guarded = {a.lower() for t in techs for a in t.needs_context}
        self.context = {t.id: words_pattern([*(shared or []), *t.context]) for t in techs if t.needs_context}

    def find(self, text: str) -> list[tuple[Technology, str, int]]:
        """The technologies named in `text`: (entry, the alias as written, where it starts)."""
        found = list(self.pattern.finditer(text))
        plain = [m for m in found if m.group(0).lower() not in self.guarded]
        out = []
        for m in found:
            tech = self.by_alias[m.group(0).lower()]
            if m.group(0).lower() in self.guarded and not (plain or has_context(text, m.start(), m.end(), self.context[tech.id])):
                continue
            out.append((tech, m.group(0), m.start()))
        return out


def tech_index(kb: KnowledgeBase) -> TechIndex:
    return derived(kb, "technologies", lambda k: TechIndex(k.technologies, shared_words(k)))


_HEADING = re.compile(r"^[^0-9]{2,40}$")
_CAPITALS = re.compile(r"^[A-Z][A-Z &/,\-]{1,38}$")
_SKILLS_HEADING = re.compile(r"(?:skills?|技能|技术栈|专业技能)\s*[:：]?$", re.I)


def _heading_like(line: str) -> bool:
    """A short line without digits written in capitals, or ending in a skills word: a heading.

    A guard for this check only: skills describe today, so reading them into the entry above
    would date the whole skill list to that entry."""
    text = line.strip().strip("#*_ ")
    if not _HEADING.match(text):
        return False
    return (bool(_CAPITALS.match(text)) and len(text.split()) <= 5) or bool(_SKILLS_HEADING.search(text))


def _org_span(line: str, org: str | None) -> range:
    """Where the entry's organisation stands on its header line: a company named after its model
    ('DeepSeek, Research Intern') is the employer there, which organizations.yaml dates instead."""
    at = line.find(org) if org else -1
    return range(at, at + len(org)) if org and at >= 0 else range(0)


@check("anachronism.tech_before_release", params=TechParams)
def tech_before_release(resume: Resume, p: TechParams, ctx: CheckContext) -> Iterator[Hit]:
    """A model, library or method named in an entry whose end date is before its first public release.

    Not a hit: ongoing entries; mentions in skills or summary sections (they describe today);
    year-only dates; a release within `min_gap_months` of the end (early access, rounding); an
    ambiguous alias without context ('Claude Shannon', 'RAG status'); the employer's own name.
    """
    if not ctx.kb.technologies:
        raise NotApplicable("no technology knowledge base")
    index = tech_index(ctx.kb)
    ended = [e for e in resume.experience if e.end and e.precision == "month"]
    if not ended:
        raise NotApplicable("no experience with an end date")
    for e in ended:
        end = parse_iso(e.end)
        assert end is not None
        seen: set[str] = set()
        for n in range(e.line, (e.last_line or e.date_line or e.line) + 1):
            text = ctx.doc.line(n)
            if n > (e.date_line or e.line) and _heading_like(text):
                break  # a section the parser did not see ('PROFICIENT SKILLS'): the entry ends here
            employer = _org_span(text, e.org) if n == e.line else range(0)
            for tech, said, at in index.find(text):
                if tech.id in seen or at in employer:
                    continue
                rel = parse_iso(tech.released[:7])
                assert rel is not None
                gap = rel.index - end.index
                if gap >= p.min_gap_months:
                    seen.add(tech.id)
                    lines = tuple(sorted({e.date_line or e.line, n}))
                    yield Hit(
                        lines,
                        {"tech": said, "name": tech.name, "released": tech.released[:7], "entry": e.org or e.title or "entry",
                         "end": e.end, "months": gap, "source": tech.source},
                        confidence="high" if gap >= 3 else "medium",
                        severity=None if gap >= p.high_gap_months else "medium",
                        key=tech.id,
                    )
