"""The few lines the online checks say on stderr: what could not be checked and why, and how
many retries the sources cost, in one line each rather than one per event.

English only, like every CLI message; the report says the same in its own language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from auditor.models import Claim, Publication
from auditor.verify.records import SOURCE_NAMES

WHY = {
    "no_network": "no network (connections refused or names not resolved)",
    "budget": "the time budget per resume ran out",
    "breaker": "a source kept timing out or refusing connections",
    "retries": "rate limits or server errors",
    "wait": "a source asked to wait too long",
    "no_connection": "failed connections",
    "timeout": "sources that did not answer in time",
    "several": "several reasons",
    "not_asked": "no source asked (see --sources)",
    "not_cached": "not in the cache (--cache-only)",
    "challenge": "anti-bot challenges",
    "github_limit": "the GitHub rate limit",
}


def unchecked(publications: Iterable[Publication], claims: Iterable[Claim]) -> Counter[str]:
    """Checked items that ended "could not check", by reason code."""
    checks = [p.check for p in publications] + [c.check for c in claims]
    return Counter(c.reason or "other" for c in checks if c.status == "error")


def unchecked_line(counts: Mapping[str, int]) -> str | None:
    total = sum(counts.values())
    if not total:
        return None
    said: Counter[str] = Counter()
    for code, n in counts.items():
        said[WHY.get(code, "other errors")] += n
    why = "; ".join(f"{text}: {n}" for text, n in said.most_common())
    return f"resume-audit: {total} claim(s) could not be checked ({why})"


def retries_line(retries: Mapping[str, int]) -> str | None:
    total = sum(retries.values())
    if not total:
        return None
    per = ", ".join(f"{SOURCE_NAMES.get(s, s)} {n}" for s, n in sorted(retries.items(), key=lambda kv: -kv[1]))
    return f"resume-audit: {total} retr{'y' if total == 1 else 'ies'} after rate limits, server errors or timeouts ({per})"
