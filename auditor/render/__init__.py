"""Render a Report as JSON, self-contained HTML, Markdown or an interviewer question sheet.

One Jinja2 Environment, autoescape=True for HTML (select_autoescape() would NOT escape
*.html.j2, ecosystem.md note M), StrictUndefined so a typo in a template fails loudly.
Links pass `http_url`, which drops every scheme but http(s).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from auditor.models import Report
from auditor.resources import reports_dir

if TYPE_CHECKING:
    from auditor.batch import BatchEntry

_SAFE_URL = re.compile(r"^https?://[^\s\"'<>\\]+$", re.I)


def http_url(value: str | None) -> str:
    """The URL if it is http(s), else '' (javascript:, data:, file: … never become links)."""
    if not value:
        return ""
    url = value.strip()
    if url.lower().startswith("www.") or re.match(r"^(github\.com|huggingface\.co|scholar\.google)", url, re.I):
        url = "https://" + url
    return url if _SAFE_URL.match(url) else ""


def md_escape(value: object) -> str:
    """Markdown-inert text: markup characters backslashed, HTML brackets as entities."""
    text = "" if value is None else str(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", text)


QUOTE_LIMIT = 220


def quote_for_display(text: str) -> str:
    """A resume line as a reader sees it: Markdown, HTML tags and LaTeX line breaks stripped,
    a very long paragraph cut (the line number still points at the whole line in the file)."""
    from auditor.parse.text import shorten, strip_markup

    return shorten(strip_markup(text.replace("\\\\", " ")) or text.strip(), QUOTE_LIMIT)


@functools.lru_cache(maxsize=2)
def _env(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(reports_dir())),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["http_url"] = http_url
    env.filters["md"] = md_escape
    env.filters["quote"] = quote_for_display
    from auditor.render.view import short_reasons

    env.globals["short_reasons"] = short_reasons
    env.globals["css"] = Markup((reports_dir() / "style.css").read_text(encoding="utf-8"))  # our own file only
    return env


def _lang(report: Report, lang: str | None) -> str:
    return lang or report.source.language


def render(report: Report, fmt: str, lang: str | None = None) -> str:
    from auditor.render.view import view

    if fmt == "json":
        # pydantic's own serialiser: the same bytes as json.dumps(model_dump(), ensure_ascii=False,
        # indent=2), in a tenth of the time (a third of a 2-page audit went to json.dumps)
        return report.model_dump_json(indent=2) + "\n"
    from auditor.brief import build_brief

    ctx: dict[str, Any] = view(report, _lang(report, lang))
    ctx["rule_titles"] = _rule_titles(ctx["lang"])
    ctx["brief"] = build_brief(report, ctx["lang"])
    ctx["findings_by_id"] = {f.id: f for f in report.findings}
    if fmt in ("html", "brief"):
        return _env(True).get_template("report.html.j2" if fmt == "html" else "brief.html.j2").render(**ctx)
    if fmt in ("md", "questions", "clarify"):
        return _env(False).get_template({"md": "report.md.j2", "questions": "questions.md.j2", "clarify": "clarify.md.j2"}[fmt]).render(**ctx)
    raise ValueError(f"unknown format {fmt}")


def _rule_titles(lang: str) -> dict[str, str]:
    """Rule titles in the report's language (the bundled catalogue; a user's extra rule shows its id)."""
    from auditor.catalog import load_catalog

    return {r.id: r.title.get(lang) for r in load_catalog().rules}


def render_index(
    entries: list["BatchEntry"],
    as_of: str,
    lang: str | None = None,
    *,
    interrupted: bool = False,
    not_audited: Sequence[Path] = (),
    ext: str = ".html",
    skipped: Sequence[Path] = (),
) -> str:
    """The batch page: candidates ranked by risk, who shares text with whom, files that failed,
    and, after Ctrl-C, the files that were not audited. Reports are linked as `<name><ext>`."""
    from auditor.catalog import load_catalog
    from auditor.render.view import counts, labels, top_finding

    langs = [e.report.source.language for e in entries if e.report is not None]
    use = lang or (max(sorted(set(langs)), key=langs.count) if langs else "en")  # a tie goes to en, every run
    rows = sorted(
        (e for e in entries if e.report is not None),
        key=lambda e: -e.report.risk.score,  # type: ignore[union-attr]
    )
    return _env(True).get_template("index.html.j2").render(
        rows=[{"e": e, "counts": counts(e.report.findings), "top": top_finding(e.report), "shares": _shares(e, entries)} for e in rows],  # type: ignore[union-attr]
        pairs=_shared_pairs(entries),
        ext=ext,
        failed=[e for e in entries if e.report is None],
        titles={r.id: r.title.get(use) for r in load_catalog().rules},  # one language for the whole index
        as_of=as_of,
        interrupted=interrupted,
        not_audited=list(not_audited),
        skipped=list(skipped),
        L=labels()[use],
        lang=use,
    )


@dataclass(frozen=True)
class _Peer:
    """Another candidate as the index shows it: name, file, link to its report."""

    label: str
    candidate: str | None
    link: str | None  # the other report's name (the template adds the extension)
    lines: int


def _peer(label: str, lines: int, by_label: dict[str, "BatchEntry"]) -> _Peer:
    other = by_label.get(label)
    name = other.report.resume.name if other is not None and other.report is not None else None
    link = other.name if other is not None and other.name else None
    return _Peer(label, name, link, lines)


def _shares(entry: "BatchEntry", entries: list["BatchEntry"]) -> list[_Peer]:
    by_label = {e.label: e for e in entries if e.label}
    return [_peer(lbl, n, by_label) for lbl, n in sorted(entry.shares.items(), key=lambda kv: (-kv[1], kv[0]))]


def _shared_pairs(entries: list["BatchEntry"]) -> list[tuple[_Peer, _Peer]]:
    """Each pair of candidates that share text, once, with how many lines each side shares."""
    by_label = {e.label: e for e in entries if e.label}
    pairs = []
    for e in entries:
        for other, n in sorted(e.shares.items()):
            back = by_label[other].shares.get(e.label, 0) if other in by_label else 0
            if (e.label, other) < (other, e.label) or not back:
                pairs.append((_peer(e.label, n, by_label), _peer(other, back, by_label)))
    return pairs
