"""The user's config: `resume-audit.toml` in the working folder, or the file given by --config.

    as_of = "2026-11-23"              # optional; the CLI flag wins
    [online]                          # used with --online / --cache-only
    urls = { dblp = "https://dblp.uni-trier.de" }   # base URL per source (else RESUME_AUDIT_<SOURCE>_URL)
    sources = ["dblp", "openalex", "github"]        # default: all but google_scholar
    cache = "cache/http.sqlite"       # relative to this file
    time_budget = 30                  # seconds of online checks per resume (the CLI's --time-budget wins)
    [rules]
    disable  = ["TIM009"]             # ids or names
    severity = { TIM008 = "low" }
    extra    = ["team_rules.yaml"]    # more rule files, relative to this file
    [limits]                          # input size limits (auditor/ingest/limits.py)
    max_file_mb = 20
    [[accepted]]                      # findings a reviewer has explained (like a linter baseline)
    fingerprint = "3f1c…"
    candidate = "陈静"                # the candidate's name, file name or file sha256; "*" for all
    reason = "Part-time master's, confirmed with the school"
    by = "alice"

TOML (stdlib tomllib) rather than a [tool] table: reviewers keep one small file per hiring team.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from auditor.engine import AuditConfig
from auditor.errors import RuleFileError
from auditor.ingest.limits import Limits, limits_from_config
from auditor.models import Accepted

DEFAULT_NAME = "resume-audit.toml"
SEVERITIES = {"info", "low", "medium", "high"}


@dataclass
class UserConfig:
    audit: AuditConfig = field(default_factory=AuditConfig)
    extra_rules: tuple[Path, ...] = ()
    as_of: dt.date | None = None
    path: Path | None = None
    online: dict = field(default_factory=dict)  # [online] urls = {source = base URL}, sources = [...], cache = "path", time_budget
    limits: Limits = field(default_factory=Limits)


def _accepted(items: object, path: Path) -> dict[str, list[tuple[str, Accepted]]]:
    """[[accepted]] entries by fingerprint. Each names its candidate: the same evidence text in
    another candidate's resume is another finding, not one the reviewer has explained."""
    accepted: dict[str, list[tuple[str, Accepted]]] = {}
    for i, item in enumerate(items if isinstance(items, list) else [items]):
        if not isinstance(item, dict) or not item.get("fingerprint") or not item.get("reason"):
            raise RuleFileError(f"{path}: field 'accepted[{i}]': needs a fingerprint and a reason")
        if not str(item.get("candidate") or "").strip():
            raise RuleFileError(
                f"{path}: field 'accepted[{i}]': needs candidate = the candidate's name, file name or file sha256 "
                '("*" accepts it for every candidate)'
            )
        entry = (str(item["candidate"]), Accepted(reason=str(item["reason"]), by=item.get("by")))
        accepted.setdefault(str(item["fingerprint"]), []).append(entry)
    return accepted


def check_rule_ids(cfg: UserConfig, known: set[str]) -> None:
    """A rule id or name in [rules] that no rule has is a typo, not a silent no-op."""
    where = cfg.path or DEFAULT_NAME
    for field_name, ids in (("disable", cfg.audit.disabled), ("severity", cfg.audit.severity)):
        unknown = sorted(str(i) for i in ids if str(i) not in known)
        if unknown:
            raise RuleFileError(f"{where}: field 'rules.{field_name}': no rule '{unknown[0]}' (see 'resume-audit rules')")


def load_config(path: Path | None, cwd: Path) -> UserConfig:
    if path is None:
        candidate = cwd / DEFAULT_NAME
        if not candidate.exists():
            return UserConfig()
        path = candidate
    if not path.exists():
        raise RuleFileError(f"{path}: config file not found")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"{path}: invalid TOML: {exc}") from exc
    except IsADirectoryError as exc:
        raise RuleFileError(f"{path}: is a folder, not a config file") from exc
    except OSError as exc:
        raise RuleFileError(f"{path}: config file cannot be read ({exc.strerror or type(exc).__name__})") from exc
    unknown = set(data) - {"as_of", "rules", "accepted", "online", "limits"}
    if unknown:
        raise RuleFileError(f"{path}: field '{sorted(unknown)[0]}': unknown setting")
    rules = data.get("rules", {})
    if set(rules) - {"disable", "severity", "extra"}:
        raise RuleFileError(f"{path}: field 'rules.{sorted(set(rules) - {'disable', 'severity', 'extra'})[0]}': unknown setting")
    severity = rules.get("severity", {})
    for rid, sev in severity.items():
        if sev not in SEVERITIES:
            raise RuleFileError(f"{path}: field 'rules.severity.{rid}': must be one of info, low, medium, high")
    accepted = _accepted(data.get("accepted", []), path)
    as_of = data.get("as_of")
    if as_of is not None and not isinstance(as_of, dt.date):
        try:
            as_of = dt.date.fromisoformat(str(as_of))
        except ValueError as exc:
            raise RuleFileError(f"{path}: field 'as_of': must be YYYY-MM-DD") from exc
    online = data.get("online", {})
    if not isinstance(online, dict) or set(online) - {"urls", "sources", "cache", "time_budget"}:
        raise RuleFileError(f"{path}: field 'online': allowed keys are urls, sources, cache, time_budget")
    budget = online.get("time_budget")
    if budget is not None and (isinstance(budget, bool) or not isinstance(budget, (int, float)) or not 0 < budget <= 3600):
        raise RuleFileError(f"{path}: field 'online.time_budget': seconds per resume, above 0 and at most 3600")
    for source, url in (online.get("urls") or {}).items():
        if not str(url).startswith(("http://", "https://")):
            raise RuleFileError(f"{path}: field 'online.urls.{source}': must be an http(s) URL")
    if "cache" in online:
        online["cache"] = str((path.parent / str(online["cache"])).resolve())
    return UserConfig(
        online=online,
        audit=AuditConfig(disabled=set(rules.get("disable", [])), severity=dict(severity), accepted=accepted),
        extra_rules=tuple((path.parent / p).resolve() for p in rules.get("extra", [])),
        as_of=as_of,
        path=path,
        limits=limits_from_config(data.get("limits", {}), str(path)),
    )
