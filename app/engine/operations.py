"""What every engine operation does around its own work: check the project, turn store
failures into KMS errors, and audit a refusal (a success is audited by the operation itself,
inside its transaction when it writes)."""

from __future__ import annotations

import functools
import logging
import re
import sqlite3
from collections.abc import Callable
from typing import Any, Protocol, TypeVar, cast

from app.engine.audit import AuditLog
from app.engine.store import store_error
from app.model.errors import KmsError

log = logging.getLogger(__name__)

PROJECT_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")

F = TypeVar("F", bound=Callable[..., Any])


class _Audited(Protocol):
    audit: AuditLog


def check_project(project_id: object) -> str:
    if not isinstance(project_id, str) or not PROJECT_PATTERN.fullmatch(project_id):
        raise KmsError("KMS.0201", "project.invalid")
    return project_id


def _key_id(kwargs: dict[str, Any]) -> str | None:
    key_id = kwargs.get("key_id")
    return key_id if isinstance(key_id, str) and len(key_id) <= 64 else None


def operation(name: str) -> Callable[[F], F]:
    def decorate(function: F) -> F:
        @functools.wraps(function)
        def run(self: _Audited, **kwargs: Any) -> Any:
            project_id = kwargs.get("project_id")
            try:
                check_project(project_id)
                return function(self, **kwargs)
            except KmsError as error:
                _audit_failure(self, name, project_id, _key_id(kwargs), "refused", error.code)
                raise
            except sqlite3.Error as error:
                log.error("%s failed in the store: %s", name, error)
                failure = store_error(error)
                _audit_failure(self, name, project_id, _key_id(kwargs), "failed", failure.code)
                raise failure from None

        return cast(F, run)

    return decorate


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
