"""Ambiguous technology names (Claude, Whisper, DPO, RAG...) count only with context, and an
employer's own name is never read as the model named after it."""

import pytest

from auditor.catalog.kb import Technology
from auditor.checks.anachronism import TechIndex, tech_index
from auditor.engine import audit_text
from auditor.parse.dates import Point

AS_OF = Point(2026, 12)


@pytest.fixture(scope="module")
def index(catalog) -> TechIndex:
    return tech_index(catalog.kb)


@pytest.mark.parametrize(
    "line",
    [
        "Worked with Claude Shannon's information theory",
        "Stored metrics in Whisper files behind Graphite",
        "Appointed DPO under GDPR for the EU subsidiaries",
        "Weekly RAG status to the steering committee",
        "Chose a PPO plan for the team's health cover",
        "Rope access survey of the RoPE-way towers",
        "Site engineer with DPR on the campus build",
        "KTO 2019 visitor statistics",
        "Met Kimi and Gemma at the design review",
        "ControlNet I/O scanner configuration",
    ],
)
def test_ordinary_words_are_not_technologies(index: TechIndex, line: str) -> None:
    assert index.find(line) == []


@pytest.mark.parametrize(
    ("line", "tech"),
    [
        ("Integrated the Claude API into the support desk", "claude"),
        ("Transcribed calls with Whisper large-v3", "whisper"),
        ("用DPO做偏好对齐", "dpo"),
        ("Built RAG over a vector database", "rag"),
        ("Fine-tuned BERT-base for NER", "bert"),
        ("Compared Claude with GPT-4 on summaries", "claude"),
    ],
)
def test_context_makes_the_name_count(index: TechIndex, line: str, tech: str) -> None:
    assert tech in {t.id for t, _, _ in index.find(line)}


def test_a_year_after_the_name_is_not_a_version(index: TechIndex) -> None:
    assert index.find("KTO 2019 survey") == []
    assert [t.id for t, _, _ in index.find("KTO-2 on preference pairs")] == ["kto"]


def test_needs_context_must_name_aliases() -> None:
    with pytest.raises(ValueError, match="not aliases"):
        Technology(id="x", name="X", kind="model", aliases=["X-1"], needs_context=["X"], released="2020-01", source="s", checked="2026-12-06")


def test_employer_named_after_its_model_is_not_an_anachronism() -> None:
    text = "Experience\nDeepSeek, Research Intern, 2023.08 - 2023.10\n- Data pipelines for pretraining\n"
    assert audit_text(text, only=["ANA001"], as_of=AS_OF, strict=True) == []


def test_same_model_in_a_bullet_still_counts() -> None:
    text = "Experience\nAcme, NLP Engineer, 2021.01 - 2022.06\n- Fine-tuned DeepSeek-V3 for support\n"
    findings = audit_text(text, only=["ANA001"], as_of=AS_OF, strict=True)
    assert [f.rule_id for f in findings] == ["ANA001"]


def test_a_skills_heading_the_parser_missed_ends_the_entry() -> None:
    text = (
        "Experience\nAcme Research, Research Intern, 2021.09 - 2022.03\n- Time series forecasting\n"
        "PROFICIENT SKILLS\no Programming: Python (PyTorch, LangChain, LlamaIndex)\n"
    )
    assert audit_text(text, only=["ANA001"], as_of=AS_OF, strict=True) == []
