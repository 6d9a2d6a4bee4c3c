"""Nonces for the data path, drawn from the OS's CSPRNG a page at a time.

``os.urandom`` releases the GIL around its system call. On the data path that is once per
encrypt call, and each release hands the GIL to any thread waiting for it (the audit
flusher): the caller then waits for it back. Profiling encrypt-data with py-spy put 30% of
the calling thread's time on that line. Reading 4 KiB at a time (341 nonces of 12 bytes)
keeps the randomness the same, the OS's, and makes the calls rare.

The page is cut into nonces when it is read, and a nonce is taken with ``list.pop``, which
is atomic: no lock, so no lock to wait for (a lock and a slice per call cost as much as the
AES-GCM they feed). Two threads finding the list empty at once each read a page of their
own; the list one of them drops held nonces nobody had taken. No nonce is handed out twice.

Nonces are not secret, but they must never repeat under one key: a child made by ``fork``
would inherit the parent's untaken nonces, so they are dropped in the child.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable

_CHUNK = 4096
_POOLS: weakref.WeakSet[NoncePool] = weakref.WeakSet()


class NoncePool:
    """``pool(length)``: a fresh random nonce. Nonces of the pool's own ``length`` come from
    the page; any other length straight from the source."""

    def __init__(self, length: int = 12, source: Callable[[int], bytes] = os.urandom) -> None:
        self._length = length
        self._page = max(_CHUNK - _CHUNK % length, length)  # whole nonces, at least one
        self._source = source
        self._nonces: list[bytes] = []
        _POOLS.add(self)

    def __call__(self, length: int) -> bytes:
        if length != self._length:
            return self._source(length)
        try:
            return self._nonces.pop()
        except IndexError:
            return self._refill()

    def _refill(self) -> bytes:
        page, size = self._source(self._page), self._length
        nonces = [page[at : at + size] for at in range(0, len(page), size)]
        nonce = nonces.pop()
        self._nonces = nonces
        return nonce

    def _forget(self) -> None:
        self._nonces = []


def _after_fork_in_child() -> None:
    for pool in list(_POOLS):
        pool._forget()


os.register_at_fork(after_in_child=_after_fork_in_child)
