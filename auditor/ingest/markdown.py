"""Markdown to lines with layout: the file's own lines, each with what a CommonMark parse says.

The lines are exactly the file's lines (evidence line numbers must match the file the user has
open); markdown-it-py only adds facts per source line: ATX and setext headings, list depth and
marker, a line bold as a whole, and residue that is not resume text (YAML front matter, a
setext underline, a table's delimiter row, a bare HTML tag line, Liquid/Jinja template code).
"""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt

from auditor.ingest.extracted import Extracted
from auditor.ingest.text import decode, to_lines
from auditor.models import LineLayout

_PARSER = MarkdownIt("commonmark").enable("table")
_FRONT_MATTER_MAX = 200  # lines: a YAML block longer than that is not front matter
_TAGS = (("{%", "%}"), ("{{", "}}"))


def read_markdown(data: bytes) -> Extracted:
    lines = to_lines(decode(data))
    return Extracted(lines, markdown_layout(lines))


def markdown_layout(lines: list[str]) -> list[LineLayout]:
    """One LineLayout per line of `lines`."""
    facts: list[dict[str, Any]] = [{} for _ in lines]
    end = _front_matter_end(lines)
    for n in range(end):
        facts[n]["residue"] = "front-matter"
    body = [""] * end + lines[end:]  # blank, not cut: token line numbers stay the file's
    _walk(_PARSER.parse("\n".join(body)), facts)
    for n, line in enumerate(lines):
        if n >= end and _is_template_code(line):
            facts[n]["residue"] = "template-code"
    return [LineLayout(**f) for f in facts]


def _front_matter_end(lines: list[str]) -> int:
    """Lines of a YAML front matter block ('---' on line 1 up to the next '---' or '...'), else 0.
    Written here rather than with mdit-py-plugins: it is ten lines, and one more dependency is not."""
    if not lines or lines[0].strip() != "---":
        return 0
    for n in range(1, min(len(lines), _FRONT_MATTER_MAX)):
        if lines[n].strip() in ("---", "..."):
            return n + 1
    return 0


def _walk(tokens: list[Any], facts: list[dict[str, Any]]) -> None:
    depth = 0
    for i, tok in enumerate(tokens):
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif tok.type == "list_item_open" and tok.map:
            facts[tok.map[0]].update(indent=depth, list_marker=(tok.info + tok.markup) if tok.info else tok.markup)
        elif tok.type == "heading_open" and tok.map:
            _heading(tok, tokens[i + 1], facts)
        elif tok.type == "inline" and tok.map and tokens[i - 1].type == "paragraph_open":
            _bold_lines(tok, facts)
        elif tok.type == "thead_close" and tok.map is None and i + 1 < len(tokens):
            _delimiter_row(tokens, i, facts)
        elif tok.type == "html_block" and tok.map:
            _html_lines(tok, facts)


def _heading(tok: Any, inline: Any, facts: list[dict[str, Any]]) -> None:
    level = int(tok.tag[1])
    start, stop = tok.map
    if tok.markup in ("=", "-"):  # setext: the text lines, then the underline
        for n in range(start, stop - 1):
            facts[n]["heading"] = level
        facts[stop - 1]["residue"] = "setext-underline"
    else:
        facts[start]["heading"] = level
    if _all_strong(inline.children or []):
        for n in range(start, stop - (tok.markup in ("=", "-"))):
            facts[n]["bold"] = True


def _bold_lines(inline: Any, facts: list[dict[str, Any]]) -> None:
    """A paragraph's lines (split at soft and hard breaks) whose words are all strong."""
    segment: list[Any] = []
    n = inline.map[0]
    for child in [*(inline.children or []), None]:
        if child is None or child.type in ("softbreak", "hardbreak"):
            if n < len(facts) and _all_strong(segment):
                facts[n]["bold"] = True
            segment, n = [], n + 1
        else:
            segment.append(child)


def _all_strong(children: list[Any]) -> bool:
    inside = worded = 0
    for child in children:
        if child.type == "strong_open":
            inside += 1
        elif child.type == "strong_close":
            inside -= 1
        elif child.content.strip():
            if not inside:
                return False
            worded += 1
    return worded > 0


def _delimiter_row(tokens: list[Any], i: int, facts: list[dict[str, Any]]) -> None:
    """The '|---|---|' row sits between the header row and the body: not in any token's map."""
    header = next((t for t in reversed(tokens[:i]) if t.type == "tr_open" and t.map), None)
    if header is not None and header.map[1] < len(facts):
        facts[header.map[1]]["residue"] = "table-delimiter"


def _html_lines(tok: Any, facts: list[dict[str, Any]]) -> None:
    """Lines of an HTML block holding tags only ('<div align="center">', '</div>'); a line with
    words between its tags stays resume text."""
    start, stop = tok.map
    for n, line in zip(range(start, stop), tok.content.split("\n")):
        if line.strip() and not _outside_tags(line).strip():
            facts[n]["residue"] = "html"


def _outside_tags(line: str) -> str:
    out, depth = [], 0
    for ch in line:
        if ch == "<":
            depth += 1
        elif ch == ">" and depth:
            depth -= 1
        elif not depth:
            out.append(ch)
    return "".join(out)


def _is_template_code(line: str) -> bool:
    """A line of Liquid/Jinja tags only ('{% for post in site.publications %}', '{{ site.author }}'),
    with nothing but spaces or markup around them. Scanned with str.find, each opener's next place
    kept until passed, so a line of thousands of tags is read in one pass."""
    rest, found, pos = [], False, 0
    nxt = {open_: line.find(open_) for open_, _ in _TAGS}
    while True:
        for open_ in nxt:
            if 0 <= nxt[open_] < pos:
                nxt[open_] = line.find(open_, pos)
        ahead = [(at, open_) for open_, at in nxt.items() if at >= 0]
        if not ahead:
            break
        start, open_ = min(ahead)
        end = line.find(dict(_TAGS)[open_], start + 2)
        if end < 0:
            break
        rest.append(line[pos:start])
        pos, found = end + 2, True
    rest.append(line[pos:])
    return found and not "".join(rest).strip(" \t-*_>#|")
