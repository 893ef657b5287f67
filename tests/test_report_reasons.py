"""Reports of a run without a network: the same words for "could not check" in HTML and
Markdown, one short reason per source in the publication table (not the full error text in
every row), and VER001 saying the checks could not run rather than advising --online.

Every source's base URL is a loopback port nothing listens on, so each connection is refused
at once (the way a machine without a network fails); nothing leaves the machine."""

from __future__ import annotations

import pytest

from auditor.catalog.examples import as_point
from auditor.engine import AuditConfig
from auditor.ingest import ingest
from auditor.render import render
from auditor.render.view import labels as all_labels
from auditor.report import build_report
from auditor.verify import OnlineSettings, close_all
from tests.conftest import EXAMPLES

SOURCES = ("semantic_scholar", "dblp", "openalex", "crossref", "arxiv", "openreview", "github", "huggingface")


@pytest.fixture(scope="module")
def offline_report():
    import os

    env = {f"RESUME_AUDIT_{s.upper()}_URL": "http://127.0.0.1:9" for s in SOURCES}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        settings = OnlineSettings(now=0.0, cache_path=None, sources=frozenset(SOURCES), check_links=False)
        return build_report(ingest(EXAMPLES / "en_online_researcher.md"), as_point("2026-08-01"), config=AuditConfig(online=settings), as_of_text="2026-08-01")
    finally:
        close_all()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def test_every_paper_is_could_not_check_for_no_network(offline_report):
    checked = [p.check for p in offline_report.resume.publications]
    assert checked and {(c.status, c.reason) for c in checked} == {("error", "no_network")}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_and_html_say_could_not_check_alike_with_one_short_reason(offline_report, lang):
    L = all_labels()[lang]
    md, html = render(offline_report, "md", lang), render(offline_report, "html", lang)
    words = f"{L['check_status']['error']}"
    short = L["reason_short"]["no_network"]
    pubs_md = md.split(f"## {L['publications']}", 1)[1].split("\n## ", 1)[0]
    rows = [r for r in pubs_md.splitlines() if r.startswith("| ") and "---" not in r][1:]
    assert len(rows) == len(offline_report.resume.publications)
    assert all(f"{words}: {short} (Semantic Scholar, DBLP, OpenAlex" in r for r in rows)
    pubs_html = html.split('<section class="pubs">', 1)[1].split("</section>", 1)[0]
    assert pubs_html.count(words) == len(rows) and pubs_html.count(f"{short} (Semantic Scholar") == len(rows)
    full = offline_report.resume.publications[0].check.attempts[0].detail
    assert full and full not in pubs_html and full not in pubs_md  # the long text is in the JSON, not in every row


def test_ver001_says_no_network_instead_of_advising_online(offline_report):
    ver001 = next(f for f in offline_report.findings if f.rule_id == "VER001")
    assert "could not check: no network" in ver001.message and "--online" not in ver001.message


def test_every_short_reason_has_both_languages():
    en, zh = all_labels()["en"]["reason_short"], all_labels()["zh"]["reason_short"]
    assert set(en) == set(zh)
    from auditor.verify.wording import REASONS_ZH

    assert set(REASONS_ZH) <= set(en)  # every reason a source gives has a short label
