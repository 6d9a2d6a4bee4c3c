"""What every engine operation does around its own work: check the project, turn store
failures into KMS errors, and audit a refusal (a success is audited by the operation itself,
inside its transaction when it writes). A front end that refuses a request itself (the
server's parameter checks) audits that refusal with ``audit_refusal``."""

from __future__ import annotations

import functools
import logging
import re
import sqlite3
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, Protocol, TypeVar, cast

from app.engine.audit import AuditLog
from app.engine.store import store_error
from app.model.errors import KmsError

log = logging.getLogger(__name__)

PROJECT_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")

F = TypeVar("F", bound=Callable[..., Any])

#: The refusal an operation audited last in this context, so that ``audit_refusal`` does not
#: record it twice when it passes through a front end.
_AUDITED: ContextVar[KmsError | None] = ContextVar("keyferry_audited_refusal", default=None)


class _Audited(Protocol):
    audit: AuditLog


def check_project(project_id: object) -> str:
    if not isinstance(project_id, str) or not PROJECT_PATTERN.fullmatch(project_id):
        raise KmsError("KMS.0201", "project.invalid")
    return project_id


def _key_id(value: object) -> str | None:
    """A key ID worth recording: key IDs are ASCII (text that SQLite cannot store is not)."""
    return value if isinstance(value, str) and len(value) <= 64 and value.isascii() else None


def operation(name: str) -> Callable[[F], F]:
    def decorate(function: F) -> F:
        @functools.wraps(function)
        def run(self: _Audited, **kwargs: Any) -> Any:
            project_id = kwargs.get("project_id")
            try:
                check_project(project_id)
                return function(self, **kwargs)
            except KmsError as error:
                _audit_failure(
                    self, name, project_id, _key_id(kwargs.get("key_id")), "refused", error.code
                )
                _AUDITED.set(error)
                raise
            except sqlite3.Error as error:
                log.error("%s failed in the store: %s", name, error)
                failure = store_error(error)
                _audit_failure(
                    self, name, project_id, _key_id(kwargs.get("key_id")), "failed", failure.code
                )
                raise failure from None

        return cast(F, run)

    return decorate


def audit_refusal(
    kms: _Audited, *, operation: str, project_id: str, key_id: object, error: KmsError
) -> None:
    """Audit a refusal decided outside the engine's operations (a malformed parameter the
    server refused), unless an operation has audited this very error already."""
    if _AUDITED.get() is not error:
        _audit_failure(kms, operation, project_id, _key_id(key_id), "refused", error.code)


def _audit_failure(
    kms: _Audited, name: str, project_id: object, key_id: str | None, result: str, code: str
) -> None:
    try:
        kms.audit.append(
            operation=name,
            project_id=project_id if isinstance(project_id, str) else None,
            key_id=key_id,
            result=result,
            error_code=code,
        )
    except (sqlite3.Error, KmsError):
        # The store itself is failing (disk full): the refusal still reaches the caller.
        log.warning("could not audit a refused %s", name)
