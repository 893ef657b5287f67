"""Metric checks: arithmetic that does not add up, on one line of the resume.

Every check compares numbers written side by side (before→after and the stated gain, a rank
and its Top x%, a medal and its rank); numbers in different sentences are never paired.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from auditor.checks.registry import CheckContext, Hit, NoParams, NotApplicable, check
from auditor.models import Resume
from auditor.parse.claim_changes import stated_gain
from auditor.parse.claim_numbers import scale_of
from auditor.parse.claim_totals import find_breakdowns
from auditor.parse.claims import PERCENT, line_claims, number
from auditor.parse.text import strip_markup


class _P(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _claim_lines(ctx: CheckContext, kinds: set[str]) -> list[int]:
    lines = sorted({c.line for c in ctx.claims if c.kind in kinds})
    if not lines:
        raise NotApplicable(f"no {', '.join(sorted(kinds))} claims")
    return lines


class GainParams(_P):
    points_tolerance: float = 0.6
    relative_tolerance: float = 0.1  # 10 % of the stated gain
    multiplier_tolerance: float = 0.12


def gain_matches(before: float, after: float, kind: str, gain: float, unit: str | None, p: GainParams) -> bool:
    """Absolute points and relative percent are both accepted: resumes use either. Scores written
    as fractions (F1 0.71 → 0.78) are in points ×100: '+7 个点' is 0.07."""
    diff = abs(after - before)
    if kind == "multiplier":
        lo, hi = sorted((before, after))
        return lo > 0 and abs(hi / lo - gain) <= max(0.25, gain * p.multiplier_tolerance)
    in_percent = unit in ("%", "％", "pp", "个百分点")
    points = diff if in_percent else diff * 100 if unit is None and max(abs(before), abs(after)) <= 1 else None
    points_ok = points is not None and abs(points - gain) <= p.points_tolerance
    if kind == "pp":
        return points_ok or abs(diff - gain) <= p.points_tolerance
    relative_ok = before != 0 and abs(diff / abs(before) * 100 - gain) <= max(1.0, gain * p.relative_tolerance)
    return points_ok or relative_ok


@check("metric.gain_mismatch", params=GainParams)
def gain_mismatch(resume: Resume, p: GainParams, ctx: CheckContext) -> Iterator[Hit]:
    """before→after figures whose stated gain beside them (+25 pct, (15x), 提升 8 个百分点) fits neither
    as absolute points nor as relative percent.

    Not a hit: a gain in another clause (it may measure something else); consistent arithmetic.
    """
    for n in _claim_lines(ctx, {"before_after"}):
        text = strip_markup(ctx.doc.line(n))
        raws = line_claims(ctx.claims_on(n), text)
        for i, r in enumerate(raws):
            if r.kind != "before_after" or r.before is None or r.after is None:
                continue
            gain = stated_gain(text, raws, i)
            if gain is None or gain.value is None:
                continue
            if not gain_matches(r.before, r.after, gain.kind, gain.value, r.unit, p):
                diff = abs(r.after - r.before)
                rel = diff / abs(r.before) * 100 if r.before else float("nan")
                ratio = max(r.before, r.after) / min(r.before, r.after) if min(r.before, r.after) > 0 else float("nan")
                yield Hit(
                    (n,),
                    {
                        "before": r.before, "after": r.after, "unit": r.unit or "",
                        "stated": text[gain.start : gain.end].strip(), "change": _change(round(diff, 2), r.unit, ctx),
                        "relative": round(rel, 1), "ratio": round(ratio, 2),
                    },
                    key=f"{r.start}",
                )


def _change(diff: float, unit: str | None, ctx: CheckContext) -> str:
    """Percentage points for percentages; a plain difference in the figures' own unit otherwise
    ('300ms' is no number of points)."""
    amount = f"{diff:g}"
    if unit in ("%", "％", "pp", "个百分点"):
        return ctx.say(f"{amount} points", f"{amount} 个百分点")
    return ctx.say(f"a difference of {amount}{unit or ''}", f"{amount}{unit or ''}")


@check("metric.rank_vs_top_percent", params=NoParams)
def rank_vs_top_percent(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """A rank n/N next to a 'Top x%' that the rank does not reach (128/2664 is 4.8%, not Top 1%)."""
    for n in _claim_lines(ctx, {"rank"}):
        raws = line_claims(ctx.claims_on(n), strip_markup(ctx.doc.line(n)))
        ranks = [r for r in raws if r.kind == "rank"]
        tops = [r for r in raws if r.kind == "top_percent"]
        for rank in ranks:
            for top in tops:
                pos, total = int(rank.before or 0), int(rank.after or 0)
                allowed = math.ceil(total * (top.value or 0) / 100)
                if total and pos > allowed:
                    yield Hit((n,), {"rank": pos, "total": total, "top": top.value, "actual": round(pos / total * 100, 1), "allowed": allowed})


def cutoff(expr: str, teams: int) -> int:
    """'10%' -> floor(10% of teams); '10' -> 10; '10+0.2%' -> 10 + floor(0.2% of teams)."""
    total = 0
    for term in expr.replace(" ", "").split("+"):
        total += math.floor(float(term[:-1]) / 100 * teams) if term.endswith("%") else int(term)
    return total


_MEDAL_WORDS = {"gold": r"金牌|gold", "silver": r"银牌|silver", "bronze": r"铜牌|bronze"}
_ORDER = {"gold": 3, "silver": 2, "bronze": 1, None: 0}


@check("metric.kaggle_medal_vs_rank", params=NoParams)
def kaggle_medal_vs_rank(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """A Kaggle medal claimed with a rank n/N that earns a lesser medal (or none) under Kaggle's progression table."""
    bands = ctx.kb.competitions.kaggle_medals if ctx.kb.competitions else []
    if not bands:
        raise NotApplicable("no Kaggle medal table in the knowledge base")
    for n in _claim_lines(ctx, {"rank"}):
        text = strip_markup(ctx.doc.line(n))
        if not re.search(r"kaggle", text, re.I):
            continue
        claimed = next((m for m, pat in _MEDAL_WORDS.items() if re.search(pat, text, re.I)), None)
        if claimed is None:
            continue
        for r in line_claims(ctx.claims_on(n), text):
            if r.kind != "rank":
                continue
            pos, teams = int(r.before or 0), int(r.after or 0)
            band = next((b for b in bands if b.min_teams <= teams and (b.max_teams is None or teams <= b.max_teams)), None)
            if band is None:
                continue
            earned = None
            for medal in ("gold", "silver", "bronze"):
                if pos <= cutoff(getattr(band, medal), teams):
                    earned = medal
                    break
            if _ORDER[earned] < _ORDER[claimed]:
                names = {"gold": ctx.say("gold", "金牌"), "silver": ctx.say("silver", "银牌"), "bronze": ctx.say("bronze", "铜牌")}
                yield Hit(
                    (n,),
                    {"claimed": names[claimed], "rank": pos, "teams": teams,
                     "earned": names[earned] if earned else ctx.say("no medal", "无奖牌"),
                     "cut": cutoff(getattr(band, claimed), teams)},
                )


_RATE = re.compile(r"(准确率|召回率|精确率|精度|正确率|命中率|覆盖率|满意度|解决率|采纳率|成功率|通过率|保留率|accuracy|precision|recall|f1|success rate|hit rate)", re.I)


@check("metric.rate_over_100", params=NoParams)
def rate_over_100(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """A rate (accuracy, recall, satisfaction…) stated above 100%.

    Not a hit: an increase of more than 100% ('提升 150%'), which is a relative change.
    """
    for n in _claim_lines(ctx, {"percent", "before_after"}):
        text = strip_markup(ctx.doc.line(n))
        for start, value, written in _percent_figures(ctx, n, text):
            if value <= 100:
                continue
            before = text[max(0, start - 10) : start]
            if _RATE.search(before) and not re.search(r"提升|提高|增加|增长|降低|减少|improv|increas|reduc|gain|\+", before, re.I):
                yield Hit((n,), {"value": written, "what": _RATE.search(before).group(1)})  # type: ignore[union-attr]


def _percent_figures(ctx: CheckContext, n: int, text: str) -> Iterator[tuple[int, float, str]]:
    """Every percent figure of line n as the claims read it (where it starts, its value, as written):
    '1,050%' is 1050, never '50%'. A before→after in % holds two of them."""
    for r in line_claims(ctx.claims_on(n), text):
        if r.kind == "percent" and r.value is not None:
            yield r.start, r.value, text[r.start : r.end]
        elif r.kind == "before_after" and r.unit in ("%", "％"):
            for m in PERCENT.finditer(text, r.start, r.end):
                yield m.start(), number(m.group(1)), m.group(0)


@check("metric.parts_sum_mismatch", params=NoParams)
def parts_sum_mismatch(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """A total ('共9k条', '12 篇') followed by the parts it is made of ('3k+3k+3k', '（CCF-A 5 篇、其他 3 篇）')
    that do not add up to it.

    Not a hit: a list of subsets that need not add up ('其中一作 5 篇、CCF-A 8 篇': no rest category
    and no word of partition); parts in another scale or counter; within 2% (rounding).
    """
    for n, raw in enumerate(ctx.doc.lines, 1):
        text = strip_markup(raw)
        for b in find_breakdowns(text):
            total = sum(b.parts)
            if abs(total - b.total) > max(0.01, b.total * 0.02):
                shown = round(total / scale_of(b.scale), 2)
                yield Hit((n,), {"total": b.total_text, "parts": b.parts_text, "sum": f"{shown:g}{b.scale}"})


_CITE_TOTAL = re.compile(r"google\s*scholar|谷歌学术|总被引|被引用?(?:数|量)?\s*(?:超|超过|达)|citations?\s*(?:on|in)\s*google|total citations", re.I)
_REPO = re.compile(r"github\.com/[\w.\-]+/([\w.\-]+)|[\"“「《]([\w.\-]{3,40})[\"”」》]|\b([\w\-]{3,40})\s*\((?:https?://)?github\.com", re.I)


@check("metric.same_quantity_differs", params=NoParams)
def same_quantity_differs(resume: Resume, p: NoParams, ctx: CheckContext) -> Iterator[Hit]:
    """The same public number stated twice with different values: total citations, or the stars
    of the same named repository.

    Not a hit: numbers of different things (one paper's citations vs the total); values within
    10% (rounding, '1000+' vs '1.1k'); stars of repositories that are not named.
    """
    groups: dict[str, list[tuple[float, int]]] = {}
    for c in ctx.claims:
        line = ctx.doc.line(c.line)
        if c.value is None:
            continue
        if c.kind == "citations" and _CITE_TOTAL.search(line):
            groups.setdefault("citations", []).append((c.value, c.line))
        elif c.kind == "stars":
            m = _REPO.search(line)
            name = next((g for g in m.groups() if g), None) if m else None
            if name:
                groups.setdefault(f"stars:{name.lower()}", []).append((c.value, c.line))
    if not groups:
        raise NotApplicable("no public number stated twice")
    for key, values in groups.items():
        lo, hi = min(values), max(values)
        if lo[0] > 0 and (hi[0] - lo[0]) / lo[0] > 0.1:
            what = ctx.say("total citations", "总被引数") if key == "citations" else ctx.say(f"stars of {key[6:]}", f"{key[6:]} 的 star 数")
            yield Hit(tuple(sorted({lo[1], hi[1]})), {"what": what, "a": f"{lo[0]:g}", "b": f"{hi[0]:g}"})
