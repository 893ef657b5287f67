"""Name, e-mails, phones and links from the top of the resume (and anywhere for links)."""

from __future__ import annotations

import functools
import re

from auditor.models import Contacts
from auditor.parse.sections import SectionSpan, heading_kind
from auditor.parse.text import heading_key, strip_markup
from auditor.parse.words import pattern

# bounded parts (RFC 5321: 64 before '@', 63 per label): an unbounded run re-read from every
# letter of a long word before an '@' is quadratic
EMAIL = re.compile(r"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63})+")
PHONE = re.compile(r"(?<![\w\-])(?:\(?\+?\d{1,3}\)?[\s\-]?)?(?:1[3-9]\d[\s\-]?\d{4}[\s\-]?\d{4}|1[X\dx]{2}[\s\-][Xx\d]{4}[\s\-][Xx\d]{4}|\d{3}[\s\-.]\d{3}[\s\-.]\d{4})(?![\w\-])")
URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"'，。；、]+|(?<![\w@.])(?:github\.com|gitlab\.com|huggingface\.co|scholar\.google\.[a-z.]+|linkedin\.com|kaggle\.com)/[^\s<>()\[\]\"'，。；、]*", re.I)
# "liujc [at] cs.washington.edu", "jane (at) uni (dot) edu", "jane.doe at gmail dot com": an address
# written to dodge scrapers. A bare " at " counts only with a spelt-out dot or after an e-mail label,
# so "Engineer at google.com" stays prose. Parts are bounded as in EMAIL.
_AT = r"\s*[\[({<]\s*at\s*[\])}>]\s*"
_DOT = r"(?:\.|\s*[\[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+)"
_SPELT_DOT = r"(?:\s*[\[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+)"
_USER = r"(?<![\w.%+\-])[A-Za-z0-9._%+\-]{1,64}"
_DOMAIN = r"[A-Za-z0-9\-]{1,63}(?:" + _DOT + r"[A-Za-z0-9\-]{1,63}){0,4}" + _DOT + r"[A-Za-z]{2,24}\b"
OBFUSCATED_EMAIL = re.compile(
    rf"(?P<u1>{_USER}){_AT}(?P<d1>{_DOMAIN})"
    rf"|(?P<u2>{_USER})\s+at\s+(?P<d2>[A-Za-z0-9\-]{{1,63}}(?:{_DOT}[A-Za-z0-9\-]{{1,63}}){{0,4}}{_SPELT_DOT}[A-Za-z]{{2,24}}\b)",
    re.I,
)
_EMAIL_LABEL = re.compile(r"(?:e-?mail|邮箱|mail)\s*[:：]\s*(?P<u>[A-Za-z0-9._%+\-]{1,64})\s+at\s+(?P<d>" + _DOMAIN + ")", re.I)
_AT_WORD = re.compile(r"\bat\b", re.I)


def _deobfuscated_emails(text: str) -> list[str]:
    """Addresses written with [at]/(at)/' at ' and [dot]/' dot ', as plain user@domain."""
    if not _AT_WORD.search(text):
        return []
    found = [(m.group("u1") or m.group("u2"), m.group("d1") or m.group("d2")) for m in OBFUSCATED_EMAIL.finditer(text)]
    found += [(m.group("u"), m.group("d")) for m in _EMAIL_LABEL.finditer(text)]
    return [f"{user}@{re.sub(_DOT, '.', domain, flags=re.I)}" for user, domain in found]


_LABEL = re.compile(r"^(?:姓名|name)\s*[:：]\s*", re.I)
_NOT_NAME = re.compile(r"@|\d{3}|简历|resume|curriculum|cv\b|http|www\.|手机|电话|邮箱|phone|email|地址|address|github|pdf\b|下载|download|打印|本页|首页|返回|print\b|home\b|introduction|求职|意向", re.I)  # … a web page's buttons and furniture


def _add(found: list[str], value: str) -> bool:
    """Append `value` unless already there; True when it was new."""
    if value in found:
        return False
    found.append(value)
    return True


def find_contacts(lines: list[str]) -> Contacts:
    emails: list[str] = []
    phones: list[str] = []
    links: list[str] = []
    first: int | None = None
    for i, text in enumerate(lines, 1):
        found = [m.group(0) for m in EMAIL.finditer(text)] if "@" in text else []  # no '@': skip a pattern quadratic on long words
        new = [_add(emails, e) for e in [*found, *_deobfuscated_emails(text)]]
        for m in URL.finditer(text):
            url = m.group(0).rstrip(".,);]>*")
            if "@" not in url:
                _add(links, url)
        if i <= 40:
            new += [_add(phones, m.group(0).strip()) for m in PHONE.finditer(EMAIL.sub(" ", text) if "@" in text else text)]
        first = first or (i if any(new) else None)
    return Contacts(emails=emails, phones=phones, links=links, line=first)


def _after_front_matter(lines: list[str], header: list[int]) -> list[int]:
    """Header lines after a '---' YAML front matter block (Jekyll/Hugo pages)."""
    if header and lines[header[0] - 1].strip() == "---":
        end = next((n for n in header[1:] if lines[n - 1].strip() == "---"), None)
        if end:
            return [n for n in header if n > end]
    return header


def first_content_line(lines: list[str]) -> int:
    """The first line a reader sees: not blank, not inside a leading '---' front matter block."""
    filled = [n for n, line in enumerate(lines, 1) if line.strip()]
    seen = _after_front_matter(lines, filled)
    return seen[0] if seen else 1


def _labelled_name(lines: list[str], header: list[int], i: int, text: str) -> tuple[str | None, int | None] | None:
    """'姓名：张三', or '姓名' with the name on the next line; None when the line is no such label."""
    labelled = _LABEL.match(text)
    if labelled and text[labelled.end() :].strip():
        return text[labelled.end() :].split()[0], header[i]
    if re.fullmatch(r"(?:姓名|name)\s*[:：]?", text, re.I):
        nxt = next((m for m in header[i + 1 : i + 3] if lines[m - 1].strip()), None)
        return (strip_markup(lines[nxt - 1]).split()[0], nxt) if nxt else (None, None)
    return None


def find_name(lines: list[str], sections: list[SectionSpan]) -> tuple[str | None, int | None]:
    """The first short line of the header that reads like a name, else a labelled name
    ('姓名：…', 'Name: …') in the first lines whatever section they are in."""
    header = sections[0].body if sections and sections[0].kind == "header" else []
    header = _after_front_matter(lines, header)
    for i, n in enumerate(header[:12]):
        raw = lines[n - 1].strip()
        if re.match(r"^(?:#{2,}|={2,})\s", raw):
            continue  # '## Introduction' is a section, a name is a title or plain text
        text = _HEADING_MARK.sub("", strip_markup(raw))
        if not text:
            continue
        labelled = _labelled_name(lines, header, i, text)
        if labelled is not None:
            if labelled[0] is not None:
                return labelled
            continue
        for part in _TITLE_PARTS.split(text)[:2]:  # 'About Me - Dana Whitfield': a page title's parts
            cand = _BRACKETED.sub("", _NAME_END.split(part)[0]).strip()
            if _reads_like_name(cand):
                return cand, n
    return _front_matter_name(lines) or _self_introduced(lines, header) or _labelled_anywhere(lines)


# '我是Roschild Rui，一名…', 'My name is Dana Whitfield.': a name given in the opening sentence
_SELF_INTRO = re.compile(r"^(?:我是|我叫|my name is|i am|i'm)\s*(?P<name>[^，,。.;；]{2,30}?)\s*[，,。.;；]", re.I)


def _self_introduced(lines: list[str], header: list[int]) -> tuple[str, int] | None:
    for n in header[:3]:
        m = _SELF_INTRO.match(strip_markup(lines[n - 1]).strip())
        if m and _reads_like_name(m.group("name")):
            return m.group("name"), n
    return None


_TITLE_PARTS = re.compile(r"\s[-–—|]\s|[|｜]")  # 'About Me - Dana Whitfield'
_FRONT_MATTER_KEY = re.compile(r"^(?:name|author|title)\s*:\s*[\"']?(?P<value>[^\"'\n]+)", re.I)


def _front_matter_name(lines: list[str]) -> tuple[str, int] | None:
    """A homepage's name in its front matter ('title: "About Me - Yangcheng Gu"', 'name: …')."""
    if not lines or lines[0].strip() != "---":
        return None
    for n, raw in enumerate(lines[1:30], 2):
        if raw.strip() == "---":
            return None
        m = _FRONT_MATTER_KEY.match(raw.strip())
        if m:
            for part in _TITLE_PARTS.split(m.group("value")):
                if _reads_like_name(part.strip()):
                    return part.strip(), n
    return None


# A Markdown '#' or Typst '=' heading mark before a name.
_HEADING_MARK = re.compile(r"^(?:#+|=)\s*")
# Where a name ends on its line: a column bar, a middle dot or bullet ('周晨 · 29 岁'), wide space,
# a comma. A short bracketed part is a nickname or the native-script form ('Jiacheng (Gary) Liu',
# 'Minho Park (박민호)') and is left out.
_NAME_END = re.compile(r"\s*[|｜·•,，]\s*|\s{2,}|\t|\s+(?=[(（]?[+\d])|(?<!\s)\s+(?=[^\s@]{1,64}@)")  # … a number (a phone, an age), an e-mail
_BRACKETED = re.compile(r"\s?[(（][^()（）]{1,20}[)）]")
_CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8}")
_LATIN_NAME = re.compile(r"(?<![\w'\-.])[A-Z][\w'\-]+\.?(?:\s+[A-Z][\w'\-.]*){1,3}")  # two to four words: 'Previously' is none


_LATIN_WORDS = re.compile(r"(?<![\w'\-.])[A-Z][\w'\-]*\.?(?:\s+[A-Z][\w'\-.]*){0,3}")


def _reads_like_name(cand: str) -> bool:
    """A person's name: 2-4 Han characters (or a transliterated 'X·Y'), a capitalised Latin name
    of up to four words, or one of each ('李文 Wen Li'); never a label, a job title or a heading."""
    if _NOT_NAME.search(cand) or len(cand) > 40 or not heading_key(cand) or cand.endswith((":", "：")):
        return False
    if _role_words().search(cand) or _institution_words().search(cand) or heading_kind(cand):
        return False  # 'Machine Learning Engineer', '算法工程师', '清华大学'
    if _CJK_NAME.fullmatch(cand) or _LATIN_NAME.fullmatch(cand):
        return True
    han, _, latin = cand.partition(" ")
    return bool(_CJK_NAME.fullmatch(han) and _LATIN_WORDS.fullmatch(latin.strip()))  # '李文 Wen Li', '阿东玩 AI'


@functools.lru_cache(maxsize=1)
def _role_words() -> re.Pattern[str]:
    return pattern("role", "title")


@functools.lru_cache(maxsize=1)
def _institution_words() -> re.Pattern[str]:
    return pattern("institution")


def _labelled_anywhere(lines: list[str], within: int = 15) -> tuple[str | None, int | None]:
    """'姓名：何子涵' under a '基本信息' heading: a label says what the line is wherever it sits."""
    for n, raw in enumerate(lines[:within], 1):
        text = strip_markup(raw).strip()
        m = _LABEL.match(text)
        if m and text[m.end() :].strip():
            value = text[m.end() :].split()[0]
            if _reads_like_name(value):
                return value, n
    return None, None
