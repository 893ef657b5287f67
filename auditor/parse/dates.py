"""Date points and ranges in the forms resumes use, Chinese and English.

Own regular grammar rather than dateparser: dateparser reads "2022 年 9 月" as year 3 and
returns None for 至今 / Present (shared/research/ecosystem.md, note D). Every pattern here is
linear (no nested quantifiers), so long runs of digits or spaces cannot make it backtrack.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAME = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19\d\d|20[0-4]\d)"
_MON = r"(?:1[0-2]|0?[1-9])"
# A season stands for its months: a start is its first month, an end its last ("Fall 2019 – Spring 2020"
# is 2019-09 to 2020-05). Chinese: 2020夏, 2021年春季, 2022年暑假.
SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "fall": (9, 12), "autumn": (9, 12), "winter": (1, 2),
    "春": (3, 5), "夏": (6, 8), "秋": (9, 12), "冬": (1, 2), "暑": (7, 8), "寒": (1, 2),
}
_SEASON_EN = r"(?:spring|summer|fall|autumn|winter)"
_SEASON_ZH = r"(?:[春夏秋冬](?:季|天)?(?:学期)?|[暑寒](?:假|期))"
# One point in time. Alternatives, most specific first:
#   2023.09 / 2023-09 / 2023/9 / 2023年9月 / 2023 年 9 月 / Sep 2023 / Sep. 2023 / 09/2023 / Summer 2022 / 2022年暑假 / 2023
_POINT = (
    rf"(?:(?P<@y1>{_YEAR})\s?(?:[./\-]|年)\s?(?P<@m1>{_MON})(?!\d)(?:\s?月)?(?:\s?(?:[./\-]\s?\d{{1,2}}(?!\d)\s?日?))?"
    rf"|(?P<@mn>{_MONTH_NAME})\s?,?\s?(?P<@y2>{_YEAR})"
    rf"|(?P<@m3>{_MON})\s?/\s?(?P<@y3>{_YEAR})"
    rf"|(?P<@se>{_SEASON_EN})\s?,?\s?(?P<@y5>{_YEAR})"
    rf"|(?P<@y6>{_YEAR})\s?年?\s?(?P<@sz>{_SEASON_ZH})"
    rf"|(?P<@y4>{_YEAR})(?!\d)(?:\s?年)?)"
)
_OPEN = r"(?P<open>至今|今|现在|目前|now|present|current(?:ly)?|ongoing|today|till\s?date|to\s?date)"
_SEP = r"\s?(?:-{1,2}|–|—|~|～|至|到|to|until|till)\s?"
_NOT_BEFORE = r"(?<![\d.])"
_NOT_AFTER = r"(?![\d])"

RANGE_RE = re.compile(
    _NOT_BEFORE + _POINT.replace("@", "a") + _SEP + rf"(?:{_POINT.replace('@', 'b')}|{_OPEN})" + _NOT_AFTER,
    re.IGNORECASE,
)
POINT_RE = re.compile(_NOT_BEFORE + _POINT.replace("@", "a") + _NOT_AFTER, re.IGNORECASE)
_HAS_YEAR = re.compile(_YEAR)
EXPECTED_RE = re.compile(r"预计|预期|expected|anticipated|\(exp\.?\)|in progress|待毕业", re.IGNORECASE)


@dataclass(frozen=True)
class Point:
    """A month (or a year when `precision` is 'year'; month is then 1 for starts, 12 for ends)."""

    year: int
    month: int
    precision: str = "month"

    @property
    def index(self) -> int:
        """Months since year 0: differences are month counts."""
        return self.year * 12 + self.month - 1

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class DateRange:
    start: Point
    end: Point | None  # None = open (至今 / present)
    span: tuple[int, int]  # character span in the normalised text
    text: str

    @property
    def ongoing(self) -> bool:
        return self.end is None

    @property
    def precision(self) -> str:
        if self.start.precision == "year" or (self.end is not None and self.end.precision == "year"):
            return "year"
        return "month"


class _OneCharNFKC(dict):
    """str.translate table: a character to its NFKC form when that is one character, else itself.

    Filled on first sight of each character (dict.__missing__), so a line costs one C-level
    translate instead of a Python loop calling unicodedata per character (a profile hot spot:
    every Chinese line with a full-width comma took the slow path).
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        n = unicodedata.normalize("NFKC", ch)
        self[code] = value = n if len(n) == 1 else ch
        return value


_NFKC_ONE = _OneCharNFKC()


def normalise(text: str) -> str:
    """NFKC (full-width digits and punctuation to ASCII) with the length kept per character.

    NFKC can change length (e.g. '㈠'), so each character is mapped on its own and one that
    would become several is kept: offsets in the result are offsets in the original.
    """
    if text.isascii():
        return text
    return text.translate(_NFKC_ONE)


def _point(m: re.Match[str], p: str, *, is_end: bool) -> Point | None:
    g = m.groupdict()
    if g.get(f"{p}y1"):
        return Point(int(g[f"{p}y1"]), int(g[f"{p}m1"]))
    if g.get(f"{p}y2"):
        name = g[f"{p}mn"].lower().rstrip(".")
        return Point(int(g[f"{p}y2"]), MONTHS[name[:4] if name.startswith("sept") else name[:3]])
    if g.get(f"{p}y3"):
        return Point(int(g[f"{p}y3"]), int(g[f"{p}m3"]))
    season, year = g.get(f"{p}se") or g.get(f"{p}sz"), g.get(f"{p}y5") or g.get(f"{p}y6")
    if season and year:
        months = SEASONS[season.lower() if season.isascii() else season[0]]
        return Point(int(year), months[1] if is_end else months[0])
    if g.get(f"{p}y4"):
        return Point(int(g[f"{p}y4"]), 12 if is_end else 1, "year")
    return None


def find_range(text: str) -> DateRange | None:
    """The first date range in `text`, or None. A range needs a start and an end (or 至今)."""
    norm = normalise(text)
    if not _HAS_YEAR.search(norm):  # every range has a year: skip the long pattern on most lines
        return None
    for m in RANGE_RE.finditer(norm):
        start = _point(m, "a", is_end=False)
        if start is None:
            continue
        end = None if m.group("open") else _point(m, "b", is_end=True)
        if m.group("open") is None and end is None:
            continue
        # "2019-2020" style year ranges are ranges; but "2017-21" is not matched by the grammar.
        return DateRange(start, end, m.span(), norm[m.start() : m.end()])
    return None


# an entry dated by one season ("Summer 2024: Tencent", "2022年暑假") or open from a point ("Since Summer 2021")
_LONE_SEASON = re.compile(_NOT_BEFORE + _POINT.replace("@", "a") + _NOT_AFTER, re.IGNORECASE)
_SINCE = re.compile(r"^\W{0,3}(?:since|from)\s", re.IGNORECASE)


# two months of one year, the year written once: "Jul. - Aug. 2021", "June to August 2022"
_MONTHS_OF_YEAR = re.compile(
    rf"(?<![a-z])(?P<m1>{_MONTH_NAME}){_SEP}(?P<m2>{_MONTH_NAME})\s?,?\s?(?P<y>{_YEAR}){_NOT_AFTER}", re.IGNORECASE
)


# the same in Chinese: "2021年7月-8月", "2021 年 7 月至 8 月" (the second 月 is required)
_MONTHS_OF_YEAR_ZH = re.compile(rf"{_NOT_BEFORE}(?P<y>{_YEAR})\s?年\s?(?P<m1>{_MON})\s?月?{_SEP}(?P<m2>{_MON})\s?月")
# one winter over the turn of the year: "Winter 2019/2020" is 2019-12 to 2020-02
_WINTER_OVER = re.compile(rf"(?<![a-z])winter\s?(?P<y1>{_YEAR})\s?[/\-–]\s?(?P<y2>{_YEAR}){_NOT_AFTER}", re.IGNORECASE)


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return MONTHS[name[:4] if name.startswith("sept") else name[:3]]


def _months_of_year(text: str) -> DateRange | None:
    """A range of two months sharing one written year ('Sep. - Dec. 2023', '2021年7月-8月'), or a
    winter over the turn of the year ('Winter 2019/2020')."""
    w = _WINTER_OVER.search(text)
    if w is not None and int(w.group("y2")) == int(w.group("y1")) + 1:
        return DateRange(Point(int(w.group("y1")), 12), Point(int(w.group("y2")), 2), w.span(), w.group(0))
    m = _MONTHS_OF_YEAR.search(text)
    if m is not None:
        start, end = Point(int(m.group("y")), _month(m.group("m1"))), Point(int(m.group("y")), _month(m.group("m2")))
    elif (m := _MONTHS_OF_YEAR_ZH.search(text)) is not None:
        start, end = Point(int(m.group("y")), int(m.group("m1"))), Point(int(m.group("y")), int(m.group("m2")))
    else:
        return None
    return DateRange(start, end, m.span(), m.group(0)) if start.index <= end.index else None


def find_entry_range(text: str) -> DateRange | None:
    """The dates of a resume entry: a range (find_range), else two months of one year, else one
    season standing for its months, else "Since <point>" at the start of the line, open to the present."""
    rng = find_range(text)
    if rng is not None or not _HAS_YEAR.search(text := normalise(text)):
        return rng
    rng = _months_of_year(text)
    if rng is not None:
        return rng
    since = _SINCE.match(text)
    for m in _LONE_SEASON.finditer(text):
        start = _point(m, "a", is_end=False)
        if since and m.start() <= 12 and start is not None:
            return DateRange(start, None, (0, m.end()), text[: m.end()])
        if m.group("ase") or m.group("asz"):
            return DateRange(start, _point(m, "a", is_end=True), m.span(), m.group(0))  # type: ignore[arg-type]
    return None


def find_points(text: str) -> list[Point]:
    """Every single date point in `text` (years alone included)."""
    norm = normalise(text)
    pts = []
    for m in POINT_RE.finditer(norm):
        p = _point(m, "a", is_end=False)
        if p is not None:
            pts.append(p)
    return pts


def parse_iso(value: str | None) -> Point | None:
    """'YYYY-MM' (or 'YYYY-MM-DD') to a Point."""
    if not value:
        return None
    y, m = value.split("-")[:2]
    return Point(int(y), int(m))


def months_between(a: Point, b: Point) -> int:
    """Whole months from a to b, counting both ends as in resumes: 2020.07 - 2020.07 is 1 month."""
    return b.index - a.index + 1


def is_expected(text: str) -> bool:
    return bool(EXPECTED_RE.search(normalise(text)))
