"""PUB020: authorship claims against the resume's own publication list."""

from __future__ import annotations

from auditor.catalog.examples import as_point
from auditor.engine import audit_text

AS_OF = as_point("2026-12-01")


def _found(text: str) -> list[tuple[list[int], str, str, str]]:
    return [
        ([e.line for e in f.evidence], f.severity, f.confidence, f.message)
        for f in audit_text(text, only=["PUB020"], as_of=AS_OF, strict=True)
    ]


def test_co_first_claim_on_the_same_line_as_an_unmarked_third_place_is_high_confidence() -> None:
    text = "王磊\n论文\n- Sparse Routing; ACL 2024; Wei Chen, Arjun Mehta, Lei Wang, Laura Diaz; 共同一作\n"
    assert _found(text) == [([3], "low", "high", _found(text)[0][3])]
    assert "3" in _found(text)[0][3]


def test_a_starred_third_author_is_covered_by_the_marks() -> None:
    text = "王磊\n论文\n- Sparse Routing; ACL 2024; Wei Chen*, Arjun Mehta*, Lei Wang*, Laura Diaz; 共同一作\n"
    assert _found(text) == []


def test_italic_emphasis_on_the_name_is_not_a_mark() -> None:
    text = "Dana Kim\nPublications\n- Sparse Routing (co-first author)\n  Wei Chen, Omar Said, *Dana Kim*, Laura Diaz\n"
    assert [lines for lines, *_ in _found(text)] == [[3, 4]]


def test_first_author_count_above_the_list_is_medium_when_every_position_is_stated() -> None:
    text = (
        "Dana Kim\n"
        "以第一作者发表论文 5 篇\n"
        "Publications\n"
        "- Dana Kim, Omar Said. Sparse retrieval at scale. KDD 2023.\n"
        "- Omar Said, Dana Kim. Dense retrieval revisited. SIGIR 2024.\n"
    )
    (lines, severity, confidence, message), = _found(text)
    assert (lines, severity, confidence) == ([2], "medium", "high")
    assert "2" in message and "1" in message


def test_a_count_the_list_can_hold_is_left_alone() -> None:
    text = (
        "Dana Kim\n"
        "Summary: 2 first-author papers at top venues.\n"
        "Publications\n"
        "- Dana Kim, Omar Said. Sparse retrieval at scale. KDD 2023.\n"
        "- Sparse mixtures for retrieval. NeurIPS 2024.\n"
    )
    assert _found(text) == []


def test_a_co_first_count_is_not_a_first_author_count() -> None:
    text = "Dana Kim\n发表 2 篇共同一作论文\nPublications\n- Omar Said, Dana Kim. Dense retrieval revisited. SIGIR 2024.\n"
    assert _found(text) == []
