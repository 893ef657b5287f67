"""The awards table of the report: a rank written with a thousands separator is read whole."""

from __future__ import annotations

import pytest

from auditor.catalog import load_catalog
from auditor.catalog.examples import as_point
from auditor.ingest import ingest_text
from auditor.models import Award
from auditor.report import build_report

AS_OF = "2026-08-01"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _awards(text: str, catalog) -> list[Award]:
    return build_report(ingest_text(text), as_point(AS_OF), catalog=catalog, as_of_text=AS_OF).resume.awards


def test_award_rank_with_thousands_separator_is_read_whole(catalog) -> None:
    awards = _awards("Honors & Awards\n- Kaggle Fraud Detection Challenge, silver medal, 12/1,234 teams, 2024\n", catalog)
    assert [(a.rank, a.rank_n, a.rank_total) for a in awards] == [("12/1234", 12, 1234)]


def test_award_rank_without_separator_is_unchanged(catalog) -> None:
    awards = _awards("获奖经历\n- 天池推荐算法大赛 排名 7/860 2023\n", catalog)
    assert [(a.rank, a.rank_n, a.rank_total) for a in awards] == [("7/860", 7, 860)]
