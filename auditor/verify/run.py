"""Online verification of one parsed resume: find the checkable claims, ask the sources,
write what they said into `Publication.check` / `Claim.check`, and summarise the traffic.

Runs before the rules, so the VER rules read the checks like any other parsed fact. Only
titles, names and URLs are sent; never resume text.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from auditor.catalog.kb import KnowledgeBase
from auditor.models import Claim, ClaimCheck, Document, LinkCheck, OnlineSummary, Publication, Resume, SourceUsage
from auditor.parse.claims import ABOUT_OTHERS
from auditor.verify.budget import Budget
from auditor.verify import notice
from auditor.verify.client import Client, Stats
from auditor.verify.fetch import Fetcher
from auditor.verify.guard import Unresolvable, UnsafeURL
from auditor.verify.inline import Suspended, gather_in_order, run_inline
from auditor.verify.judge import OPENREVIEW_VENUES, judge_citations, judge_downloads, judge_paper, judge_stars
from auditor.verify.records import PaperRecord, SourceError
from auditor.verify.sources import arxiv, crossref, dblp, github, huggingface, openalex, openreview, semantic_scholar
from auditor.verify.titles import searchable

if TYPE_CHECKING:
    import asyncio

    from auditor.verify.sources.scholar import ScholarSource

T = TypeVar("T")
PaperSearch = Callable[[Fetcher, str], Awaitable[Sequence[PaperRecord]]]
Gather = Callable[..., Awaitable[list[Any]]]  # asyncio.gather, or gather_in_order when inline

# The research's cascade: the first group always; the second only when the first found nothing.
FIRST: dict[str, PaperSearch] = {
    "semantic_scholar": semantic_scholar.search_paper,
    "dblp": dblp.search_paper,
    "openalex": openalex.search_paper,
}
FALLBACK: dict[str, PaperSearch] = {"crossref": crossref.search_paper, "arxiv": arxiv.search_paper}
ALL_SOURCES = (*FIRST, *FALLBACK, "openreview", "github", "huggingface", "links", "google_scholar")

# owner/name only; GitHub's own pages (orgs/…, topics/…) are not repositories.
GITHUB_REPO = re.compile(
    r"github\.com/(?!(?:orgs|topics|features|sponsors|marketplace|settings|about|collections|trending|apps)/)"
    r"([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/([A-Za-z0-9_.-]{1,100})",
    re.I,
)
# org/name only: a bare huggingface.co/<user> is a profile, not a model.
HF_MODEL = re.compile(r"huggingface\.co/(?!datasets/|spaces/|papers/|docs/|blog/|models\b|organizations/)([A-Za-z0-9][\w.-]{0,95}/[\w.-]{1,96})", re.I)
SCHOLAR = re.compile(r"scholar\.google\.[a-z.]+/citations\?(?:[^\s)]*&)?user=([\w-]{12})", re.I)


@dataclass
class OnlineOptions:
    sources: frozenset[str] = frozenset(s for s in ALL_SOURCES if s != "google_scholar")
    check_links: bool = True


@dataclass
class Targets:
    papers: list[Publication] = field(default_factory=list)
    stars: list[tuple[Claim, str, str]] = field(default_factory=list)  # claim, owner, repo
    downloads: list[tuple[Claim, str]] = field(default_factory=list)  # claim, model id
    citations: list[tuple[Claim, str]] = field(default_factory=list)  # claim, scholar user id
    links: list[str] = field(default_factory=list)


def candidate_names(resume: Resume) -> list[str]:
    """The resume's name and the other spelling often given beside it ('Hande Dong (董汉德)')."""
    if not resume.name:
        return []
    parts = [p.strip() for p in re.split(r"[()（）/|｜]", resume.name) if p.strip()]
    return [resume.name, *parts] if len(parts) > 1 else [resume.name]


def _entry_lines(resume: Resume, line: int) -> range | None:
    for e in resume.experience:
        last = e.last_line or e.line
        if e.line <= line <= last:
            return range(e.line, last + 1)
    return None


def _near(doc: Document, resume: Resume, line: int, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """A link for a claim: on its line, else in its entry, else the resume's only such link."""
    own = list(pattern.finditer(doc.line(line)))
    if own:
        return own
    span = _entry_lines(resume, line)
    if span is not None:
        found = [m for n in span for m in pattern.finditer(doc.line(n))]
        if found:
            return found
    everywhere = {m.group(0).lower(): m for n in range(1, len(doc.lines) + 1) for m in pattern.finditer(doc.line(n))}
    return list(everywhere.values()) if len(everywhere) == 1 else []


def find_targets(doc: Document, resume: Resume, claims: Sequence[Claim]) -> Targets:
    t = Targets()
    t.papers = [p for p in resume.publications if p.kind_hint == "paper" and searchable(p.title)]
    for c in claims:
        if c.kind == "stars" and c.value:
            m = _near(doc, resume, c.line, GITHUB_REPO)
            if len(m) == 1:
                t.stars.append((c, m[0].group(1), m[0].group(2).removesuffix(".git").rstrip(".")))
        elif c.kind == "downloads" and c.value:
            m = _near(doc, resume, c.line, HF_MODEL)
            if len(m) == 1:
                t.downloads.append((c, m[0].group(1).rstrip(".")))
        elif c.kind == "citations" and c.value and not ABOUT_OTHERS.search(doc.line(c.line)):  # not the advisor's count
            m = _near(doc, resume, c.line, SCHOLAR)
            if len(m) == 1:
                t.citations.append((c, m[0].group(1)))
    t.links = [u for u in resume.contacts.links if u.lower().startswith(("http://", "https://"))][:20]
    return t


# Seconds a check may run past the budget before it is abandoned: requests already stop at the
# budget (verify/client.py), so this only catches what does not (a stuck adapter, a slow
# resolver) and gives the in-flight request time to end on its own cut timeout.
GRACE = 2.0


async def _ask(source: str, call: Coroutine[Any, Any, T], budget: Budget | None = None) -> T | SourceError:
    """The source's answer, or why it could not give one. With the resume's `budget` (None
    inline, where nothing waits, or when the caller set none), the check is abandoned at its end."""
    try:
        if budget is None:
            return await call
        import asyncio

        return await asyncio.wait_for(call, budget.remaining() + GRACE)
    except SourceError as exc:
        return exc
    except TimeoutError:
        seconds = f"{budget.seconds:g}" if budget else "?"
        return SourceError(source, f"time budget of {seconds} s per resume used up", "budget", seconds=seconds)
    except Exception as exc:  # an adapter bug must not lose the audit: "could not check"
        return SourceError(source, f"{type(exc).__name__}: {exc}")


async def _paper(
    fetch: Fetcher, pub: Publication, names: list[str], kb: KnowledgeBase, as_of_year: int, opts: OnlineOptions, lang: str, gather: Gather,
    budget: Budget | None = None,
) -> None:
    title = pub.title or ""
    first = {s: fn for s, fn in FIRST.items() if s in opts.sources}
    if "openreview" in opts.sources and (pub.venue_id in OPENREVIEW_VENUES or pub.status == "under_review"):
        first["openreview"] = openreview.search_paper
    results: dict[str, Any] = dict(zip(first, await gather(*(_ask(s, fn(fetch, title), budget) for s, fn in first.items()))))
    check = judge_paper(pub, names, results, kb, as_of_year, lang)
    if check.status in ("not_found", "error") and not _hopeless(results):
        more = {s: fn for s, fn in FALLBACK.items() if s in opts.sources}
        results.update(zip(more, await gather(*(_ask(s, fn(fetch, title), budget) for s, fn in more.items()))))
        check = judge_paper(pub, names, results, kb, as_of_year, lang)
    pub.check = check


def _blame_the_network(checks: Sequence[ClaimCheck]) -> None:
    """The failed connections that showed there is no network were "no connection" when they
    happened (and a breaker they opened, "not answering"); once it is known, they are the
    same reason as every later one."""
    blamed = ("no_connection", "breaker")
    for check in checks:
        for a in check.attempts:
            if a.reason in blamed:
                a.reason = "no_network"
        if check.status == "error" and check.reason in blamed:
            check.reason = "no_network"
        elif check.status == "error" and check.reason == "several" and {a.reason for a in check.attempts} == {"no_network"}:
            check.reason = "no_network"


def _hopeless(results: dict[str, Any]) -> bool:
    """No network or no time left: the fallbacks would fail the same way, so they are not asked."""
    return any(isinstance(r, SourceError) and r.code in ("no_network", "budget") for r in results.values())


async def verify_resume(
    doc: Document,
    resume: Resume,
    claims: Sequence[Claim],
    kb: KnowledgeBase,
    as_of_year: int,
    client: Client,
    opts: OnlineOptions,
    scholar: ScholarSource | None = None,
    lang: str = "en",
    targets: Targets | None = None,
    gather: Gather | None = None,
) -> OnlineSummary:
    """Checks every target; `gather` runs the checks together (asyncio.gather by default)."""
    if gather is None:
        import asyncio

        gather = asyncio.gather
    t = targets or find_targets(doc, resume, claims)
    names = candidate_names(resume)
    # Inline (gather_in_order) nothing waits, so nothing is timed; on the loop, the budget.
    budget = None if gather is gather_in_order else client.budget
    jobs: list[Awaitable[None]] = [_paper(client, p, names, kb, as_of_year, opts, lang, gather, budget) for p in t.papers]

    async def stars(c: Claim, owner: str, repo: str) -> None:
        url = f"https://github.com/{owner}/{repo}"
        c.check = judge_stars(c.value or 0, await _ask("github", github.get_repo(client, owner, repo), budget), url, lang)

    async def downloads(c: Claim, model_id: str) -> None:
        url = f"https://huggingface.co/{model_id}"
        c.check = judge_downloads(c.value or 0, await _ask("huggingface", huggingface.get_model(client, model_id), budget), url, lang)

    async def citations(c: Claim, user: str) -> None:
        url = f"https://scholar.google.com/citations?user={user}"
        assert scholar is not None
        c.check = judge_citations(c.value or 0, await _ask("google_scholar", scholar.profile(user), budget), url, lang)

    links: list[LinkCheck] = []

    async def link(url: str) -> None:
        try:
            status, final = await client.check_link(url)
        except UnsafeURL as exc:
            if isinstance(exc, Unresolvable) and client.breaker.no_network:
                links.append(LinkCheck(url=url, status="error", detail=SourceError("links", "no network", "no_network").said_in(lang)))
            else:
                links.append(LinkCheck(url=url, status="refused", detail=str(exc)))
            return
        except SourceError as exc:
            links.append(LinkCheck(url=url, status="error", detail=exc.said_in(lang)))
            return
        ok = status < 400 or status in (401, 403, 405, 429)  # alive but guarded
        links.append(LinkCheck(url=url, status="ok" if ok else "dead", http_status=status, detail=None if final == url else f"→ {final}"))

    if "github" in opts.sources:
        jobs += [stars(*x) for x in t.stars]
    if "huggingface" in opts.sources:
        jobs += [downloads(*x) for x in t.downloads]
    if "google_scholar" in opts.sources and scholar is not None:
        jobs += [citations(*x) for x in t.citations]
    await gather(*jobs)
    # Links after the sources: a link's name is resolved before it is checked (the guard), and
    # without a network that look-up is slow; by now the sources have shown whether there is one.
    if opts.check_links and "links" in opts.sources:
        await gather(*(link(u) for u in t.links))
    if client.breaker.no_network:
        _blame_the_network([p.check for p in t.papers] + [c.check for c, *_ in (*t.stars, *t.downloads, *t.citations)])
    links.sort(key=lambda lc: t.links.index(lc.url))
    s = client.stats
    used = sorted(set(s.requests) | set(s.cache_hits) | set(s.errors))
    return OnlineSummary(
        mode="cache_only" if client.cache_only else "live",
        sources=[SourceUsage(source=x, requests=s.requests.get(x, 0), cache_hits=s.cache_hits.get(x, 0), errors=[e.said_in(lang) for e in s.errors.get(x, [])]) for x in used],
        links=links,
    )


class OnlineVerifier:
    """Runs the checks of each resume, keeping one client between resumes so a batch shares one
    cache connection and one set of per-source rate limits.

    A resume is first checked inline, with no event loop and no request (verify/inline.py):
    with a warm cache that is the whole run, and asyncio is never imported. When an answer is
    missing, that attempt is thrown away and the resume runs on one long-lived event loop in
    the caller's thread (`run_until_complete`; handing each resume to a loop in another thread
    cost a thread wake-up per resume). So build_report must not be called from inside a
    running event loop with --online."""

    def __init__(self, make_client: Callable[[], Client], opts: OnlineOptions, scholar: ScholarSource | None = None, progress: bool = False):
        self._loop: asyncio.AbstractEventLoop | None = None  # made when a resume first needs the network
        self.opts = opts
        self.scholar = scholar
        self.progress = progress
        self.client: Client = make_client()
        self._said_no_network = False

    def _call(self, coro: Coroutine[Any, Any, T]) -> T:
        if self._loop is None:
            import asyncio

            self._loop = asyncio.new_event_loop()
        return self._loop.run_until_complete(coro)

    def __call__(
        self, doc: Document, resume: Resume, claims: Sequence[Claim], kb: KnowledgeBase, as_of_year: int, lang: str = "en"
    ) -> OnlineSummary:
        before = self.client.stats.copy()
        t = find_targets(doc, resume, claims)
        if self.progress:
            where = "the cache only" if self.client.cache_only else "public sources (answers are cached)"
            print(
                f"resume-audit: checking {len(t.papers)} paper(s), {len(t.stars)} repo(s), {len(t.downloads)} model(s), "
                f"{len(t.links) if self.opts.check_links else 0} link(s) against {where}…",
                file=sys.stderr, flush=True,
            )
        summary = self._inline(doc, resume, claims, kb, as_of_year, lang, t)
        if summary is None:
            if self.client.budget is not None:
                self.client.budget.start()
            self.client.breaker.probe_again()
            summary = self._call(verify_resume(doc, resume, claims, kb, as_of_year, self.client, self.opts, self.scholar, lang, t))
        self._tell(resume, claims, before)
        return _since(summary, before)

    def _tell(self, resume: Resume, claims: Sequence[Claim], before: Stats) -> None:
        """One line for the retries and one for what could not be checked; "no network" once per run."""
        retries = {s: n - before.retries.get(s, 0) for s, n in self.client.stats.retries.items() if n > before.retries.get(s, 0)}
        counts = notice.unchecked(resume.publications, claims)
        if "no_network" in counts:
            if self._said_no_network:
                counts.pop("no_network")
            self._said_no_network = True
        for line in (notice.retries_line(retries), notice.unchecked_line(counts)):
            if line:
                print(line, file=sys.stderr, flush=True)

    def _inline(
        self, doc: Document, resume: Resume, claims: Sequence[Claim], kb: KnowledgeBase, as_of_year: int, lang: str, t: Targets
    ) -> OnlineSummary | None:
        """The resume checked from the cache alone, or None when it needs the network. A Google
        Scholar lookup is never cached, so a resume that asks for one goes straight to the loop."""
        if self.scholar is not None and t.citations and "google_scholar" in self.opts.sources:
            return None
        client = self.client
        saved = client.stats.copy()
        client.network_allowed, client.needed_network = False, False
        try:
            summary = run_inline(verify_resume(doc, resume, claims, kb, as_of_year, client, self.opts, self.scholar, lang, t, gather_in_order))
        except Suspended:
            summary = None
        finally:
            client.network_allowed = True
        if summary is None or client.needed_network:
            client.stats = saved  # the loop's run counts its own cache hits
            return None
        return summary

    def close(self) -> None:
        try:
            if self._loop is None:
                run_inline(self.client.aclose())  # no HTTP client was made: nothing waits
            else:
                self._call(self.client.aclose())
        finally:
            if self._loop is not None:
                self._loop.close()


def _since(summary: OnlineSummary, before: Stats) -> OnlineSummary:
    """Per-resume numbers when the client is shared by a batch."""
    sources = []
    for u in summary.sources:
        seen = len(before.errors.get(u.source, []))
        u = u.model_copy(update={
            "requests": u.requests - before.requests.get(u.source, 0),
            "cache_hits": u.cache_hits - before.cache_hits.get(u.source, 0),
            "errors": sorted(set(u.errors[seen:])),
        })
        if u.requests or u.cache_hits or u.errors:
            sources.append(u)
    return summary.model_copy(update={"sources": sources})
