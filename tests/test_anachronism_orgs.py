"""Employer names younger than the entry (ANA002): asked about, at low or medium severity."""

from auditor.engine import audit_text
from auditor.parse.dates import Point

AS_OF = Point(2026, 12)


def _ana002(text: str):
    return audit_text(text, only=["ANA002"], as_of=AS_OF, strict=True)


def test_a_renamed_company_is_low_and_a_new_company_medium() -> None:
    renamed = _ana002("Experience\nMeta, Research Intern, 2020.06 - 2020.09\n- Speech\n")
    founded = _ana002("Experience\nAnthropic, Research Intern, 2019.06 - 2019.09\n- Safety\n")
    assert [(f.severity, f.confidence) for f in renamed] == [("low", "medium")]
    assert [(f.severity, f.confidence) for f in founded] == [("medium", "medium")]
    assert "today's name" in renamed[0].message


def test_a_name_in_a_bullet_is_not_the_employer() -> None:
    assert _ana002("Experience\nAcme, Engineer, 2019.01 - 2020.06\n- Compared our models with OpenAI and Anthropic papers\n") == []


def test_the_earlier_name_on_the_line_explains_it() -> None:
    assert _ana002("Experience\nGoogle DeepMind (then Google Brain), Intern, 2021.06 - 2021.09\n- RL\n") == []


def test_a_month_or_so_before_the_founding_is_left_alone() -> None:
    assert _ana002("Experience\nMistral AI, Founding Engineer, 2023.02 - 2023.03\n- Pretraining\n") == []


def test_org_only_names_need_the_whole_org_field() -> None:
    assert _ana002("Experience\nXAI Reading Group, Member, 2018.01 - 2019.06\n- explainability\n") == []
    assert len(_ana002("Experience\nxAI, Engineer, 2022.01 - 2022.06\n- training\n")) == 1
