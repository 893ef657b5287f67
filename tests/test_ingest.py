"""Ingest: encodings, PDF (with a rotated CJK watermark), DOCX, JSON Resume and bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from auditor.errors import InputError
from auditor.ingest import Limits, ingest

RESUME_ZH = ["张伟", "邮箱: zhangwei@example.org", "教育背景", "清华大学 计算机科学与技术 硕士 2019.09 – 2022.06", "工作经历", "字节跳动 算法工程师 2022.07 – 至今"]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("gb18030", b""), ("gbk", b"")],
)
def test_text_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    data = prefix + "\r\n".join(RESUME_ZH).encode(encoding)
    doc = ingest(_write(tmp_path, "cv.txt", data))
    assert doc.lines[0] == "张伟"
    assert doc.lines[3].startswith("清华大学")
    assert doc.language == "zh"


def test_stray_byte_does_not_crash(tmp_path: Path) -> None:
    data = "\n".join(RESUME_ZH).encode("utf-8") + b"\n\xff\xfe\x80 broken tail\n"
    doc = ingest(_write(tmp_path, "cv.txt", data))
    assert doc.lines[0] == "张伟"


def test_nul_bytes_and_mixed_line_endings(tmp_path: Path) -> None:
    data = b"Jane Doe\r\nEducation\rMIT, B.S.\x00 2019 - 2023\nExperience\n"
    doc = ingest(_write(tmp_path, "cv.txt", data))
    assert doc.lines == ["Jane Doe", "Education", "MIT, B.S. 2019 - 2023", "Experience"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"   \n\n  ", "empty file"),
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("cv.rtf", b"{\\rtf1 hello}", "unsupported file type"),
        ("broken.pdf", b"%PDF-1.4\n this is not a pdf at all", "PDF"),
        ("fake.pdf", b"hello, I am text", "not a PDF"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "DOCX"),
        ("bad.json", b"{not json", "invalid JSON"),
        ("other.json", b'{"name": "x"}', "not a JSON Resume"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as err:
        ingest(_write(tmp_path, name, data))
    assert reason.lower() in str(err.value).lower()
    assert "\n" not in str(err.value)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    p = _write(tmp_path, "huge.txt", b"x" * 2048)
    with pytest.raises(InputError, match="over the limit"):
        ingest(p, Limits(max_bytes=1024))


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        ingest(tmp_path / "nope.txt")


def _cjk_pdf(*, encrypt: str | None = None, pages: int = 1) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    for _ in range(pages):
        y = 800
        for line in RESUME_ZH:
            c.setFont("STSong-Light", 11)
            c.setFillGray(0)
            c.drawString(72, y, line)
            y -= 18
        # a rotated, light watermark across the page, and a vertical stamp
        c.saveState()
        c.setFillGray(0.6)
        c.translate(300, 420)
        c.rotate(45)
        c.setFont("STSong-Light", 36)
        c.drawString(0, 0, "内部资料仅供参考")
        c.restoreState()
        c.saveState()
        c.setFillGray(0.2)
        c.translate(560, 300)
        c.rotate(90)
        c.setFont("STSong-Light", 9)
        c.drawString(0, 0, "来自BOSS直聘的简历")
        c.restoreState()
        c.showPage()
    c.save()
    return buf.getvalue()


def test_pdf_keeps_cjk_and_drops_rotated_watermark(tmp_path: Path) -> None:
    doc = ingest(_write(tmp_path, "cv.pdf", _cjk_pdf()))
    text = "\n".join(doc.lines)
    for line in RESUME_ZH:
        assert line.replace(" ", "") in text.replace(" ", "")
    assert "内部资料" not in text and "仅供参考" not in text
    assert "BOSS" not in text and "直聘" not in text
    assert {d.reason for d in doc.dropped} >= {"rotated"}
    assert doc.language == "zh" and doc.format == "pdf"


def test_encrypted_pdf_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="encrypted"):
        ingest(_write(tmp_path, "locked.pdf", _cjk_pdf(encrypt="secret")))


def test_pdf_page_limit(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="pages"):
        ingest(_write(tmp_path, "long.pdf", _cjk_pdf(pages=3)), Limits(max_pdf_pages=2))


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("张伟")
    d.add_paragraph("教育背景")
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "2019.09 – 2022.06"
    table.rows[0].cells[1].text = "清华大学 硕士"
    d.add_paragraph("工作经历")
    d.add_paragraph("字节跳动 算法工程师 2022.07 – 至今")
    buf = io.BytesIO()
    d.save(buf)
    doc = ingest(_write(tmp_path, "cv.docx", buf.getvalue()))
    lines = [l for l in doc.lines if l.strip()]
    assert lines[0] == "张伟"
    assert lines.index("教育背景") < lines.index("2019.09 – 2022.06 | 清华大学 硕士") < lines.index("工作经历")


def test_docx_zip_bomb_is_refused(tmp_path: Path) -> None:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<a>" + "x" * 5_000_000 + "</a>")
    with pytest.raises(InputError, match="zip bomb"):
        ingest(_write(tmp_path, "bomb.docx", buf.getvalue()), Limits(max_unzipped_bytes=1_000_000))


def test_json_resume_becomes_resume_lines(tmp_path: Path) -> None:
    data = {
        "basics": {"name": "Jane Doe", "email": "jane@uni.edu", "profiles": [{"network": "GitHub", "url": "https://github.com/jane"}]},
        "work": [{"name": "Acme", "position": "ML Engineer", "startDate": "2020-01-01", "highlights": ["Cut latency 30%"]}],
        "education": [{"institution": "MIT", "studyType": "M.S.", "area": "CS", "startDate": "2018-09", "endDate": "2020-06"}],
    }
    doc = ingest(_write(tmp_path, "resume.json", json.dumps(data).encode()))
    assert doc.lines[0] == "Jane Doe"
    assert "Acme, ML Engineer  2020-01 – Present" in doc.lines
    assert "MIT, M.S. CS  2018-09 – 2020-06" in doc.lines


def test_json_resume_keeps_every_section_a_reader_sees() -> None:
    """References, languages and interests are part of the rendered resume: filler text left
    there ('Lorem ipsum' references) must reach the checks like any other line."""
    import json as _json

    from auditor.ingest.jsonresume import read_json_resume

    doc = {"basics": {"name": "Dana Whitfield"}, "work": [],
           "languages": [{"language": "English", "fluency": "Native"}],
           "interests": [{"name": "Music", "keywords": ["piano"]}],
           "references": [{"name": "Prof. Example", "reference": "Lorem ipsum dolor sit amet."}]}
    lines = read_json_resume(_json.dumps(doc).encode())
    assert "References" in lines and "- Prof. Example: Lorem ipsum dolor sit amet." in lines
    assert "- English: Native" in lines and "- Music: piano" in lines
