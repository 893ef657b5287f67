"""DOCX ingest with layout: heading styles, list levels, bold, tables in reading order, links as
text, text boxes, headers and footers kept out of the body, and a converter's line breaks."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx_factory as make

from auditor.ingest import ingest
from auditor.models import Document


def _lines(doc: Document) -> list[str]:
    return [line for line in doc.lines if line.strip()]


def _layout(doc: Document, text: str):  # type: ignore[no-untyped-def]
    return doc.layout[doc.lines.index(text)]


def test_heading_styles_and_outline_level_give_heading_levels(tmp_path: Path) -> None:
    d = make.new()
    d.add_heading("Jane Doe", 0)
    d.add_heading("Experience", 1)
    d.add_heading("  Acme Corp", 2)
    by_outline = d.add_paragraph("Education")
    make.set_outline_level(by_outline, 0)
    d.add_paragraph("Plain body text")
    doc = ingest(make.save(d, tmp_path))
    assert len(doc.layout) == len(doc.lines)
    assert _layout(doc, "Jane Doe").heading == 1
    assert _layout(doc, "Experience").heading == 1
    assert _layout(doc, "Acme Corp").heading == 2
    assert _layout(doc, "Education").heading == 1
    assert _layout(doc, "Plain body text").heading is None


def test_list_levels_become_nested_items(tmp_path: Path) -> None:
    d = make.new()
    make.add_list_item(d, "Built the ranking service", 0)
    make.add_list_item(d, "Cut latency by 30%", 1)
    doc = ingest(make.save(d, tmp_path))
    top, nested = _lines(doc)
    assert top == "- Built the ranking service"
    assert nested == "  - Cut latency by 30%"
    assert (_layout(doc, top).indent, _layout(doc, top).list_marker) == (1, "-")
    assert _layout(doc, nested).indent == 2


def test_bold_is_whole_line_only(tmp_path: Path) -> None:
    d = make.new()
    d.add_paragraph().add_run("Acme Corp").bold = True
    mixed = d.add_paragraph()
    mixed.add_run("Skills:").bold = True
    mixed.add_run(" Python, Go")
    doc = ingest(make.save(d, tmp_path))
    assert _layout(doc, "Acme Corp").bold is True
    assert _layout(doc, "Skills: Python, Go").bold is False


def test_table_row_keeps_date_column_with_its_organisation(tmp_path: Path) -> None:
    d = make.new()
    d.add_paragraph("Experience")
    row = d.add_table(rows=1, cols=2).rows[0]
    row.cells[0].text = "Acme Corp"
    row.cells[0].add_paragraph("ML Engineer")
    row.cells[0].add_paragraph("Shipped search ranking")
    row.cells[1].text = "2020.07 – 2022.06"
    d.add_paragraph("Education")
    doc = ingest(make.save(d, tmp_path))
    assert _lines(doc) == ["Experience", "Acme Corp | 2020.07 – 2022.06", "ML Engineer", "Shipped search ranking", "Education"]


def test_hyperlink_reads_as_its_text(tmp_path: Path) -> None:
    d = make.new()
    p = d.add_paragraph("Code: ")
    make.add_hyperlink(p, "github.com/jane", "https://github.com/jane")
    doc = ingest(make.save(d, tmp_path))
    assert _lines(doc) == ["Code: github.com/jane"]
    assert "<a" not in doc.text and "href" not in doc.text


def test_text_box_is_kept_and_line_break_splits(tmp_path: Path) -> None:
    d = make.new()
    d.add_paragraph("Jane Doe")
    make.add_text_box(d, ["Skills", "Python, Go"])
    p = d.add_paragraph("Acme Corp")
    make.add_line_break(p, "ML Engineer 2020 – 2022")
    doc = ingest(make.save(d, tmp_path))
    assert _lines(doc) == ["Jane Doe", "Skills", "Python, Go", "Acme Corp", "ML Engineer 2020 – 2022"]


def test_header_and_footer_stay_out_of_the_body(tmp_path: Path) -> None:
    d = make.new()
    d.sections[0].header.paragraphs[0].text = "Jane Doe · jane@example.org"
    d.sections[0].footer.paragraphs[0].text = "Updated 2024"
    d.add_paragraph("Experience")
    d.add_paragraph("Acme Corp 2020 – 2022")
    doc = ingest(make.save(d, tmp_path))
    assert _lines(doc) == ["Jane Doe · jane@example.org", "Experience", "Acme Corp 2020 – 2022", "Updated 2024"]


def _without_revision_ids(path: Path) -> Path:
    """The same file as a converter (no Word editing history) would write it."""
    import re

    out = path.with_name("converted.docx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = re.sub(rb'\sw:rsid\w*="[^"]*"', b"", data)
            dst.writestr(item, data)
    return out


def _converted_entry(tmp_path: Path) -> Path:
    d = make.new()
    p = d.add_paragraph()
    p.add_run("May 2024 - Aug 2024").font.name = "Courier New"
    p.runs[0].italic = True
    p.add_run(" ")
    p.add_run("Acme Corp").bold = True
    p.add_run(" ")
    p.add_run("Research Intern")
    p.add_run(" ")
    p.add_run("- Built the ranking service")
    return make.save(d, tmp_path)


def test_a_converters_line_breaks_are_read_as_lines(tmp_path: Path) -> None:
    doc = ingest(_without_revision_ids(_converted_entry(tmp_path)))
    assert _lines(doc) == ["May 2024 - Aug 2024", "Acme Corp", "Research Intern", "- Built the ranking service"]


def test_a_word_edited_paragraph_stays_one_line(tmp_path: Path) -> None:
    doc = ingest(_converted_entry(tmp_path))  # python-docx's template carries Word revision ids
    assert _lines(doc) == ["May 2024 - Aug 2024 Acme Corp Research Intern - Built the ranking service"]


def test_a_separator_between_links_does_not_break_the_line(tmp_path: Path) -> None:
    d = make.new()
    p = d.add_paragraph()
    p.add_run("CVPR 2024").italic = True
    p.add_run(" ")
    make.add_hyperlink(p, "Paper", "https://example.org/p")
    p.add_run(" ")
    p.add_run("·")
    p.add_run(" ")
    make.add_hyperlink(p, "Code", "https://example.org/c")
    doc = ingest(_without_revision_ids(make.save(d, tmp_path)))
    assert _lines(doc) == ["CVPR 2024 Paper · Code"]


def test_broken_docx_is_one_line_error(tmp_path: Path) -> None:
    import pytest

    from auditor.errors import InputError

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document><unclosed>")
    path = tmp_path / "broken.docx"
    path.write_bytes(buf.getvalue())
    with pytest.raises(InputError, match="DOCX") as err:
        ingest(path)
    assert "\n" not in str(err.value)


def test_a_text_box_with_a_copy_for_old_readers_is_read_once(tmp_path: Path) -> None:
    d = make.new()
    make.add_drawing_text_box(d, ["Languages", "English, Chinese"])
    d.add_paragraph("Experience")
    doc = ingest(make.save(d, tmp_path))
    assert _lines(doc) == ["Languages", "English, Chinese", "Experience"]
