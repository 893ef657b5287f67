"""The kind of an experience entry, and how sure: the section heading says one thing, the entry's
own words may say more. An internship, a fellowship, a TA post or a visiting stay read as a
full-time job would make false overlap alarms, so any word for those moves the entry out of
'fulltime'.
"""

from __future__ import annotations

import re

from auditor.parse.entry_fields import ROLE
from auditor.parse.words import pattern

SECTION_KIND = {
    "work": "fulltime",
    "internship": "internship",
    "research": "research",
    "project": "project",
    "competition": "competition",
}
INTERN = pattern("role", "internship")
RESEARCH = pattern("role", "research")
NOT_FULLTIME = re.compile("|".join(pattern("role", g).pattern for g in ("part_time", "teaching", "fellowship")), re.I)
PROJECT = re.compile(r"项目|project\b|课题|课程设计|毕业设计|【核心项目|商业项目", re.I)
# on the line under the title ("LaTeX, Python | 个人项目") only words that leave no doubt: "负责推荐项目" there
# may well describe an internship's work
SIDE_PROJECT = re.compile(
    r"个人项目|开源项目|课程项目|课程设计|毕业设计|(?:personal|side|course|class|open[- ]source) project", re.I
)
COMPETITION = re.compile(r"竞赛|比赛|大赛|挑战赛|competition|contest|hackathon|kaggle|challenge", re.I)
# a university's student team or society ("Bogazici University Autonomous Vehicle Team"): not an employer
# anchored: from every start a search would rescan the rest of the line (quadratic)
STUDENT_GROUP = re.compile(
    r"^(?=.*(?:university|college|大学|学院)).*(?:\b(?:team|club|society|association)\b|社团|协会|学生会|俱乐部|战队)", re.I
)


def _demoted(title: str, subtitle: str) -> tuple[str, str] | None:
    """What an entry under a job heading says it is instead: a project, a contest, research."""
    if PROJECT.search(title) or SIDE_PROJECT.search(subtitle):
        return "project", "high"
    if COMPETITION.search(title):
        return "competition", "medium"
    if RESEARCH.search(title):
        return "research", "medium"
    return None


def _job_kind(base: str, title: str, subtitle: str) -> tuple[str, str]:
    """Under a work or internship heading."""
    demoted = _demoted(title, subtitle)
    if demoted:
        return demoted
    if base == "internship":
        return "internship", "high"
    if NOT_FULLTIME.search(title) or STUDENT_GROUP.search(title):
        return "other", "medium"
    return "fulltime", "high" if ROLE.search(title) else "medium"


def entry_kind(section_kind: str, title: str, date_text: str, subtitle: str = "") -> tuple[str, str]:
    """Experience kind and how sure.

    Under a work or internship heading ("实习/项目经历" is read as internship) the entry's own words
    make it a project, contest or research; a word for internship keeps it an internship. Under a
    heading that names no kind, the words decide and an unknown stays 'other'.
    """
    base = SECTION_KIND.get(section_kind, "other")
    if INTERN.search(title) or INTERN.search(date_text):
        return "internship", "high"
    if base in ("fulltime", "internship"):
        return _job_kind(base, title, subtitle)
    if base == "other":
        if COMPETITION.search(title):
            return "competition", "medium"
        if PROJECT.search(title):
            return "project", "medium"
        if RESEARCH.search(title):
            return "research", "medium"
        return "other", "low"
    return base, "high"
