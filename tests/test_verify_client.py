"""The shared online client: retries, Retry-After, cache and offline replay, the SSRF guard."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
import stamina

from auditor.verify.cache import HttpCache
from auditor.verify.client import Client, base_url
from auditor.verify.guard import UnsafeURL, check_url
from auditor.verify.records import SourceError
from tests.replay_server import Answer, ReplayServer

NOW = 1_790_000_000.0  # a fixed "now" for cache expiry; tests never read the clock


@pytest.fixture(autouse=True)
def _no_waiting():
    with stamina.set_testing(True, attempts=3):
        yield


def _client(server: ReplayServer, tmp_path: Path, **kw) -> Client:
    env = {"RESUME_AUDIT_GITHUB_URL": server.url}
    return Client(now=kw.pop("now", NOW), cache=HttpCache(tmp_path / "c.sqlite"), env=env, rate_limits=False, **kw)


def run(coro):
    return asyncio.run(coro)


def test_base_url_override_order():
    assert base_url("github", env={}) == "https://api.github.com"
    assert base_url("github", env={"RESUME_AUDIT_GITHUB_URL": "http://127.0.0.1:9/"}) == "http://127.0.0.1:9"
    assert base_url("github", {"github": "http://mirror"}, {"RESUME_AUDIT_GITHUB_URL": "http://x"}) == "http://mirror"


def test_429_with_retry_after_is_retried_then_succeeds(tmp_path):
    with ReplayServer() as server:
        server.route("/repos/a/b", Answer(429, "slow down", {"retry-after": "1"}), Answer(200, '{"ok": 1}'))

        async def go():
            async with _client(server, tmp_path) as c:
                return await c.request("github", "GET", "/repos/a/b")

        resp = run(go())
    assert resp.status == 200 and resp.json() == {"ok": 1}
    assert server.paths() == ["/repos/a/b", "/repos/a/b"]


def test_429_without_retry_after_gives_could_not_check(tmp_path):
    with ReplayServer() as server:
        server.route("/repos/a/b", Answer(429, '{"message":"Too Many Requests"}'))

        async def go():
            async with _client(server, tmp_path) as c:
                await c.request("github", "GET", "/repos/a/b")

        with pytest.raises(SourceError, match="429 after"):
            run(go())
    assert len(server.requests) == 3  # every attempt was made, then it gave up


def test_a_long_retry_after_is_not_slept_through(tmp_path):
    with ReplayServer() as server:
        server.route("/repos/a/b", Answer(429, "", {"retry-after": "3600"}))

        async def go():
            async with _client(server, tmp_path) as c:
                await c.request("github", "GET", "/repos/a/b")

        with pytest.raises(SourceError, match="3600"):
            run(go())
    assert len(server.requests) == 1


def test_github_rate_limit_exhausted_is_an_error_not_a_not_found(tmp_path):
    with ReplayServer() as server:
        server.route("/repos/a/b", Answer(403, '{"message":"API rate limit exceeded"}', {"x-ratelimit-remaining": "0"}))

        async def go():
            async with _client(server, tmp_path) as c:
                await c.request("github", "GET", "/repos/a/b")

        with pytest.raises(SourceError, match="rate limit"):
            run(go())


def test_not_found_is_cached_and_replayed_offline_without_any_request(tmp_path):
    with ReplayServer() as server:
        server.route("/repos/a/gone", Answer(404, '{"message":"Not Found","status":"404"}'))

        async def live():
            async with _client(server, tmp_path) as c:
                return await c.request("github", "GET", "/repos/a/gone")

        first = run(live())
        assert first.status == 404 and not first.from_cache
        before = len(server.requests)

        async def offline():
            async with _client(server, tmp_path, cache_only=True, now=NOW + 400 * 86400) as c:
                hit = await c.request("github", "GET", "/repos/a/gone")
                with pytest.raises(SourceError, match="not in the cache"):
                    await c.request("github", "GET", "/repos/a/other")
                return hit

        replayed = run(offline())
    assert replayed.status == 404 and replayed.from_cache
    assert len(server.requests) == before  # --cache-only made no request, even for the miss


def test_expired_entries_are_fetched_again(tmp_path):
    with ReplayServer() as server:
        server.route("/repos/a/b", Answer(200, '{"stargazers_count": 1}'), Answer(200, '{"stargazers_count": 2}'))

        async def at(now):
            async with _client(server, tmp_path, now=now) as c:
                return (await c.request("github", "GET", "/repos/a/b")).json()["stargazers_count"]

        assert run(at(NOW)) == 1
        assert run(at(NOW + 86400)) == 1  # fresh: from the cache
        assert run(at(NOW + 8 * 86400)) == 2  # GitHub entries live 7 days
    assert len(server.requests) == 2


def test_server_errors_are_not_cached(tmp_path):
    with ReplayServer() as server:
        server.route("/repos/a/b", Answer(503, "down"))

        async def go():
            async with _client(server, tmp_path) as c:
                await c.request("github", "GET", "/repos/a/b")

        with pytest.raises(SourceError):
            run(go())
    assert HttpCache(tmp_path / "c.sqlite").clear() == 0


def test_query_order_does_not_split_the_cache(tmp_path):
    with ReplayServer() as server:
        server.route("/repos/a/b", Answer(200, "{}"))

        async def go():
            async with _client(server, tmp_path) as c:
                await c.request("github", "GET", "/repos/a/b", params=[("x", "1"), ("y", "2")])
                return await c.request("github", "GET", "/repos/a/b", params=[("y", "2"), ("x", "1")])

        assert run(go()).from_cache
    assert len(server.requests) == 1


def test_tokens_come_from_the_environment_only(tmp_path):
    with ReplayServer() as server:
        server.route("/repos/a/b", Answer(200, "{}"))
        seen: list[dict] = []

        async def go():
            c = Client(now=NOW, env={"RESUME_AUDIT_GITHUB_URL": server.url, "GITHUB_TOKEN": "t0k"}, rate_limits=False)
            async with c:
                seen.append(c._auth_headers("github"))
                await c.request("github", "GET", "/repos/a/b")

        run(go())
    assert seen[0]["authorization"] == "Bearer t0k"


# --- the guard for URLs taken from a resume -------------------------------------------------

def fake_dns(table):
    def resolve(host, port):
        return table.get(host, ["93.184.215.14"])

    return resolve


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        "http://[::1]:8080/",
        "http://[::ffff:127.0.0.1]/",
        "http://10.1.2.3/",
        "javascript:alert(1)",
        "http://user:pw@example.org/",
        "http://intranet.example/",  # resolves to a private address below
    ],
)
def test_guard_refuses_unsafe_urls(url):
    with pytest.raises(UnsafeURL):
        check_url(url, fake_dns({"intranet.example": ["10.0.0.5"]}))


def test_guard_refuses_a_name_with_any_private_address():
    with pytest.raises(UnsafeURL, match="10.0.0.5"):
        check_url("https://mixed.example/", fake_dns({"mixed.example": ["93.184.215.14", "10.0.0.5"]}))


def test_guard_allows_a_public_https_link():
    assert check_url("https://github.com/a/b", fake_dns({})) == "https://github.com/a/b"


def test_link_check_refuses_a_redirect_into_the_private_network():
    hits: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hits.append(str(request.url))
        return httpx.Response(302, headers={"location": "http://169.254.169.254/latest/meta-data/"})

    async def go():
        async with Client(now=NOW, env={}, transport=httpx.MockTransport(handler), resolve=fake_dns({})) as c:
            await c.check_link("https://short.example/x")

    with pytest.raises(UnsafeURL, match="169.254.169.254"):
        run(go())
    assert hits == ["https://short.example/x"]  # the private hop was never requested


def test_openreview_login_from_the_environment_sends_a_bearer_token_not_cached(tmp_path):
    seen: list[str] = []
    with ReplayServer() as server:
        server.route("/login", Answer(200, '{"token": "tok-123"}'))
        server.route("/notes/search", Answer(200, '{"notes": [], "count": 0}'))
        env = {"RESUME_AUDIT_OPENREVIEW_URL": server.url, "OPENREVIEW_USERNAME": "me@example.org", "OPENREVIEW_PASSWORD": "pw"}

        async def go():
            async with Client(now=NOW, env=env, rate_limits=False, cache=HttpCache(tmp_path / "c.sqlite")) as c:
                await c.request("openreview", "GET", "/notes/search", params={"term": "a"})
                seen.append(c._auth_headers("openreview").get("authorization", ""))
                await c.request("openreview", "GET", "/notes/search", params={"term": "b"})

        run(go())
    assert server.paths() == ["/login", "/notes/search", "/notes/search"]  # one login per run
    assert seen == ["Bearer tok-123"]
    assert not any(b"tok-123" in f.read_bytes() for f in tmp_path.iterdir())  # database and its WAL


def test_link_checks_are_cached_and_replayed_offline_without_a_dns_lookup(tmp_path):
    hits: list[str] = []
    looked_up: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hits.append(str(request.url))
        return httpx.Response(404)

    def resolve(host, port):
        looked_up.append(host)
        return ["93.184.215.14"]

    async def check(**kw):
        async with Client(now=NOW, env={}, cache=HttpCache(tmp_path / "c.sqlite"), transport=httpx.MockTransport(handler), resolve=resolve, **kw) as c:
            return await c.check_link("https://gone.example/page")

    assert run(check()) == (404, "https://gone.example/page")
    assert run(check(cache_only=True)) == (404, "https://gone.example/page")
    assert hits == ["https://gone.example/page"] and looked_up == ["gone.example"]  # once, live


def test_a_refused_link_is_cached_so_a_replay_says_refused_too(tmp_path):
    """The guard's refusal (a name resolving to a loopback address, hand-made DNS) is stored;
    --cache-only then says "refused" with the same reason, with no look-up and no request."""
    hits: list[str] = []
    looked_up: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hits.append(str(request.url))
        return httpx.Response(200)

    def resolve(host, port):
        looked_up.append(host)
        return ["127.0.0.1"]

    async def check(**kw):
        async with Client(now=NOW, env={}, cache=HttpCache(tmp_path / "c.sqlite"), transport=httpx.MockTransport(handler), resolve=resolve, **kw) as c:
            return await c.check_link("https://intranet.example/admin")

    with pytest.raises(UnsafeURL, match="127.0.0.1") as live:
        run(check())
    with pytest.raises(UnsafeURL) as replay:
        run(check(cache_only=True))
    assert str(replay.value) == str(live.value)
    assert hits == [] and looked_up == ["intranet.example"]


def test_a_name_that_does_not_resolve_is_not_cached_as_refused(tmp_path):
    """No DNS may heal: the next live run looks the name up again (a hand-made resolver that fails)."""
    from auditor.verify.guard import Unresolvable

    def resolve(host, port):
        raise Unresolvable(f"cannot resolve {host}: Name or service not known")

    async def check(**kw):
        transport = httpx.MockTransport(lambda r: httpx.Response(200))
        async with Client(now=NOW, env={}, cache=HttpCache(tmp_path / "c.sqlite"), transport=transport, resolve=resolve, **kw) as c:
            return await c.check_link("https://nowhere.example/")

    with pytest.raises(UnsafeURL):
        run(check())
    with pytest.raises(SourceError, match="not in the cache"):
        run(check(cache_only=True))
