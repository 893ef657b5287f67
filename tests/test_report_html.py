"""The HTML report, parsed: evidence with line anchors, no external resource, inert hostile text."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from auditor.ingest import ingest, ingest_text
from auditor.render import http_url, render
from auditor.report import build_report
from tests.conftest import AS_OF, seed


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.srcs: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a:
            self.ids.add(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        for key in ("src", "srcset", "data"):
            if key in a:
                self.srcs.append(a[key])

    def handle_data(self, data):
        self.text.append(data)


def page_of(html: str) -> Page:
    p = Page()
    p.feed(html)
    return p


@pytest.fixture(scope="module")
def report_000(catalog, as_of):
    return build_report(ingest(seed("000")), as_of, catalog=catalog, as_of_text=AS_OF)


def test_every_finding_quotes_its_lines_with_anchors(report_000) -> None:
    html = render(report_000, "html")
    page = page_of(html)
    for f in report_000.findings:
        assert f.id in page.ids
        for e in f.evidence:
            assert f"L{e.line}" in page.ids
            assert f"#L{e.line}" in page.hrefs
    for n in range(1, len(report_000.text) + 1):
        assert f"L{n}" in page.ids


def test_self_contained_no_script_no_external_resource(report_000) -> None:
    html = render(report_000, "html")
    page = page_of(html)
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert page.srcs == []
    assert all(h.startswith("#") or h.endswith(".html") or h.startswith(("http://", "https://")) for h in page.hrefs)
    assert "<style>" in html and "@media print" in html


def test_report_language_follows_resume_and_can_be_overridden(report_000) -> None:
    zh = render(report_000, "html")
    en = render(report_000, "html", lang="en")
    assert "待核实事项" in zh and "Findings to verify" not in zh
    assert "Findings to verify" in en and "待核实事项" not in en
    assert "lang=\"zh-CN\"" in zh and "lang=\"en\"" in en


def test_hostile_resume_text_is_inert(catalog, as_of) -> None:
    text = (
        "<script>alert(1)</script> Eve\n"
        "Email: eve@uni.edu  [home](javascript:alert(2)) {{ 7*7 }}\n"
        "Experience\n"
        "Acme <img src=x onerror=alert(3)>, ML Engineer  2020.01 – 2019.01\n"
    )
    report = build_report(ingest_text(text), as_of, catalog=catalog)
    assert report.findings, "the impossible dates should give a finding to render"
    html = render(report, "html")
    page = page_of(html)
    assert "script" not in page.tags and "img" not in page.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not any(h.lower().startswith("javascript") for h in page.hrefs)
    assert '<td class="tx">Email: eve@uni.edu  [home](javascript:alert(2)) {{ 7*7 }}</td>' in html  # not evaluated
    md = render(report, "md")
    assert "<script>" not in md and "<img" not in md


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://github.com/x/y", "https://github.com/x/y"),
        ("github.com/x/y", "https://github.com/x/y"),
        ("javascript:alert(1)", ""),
        ("JAVASCRIPT:alert(1)", ""),
        ("data:text/html,hi", ""),
        ("file:///etc/passwd", ""),
        ("http://a.b/\"onmouseover=x", ""),
    ],
)
def test_only_http_links(url: str, safe: str) -> None:
    assert http_url(url) == safe


def test_markdown_report_has_the_same_content(report_000) -> None:
    md = render(report_000, "md", lang="en")
    for f in report_000.findings:
        assert f.rule_id in md
    assert md.count("> line ") == sum(len(f.evidence) for f in report_000.findings if f.accepted is None)


def test_batch_index_ranks_by_risk_and_lists_failures(catalog, as_of, tmp_path) -> None:
    from auditor.batch import BatchEntry
    from auditor.render import render_index

    r0 = build_report(ingest(seed("000")), as_of, catalog=catalog, as_of_text=AS_OF)
    r2 = build_report(ingest(seed("002")), as_of, catalog=catalog, as_of_text=AS_OF)
    entries = [
        BatchEntry(path=seed("002"), report=r2, error=None, name="b"),
        BatchEntry(path=seed("000"), report=r0, error=None, name="a"),
        BatchEntry(path=tmp_path / "x.pdf", report=None, error="encrypted PDF (needs a password)", name=None),
    ]
    html = render_index(entries, AS_OF)
    assert html.index('href="a.html"') < html.index('href="b.html"')  # higher risk first
    assert "encrypted PDF (needs a password)" in html and "x.pdf" in html
    assert "script" not in page_of(html).tags


def test_batch_index_speaks_one_language(catalog, as_of) -> None:
    from auditor.batch import BatchEntry
    from auditor.render import render_index

    zh = build_report(ingest(seed("000")), as_of, catalog=catalog, as_of_text=AS_OF)
    en = build_report(ingest(seed("000")), as_of, catalog=catalog, as_of_text=AS_OF, lang="en")
    html = render_index([BatchEntry(seed("000"), zh, None, "a"), BatchEntry(seed("000"), en, None, "b")], AS_OF, lang="zh")
    assert "排名与声称的前 x% 不符" in html and "Rank does not reach" not in html
