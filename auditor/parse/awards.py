"""Awards and competition results: title, year, rank (n/N, 亚军, Top x%), medal."""

from __future__ import annotations

import re

from auditor.models import Award
from auditor.parse.claim_ranks import RANK, is_rank
from auditor.parse.claims import number
from auditor.parse.sections import SectionSpan
from auditor.parse.text import strip_markup

TOP_PERCENT = re.compile(r"(?:top|前)\s*(\d+(?:\.\d+)?)\s*%", re.I)
MEDAL = re.compile(r"(金牌|gold(?:\s+medal)?|银牌|silver(?:\s+medal)?|铜牌|bronze(?:\s+medal)?)", re.I)
PLACE = re.compile(r"冠军|亚军|季军|第[一二三四五六七八九十\d]+名|[一二三]等奖|特等奖|金奖|银奖|铜奖|优秀奖|1st|2nd|3rd|(?<!\d)\d+th place", re.I)
_MEDAL_KIND = {"金": "gold", "g": "gold", "银": "silver", "s": "silver", "铜": "bronze", "b": "bronze"}
_YEAR = re.compile(r"(?<!\d)((?:19[89]|20[0-4])\d)(?!\d)")


def rank_of(text: str) -> tuple[int | None, int | None]:
    """A rank 'n/N' when the words around it say it is a rank (not a GPA 3.8/4.0 or a score 93/100).

    Read as the claims read it, so the awards table and the claims agree on '12/1,234 teams'.
    """
    for m in RANK.finditer(text):
        if is_rank(text, m):
            return int(number(m.group(1))), int(number(m.group(2)))
    return None, None


def parse_award_line(raw: str, line_no: int) -> Award | None:
    text = strip_markup(raw)
    if len(text) < 4:
        return None
    n, total = rank_of(text)
    top = TOP_PERCENT.search(text)
    medal = MEDAL.search(text)
    place = PLACE.search(text)
    year = _YEAR.search(text)
    rank = f"{n}/{total}" if n else (place.group(0) if place else None)
    return Award(
        title=text,
        year=int(year.group(1)) if year else None,
        rank=rank,
        rank_n=n,
        rank_total=total,
        top_percent=float(top.group(1)) if top else None,
        medal=_MEDAL_KIND[medal.group(1)[0].lower()] if medal else None,  # type: ignore[arg-type]
        line=line_no,
    )


def parse_awards(lines: list[str], sections: list[SectionSpan]) -> list[Award]:
    awards: list[Award] = []
    for sec in sections:
        if sec.kind not in ("award", "competition"):
            continue
        for n in sec.body:
            award = parse_award_line(lines[n - 1], n)
            if award is not None:
                awards.append(award)
    return awards
