"""Cross-candidate comparison (auditor.shared_bullets): what is a shared bullet, what is not, and
that the fast candidate search finds exactly what comparing every pair would."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz

from auditor.ingest import ingest_text
from auditor.report import build_report
from auditor.shared_bullets import SharedParams, find_shared, is_keyword_list, normalise, similar_pairs
from tests.conftest import AS_OF

P = SharedParams()
COPIED = "- 设计多轮对话状态追踪模块，结合检索增强生成将问答准确率从 71% 提升至 88%"


def resume(name: str, *bullets: str, contact: str = "", section: str = "项目经历") -> str:
    head = [name] + ([contact] if contact else [])
    return "\n".join([*head, section, "智能客服系统 2023.03 - 2023.09", *bullets]) + "\n"


@pytest.fixture
def shared(catalog, as_of):
    def run(*texts: str) -> list[list]:
        reports = [build_report(ingest_text(t, f"r{i}.txt"), as_of, catalog=catalog, as_of_text=AS_OF) for i, t in enumerate(texts)]
        return find_shared(reports, [f"r{i}.txt" for i in range(len(texts))], P)

    return run


def test_a_copied_bullet_is_reported_on_both_sides_with_the_other_file_and_line(shared) -> None:
    a, b = shared(resume("王磊", "- 负责模型部署", COPIED), resume("李娜", COPIED.replace("- ", "1. ")))
    assert [(s.line, s.other, s.other_line, s.score) for s in a] == [(5, "r1.txt", 4, 100)]
    assert [(s.line, s.other, s.other_line) for s in b] == [(4, "r0.txt", 5)]


def test_a_near_copy_scores_below_100(shared) -> None:
    a, _ = shared(resume("王磊", COPIED), resume("李娜", COPIED.replace("提升至", "提高到")))
    assert len(a) == 1 and 92 <= a[0].score < 100


def test_a_different_bullet_on_the_same_topic_is_not_shared(shared) -> None:
    other = "- 设计多轮对话管理模块，引入检索增强生成，使客服问答的准确率提升了 17 个百分点"
    assert shared(resume("王磊", COPIED), resume("李娜", other)) == [[], []]


@pytest.mark.parametrize(
    ("contact_a", "name_b", "contact_b"),
    [
        ("邮箱: wl@example.org", "Wang Lei", "Email: WL@example.org"),  # same e-mail, other spelling of the name
        ("电话: 139-1234-5678", "Lei Wang", "Tel: +86 13912345678"),  # same phone
        ("", "王磊", ""),  # same name
    ],
)
def test_two_files_of_one_person_are_not_two_candidates(shared, contact_a: str, name_b: str, contact_b: str) -> None:
    assert shared(resume("王磊", COPIED, contact=contact_a), resume(name_b, COPIED, contact=contact_b)) == [[], []]


def test_publication_lines_are_not_compared(shared) -> None:
    line = "- Scaling Sparse Retrievers for Long Documents, NeurIPS 2025, D. Kim, O. Said"
    assert shared(resume("Dana Kim", line, section="Publications"), resume("Omar Said", line, section="Publications")) == [[], []]


def test_a_line_most_of_the_batch_carries_is_boilerplate(shared) -> None:
    names = ["王磊", "李娜", "张伟", "刘洋"]
    assert shared(*[resume(n, COPIED) for n in names[:3]]) == [[], [], []]  # 3 of 3
    found = shared(*[resume(n, COPIED) for n in names[:2]], resume("张伟", "- 负责模型部署"))
    assert [len(x) for x in found] == [1, 1, 0]  # 2 of 3, but fewer than min_common (3) people


def test_a_line_shared_by_several_names_the_best_match_and_counts_the_rest(catalog, as_of) -> None:
    texts = [resume(n, COPIED) for n in ("王磊", "李娜", "张伟")] + [resume(f"候选人{i}", "- 负责模型部署") for i in range(4)]
    reports = [build_report(ingest_text(t), as_of, catalog=catalog) for t in texts]
    out = find_shared(reports, [f"r{i}.txt" for i in range(len(texts))], P)
    assert out[0][0].other == "r1.txt" and out[0][0].also == ("r2.txt",)


@pytest.mark.parametrize(
    ("line", "keywords"),
    [
        ("- 技术栈：PyTorch、DeepSpeed、vLLM、LangChain、FastAPI", True),
        ("Tools: Python, PyTorch, Hugging Face Transformers, Ray", True),
        ("- 使用 PyTorch 与 DeepSpeed 训练 7B 模型，借助 vLLM 部署，吞吐提升 3 倍", False),
    ],
)
def test_keyword_lists_are_told_from_sentences(line: str, keywords: bool) -> None:
    assert is_keyword_list(line) is keywords


def test_normalise_ignores_markup_case_spaces_and_punctuation() -> None:
    assert normalise("**Built** a RAG pipeline, over 2M tickets.") == normalise("- built a rag pipeline over 2m tickets")


def _brute(texts: list[str], cutoff: float) -> set[tuple[int, int]]:
    return {(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts)) if fuzz.ratio(texts[i], texts[j], score_cutoff=cutoff)}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_segment_index_finds_what_comparing_every_pair_finds(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "的模型数据训练检索增强生成部署优化准确率提升abcdefghijklmnopqrstuvwxyz0123456789"
    base = ["".join(rng.choice(alphabet) for _ in range(rng.randint(14, 90))) for _ in range(120)]
    texts = list(base)
    for t in rng.sample(base, 60):  # copies with up to ~10% edits: around the threshold both ways
        s = list(t)
        for _ in range(rng.randint(1, max(1, len(s) // 10))):
            i = rng.randrange(len(s))
            op = rng.choice("dis")
            if op == "d" and len(s) > 10:
                del s[i]
            elif op == "i":
                s.insert(i, rng.choice(alphabet))
            else:
                s[i] = rng.choice(alphabet)
        texts.append("".join(s))
    texts = sorted(set(texts))
    want = _brute(texts, 92)
    assert len(want) > 20  # the test has pairs on both sides of the threshold to get right
    assert {(i, j) for i, j, _ in similar_pairs(texts, 92)} == want
    # split over three workers, the parts put together are the same pairs
    assert sorted(x for part in range(3) for x in similar_pairs(texts, 92, part, 3)) == similar_pairs(texts, 92)


def test_marking_a_candidate_as_compared_equals_auditing_again_with_nothing_shared(catalog, as_of) -> None:
    from auditor.batch import compared_without_shares

    doc = ingest_text(resume("王磊", COPIED))
    first = build_report(doc, as_of, catalog=catalog, as_of_text=AS_OF)
    assert any(c.rule_id == "CON006" and c.status == "not_applicable" for c in first.checks)
    again = build_report(doc, as_of, catalog=catalog, as_of_text=AS_OF, shared_lines=())
    assert compared_without_shares(first, "CON006") == again


@pytest.mark.parametrize("lang", [None, "en"])
def test_adding_the_shared_lines_equals_auditing_again_with_them(catalog, as_of, lang) -> None:
    """The batch adds CON006 to a finished report instead of auditing the file a second time;
    the result must be the report a second audit would give."""
    from auditor.batch import Settings, with_shared_lines
    from auditor.engine import AuditConfig

    docs = [ingest_text(resume("王磊", COPIED)), ingest_text(resume("李娜", COPIED))]
    first = [build_report(d, as_of, catalog=catalog, as_of_text=AS_OF, lang=lang) for d in docs]
    shared = find_shared(first, ["a.md", "b.md"], catalog.params["CON006"])
    assert shared[0], "the two resumes share the copied bullet"
    settings = Settings(as_of, AS_OF, AuditConfig(), (), lang)
    merged = with_shared_lines(first[0], shared[0], "CON006", catalog, settings)
    again = build_report(docs[0], as_of, catalog=catalog, as_of_text=AS_OF, lang=lang, shared_lines=tuple(shared[0]))
    assert merged == again


def test_many_lines_shared_with_one_other_resume_are_one_finding_quoting_them(catalog, as_of) -> None:
    """One problem (this resume and that one share their wording) is one finding, not one per line."""
    second = "- 搭建离线评估平台，覆盖意图识别、槽位填充与回复生成三类任务，评估周期由三天缩短到半天"
    third = "- 负责向量检索服务的召回优化，引入混合检索与重排序模块，线上首条命中率提升 9 个百分点"
    docs = [ingest_text(resume("王磊", COPIED, second, third)), ingest_text(resume("李娜", COPIED, second, third))]
    reports = [build_report(d, as_of, catalog=catalog, as_of_text=AS_OF) for d in docs]
    shared = find_shared(reports, ["a.md", "b.md"], catalog.params["CON006"])
    assert len(shared[0]) == 3
    again = build_report(docs[0], as_of, catalog=catalog, as_of_text=AS_OF, shared_lines=tuple(shared[0]))
    found = [f for f in again.findings if f.rule_id == "CON006"]
    assert len(found) == 1
    assert [e.line for e in found[0].evidence] == [4, 5, 6] and "3" in found[0].message
