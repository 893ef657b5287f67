"""The HTML reports in a real browser: headless Chromium opens each example report from disk.

Each report must render without a console error, page error or network request, show the
candidate, the interview brief, the findings and the timeline, and print to A4 with the brief on
page 1 alone, the findings starting page 2, the flagged resume lines printed, at most four pages
for a short resume, the brief alone on one page, Chinese names drawn with real glyphs (not tofu). A PNG screenshot and
the PDF of every report stay in `out/test-artifacts/browser/` (or `$BROWSER_ARTIFACTS`) for a
person to look at.

Driver: Playwright for Python driving the *system* Chromium (`executable_path`), because it is
well kept (Microsoft, monthly releases), gives console, page-error and request events, PDF and
screenshots in a few calls, and talks to Chromium over a pipe, not a port. Playwright's own
browser download (`playwright install`) is never used: CI reaches package registries only, and
`scripts/ensure-browser.sh` installs Debian's `chromium` and `fonts-noto-cjk` instead. Raw CDP
over a websocket would mean writing that client ourselves.

Without a browser the tests are skipped with a loud reason, except under CI (`CI` set), where
they fail: CI must never pass by skipping them.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pytest
import yaml

from tests.conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.browser

AS_OF = "2026-08-01"  # the date the examples are written for (scripts/audit-examples.sh)
CANDIDATES = sorted(p.stem for p in EXAMPLES.iterdir() if p.is_file() and not p.name.startswith("."))
PAGES = ["index", *CANDIDATES]
ARTIFACTS = Path(os.environ.get("BROWSER_ARTIFACTS") or ROOT / "out" / "test-artifacts" / "browser")
LABELS = yaml.safe_load((ROOT / "reports" / "labels.yaml").read_text(encoding="utf-8"))
A4_PT = (595.3, 841.9)  # 210 x 297 mm; Chromium rounds the width to whole CSS pixels (594.96)
# Flags for a closed network: no background fetches (updates, sync, QUIC probes) to wait on.
# Even so Chromium still looked up accounts.google.com and update.googleapis.com (strace), so
# inside this browser no host name resolves at all: it cannot ask the network for anything.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
]
NOT_FILE = re.compile(r"^(?!file:)")


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


BROWSER_HINT = "run `bash scripts/ensure-browser.sh` as root, or set CHROMIUM=/path/to/chromium"


def _unavailable(reason: str, hint: str = BROWSER_HINT) -> None:
    """Skip locally with the reason in the summary; fail under CI, which must run this test."""
    if _in_ci():
        pytest.fail(f"browser test cannot run in CI: {reason} ({hint})", pytrace=False)
    pytest.skip(f"BROWSER TEST SKIPPED: {reason} ({hint})")


def _chromium() -> str | None:
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    for name in ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome"):
        if found := shutil.which(name):
            return found
    return None


def nfkc(text: str) -> str:
    """Chromium's PDFs map some CJK glyphs to radical code points that share the glyph (高 is
    extracted as the Kangxi radical ⾼); NFKC folds the Kangxi radicals back."""
    return unicodedata.normalize("NFKC", text)


def printed(text: str) -> re.Pattern[str]:
    """`text` as it can come out of a Chromium PDF: the CJK Radicals Supplement has no NFKC
    mapping (风 comes out as ⻛), so each ideograph also matches a radical. A missing glyph
    (tofu) comes out as (cid:0) and matches nothing."""
    return re.compile(
        "".join(f"(?:{re.escape(c)}|[\u2e80-\u2fdf])" if "\u4e00" <= c <= "\u9fff" else re.escape(c) for c in text)
    )


# ---------------------------------------------------------------- the reports under test


@dataclass
class Audited:
    html: Path
    reports: dict[str, dict]  # stem -> JSON report


def audit(path: str, fmt: str, out: Path) -> None:
    res = subprocess.run(
        [sys.executable, "-m", "auditor.cli", "audit", path, "--format", fmt, "--out", str(out), "--as-of", AS_OF],
        capture_output=True, text=True, timeout=120, cwd=ROOT, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert res.returncode == 0, res.stderr


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Audited:
    """Reports of the bundled examples, written by the CLI as a user would (HTML, and JSON to
    know what each HTML page must show)."""
    out = tmp_path_factory.mktemp("browser")
    for fmt in ("html", "json"):
        audit("examples/", fmt, out / fmt)
    reports = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (out / "json").glob("*.json")}
    assert sorted(reports) == CANDIDATES
    return Audited(out / "html", reports)


# ---------------------------------------------------------------- one browser for the module


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    exe = _chromium()
    if exe is None:
        _unavailable("no chromium on PATH")
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed", "run `bash scripts/setup.sh`")
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, chromium_sandbox=False)
    except Error as e:
        pw.stop()
        _unavailable(f"{exe} does not start: {str(e).splitlines()[0]}")
    yield b
    b.close()
    pw.stop()


@dataclass
class Visit:
    """What the browser saw while opening one page: every console message, page error and
    request, and the page itself (kept open for the visibility checks)."""

    url: str
    page: object = None
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    png: Path | None = None
    pdf: Path | None = None
    h1_print_px: float = 0.0  # the h1's font size under print CSS, to compare with the PDF


def open_page(browser, path: Path) -> Visit:
    """Open a file in a fresh context; any request that is not file: is recorded, then aborted
    so that nothing ever leaves the machine, even if a report were to link something remote."""
    v = Visit(url=path.resolve().as_uri())
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(NOT_FILE, lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("console", lambda m: v.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: v.errors.append(str(e)))
    page.on("request", lambda r: v.requests.append(r.url))
    page.goto(v.url, wait_until="load")
    v.page = page
    return v


@pytest.fixture(scope="module")
def visit(browser, audited: Audited) -> Callable[[str], Visit]:
    """Open a report once per module, save its screenshot and A4 PDF as artefacts."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    seen: dict[str, Visit] = {}

    def get(name: str) -> Visit:
        if name not in seen:
            v = open_page(browser, audited.html / f"{name}.html")
            v.png = ARTIFACTS / f"{name}.png"
            v.page.screenshot(path=v.png, full_page=True)
            print_a4(v, ARTIFACTS / f"{name}.pdf")
            seen[name] = v
        return seen[name]

    return get


def print_a4(v: Visit, pdf: Path) -> None:
    """Print as a user would (A4, the CSS's own margins, no background graphics) and note the
    title's print CSS size, which the PDF must keep."""
    v.pdf = pdf
    v.page.pdf(path=pdf, format="A4", prefer_css_page_size=True)
    v.page.emulate_media(media="print")
    v.h1_print_px = v.page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")
    v.page.emulate_media(media="null")  # back to no emulation: the screen


def page_size(v: Visit) -> tuple[int, int, int]:
    """Document width, viewport width and document height, in CSS pixels."""
    return tuple(v.page.evaluate(
        "() => [document.documentElement.scrollWidth, innerWidth, document.documentElement.scrollHeight]"
    ))


def lang_of(v: Visit) -> str:
    return "zh" if v.page.get_attribute("html", "lang").startswith("zh") else "en"


@dataclass
class PdfPage:
    width: float
    height: float
    lines: list[str]
    right: float  # right edge of the rightmost character
    largest: float  # size of the largest character, in points

    def is_a4(self) -> bool:
        return abs(self.width - A4_PT[0]) < 1 and abs(self.height - A4_PT[1]) < 1

    def has_line(self, text: str) -> bool:
        return any(printed(text).fullmatch(ln) for ln in self.lines)

    def contains(self, text: str) -> bool:
        return any(printed(text).search(ln) for ln in self.lines)


def read_pdf(path: Path) -> list[PdfPage]:
    quiet = logging.getLogger("pdfminer")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # "Could not get FontBBox" for each of Chromium's CID fonts: harmless
    try:
        with pdfplumber.open(path) as pdf:
            return [
                PdfPage(
                    p.width,
                    p.height,
                    [ln.strip() for ln in nfkc(p.extract_text() or "").splitlines() if ln.strip()],
                    max((c["x1"] for c in p.chars), default=0.0),
                    max((c["size"] for c in p.chars), default=0.0),
                )
                for p in pdf.pages
            ]
    finally:
        quiet.setLevel(level)


def assert_on_a4_at_full_size(v: Visit, pages: list[PdfPage]) -> None:
    """A4 paper, no text off its edge, and nothing shrunk: when something is wider than the
    paper Chromium scales the whole document down to fit, every line comes out tiny, and the
    title prints smaller than its print CSS says."""
    assert pages, "the PDF has no page"
    assert all(p.is_a4() for p in pages), [(p.width, p.height) for p in pages]
    assert all(p.right <= p.width for p in pages), "text runs off the right edge of the paper"
    want = v.h1_print_px * 0.75  # CSS px -> pt
    assert abs(pages[0].largest - want) < 0.5, (
        f"printed shrunk to fit: the title is {pages[0].largest:.1f}pt, not {want:.1f}pt; something is wider than A4"
    )


# ---------------------------------------------------------------- the tests


@pytest.mark.parametrize("name", PAGES)
def test_opens_from_disk_without_console_error_or_network_request(visit, name: str) -> None:
    v = visit(name)
    assert [m for m in v.console if m[0] in ("error", "warning")] == []
    assert v.errors == []
    # data: URIs are inline content, not a request leaving the machine; anything else is.
    assert [u for u in v.requests if not u.startswith("data:")] == [v.url]


@pytest.mark.parametrize("name", CANDIDATES)
def test_report_shows_candidate_findings_and_timeline(visit, audited: Audited, name: str) -> None:
    from playwright.sync_api import expect

    v, rep = visit(name), audited.reports[name]
    L = LABELS[lang_of(v)]
    page = v.page
    for selector, text in (("h1", rep["resume"]["name"] or L["unnamed"]), ("#findings > h2", L["findings"])):
        expect(page.locator(selector)).to_be_visible()
        expect(page.locator(selector)).to_have_text(text)
    expect(page.locator("#brief > h2")).to_contain_text(L["brief"])
    questions = page.locator("#brief .bq > li")
    assert 1 <= questions.count() <= 7 or not rep["findings"], "the brief asks between one and seven questions"
    open_findings = [f for f in rep["findings"] if not f["accepted"]]
    shown = page.locator(".finding")
    assert shown.count() == len(open_findings)
    assert all(f.is_visible() for f in shown.all()), "a finding is hidden on screen"

    dated = [e for e in rep["resume"]["education"] + rep["resume"]["experience"] if e.get("start")]
    if dated:
        expect(page.locator(".timeline svg")).to_be_visible()
        box = page.locator(".timeline svg").bounding_box()
        assert box and box["width"] > 300 and 0 < box["height"] < box["width"], box
        bars = page.locator(".timeline rect.bar")
        assert bars.count() == len(dated)
        assert all((b.bounding_box() or {}).get("width", 0) > 0 for b in bars.all())
    else:
        assert page.locator(".timeline").count() == 0

    width, viewport, height = page_size(v)
    assert width <= viewport, f"the page scrolls sideways ({width}px > {viewport}px): something overflows"
    assert 900 < height < 60_000, f"implausible page height {height}px"


def test_index_lists_every_candidate_with_a_working_link(visit, audited: Audited) -> None:
    v = visit("index")
    links = v.page.locator("table.index tbody a")
    names = {rep["resume"]["name"] for rep in audited.reports.values()}
    assert {a.inner_text() for a in links.all()} == names
    for a in links.all():
        assert a.is_visible()
        assert (audited.html / a.get_attribute("href")).is_file()


@pytest.mark.parametrize("name", CANDIDATES)
def test_prints_on_a4_with_the_brief_alone_on_page_1_and_the_resume_text_printed(visit, audited: Audited, name: str) -> None:
    v, rep = visit(name), audited.reports[name]
    L = LABELS[lang_of(v)]
    pages = read_pdf(v.pdf)
    assert_on_a4_at_full_size(v, pages)
    person = rep["resume"]["name"]
    assert pages[0].contains(person), f"{person!r} is not on page 1: glyphs missing (tofu)? install fonts-noto-cjk"
    assert any(L["brief"] in line for line in pages[0].lines), "the interview brief is not on page 1"
    for heading in (L["findings"],):
        starts = [n for n, p in enumerate(pages) if p.has_line(heading)]
        assert starts, f"{heading!r} is not in the PDF"
        first = pages[starts[0]]
        assert starts[0] > 0 and printed(heading).fullmatch(first.lines[0]), f"{heading!r} does not start its own page"
    assert any(p.has_line(L["resume_text"]) for p in pages), "the flagged resume lines are not printed"


MAX_PRINTED_PAGES = 4  # a report a person reads in a minute: the brief, the findings, the flagged lines


@pytest.mark.parametrize("name", CANDIDATES)
def test_a_short_resume_prints_on_at_most_four_pages(visit, name: str) -> None:
    pages = read_pdf(visit(name).pdf)
    assert len(pages) <= MAX_PRINTED_PAGES, f"{name} prints on {len(pages)} A4 pages"


@pytest.fixture(scope="module")
def briefs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("brief")
    audit("examples/", "brief", out)
    return out


@pytest.mark.parametrize("name", CANDIDATES)
def test_the_brief_alone_prints_on_one_page_with_its_questions(browser, briefs: Path, audited: Audited, name: str) -> None:
    v = open_page(browser, briefs / f"{name}.brief.html")
    assert not v.errors and not [r for r in v.requests if not r.startswith("file:")]
    pdf = ARTIFACTS / f"{name}.brief.pdf"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    v.page.pdf(path=pdf, format="A4", prefer_css_page_size=True)
    v.page.context.close()
    pages = read_pdf(pdf)
    assert len(pages) == 1, f"the brief of {name} prints on {len(pages)} pages"
    rep = audited.reports[name]
    L = LABELS[rep["source"]["language"]]
    person = rep["resume"]["name"]
    assert person and pages[0].contains(person), f"{person!r} is not printed: glyphs missing (tofu)?"
    assert pages[0].contains(L["good_answer"]), "no good-answer line on the brief"


def test_index_prints_every_candidate(visit, audited: Audited) -> None:
    v = visit("index")
    pages = read_pdf(v.pdf)
    assert_on_a4_at_full_size(v, pages)
    for rep in audited.reports.values():
        for part in rep["resume"]["name"].split():  # a narrow column may wrap the name
            assert any(p.contains(part) for p in pages), rep["resume"]["name"]


def test_a_long_file_name_neither_widens_the_page_nor_shrinks_the_print(browser, tmp_path: Path) -> None:
    """Mail gateways and ATS exports name files at length; the path is in the header, and one
    long unbreakable path once pushed the page sideways and shrank the whole printout."""
    folder = tmp_path / ("resumes_received_from_the_campus_recruiting_mail_gateway_" * 2)
    folder.mkdir()
    name = "candidate_resume_final_version_3_updated_really_final_copy_with_a_suffix_from_the_gateway_v2"
    shutil.copy(EXAMPLES / "en_jsonresume.json", folder / f"{name}.json")
    audit(str(folder), "html", tmp_path / "out")
    for page in (name, "index"):
        v = open_page(browser, tmp_path / "out" / f"{page}.html")
        v.page.set_viewport_size({"width": 700, "height": 900})
        width, viewport, _ = page_size(v)
        assert width <= viewport, f"{page}: the page scrolls sideways ({width}px > {viewport}px)"
        print_a4(v, tmp_path / f"{page}.pdf")
        assert_on_a4_at_full_size(v, read_pdf(v.pdf))


def _luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance of an sRGB colour."""
    def lin(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_index_risk_badges_stay_readable_on_paper(visit, audited: Audited) -> None:
    """The risk badge is the only place the index shows the level; printed without background
    graphics (the browser's default) its white text would fade into the paper."""
    v = visit("index")
    L = LABELS[lang_of(v)]
    scale = 3
    with pdfplumber.open(v.pdf) as pdf:
        page = pdf.pages[0]
        words = [(nfkc(w["text"]), w) for w in page.extract_words()]
        image = page.to_image(resolution=72 * scale).original.convert("RGB")
        for rep in audited.reports.values():
            label, score = L["level"][rep["risk"]["level"]], str(rep["risk"]["score"])
            hits = [
                (a, b) for (ta, a), (tb, b) in zip(words, words[1:])
                if printed(label).fullmatch(ta) and tb == score and abs(a["top"] - b["top"]) < 2
            ]
            assert hits, f"badge '{label} {score}' is not on one line of the printed index"
            a, b = hits[0]
            box = [a["x0"] - 1, min(a["top"], b["top"]) - 1, b["x1"] + 1, max(a["bottom"], b["bottom"]) + 1]
            crop = image.crop(tuple(round(x * scale) for x in box))
            lum = [_luminance(rgb) for _, rgb in crop.getcolors(maxcolors=crop.width * crop.height)]
            contrast = (max(lum) + 0.05) / (min(lum) + 0.05)
            assert contrast >= 4.5, f"badge {label} {score} prints with contrast {contrast:.1f}:1"


def test_the_probe_sees_console_errors_and_requests(browser, tmp_path: Path) -> None:
    """The checks above can fail: a blocked inline script logs an error, a remote image is a
    request (aborted before it leaves the machine)."""
    csp = tmp_path / "csp.html"
    csp.write_text(
        "<!DOCTYPE html><meta http-equiv='Content-Security-Policy' content=\"default-src 'none'\">"
        "<p>x</p><script>document.title = 'ran'</script>",
        encoding="utf-8",
    )
    remote = tmp_path / "remote.html"
    remote.write_text("<!DOCTYPE html><p>x</p><img src='https://example.invalid/x.png'>", encoding="utf-8")
    v = open_page(browser, csp)
    assert [t for t, _ in v.console] == ["error"]
    assert v.page.title() == ""
    v = open_page(browser, remote)
    assert v.requests == [v.url, "https://example.invalid/x.png"]
