"""The parser's table of cases (tests/parse_cases/*.yaml): input text → the entries it must give.

Each file is a list of cases:

    - name: org line over a role+date line
      format: text            # text (default) | markdown
      text: |
        实习经历
        字节跳动
        算法工程师 2021.07 – 至今
      expect:                 # each listed item must match one parsed item on every field given
        experience:
          - {org: 字节跳动, kind: internship, start: 2021-07, end: null}
      count: {experience: 1}  # optional: exact number of parsed items per table
      absent:                 # optional: no parsed item may match one of these
        experience: [{org: 算法工程师}]

Tables: name, education, experience, publications, awards. A field compared as a string matches
when equal after stripping; `title` and `org`/`institution` match by prefix when they end in '…'.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from auditor.ingest import ingest_bytes
from auditor.parse import parse

CASES_DIR = Path(__file__).parent / "parse_cases"
TABLES = ("education", "experience", "publications", "awards")


def _load() -> list[Any]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            cases.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return cases


def _same(want: Any, got: Any) -> bool:
    if isinstance(want, str) and want.endswith("…"):
        return isinstance(got, str) and got.strip().startswith(want[:-1].strip())
    if isinstance(want, str) and isinstance(got, str):
        return want.strip() == got.strip()
    if isinstance(want, (int, float)) and isinstance(got, str):
        return str(want) == got
    return bool(want == got)


def _matches(want: dict[str, Any], item: dict[str, Any]) -> bool:
    return all(_same(value, item.get(key)) for key, value in want.items())


@pytest.mark.parametrize("case", _load())
def test_parse_case(case: dict[str, Any], catalog) -> None:
    fmt = case.get("format", "text")
    doc = ingest_bytes(case["text"].encode("utf-8"), fmt, f"case.{'md' if fmt == 'markdown' else 'txt'}")
    resume = parse(doc, catalog.kb).resume.model_dump()
    expect = case.get("expect", {})
    if "name" in expect:
        assert resume["name"] == expect["name"]
    for table in TABLES:
        got = resume[table]
        for want in expect.get(table, []):
            assert any(_matches(want, item) for item in got), f"{table}: no item matches {want}; parsed: {got}"
        for unwanted in case.get("absent", {}).get(table, []):
            assert not any(_matches(unwanted, item) for item in got), f"{table}: {unwanted} should not be parsed; parsed: {got}"
        if table in case.get("count", {}):
            assert len(got) == case["count"][table], f"{table}: {len(got)} items, expected {case['count'][table]}: {got}"
