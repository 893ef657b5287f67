"""Organisation names younger than the entry: 'Google DeepMind, 2021' or 'Meta AI, 2020'."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from auditor.catalog.kb import KnowledgeBase, Organization, derived
from auditor.checks.registry import CheckContext, Hit, NotApplicable, check
from auditor.models import Experience, Resume
from auditor.parse.alternation import literal_alternation
from auditor.parse.dates import parse_iso


class OrgParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    min_gap_months: int = 2  # founding dates are fuzzy (incorporation before announcement)


def _tokens(names: list[str]) -> re.Pattern[str]:
    """Any of `names`, case-sensitive; Latin edges must not touch Latin letters or digits."""
    return re.compile(rf"(?<![A-Za-z0-9])(?:{literal_alternation(names)})(?![A-Za-z0-9])")


class OrgIndex:
    """Case-sensitive name look-up: proper names, so 'meta-learning' is never Meta."""

    def __init__(self, orgs: list[Organization]):
        self.by_name = {a: o for o in orgs for a in o.aliases}
        self.by_org = {a: o for o in orgs for a in o.org_only}
        self.pattern = _tokens(list(self.by_name))
        self.formerly = {o.id: _tokens(o.formerly) for o in orgs if o.formerly}

    def named(self, entry: Experience, text: str) -> list[tuple[Organization, str]]:
        """Organisations named on the entry's header text, the whole org field included."""
        found = [(self.by_name[m.group(0)], m.group(0)) for m in self.pattern.finditer(text)]
        org = (entry.org or "").strip()
        if org in self.by_org:
            found.append((self.by_org[org], org))
        return found

    def explained(self, org: Organization, text: str) -> bool:
        """The line names the earlier name too ('Meta (Facebook)'): nothing to ask."""
        pat = self.formerly.get(org.id)
        return bool(pat and pat.search(text))


def org_index(kb: KnowledgeBase) -> OrgIndex:
    return derived(kb, "organizations", lambda k: OrgIndex(k.organizations))


def _header(entry: Experience, ctx: CheckContext) -> tuple[tuple[int, ...], str]:
    """The entry's organisation and title line(s): where an employer is named."""
    lines = tuple(sorted({entry.line, entry.date_line or entry.line}))
    return lines, " ".join(ctx.doc.line(n) for n in lines)


@check("anachronism.org_name_before_it_existed", params=OrgParams)
def org_name_before_it_existed(resume: Resume, p: OrgParams, ctx: CheckContext) -> Iterator[Hit]:
    """An experience entry that ended before its organisation existed under the name it gives.

    Not a hit: ongoing entries and entries that end after the name came into use (people who stayed
    through a rename use today's name); the earlier name on the same line ('Meta (Facebook)');
    a gap under `min_gap_months`; names in bullets (those describe the work, not the employer).
    """
    if not ctx.kb.organizations:
        raise NotApplicable("no organisation knowledge base")
    ended = [e for e in resume.experience if e.end]
    if not ended:
        raise NotApplicable("no experience with an end date")
    index = org_index(ctx.kb)
    for e in ended:
        lines, text = _header(e, ctx)
        end = parse_iso(e.end)
        assert end is not None
        for org, said in index.named(e, text):
            since = parse_iso(org.since[:7])
            assert since is not None
            gap = since.index - end.index
            if gap < p.min_gap_months or index.explained(org, text):
                continue
            yield Hit(
                lines,
                {"org": said, "name": org.name, "event": ctx.say(org.event, _EVENT_ZH[org.event]), "since": org.since[:7],
                 "end": e.end, "source": org.source},
                confidence="medium",
                severity="medium" if org.event == "founded" else "low",
                key=org.id,
            )
            break


_EVENT_ZH = {"founded": "成立", "formed": "组建", "renamed": "更名"}
