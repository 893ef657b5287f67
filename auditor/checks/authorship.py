"""Authorship claims against the resume's own facts: a co-first claim on a paper whose author
list puts the candidate third or later without an equal-contribution mark, and a count of
first-author papers larger than the list shows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from auditor.checks.content import visible_lines
from auditor.checks.registry import CheckContext, Hit, NoParams, NotApplicable, check
from auditor.models import Document, Publication, Resume
from auditor.verify.names import find_author

# A co-first claim: '共同一作', '共同1作', '共同第一作者', 'co-first author', 'equal contribution',
# 'joint first author'.
_CO_FIRST = re.compile(
    r"(?i)共同\s*(?:第\s*)?(?:一|1)\s*作|同等贡献|co-?first|joint(?:ly)?[ -]first|equal(?:ly)?[ -]contribut"
)
# A legend that explains the marks of the whole list ('* equal contribution', '† denotes equal
# contribution', '*表示共同一作', '* co-first authors'): not a claim about one paper.
_LEGEND = re.compile(r"(?i)(?:[*†‡#]|\\dagger)\s*(?:[:：=]|denotes|indicates|marks|表示|为)?\s*(?:equal|共同|同等|co-?first|joint(?:ly)?[ -]first)")
_MARK = re.compile(r"[*†‡#]|\\dagger|\^\{?\\?\*")
_EMPHASIS = re.compile(r"\*[^*]+\*|_[^_]+_")
_SPLIT = re.compile(r"[,，、&]|\band\b")  # parts are stripped after: no \s* around (linear)
_NAME_PART = re.compile(r"^[^\d:：()（）\[\]]{2,40}$")
WINDOW = 4  # lines around a claim where its paper's author list may stand


@dataclass(frozen=True)
class AuthorLine:
    line: int
    position: int
    count: int
    marked: bool
    strong: bool  # a full-name match


def _clean(part: str) -> tuple[str, bool]:
    """An author as written, without bold and emphasis, and whether it carries a mark."""
    p = part.replace("**", "").replace("__", "").strip()
    if _EMPHASIS.fullmatch(p):
        p = p[1:-1]
    marked = bool(_MARK.search(p))
    return _MARK.sub("", p).strip(" .;；"), marked


def _author_list(text: str, candidate: str) -> tuple[int, int, bool, bool] | None:
    """(position, authors, marked, full match) of the candidate in an author list on the line."""
    for segment in re.split(r"[;；|]", text):
        parts = [p.strip() for p in _SPLIT.split(segment) if p.strip()]
        if len(parts) < 3 or not all(_NAME_PART.match(p.strip()) for p in parts[:3]):
            continue
        cleaned = [_clean(p) for p in parts]
        found = find_author(candidate, [name for name, _ in cleaned])
        if found:
            pos, strength = found
            return pos, len(parts), cleaned[pos - 1][1], strength == "full"
    return None


def _nearest_author_line(doc: Document, anchor: int, candidate: str) -> AuthorLine | None:
    for n in sorted(range(max(1, anchor - WINDOW), min(len(doc.lines), anchor + WINDOW) + 1), key=lambda k: abs(k - anchor)):
        found = _author_list(doc.line(n), candidate)
        if found:
            pos, count, marked, strong = found
            return AuthorLine(n, pos, count, marked, strong and abs(n - anchor) <= 2)
    return None


def _claim_lines(resume: Resume, doc: Document) -> list[int]:
    lines = {n for n, raw in visible_lines(doc) if _CO_FIRST.search(raw) and not _LEGEND.search(raw)}
    lines |= {p.line for p in resume.publications if p.equal_contribution}
    return sorted(lines)


def co_first_hits(resume: Resume, ctx: CheckContext) -> Iterator[Hit]:
    """A co-first claim on a paper that lists the candidate third or later, unmarked."""
    seen: set[int] = set()
    for anchor in _claim_lines(resume, ctx.doc):
        author = _nearest_author_line(ctx.doc, anchor, resume.name or "")
        if author is None or author.line in seen or author.position < 3 or author.marked:
            continue
        seen.add(author.line)
        yield Hit(
            tuple(sorted({anchor, author.line})),
            {
                "claim": ctx.say("a co-first (equal contribution) authorship", "共同第一作者"),
                "listed": ctx.say(
                    f"the author list puts the candidate {author.position} of {author.count}, with no equal-contribution mark on the name",
                    f"作者列表中候选人排第 {author.position} 位（共 {author.count} 位），名字上也没有同等贡献标记",
                ),
            },
            severity="low",
            confidence="high" if author.strong else "medium",
            key=f"co-first:{author.line}",
        )


_NUMBER = r"(?P<n>\d{1,2}|[一二两三四五六七八九十]|one|two|three|four|five|six|seven|eight|nine|ten)"
_FIRST_COUNT = re.compile(
    rf"(?i){_NUMBER}\s*篇[^，。,;；\n]{{0,16}}?(?<!共同)(?<!共同第)(?:第一作者|一作)"
    rf"|(?<!共同)(?<!共同第)(?:第一作者|一作)(?:身份)?[^，。,;；\n\d]{{0,10}}?{_NUMBER.replace('?P<n>', '?P<n2>')}\s*篇"
    rf"|\b{_NUMBER.replace('?P<n>', '?P<n3>')}\s+(?:[A-Za-z-]+\s+){{0,2}}?first[- ]author(?:ed)?\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:papers|publications|articles)\b"
    rf"|\bfirst[- ]author\s+(?:of|on)\s+{_NUMBER.replace('?P<n>', '?P<n4>')}\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:papers|publications|articles)\b"
)
_WORDS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
          "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _number(m: re.Match[str]) -> int:
    text = next(g for g in (m.group("n"), m.group("n2"), m.group("n3"), m.group("n4")) if g).lower()
    return int(text) if text.isdigit() else _WORDS[text]


def _position(pub: Publication, name: str | None) -> int | None:
    """The candidate's place on the paper: as the resume states or marks it, else where the
    author list names them in full (the parser leaves an unmarked list without a position)."""
    if pub.author_position or not (name and pub.authors):
        return pub.author_position
    found = find_author(name, pub.authors)
    return found[0] if found and found[1] == "full" else None


def first_count_hits(resume: Resume, ctx: CheckContext) -> Iterator[Hit]:
    """'5 篇一作' / '3 first-author papers' when fewer listed papers can be first-author ones."""
    papers = [p for p in resume.publications if p.kind_hint == "paper"]
    if not papers:
        return
    positions = [_position(p, resume.name) for p in papers]
    first = positions.count(1)
    unknown = positions.count(None)
    for n, raw in visible_lines(ctx.doc):
        m = _FIRST_COUNT.search(raw)
        if not m:
            continue
        claimed = _number(m)
        if claimed <= first + unknown:
            continue
        clear = unknown == 0
        yield Hit(
            (n,),
            {
                "claim": ctx.say(f"{claimed} first-author papers", f"{claimed} 篇第一作者论文"),
                "listed": ctx.say(
                    f"the resume lists {len(papers)} paper(s), {first} of them as first author" + ("" if clear else f" and {unknown} without a stated position"),
                    f"简历列出 {len(papers)} 篇论文，其中第一作者 {first} 篇" + ("" if clear else f"，另有 {unknown} 篇未写明作者位次"),
                ),
            },
            severity="medium" if clear and claimed >= first + 2 else "low",
            confidence="high" if clear else "medium",
            key=f"first-count:{n}",
        )
        return


@check("authorship.claim_vs_list", params=NoParams)
def claim_vs_list(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """Authorship claims the resume's own publication facts do not bear out: a co-first claim
    whose author list puts the candidate third or later with no equal-contribution mark; a count
    of first-author papers above the number of listed papers that can be first-author ones.

    Not a hit: co-first as second author (the usual case); a name carrying the list's mark
    ('Hande Dong*'); a legend explaining the marks ('* equal contribution'); a count the list
    can hold once papers without a stated position are counted as first-author; no name or no
    listed papers to compare with.
    """
    if not resume.name and not resume.publications:
        raise NotApplicable("no name and no publications to compare claims with")
    if resume.name:
        yield from co_first_hits(resume, ctx)
    yield from first_count_hits(resume, ctx)
