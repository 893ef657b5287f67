"""The [online] table of resume-audit.toml: base URLs, sources and cache path, validated."""

from __future__ import annotations

import pytest

from auditor.config import load_config
from auditor.errors import RuleFileError


def write(tmp_path, text: str):
    path = tmp_path / "resume-audit.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_online_table_is_read_and_the_cache_is_relative_to_the_file(tmp_path):
    cfg = load_config(write(tmp_path, '[online]\nurls = { dblp = "https://dblp.uni-trier.de" }\nsources = ["dblp"]\ncache = "c/http.sqlite"\n'), tmp_path)
    assert cfg.online["urls"] == {"dblp": "https://dblp.uni-trier.de"}
    assert cfg.online["cache"] == str((tmp_path / "c" / "http.sqlite").resolve())


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('[online]\nurls = { dblp = "file:///etc" }\n', "online.urls.dblp"),
        ("[online]\nproxy = 1\n", "allowed keys"),
        ("[online]\ntime_budget = 0\n", "online.time_budget"),
        ('[online]\ntime_budget = "30"\n', "online.time_budget"),
    ],
)
def test_bad_online_settings_name_the_field(tmp_path, text, says):
    with pytest.raises(RuleFileError, match=says):
        load_config(write(tmp_path, text), tmp_path)


def _settings(tmp_path, *flags: str, config: str = ""):
    from auditor.cli import _online_settings, build_parser

    args = build_parser().parse_args(["audit", "x.md", "--online", "--no-cache", *flags])
    return _online_settings(args, load_config(write(tmp_path, config), tmp_path) if config else load_config(None, tmp_path), True)


def test_the_time_budget_comes_from_the_flag_then_the_config_then_30_seconds(tmp_path):
    import time

    assert _settings(tmp_path).time_budget == 30.0
    assert _settings(tmp_path, config="[online]\ntime_budget = 12\n").time_budget == 12.0
    assert _settings(tmp_path, "--time-budget", "5", config="[online]\ntime_budget = 12\n").time_budget == 5.0
    assert _settings(tmp_path).clock is time.monotonic  # the CLI gives the clock; nothing else reads it


def test_a_bad_time_budget_flag_is_a_usage_error(tmp_path):
    from auditor.cli import build_parser

    with pytest.raises(SystemExit):
        build_parser().parse_args(["audit", "x.md", "--time-budget", "-1"])
