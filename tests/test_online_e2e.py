"""End to end: `--online` on examples/en_online_researcher.md against a local server answering
with HAND-MADE responses (tests/online_world.py), then `--cache-only` replaying the cache with
the server gone. Checks the claims' statuses and the findings in the JSON a user reads."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from auditor.catalog.examples import as_point
from auditor.engine import AuditConfig
from auditor.ingest import ingest
from auditor.report import build_report
from auditor.verify import OnlineSettings, close_all
from auditor.verify.records import ScholarProfile
from tests.conftest import EXAMPLES, ROOT
from tests.online_world import researcher_world
from tests.replay_server import Answer, ReplayServer

RESUME = EXAMPLES / "en_online_researcher.md"
AS_OF = "2026-08-01"


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "auditor.cli", *args], capture_output=True, text=True, env=full, timeout=120)


@pytest.fixture(scope="module")
def online_run(tmp_path_factory):
    """One live run, then one --cache-only run with the server still listening (it must get
    no request), then the same replay with the server gone."""
    cache = tmp_path_factory.mktemp("cache") / "http.sqlite"
    world = researcher_world()
    with ReplayServer() as server:
        world.serve(server)
        env = world.env(server)
        live = cli("audit", str(RESUME), "--online", "--no-link-check", "--cache", str(cache), "--as-of", AS_OF, env=env)
        requests = list(server.requests)
        replay = cli("audit", str(RESUME), "--cache-only", "--cache", str(cache), "--as-of", AS_OF, env=env)
        after_replay = len(server.requests)
    gone = cli("audit", str(RESUME), "--cache-only", "--cache", str(cache), "--as-of", AS_OF, env=env)
    assert after_replay == len(requests), "--cache-only sent a request"
    return live, replay, requests, gone, cache, env


def _report(proc: subprocess.CompletedProcess[str]) -> dict:
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _pub(report: dict, start: str) -> dict:
    return next(p for p in report["resume"]["publications"] if (p["title"] or "").startswith(start))


def test_every_paper_gets_the_status_the_sources_support(online_run):
    report = _report(online_run[0])
    assert _pub(report, "Sparse Routing")["check"]["status"] == "contradicted"
    assert _pub(report, "Sparse Routing")["check"]["issues"] == ["status"]
    reward = _pub(report, "Calibrated Reward")["check"]
    assert reward["status"] == "contradicted" and "authorship" in reward["issues"]
    assert reward["claimed"].startswith("1st author") and reward["found"].startswith("2nd of 2")
    assert "venue" in _pub(report, "Contrastive Retrieval")["check"]["issues"]
    assert _pub(report, "Token-Level")["check"]["status"] == "not_found"
    kv = _pub(report, "Efficient KV-Cache")["check"]
    assert kv["status"] == "confirmed" and kv["url"], kv


def test_public_numbers_are_compared_with_the_sources(online_run):
    report = _report(online_run[0])
    by_kind = {c["kind"]: c["check"] for c in report["claims"]}
    assert by_kind["stars"]["status"] == "contradicted" and "180 stars" in by_kind["stars"]["found"]
    assert by_kind["downloads"]["status"] == "contradicted" and "12,000 downloads all time" in by_kind["downloads"]["found"]
    assert by_kind["citations"]["status"] == "unchecked"  # Google Scholar is opt-in (--scholar)


def test_online_findings_quote_the_line_and_name_the_source(online_run):
    report = _report(online_run[0])
    fired = {f["rule_id"]: f for f in report["findings"]}
    for rule in ("VER004", "VER005", "VER006", "VER007", "VER008", "VER009"):
        assert rule in fired, f"{rule} did not fire: {sorted(fired)}"
    assert "OpenReview" in fired["VER005"]["message"] and "Sparse Routing" in fired["VER005"]["evidence"][0]["text"]
    assert fired["VER004"]["confidence"] == "low" and "ask for a link" in fired["VER004"]["message"]
    # the paper that matches in every respect raises nothing
    assert not any("Efficient KV-Cache" in e["text"] for f in report["findings"] if f["rule_id"] >= "VER004" for e in f["evidence"])


def test_only_titles_names_and_urls_left_the_machine(online_run):
    sent = " ".join(path + body.decode() for _, path, body in online_run[2])
    assert "weiting.shen@example.com" not in sent and "Northwind" not in sent and "Carnegie" not in sent
    assert any("/openreview/notes/search" in p for _, p, _ in online_run[2])  # an ICLR claim asks OpenReview


def test_cache_only_replays_the_same_verdicts_without_the_server(online_run):
    live, replay = _report(online_run[0]), _report(online_run[1])
    assert [p["check"] for p in live["resume"]["publications"]] == [p["check"] for p in replay["resume"]["publications"]]
    assert {f["rule_id"] for f in live["findings"]} == {f["rule_id"] for f in replay["findings"]}
    assert replay["online"]["mode"] == "cache_only"
    assert _report(online_run[3])["resume"]["publications"] == replay["resume"]["publications"]
    assert all(s["requests"] == 0 for s in replay["online"]["sources"])


HTTP_STACK = ("httpx", "httpcore", "stamina", "tenacity", "aiolimiter", "asyncio", "ssl")


@pytest.mark.parametrize("mode", ["--cache-only", "--online"])
def test_a_warm_run_does_not_load_the_http_stack(online_run, mode):
    """Every answer is in the cache (the server is gone): the run needs no HTTP client and no
    event loop, so it must not pay for importing them (about 60 ms of every start)."""
    cache, env = online_run[4], online_run[5]
    full = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-X", "importtime", "-m", "auditor.cli", "audit", str(RESUME), mode, "--no-link-check", "--cache", str(cache), "--as-of", AS_OF]
    proc = subprocess.run(args, capture_output=True, text=True, env=full, timeout=120)
    report = _report(proc)
    assert all(s["requests"] == 0 and s["cache_hits"] for s in report["online"]["sources"])
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "auditor" in imported and "sqlite3" in imported  # the listing is there
    assert not imported & set(HTTP_STACK), sorted(imported & set(HTTP_STACK))
    assert [p["check"] for p in report["resume"]["publications"]] == [p["check"] for p in _report(online_run[0])["resume"]["publications"]]


def test_a_partly_warm_cache_asks_only_for_what_it_lacks(online_run, tmp_path):
    """Only GitHub's answer is cached: the inline attempt is given up, the resume runs on the
    network, the cached answer is counted once, and the verdicts are the all-live run's."""
    cache = tmp_path / "http.sqlite"
    world = researcher_world()
    with ReplayServer() as server:
        world.serve(server)
        env = world.env(server)
        first = _report(cli("audit", str(RESUME), "--online", "--no-link-check", "--sources", "github", "--cache", str(cache), "--as-of", AS_OF, env=env))
        assert [(s["source"], s["requests"]) for s in first["online"]["sources"]] == [("github", 1)]
        asked_before = len(server.requests)
        report = _report(cli("audit", str(RESUME), "--online", "--no-link-check", "--cache", str(cache), "--as-of", AS_OF, env=env))
        asked = [path for _, path, _ in server.requests[asked_before:]]
    usage = {s["source"]: s for s in report["online"]["sources"]}
    assert usage["github"]["requests"] == 0 and usage["github"]["cache_hits"] == 1
    assert usage["semantic_scholar"]["requests"] == 5 and usage["semantic_scholar"]["cache_hits"] == 0
    assert not any(p.startswith("/github/") for p in asked) and any(p.startswith("/dblp/") for p in asked)
    live = _report(online_run[0])
    assert [p["check"] for p in report["resume"]["publications"]] == [p["check"] for p in live["resume"]["publications"]]
    assert [c["check"] for c in report["claims"]] == [c["check"] for c in live["claims"]]


def test_a_source_that_fails_is_could_not_check_never_a_finding(tmp_path):
    world = researcher_world()
    with ReplayServer() as server:
        world.serve(server)
        env = {**world.env(server), "RESUME_AUDIT_GITHUB_URL": "http://127.0.0.1:9"}  # nothing listens
        proc = cli("audit", str(RESUME), "--online", "--no-link-check", "--no-cache", "--sources", "github", "--as-of", AS_OF, env=env)
    report = _report(proc)
    stars = next(c for c in report["claims"] if c["kind"] == "stars")
    assert stars["check"]["status"] == "error" and "could not check" in stars["check"]["detail"]
    assert "VER008" not in {f["rule_id"] for f in report["findings"]}
    assert report["online"]["sources"][0]["errors"]


def test_citations_with_a_linked_scholar_profile(tmp_path, monkeypatch):
    """Google Scholar sits behind the ScholarSource interface (its host is hard-coded in
    scholarly); here a fake answers for the linked profile."""

    class FakeScholar:
        asked: list[str] = []

        async def profile(self, user_id: str) -> ScholarProfile | None:
            self.asked.append(user_id)
            return ScholarProfile(id=user_id, name="Weiting Shen", citations=85, h_index=4, url=f"https://scholar.google.com/citations?user={user_id}")

    fake = FakeScholar()
    monkeypatch.setattr("auditor.verify.sources.scholar.ScholarlySource", lambda: fake)
    settings = OnlineSettings(now=0.0, cache_path=None, sources=frozenset({"google_scholar"}), scholar=True, check_links=False)
    try:
        report = build_report(ingest(RESUME), as_point(AS_OF), config=AuditConfig(online=settings), as_of_text=AS_OF)
    finally:
        close_all()
    assert fake.asked == ["Xq3vT0kAAAAJ"]
    citations = next(c for c in report.claims if c.kind == "citations")
    assert citations.check.status == "contradicted" and "85 citations" in (citations.check.found or "")
    assert "VER010" in {f.rule_id for f in report.findings}


def test_real_resumes_with_every_source_down_get_no_online_finding(tmp_path):
    """The seeds audited --online while every source answers 503: each checked item is
    'could not check', and not one VER finding is raised against a candidate."""
    from tests.conftest import SEEDS

    with ReplayServer() as server:
        server.handle("/", lambda path, query: Answer(503, "down"))
        env = {f"RESUME_AUDIT_{s.upper()}_URL": server.url for s in
               ("semantic_scholar", "dblp", "openalex", "crossref", "arxiv", "openreview", "github", "huggingface")}
        os.environ.update(env)
        try:
            import stamina

            settings = OnlineSettings(now=0.0, cache_path=None, sources=frozenset(k.removeprefix("RESUME_AUDIT_").removesuffix("_URL").lower() for k in env), check_links=False)
            with stamina.set_testing(True, attempts=2):
                reports = [build_report(ingest(p), as_point("2026-11-23"), config=AuditConfig(online=settings)) for p in sorted(SEEDS.glob("*.txt"))]
        finally:
            close_all()
            for k in env:
                os.environ.pop(k, None)
    checked = [p.check for r in reports for p in r.resume.publications if p.check.status != "unchecked"]
    assert checked and all(c.status == "error" for c in checked)
    assert not [f.rule_id for r in reports for f in r.findings if f.rule_id >= "VER004"]
    assert all(u.errors for r in reports for u in (r.online.sources if r.online else []))


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--online", "--sources", "dblp,bogus"], "unknown source 'bogus'"),
        (["--cache-only", "--no-cache"], "--cache-only needs the cache"),
        (["--online", "--cache", "/proc/no/such/dir/cache.sqlite"], "cannot be opened"),
    ],
)
def test_bad_online_options_are_one_line_usage_errors(args, says):
    proc = cli("audit", str(RESUME), *args, "--as-of", AS_OF, env={})
    assert proc.returncode == 2 and says in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_scholar_without_the_extra_says_how_to_install_it():
    try:
        import scholarly  # noqa: F401
    except Exception:
        proc = cli("audit", str(RESUME), "--online", "--scholar", "--as-of", AS_OF, env={})
        assert proc.returncode == 2 and "resume-audit[scholar]" in proc.stderr and "Traceback" not in proc.stderr
    else:
        pytest.skip("scholarly is installed here")


def test_a_chinese_report_says_what_was_claimed_and_found_in_chinese():
    world = researcher_world()
    with ReplayServer() as server:
        world.serve(server)
        proc = cli("audit", str(RESUME), "--online", "--no-link-check", "--no-cache", "--lang", "zh", "--as-of", AS_OF, env=world.env(server))
    report = _report(proc)
    reward = _pub(report, "Calibrated Reward")["check"]
    assert reward["claimed"].startswith("第1作者") and reward["found"].startswith("第2/2")
    message = next(f["message"] for f in report["findings"] if f["rule_id"] == "VER006")
    assert "简历写第1作者；DBLP 中候选人排第2/2" in message


def test_a_folder_audited_online_gets_every_report_with_its_checks(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(RESUME.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.md").write_text("# Li Ming\n\n## Projects\n- llm-toolkit (https://github.com/wtshen/moe-lite) - 3k stars\n", encoding="utf-8")
    world = researcher_world()
    with ReplayServer() as server:
        world.serve(server)
        proc = cli("audit", str(folder), "--online", "--no-link-check", "--no-cache", "--jobs", "2", "--format", "json",
                   "--out", str(tmp_path / "out"), "--as-of", AS_OF, env=world.env(server))
    assert proc.returncode == 0, proc.stderr
    a = json.loads((tmp_path / "out" / "a.json").read_text(encoding="utf-8"))
    b = json.loads((tmp_path / "out" / "b.json").read_text(encoding="utf-8"))
    assert a["online"]["mode"] == "live" and any(f["rule_id"] == "VER006" for f in a["findings"])
    assert b["claims"][0]["check"]["status"] == "contradicted"
    # one client serves the folder; each report counts only its own requests
    assert [(s["source"], s["requests"]) for s in b["online"]["sources"]] == [("github", 1)]
    assert sum(s["requests"] for s in a["online"]["sources"]) == 21
    assert (tmp_path / "out" / "index.html").exists()


def test_with_no_network_the_run_says_so_once_and_the_report_does_not_advise_online(tmp_path):
    """Every source's base URL is a loopback port nothing listens on (each connection refused,
    as without a network): one stderr line says how many claims could not be checked and why,
    and VER001 says "could not check: no network" instead of advising --online."""
    env = {f"RESUME_AUDIT_{s.upper()}_URL": "http://127.0.0.1:9" for s in
           ("semantic_scholar", "dblp", "openalex", "crossref", "arxiv", "openreview", "github", "huggingface")}
    proc = cli("audit", str(RESUME), "--online", "--no-link-check", "--no-cache", "--as-of", AS_OF, env=env)
    report = _report(proc)
    assert proc.stderr.strip().splitlines() == ["resume-audit: 7 claim(s) could not be checked (no network (connections refused or names not resolved): 7)"]
    assert all(p["check"]["reason"] == "no_network" for p in report["resume"]["publications"])
    ver001 = next(f for f in report["findings"] if f["rule_id"] == "VER001")
    assert "could not check: no network" in ver001["message"] and "--online" not in ver001["message"]
    # noticed on the first failures: past the first request in flight per connection a source
    # allows, nothing more was tried (those first ones go out together, and fail together)
    from auditor.verify.client import POLICIES

    assert all(s["requests"] <= POLICIES[s["source"]].concurrency for s in report["online"]["sources"]), report["online"]["sources"]
