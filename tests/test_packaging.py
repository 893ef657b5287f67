"""rules/ and reports/ ship inside the wheel and are found from a non-editable install."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_bundles_rules_and_reports_and_finds_them(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    wheel = next(tmp_path.glob("resume_audit-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("auditor/_bundled/rules/timeline.yaml", "auditor/_bundled/rules/kb/venues.yaml",
                   "auditor/_bundled/reports/report.html.j2", "auditor/_bundled/reports/style.css"):
        assert needed in names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    code = "import auditor.resources as r; print(r.rules_dir()); print(r.reports_dir())"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={"PYTHONPATH": str(target)},
                         check=True, capture_output=True, text=True).stdout.split()
    assert out[0] == str(target / "auditor" / "_bundled" / "rules")
    assert out[1] == str(target / "auditor" / "_bundled" / "reports")


def test_editable_install_uses_the_checkout() -> None:
    from auditor.resources import reports_dir, rules_dir

    assert rules_dir() == ROOT / "rules" and reports_dir() == ROOT / "reports"
