"""The CLI through its real entry point: exit codes, stdout JSON valid against the schema, batches."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import AS_OF, seed

CLI = [sys.executable, "-m", "auditor.cli"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def test_version_and_help() -> None:
    from auditor import __version__

    assert run("--version").stdout.strip() == f"resume-audit {__version__}"
    out = run("audit", "--help").stdout
    assert "--as-of" in out and "examples:" in out and "exit codes" in out


def test_one_file_prints_json_valid_against_the_exported_schema() -> None:
    res = run("audit", str(seed("003")), "--as-of", AS_OF)
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout)
    schema = json.loads(run("schema").stdout)
    jsonschema.validate(report, schema)
    assert report["schema_version"] == 1 and report["as_of"] == AS_OF
    assert report["resume"]["name"] == "李明"
    assert report["source"]["sha256"] and report["source"]["language"] == "zh"
    assert all(f["evidence"] for f in report["findings"])


def test_the_same_input_gives_the_same_json() -> None:
    a = run("audit", str(seed("000")), "--as-of", AS_OF).stdout
    b = run("audit", str(seed("000")), "--as-of", AS_OF).stdout
    assert a == b


def test_batch_goes_on_past_a_broken_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(seed("003").read_text(encoding="utf-8"), encoding="utf-8")
    (src / "bad.pdf").write_bytes(b"%PDF-1.4 garbage")
    (src / "empty.md").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    res = run("audit", str(src), "--out", str(out), "--as-of", AS_OF)
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    errors = [l for l in res.stderr.splitlines() if "bad.pdf" in l or "empty.md" in l]
    assert len(errors) == 2
    assert (out / "good.html").exists() and (out / "good.questions.md").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "good.html" in index and "bad.pdf" in index and "empty.md" in index


def test_a_folder_readme_is_skipped_and_said_but_a_readme_named_on_the_command_line_is_audited(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "cand.txt").write_text(seed("003").read_text(encoding="utf-8"), encoding="utf-8")
    (src / "README.md").write_text("# Resumes from the spring fair\n\nOne file per candidate.\n", encoding="utf-8")
    out = tmp_path / "out"
    res = run("audit", str(src), "--out", str(out), "--as-of", AS_OF)
    assert res.returncode == 0, res.stderr
    assert "skipped 1 file(s)" in res.stderr and "README.md" in res.stderr
    assert (out / "cand.html").exists() and not (out / "README.html").exists()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "README.md</code> — 是文件夹的说明文档" in index and 'href="README' not in index
    named = run("audit", str(src / "README.md"), "--as-of", AS_OF)
    assert named.returncode == 0 and json.loads(named.stdout)["source"]["path"].endswith("README.md")


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["audit", "missing.txt", "--as-of", AS_OF], 1, "no such file"),
        (["audit", "x.txt", "--as-of", "2026-13-01"], 2, "not a date"),
        (["audit", "x.txt", "--format", "pdf"], 2, "invalid choice"),
        (["rules", "NOPE999"], 2, "no rule"),
    ],
)
def test_errors_are_one_line_with_the_documented_exit_code(args: list[str], code: int, needle: str) -> None:
    res = run(*args)
    assert res.returncode == code
    assert needle in res.stderr
    assert "Traceback" not in res.stderr


def test_formats_md_and_questions_on_stdout() -> None:
    md = run("audit", str(seed("000")), "--as-of", AS_OF, "--format", "md").stdout
    assert md.startswith("# 简历审核报告") and "128/2664" in md
    q = run("audit", str(seed("000")), "--as-of", AS_OF, "--format", "questions", "--lang", "en").stdout
    assert q.startswith("# Interview brief: ") and "1. **" in q and "A good answer" in q
    clarify = run("audit", str(seed("000")), "--as-of", AS_OF, "--format", "clarify", "--lang", "en").stdout
    assert "phone number" in clarify and "1. **" not in clarify


def test_rules_listing_and_one_rule() -> None:
    listing = run("rules").stdout.splitlines()
    assert any(l.startswith("PUB001  stale-under-review") for l in listing)
    one = run("rules", "MET002").stdout
    assert "rank-contradicts-top-percent" in one and "Example (fail)" in one and "Example (pass)" in one


def test_config_disables_rules_changes_severity_and_accepts_findings(tmp_path: Path) -> None:
    first = json.loads(run("audit", str(seed("000")), "--as-of", AS_OF).stdout)
    met = next(f for f in first["findings"] if f["rule_id"] == "MET002")
    (tmp_path / "resume-audit.toml").write_text(
        '[rules]\ndisable = ["VER003"]\nseverity = { TIM007 = "info" }\n'
        f'[[accepted]]\nfingerprint = "{met["fingerprint"]}"\ncandidate = "{first["resume"]["name"]}"\nreason = "Checked the leaderboard"\nby = "alice"\n',
        encoding="utf-8",
    )
    second = json.loads(run("audit", str(seed("000")), "--as-of", AS_OF, cwd=tmp_path).stdout)
    rules = {f["rule_id"]: f for f in second["findings"]}
    assert "VER003" not in rules
    assert rules["TIM007"]["severity"] == "info"
    assert rules["MET002"]["accepted"] == {"reason": "Checked the leaderboard", "by": "alice"}
    assert second["risk"]["score"] < first["risk"]["score"]


def test_bad_config_names_file_and_field(tmp_path: Path) -> None:
    (tmp_path / "resume-audit.toml").write_text('[rules]\nseverity = { TIM007 = "huge" }\n', encoding="utf-8")
    res = run("audit", str(seed("000")), "--as-of", AS_OF, cwd=tmp_path)
    assert res.returncode == 2
    assert "resume-audit.toml" in res.stderr and "rules.severity.TIM007" in res.stderr


def test_installed_console_script() -> None:
    script = Path(sys.executable).parent / "resume-audit"
    assert script.exists(), "the console script is installed by `pip install -e .`"
    res = subprocess.run([str(script), "audit", str(seed("002")), "--as-of", AS_OF, "--format", "questions"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("# 面试简报: 董汉德")


def test_folder_run_writes_reports_for_every_seed(tmp_path: Path) -> None:
    from tests.conftest import SEEDS

    out = tmp_path / "r"
    res = run("audit", str(SEEDS), "--out", str(out), "--as-of", AS_OF, "--format", "json")
    assert res.returncode == 0, res.stderr
    reports = sorted(p.name for p in out.glob("*.json"))
    assert reports == sorted(p.stem + ".json" for p in SEEDS.glob("*.txt"))
    assert (out / "index.html").exists()
    assert not list(out.glob(".*.tmp")), "no temp file is left behind"
