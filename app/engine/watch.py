"""Noticing that any connection of any process has committed to the store.

The data path keeps usable keys in memory (``key_cache.py``) and must never use a key that
another program has just disabled. ``PRAGMA data_version``, asked on a connection that never
writes, changes whenever any other connection, of this process or another, has committed
since it was last asked (SQLite documents it for exactly this).
"""

from __future__ import annotations

import sqlite3
import threading


class ChangeWatch:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._lock = threading.Lock()

    def token(self) -> int:
        """Changes whenever anything has been committed to the store since the last call."""
        # One statement at a time, run to its end: while a statement on this connection is
        # active its read transaction stays open, and data_version would not move.
        with self._lock:
            rows = self._conn.execute("PRAGMA data_version").fetchall()
        return int(rows[0][0])
