"""Noticing, cheaply, that any connection of any process has committed to the store.

The data path (encrypt, decrypt) keeps unsealed keys and their state in memory; it must never
use a key another program has just disabled. ``PRAGMA data_version`` answers the question but
costs a statement (about 7 µs, more than the AES-GCM it guards). In WAL mode every commit
rewrites the header of the shared wal-index (the ``-shm`` file: its change counter, frame
count and salts; see SQLite's "WAL-index format"), so reading those 48 bytes from a read-only
memory map tells the same in a fraction of a microsecond. A header caught mid-update reads as
the state just before the commit, which is what a reader would see anyway.

Two rules keep the map safe:
- POSIX drops every fcntl lock a process holds on a file when the process closes *any*
  descriptor of that file. SQLite's shared lock on the -shm file is what stops another
  process from truncating it (and a truncated map is a SIGBUS), so the descriptor behind the
  map stays open until the last user in this process has closed its store connections; one
  map per file per process, counted.
- The map is made only while this process holds a connection, so the file is SQLite's live
  one. Without the file, every call falls back to ``PRAGMA data_version``.
"""

from __future__ import annotations

import mmap
import sqlite3
import threading
from pathlib import Path
from typing import BinaryIO

_HEADER = 48
_shared: dict[str, tuple[BinaryIO, mmap.mmap | None, int]] = {}
_shared_lock = threading.Lock()


class ChangeWatch:
    def __init__(self, db_path: Path, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._lock = threading.Lock()
        self._shm = str(Path(f"{db_path}-shm").resolve())
        self._acquired = False
        self._map = self._acquire()

    def token(self) -> bytes:
        """Changes whenever anything has been committed to the store since the last call."""
        if self._map is not None:
            return self._map[:_HEADER]
        # One statement at a time, run to its end: while any statement on this connection is
        # active its read transaction stays open, and data_version would not move after a
        # commit elsewhere (threads overlapping here kept serving a key just disabled).
        with self._lock:
            rows = self._conn.execute("PRAGMA data_version").fetchall()
        return str(rows[0][0]).encode()

    def close(self) -> None:
        """Call only after this user's store connections are closed."""
        self._map = None
        if self._acquired:
            self._acquired = False
            _release(self._shm)

    def _acquire(self) -> mmap.mmap | None:
        with _shared_lock:
            if self._shm in _shared:
                handle, mapped, users = _shared[self._shm]
                _shared[self._shm] = (handle, mapped, users + 1)
                self._acquired = True
                return mapped
            try:
                handle = open(self._shm, "rb")  # held open on purpose: see the docstring
            except OSError:
                return None
            view: mmap.mmap | None = None
            try:
                if Path(self._shm).stat().st_size >= _HEADER:
                    view = mmap.mmap(handle.fileno(), _HEADER, access=mmap.ACCESS_READ)
            except (OSError, ValueError):
                view = None
            _shared[self._shm] = (handle, view, 1)  # even unmapped: never close it early
            self._acquired = True
            return view


def _release(path: str) -> None:
    with _shared_lock:
        handle, mapped, users = _shared[path]
        if users > 1:
            _shared[path] = (handle, mapped, users - 1)
            return
        del _shared[path]
    if mapped is not None:
        mapped.close()
    handle.close()
