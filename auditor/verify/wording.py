"""The words of the online checks (claimed, found, why) in the report's language.

ClaimCheck texts are written in the report language, like finding messages are, so a Chinese
report does not carry English sentences in its tables. Keys are the judge's fixed phrases.
A source's reason for not answering is said in Chinese when it is one of the common ones (its
`SourceError.code`); any other stays as written in English, the source's own words included.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditor.verify.records import SourceError

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "author": "{n} author", "equal": " (equal contribution)", "of": "{n} of {m}", "not_among": "not among the {m} authors",
        "n_authors": "{m} authors", "results_none": "{k} result(s), none with this title", "could_not": "could not check: {why}",
        "nobody_asked": "no source was asked", "no_record": "no record with this title in {names}",
        "position": "the resume says {n} author; {source} lists the candidate {m} of {total}",
        "no_name": "none of the {total} authors in {source} matches the candidate's name",
        "or_decided": "OpenReview shows it {status} ({venue})", "listed_published": "{source} lists it as published in {venue}",
        "or_refused": "OpenReview shows it {status} at {venue}", "only_preprint": "every source has only a preprint (arXiv/CoRR) of it",
        "listed_in": "{source} lists it in {venue}", "year": "the record's year is {found}, the resume says {claimed}",
        "stars": "{n} stars", "stars_on": "{n} stars on {repo}", "fork_of": " (a fork of {parent})", "created": ", created {date}",
        "no_repo": "no public repository at this address (private, renamed or wrong link)",
        "fork": "a fork: its stars are not the original project's",
        "downloads": "{n} downloads", "dl_all": "{n} downloads all time", "dl_30": "{n} in the last 30 days",
        "no_model": "no public model at this address (private, gated, renamed or wrong link)",
        "only_30": "only the 30-day count was available; it cannot refute an all-time figure",
        "citations": "{n} citations", "profile": "{n} citations, h-index {h} ({name})",
        "no_profile": "no public Google Scholar profile at this address",
        "published": "published", "accepted": "accepted", "under_review": "under review", "preprint": "preprint",
        "unknown": "status not stated", "rejected": "rejected", "withdrawn": "withdrawn", "sep": ", ", "join": "; ",
    },
    "zh": {
        "author": "第{n}作者", "equal": "（共同一作）", "of": "第{n}/{m}", "not_among": "不在 {m} 位作者中",
        "n_authors": "{m} 位作者", "results_none": "{k} 条结果，无同名论文", "could_not": "无法核实：{why}",
        "nobody_asked": "未查询任何来源", "no_record": "{names} 中没有这一题目的记录",
        "position": "简历写第{n}作者；{source} 中候选人排第{m}/{total}",
        "no_name": "{source} 的 {total} 位作者中没有与候选人姓名相符的",
        "or_decided": "OpenReview 显示{status}（{venue}）", "listed_published": "{source} 记录其已发表于 {venue}",
        "or_refused": "OpenReview 显示其在 {venue} {status}", "only_preprint": "所有来源都只有预印本（arXiv/CoRR）",
        "listed_in": "{source} 记录其发表于 {venue}", "year": "记录的年份为 {found}，简历写 {claimed}",
        "stars": "{n} 个 Star", "stars_on": "{repo} 有 {n} 个 Star", "fork_of": "（fork 自 {parent}）", "created": "，创建于 {date}",
        "no_repo": "该地址没有公开仓库（私有、改名或链接有误）",
        "fork": "这是一个 fork，其 Star 不属于原项目",
        "downloads": "{n} 次下载", "dl_all": "累计下载 {n} 次", "dl_30": "近 30 天 {n} 次",
        "no_model": "该地址没有公开模型（私有、需申请、改名或链接有误）",
        "only_30": "只拿到近 30 天的下载量，无法否定累计数字",
        "citations": "{n} 次引用", "profile": "{n} 次引用，h 指数 {h}（{name}）",
        "no_profile": "该地址没有公开的 Google Scholar 主页",
        "published": "已发表", "accepted": "已录用", "under_review": "审稿中", "preprint": "预印本",
        "unknown": "未注明状态", "rejected": "被拒", "withdrawn": "已撤稿", "sep": "，", "join": "；",
    },
}


# By SourceError.code. English reports keep `SourceError.reason` as it is.
REASONS_ZH: dict[str, str] = {
    "not_cached": "缓存中没有这条记录（--cache-only）",
    "retries": "重试 {attempts} 次后仍返回 HTTP {status}（限流或服务器错误）",
    "wait": "HTTP {status}：对方要求等待 {wait} 秒，请稍后再试",
    "no_connection": "连接失败（{error}）",
    "timeout": "未在时限内响应（{error}）",
    "no_network": "没有网络（连接被拒绝或域名无法解析）",
    "breaker": "连续 {n} 次超时或连接失败，暂不再查询该来源",
    "budget": "每份简历 {seconds} 秒的在线核实时间已用完",
    "github_limit": "GitHub 调用额度已用完（设置 GITHUB_TOKEN 可达每小时 5000 次）",
    "challenge": "遇到反爬验证或需要登录（HTTP {status}；设置 OPENREVIEW_USERNAME/OPENREVIEW_PASSWORD 后再查）",
    "http_429": "被限流（HTTP 429）",
    "http_5xx": "服务器错误（HTTP {status}）",
    "http_refused": "拒绝访问（HTTP {status}）",
    "http_other": "意外的响应（HTTP {status}）",
    "bad_response": "返回内容的格式无法识别",
    "redirects": "重定向超过 {n} 次",
    "scholar_timeout": "{seconds} 秒内无响应（Google Scholar 常拦截自动查询）",
}


def reason(lang: str, error: SourceError) -> str:
    """Why a source could not answer, in the report's language where that reason is known."""
    if lang == "zh" and error.code in REASONS_ZH:
        return REASONS_ZH[error.code].format(**error.values)
    return error.reason


def say(lang: str, key: str, **values: object) -> str:
    return PHRASES["zh" if lang == "zh" else "en"][key].format(**values)


def ordinal(lang: str, n: int) -> str:
    if lang == "zh":
        return str(n)
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def number(n: float | int) -> str:
    return f"{int(n):,}"
