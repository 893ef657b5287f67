"""Every check module, imported explicitly so that each registers its checks (sqlfluff's way)."""

from auditor.checks import (  # noqa: F401
    anachronism,
    authorship,
    batch,
    content,
    identity,
    metric,
    organizations,
    publication,
    timeline,
    verification,
)
from auditor.checks.registry import REGISTRY, CheckContext, Hit, NotApplicable, check

__all__ = ["REGISTRY", "CheckContext", "Hit", "NotApplicable", "check"]
