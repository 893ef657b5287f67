"""A made-up resume corpus for the benchmark: Chinese and English, any number of pages, with or
without publications, the same text for the same arguments (seeded, no clock).

Every name, company and number here is invented. The text uses the shapes real resumes use
(headings, dated entries, bullets with before→after figures, ranks, venues with years, tool
names) so that every parser and check has work to do. A page is 50 printed lines of 95 columns
(a CJK character takes two), so a long bullet that wraps counts twice: every page, of a 1-page
resume or of a 100-page CV, holds about the same amount of text, and the growth measurement
compares like with like.

A long resume grows the way real long CVs do: more projects, publications and awards, not
hundreds of overlapping full-time jobs (which would measure the number of findings, not speed).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from pathlib import Path

LINES_PER_PAGE = 50
COLUMNS = 95

_ZH_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_ZH_GIVEN = ["子涵", "浩然", "雨桐", "思远", "明轩", "欣怡", "一鸣", "梓萱", "俊杰", "诗琪", "宇航", "佳怡"]
_ZH_ORGS = ["星河智能", "云帆数据", "海棠网络", "青松科技", "北辰计算", "远山信息", "南风软件", "晨曦智造", "蓝鲸云", "赤霄实验室"]
_ZH_ROLES = ["算法工程师", "高级算法工程师", "大模型算法专家", "机器学习工程师", "NLP 算法工程师", "推荐算法工程师"]
_ZH_SCHOOLS = ["北京理工大学", "华东师范大学", "西安电子科技大学", "南京航空航天大学", "电子科技大学", "山东大学"]
_ZH_MAJORS = ["计算机科学与技术", "软件工程", "人工智能", "电子信息", "自动化"]
_ZH_TASKS = ["检索增强问答", "意图识别", "文档解析", "代码补全", "多轮对话", "推荐召回", "语音识别", "图文检索", "知识图谱", "智能客服"]
_ZH_VERBS = ["负责", "主导", "参与", "设计并实现", "优化", "搭建"]
_ZH_METRICS = ["召回率", "准确率", "命中率", "F1", "满意度", "解决率"]
_ZH_TOOLS = ["PyTorch", "vLLM", "DeepSpeed", "LoRA", "FAISS", "Milvus", "Qwen2.5-7B", "Llama 3", "BERT", "TensorRT-LLM"]

_EN_FIRST = ["Alex", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery", "Quinn", "Harper"]
_EN_LAST = ["Rivera", "Chen", "Okafor", "Novak", "Larsen", "Duarte", "Kowalski", "Haddad", "Moreau", "Tanaka"]
_EN_ORGS = ["Northwind AI", "Contoso Labs", "Fabrikam", "Globex", "Initech", "Umbrella Analytics", "Hooli", "Vandelay Data"]
_EN_ROLES = ["Machine Learning Engineer", "Research Scientist", "Senior Software Engineer", "Applied Scientist", "Data Scientist"]
_EN_SCHOOLS = ["University of Washington", "Carnegie Mellon University", "University of Toronto", "Imperial College London", "ETH Zurich"]
_EN_MAJORS = ["Computer Science", "Electrical Engineering", "Statistics", "Applied Mathematics"]
_EN_TASKS = ["retrieval", "ranking", "speech recognition", "code completion", "document parsing", "dialogue", "fraud detection"]
_EN_VERBS = ["Led", "Built", "Designed", "Shipped", "Optimised", "Scaled", "Owned"]
_EN_METRICS = ["recall", "accuracy", "precision", "F1", "hit rate"]
_EN_TOOLS = ["PyTorch", "JAX", "vLLM", "DeepSpeed", "LoRA", "FAISS", "Ray", "Kubernetes", "Llama 3", "BERT"]

_VENUES = ["NeurIPS", "ICML", "ICLR", "ACL", "EMNLP", "NAACL", "CVPR", "ICCV", "KDD", "SIGIR", "AAAI", "IJCAI", "TPAMI", "TACL"]
_TITLE_WORDS = [
    "Sparse", "Retrieval", "Long-Context", "Efficient", "Alignment", "Adaptive", "Contrastive", "Tokenisation", "Scaling",
    "Robust", "Multilingual", "Distillation", "Reasoning", "Agents", "Calibration", "Graph", "Memory", "Pruning",
]


@dataclass(frozen=True)
class Spec:
    """One resume of the corpus: language, length in pages, publications or not, and a variant number."""

    lang: str  # "zh" | "en"
    pages: int
    pubs: bool
    variant: int = 0

    @property
    def name(self) -> str:
        return f"{self.lang}_{self.pages}p_{'pubs' if self.pubs else 'nopubs'}_{self.variant:04d}"

    @property
    def suffix(self) -> str:
        return ".md" if self.variant % 2 == 0 else ".txt"


def resume_text(spec: Spec) -> str:
    """The resume for `spec` (always the same text for the same spec)."""
    rng = random.Random(spec.name)
    build = _zh if spec.lang == "zh" else _en
    return "\n".join(build(rng, spec)) + "\n"


def write_corpus(folder: Path, specs: list[Spec]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for spec in specs:
        p = folder / f"{spec.name}{spec.suffix}"
        p.write_text(resume_text(spec), encoding="utf-8")
        paths.append(p)
    return paths


def _budget(spec: Spec) -> int:
    return spec.pages * LINES_PER_PAGE


def _height(lines: list[str]) -> int:
    """Printed lines: a line wider than the page wraps."""
    return sum(max(1, -(-sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line) // COLUMNS)) for line in lines)


_ZH_OBJECTS = [
    "召回模块", "排序模型", "数据清洗流水线", "评测体系", "推理服务", "标注平台", "提示词模板库", "向量索引", "在线 A/B 实验",
    "蒸馏方案", "长文本切分策略", "多租户网关", "特征平台", "监控告警", "离线训练框架", "灰度发布流程", "缓存层", "负样本挖掘",
]
_ZH_HOW = [
    "引入难例挖掘与课程学习", "改写为异步批处理", "采用混合检索与重排", "用知识蒸馏压缩模型", "重写数据去重逻辑",
    "加入规则兜底与置信度校准", "改用流式解码", "设计分层缓存", "统一特征口径", "拆分为微服务并做弹性扩缩容",
]
_EN_OBJECTS = [
    "candidate generator", "re-ranking model", "data-cleaning pipeline", "evaluation harness", "inference service",
    "labelling tool", "prompt library", "vector index", "online A/B framework", "distillation recipe", "chunking strategy",
    "feature store", "alerting stack", "training loop", "canary rollout", "cache layer", "hard-negative miner",
]
_EN_HOW = [
    "with curriculum learning on hard examples", "by batching requests asynchronously", "using hybrid retrieval and re-ranking",
    "through knowledge distillation", "by rewriting the deduplication logic", "with calibrated fallbacks",
    "with streaming decoding", "behind a two-level cache", "by unifying feature definitions", "as autoscaled microservices",
]


def _zh_bullet(rng: random.Random, task: str) -> str:
    verb, metric, tool = rng.choice(_ZH_VERBS), rng.choice(_ZH_METRICS), rng.choice(_ZH_TOOLS)
    obj, how = rng.choice(_ZH_OBJECTS), rng.choice(_ZH_HOW)
    a = rng.randint(40, 80)
    b = min(99, a + rng.randint(3, 15))
    shapes = [
        f"- {verb}{task}{obj}，{how}，基于 {tool} 将{metric}从 {a}% 提升至 {b}%",
        f"- {verb}{task}{obj}上线，{how}，P99 延迟从 {rng.randint(300, 900)}ms 降至 {rng.randint(80, 280)}ms，QPS 达到 {rng.randint(2, 30)}k",
        f"- 为{task}构建{obj}，沉淀训练数据 {rng.randint(5, 50)}万条，覆盖 {rng.randint(10, 80)} 类场景",
        f"- 使用 {tool} 与 {rng.choice(_ZH_TOOLS)} {how}，完成{task}{obj}的改造，{metric} {a}%",
        f"- 带领 {rng.randint(3, 12)} 人团队重构{task}{obj}，{how}，年节省成本 {rng.randint(50, 900)}万元",
        f"- {verb}{obj}，服务{task}业务日活用户 {rng.randint(5, 300)}万+",
    ]
    return rng.choice(shapes)


def _en_bullet(rng: random.Random, task: str) -> str:
    verb, metric, tool = rng.choice(_EN_VERBS), rng.choice(_EN_METRICS), rng.choice(_EN_TOOLS)
    obj, how = rng.choice(_EN_OBJECTS), rng.choice(_EN_HOW)
    a = rng.randint(40, 80)
    b = min(99, a + rng.randint(3, 15))
    shapes = [
        f"- {verb} the {task} {obj} {how} on {tool}; {metric} from {a}% → {b}%",
        f"- {verb} the {task} {obj} {how}: p99 latency {rng.randint(300, 900)}ms → {rng.randint(80, 280)}ms at {rng.randint(2, 30)}k QPS",
        f"- {verb} a {task} {obj} fed by {rng.randint(50, 900)}k examples and used by {rng.randint(3, 40)} teams",
        f"- {verb} {task} {obj} {how}, on {tool} and {rng.choice(_EN_TOOLS)}, for {rng.randint(1, 9)} million users",
        f"- Mentored {rng.randint(2, 8)} engineers on the {obj}; cut {task} cost by {rng.randint(10, 60)}% {how}",
    ]
    return rng.choice(shapes)


def _zh(rng: random.Random, spec: Spec) -> list[str]:
    name = rng.choice(_ZH_SURNAMES) + rng.choice(_ZH_GIVEN)
    out = [
        f"# {name}",
        "",
        f"手机: 139-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)} | 邮箱: cand{rng.randint(100, 999)}@mail.example.cn | GitHub: github.com/demo-{rng.randint(100, 999)}",
        f"工作年限: {rng.randint(3, 8)}年 | 求职方向: 大模型算法工程师",
        "",
        "## 个人简介",
        f"{rng.randint(3, 8)}年机器学习与大模型落地经验，熟悉 {rng.choice(_ZH_TOOLS)}、{rng.choice(_ZH_TOOLS)} 与检索增强生成。",
        "",
        "## 教育背景",
        "",
    ]
    out += [
        f"{rng.choice(_ZH_SCHOOLS)} | {rng.choice(_ZH_MAJORS)} | 硕士 | 2015.09 - 2018.06",
        f"{rng.choice(_ZH_SCHOOLS)} | {rng.choice(_ZH_MAJORS)} | 本科 | 2011.09 - 2015.06",
        "",
        "## 工作经历",
        "",
    ]
    year = 2026
    for i in range(min(2 + spec.pages // 3, 6)):  # sequential jobs, newest first, never overlapping
        start = year - rng.randint(1, 2)
        end_text = "至今" if i == 0 else f"{year}.{rng.randint(1, 6):02d}"
        out.append(f"{rng.choice(_ZH_ORGS)}科技有限公司 | {rng.choice(_ZH_ROLES)} | {start}.{rng.randint(7, 12):02d} - {end_text}")
        task = rng.choice(_ZH_TASKS)
        out += [_zh_bullet(rng, task) for _ in range(rng.randint(3, 5))]
        out.append("")
        year = start - 1 if start > 2019 else start
    out += ["## 项目经历", ""]
    pubs: list[str] = []
    awards: list[str] = []
    budget = _budget(spec) - _height(out) - 12
    if spec.pubs:
        pubs = _pub_lines(rng, spec, "zh")
        budget -= _height(pubs) + 3
    awards = _zh_awards(rng, max(2, spec.pages * 2))
    budget -= _height(awards) + 3
    k = 0
    while budget > 0:
        task = rng.choice(_ZH_TASKS)
        y = 2019 + k % 7
        out.append(f"{task}平台（{rng.choice(_ZH_ORGS)}） | 项目负责人 | {y}.{rng.randint(1, 6):02d} - {y}.{rng.randint(7, 12):02d}")
        bullets = [_zh_bullet(rng, task) for _ in range(rng.randint(3, 6))]
        out += bullets + [""]
        budget -= _height(bullets) + 2
        k += 1
    if pubs:
        out += ["## 论文发表", ""] + pubs + [""]
    out += ["## 荣誉奖项", ""] + awards + [""]
    out += ["## 专业技能", "", f"- 框架: {'、'.join(rng.sample(_ZH_TOOLS, 4))}", "- 语言: Python、C++、Go", ""]
    return out


def _en(rng: random.Random, spec: Spec) -> list[str]:
    name = f"{rng.choice(_EN_FIRST)} {rng.choice(_EN_LAST)}"
    out = [
        f"# {name}",
        "",
        f"cand{rng.randint(100, 999)}@mail.example.org | +1 206-{rng.randint(200, 999)}-{rng.randint(1000, 9999)} | github.com/demo-{rng.randint(100, 999)}",
        "",
        "## Summary",
        f"{rng.randint(3, 9)} years of experience in machine learning, search and LLM serving with {rng.choice(_EN_TOOLS)}.",
        "",
        "## Experience",
        "",
    ]
    year = 2026
    months = ["Jan", "Mar", "May", "Jul", "Sep", "Nov"]
    for i in range(min(2 + spec.pages // 3, 6)):
        start = year - rng.randint(1, 2)
        end_text = "Present" if i == 0 else f"{rng.choice(months[:3])} {year}"
        out.append(f"**{rng.choice(_EN_ORGS)}, {rng.choice(_EN_ROLES)}**  {rng.choice(months[3:])} {start} – {end_text}")
        task = rng.choice(_EN_TASKS)
        out += [_en_bullet(rng, task) for _ in range(rng.randint(3, 5))]
        out.append("")
        year = start - 1 if start > 2019 else start
    out += [
        "## Education",
        "",
        f"{rng.choice(_EN_SCHOOLS)}, M.S. {rng.choice(_EN_MAJORS)}  Sep 2014 – Jun 2016",
        f"{rng.choice(_EN_SCHOOLS)}, B.S. {rng.choice(_EN_MAJORS)}  Sep 2010 – Jun 2014",
        "",
        "## Projects",
        "",
    ]
    pubs = _pub_lines(rng, spec, "en") if spec.pubs else []
    awards = _en_awards(rng, max(2, spec.pages * 2))
    budget = _budget(spec) - _height(out) - 12 - (_height(pubs) + 3 if pubs else 0) - _height(awards) - 3
    k = 0
    while budget > 0:
        task = rng.choice(_EN_TASKS)
        y = 2019 + k % 7
        out.append(f"**{task.title()} toolkit ({rng.choice(_EN_ORGS)})**  {rng.choice(months[:3])} {y} – {rng.choice(months[3:])} {y}")
        bullets = [_en_bullet(rng, task) for _ in range(rng.randint(3, 6))]
        out += bullets + [""]
        budget -= _height(bullets) + 2
        k += 1
    if pubs:
        out += ["## Publications", ""] + pubs + [""]
    out += ["## Awards", ""] + awards + [""]
    out += ["## Skills", "", f"- Frameworks: {', '.join(rng.sample(_EN_TOOLS, 4))}", "- Languages: Python, C++, Go", ""]
    return out


def _pub_lines(rng: random.Random, spec: Spec, lang: str) -> list[str]:
    lines = []
    for _ in range(max(3, spec.pages * 4)):
        title = " ".join(rng.sample(_TITLE_WORDS, rng.randint(3, 6)))
        venue, year = rng.choice(_VENUES), rng.randint(2019, 2025)
        authors = ["A. Rivera", "B. Chen", "C. Okafor", "D. Novak"]
        me = rng.randrange(len(authors))
        authors[me] = f"**{authors[me]}**"
        if lang == "zh":
            lines.append(f"- {title}. {venue} {year}. {', '.join(authors)}（第{'一二三四'[me]}作者）")
        else:
            lines.append(f"- \"{title}\", {venue} {year}; {', '.join(authors)}")
    return lines


def _zh_awards(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        total = rng.randint(800, 4000)
        rank = rng.randint(1, total // 20)
        out.append(f"- {rng.randint(2016, 2025)} 年 {rng.choice(_ZH_TASKS)}挑战赛 第{rng.randint(1, 3)}名（排名 {rank}/{total}）")
    return out


def _en_awards(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        total = rng.randint(800, 4000)
        rank = rng.randint(1, total // 20)
        out.append(f"- Kaggle {rng.choice(_EN_TASKS).title()} Challenge {rng.randint(2016, 2025)}, rank {rank}/{total}")
    return out
