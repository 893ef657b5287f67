"""A team's folder as it really is: files of every type, a shared config, a shared report folder."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import stat
from pathlib import Path

from tests.conftest import AS_OF, SEEDS, seed
from tests.test_cli import run


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(seed("000"), src / "a.txt")
    shutil.copy(seed("003"), src / "b.txt")
    (src / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 word 97")
    (src / "scan.jpg").write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    (src / "page.html").write_text("<html>resume</html>", encoding="utf-8")
    (src / "README.md").write_text("# Candidates for the NLP role\n", encoding="utf-8")
    return src


def test_every_file_of_a_mixed_folder_is_listed_with_its_fate(tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = run("audit", str(_folder(tmp_path)), "--out", str(out), "--as-of", AS_OF)
    assert res.returncode == 1, "a file that could not be audited makes the exit code 1"
    assert "2 report(s) written" in res.stderr and "3 failed" in res.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in ("old.doc", "scan.jpg", "page.html"):
        assert name in index and name in res.stderr
    assert "save it as .docx or PDF" in index and "needs OCR" in index
    assert "README.md" in index  # skipped, and said so


def test_batch_csv_has_a_row_per_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run("audit", str(_folder(tmp_path)), "--out", str(out), "--as-of", AS_OF)
    rows = list(csv.DictReader(io.StringIO((out / "index.csv").read_text(encoding="utf-8"))))
    assert [Path(r["file"]).name for r in rows][2:] == ["old.doc", "page.html", "scan.jpg"]
    audited = rows[:2]
    assert all(r["risk"] in ("low", "medium", "high") and r["top_findings"] and r["first_questions"] for r in audited)
    assert int(audited[0]["score"]) >= int(audited[1]["score"])
    assert "unsupported file type" in rows[2]["error"]


def test_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "x.txt").write_text("=HYPERLINK(\"http://evil.example\")\nx@y.com\n\n教育经历\n某大学 本科 2018.09 - 2022.06\n", encoding="utf-8")
    (src / "y.txt").write_text(seed("000").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    run("audit", str(src), "--out", str(out), "--as-of", AS_OF)
    text = (out / "index.csv").read_text(encoding="utf-8")
    assert not any(cell.startswith("=") for row in csv.reader(io.StringIO(text)) for cell in row)


def test_unnamed_candidate_is_named_by_email_in_the_index(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "anon.txt").write_text("zoe.wang@example.org\n\n教育经历\n- 星河大学 本科 2018.09 - 2022.06\n", encoding="utf-8")
    (src / "no-contact.txt").write_text("教育经历\n- 星河大学 本科 2018.09 - 2022.06\n", encoding="utf-8")
    shutil.copy(seed("000"), src / "a.txt")
    out = tmp_path / "out"
    res = run("audit", str(src), "--out", str(out), "--as-of", AS_OF)
    assert res.returncode == 0, res.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "zoe.wang@example.org" in index
    assert ">no-contact<" in index, "a candidate with neither name nor e-mail is named by the file"


def test_reports_follow_the_umask(tmp_path: Path) -> None:
    out = tmp_path / "out"
    old = os.umask(0o027)
    try:
        run("audit", str(SEEDS), "--out", str(out), "--as-of", AS_OF)
    finally:
        os.umask(old)
    modes = {stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()}
    assert modes == {0o640}


def test_unknown_rule_id_in_config_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "resume-audit.toml").write_text('[rules]\ndisable = ["TIM099"]\n', encoding="utf-8")
    res = run("audit", str(seed("000")), "--as-of", AS_OF, cwd=tmp_path)
    assert res.returncode == 2 and "TIM099" in res.stderr and "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_config_that_is_a_folder_is_a_usage_error(tmp_path: Path) -> None:
    res = run("audit", str(seed("000")), "--as-of", AS_OF, "--config", str(tmp_path))
    assert res.returncode == 2 and "is a folder" in res.stderr and "Traceback" not in res.stderr


def test_accepted_finding_stays_with_its_candidate(tmp_path: Path) -> None:
    """The same text in another candidate's resume is another finding, still open."""
    first = json.loads(run("audit", str(seed("000")), "--as-of", AS_OF).stdout)
    met = next(f for f in first["findings"] if f["rule_id"] == "MET002")
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(seed("000"), src / "mine.txt")
    other = seed("000").read_text(encoding="utf-8").replace(first["resume"]["name"], "周其他", 1)
    (src / "other.txt").write_text(other, encoding="utf-8")
    (tmp_path / "resume-audit.toml").write_text(
        f'[[accepted]]\nfingerprint = "{met["fingerprint"]}"\ncandidate = "{first["resume"]["name"]}"\nreason = "Leaderboard seen"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    run("audit", str(src), "--out", str(out), "--as-of", AS_OF, "--format", "json", cwd=tmp_path)
    mine = json.loads((out / "mine.json").read_text(encoding="utf-8"))
    theirs = json.loads((out / "other.json").read_text(encoding="utf-8"))
    assert [f["accepted"] for f in mine["findings"] if f["fingerprint"] == met["fingerprint"]] == [{"reason": "Leaderboard seen", "by": None}]
    assert [f["accepted"] for f in theirs["findings"] if f["fingerprint"] == met["fingerprint"]] == [None]


def test_accepted_entry_without_candidate_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "resume-audit.toml").write_text('[[accepted]]\nfingerprint = "abc"\nreason = "ok"\n', encoding="utf-8")
    res = run("audit", str(seed("000")), "--as-of", AS_OF, cwd=tmp_path)
    assert res.returncode == 2 and "candidate" in res.stderr
