"""Grouping near-identical bullets (`auditor.near_text`) and the duplicate-bullet rule built on
it (CON002): one finding per repeated bullet, exact on any real resume, linear and honest about
it on a very long CV."""

from __future__ import annotations

import random

from rapidfuzz import fuzz

from auditor.catalog.examples import as_point
from auditor.engine import audit_text
from auditor.near_text import DisjointSets, near_groups
from tests.conftest import AS_OF

WORDS = "model data index cache service ranking recall latency pipeline feature rollout tokens batch shard query vector".split()


def _brute_force(texts: list[str], t: float) -> list[int]:
    sets = DisjointSets(len(texts))
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if fuzz.ratio(texts[i], texts[j]) >= t:
                sets.union(i, j)
    return [sets.find(i) for i in range(len(texts))]


def _bullets(rng: random.Random, n: int) -> list[str]:
    """Made-up bullets, a fifth of them near-copies of an earlier one (a word or a figure changed)."""
    out: list[str] = []
    for _ in range(n):
        if out and rng.random() < 0.2:
            words = rng.choice(out).split()
            k = rng.randrange(len(words))
            words[k] = str(rng.randint(10, 99)) if rng.random() < 0.5 else rng.choice(WORDS)
            out.append(" ".join(words))
        else:
            out.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))) + f" by {rng.randint(2, 60)}%")
    return out


def test_within_the_budget_the_groups_are_those_of_comparing_every_pair() -> None:
    rng = random.Random(7)
    for _ in range(5):
        texts = _bullets(rng, 120)
        groups = near_groups(texts, 90)
        assert groups.exhaustive
        assert groups.root == _brute_force(texts, 90)


def test_past_the_budget_every_group_is_joined_by_real_near_copies_and_the_planted_copies_are_found() -> None:
    rng = random.Random(11)
    texts = _bullets(rng, 400)
    exact = _brute_force(texts, 90)
    groups = near_groups(texts, 90, budget=0)
    assert not groups.exhaustive
    # never a false group: what the neighbourhoods join, comparing every pair joins too
    for i, root in enumerate(groups.root):
        assert exact[i] == exact[root]
    # and most near-copies (a word or figure changed) are still found
    grouped_exact = {i for i, r in enumerate(exact) if exact.count(r) > 1}
    grouped = {i for i, r in enumerate(groups.root) if groups.root.count(r) > 1}
    assert len(grouped) >= 0.9 * len(grouped_exact)


def test_copies_changed_in_a_figure_or_at_one_end_sort_next_to_their_original() -> None:
    base = [f"{w} pipeline for the {v} service, cutting p99 latency from 800 ms to 120 ms" for w in WORDS for v in WORDS[:4]]
    copies = [
        "index pipeline for the model service, cutting p99 latency from 810 ms to 125 ms",  # figures
        "Xindex pipeline for the model service, cutting p99 latency from 800 ms to 120 ms",  # first character
        "index pipeline for the model service, cutting p99 latency from 800 ms to 120 msec",  # last word
    ]
    texts = base + copies
    groups = near_groups(texts, 90, budget=0)
    original = base.index("index pipeline for the model service, cutting p99 latency from 800 ms to 120 ms")
    assert all(groups.root[len(base) + k] == groups.root[original] for k in range(len(copies)))


def _resume(jobs: list[tuple[str, list[str]]]) -> str:
    lines = ["Work Experience"]
    for k, (org, bullets) in enumerate(jobs):
        year, month = 1980 + k // 6, k % 6 * 2 + 1
        lines.append(f"{org} - ML Engineer {year}-{month:02d} ~ {year}-{month + 1:02d}")
        lines += [f"- {b}" for b in bullets]
    return "\n".join(lines) + "\n"


COPIED = "Built the retrieval pipeline that serves 3 million daily users with hybrid search"


def test_a_bullet_under_three_organisations_is_one_finding_quoting_each_and_naming_all() -> None:
    text = _resume([
        ("Contoso", [COPIED, "Trained ranking models for the feed"]),
        ("Fabrikam", [COPIED.replace("3 million", "4 million")]),
        ("Globex", ["Owned the labelling tool end to end for speech", COPIED]),
    ])
    found = audit_text(text, as_of=as_point(AS_OF), only=["CON002"], strict=True)
    assert len(found) == 1
    f = found[0]
    assert [e.line for e in f.evidence] == [3, 6, 9]
    assert "3 entries" in f.message and "Contoso, Fabrikam and Globex" in f.message
    assert "Contoso, Fabrikam and Globex" in f.questions[0]


def test_the_same_bullet_under_two_roles_at_one_organisation_is_not_a_finding() -> None:
    text = _resume([("Contoso", [COPIED]), ("Contoso", [COPIED]), ("Globex", ["Owned the labelling tool end to end for speech"])])
    assert audit_text(text, as_of=as_point(AS_OF), only=["CON002"], strict=True) == []


def test_a_very_long_cv_is_compared_by_neighbourhoods_and_the_report_says_so() -> None:
    from auditor.catalog import load_catalog
    from auditor.ingest import ingest_text
    from auditor.render import render
    from auditor.report import build_report

    rng = random.Random(3)
    jobs = [(f"Org{k}", [" ".join(rng.choice(WORDS) for _ in range(12)) + f" for {k} teams" for _ in range(6)]) for k in range(250)]
    jobs[40][1].append(COPIED)
    jobs[120][1].append(COPIED.replace("3 million", "5 million"))
    doc = ingest_text(_resume(jobs))
    report = build_report(doc, as_point(AS_OF), catalog=load_catalog(), as_of_text=AS_OF)
    check = next(c for c in report.checks if c.rule_id == "CON002")
    assert check.partial and "not all pairs" in check.partial
    copied = [f for f in report.findings if f.rule_id == "CON002" and "Org40" in f.message and "Org120" in f.message]
    assert len(copied) == 1
    assert "Checked in part" in render(report, "html")
