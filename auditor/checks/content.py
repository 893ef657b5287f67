"""Content checks: template placeholders left in, bullets copied across entries, misspelt
well-known names, and notes meant for the candidate rather than the reader."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from auditor.catalog.kb import KnowledgeBase, Misspelling, derived
from auditor.catalog.templates import template_matcher
from auditor.checks.context import has_context, shared_pattern
from auditor.checks.registry import CheckContext, Hit, NoParams, NotApplicable, check
from auditor.models import Document, Experience, Resume
from auditor.near_text import near_groups
from auditor.parse.alternation import literal_alternation
from auditor.parse.entry_fields import role_of
from auditor.parse.text import shorten, strip_markup


@check("content.placeholder", params=NoParams)
def placeholder(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """Template text left in: 'XXX教授', '1XX-XXXX-XXXX', '20XX-XX', '[Your Name]', 'Lorem ipsum'.

    One hit per kind of placeholder (the knowledge base's entry), quoting every line that has it;
    where two entries match the same text, the first names it. Not a hit: text inside an HTML
    comment, which the reader of the rendered page never sees.
    """
    pats = [(ph, re.compile(ph.pattern)) for ph in ctx.kb.placeholders]
    if not pats:
        raise NotApplicable("no placeholder patterns in the knowledge base")
    anywhere = _any_of(tuple(ph.pattern for ph, _ in pats))
    found: dict[str, list[tuple[int, str]]] = {}
    for n, raw in visible_lines(ctx.doc):
        if not anywhere.search(raw):
            continue  # most lines hold no placeholder: one search, not one per pattern
        taken: list[tuple[int, int]] = []
        for ph, pat in pats:
            m = pat.search(raw)
            if m and not any(m.start() < end and start < m.end() for start, end in taken):
                found.setdefault(ph.id, []).append((n, _quoted(m)))
                taken.append(m.span())
    by_id = {ph.id: ph for ph, _ in pats}
    for kind, places in sorted(found.items(), key=lambda kv: kv[1][0][0]):
        quoted = list(dict.fromkeys(text for _, text in places))
        yield Hit(
            tuple(n for n, _ in places),
            {"text": '", "'.join(quoted[:MAX_SHOWN]), "what": getattr(by_id[kind].description, ctx.language)},
            key=kind,
        )


MAX_SHOWN = 4  # distinct placeholders named in one message; the evidence quotes every line


@functools.lru_cache(maxsize=4)
def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern that matches where any of `patterns` does: a leading '(?i)' scoped to its
    own part, named groups made plain (the parts may share a name)."""
    parts = []
    for pat in patterns:
        body = re.sub(r"\(\?P<\w+>", "(?:", pat)
        parts.append(f"(?i:{body[4:]})" if body.startswith("(?i)") else f"(?:{body})")
    return re.compile("|".join(parts))


def _quoted(m: re.Match[str]) -> str:
    """The placeholder itself: a pattern that must look at the whole line first (a label it skips)
    marks the part to quote as the group `text`."""
    return (m.group("text") if "text" in m.re.groupindex else m.group(0)).strip()


_COMMENT_OPEN = "<!--"
_COMMENT_CLOSE = "-->"


def visible_lines(doc: Document) -> Iterator[tuple[int, str]]:
    """(line number, text) of the lines a reader of the rendered document sees: lines wholly inside
    an HTML comment (a Markdown page's commented-out template sections) are left out, and the
    commented part of a line is blanked."""
    inside = False
    for n, raw in enumerate(doc.lines, 1):
        shown, inside = _outside_comments(raw, inside)
        if shown.strip():
            yield n, shown


def _outside_comments(line: str, inside: bool) -> tuple[str, bool]:
    """The part of `line` outside HTML comments, and whether a comment is still open after it."""
    if _COMMENT_OPEN not in line and not inside:
        return line, False
    parts, pos = [], 0
    while pos <= len(line):
        if inside:
            end = line.find(_COMMENT_CLOSE, pos)
            if end < 0:
                return "".join(parts), True
            pos, inside = end + len(_COMMENT_CLOSE), False
        else:
            start = line.find(_COMMENT_OPEN, pos)
            if start < 0:
                parts.append(line[pos:])
                break
            parts.append(line[pos:start])
            pos, inside = start + len(_COMMENT_OPEN), True
    return "".join(parts), inside


@check("content.template_example", params=NoParams)
def template_example(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """A popular resume template's own example data kept in the resume (its sample person's
    contacts, its sample bullets, its instructions): one hit per template, quoting every line.

    Not a hit: text inside an HTML comment; text other knowledge bases report (xxx, Lorem ipsum,
    github.com/username); a short phrase inside a longer line (short examples match whole lines
    only). High severity when five or more different examples of one template are left: the
    resume is then mostly the template's sample, whatever name is on it.
    """
    matcher = template_matcher()
    if not matcher.templates:
        raise NotApplicable("no template examples in the knowledge base")
    seen: dict[int, dict[str, list[int]]] = {}
    for n, raw in visible_lines(ctx.doc):
        for i, label in matcher.find(raw):
            seen.setdefault(i, {}).setdefault(label, []).append(n)
    for i, examples in sorted(seen.items(), key=lambda kv: min(min(v) for v in kv[1].values())):
        t = matcher.templates[i]
        lines = sorted({n for ns in examples.values() for n in ns})
        labels = list(examples)
        sample = ctx.say(f", whose example CV is about {t.sample}", f"，其示例简历的主人公是 {t.sample}") if t.sample else ""
        yield Hit(
            tuple(lines),
            {"template": t.name, "repo": t.repo, "sample": sample, "count": len(labels),
             "examples": _quoted_list(labels)},
            severity=None if len(labels) >= MANY_EXAMPLES else "medium",
            confidence="high",
            key=t.id,
        )


def _quoted_list(texts: list[str]) -> str:
    """'"a", "b", "c", "d" …': the first few, each quoted and shortened."""
    shown = ", ".join(f'"{shorten(x, 60)}"' for x in texts[:MAX_SHOWN])
    return shown + (" …" if len(texts) > MAX_SHOWN else "")


MANY_EXAMPLES = 5  # different examples of one template: the resume is mostly the template's sample


# Unrendered template code: Jekyll/Liquid tags and Hugo/Liquid output of site or page variables
# ('{% for post in site.publications %}', '{{ site.author.googlescholar }}', '{{ .Site.Title }}'),
# and a date expression left for a renderer ('(Now() - 04/2021).ceil().ordinal()'). Only these
# shapes: '{{ context }}' in an LLM prompt template a candidate describes is prose, not leftovers.
_LIQUID_TAG = re.compile(
    r"\{%-?\s*(?:for|endfor|include|if|endif|unless|endunless|assign|capture|endcapture|else|elsif|case|when|endcase)\b[^%\n]{0,200}%\}"
)
_SITE_VAR = re.compile(r"\{\{-?\s*\.?(?:site|page|post|paginator|include|layout|Site|Params|Page)\.[\w.]{1,80}[^{}\n]{0,80}\}\}")
_DATE_EXPR = re.compile(r"(?i)\b(?:now|today)\(\)\s*[-+]|[-+]\s*(?:now|today)\(\)")
_LOOPED = re.compile(r"\bfor\s+\w+\s+in\s+((?:site|page)\.[\w.]{1,60})")


# Tags that show nothing when rendered ('{% include base_path %}' sets a variable): quoting them
# would report a page source that reads fine.
_SILENT_TAG = re.compile(r"\{%-?\s*(?:include\s+base_path|assign|capture|endcapture)\b[^%\n]{0,200}%\}")
# A variable inside an HTML attribute ('href="{{ site.data.cv_pdf }}"'): the link's text is shown.
_IN_ATTRIBUTE = re.compile(r"=\s*\"[^\"\n]{0,40}\{\{[^{}\n]{1,120}\}\}[^\"\n]{0,40}\"")


def _shows_code(raw: str) -> bool:
    """The line puts template code where the reader would see content."""
    shown = _IN_ATTRIBUTE.sub("", _SILENT_TAG.sub("", raw))
    return bool(_LIQUID_TAG.search(shown) or _SITE_VAR.search(shown) or _DATE_EXPR.search(shown))


def _template_code_lines(doc: Document) -> list[int]:
    marked = {n for n, lay in enumerate(doc.layout, 1) if lay.residue == "template-code"}
    code = {n for n, raw in visible_lines(doc) if _shows_code(raw)}
    return sorted(marked | code)


@check("content.template_code", params=NoParams)
def template_code(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """Template code that was never rendered: Liquid loops over a site's publications, variables
    of the page, a date expression in place of a year. One hit quoting every such line.

    Not a hit: template code inside an HTML comment; '{{ … }}' that is not a site or page variable
    (a prompt template a candidate describes); tags that show nothing ('{% include base_path %}')
    and variables inside an HTML attribute (a link whose text is shown).
    """
    lines = _template_code_lines(ctx.doc)
    if not lines:
        return
    loops = list(dict.fromkeys(m.group(1) for n in lines for m in _LOOPED.finditer(ctx.doc.line(n))))
    listed = ctx.say(f" (it would list {', '.join(loops)})", f"（本应列出 {', '.join(loops)} 的内容）") if loops else ""
    first = next((n for n in lines if _LOOPED.search(ctx.doc.line(n))), lines[0])  # a loop says most
    yield Hit(tuple(lines), {"text": _code_text(ctx.doc.line(first)), "count": len(lines), "loops": listed})


_BRACES = re.compile(r"\{[{%]-?|-?[%}]\}")


def _code_text(line: str) -> str:
    """The first piece of code on the line, without its braces (the evidence quotes the line)."""
    m = _LIQUID_TAG.search(line) or _SITE_VAR.search(line) or _DATE_EXPR.search(line)
    text = m.group(0) if m and not _DATE_EXPR.fullmatch(m.group(0)) else strip_markup(line)
    return shorten(" ".join(_BRACES.sub(" ", text).split()), 80)


class DuplicateParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    min_chars: int = 12
    min_similarity: float = 90.0


# A line under an entry that only says where or with whom the work was done ('School of Software,
# Example University', 'Advisor: Jane Roe, Associate Professor') repeats under every entry at that
# place: it is the entry's affiliation, not a copied achievement.
_WITH_WHOM = re.compile(r"(?:advisor|supervisor|mentor|导师|指导老师|指导教师|合作导师)s?\s*[:：]", re.I)
_PLACE_EN = re.compile(
    r"\b(?:department|university|institute|school|college|laborator(?:y|ies)|lab|co|ltd|inc|corporation|corp|group|cent(?:er|re))\b",
    re.I,
)
_PLACE_ZH = re.compile(r"(?:大学|学院|研究院|研究所|实验室|公司|中心|事业部|部|系)$")
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z&'-]*")


def _names_place_or_person(text: str) -> bool:
    """The bullet names an affiliation or an advisor and nothing else: no figure, a few words, and
    in English every longer word capitalised (a name, not a sentence)."""
    if _WITH_WHOM.match(text):
        return True
    if any(ch.isdigit() for ch in text):
        return False
    words = _EN_WORD.findall(text)
    if words:
        names = all(w[0].isupper() for w in words if len(w) >= 4)
        return names and len(words) <= 14 and bool(_PLACE_EN.search(text))
    return len(text) <= 30 and bool(_PLACE_ZH.search(text.rstrip("。.;；")))


def _norm(text: str) -> str:
    return re.sub(r"[\s\W_]+", "", strip_markup(text)).lower()


# "Seoul Business Agency (SBA)", "Ministry of Science and ICT": a bullet that only names a sponsor or
# client (JSON Resume projects often list one per project); the same funder on two projects is no copy
_NAME_ONLY = re.compile(
    r"(?:[A-Z][\w.&'\-]*|\([A-Z][\w.&'\-]*\)|of|and|for|the|de|&)(?:\s+(?:[A-Z][\w.&'\-]*|\([A-Z][\w.&'\-]*\)|of|and|for|the|de|&)){0,5}"
)


def _names_only(text: str) -> bool:
    """The bullet only names where, with whom or for whom the work was done, or in what role."""
    plain = strip_markup(text)
    return _names_place_or_person(plain) or bool(_NAME_ONLY.fullmatch(plain)) or _names_role(plain) or _tags_only(plain)


_TAG_SPLIT = re.compile(r"[,，、;；|/]")  # no '\s*' around it: from every space a run would be rescanned


def _tags_only(text: str) -> bool:
    """The line lists a few topics or tools and says nothing done ('Machine Learning, Deep Learning,
    NLP', '深度学习、自然语言处理'): the same field under two roles is no copy."""
    parts = [x.strip() for x in _TAG_SPLIT.split(text.strip().rstrip("。.")) if x.strip()]
    if len(parts) < 2 or len(text) > 80 or any(ch.isdigit() or ch in "()（）:：" for ch in text):
        return False
    # a Chinese topic is a short noun ('知识图谱'); a longer run is a clause ('参与大规模语料清洗')
    return all(len(x.split()) <= 3 and len(x) <= (24 if x.isascii() else 6) for x in parts)


def _names_role(text: str) -> bool:
    """The line is a role title, perhaps with its place ('Undergraduate Student Intern  Seoul, Korea',
    '算法实习生 北京'): the same title at two places is a career, not a copied achievement."""
    if not role_of(text) or any(ch.isdigit() for ch in text):
        return False
    words = _EN_WORD.findall(text)
    if words:
        return len(words) <= 8 and all(w[0].isupper() for w in words if len(w) >= 4)
    return len(text) <= 20


@check("content.duplicate_bullet", params=DuplicateParams)
def duplicate_bullet(resume: Resume, p: DuplicateParams, ctx: CheckContext) -> Iterator[Hit]:
    """The same (or nearly the same) bullet under entries of two or more organisations: one hit
    per repeated bullet, naming every entry that carries it (one line quoted per entry).

    Not a hit: short bullets (under `min_chars`); repeats inside one entry; the same org twice;
    a line that only names the place, the advisor or the sponsor ('School of Software, Example
    University', 'Seoul Business Agency (SBA)').
    Bullets are grouped by `near_text.near_groups`, whose cost stays linear on a long CV; past
    its budget the grouping may miss a copy changed at both ends, and `checks[]` says so.
    """
    entries = [e for e in resume.experience if e.bullets]
    if len(entries) < 2:
        raise NotApplicable("fewer than two entries with bullets")
    flat = [
        (i, bl, na)
        for i, e in enumerate(entries)
        for bl in e.bullets
        if len(na := _norm(bl.text)) >= p.min_chars and not _names_only(bl.text)
    ]
    texts = list(dict.fromkeys(na for _, _, na in flat))
    groups = near_groups(texts, p.min_similarity)
    if not groups.exhaustive:
        ctx.checked_in_part(
            f"{len(texts)} distinct bullets: compared with their neighbours in sorted orders, not all pairs; a copy changed at both ends may be missed",
            f"共 {len(texts)} 条不同描述：只比较了排序后的相邻描述，而非两两比较；首尾都改动过的复制可能漏检",
        )
    number = {text: k for k, text in enumerate(texts)}
    text_of = {bl.line: bl.text for _, bl, _ in flat}
    members: dict[int, dict[int, int]] = {}  # group -> {entry: its first line in the group}
    for i, bl, na in flat:
        first = members.setdefault(groups.root[number[na]], {})
        first.setdefault(i, bl.line)
    for group in sorted(members.values(), key=lambda g: min(g.values())):
        orgs = {entries[i].org or f"#{i}" for i in group}
        if len(orgs) < 2:
            continue
        shown = sorted(group, key=group.__getitem__)
        names = list(dict.fromkeys(_entry_name(entries[i], ctx) for i in shown))
        yield Hit(
            tuple(group[i] for i in shown[:MAX_QUOTED]),
            {"text": shorten(text_of[group[shown[0]]], 80), "count": len(shown), "entries": _listing(names, ctx)},
        )


MAX_QUOTED = 6  # lines quoted for one repeated bullet; the message still names every entry


def _entry_name(entry: Experience, ctx: CheckContext) -> str:
    return entry.org or entry.title or ctx.say(f"the entry at line {entry.line}", f"第 {entry.line} 行的经历")


def _listing(names: list[str], ctx: CheckContext, shown: int = 4) -> str:
    """'A and B', 'A, B, C, D and 3 more' (or the Chinese equivalent)."""
    head, rest = names[:shown], len(names) - shown
    if rest > 0:
        return ctx.say(f"{', '.join(head)} and {rest} more", f"{'、'.join(head)} 等 {len(names)} 段经历")
    if len(head) == 1:
        return head[0]
    return ctx.say(f"{', '.join(head[:-1])} and {head[-1]}", f"{'、'.join(head[:-1])} 和 {head[-1]}")


def _misspelling_patterns(kb: KnowledgeBase) -> tuple[list[tuple[Misspelling, re.Pattern[str]]], re.Pattern[str]]:
    """Each misspelling's pattern, and one pattern that finds a line with any of them."""
    pats = [(m, re.compile(rf"(?<![A-Za-z]){re.escape(m.wrong)}(?![A-Za-z])")) for m in kb.misspellings]
    any_wrong = re.compile(rf"(?<![A-Za-z])(?:{literal_alternation(m.wrong for m in kb.misspellings)})(?![A-Za-z])")
    return pats, any_wrong


@check("content.misspelled_name", params=NoParams)
def misspelled_name(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """A well-known model or tool name misspelt ('Bret' for BERT, 'CILP' for CLIP): worth asking how well it is known."""
    if not ctx.kb.misspellings:
        raise NotApplicable("no misspelling list in the knowledge base")
    pats, any_wrong = derived(ctx.kb, "misspellings", _misspelling_patterns)
    for n, raw in enumerate(ctx.doc.lines, 1):
        if not any_wrong.search(raw):  # one pass per line; most lines have none
            continue
        found = [(m, pat.search(raw)) for m, pat in pats]
        hits = [(m, x) for m, x in found if x and not (m.needs_context and not has_context(raw, x.start(), x.end(), shared_pattern(ctx.kb)))]
        if hits:
            yield Hit((n,), {"wrong": ", ".join(m.wrong for m, _ in hits), "right": ", ".join(m.right for m, _ in hits)})


_ASIDE = re.compile(
    r"面试(?:中)?可能(?:会)?被问|面试官可能|可能被问到的|面试准备|面试题|风险点|questions? (?:you|I) (?:may|might|could) be asked|"
    r"likely interview questions|interview prep|weak(?:ness|nesses) to prepare|note to self|TODO[:：]",
    re.I,
)


@check("content.note_to_candidate", params=NoParams)
def note_to_candidate(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """Text meant for the candidate, not the reader: a list of likely interview questions, prep notes, TODOs."""
    for n, raw in enumerate(ctx.doc.lines, 1):
        if _ASIDE.search(raw):
            yield Hit((n,), {"text": strip_markup(raw)[:60]})
            return


_COMPONENT_MODEL = re.compile(
    r"(?P<c1>[\u4e00-\u9fff]{2,8}?)模型\s*[（(]\s*(?P<m1>[A-Za-z][A-Za-z\-]*-?\d[A-Za-z0-9.\-]*)\s*[)）]"
    r"|(?<![A-Za-z])(?P<m2>[A-Za-z][A-Za-z\-]*-?\d[A-Za-z0-9.\-]*)\s*(?P<c2>[\u4e00-\u9fff]{2,8}?)模型"
)
_LEAD = re.compile(r"^(?:微调|训练|部署|基于|使用|采用|对|将|用|的)+")


def _family(model: str) -> tuple[str, str]:
    m = re.match(r"([A-Za-z]+)[\-]?(\d[\w.]*?)(?:-(\d+(?:\.\d+)?[BbMm]))?$", model)
    if not m:
        return model.lower(), ""
    return m.group(1).lower(), m.group(2)


@check("content.model_version_conflict", params=NoParams)
def model_version_conflict(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """One component named with two versions of a model in the same entry ('意图识别模型' is
    Qwen2.5-7B on one line and Qwen2-7B on another).

    Not a hit: two different components; different model families; different entries.
    """
    entries = [e for e in resume.experience if e.bullets]
    if not entries:
        raise NotApplicable("no entries with bullets")
    for e in entries:
        seen: dict[str, tuple[str, int]] = {}
        for b in e.bullets:
            for m in _COMPONENT_MODEL.finditer(b.text):
                comp = _LEAD.sub("", m.group("c1") or m.group("c2") or "")
                model = m.group("m1") or m.group("m2")
                if len(comp) < 2:
                    continue
                if comp in seen:
                    prev, line = seen[comp]
                    fam_a, ver_a = _family(prev)
                    fam_b, ver_b = _family(model)
                    if fam_a == fam_b and ver_a != ver_b and line != b.line:
                        yield Hit((line, b.line), {"component": comp, "a": prev, "b": model})
                        break
                else:
                    seen[comp] = (model, b.line)
