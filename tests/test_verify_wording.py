"""A source's reason for not answering reads in the report's language."""

from __future__ import annotations

import re

from auditor.verify.judge import judge_stars, matching_records
from auditor.verify.records import SourceError
from auditor.verify.wording import REASONS_ZH
from tests.conftest import ROOT

RETRIES = SourceError("semantic_scholar", "HTTP 429 after 4 attempts (rate limit or server error)", "retries", status=429, attempts=4)


def test_a_chinese_report_says_why_a_source_could_not_answer_in_chinese():
    _, attempts = matching_records("A Title", {"semantic_scholar": RETRIES}, "zh")
    assert attempts[0].detail == "重试 4 次后仍返回 HTTP 429（限流或服务器错误）"
    check = judge_stars(1000, SourceError("github", "rate limit exhausted (set GITHUB_TOKEN for 5000 requests/hour)", "github_limit"), "https://github.com/a/b", "zh")
    assert check.status == "error" and "GitHub 调用额度已用完" in (check.detail or "")


def test_an_english_report_keeps_the_reason_as_written_and_an_unknown_reason_stays_as_is():
    _, attempts = matching_records("A Title", {"semantic_scholar": RETRIES}, "en")
    assert attempts[0].detail == RETRIES.reason
    odd = SourceError("arxiv", "not an arXiv id: 12345")
    assert matching_records("A Title", {"arxiv": odd}, "zh")[1][0].detail == "not an arXiv id: 12345"


def test_every_reason_code_raised_in_the_code_has_a_chinese_wording():
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "auditor" / "verify").rglob("*.py"))
    raised = set(re.findall(r'SourceError\([^\n]*?, "([a-z_0-9]+)"(?:,|\))', source))
    raised |= set(re.findall(r'code = [^\n]*?"(http_[a-z_0-9]+)"', source))
    assert {"not_cached", "retries", "bad_response", "challenge"} <= raised  # the scan finds them
    assert raised <= set(REASONS_ZH), sorted(raised - set(REASONS_ZH))
