"""Which claims the online checks look up, and with which link: a wrong pairing would compare
a claim with somebody else's repository, so ambiguity means "not looked up"."""

from __future__ import annotations

from auditor.ingest import ingest_text
from auditor.parse import parse
from auditor.verify.run import candidate_names, find_targets


def targets(text: str, catalog):
    doc = ingest_text(text)
    parsed = parse(doc, catalog.kb)
    return find_targets(doc, parsed.resume, parsed.claims)


def test_a_link_on_the_claim_line_is_used(catalog):
    t = targets("# Li Ming\n\n## Projects\n- llm-toolkit (https://github.com/liming-llm/llm-toolkit) - 3.5k stars\n", catalog)
    assert [(c.value, o, r) for c, o, r in t.stars] == [(3500.0, "liming-llm", "llm-toolkit")]


def test_a_profile_link_alone_is_not_a_repository(catalog):
    t = targets("# Li Ming\nhttps://github.com/liming-llm · https://huggingface.co/liming\n\n## Projects\n- 开源项目获得 500+ stars\n- 模型下载量 10万+ downloads\n", catalog)
    assert t.stars == [] and t.downloads == []


def test_two_candidate_repositories_are_ambiguous_and_not_looked_up(catalog):
    text = (
        "# Li Ming\n\n## Projects\n- https://github.com/a/one and https://github.com/a/two\n"
        "- Together the two toolkits earned 2k stars\n"
    )
    assert targets(text, catalog).stars == []


def test_papers_need_a_real_title(catalog):
    t = targets("# Li Ming\n\n## Publications\n- Knowledge Fusion of Large Language Models, ICLR 2024, first author\n- NeurIPS 2023 Workshop\n", catalog)
    assert [p.title for p in t.papers] == ["Knowledge Fusion of Large Language Models"]


def test_candidate_names_include_the_other_spelling():
    from auditor.models import Resume

    assert candidate_names(Resume(name="Hande Dong (董汉德)")) == ["Hande Dong (董汉德)", "Hande Dong", "董汉德"]
    assert candidate_names(Resume(name=None)) == []


def test_the_advisors_citation_count_is_not_checked_against_the_candidates_profile(catalog):
    """The only Scholar link is the candidate's; the count on the advisor's line is the advisor's."""
    text = (
        "# 李明\nGoogle Scholar: https://scholar.google.com/citations?user=Xq3vT0kAAAAJ\n\n## 教育经历\n"
        "示例大学 计算机 硕士 2021.09 - 2024.06\n导师：王教授 http://example.edu/~wang (引用量1.2万+)\n\n"
        "## 论文\n- 个人论文被引用 120 次\n"
    )
    t = targets(text, catalog)
    assert [(c.value, user) for c, user in t.citations] == [(120.0, "Xq3vT0kAAAAJ")]


def test_every_written_form_of_a_count_becomes_a_lookup(catalog):
    """The forms a reviewer saw give no lookup before: each is a claim now, paired with the link on its line."""
    text = (
        "# Li Ming\n\n## Projects\n"
        "- https://huggingface.co/acme/m1 1M downloads\n"
        "- https://huggingface.co/acme/m2 1M+ downloads\n"
        "- https://huggingface.co/acme/m3 1 million downloads\n"
        "- https://huggingface.co/acme/m4 10万+下载\n"
        "- https://huggingface.co/acme/m5 1M+ HF downloads\n"
        "- https://huggingface.co/acme/m6 over 1M model downloads\n"
        "- https://github.com/acme/kv 1.2k stars\n"
    )
    t = targets(text, catalog)
    assert [(m, c.value) for c, m in t.downloads] == [
        ("acme/m1", 1e6), ("acme/m2", 1e6), ("acme/m3", 1e6), ("acme/m4", 1e5), ("acme/m5", 1e6), ("acme/m6", 1e6),
    ]
    assert [(o, r, c.value) for c, o, r in t.stars] == [("acme", "kv", 1200.0)]
