"""Nonces for the data path, drawn from the OS's CSPRNG a page at a time.

``os.urandom`` releases the GIL around its system call. On the data path that is once per
encrypt call, and each release hands the GIL to any thread waiting for it (the audit
flusher): the caller then waits for it back. Profiling encrypt-data with py-spy put 30% of
the calling thread's time on that line. Reading 4 KiB at a time (341 nonces of 12 bytes)
keeps the randomness the same, the OS's, and makes the calls rare.

Nonces are not secret, but they must never repeat under one key: a child made by ``fork``
would inherit the parent's unread bytes, so the buffer is dropped in the child.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Callable

_CHUNK = 4096
_POOLS: weakref.WeakSet[NoncePool] = weakref.WeakSet()


class NoncePool:
    def __init__(self, source: Callable[[int], bytes] = os.urandom) -> None:
        self._source = source
        self._lock = threading.Lock()
        self._buffer = b""
        self._at = 0
        _POOLS.add(self)

    def __call__(self, length: int) -> bytes:
        with self._lock:
            end = self._at + length
            if end > len(self._buffer):
                self._buffer, self._at, end = self._source(max(_CHUNK, length)), 0, length
            nonce = self._buffer[self._at:end]
            self._at = end
            return nonce

    def _forget(self) -> None:
        self._lock = threading.Lock()  # the parent's may have been held at the fork
        self._buffer, self._at = b"", 0


def _after_fork_in_child() -> None:
    for pool in list(_POOLS):
        pool._forget()


os.register_at_fork(after_in_child=_after_fork_in_child)
