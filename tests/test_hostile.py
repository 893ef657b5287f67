"""Hostile input: every file gets a report or one clear error line, within bounded work.

Covers what tests/test_ingest.py does not: a zip bomb under the default limit, thousands of PDF
pages, a huge embedded image, an owner-password-only PDF, a 200 MB file (sparse, never read), a
text too long in characters, mixed encodings, markup and script injection in every output format,
the [limits] config, and no regular expression that backtracks catastrophically.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from auditor.errors import InputError, RuleFileError
from auditor.ingest import Limits, ingest
from auditor.ingest.text import decode

AS_OF = "2026-11-23"
RESUME = ["Jane Doe", "jane@uni.edu", "## Experience", "**Acme, ML Engineer**  Jan 2020 – Present", "- Cut latency from 300ms → 90ms"]


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "auditor.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def _one_line_error(proc: subprocess.CompletedProcess[str], words: str) -> None:
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip() and "report(s) written" not in line]
    assert len(lines) == 1 and words in lines[0].lower(), proc.stderr


# --- size limits -----------------------------------------------------------------------------


def test_200_mb_file_is_refused_without_being_read(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # sparse: takes no disk space and is never written out
        fh.truncate(200 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="over the limit"):
            ingest(big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000  # refused from its size on disk, not after reading 200 MB
    _one_line_error(_cli("audit", str(big), "--as-of", AS_OF), "over the limit")


def test_text_over_the_character_limit_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "long.txt"
    p.write_text("\n".join(RESUME) + "\n" + "x" * 5000, encoding="utf-8")
    with pytest.raises(InputError, match="characters of text, over the limit of 1,000"):
        ingest(p, Limits(max_chars=1000))


def test_limits_come_from_the_config_file(tmp_path: Path) -> None:
    cv = tmp_path / "cv.txt"
    cv.write_text("\n".join(RESUME * 10), encoding="utf-8")
    (tmp_path / "resume-audit.toml").write_text("[limits]\nmax_lines = 20\n", encoding="utf-8")
    _one_line_error(_cli("audit", str(cv), "--as-of", AS_OF, cwd=tmp_path), "over the limit of 20")
    (tmp_path / "resume-audit.toml").write_text("[limits]\nmax_lines = 200\n", encoding="utf-8")
    assert _cli("audit", str(cv), "--as-of", AS_OF, cwd=tmp_path).returncode == 0


@pytest.mark.parametrize(("table", "words"), [("max_pages = 3", "unknown setting"), ("max_lines = -1", "positive whole number"), ("max_file_mb = 'big'", "positive whole number")])
def test_bad_limits_config_is_one_clear_error(tmp_path: Path, table: str, words: str) -> None:
    from auditor.config import load_config

    (tmp_path / "resume-audit.toml").write_text(f"[limits]\n{table}\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=words):
        load_config(None, tmp_path)
    proc = _cli("audit", "x.txt", cwd=tmp_path)
    assert proc.returncode == 2 and words in proc.stderr and "Traceback" not in proc.stderr


# --- DOCX --------------------------------------------------------------------------------------


def test_docx_zip_bomb_is_refused_under_the_default_limit(tmp_path: Path) -> None:
    """100 MB of XML squeezed into ~100 kB: refused from the zip directory, before inflating."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w") as member:
            chunk = b"<w:t>" + b"A" * (1024 * 1024 - 11) + b"</w:t>\n"
            for _ in range(100):
                member.write(chunk)
    p = tmp_path / "bomb.docx"
    p.write_bytes(buf.getvalue())
    assert p.stat().st_size < 1_000_000
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="zip bomb"):
            ingest(p)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000


# --- PDF ---------------------------------------------------------------------------------------


def _pdf(pages: int = 1, *, image: bool = False, owner_only: bool = False) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    encrypt = StandardEncryption("", ownerPassword="owner-secret", canPrint=1) if owner_only else None
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    for _ in range(pages):
        y = 800
        for line in RESUME:
            c.drawString(72, y, line)
            y -= 18
        if image:
            from PIL import Image
            from reportlab.lib.utils import ImageReader

            c.drawImage(ImageReader(Image.new("L", (4000, 4000), 200)), 72, 100, width=400, height=400)
        c.showPage()
    c.save()
    return buf.getvalue()


def test_pdf_with_thousands_of_pages_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "long.pdf"
    p.write_bytes(_pdf(pages=2000))
    with pytest.raises(InputError, match="2000 pages, over the limit of 50"):
        ingest(p)


def test_pdf_with_a_huge_image_is_read_for_its_text(tmp_path: Path) -> None:
    p = tmp_path / "image.pdf"
    p.write_bytes(_pdf(image=True))
    doc = ingest(p)
    assert "Jane Doe" in doc.lines and any("Acme" in line for line in doc.lines)


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    """Permissions-only encryption (no password to open) is common in exported resumes."""
    p = tmp_path / "owner.pdf"
    p.write_bytes(_pdf(owner_only=True))
    doc = ingest(p)
    assert "Jane Doe" in doc.lines


# --- text encodings ----------------------------------------------------------------------------

ZH = ["张伟", "邮箱: zhangwei@example.org", "教育背景", "清华大学 计算机科学与技术 硕士 2019.09 – 2022.06", "工作经历", "字节跳动 算法工程师 2022.07 – 至今"]


def test_utf8_resume_with_a_gbk_line_is_read(tmp_path: Path) -> None:
    data = "\r\n".join(ZH * 3).encode("utf-8") + b"\r\n" + "项目经历 阿里巴巴 2020.01 – 2021.06".encode("gbk") + b"\n"
    p = tmp_path / "mixed.txt"
    p.write_bytes(data)
    doc = ingest(p)
    assert doc.lines[0] == "张伟" and doc.lines[-1] == "项目经历 阿里巴巴 2020.01 – 2021.06"


def test_utf16_without_bom_and_nul_bytes_inside_text(tmp_path: Path) -> None:
    assert decode("\n".join(ZH).encode("utf-16-le")).split("\n")[0] == "张伟"
    p = tmp_path / "nul.md"
    p.write_bytes("\n".join(ZH).replace("清华", "清\x00华").encode("utf-8"))
    assert "清华大学" in ingest(p).lines[3]


# --- injection ---------------------------------------------------------------------------------

INJECTION = [
    "Jane Doe",
    "jane@uni.edu | [site](javascript:alert(1)) | https://github.com/jane",
    "## Experience",
    "**Acme, ML Engineer**  Jan 2020 – Present",
    "- <script>alert(1)</script> cut latency 30% <img src=x onerror=alert(2)>",
    "- {{ 7*7 }} {% if 1 %}x{% endif %} `code` | pipe | # not a heading",
    '- Kaggle gold (Top 1%, 95/2100) <a href="javascript:alert(3)">me</a>',
    "- [click](data:text/html,<b>x</b>) ]]> --> <!--",
]


def test_injected_markup_stays_text_in_every_output(tmp_path: Path) -> None:
    cv = tmp_path / "inj.md"
    cv.write_text("\n".join(INJECTION) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert _cli("audit", str(cv), "--as-of", AS_OF, "--format", "html", "--out", str(out)).returncode == 0
    html = (out / "inj.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert 'href="javascript:' not in html.lower() and "href='javascript:" not in html.lower()
    assert 'href="data:' not in html.lower()
    assert "{{ 7*7 }}" in html  # printed, not evaluated
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html

    md = _cli("audit", str(cv), "--as-of", AS_OF, "--format", "md").stdout
    assert "<script>" not in md and "<img" not in md and '<a href="javascript' not in md
    assert "](javascript:" not in md.replace("\\]", "]").split("```")[0] or "javascript" not in md

    report = json.loads(_cli("audit", str(cv), "--as-of", AS_OF, "--format", "json").stdout)
    assert report["text"] == INJECTION  # the JSON keeps the text exactly; escaping is the renderer's job
    assert all(link.startswith(("http://", "https://", "www.", "github.com")) for link in report["resume"]["contacts"]["links"])


# --- catastrophic backtracking -----------------------------------------------------------------

SHAPES = {
    "digits": "1",
    "dots": ".",
    "thousands": "000,",  # a figure written 1,000,000,...: its comma groups must not be re-read from each group
    "spaces": " ",
    "dashes": "-",
    "cjk": "中",
    "close-brackets": ")",
    "date-fragments": "2023.09-",
    "zh-dates": "2023年9月",
    "numbers-arrows": "1%→",
    "letters": "a",
    "capitals": "A",
}


def _long_line_resume(filler: str, length: int) -> str:
    line = (filler * (length // len(filler) + 1))[:length] + "x!"
    return "\n".join([*RESUME, line, "- " + line, "## Publications", line])


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_100k_character_lines_are_audited(tmp_path: Path, shape: str) -> None:
    """Whole pipeline on 100,000-character lines: a report, not a hang (the timeout is only a
    safety net; linear growth is asserted by counting in test_patterns_grow_linearly)."""
    cv = tmp_path / "long.md"
    cv.write_text(_long_line_resume(SHAPES[shape], 100_000), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "auditor.cli", "audit", str(cv), "--as-of", AS_OF, "--format", "json"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["source"]["lines"] == len(RESUME) + 4


# Patterns that only ever see strip_markup text, where a run of spaces is one space: a long run
# of spaces cannot reach them (checked here on the real strip_markup).
SEE_COLLAPSED_SPACES = (
    r"(?:从\s*)?(?:[^\d\s]{0,8}?)\s*",  # claims.BEFORE_AFTER
    r"(?:→|->|=>|⇒|➔|➜|\s+to\s+|",  # claims._HAS_ARROW
    r"\s*[(（]\s*[+\-]?\s*|",  # metric.gain_mismatch, text between two figures
    r"\s*[:：]\s*$",  # text.heading_key
)


def test_strip_markup_collapses_space_runs() -> None:
    from auditor.parse.text import strip_markup

    assert strip_markup("a" + " \t\u3000" * 5000 + "b") == "a b"


def test_patterns_grow_linearly() -> None:
    """Every regular expression of the auditor, on every bad shape: the engine's step count for
    a 4x longer input grows about 4x (quadratic would be 16x), counted, never timed."""
    from regex_steps import all_patterns, grows_linearly

    failures = []
    for where, pattern, anchored in all_patterns():
        for shape, filler in SHAPES.items():
            if shape == "spaces" and pattern.pattern.startswith(SEE_COLLAPSED_SPACES):
                continue
            bad = grows_linearly(pattern, filler, anchored=anchored)
            if bad:
                failures.append(f"{where} on {shape}: {bad}")
    assert not failures, "\n".join(failures[:20])
