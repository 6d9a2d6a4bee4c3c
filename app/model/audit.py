"""Audit log entries as values: who did what to which key, and how it ended. Never a secret."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    time_ms: int
    actor: str
    operation: str
    project_id: str | None
    key_id: str | None
    result: str  # "ok", "refused" (a KmsError), "failed" (an internal error)
    error_code: str | None = None
