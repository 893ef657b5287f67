"""Plain text of a resume line for matching: markup, bullets and decoration removed.

Evidence always quotes the original line; this is only what the parser reads.
"""

from __future__ import annotations

import functools
import re

from auditor.parse.dates import normalise

_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)\)")
_TAG = re.compile(r"<[^<>]{0,200}>")
_EMPH = re.compile(r"(\*\*|__|\*|`|~~)")
# '–' and '∗' mark the second and third levels of a LaTeX list in PDF text; only before a space
_BULLET = re.compile(r"^\s*(?:[-*+•·●○■□◆◇▪▸►➤➢›»✓✔☑✗→⮚]|[–∗](?=\s)|\d{1,2}[.、)）](?!\d)|[（(]\d{1,2}[)）]|#{1,6})\s*")
# '/' is not decoration inside a heading ('实习/项目经历' names two kinds): only the brackets of a
# '〈/〉' code icon are; its '/' is left at an edge of the words, where _OPENERS strips it.
# Private-use characters are icon-font glyphs ('\ue600 教育背景' from a PDF with an icon font).
_DECOR = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uE000-\uF8FF\uFE0F\u200d\u3008\u3009\u2329\u232a]+")
_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|amp|#160|#xa0);", re.I)
# A link whose text is itself bracketed ('[[Show Details]](/personal/internship)') is left whole
# by strip_markup's _LINK; after heading words it is a navigation aid, never part of the heading.
_BRACKETED_LINK = re.compile(r"\[\[[^\[\]]*\]\]\([^()\s]*\)")
# A page's link text left after a heading ('Research Experiences [Show Details]', '论文 [PDF]').
_TRAILING_BRACKETS = re.compile(r"\[[^\[\]]{1,30}\]\s*$")
_SPACES = " \t\n\r\f\v\u3000"  # strip_markup has already collapsed every other space to ' '
_OPENERS = _SPACES + "【[(（</"
_CLOSERS = _SPACES + "】])）>:：/"
_TRAILING_COLON = re.compile(r"\s*[:：]\s*$")
_TYPST_HEADING = re.compile(r"^={1,6} ")  # Typst's '= 教育背景' / '== Education', as Markdown's '#'


@functools.lru_cache(maxsize=65536)
def strip_markup(line: str) -> str:
    """Markdown/HTML markup and leading bullets removed, NFKC applied, spaces collapsed."""
    s = _LINK.sub(r"\1", line)
    s = s.replace("\\[", "[").replace("\\]", "]")
    s = _TAG.sub(" ", s)
    s = _EMPH.sub("", s)
    s = normalise(s)
    for _ in range(3):
        t = _BULLET.sub("", s)
        if t == s:
            break
        s = t
    return " ".join(s.split())


def heading_key(line: str) -> str:
    """A line reduced to its words, for matching section headings ('🎓 教育背景' -> '教育背景')."""
    s = strip_markup(_ENTITY.sub(" ", line) if "&" in line else line)
    s = _TYPST_HEADING.sub("", _BRACKETED_LINK.sub("", s))
    s = _TRAILING_BRACKETS.sub("", s)
    s = _DECOR.sub("", s)
    # str.strip, not a regex: '[…]+$' tried at every position is quadratic on a long run of ')'
    s = s.lstrip(_OPENERS).rstrip(_CLOSERS)
    s = _TRAILING_COLON.sub("", s)
    return s.strip().lower()


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(normalise(line))) and not line.lstrip().startswith("#")


def indent(line: str) -> int:
    """Columns of leading white space, a tab counted as 4: how deep a nested list item sits."""
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip())


def is_underline(line: str) -> bool:
    s = line.strip()
    return len(s) >= 3 and set(s) <= set("-=_~—")


def shorten(text: str, limit: int) -> str:
    """`text` on one line, cut to `limit` characters with "…". Not textwrap.shorten: it cuts at
    spaces only, so a Chinese line (no spaces) would shrink to the placeholder alone."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def plain_quotes(text: str | None) -> str | None:
    """A name with a word processor's curly quotes as typed ('Xi’an' → "Xi'an"): the same school
    or employer whichever program wrote the file, for matching and look-ups."""
    return text.translate(_TYPOGRAPHIC) if text else text
