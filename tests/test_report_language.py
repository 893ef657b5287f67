"""A report in Chinese speaks Chinese: every string the tool itself writes into a zh report is
Chinese, except names, numbers, quotes from the resume and the proper names of sources.

How it is told: the HTML's text, quotes and code left out, is cut into runs of Latin words; a run
that reads as an English phrase (it has a function word such as 'the', 'and', 'not') and whose
words the resume does not contain was written by the tool in English.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditor.catalog.examples import as_point
from auditor.ingest import ingest
from auditor.render import render
from auditor.report import build_report
from tests.conftest import AS_OF, SEEDS

ROOT = Path(__file__).resolve().parent.parent
RESUMES = sorted(SEEDS.glob("*.txt")) + sorted((ROOT / "examples").iterdir())
# Quoted resume text and code: shown as the resume wrote it.
QUOTE_TAGS = {"blockquote", "code", "style", "script", "title"}
QUOTE_CLASSES = {"src", "bq-quote", "rule"}
VOID = {"br", "meta", "input", "img", "link", "hr", "col"}
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|《[^》]*》|「[^」]*」")
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’&.\-]*(?:[ ,/]+[A-Za-z0-9][A-Za-z0-9'’&.\-]*)+")
FUNCTION_WORD = re.compile(r"\b(?:the|and|is|are|not|with|from|this|that|was|were|has|have|could|would|no|of)\b", re.I)
SOURCE_NAMES = {"semantic", "scholar", "google", "dblp", "github", "hugging", "face", "pypi", "openalex", "crossref", "arxiv", "openreview", "kaggle"}


class _Text(HTMLParser):
    """The page's text outside quotes and code."""

    def __init__(self) -> None:
        super().__init__()
        self.quoting: list[bool] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            classes = set((dict(attrs).get("class") or "").split())
            self.quoting.append(tag in QUOTE_TAGS or bool(classes & QUOTE_CLASSES))

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.quoting:
            self.quoting.pop()

    def handle_data(self, data: str) -> None:
        if data.strip() and not any(self.quoting):
            self.text.append(data.strip())


def english_written_by_the_tool(html: str, resume_text: str) -> list[str]:
    resume_words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9'’&.\-]*", resume_text)}
    parser = _Text()
    parser.feed(html)
    found = []
    for text in parser.text:
        for run in LATIN_RUN.findall(QUOTED.sub(" ", text)):
            words = [w.strip(".,'’").lower() for w in re.split(r"[ ,/]+", run)]
            foreign = [w for w in words if w and w not in resume_words and w not in SOURCE_NAMES and not FUNCTION_WORD.fullmatch(w)]
            if FUNCTION_WORD.search(run) and len(foreign) >= 2:
                found.append(run)
    return found


@pytest.mark.parametrize("path", RESUMES, ids=lambda p: p.name)
def test_a_chinese_report_has_no_english_the_tool_wrote(path: Path) -> None:
    report = build_report(ingest(path), as_point(AS_OF), as_of_text=AS_OF, lang="zh")
    html = render(report, "html", lang="zh")
    assert english_written_by_the_tool(html, "\n".join(report.text)) == []


def test_the_check_finds_english_a_template_left_untranslated() -> None:
    html = '<p class="msg">可在以下来源核实：the competition leaderboard</p><blockquote>Led the team</blockquote>'
    assert english_written_by_the_tool(html, "Led the team") == ["the competition leaderboard"]


def test_english_messages_count_one_in_the_singular() -> None:
    from auditor.engine import render as render_message

    assert render_message("ended {n} months later; {c} claims", {"n": 1, "c": 1}) == "ended 1 month later; 1 claim"
    assert render_message("{n} years", {"n": 11}) == "11 years" and render_message("{n} years", {"n": 2.1}) == "2.1 years"


def test_a_paper_without_a_title_is_not_dressed_as_one(catalog) -> None:
    text = "张三\n\n科研经历\n\n某实验室 | 研究助理 | 2025.03 - 2025.08\n- 相关成果：论文已投稿 NeurIPS 2025，目前处于 Under Review 状态\n"
    from auditor.ingest import ingest_text

    report = build_report(ingest_text(text, "cv.md"), as_point(AS_OF), catalog=catalog, as_of_text=AS_OF, lang="zh")
    stale = [f for f in report.findings if f.rule_id == "PUB001"]
    assert stale and "《投往" not in stale[0].message and stale[0].message.startswith("投往 NeurIPS 2025 的论文")
