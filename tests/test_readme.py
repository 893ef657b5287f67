"""The README tells the truth: its two commands exist, and its rule table lists every rule."""

import re

from tests.conftest import ROOT


def test_readme_opens_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", text, re.S).group(1)
    commands = [l.split("#")[0].strip() for l in block.splitlines() if l.strip()]
    assert commands == ["bash scripts/audit-examples.sh", "bash scripts/test.sh"]
    for cmd in commands:
        assert (ROOT / cmd.split()[1]).exists()
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_lists_every_rule(catalog) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in catalog.rules:
        assert f"| {rule.id} | `{rule.name}` | {rule.severity} |" in text, rule.id
