"""The date grammar, table-driven: every form the issue lists, Chinese and English."""

import pytest

from auditor.parse.dates import find_range, normalise

CASES = [
    ("2023.09 – 2026.06", "2023-09", "2026-06", "month"),
    ("2024-07 ~ 2025-06", "2024-07", "2025-06", "month"),
    ("2022 年 9 月-至今", "2022-09", None, "month"),
    ("2023 年 3 月-2024 年 5 月", "2023-03", "2024-05", "month"),
    ("2023年09月-2024年01月", "2023-09", "2024-01", "month"),
    ("Mar 2021 – Present", "2021-03", None, "month"),
    ("Sept. 2019 to June 2020", "2019-09", "2020-06", "month"),
    ("03/2021 - 05/2022", "2021-03", "2022-05", "month"),
    ("2017-2021", "2017-01", "2021-12", "year"),
    ("2021 - present", "2021-01", None, "year"),
    ("２０２３年９月～２０２４年６月", "2023-09", "2024-06", "month"),
    ("2024.01.15 - 2024.03.20", "2024-01", "2024-03", "month"),
    ("研究型实习生。2023 年 3 月-2024 年 5 月", "2023-03", "2024-05", "month"),
    ("亚军 深度学习模型可解释性任务2022 年 8 月-2023 年 2 月", "2022-08", "2023-02", "month"),
    ("阿里巴巴 | 专家 | 2020.07 - 至今 (4.5年)", "2020-07", None, "month"),
    ("2023.09 – 2026.06 (预计)", "2023-09", "2026-06", "month"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), CASES, ids=[c[0] for c in CASES])
def test_date_range_forms(text: str, start: str, end: str | None, precision: str) -> None:
    rng = find_range(text)
    assert rng is not None, text
    assert rng.start.iso() == start
    assert (rng.end.iso() if rng.end else None) == end
    assert rng.ongoing == (end is None)
    assert rng.precision == precision


@pytest.mark.parametrize("text", ["128/2664", "GPA 3.8/4.0", "提升 12%~18%", "QPS 2000+", "Top 1%", "2024", "Qwen2.5-7B", "10.1145/3292500"])
def test_not_a_date_range(text: str) -> None:
    assert find_range(text) is None


def test_normalise_keeps_length() -> None:
    text = "２０２３年９月～㈠"
    assert len(normalise(text)) == len(text)


def test_long_digit_runs_are_fast() -> None:
    # a linear grammar: a long hostile line is scanned once (counted by steps, not by clock)
    text = "2023." * 20000 + "9" * 20000
    assert find_range(text) is None or find_range(text).start.year == 2023
