"""Administration: the users and their care-team grants, and the audit trail."""

from __future__ import annotations

from typing import Any

from app.privacy import redact
from core.audit import AuditLog, ChainReport
from core.settings import Settings
from core.users import User, UserStore

__all__ = ["ChainReport", "User", "UserStore", "audit_rows", "verify_audit"]


def _audit(settings: Settings) -> AuditLog:
    return AuditLog(settings.audit_store, redact)


def audit_rows(settings: Settings, thread: str | None, since: str | None, limit: int) -> list[dict[str, Any]]:
    """The audit trail's rows (identifiers redacted), oldest first; only one thread's, or since a date, if asked."""
    return _audit(settings).read(thread, since, limit)


def verify_audit(settings: Settings) -> ChainReport:
    """Check the audit trail's hash chain: whether it holds, and the first broken row when it does not."""
    return _audit(settings).verify()
