"""The one shared async HTTP client of the online checks (implements `fetch.Fetcher`).

Order per request: cache -> (per-source semaphore + rate limiter -> send) inside the retry
loop, so every retry is rate-limited too. Libraries: httpx (async client), stamina (retries;
its hook returns the Retry-After wait), aiolimiter (leaky-bucket rate per source).

Those three, and asyncio, are imported at the first request that goes to the network, not with
this module: a run answered wholly from the cache never needs them (it runs inline, see
inline.py), and importing them took about 60 ms of every `--online` start
(tests/test_online_e2e.py checks a warm run does not load them).
"""

from __future__ import annotations

import json as _json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

from auditor import __version__
from auditor.verify.breaker import Breaker
from auditor.verify.budget import Budget
from auditor.verify.cache import Cached, HttpCache, cache_key
from auditor.verify.fetch import Response
from auditor.verify.guard import Resolver, Unresolvable, UnsafeURL, check_url, system_resolver
from auditor.verify.inline import NeedsNetwork
from auditor.verify.records import SourceError

if TYPE_CHECKING:
    import asyncio

    import httpx
    from aiolimiter import AsyncLimiter


@dataclass(frozen=True)
class Policy:
    """A source's base URL and its published limits (research/public-sources.md, section 11)."""

    base: str
    rate: float  # requests per `period` seconds
    period: float
    concurrency: int
    ttl_days: float = 30.0
    token_env: str | None = None
    token_header: str | None = None
    token_prefix: str = ""
    headers: tuple[tuple[str, str], ...] = ()


POLICIES: dict[str, Policy] = {
    # S2: shared anonymous pool, frequent 429s with no Retry-After; 1 rps with a key.
    "semantic_scholar": Policy("https://api.semanticscholar.org/graph/v1", 1, 1.0, 1, token_env="S2_API_KEY", token_header="x-api-key"),
    # DBLP asks for 1-2 s between requests and sends Retry-After with its 429s.
    "dblp": Policy("https://dblp.org", 1, 1.5, 1),
    "openalex": Policy("https://api.openalex.org", 10, 1.0, 4),
    # Crossref public pool: 5 req/s, concurrency 1.
    "crossref": Policy("https://api.crossref.org", 5, 1.0, 1),
    # arXiv terms of use: one request every 3 seconds, one connection.
    "arxiv": Policy("https://export.arxiv.org", 1, 3.0, 1),
    "openreview": Policy("https://api2.openreview.net", 1, 1.0, 1, token_env="OPENREVIEW_TOKEN", token_header="authorization", token_prefix="Bearer "),
    # GitHub: 60 requests/hour anonymous, 5000 with a token; a burst of a few is fine.
    "github": Policy(
        "https://api.github.com", 5, 1.0, 2, ttl_days=7, token_env="GITHUB_TOKEN", token_header="authorization", token_prefix="Bearer ",
        headers=(("accept", "application/vnd.github+json"), ("x-github-api-version", "2022-11-28")),
    ),
    # Hugging Face: 500 requests per 5 minutes per IP anonymous.
    "huggingface": Policy("https://huggingface.co", 1, 0.6, 2, ttl_days=7, token_env="HF_TOKEN", token_header="authorization", token_prefix="Bearer "),
}

USER_AGENT = f"resume-audit/{__version__} (+https://pypi.org/project/resume-audit/)"
MAX_RETRY_AFTER = 60.0  # a longer wait is reported as "could not check", not slept through
CONNECT_TIMEOUT = 3.0  # a public API that takes longer to accept a connection is not going to answer
LINK_TTL_DAYS = 7.0
REFUSED_HEADER = "x-resume-audit-refused"  # a cached link check the guard refused: the reason


def base_url(source: str, overrides: dict[str, str] | None = None, env: dict[str, str] | None = None) -> str:
    """Config wins over the environment (`RESUME_AUDIT_<SOURCE>_URL`), which wins over the default."""
    env = os.environ if env is None else env
    if overrides and source in overrides:
        return overrides[source].rstrip("/")
    return env.get(f"RESUME_AUDIT_{source.upper()}_URL", POLICIES[source].base).rstrip("/")


class _Retry(Exception):
    def __init__(self, status: int, wait: float | None):
        super().__init__(f"HTTP {status}")
        self.status = status
        self.wait = wait


def _retry_after(headers: httpx.Headers) -> float | None:
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP date; back off exponentially instead of parsing the clock


def _backoff(exc: Exception) -> bool | float:
    """Retry 429/5xx (waiting what Retry-After asks) and transient transport failures; a
    refused connection or an unknown host will not heal in seconds, so it fails at once."""
    import httpx

    if isinstance(exc, _Retry):
        return exc.wait if exc.wait is not None else True
    return isinstance(exc, httpx.TransportError) and not isinstance(exc, (httpx.ConnectError, httpx.UnsupportedProtocol))


@dataclass
class Stats:
    """Per-source counters for the report's "what was checked" and the benchmark."""

    requests: dict[str, int] = field(default_factory=dict)
    cache_hits: dict[str, int] = field(default_factory=dict)
    errors: dict[str, list[SourceError]] = field(default_factory=dict)
    retries: dict[str, int] = field(default_factory=dict)  # attempts after the first (429/5xx, timeouts)

    def count(self, table: dict[str, int], source: str) -> None:
        table[source] = table.get(source, 0) + 1

    def copy(self) -> Stats:
        return Stats(dict(self.requests), dict(self.cache_hits), {k: list(v) for k, v in self.errors.items()}, dict(self.retries))


class Client:
    """Implements `Fetcher`. `now` (epoch seconds) comes from the CLI and decides cache expiry."""

    def __init__(
        self,
        *,
        now: float,
        cache: HttpCache | None = None,
        cache_only: bool = False,
        overrides: dict[str, str] | None = None,
        env: dict[str, str] | None = None,
        rate_limits: bool = True,
        timeout: float = 20.0,
        connect_timeout: float = CONNECT_TIMEOUT,
        attempts: int = 4,
        transport: httpx.AsyncBaseTransport | None = None,
        resolve: Resolver = system_resolver,
        budget: Budget | None = None,
        breaker: Breaker | None = None,
        sources: frozenset[str] | None = None,  # the sources asked, when known: one alone may show "no network"
    ):
        self.now = now
        self.cache = cache
        self.cache_only = cache_only
        self.env = dict(os.environ if env is None else env)
        self.overrides = overrides or {}
        self.attempts = attempts
        self.resolve = resolve
        self.stats = Stats()
        self._timeout = timeout
        self._connect_timeout = connect_timeout
        # No budget: no limit but the timeouts (library use and most tests). The CLI gives one.
        self.budget = budget
        self.breaker = breaker or Breaker(clock=budget.clock if budget else (lambda: 0.0), spread=1 if len(sources or ()) == 1 else 2)
        self._transport = transport
        self._http_client: httpx.AsyncClient | None = None
        self._links_client: httpx.AsyncClient | None = None
        self._rate_limits = rate_limits
        self._limiters: dict[str, AsyncLimiter] | None = None  # made at the first request sent
        self._gates: dict[str, asyncio.Semaphore] | None = None  # made at the first request sent
        self._session_tokens: dict[str, str] = {}
        # False while a resume is checked inline (verify/inline.py): a cache miss then raises
        # NeedsNetwork and sets `needed_network` instead of sending anything.
        self.network_allowed = True
        self.needed_network = False

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # The httpx clients are made on first use: building one loads the TLS certificates (tens of
    # milliseconds), which a run answered wholly from the cache never needs.
    @property
    def _http(self) -> httpx.AsyncClient:
        if self._http_client is None:
            import httpx

            self._http_client = httpx.AsyncClient(
                timeout=httpx.Timeout(self._timeout, connect=self._connect_timeout), follow_redirects=True, transport=self._transport, headers={"user-agent": USER_AGENT}
            )
        return self._http_client

    @property
    def _links(self) -> httpx.AsyncClient:
        """Links from a resume: redirects are followed by hand so the guard sees every hop, and
        each connection goes to the address the guard approved (verify/pinned.py). A transport
        given for tests replaces the pinned one."""
        if self._links_client is None:
            import httpx

            from auditor.verify.pinned import pinned_transport

            transport = self._transport or pinned_transport(self.resolve)
            self._links_client = httpx.AsyncClient(
                timeout=httpx.Timeout(10.0, connect=self._connect_timeout), follow_redirects=False, transport=transport, headers={"user-agent": USER_AGENT}
            )
        return self._links_client

    async def aclose(self) -> None:
        for client in (self._http_client, self._links_client):
            if client is not None:
                await client.aclose()

    def _limiter(self, source: str) -> AsyncLimiter | None:
        """The source's rate limiter. Published limits protect the public services; a base URL
        on this machine (a local mirror or replay server) has none."""
        if self._limiters is None:
            from aiolimiter import AsyncLimiter

            self._limiters = {
                s: AsyncLimiter(p.rate, p.period)
                for s, p in POLICIES.items() if self._rate_limits and not _local(base_url(s, self.overrides, self.env))
            }
        return self._limiters.get(source)

    def _auth_headers(self, source: str) -> dict[str, str]:
        p = POLICIES[source]
        headers = dict(p.headers)
        token = self.env.get(p.token_env or "") or self._session_tokens.get(source)
        if p.token_header and token:
            headers[p.token_header] = p.token_prefix + token
        return headers

    async def _login(self, source: str) -> None:
        """OpenReview: with OPENREVIEW_USERNAME/OPENREVIEW_PASSWORD (and no OPENREVIEW_TOKEN),
        log in once per run. The token lives in memory only, never in the cache; a failed
        login leaves the requests anonymous (they may then meet the anti-bot challenge)."""
        if source != "openreview" or self.cache_only or source in self._session_tokens or self.env.get("OPENREVIEW_TOKEN"):
            return
        user, password = self.env.get("OPENREVIEW_USERNAME"), self.env.get("OPENREVIEW_PASSWORD")
        if not (user and password):
            return
        import httpx

        self._session_tokens[source] = ""  # one attempt per run
        try:
            resp = await self._http.post(base_url(source, self.overrides, self.env) + "/login", json={"id": user, "password": password})
            token = resp.json().get("token") if resp.status_code == 200 else None
        except (httpx.HTTPError, ValueError):
            token = None
        if token:
            self._session_tokens[source] = str(token)

    async def request(
        self,
        source: str,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | list[tuple[str, Any]] | None = None,
        json: Any = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        if source not in POLICIES:
            raise SourceError(source, "unknown source")
        # Parameters sorted, so one request has one URL and one cache key (stdlib urlencode, once:
        # parsing with httpx.URL was most of the time of a run answered from the cache).
        pairs = sorted((k, str(v)) for k, v in (params.items() if isinstance(params, dict) else params or []))
        url = base_url(source, self.overrides, self.env) + path + ("?" + urlencode(pairs) if pairs else "")
        body = _json.dumps(json, separators=(",", ":")).encode() if json is not None else None
        key = cache_key(method, url, body)
        ttl = POLICIES[source].ttl_days * 86400
        hit = self.cache.get(key) if self.cache else None
        if hit is not None and (self.cache_only or self.now - hit.stored_at <= ttl):
            self.stats.count(self.stats.cache_hits, source)
            return Response(hit.status, hit.body, hit.headers, hit.final_url, from_cache=True)
        if self.cache_only:
            raise SourceError(source, "not in the cache (--cache-only)", "not_cached")
        self._may_send(source)
        self._may_ask(source)
        await self._login(source)
        sent = {**self._auth_headers(source), **(headers or {})}
        try:
            resp = await self._send(source, method, url, sent, json)
        except SourceError as exc:
            self.stats.errors.setdefault(source, []).append(exc)
            raise
        out = Response(resp.status_code, resp.content, {k.lower(): v for k, v in resp.headers.items()}, str(resp.url))
        if self.cache:
            stored = Cached(out.status, _kept_headers(out.headers), out.body, out.url, self.now)
            self.cache.put(key, source, method, url, stored)
        return out

    def _may_send(self, source: str) -> None:
        if not self.network_allowed:
            self.needed_network = True
            raise NeedsNetwork(source)

    def remaining(self) -> float | None:
        """Seconds left of this resume's budget; None without a budget."""
        return None if self.budget is None else self.budget.remaining()

    def _may_ask(self, source: str) -> None:
        """Refuse at once what cannot succeed: no network, a source whose breaker is open, a spent budget."""
        refusal = self._refusal(source)
        if refusal is not None:
            self.stats.errors.setdefault(source, []).append(refusal)
            raise refusal

    def _refusal(self, source: str) -> SourceError | None:
        if self.breaker.no_network:
            return SourceError(source, "no network (connections refused or names not resolved)", "no_network")
        if self.breaker.is_open(source):
            n = self.breaker.threshold
            return SourceError(source, f"not asked: {n} timeouts or failed connections in a row", "breaker", n=n)
        if self.budget is not None and self.budget.spent:
            return self._budget_error(source)
        return None

    def _budget_error(self, source: str) -> SourceError:
        seconds = f"{self.budget.seconds:g}" if self.budget else "?"
        return SourceError(source, f"time budget of {seconds} s per resume used up", "budget", seconds=seconds)

    async def _send(self, source: str, method: str, url: str, headers: dict[str, str], json: Any) -> httpx.Response:
        import httpx
        import stamina

        _quiet_retries()
        resp: httpx.Response | None = None
        tried = 0  # attempts made: fewer than self.attempts when the budget stops the retries
        left = self.remaining()

        def backoff(exc: Exception) -> bool | float:
            """_backoff, but never a wait the budget cannot afford."""
            wait = _backoff(exc)
            budget = self.remaining()
            if budget is not None and wait is not False and (budget <= 0 or (wait is not True and wait >= budget)):
                return False
            return wait

        try:
            timeout = 120.0 if left is None else max(0.001, min(120.0, left))
            async for attempt in stamina.retry_context(on=backoff, attempts=self.attempts, timeout=timeout, wait_initial=1.0, wait_max=30.0):
                with attempt:
                    tried = attempt.num
                    if tried > 1:
                        self.stats.count(self.stats.retries, source)
                    resp = await self._send_once(source, method, url, headers, json)
        except _Retry as exc:
            raise SourceError(source, f"HTTP {exc.status} after {tried} attempt(s) (rate limit or server error)", "retries", status=exc.status, attempts=tried) from exc
        except httpx.TimeoutException as exc:
            raise SourceError(source, f"no answer in time ({type(exc).__name__})", "timeout", error=type(exc).__name__) from exc
        except httpx.TransportError as exc:
            raise SourceError(source, f"{type(exc).__name__}: {exc or 'no answer'}", "no_connection", error=type(exc).__name__) from exc
        assert resp is not None
        return resp

    def _timeouts(self) -> httpx.Timeout:
        """The client's timeouts, cut to what is left of the budget."""
        import httpx

        left = self.remaining()
        read = self._timeout if left is None else max(0.001, min(self._timeout, left))
        return httpx.Timeout(read, connect=min(self._connect_timeout, read))

    def _transport_failed(self, source: str, exc: Exception) -> None:
        """Count a timeout or failed connection; when that opens the breaker or shows there is
        no network, end the retries with the reason (a SourceError is not retried)."""
        import httpx

        if not isinstance(exc, (httpx.TimeoutException, httpx.ConnectError)):
            return
        self.breaker.failure(source, connect=isinstance(exc, httpx.ConnectError))
        if self.breaker.no_network:
            raise SourceError(source, "no network (connections refused or names not resolved)", "no_network") from exc
        if self.breaker.is_open(source):
            n = self.breaker.threshold
            raise SourceError(source, f"{n} timeouts or failed connections in a row ({type(exc).__name__}); not asked again for now", "breaker", n=n) from exc

    async def _send_once(self, source: str, method: str, url: str, headers: dict[str, str], json: Any) -> httpx.Response:
        import httpx

        if self._gates is None:
            import asyncio

            self._gates = {s: asyncio.Semaphore(p.concurrency) for s, p in POLICIES.items()}
        async with self._gates[source]:
            limiter = self._limiter(source)
            if limiter is not None:
                await limiter.acquire()
            # Asked again after the wait for a turn: what failed meanwhile (no network, the
            # breaker, the budget) stops the requests queued behind it.
            refusal = self._refusal(source)
            if refusal is not None:
                raise refusal
            self.stats.count(self.stats.requests, source)
            try:
                resp = await self._http.request(method, url, headers=headers, json=json, timeout=self._timeouts())
            except httpx.TransportError as exc:
                self._transport_failed(source, exc)
                raise
        self.breaker.success(source)
        if resp.status_code == 429 or resp.status_code >= 500:
            wait = _retry_after(resp.headers)
            if wait is not None and wait > MAX_RETRY_AFTER:
                raise SourceError(source, f"HTTP {resp.status_code}: asked to wait {wait:.0f} s; try again later", "wait", status=resp.status_code, wait=f"{wait:.0f}")
            raise _Retry(resp.status_code, wait)
        if resp.status_code == 403 and resp.headers.get("x-ratelimit-remaining") == "0":
            raise SourceError(source, "rate limit exhausted (set GITHUB_TOKEN for 5000 requests/hour)", "github_limit")
        return resp

    async def check_link(self, url: str, max_hops: int = 5) -> tuple[int, str]:
        """Liveness of a link from the resume: (status, final URL). Every hop passes the guard;
        only the headers are read. Answers are cached like the sources' (a warm run and
        --cache-only make no request, and no DNS look-up). Raises UnsafeURL or SourceError."""
        key = cache_key("LINK", url, None)
        hit = self.cache.get(key) if self.cache else None
        if hit is not None and (self.cache_only or self.now - hit.stored_at <= LINK_TTL_DAYS * 86400):
            self.stats.count(self.stats.cache_hits, "links")
            if REFUSED_HEADER in hit.headers:
                raise UnsafeURL(hit.headers[REFUSED_HEADER])
            return hit.status, hit.final_url
        if self.cache_only:
            raise SourceError("links", "not in the cache (--cache-only)", "not_cached")
        self._may_send("links")
        if self.breaker.no_network:
            raise SourceError("links", "no network (connections refused or names not resolved)", "no_network")
        if self.budget is not None and self.budget.spent:
            raise self._budget_error("links")  # not counted per source: links are listed one by one
        self.stats.count(self.stats.requests, "links")
        try:
            status, final = await self._follow(url, max_hops)
        except Unresolvable:
            raise
        except UnsafeURL as exc:
            # The guard's refusal is an answer too: cached, so --cache-only replays "refused"
            # rather than "not in the cache" (and makes no DNS look-up to repeat it).
            if self.cache:
                self.cache.put(key, "links", "LINK", url, Cached(0, {REFUSED_HEADER: str(exc)}, b"", url, self.now))
            raise
        if self.cache:
            self.cache.put(key, "links", "LINK", url, Cached(status, {}, b"", final, self.now))
        return status, final

    async def _follow(self, url: str, max_hops: int) -> tuple[int, str]:
        import httpx

        current = url
        for _ in range(max_hops + 1):
            check_url(current, self.resolve)
            try:
                async with self._links.stream("GET", current) as resp:
                    if resp.is_redirect and "location" in resp.headers:
                        current = str(resp.url.join(resp.headers["location"]))
                        continue
                    return resp.status_code, current
            except httpx.TransportError as exc:
                raise SourceError("links", f"{type(exc).__name__}: {exc or 'no answer'}", "no_connection", error=type(exc).__name__) from exc
        raise SourceError("links", f"more than {max_hops} redirects", "redirects", n=max_hops)


_QUIET = False


def _quiet_retries() -> None:
    """stamina logs a `stamina.retry_scheduled` line per retry (80+ per resume under 429/503);
    its documented switch, an empty list of retry hooks, turns that off. The retries are
    counted in Stats instead and summed up in one line per resume (verify/notice.py)."""
    global _QUIET
    if not _QUIET:
        from stamina.instrumentation import set_on_retry_hooks

        set_on_retry_hooks([])
        _QUIET = True


def _local(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host in ("localhost", "127.0.0.1", "::1") or host.startswith("127.")


def _kept_headers(headers: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k in ("content-type", "location", "x-error-code", "retry-after")}


def default_cache_path(env: dict[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("RESUME_AUDIT_CACHE"):
        return Path(env["RESUME_AUDIT_CACHE"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("resume-audit")) / "http-cache.sqlite"


__all__ = ["Client", "Policy", "POLICIES", "UnsafeURL", "base_url", "default_cache_path"]
