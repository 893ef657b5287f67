"""Markdown ingest: the file's own lines, each with what a CommonMark parse says about it."""

from __future__ import annotations

from pathlib import Path

from auditor.ingest import ingest
from auditor.models import Document

RESUME = """---
layout: archive
title: "CV"
---

{% include base_path %}

Jane Doe
========

Experience
----------
* **Acme Corp**
  * ML Engineer, 2020.07 - 2022.06
    1. Cut latency 30%

**Skills:** Python, Go

| Org | Dates |
|-----|-------|
| Acme | 2020 - 2022 |

<div align="center">
Made with care
</div>

## Publications
{% for post in site.publications %} {% include archive-single-cv.html %} {% endfor %}
Written by {{ site.author }}
{{ site.author }}
"""


def _read(tmp_path: Path, text: str = RESUME, newline: str = "\n") -> Document:
    p = tmp_path / "cv.md"
    p.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return ingest(p)


def _at(doc: Document, text: str):  # type: ignore[no-untyped-def]
    return doc.layout[doc.lines.index(text)]


def test_lines_are_the_files_lines(tmp_path: Path) -> None:
    for newline in ("\n", "\r\n"):
        doc = _read(tmp_path, newline=newline)
        assert doc.lines == RESUME.rstrip("\n").split("\n")
        assert len(doc.layout) == len(doc.lines)


def test_front_matter_and_template_tags_are_residue(tmp_path: Path) -> None:
    doc = _read(tmp_path)
    assert [lay.residue for lay in doc.layout[:4]] == ["front-matter"] * 4
    assert _at(doc, "{% include base_path %}").residue == "template-code"
    assert _at(doc, "{% for post in site.publications %} {% include archive-single-cv.html %} {% endfor %}").residue == "template-code"
    assert _at(doc, "{{ site.author }}").residue == "template-code"
    assert _at(doc, "Written by {{ site.author }}").residue is None  # words around the tag are text


def test_setext_and_atx_headings(tmp_path: Path) -> None:
    doc = _read(tmp_path)
    assert _at(doc, "Jane Doe").heading == 1
    assert _at(doc, "========").residue == "setext-underline"
    assert _at(doc, "Experience").heading == 2
    assert _at(doc, "----------").residue == "setext-underline"
    assert _at(doc, "## Publications").heading == 2
    assert _at(doc, "**Skills:** Python, Go").heading is None


def test_nested_lists_give_depth_and_marker(tmp_path: Path) -> None:
    doc = _read(tmp_path)
    top, role, result = _at(doc, "* **Acme Corp**"), _at(doc, "  * ML Engineer, 2020.07 - 2022.06"), _at(doc, "    1. Cut latency 30%")
    assert (top.indent, top.list_marker) == (1, "*")
    assert (role.indent, role.list_marker) == (2, "*")
    assert (result.indent, result.list_marker) == (3, "1.")


def test_bold_only_when_the_whole_line_is_strong(tmp_path: Path) -> None:
    doc = _read(tmp_path)
    assert _at(doc, "* **Acme Corp**").bold is True
    assert _at(doc, "**Skills:** Python, Go").bold is None


def test_table_delimiter_and_bare_html_tags_are_residue(tmp_path: Path) -> None:
    doc = _read(tmp_path)
    assert _at(doc, "|-----|-------|").residue == "table-delimiter"
    assert _at(doc, "| Acme | 2020 - 2022 |").residue is None
    assert _at(doc, '<div align="center">').residue == "html"
    assert _at(doc, "</div>").residue == "html"
    assert _at(doc, "Made with care").residue is None


def test_plain_text_gets_no_layout(tmp_path: Path) -> None:
    p = tmp_path / "cv.txt"
    p.write_text("Jane Doe\n========\n* **Acme Corp**\n", encoding="utf-8")
    assert ingest(p).layout == []


def test_a_long_line_of_open_tags_is_read_quickly(tmp_path: Path) -> None:
    text = "{%" * 20_000 + "\n" + "{{ x " * 20_000 + "\n"
    doc = _read(tmp_path, text)
    assert [lay.residue for lay in doc.layout] == [None, None]


def test_a_long_line_of_one_kind_of_tag_is_template_code(tmp_path: Path) -> None:
    """50 000 tags: a scan that looked for the other opener from each tag again would not finish."""
    doc = _read(tmp_path, "{%%}" * 50_000 + "\n")
    assert doc.layout[0].residue == "template-code"
