"""Batch mode through the CLI: text shared across candidates, --jobs, Ctrl-C, the progress bar."""

from __future__ import annotations

import json
import os
import pty
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from auditor import cli
from tests.conftest import AS_OF, EXAMPLES, SEEDS

CLI = [sys.executable, "-m", "auditor.cli"]
EXAMPLES_AS_OF = "2026-08-01"


def run(*args: str, cwd: Path | None = None, timeout: int = 180) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout)


def findings(out: Path, name: str, rule: str = "CON006") -> list[dict]:
    return [f for f in json.loads((out / f"{name}.json").read_text(encoding="utf-8"))["findings"] if f["rule_id"] == rule]


@pytest.fixture
def batch_in(tmp_path: Path) -> Path:
    """The examples plus a second file of one example's candidate, in a sub-folder (same stem)."""
    src = tmp_path / "in"
    shutil.copytree(EXAMPLES, src)
    (src / "sub").mkdir()
    shutil.copy(EXAMPLES / "zh_nlp_intern.md", src / "sub" / "zh_nlp_intern.md")
    return src


def test_a_shared_bullet_is_a_finding_on_both_candidates_and_in_the_index(tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = run("audit", str(EXAMPLES), "--out", str(out), "--as-of", EXAMPLES_AS_OF, "--format", "json", "--lang", "en")
    assert res.returncode == 0, res.stderr
    a, b = findings(out, "zh_nlp_intern"), findings(out, "zh_cv_engineer")
    assert [([e["line"] for e in f["evidence"]], f["confidence"]) for f in a] == [([13, 14], "medium")], "one finding quoting both lines"
    assert "2 line(s) also appear in zh_cv_engineer.txt" in a[0]["message"] and "zh_nlp_intern.md" in b[0]["message"]
    assert all("zh_cv_engineer" not in f["questions"][0] and "another" not in f["questions"][0] for f in a), \
        "the question never names the other candidate nor says another resume exists"
    for name in ("zh_llm_engineer", "zh_phd_student", "en_ml_researcher", "en_jsonresume"):
        assert not findings(out, name), f"no other example shares text: {name}"
        assert any(c["rule_id"] == "CON006" and c["status"] == "passed" for c in json.loads((out / f"{name}.json").read_text())["checks"])
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Text shared across candidates (1)" in index
    assert 'href="zh_cv_engineer.json">孙浩然</a> (2)' in index and 'href="zh_nlp_intern.json">赵雨桐</a> (2)' in index  # two shared lines


def test_one_file_alone_has_nothing_to_compare_with(tmp_path: Path) -> None:
    report = json.loads(run("audit", str(EXAMPLES / "zh_nlp_intern.md"), "--as-of", EXAMPLES_AS_OF).stdout)
    assert not [f for f in report["findings"] if f["rule_id"] == "CON006"]
    assert {"rule_id": "CON006", "status": "not_applicable"}.items() <= next(c for c in report["checks"] if c["rule_id"] == "CON006").items()


def test_config_applies_to_shared_bullets(tmp_path: Path) -> None:
    first = tmp_path / "first"
    run("audit", str(EXAMPLES), "--out", str(first), "--as-of", EXAMPLES_AS_OF, "--format", "json")
    accepted = findings(first, "zh_nlp_intern")[0]
    (tmp_path / "resume-audit.toml").write_text(
        '[rules]\nseverity = { CON006 = "info" }\n'
        f'[[accepted]]\nfingerprint = "{accepted["fingerprint"]}"\ncandidate = "赵雨桐"\nreason = "Same course project, confirmed"\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run("audit", str(EXAMPLES), "--out", str(out), "--as-of", EXAMPLES_AS_OF, "--format", "json", cwd=tmp_path).returncode == 0
    mine = findings(out, "zh_nlp_intern")
    assert {f["severity"] for f in mine} == {"info"}
    assert [f["accepted"] for f in mine if f["fingerprint"] == accepted["fingerprint"]] == [{"reason": "Same course project, confirmed", "by": None}]
    before = json.loads((first / "zh_nlp_intern.json").read_text())
    after = json.loads((out / "zh_nlp_intern.json").read_text())
    assert after["risk"]["score"] < before["risk"]["score"]
    assert not any(accepted["id"] in q["finding_ids"] for q in after["questions"])

    (tmp_path / "resume-audit.toml").write_text('[rules]\ndisable = ["bullet-shared-across-candidates"]\n', encoding="utf-8")
    off = tmp_path / "off"
    run("audit", str(EXAMPLES), "--out", str(off), "--as-of", EXAMPLES_AS_OF, cwd=tmp_path)
    index = (off / "index.html").read_text(encoding="utf-8")
    assert "Shares text with" not in index and "与以下简历有相同描述" not in index
    assert "CON006" not in (off / "zh_nlp_intern.html").read_text(encoding="utf-8")


def test_the_output_is_the_same_whatever_the_number_of_jobs(batch_in: Path, tmp_path: Path) -> None:
    outs = []
    for jobs in ("1", "2", "3"):
        out = tmp_path / f"out{jobs}"
        res = run("audit", str(batch_in), "--out", str(out), "--as-of", EXAMPLES_AS_OF, "--jobs", jobs)
        assert res.returncode == 0, res.stderr
        outs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outs[0] == outs[1] == outs[2]
    assert {"zh_nlp_intern.html", "zh_nlp_intern-2.html", "index.html"} <= set(outs[0])
    # the same person's second file is not "another candidate"; the other candidate is
    copy = outs[0]["zh_nlp_intern-2.html"].decode()
    assert "zh_cv_engineer.txt" in copy and "also appears in zh_nlp_intern.md" not in copy and "也出现在 zh_nlp_intern.md" not in copy


def test_one_broken_file_does_not_stop_the_others_with_jobs(tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    (src / "bad.pdf").write_bytes(b"%PDF-1.4 garbage")
    out = tmp_path / "out"
    res = run("audit", str(src), "--out", str(out), "--as-of", AS_OF, "--jobs", "2")
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert len(list(out.glob("*.html"))) == len(list(SEEDS.glob("*.txt"))) + 1  # + index.html
    assert "bad.pdf" in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(jobs: str) -> None:
    res = run("audit", str(EXAMPLES), f"--jobs={jobs}")
    assert res.returncode == 2 and "--jobs" in res.stderr and "Traceback" not in res.stderr


def test_ctrl_c_in_process_keeps_the_finished_reports_and_writes_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    import auditor.report

    real = auditor.report.build_report
    calls = []

    def interrupt_on_third(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(auditor.report, "build_report", interrupt_on_third)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    code = cli.main(["audit", str(SEEDS), "--out", str(out), "--as-of", AS_OF, "--jobs", "1"])
    assert code == 130
    seeds = sorted(SEEDS.glob("*.txt"))
    assert sorted(p.name for p in out.glob("*.html") if p.name != "index.html") == [p.stem + ".html" for p in seeds[:2]]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "审核被中断" in index or "The run was interrupted" in index
    for p in seeds[2:]:
        assert str(p) in index
    assert not list(out.glob(".*.tmp"))
    err = capsys.readouterr().err
    assert "interrupted" in err and "3 file(s) not audited" in err


def test_ctrl_c_with_jobs_stops_the_workers_and_loses_nothing_finished(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(240):
        shutil.copy(seeds[i % len(seeds)], src / f"r{i:03d}.txt")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen([*CLI, "audit", str(src), "--out", str(out), "--as-of", AS_OF, "--jobs", "2", "--lang", "en"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("r*.html"))) < 6:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group gets it
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    written = sorted(p.stem for p in out.glob("r*.html"))
    assert 6 <= len(written) < 240
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "The run was interrupted" in index
    assert all(f'href="{name}.html"' in index for name in written), "every finished report is in the index"
    assert index.count('href="r') == len(written)
    not_audited = [f"r{i:03d}.txt" for i in range(240) if f"r{i:03d}" not in written]
    assert all(name in index for name in not_audited), "every file not audited is listed"
    assert not list(out.glob(".*.tmp"))
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # no worker outlives the run
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        pytest.fail("worker processes are still running after the batch was interrupted")


def _run_with_stderr_on_a_terminal(args: list[str]) -> tuple[int, str]:
    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "TERM": "xterm-256color", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([*CLI, *args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_and_nothing_otherwise(tmp_path: Path) -> None:
    args = ["audit", str(SEEDS), "--out", str(tmp_path / "tty"), "--as-of", AS_OF, "--jobs", "1"]
    code, terminal = _run_with_stderr_on_a_terminal(args)
    assert code == 0
    assert "auditing" in terminal and "━" in terminal
    piped = run("audit", str(SEEDS), "--out", str(tmp_path / "pipe"), "--as-of", AS_OF, "--jobs", "1")
    assert piped.returncode == 0
    assert piped.stderr.splitlines() == [f"resume-audit: {len(list(SEEDS.glob('*.txt')))} report(s) written to {tmp_path / 'pipe'}/"]
