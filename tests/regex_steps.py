"""Count the work of a regular expression instead of timing it: a small backtracking matcher over
the parse tree Python's own `re` builds, with a step counter and a step limit.

It follows the same search order as `re` (leftmost start, greedy/lazy repeats, ordered
alternation, look-arounds), without `re`'s shortcuts, so its step count is an upper bound
in shape: a pattern linear here is linear in `re`. The test feeds each pattern a long run of a
bad shape (n and 4n characters) and requires the step count to grow about 4x, not 16x.
Used only by tests/test_hostile.py; nothing like it ships, since `re` offers no step count.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

try:  # Python 3.11+
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

LIMIT = 3_000_000


class TooManySteps(Exception):
    pass


class Unsupported(Exception):
    pass


def _in_category(cat: object, ch: str) -> bool:
    if cat is C.CATEGORY_DIGIT:
        return unicodedata.category(ch) == "Nd"
    if cat is C.CATEGORY_NOT_DIGIT:
        return unicodedata.category(ch) != "Nd"
    if cat is C.CATEGORY_SPACE:
        return ch.isspace()
    if cat is C.CATEGORY_NOT_SPACE:
        return not ch.isspace()
    if cat is C.CATEGORY_WORD:
        return ch.isalnum() or ch == "_"
    if cat is C.CATEGORY_NOT_WORD:
        return not (ch.isalnum() or ch == "_")
    raise Unsupported(str(cat))


class Matcher:
    def __init__(self, text: str, flags: int, limit: int = LIMIT):
        self.text = text
        self.n = len(text)
        self.flags = flags
        self.steps = 0
        self.limit = limit

    def tick(self) -> None:
        self.steps += 1
        if self.steps > self.limit:
            raise TooManySteps

    # one character against a LITERAL / IN / ANY item
    def _char(self, op: object, av: object, ch: str, icase: bool) -> bool:
        if op is C.LITERAL:
            c = chr(av)  # type: ignore[arg-type]
            return ch == c or (icase and ch.lower() == c.lower())
        if op is C.NOT_LITERAL:
            c = chr(av)  # type: ignore[arg-type]
            return not (ch == c or (icase and ch.lower() == c.lower()))
        if op is C.ANY:
            return ch != "\n" or bool(self.flags & re.S)
        if op is C.IN:
            negate = False
            hit = False
            variants = {ch, ch.lower(), ch.upper()} if icase else {ch}
            for sop, sav in av:  # type: ignore[attr-defined]
                if sop is C.NEGATE:
                    negate = True
                elif sop is C.LITERAL:
                    hit = hit or chr(sav) in variants
                elif sop is C.RANGE:
                    hit = hit or any(sav[0] <= ord(v) <= sav[1] for v in variants)
                elif sop is C.CATEGORY:
                    hit = hit or _in_category(sav, ch)
                else:
                    raise Unsupported(str(sop))
            return hit != negate
        raise Unsupported(str(op))

    def _at(self, av: object, pos: int) -> bool:
        t, n = self.text, self.n
        multi = bool(self.flags & re.M)
        if av is C.AT_BEGINNING:
            return pos == 0 or (multi and t[pos - 1] == "\n")
        if av is C.AT_BEGINNING_STRING:
            return pos == 0
        if av is C.AT_END:
            return pos == n or (pos == n - 1 and t[pos] == "\n") or (multi and pos < n and t[pos] == "\n")
        if av is C.AT_END_STRING:
            return pos == n

        def word(i: int) -> bool:
            return 0 <= i < n and (t[i].isalnum() or t[i] == "_")

        if av is C.AT_BOUNDARY:
            return word(pos - 1) != word(pos)
        if av is C.AT_NON_BOUNDARY:
            return word(pos - 1) == word(pos)
        raise Unsupported(str(av))

    def seq(self, items: list, k: int, pos: int, icase: bool, cont: Callable[[int], int | None]) -> int | None:
        self.tick()
        if k == len(items):
            return cont(pos)
        op, av = items[k]

        def nxt(p: int) -> int | None:
            return self.seq(items, k + 1, p, icase, cont)

        if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
            if pos < self.n and self._char(op, av, self.text[pos], icase):
                return nxt(pos + 1)
            return None
        if op is C.AT:
            return nxt(pos) if self._at(av, pos) else None
        if op is C.BRANCH:
            for alt in av[1]:
                r = self.seq(list(alt), 0, pos, icase, nxt)
                if r is not None:
                    return r
            return None
        if op is C.SUBPATTERN:
            _, add, delete, sub = av
            inner = (icase or bool(add & re.I)) and not bool(delete & re.I)
            return self.seq(list(sub), 0, pos, inner, nxt)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av
            hi = float("inf") if hi is C.MAXREPEAT else hi
            if op is getattr(C, "POSSESSIVE_REPEAT", None):
                end = self.rep(list(sub), lo, hi, 0, pos, icase, lambda e: e, True)
                return None if end is None else nxt(end)
            return self.rep(list(sub), lo, hi, 0, pos, icase, nxt, op is C.MAX_REPEAT)
        if op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub = av
            items_sub = list(sub)
            if direction == 1:
                ok = self.seq(items_sub, 0, pos, icase, lambda e: e) is not None
            else:
                width = sub.getwidth()[0]
                start = pos - width
                ok = start >= 0 and self.seq(items_sub, 0, start, icase, lambda e: e if e == pos else None) is not None
            if (op is C.ASSERT) == ok:
                return nxt(pos)
            return None
        if op is getattr(C, "ATOMIC_GROUP", None):
            end = self.seq(list(av), 0, pos, icase, lambda e: e)
            return None if end is None else nxt(end)
        raise Unsupported(str(op))

    def rep(self, sub: list, lo: int, hi: float, count: int, pos: int, icase: bool, cont: Callable[[int], int | None], greedy: bool) -> int | None:
        self.tick()

        def again(e: int) -> int | None:
            if e == pos and count >= lo:
                return None  # an empty iteration ends the loop, as in re
            return self.rep(sub, lo, hi, count + 1, e, icase, cont, greedy)

        if greedy:
            if count < hi:
                r = self.seq(sub, 0, pos, icase, again)
                if r is not None:
                    return r
            return cont(pos) if count >= lo else None
        if count >= lo:
            r = cont(pos)
            if r is not None:
                return r
        return self.seq(sub, 0, pos, icase, again) if count < hi else None


def finditer_steps(pattern: re.Pattern[str], text: str, limit: int = LIMIT, anchored: bool = False) -> int:
    """Steps of `pattern.finditer(text)` run to the end (every start position, as re scans), or
    of one `match`/`fullmatch` at the start when `anchored`."""
    tree = P.parse(pattern.pattern, pattern.flags)
    items = list(tree)
    flags = tree.state.flags
    m = Matcher(text, flags, limit)
    pos = 0
    while pos <= len(text):
        end = m.seq(items, 0, pos, bool(flags & re.I), lambda e: e)
        if anchored:
            break
        pos = pos + 1 if end is None or end == pos else end
    return m.steps


def grows_linearly(pattern: re.Pattern[str], filler: str, n: int = 24, anchored: bool = False) -> str | None:
    """None when the steps for a 4n-character run (plus a breaking tail) grow at most ~8x those for
    n; else what went wrong. Linear is ~4x, quadratic ~16x."""
    def text(k: int) -> str:
        return (filler * (k // len(filler) + 1))[:k] + "x!"

    try:
        small = finditer_steps(pattern, text(n), anchored=anchored)
        big = finditer_steps(pattern, text(4 * n), anchored=anchored)
    except TooManySteps:
        return f"over {LIMIT:,} steps for {4 * n} characters"
    except Unsupported:
        return None  # a construct this counter does not model (back-references): not checked
    ratio = big / max(small, 1)
    if ratio > 8 and n < 96:  # a bounded repeat ({1,64}) is only seen to be linear past its bound
        return grows_linearly(pattern, filler, 96, anchored)
    return None if ratio <= 8 else f"{small:,} -> {big:,} steps for {n} -> {4 * n} characters ({ratio:.1f}x)"


# --- which patterns -----------------------------------------------------------------------------

_FLAG_NAMES = {"I": re.I, "IGNORECASE": re.I, "M": re.M, "MULTILINE": re.M, "S": re.S, "DOTALL": re.S, "X": re.X, "VERBOSE": re.X}
_RE_FUNCS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}


def _flags(node: ast.expr | None) -> int | None:
    if node is None:
        return 0
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "re":
        return _FLAG_NAMES.get(node.attr)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        a, b = _flags(node.left), _flags(node.right)
        return None if a is None or b is None else a | b
    return None


def _inline_patterns(path: Path) -> Iterator[tuple[str, re.Pattern[str], bool]]:
    """re.search(r"…", …) and friends written inside functions, with constant flags."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _RE_FUNCS):
            continue
        if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "re"):
            continue
        if not node.args or not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            continue
        flag_node = next((kw.value for kw in node.keywords if kw.arg == "flags"), None)
        if flag_node is None and node.func.attr in ("compile", "search", "match", "fullmatch", "findall", "finditer") and len(node.args) > 2:
            flag_node = node.args[2]
        if node.func.attr == "compile" and len(node.args) > 1:
            flag_node = node.args[1]
        flags = _flags(flag_node)
        if flags is None:
            continue
        try:
            anchored = node.func.attr in ("match", "fullmatch")
            yield f"{path.name}:{node.lineno}", re.compile(node.args[0].value, flags), anchored
        except re.error:
            continue


def _module_patterns(module: object) -> Iterator[tuple[str, re.Pattern[str]]]:
    for name, value in vars(module).items():
        values = [value]
        if isinstance(value, (list, tuple)):
            values = [v for item in value for v in (item if isinstance(item, tuple) else (item,))]
        elif isinstance(value, dict):
            values = list(value.values())
        for v in values:
            if isinstance(v, re.Pattern) and isinstance(v.pattern, str):
                yield f"{module.__name__}.{name}", v  # type: ignore[attr-defined]


def _kb_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    from auditor.catalog import load_catalog
    from auditor.checks.anachronism import TechIndex
    from auditor.checks.content import _misspelling_patterns
    from auditor.parse.publications import VenueIndex

    kb = load_catalog().kb
    venues = VenueIndex(kb.venues)
    yield "VenueIndex._re", venues._re
    yield "VenueIndex._findings_re", venues._findings_re
    yield "TechIndex.pattern", TechIndex(kb.technologies).pattern
    from auditor.checks.context import shared_pattern, shared_words
    from auditor.checks.organizations import OrgIndex

    yield "ml_context words", shared_pattern(kb)
    for tech_id, pat in TechIndex(kb.technologies, shared_words(kb)).context.items():
        yield f"context words of {tech_id}", pat
    orgs = OrgIndex(kb.organizations)
    yield "OrgIndex.pattern", orgs.pattern
    for org_id, pat in orgs.formerly.items():
        yield f"earlier names of {org_id}", pat
    yield "misspellings (any)", _misspelling_patterns(kb)[1]
    for ph in kb.placeholders:
        yield f"kb placeholder {ph.pattern[:30]}", re.compile(ph.pattern)


def all_patterns() -> list[tuple[str, re.Pattern[str], bool]]:
    """Every pattern the auditor uses on resume text: module-level, inline literals, and KB-built,
    each with whether it is only used anchored (re.match / re.fullmatch written inline)."""
    import auditor

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 50_000))
    found: dict[tuple[str, int], tuple[str, re.Pattern[str], bool]] = {}
    root = Path(auditor.__file__).parent
    for info in pkgutil.walk_packages([str(root)], "auditor."):
        if info.name.startswith(("auditor.verify.sources", "auditor.verify.client", "auditor.render")):
            continue  # source answers and HTML code: not resume text (verify's targets, titles and names are)
        module = importlib.import_module(info.name)
        for where, pat in _module_patterns(module):
            found.setdefault((pat.pattern, pat.flags), (where, pat, False))
        source = getattr(module, "__file__", None)
        if source and source.endswith(".py"):
            for where, pat, anchored in _inline_patterns(Path(source)):
                key = (pat.pattern, pat.flags)
                if key in found:  # keep the first name; used unanchored anywhere: test it so
                    found[key] = (found[key][0], pat, found[key][2] and anchored)
                else:
                    found[key] = (where, pat, anchored)
    for where, pat in _kb_patterns():
        found.setdefault((pat.pattern, pat.flags), (where, pat, False))
    return sorted(found.values(), key=lambda x: x[0])
