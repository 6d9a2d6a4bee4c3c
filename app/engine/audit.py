"""The append-only audit log: one entry per operation, in the store, never a secret.

A successful write records its entry inside the operation's own transaction, so the change and
its entry commit together. A refusal records its entry at once, in a transaction of its own.
Reads and data operations (describe, list, encrypt, ...) change nothing, so their entries are
group-committed: buffered and written together at most ``FLUSH_INTERVAL_S`` later by a
background thread, or when the engine closes. When reads come faster than the thread writes
them, the buffer is bounded: at ``_BUFFER_LIMIT`` entries the caller writes them itself, so
memory stays flat, throughput is what the disk sustains, and a crash loses at most that many
read entries (a fraction of a second's worth), never the entry of a change. The table refuses
UPDATE and DELETE (triggers in ``store.py``).
"""

from __future__ import annotations

import contextvars
import getpass
import logging
import sqlite3
import threading

from app.engine.clock import Clock, now_ms
from app.engine.store import Store
from app.model.audit import AuditEntry

log = logging.getLogger(__name__)

FLUSH_INTERVAL_S = 0.05
_FLUSH_AT = 2000  # entries: flush early when a burst fills the buffer
_BUFFER_LIMIT = 8000  # entries: the flusher is behind; the caller writes them (backpressure)
_INSERT = (
    "INSERT INTO audit (time_ms, actor, operation, project_id, key_id, result, "
    "error_code) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_READ = (
    "INSERT INTO audit (time_ms, actor, operation, project_id, key_id, result, "
    "error_code, read) VALUES (?, ?, ?, ?, ?, 'ok', NULL, 1)"
)
_COLUMNS = "seq, time_ms, actor, operation, project_id, key_id, result, error_code"
#: A buffered read entry: time (ms), actor, operation, project ID, key ID.
_Read = tuple[int, str, str, str | None, str | None]

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
        self._reads: list[_Read] = []  # the buffered read entries, in log order
        self._lock = threading.Lock()
        self._flush_lock = threading.Lock()
        self._wake = threading.Event()
        self._closed = False
        self._flusher: threading.Thread | None = None

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
            _INSERT,
            (
                now_ms(self._clock),
                actor or self.actor(),
                operation,
                project_id,
                key_id,
                result,
                error_code,
            ),
        )

    def append(self, **fields: str | None) -> None:
        """Append one entry in a transaction of its own."""
        with self._store.write() as conn:
            self.record(conn, **fields)  # type: ignore[arg-type]

    def append_later(
        self,
        *,
        operation: str,
        project_id: str | None,
        key_id: str | None,
        time_ms: int | None = None,
    ) -> None:
        """Buffer the entry of a successful read; it is written within FLUSH_INTERVAL_S.
        ``time_ms``: when it happened, if the caller has already asked the clock."""
        if time_ms is None:
            time_ms = now_ms(self._clock)
        entry = (time_ms, ACTOR.get() or self._default_actor, operation, project_id, key_id)
        with self._lock:
            self._reads.append(entry)
            size = len(self._reads)
            if self._flusher is None and not self._closed:
                self._flusher = threading.Thread(
                    target=self._run_flusher, name="keyferry-audit", daemon=True
                )
                self._flusher.start()
        if size == _FLUSH_AT:
            self._wake.set()
        if size >= _BUFFER_LIMIT:
            try:
                self.flush()
            except sqlite3.Error:  # kept in the buffer; the flusher retries and warns
                pass

    def flush(self) -> None:
        """Write every buffered entry now."""
        with self._flush_lock:
            with self._lock:
                batch, self._reads = self._reads, []
            if not batch:
                return
            try:
                with self._store.write() as conn:
                    conn.executemany(_INSERT_READ, batch)
            except sqlite3.Error:
                with self._lock:  # keep them for the next attempt
                    self._reads[:0] = batch
                raise

    def buffered(self) -> int:
        """How many read entries wait to be written."""
        with self._lock:
            return len(self._reads)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            flusher = self._flusher
        self._wake.set()
        if flusher is not None:
            flusher.join(timeout=10)
        self.flush()

    def _run_flusher(self) -> None:
        while True:
            self._wake.wait(FLUSH_INTERVAL_S)
            self._wake.clear()
            try:
                self.flush()
            except sqlite3.Error:
                log.warning("writing audit entries failed; they are kept and retried")
            with self._lock:
                if self._closed:
                    return

    def entries(
        self,
        *,
        key_id: str | None = None,
        since_ms: int | None = None,
        limit: int = 1000,
        reads: bool = False,
    ) -> list[AuditEntry]:
        """The newest ``limit`` entries, oldest first: of one key if ``key_id`` is given, from
        ``since_ms`` on if it is. Without ``reads``, only changes and refusals (the history
        people ask about), not every encrypt and describe."""
        self.flush()
        conditions, values = _where(key_id=key_id, since_ms=since_ms, reads=reads)
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        rows = (
            self._store.connection()
            .execute(
                f"SELECT {_COLUMNS} FROM audit {where} ORDER BY seq DESC LIMIT ?",  # noqa: S608
                (*values, limit),
            )
            .fetchall()
        )
        return [AuditEntry(*row) for row in reversed(rows)]


def _where(
    *, key_id: str | None, since_ms: int | None, reads: bool
) -> tuple[list[str], list[object]]:
    """SQL conditions (fixed texts, never user input) and their values."""
    conditions: list[str] = []
    values: list[object] = []
    if key_id is not None:
        conditions.append("key_id = ?")
        values.append(key_id)
    if since_ms is not None:
        conditions.append("time_ms >= ?")
        values.append(since_ms)
    if not reads:
        conditions.append("read = 0")
    return conditions, values
