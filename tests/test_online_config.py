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
    ],
)
def test_bad_online_settings_name_the_field(tmp_path, text, says):
    with pytest.raises(RuleFileError, match=says):
        load_config(write(tmp_path, text), tmp_path)
