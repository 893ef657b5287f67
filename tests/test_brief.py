"""The interview brief and the clarification list an interviewer takes from a report.

What a user would notice: between three and seven questions, each quoting the resume line it is
about, a good-answer line that is guidance (never the finding's message again), a problem asked
about once however many lines show it, housekeeping (a phone number, a paper's status, a
degree certificate) sent to the candidate beforehand rather than asked in the room.
"""

from __future__ import annotations

import unicodedata

import pytest

from auditor.brief import MAX_QUESTIONS, MIN_QUESTIONS, build_brief, guidance, shorten
from auditor.catalog.examples import as_point
from auditor.ingest import ingest, ingest_text
from auditor.render import render
from auditor.report import build_report
from tests.conftest import AS_OF, seed

SEEDS = ("000", "001", "002", "003", "004")


def _plain(text: str) -> str:
    """A line as compared: full-width punctuation folded, markup and spaces dropped."""
    return "".join(unicodedata.normalize("NFKC", text).replace("**", "").split())


@pytest.fixture(scope="module")
def reports():
    return {(n, lang): build_report(ingest(seed(n)), as_point(AS_OF), as_of_text=AS_OF, lang=lang)
            for n in SEEDS for lang in ("en", "zh")}


@pytest.mark.parametrize("name", SEEDS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_three_to_seven_questions_each_quoting_a_resume_line(reports, name: str, lang: str) -> None:
    report = reports[(name, lang)]
    brief = build_brief(report, lang)
    assert MIN_QUESTIONS <= len(brief.questions) <= MAX_QUESTIONS
    for q in brief.questions:
        assert q.quotes, q.text
        for quote in q.quotes:
            assert quote.text
            for part in quote.text.split("…"):  # a quote may be cut at either end
                assert _plain(part) in _plain(report.text[quote.line - 1]), (quote, report.text[quote.line - 1])


@pytest.mark.parametrize("name", SEEDS)
def test_a_good_answer_is_guidance_never_the_findings_message(reports, name: str) -> None:
    report = reports[(name, "en")]
    messages = {f.message for f in report.findings}
    for q in build_brief(report, "en").questions:
        assert q.good_answer, f"no good answer for {q.text!r}"
        assert q.good_answer not in messages


def test_one_problem_in_several_places_is_one_question_quoting_them() -> None:
    text = ("# 张三\n\n## 工作经历\n\n**甲公司** 算法工程师 2021.07 – 2022.06\n- 负责推荐排序模型的特征工程与线上 A/B 实验\n\n"
            "**乙公司** 算法工程师 2022.07 – 2024.06\n- 负责推荐排序模型的特征工程与线上 A/B 实验\n")
    report = build_report(ingest_text(text, "copied.md"), as_point(AS_OF), as_of_text=AS_OF, lang="zh")
    copied = [f for f in report.findings if f.rule_id == "CON002"]
    assert copied, "the copied bullet is not found"
    asked = [q for q in build_brief(report, "zh").questions if set(q.finding_ids) & {f.id for f in copied}]
    assert len(asked) == 1
    assert {6, 9} <= {x.line for x in asked[0].quotes}


def test_rank_and_medal_on_one_line_are_one_question(reports) -> None:
    brief = build_brief(reports[("000", "en")], "en")
    on_line = [q for q in brief.questions if any(x.line == 89 for x in q.quotes)]
    assert len(on_line) == 1
    assert "2664" in on_line[0].text and "private" in on_line[0].text


def test_housekeeping_goes_to_the_clarification_list_not_the_questions(reports) -> None:
    report = reports[("000", "zh")]
    brief = build_brief(report, "zh")
    asked_rules = {f.rule_id for q in brief.questions for f in report.findings if f.id in q.finding_ids}
    assert not asked_rules & {r for r, g in guidance()["rules"].items() if g.get("clarify")}
    joined = "\n".join(brief.clarify)
    assert "电话号码" in joined and "Under Review" in joined and "学信网" in joined


def test_a_clean_resume_gets_questions_about_its_work_and_a_calm_summary(reports) -> None:
    brief = build_brief(reports[("002", "en")], "en")
    assert brief.summary.startswith("Nothing stands out")
    assert {q.topic for q in brief.questions} >= {"papers", "results"}


def test_the_question_sheet_and_clarification_list_render_in_the_reports_language(reports) -> None:
    sheet = render(reports[("000", "zh")], "questions", lang="zh")
    clarify = render(reports[("000", "zh")], "clarify", lang="zh")
    assert "好的回答" in sheet and "128/2664" in sheet
    assert "学信网" in clarify
    english = render(reports[("000", "en")], "questions", lang="en")
    assert "A good answer" in english


def test_quotes_are_cut_around_the_figure_they_are_about() -> None:
    line = "负责大规模推荐系统的召回与排序优化，覆盖多个业务场景，经过多轮迭代最终将线上 CTR 从 3.1% 提升至 4.0%，同时降低了延迟"
    cut = shorten(line, 30, around="3.1%")
    assert "3.1%" in cut and cut.startswith("…") and len(cut) <= 32


def test_every_rule_has_interview_guidance(catalog) -> None:
    """A new rule without guidance would print a question with no good answer."""
    rules = guidance()["rules"]
    missing = [r.id for r in catalog.rules if r.id not in rules]
    assert not missing, f"add these to rules/guidance/interview.yaml: {missing}"
    for rule_id, guide in rules.items():
        assert guide.get("good_answer", {}).get("en") and guide["good_answer"].get("zh"), rule_id
        if guide.get("clarify"):
            assert guide.get("clarify_text", {}).get("en") and guide["clarify_text"].get("zh"), rule_id
