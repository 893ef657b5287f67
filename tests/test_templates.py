"""Template example data (CON007) and unrendered template code (CON008): the knowledge base's
shape, what one finding quotes, and what is left alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from auditor.catalog import load_catalog
from auditor.catalog.examples import as_point
from auditor.catalog.templates import build_matcher, load_templates, template_matcher
from auditor.engine import audit
from auditor.errors import RuleFileError
from auditor.ingest import ingest_text
from auditor.models import LineLayout
from auditor.parse import parse
from auditor.engine import audit_text

sys.path.insert(0, str(Path(__file__).parent))
from regex_steps import grows_linearly  # noqa: E402

AS_OF = as_point("2026-12-01")


def _findings(text: str, rule: str) -> list[tuple[list[int], str, str]]:
    return [([e.line for e in f.evidence], f.severity, f.message) for f in audit_text(text, only=[rule], as_of=AS_OF, strict=True)]


def test_every_template_names_its_repository_and_every_example_its_file() -> None:
    templates = template_matcher().templates
    assert len(templates) >= 8
    for t in templates:
        assert t.repo.startswith("https://github.com/") and t.checked == "2026-12-06", t.id
        assert t.examples and all(ex.file for ex in t.examples), t.id


def test_a_short_example_must_be_a_whole_line(tmp_path: Path) -> None:
    bad = tmp_path / "templates.yaml"
    bad.write_text(
        "- {id: x, name: X, repo: 'https://github.com/x/y', checked: '2026-12-06', examples: [{text: 'Skill 1', file: cv.md}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError, match="too short"):
        load_templates(bad)


def test_examples_match_through_markup_case_and_spacing() -> None:
    matcher = template_matcher()
    hits = matcher.find(r"- **currently signed in to 43 different  Slack teams**")
    assert [matcher.templates[i].id for i, _ in hits] == ["academicpages"]
    assert matcher.find(r"\textbf{Developed a Minecraft server plugin to entertain kids during free time for a previous job}")


def test_one_finding_per_template_quotes_every_line() -> None:
    text = (
        "Jane Roe\n"
        "Skills\n"
        "* Skill 1\n"
        "* Sub-skill 2.1\n"
        "Service\n"
        "* Currently signed in to 43 different slack teams\n"
        "Contact: john.doe@email.com\n"
    )
    found = _findings(text, "CON007")
    assert [(lines, sev) for lines, sev, _ in found] == [([3, 4, 6], "medium"), ([7], "medium")]
    assert "academicpages" in found[0][2] and "RenderCV" in found[1][2]


def test_a_resume_that_is_mostly_the_sample_is_high() -> None:
    text = (
        "Boqi Chen\n"
        "(912) 123-4567 | 2712 Broadway St\n"
        "A German-born theoretical physicist, widely ranked among the greatest and most influential scientists of all time\n"
        "- Men of the year 2014 by Time magazine\n"
        "- Awarded 'Climate Hero' award by Greenpeace for my efforts organizing the march.\n"
    )
    (lines, sev, msg), = _findings(text, "CON007")
    assert lines == [2, 3, 4, 5] and sev == "high" and "Albert Einstein" in msg


def test_template_text_inside_an_html_comment_is_not_shown_and_not_reported() -> None:
    text = "<!-- Work experience\n  * Supervisor: Professor Hub\n  * Skill 1 -->\nEducation\n* Ph.D., 2024 <!-- * Skill 2 -->\n"
    assert _findings(text, "CON007") == []


def test_template_patterns_grow_linearly() -> None:
    matcher = build_matcher(load_templates(Path(__file__).parents[1] / "rules" / "kb" / "templates.yaml"))
    patterns = [p for _, p in matcher.patterns] + ([matcher.literal] if matcher.literal else [])
    for pattern in patterns:
        for filler in (" ", "a", "supervisor: ", "skill ", "你的"):
            assert grows_linearly(pattern, filler) is None, (pattern.pattern[:40], filler)


def test_unrendered_loops_are_one_finding_naming_what_is_missing() -> None:
    text = (
        "Publications\n"
        "  <ul>{% for post in site.publications reversed %}\n"
        "    {% include archive-single-cv.html %}\n"
        "  {% endfor %}</ul>\n"
        "Talks\n"
        "  <ul>{% for post in site.talks %}\n"
        "  {% endfor %}</ul>\n"
        'You can also find my articles on my [Google Scholar profile]({{site.author.googlescholar}})\n'
    )
    (lines, sev, msg), = _findings(text, "CON008")
    assert lines == [2, 3, 4, 6, 7, 8] and sev == "low"
    assert "site.publications, site.talks" in msg


def test_a_line_ingest_marks_as_template_code_counts_in_any_format() -> None:
    catalog = load_catalog()
    doc = ingest_text("Experience\nI am a <year> PhD student\nPublications\n")
    doc = doc.model_copy(update={"layout": [LineLayout(), LineLayout(residue="template-code"), LineLayout()]})
    found = audit(doc, parse(doc, catalog.kb), catalog, AS_OF, strict=True).findings
    assert [[e.line for e in f.evidence] for f in found if f.rule_id == "CON008"] == [[2]]


def test_prompt_templates_and_jinja_mentions_are_prose() -> None:
    text = "Projects\n- Prompt templates with {{context}} and {{question}} slots\n- Jinja2 {% raw %} blocks in report rendering\n"
    assert _findings(text, "CON008") == []
