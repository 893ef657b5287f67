"""Every check module, imported explicitly so that each registers its checks (sqlfluff's way)."""

from auditor.checks import anachronism, authorship, batch, content, identity, metric, publication, timeline, verification  # noqa: F401
from auditor.checks.registry import REGISTRY, CheckContext, Hit, NotApplicable, check

__all__ = ["REGISTRY", "CheckContext", "Hit", "NotApplicable", "check"]
