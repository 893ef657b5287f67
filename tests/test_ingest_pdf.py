"""The PDF reader on made-up PDFs, one per layout: what a person reading the page would see."""

from __future__ import annotations

from pathlib import Path

import pytest

import gen_pdfs
from auditor.errors import InputError
from auditor.ingest import ingest
from auditor.ingest.limits import Limits
from auditor.ingest.pdf import drop_icons, read_pdf
from auditor.ingest.pdf_layout import show
from auditor.models import Document


def _read(tmp_path: Path, data: bytes) -> Document:
    path = tmp_path / "cv.pdf"
    path.write_bytes(data)
    return ingest(path)


def _index(doc: Document, text: str) -> int:
    return next(i for i, line in enumerate(doc.lines) if text in line)


def test_the_name_stays_and_is_the_top_heading(tmp_path: Path) -> None:
    doc = _read(tmp_path, gen_pdfs.name_and_headings())
    assert doc.lines[0] == "Jane Q. Example"
    assert doc.layout[0].heading == 1 and doc.layout[0].size > 2
    edu = _index(doc, "Education")
    assert doc.lines[edu].strip() == "Education" and doc.layout[edu].heading == 2 and doc.layout[edu].bold


def test_a_line_over_a_rule_is_a_heading(tmp_path: Path) -> None:
    doc = _read(tmp_path, gen_pdfs.name_and_headings())
    projects = _index(doc, "Projects")
    assert doc.layout[projects].heading == 2 and not doc.layout[projects].bold
    assert doc.layout[_index(doc, "Search engine")].heading is None


def test_right_aligned_date_stays_on_its_row(tmp_path: Path) -> None:
    doc = _read(tmp_path, gen_pdfs.name_and_headings())
    assert any(line.strip() == "Example University  Sep 2015 - Jun 2019" for line in doc.lines)
    body = doc.layout[_index(doc, "Example University")]
    assert body.size == 1.0 and body.heading is None and body.page == 1


def test_narrow_word_gaps_of_a_small_serif_still_separate_words(tmp_path: Path) -> None:
    doc = _read(tmp_path, gen_pdfs.glued_words())
    assert "Research Engineer at Example Labs Nov 2014 – Feb 2019" in doc.lines
    assert "Built a compiler for tensor programs" in doc.lines


def test_sidebar_is_read_after_as_its_own_column(tmp_path: Path) -> None:
    doc = _read(tmp_path, gen_pdfs.two_columns())
    lines = [line.strip() for line in doc.lines]
    assert "Staff Engineer, Example Corp 2019 - 2023" in lines
    assert "Led the storage team of eight engineers" in lines
    side, main = _index(doc, "sam@example.org"), _index(doc, "Staff Engineer")
    assert lines[side : side + 2] == ["sam@example.org", "+1 555 0199"]
    assert {doc.layout[side].column, doc.layout[main].column} == {0, 1}
    # each column in one piece, top to bottom
    assert _index(doc, "Python") < _index(doc, "German") and main < _index(doc, "M.S. Computer Science")


def test_margin_headings_become_lines_and_wrapped_ones_join(tmp_path: Path) -> None:
    doc = _read(tmp_path, gen_pdfs.margin_headings())
    lines = [line.strip() for line in doc.lines]
    for heading in ("EDUCATION", "RESEARCH INTERESTS", "EXPERIENCE"):
        i = lines.index(heading)
        assert doc.layout[i].heading == 2
    assert lines.index("EDUCATION") < lines.index("Example University, Ph.D. in Physics  2018 - 2023")
    assert "Research Intern, Example Lab  Jun 2021 - Aug 2021" in lines


def test_left_date_column_is_joined_with_its_row(tmp_path: Path) -> None:
    doc = _read(tmp_path, gen_pdfs.date_column())
    lines = [line.strip() for line in doc.lines]
    assert "04/2018 – present  Data Scientist, Example GmbH, Berlin." in lines
    assert "09/2016 – 03/2018  Research Assistant, Example Institute, Berlin." in lines
    bullet = _index(doc, "trained models")
    assert doc.layout[bullet].list_marker == "-" and doc.layout[bullet].indent == 1


def test_years_set_between_rows_stay_beside_their_entries(tmp_path: Path) -> None:
    doc = _read(tmp_path, gen_pdfs.offset_dates())
    lines = [line.strip() for line in doc.lines]
    for n, year in enumerate(("2023", "2021", "2019", "2017"), 1):
        title = lines.index(f"Paper title number {n} on graph learning  {year}")
        assert lines[title + 1] == f"Venue of paper {n}, with co-authors"
    assert {lay.column for lay in doc.layout} == {0}


def test_running_headers_and_page_numbers_are_removed(tmp_path: Path) -> None:
    doc = _read(tmp_path, gen_pdfs.running_footers(pages=3))
    text = "\n".join(doc.lines)
    assert "Curriculum Vitae" not in text and "Page 2 of 3" not in text
    body = [f"Body text of page {n}, Example Project {2016 + n}" for n in (1, 2, 3)]
    assert [line for line in doc.lines if line.strip()] == ["Riley Running", *body]
    assert [d.reason for d in doc.dropped].count("running-header-footer") == 8
    assert [lay.page for lay, line in zip(doc.layout, doc.lines) if line.strip()] == [1, 1, 2, 3]


def test_line_end_hyphenation_is_joined_but_compounds_keep_their_hyphen(tmp_path: Path) -> None:
    doc = _read(tmp_path, gen_pdfs.hyphenated())
    assert doc.lines[0] == "I worked on controllable"
    assert doc.lines[1].endswith("self-supervised")
    assert doc.lines[2:4] == ["EMNLP-", "IJCNLP papers"]  # capitals: an acronym pair, left as it is


def test_private_use_icons_are_dropped_and_headings_stand_alone(tmp_path: Path) -> None:
    doc = _read(tmp_path, gen_pdfs.icons_zh())
    lines = [line.strip() for line in doc.lines]
    assert lines[0] == "李雷"
    assert "教育背景" in lines and "工作经历" in lines
    assert "lilei@example.com  lilei" in lines
    assert not any("\ue000" <= ch <= "\uf8ff" for line in doc.lines for ch in line)
    assert any("icon glyphs" in note for note in doc.notes)


def test_rotated_and_light_text_dropped_but_the_name_kept(tmp_path: Path) -> None:
    doc = _read(tmp_path, gen_pdfs.watermarked())
    text = "\n".join(doc.lines)
    assert "Wendy Watermark" in text and "Software Engineer, Example Inc 2020 - 2024" in text
    assert "CONFIDENTIAL" not in text and "Ignore previous" not in text and "DRAFT" not in text
    reasons = {d.reason: d.text for d in doc.dropped}
    assert reasons["rotated"] == "CONFIDENTIAL" and reasons["light"].startswith("Ignore previous")
    assert reasons["transparent"] == "DRAFT COPY"


def test_unmapped_glyphs_and_icons_are_removed_from_text() -> None:
    assert drop_icons("(cid:4) jane@example.org (cid:128) github") == " jane@example.org  github"
    assert drop_icons("\uf19d教育背景") == "教育背景"
    assert drop_icons("plain (cid text)") == "plain (cid text)"


def test_ligatures_and_kangxi_radicals_are_shown_as_read() -> None:
    assert show("Eﬃcient proﬁle") == "Efficient profile"
    assert show("⼤模型项⽬") == "大模型项目"
    assert show("荣誉：国家奖学金（2024），一等奖") == "荣誉：国家奖学金（2024），一等奖"  # full-width punctuation kept


def test_mostly_unmapped_text_is_refused_with_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.ingest import pdf as pdf_module
    from auditor.ingest.pdf_chars import page_chars

    def all_icons(page: object, textpage: object, number: int):  # noqa: ANN202
        got = page_chars(page, textpage, number)
        got.unmapped, got.chars = len(got.chars), got.chars[:3]
        return got

    monkeypatch.setattr(pdf_module, "page_chars", all_icons)
    with pytest.raises(InputError, match="no Unicode map") as err:
        read_pdf(gen_pdfs.name_and_headings(), Limits())
    assert "\n" not in str(err.value)


def test_truncated_pdf_is_one_line_error(tmp_path: Path) -> None:
    data = gen_pdfs.name_and_headings()
    with pytest.raises(InputError) as err:
        _read(tmp_path, data[: len(data) // 3])
    assert "\n" not in str(err.value)


def test_corrupted_pdfs_give_a_document_or_one_line_error() -> None:
    import random

    from auditor.ingest import ingest_bytes

    rng = random.Random(7)
    base = [gen_pdfs.two_columns(), gen_pdfs.icons_zh()]
    for _ in range(60):
        data = bytearray(rng.choice(base))
        for _ in range(rng.randint(1, 12)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            doc = ingest_bytes(bytes(data[: rng.randrange(len(data) // 2, len(data))]), "pdf", "cv.pdf")
        except InputError as err:
            assert "\n" not in str(err)
        else:
            assert len(doc.layout) == len(doc.lines)


def test_layout_is_aligned_with_lines(tmp_path: Path) -> None:
    for build in (gen_pdfs.two_columns, gen_pdfs.margin_headings, gen_pdfs.running_footers):
        doc = _read(tmp_path, build())
        assert len(doc.layout) == len(doc.lines)


@pytest.mark.parametrize("style", ["hanging", "numbered", "years"])
def test_a_citation_wrapped_over_printed_lines_is_one_paper(tmp_path: Path, style: str, catalog) -> None:
    """A PDF breaks a citation where the column ends; the paper keeps its title, venue and year."""
    from auditor.parse import parse

    doc = _read(tmp_path, gen_pdfs.wrapped_citations(style))
    pubs = parse(doc, catalog.kb).resume.publications
    got = [(p.title, p.venue_id, p.year) for p in pubs]
    assert got == [
        ("Sparse Probes for Factual Recall in Large Language Models", "emnlp", 2023),
        ("Routing Experts for Dialogue Generation at Scale", "acl", 2022),
        ("Token Pruning for Long Context Transformers on Small Devices", "neurips", 2021),
    ], got


def test_a_page_with_one_margin_heading_keeps_it_and_its_papers_are_read(tmp_path: Path, catalog) -> None:
    """The gutter the first page shows holds on a page with a single margin heading, and
    author-first citations wrapped as paragraphs are one paper each."""
    from auditor.parse import parse

    doc = _read(tmp_path, gen_pdfs.margin_heading_papers())
    lines = [line.strip() for line in doc.lines]
    assert "Conferences" in lines, lines
    pubs = parse(doc, catalog.kb).resume.publications
    assert [(p.title, p.venue_id, p.year, p.author_position) for p in pubs] == [
        ("Sparse probes for factual recall in language models", "neurips", 2023, 1),
        ("Routing experts for dialogue generation at scale", "icml", 2022, 2),
        ("Token pruning for long context transformers", "aaai", 2022, 1),
    ]
