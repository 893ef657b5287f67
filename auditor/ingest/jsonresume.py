"""JSON Resume (jsonresume.org schema) rendered to plain resume lines with English headings.

The parser then reads it like any other resume, so every rule sees one shape of input.
"""

from __future__ import annotations

import json
from typing import Any

from auditor.errors import InputError

_SECTIONS = [
    ("work", "Work Experience"),
    ("volunteer", "Volunteer"),
    ("education", "Education"),
    ("projects", "Projects"),
    ("publications", "Publications"),
    ("awards", "Awards"),
    ("certificates", "Certificates"),
    ("skills", "Skills"),
    ("languages", "Languages"),
    ("interests", "Interests"),
    ("references", "References"),
]


def _s(value: Any) -> str:
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""


def _span(item: dict[str, Any]) -> str:
    start, end = _s(item.get("startDate"))[:7], _s(item.get("endDate"))[:7]
    if not start:
        return end
    return f"{start} – {end or 'Present'}"


def _item_lines(key: str, item: dict[str, Any]) -> list[str]:
    if key in ("work", "volunteer"):
        # organisation first, as for education: "Anyscale, Software Engineer – Reinforcement Learning".
        # Position first would read as "role – org, city" when the position itself holds a dash.
        head = ", ".join(x for x in (_s(item.get("name") or item.get("organization")), _s(item.get("position"))) if x)
    elif key == "education":
        degree = " ".join(x for x in (_s(item.get("studyType")), _s(item.get("area"))) if x)
        head = ", ".join(x for x in (_s(item.get("institution")), degree) if x)
    elif key == "publications":
        parts = [_s(item.get("name")), _s(item.get("publisher")), _s(item.get("releaseDate"))[:4]]
        return ["- " + ", ".join(p for p in parts if p)] if any(parts) else []
    elif key == "awards":
        parts = [_s(item.get("title")), _s(item.get("awarder")), _s(item.get("date"))[:4]]
        return ["- " + ", ".join(p for p in parts if p)] if any(parts) else []
    elif key in ("skills", "interests"):
        kws = item.get("keywords") if isinstance(item.get("keywords"), list) else []
        text = ", ".join(_s(k) for k in kws if _s(k))
        return [f"- {_s(item.get('name'))}: {text}".rstrip(": ")]
    elif key == "languages":
        return [f"- {_s(item.get('language'))}: {_s(item.get('fluency'))}".rstrip(": ")] if _s(item.get("language")) else []
    elif key == "references":  # every section a reader of the rendered resume sees, filler text included
        text = ": ".join(x for x in (_s(item.get("name")), _s(item.get("reference"))) if x)
        return [f"- {text}"] if text else []
    else:
        head = _s(item.get("name") or item.get("title"))
    span = _span(item)
    out = [f"{head}  {span}".strip()] if head or span else []
    summary = _s(item.get("summary") or item.get("description"))
    if summary:
        out.append(summary)
    highlights = item.get("highlights") or item.get("courses") or []
    if isinstance(highlights, list):
        out += [f"- {_s(h)}" for h in highlights if _s(h)]
    return out


def read_json_resume(data: bytes) -> list[str]:
    from auditor.ingest.text import decode

    try:
        doc = json.loads(decode(data))
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON (line {exc.lineno}: {exc.msg})") from exc
    if not isinstance(doc, dict) or not any(k in doc for k in ("basics", "work", "education")):
        raise InputError("JSON is not a JSON Resume (no basics/work/education)")
    lines: list[str] = []
    basics = doc.get("basics") if isinstance(doc.get("basics"), dict) else {}
    if _s(basics.get("name")):
        lines.append(_s(basics["name"]))
    contact = [_s(basics.get(k)) for k in ("label", "email", "phone", "url") if _s(basics.get(k))]
    if contact:
        lines.append(" | ".join(contact))
    for prof in basics.get("profiles") or []:
        if isinstance(prof, dict) and _s(prof.get("url")):
            lines.append(f"{_s(prof.get('network'))}: {_s(prof['url'])}".strip(": "))
    if _s(basics.get("summary")):
        lines += ["", "Summary", _s(basics["summary"])]
    for key, heading in _SECTIONS:
        items = doc.get(key)
        if not isinstance(items, list) or not items:
            continue
        lines += ["", heading]
        for item in items:
            if isinstance(item, dict):
                lines += _item_lines(key, item)
    return lines
