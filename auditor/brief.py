"""The interview brief and the clarification list, built from a finished Report.

The brief is what an interviewer takes into the room: who the candidate is, one line on what to
worry about, and 3-7 questions grouped by topic, each with what a good answer shows. Questions
come from the findings (one per rule: a problem is asked about once, quoting every place) and
from the resume's strongest claims (large gains, scale, ownership, papers, models trained), which
deserve a probing question whether or not anything looks wrong. Housekeeping (a real phone
number, a link, a paper's current status, a degree certificate) goes to the clarification list,
worded to be sent to the candidate before the interview. The guidance texts are data
(rules/guidance/interview.yaml); this module only selects, ranks and groups.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from auditor.models import CONFIDENCE_ORDER, SEVERITY_ORDER, Claim, Finding, Report
from auditor.parse.text import strip_markup
from auditor.resources import rules_dir

MIN_QUESTIONS, MAX_QUESTIONS = 3, 7
MAX_FROM_FINDINGS = 5  # leave room for at least two probes of the work itself
QUOTE_CHARS = 70
FILLER_WEIGHT = 1.0  # a probe asked only when the brief would otherwise have fewer than MIN_QUESTIONS

GAIN_KINDS = ("before_after", "multiplier", "pp", "percent")
SCALE_KINDS = ("qps", "users")
# A bullet that says the candidate owned or led something: worth a "which decisions were yours?"
OWNERSHIP = re.compile(r"主导|牵头|负责人|独立(?:负责|完成|设计|开发)|从\s*0\s*到\s*1|核心负责|\bled\b|\bowned\b|spearheaded|architected|\bdrove\b", re.I)
# A bullet about training a model of a stated size ('训练 7B 模型', 'pre-trained a 1.3B LM').
MODEL_SIZE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s*[BM](?![A-Za-z])|(?<!\d)\d+\s*亿参数|billion[- ]parameter", re.I)
TRAINING = re.compile(r"训练|预训练|微调|蒸馏|pre-?train|fine-?tun|train(?:ed|ing)?\b|distill", re.I)


@functools.lru_cache(maxsize=1)
def guidance() -> dict[str, Any]:
    """rules/interview.yaml as loaded."""
    return yaml.safe_load((rules_dir() / "guidance" / "interview.yaml").read_text(encoding="utf-8")) or {}


@dataclass
class Quote:
    line: int
    text: str


@dataclass
class BriefQuestion:
    text: str
    good_answer: str
    quotes: list[Quote]
    topic: str
    weight: float
    finding_ids: list[str] = field(default_factory=list)


@dataclass
class Brief:
    candidate: str
    summary: str
    topics: list[tuple[str, list[BriefQuestion]]]
    clarify: list[str]

    @property
    def questions(self) -> list[BriefQuestion]:
        return [q for _, qs in self.topics for q in qs]


def shorten(text: str, limit: int = QUOTE_CHARS, around: str = "") -> str:
    """A quote short enough to read at a glance: markup stripped, the window placed around
    `around` when it is in the line, '…' marking each cut."""
    plain = strip_markup(text)
    if len(plain) <= limit:
        return plain
    at = plain.find(around) if around else -1
    start = max(0, min(at - limit // 2, len(plain) - limit)) if at >= 0 else 0
    cut = plain[start : start + limit]
    return ("…" if start else "") + cut.strip(" ,，;；") + ("…" if start + limit < len(plain) else "")


def _figure(c: Claim) -> str:
    """The claim's figure as it is likely written ('92', '5.8', '3'), to centre its quote on."""
    value = c.after if c.kind == "before_after" else c.value
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _lang_text(node: dict[str, str] | None, lang: str) -> str:
    return (node or {}).get(lang) or (node or {}).get("en") or ""


def _rule_guide(rule_id: str) -> dict[str, Any]:
    return (guidance().get("rules") or {}).get(rule_id) or {}


def _topic_of(f: Finding) -> str:
    return _rule_guide(f.rule_id).get("topic") or guidance()["category_topic"].get(f.category, "document")


def _weight(f: Finding) -> float:
    return (SEVERITY_ORDER[f.severity] + 1) * 10 + CONFIDENCE_ORDER[f.confidence]


def _finding_questions(report: Report, lang: str) -> list[BriefQuestion]:
    """One question per rule: the same problem in five places is one question quoting them all."""
    by_rule: dict[str, list[Finding]] = {}
    for f in report.findings:
        if f.accepted is None and f.severity != "info" and not _rule_guide(f.rule_id).get("clarify"):
            by_rule.setdefault(f.rule_id, []).append(f)
    out = []
    for rule_id, found in by_rule.items():
        found.sort(key=_weight, reverse=True)
        lead = found[0]
        quotes = [Quote(e.line, shorten(e.text)) for f in found for e in f.evidence]
        good = _lang_text(_rule_guide(rule_id).get("good_answer"), lang)
        out.append(BriefQuestion(
            text=lead.questions[0] if lead.questions else lead.title,
            good_answer=good,
            quotes=_unique(quotes)[:3],
            topic=_topic_of(lead),
            weight=_weight(lead) + 0.5 * (len(found) - 1),
            finding_ids=[f.id for f in found],
        ))
    return _merged_by_line(sorted(out, key=lambda q: -q.weight))


def _merged_by_line(questions: list[BriefQuestion]) -> list[BriefQuestion]:
    """Two rules about one line (a rank's Top-x% and its medal) are one question to ask: the
    lighter one is folded into the heavier, its good answer kept."""
    out: list[BriefQuestion] = []
    for q in questions:
        lines = {x.line for x in q.quotes}
        host = next((h for h in out if lines <= {x.line for x in h.quotes}), None)
        if host is None:
            out.append(q)
            continue
        host.finding_ids += q.finding_ids
        if q.good_answer and q.good_answer not in host.good_answer:
            host.good_answer = f"{host.good_answer} {q.good_answer}".strip()
    return out


def _unique(quotes: list[Quote]) -> list[Quote]:
    seen: set[int] = set()
    out = []
    for q in quotes:
        if q.line not in seen:
            seen.add(q.line)
            out.append(q)
    return out


def _gain_strength(c: Claim) -> float:
    if c.kind == "before_after" and c.before and c.after is not None:
        return abs(c.after - c.before) / abs(c.before) * 100
    return abs(c.value or 0.0) * (100 if c.kind == "multiplier" else 1)


def _probe(kind: str, line: int, text: str, lang: str, weight: float, around: str = "") -> BriefQuestion:
    spec = guidance()["claims"][kind]
    return BriefQuestion(
        text=_lang_text(spec["question"], lang),
        good_answer=_lang_text(spec["good_answer"], lang),
        quotes=[Quote(line, shorten(text, around=around))],
        topic=spec["topic"],
        weight=weight,
    )


def _claim_probes(report: Report, lang: str, taken: set[int]) -> list[BriefQuestion]:
    """The strongest claim of each kind worth probing, best first; lines already asked about are
    skipped, and never two probes on one line."""
    probes = [*_figure_probes(report, lang, taken), *_paper_probes(report, lang, taken), *_bullet_probes(report, lang, taken)]
    out, used = [], set(taken)
    for p in sorted(probes, key=lambda p: -p.weight):
        if p.quotes[0].line not in used:
            used.add(p.quotes[0].line)
            out.append(p)
    return out


def _line_text(report: Report, n: int) -> str:
    return report.text[n - 1] if 1 <= n <= len(report.text) else ""


def _figure_probes(report: Report, lang: str, taken: set[int]) -> list[BriefQuestion]:
    """The largest gain and the first scale figure only the candidate can explain."""
    private = [c for c in report.claims if c.line not in taken and c.verifiability != "public"]
    probes = []
    gains = sorted((c for c in private if c.kind in GAIN_KINDS), key=_gain_strength, reverse=True)
    if gains:
        probes.append(_probe("gain", gains[0].line, _line_text(report, gains[0].line), lang, 5.0, _figure(gains[0])))
    scale = [c for c in private if c.kind in SCALE_KINDS]
    if scale:
        probes.append(_probe("scale", scale[0].line, _line_text(report, scale[0].line), lang, 4.0, _figure(scale[0])))
    return probes


def _paper_probes(report: Report, lang: str, taken: set[int]) -> list[BriefQuestion]:
    """The lead paper (first author, published, newest); the second only fills a short brief."""
    papers = sorted(
        (p for p in report.resume.publications if p.title and p.line not in taken),
        key=lambda p: (p.author_position != 1, p.status not in ("published", "accepted"), -(p.year or 0)),
    )
    return [_probe("paper", p.line, p.title or "", lang, 4.5 if rank == 0 else FILLER_WEIGHT) for rank, p in enumerate(papers[:2])]


def _bullet_probes(report: Report, lang: str, taken: set[int]) -> list[BriefQuestion]:
    """The first bullet about training a model of a stated size, and the first 'led'/'主导' one."""
    probes = []
    lines = [n for n in _experience_lines(report) if n not in taken]
    for kind, test, weight in (("model", _is_training_line, 3.5), ("ownership", lambda t: bool(OWNERSHIP.search(t)), 3.0)):
        n = next((n for n in lines if test(_line_text(report, n))), None)
        if n is not None:
            probes.append(_probe(kind, n, _line_text(report, n), lang, weight))
    return probes


def _is_training_line(s: str) -> bool:
    return bool(TRAINING.search(s) and MODEL_SIZE.search(s))


def _experience_lines(report: Report) -> list[int]:
    """Lines in the experience and project sections (where ownership and training claims live)."""
    wanted = {"work", "internship", "research", "project"}
    lines: list[int] = []
    for s in report.resume.sections:
        if s.kind in wanted:
            lines.extend(range(s.line + 1, s.last_line + 1))
    return lines


def _select(from_findings: list[BriefQuestion], probes: list[BriefQuestion]) -> list[BriefQuestion]:
    chosen = from_findings[:MAX_FROM_FINDINGS]
    room = MAX_QUESTIONS - len(chosen)
    strong = [p for p in probes if p.weight > FILLER_WEIGHT]
    chosen += strong[:room]
    if len(chosen) < MIN_QUESTIONS:
        chosen += [p for p in probes if p.weight <= FILLER_WEIGHT][: MIN_QUESTIONS - len(chosen)]
    if len(chosen) < MIN_QUESTIONS:
        chosen += from_findings[MAX_FROM_FINDINGS:][: MIN_QUESTIONS - len(chosen)]
    return chosen


def _grouped(questions: list[BriefQuestion], lang: str) -> list[tuple[str, list[BriefQuestion]]]:
    """Topics in the order of their weightiest question; questions by weight within a topic."""
    topics = guidance()["topics"]
    by_topic: dict[str, list[BriefQuestion]] = {}
    for q in sorted(questions, key=lambda q: -q.weight):
        by_topic.setdefault(q.topic, []).append(q)
    return [(_lang_text(topics.get(t), lang) or t, qs) for t, qs in by_topic.items()]


def _summary(report: Report, lang: str) -> str:
    """One line: what to worry about and why, or that nothing stands out."""
    open_ = [f for f in report.findings if f.accepted is None and f.severity in ("high", "medium")]
    open_.sort(key=_weight, reverse=True)
    titles = list(dict.fromkeys(f.title for f in open_))
    if not titles:
        return ("没有明显的矛盾之处；面试可以集中在工作本身。" if lang == "zh"
                else "Nothing stands out as inconsistent; spend the interview on the work itself.")
    head = titles[:2]
    more = len(titles) - len(head)
    if lang == "zh":
        extra = f"，另有 {more} 项" if more else ""
        return "需要核实：" + "；".join(head) + extra + "。每一项都是待确认的疑点，不是结论。"
    extra = f", and {more} more" if more else ""
    return "To verify: " + "; ".join(head) + extra + ". Each is a question to settle, not a verdict."


def _clarify(report: Report, lang: str) -> list[str]:
    """Neutral requests to send before the interview, one per rule (or per paper for statuses)."""
    items: list[str] = []
    for f in report.findings:
        guide = _rule_guide(f.rule_id)
        if f.accepted is not None or not guide.get("clarify"):
            continue
        quote = shorten(f.evidence[0].text, 50) if f.evidence else ""
        request = _lang_text(guide.get("clarify_text"), lang).format(line=quote)
        if request and request not in items:
            items.append(request)
    items += _degree_requests(report, lang)
    return items


_CHINESE_SCHOOL = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,}?(?:大学|学院|研究院|研究所|科学院)")


def _degree_requests(report: Report, lang: str) -> list[str]:
    """A Chinese degree is checked online with its CHSI (学信网) verification code."""
    found = (_CHINESE_SCHOOL.search(e.institution) for e in report.resume.education if e.institution)
    schools = [m.group(0) for m in found if m]  # the school's name, not the whole line it sits in
    if not schools:
        return []
    names = "、".join(dict.fromkeys(schools)) if lang == "zh" else ", ".join(dict.fromkeys(schools))
    if lang == "zh":
        return [f"方便提供{names}学历/学位的学信网在线验证报告验证码吗？"]
    return [f"Could you send the CHSI (学信网) online verification code for your degree(s) from {names}?"]


def build_brief(report: Report, lang: str) -> Brief:
    """The brief in `lang`, which should be the report's language: finding questions are worded
    in the language the report was built in."""
    from_findings = _finding_questions(report, lang)
    taken = {q.line for bq in from_findings[:MAX_FROM_FINDINGS] for q in bq.quotes}
    chosen = _select(from_findings, _claim_probes(report, lang, taken))
    resume = report.resume
    candidate = resume.name or (resume.contacts.emails[0] if resume.contacts.emails else report.source.path.rsplit("/", 1)[-1])
    return Brief(candidate=candidate, summary=_summary(report, lang), topics=_grouped(chosen, lang), clarify=_clarify(report, lang))
