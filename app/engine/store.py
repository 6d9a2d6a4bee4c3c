"""The SQLite store of one local KMS: schema, connections and transactions.

One file per store, WAL journal with ``synchronous=FULL`` so a committed operation survives a
power cut, a busy timeout so a second process waits instead of failing, and one connection per
thread. Writes go through ``write()``, which takes the write lock up front (``BEGIN
IMMEDIATE``) so two writers never deadlock upgrading a read lock. The schema is versioned and
the table constraints restate the invariants the engine keeps (material iff KCV; a pending
import key has no material), so a bug cannot store a half-imported key.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from app.engine import store_files
from app.engine.watch import ChangeWatch
from app.model.errors import KmsError

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2
BUSY_TIMEOUT_MS = 15_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS keys (
    key_id               TEXT PRIMARY KEY,
    project_id           TEXT NOT NULL,
    alias                TEXT NOT NULL,
    description          TEXT NOT NULL DEFAULT '',
    key_spec             TEXT NOT NULL,
    key_usage            TEXT NOT NULL,
    origin               TEXT NOT NULL CHECK (origin IN ('kms', 'external')),
    state                INTEGER NOT NULL CHECK (state BETWEEN 1 AND 5),
    created_ms           INTEGER NOT NULL,
    material_expires_ms  INTEGER,
    deletion_ms          INTEGER,
    kcv                  TEXT,
    material             BLOB,
    material_fingerprint BLOB,
    UNIQUE (project_id, alias),
    CHECK ((material IS NULL) = (kcv IS NULL)),
    CHECK (state <> 5 OR material IS NULL),
    CHECK (state NOT IN (2, 3) OR material IS NOT NULL),
    CHECK (material IS NOT NULL OR material_expires_ms IS NULL),
    CHECK ((state = 4) = (deletion_ms IS NOT NULL))
);
CREATE INDEX IF NOT EXISTS keys_by_project ON keys (project_id, created_ms);
CREATE INDEX IF NOT EXISTS keys_material_expiry ON keys (material_expires_ms)
    WHERE material_expires_ms IS NOT NULL;
CREATE INDEX IF NOT EXISTS keys_deletion ON keys (deletion_ms) WHERE deletion_ms IS NOT NULL;

CREATE TABLE IF NOT EXISTS tags (
    key_id    TEXT NOT NULL REFERENCES keys (key_id) ON DELETE CASCADE,
    tag_key   TEXT NOT NULL,
    tag_value TEXT NOT NULL,
    PRIMARY KEY (key_id, tag_key)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS audit (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    time_ms    INTEGER NOT NULL,
    actor      TEXT NOT NULL,
    operation  TEXT NOT NULL,
    project_id TEXT,
    key_id     TEXT,
    result     TEXT NOT NULL CHECK (result = 'ok' OR result = 'refused' OR result = 'failed'),
    error_code TEXT,
    read       INTEGER NOT NULL DEFAULT 0 CHECK (read = 0 OR read = 1)
);
-- A key's history (changes and refusals) by key; the entries of reads and data operations,
-- which arrive in bulk, stay out of the index so appending them
-- costs only the table itself.
CREATE INDEX IF NOT EXISTS audit_by_key ON audit (key_id, seq) WHERE read = 0;
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


#: Schema 1 checked the audit's columns with ``IN (...)`` lists. SQLite builds an ephemeral
#: table for such a list on every execution of the INSERT, which doubled the cost of writing
#: an audit entry (docs/performance.md); schema 2 says the same with ``OR``. A CHECK cannot be
#: altered in place, so the table is rebuilt (written out in full: this is schema 2's table,
#: whatever later schemas make of it; a large log takes a moment, once, inside the first
#: open's transaction).
_AUDIT_V1_TO_V2 = """
ALTER TABLE audit RENAME TO audit_v1;
DROP INDEX IF EXISTS audit_by_key;
DROP TRIGGER IF EXISTS audit_no_update;
DROP TRIGGER IF EXISTS audit_no_delete;
CREATE TABLE audit (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    time_ms    INTEGER NOT NULL,
    actor      TEXT NOT NULL,
    operation  TEXT NOT NULL,
    project_id TEXT,
    key_id     TEXT,
    result     TEXT NOT NULL CHECK (result = 'ok' OR result = 'refused' OR result = 'failed'),
    error_code TEXT,
    read       INTEGER NOT NULL DEFAULT 0 CHECK (read = 0 OR read = 1)
);
CREATE INDEX audit_by_key ON audit (key_id, seq) WHERE read = 0;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
INSERT INTO audit (seq, time_ms, actor, operation, project_id, key_id, result, error_code, read)
    SELECT seq, time_ms, actor, operation, project_id, key_id, result, error_code, read
    FROM audit_v1 ORDER BY seq;
DROP TABLE audit_v1;
"""


def store_error(error: sqlite3.Error) -> KmsError:
    """Turn a SQLite failure into the KMS's I/O error with a sentence a user can act on."""
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    if name == "SQLITE_FULL" or "full" in text:
        return KmsError("KMS.0102", "store.disk_full")
    if name.startswith("SQLITE_IOERR"):
        return KmsError("KMS.0102", "store.io")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return KmsError("KMS.0102", "store.busy")
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return KmsError("KMS.0102", "store.read_only")
    if (
        name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT"))
        or "not a database" in text
        or "malformed" in text
        or "could not decode" in text  # text that is not UTF-8: written by no Keyferry
    ):
        return KmsError("KMS.0102", "store.damaged")
    return KmsError("KMS.0102")


@contextmanager
def closed_on_failure(*closers: Callable[[], object]) -> Iterator[None]:
    """If the block fails, call ``closers`` (what it had opened, so nothing is left behind)
    and say a SQLite failure as the store's KMS error."""
    try:
        yield
    except BaseException as error:
        for close in closers:
            close()
        if isinstance(error, sqlite3.Error):
            raise store_error(error) from None
        raise


class Store:
    """A store file and its per-thread connections."""

    DB_NAME = store_files.DB_NAME

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.path = self.directory / self.DB_NAME
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._all_lock = threading.Lock()
        store_files.prepare(self.directory, initialise)
        with closed_on_failure(self.close), self.write() as conn:
            self._migrate(conn)

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise KmsError("KMS.0102", "store.newer", version=version)
        if version < 1:  # a new store is created with its schema (store_files.py)
            raise KmsError("KMS.0102", "store.not_keyferry", path=self.path)
        if version == 1:  # in the caller's transaction: all of it, or none of it
            for statement in _split(_AUDIT_V1_TO_V2):
                conn.execute(statement)
        if version < SCHEMA_VERSION:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=0
            )
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            # SQLite then checks each b-tree cell it reads, so damage is said, not read past.
            conn.execute("PRAGMA cell_size_check = ON")
            self._local.conn = conn
            with self._all_lock:
                self._all.append(conn)
        return conn

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside commits together or not at all."""
        conn = self.connection()
        _begin_immediate(conn)
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for several reads."""
        conn = self.connection()
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    def change_watch(self) -> ChangeWatch:
        """A way to notice commits by any connection (see watch.py). It owns a connection
        of its own, closed with the store."""
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        with self._all_lock:
            self._all.append(conn)
        return ChangeWatch(conn)

    def close(self) -> None:
        with self._all_lock:
            for conn in self._all:
                try:
                    conn.close()
                except sqlite3.Error:  # closing a connection of a finished thread
                    log.debug("closing a store connection failed", exc_info=True)
            self._all.clear()
        self._local = threading.local()


def _begin_immediate(conn: sqlite3.Connection) -> None:
    """``BEGIN IMMEDIATE``, retried beyond SQLite's busy timeout for a little longer: a
    checkpoint or a long writer in another process must make us wait, not fail."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
            if time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def initialise(conn: sqlite3.Connection) -> None:
    """A new store's schema, in the caller's transaction."""
    for statement in _split(_SCHEMA):
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _split(script: str) -> list[str]:
    """Statements of the schema script (triggers contain semicolons, so split by sqlite)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return [s for s in statements if s]
