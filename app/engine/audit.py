"""The append-only audit log: one entry per operation, in the store, never a secret.

A successful write records its entry inside the operation's own transaction, so the change and
its entry commit together. Refused operations and reads record theirs in a transaction of
their own. The table refuses UPDATE and DELETE (triggers in ``store.py``).
"""

from __future__ import annotations

import contextvars
import getpass
import sqlite3

from app.engine.clock import Clock, now_ms
from app.engine.store import Store
from app.model.audit import AuditEntry

#: Who is acting: the server sets the caller's access key ID per request.
ACTOR: contextvars.ContextVar[str | None] = contextvars.ContextVar("keyferry_actor", default=None)


def _local_actor() -> str:
    try:
        return f"local:{getpass.getuser()}"
    except (KeyError, OSError):
        return "local"


class AuditLog:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._default_actor = _local_actor()

    def actor(self) -> str:
        return ACTOR.get() or self._default_actor

    def record(
        self,
        conn: sqlite3.Connection,
        *,
        operation: str,
        project_id: str | None,
        key_id: str | None,
        result: str = "ok",
        error_code: str | None = None,
        actor: str | None = None,
    ) -> None:
        """Append one entry inside the caller's transaction."""
        conn.execute(
            "INSERT INTO audit (time_ms, actor, operation, project_id, key_id, result, "
            "error_code) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (now_ms(self._clock), actor or self.actor(), operation, project_id, key_id,
             result, error_code),
        )

    def append(self, **fields: str | None) -> None:
        """Append one entry in a transaction of its own."""
        with self._store.write() as conn:
            self.record(conn, **fields)  # type: ignore[arg-type]

    def entries(self, *, key_id: str | None = None, limit: int = 1000) -> list[AuditEntry]:
        conn = self._store.connection()
        if key_id is None:
            rows = conn.execute(
                "SELECT * FROM audit ORDER BY seq DESC LIMIT ?", (limit,)
            ).fetchall()
        else:
            rows = conn.execute(
                "SELECT * FROM audit WHERE key_id = ? ORDER BY seq DESC LIMIT ?",
                (key_id, limit),
            ).fetchall()
        return [AuditEntry(*row) for row in reversed(rows)]
