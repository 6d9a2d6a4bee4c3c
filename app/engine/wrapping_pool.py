"""A small pool of RSA wrapping keys, generated ahead in a background thread.

RSA-2048 generation takes tens of milliseconds (and varies a lot); get-parameters-for-import
should not. The pool keeps keys ready, already serialised, and refills itself with two
threads (OpenSSL releases the GIL while it generates, so they use both cores) at a low
scheduling priority, so a window or a server running beside them keeps the CPU it needs. If
the pool is empty (a burst beyond its size), the caller generates one inline rather than
wait. Keys live only in memory until a token seals one.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WrappingKeyPair:
    private_der: bytes  # PKCS#8
    public_der: bytes  # SubjectPublicKeyInfo


def generate_wrapping_key(bits: int = 2048) -> WrappingKeyPair:
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    return WrappingKeyPair(
        private_der=key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        public_der=key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        ),
    )


class WrappingKeyPool:
    def __init__(
        self, size: int = 32, bits: int = 2048, *, background: bool = True, threads: int = 2
    ) -> None:
        self.size = size
        self.bits = bits
        self._keys: deque[WrappingKeyPair] = deque()
        self._wanted = threading.Condition()
        self._closed = False
        self._generating = 0
        self._threads: list[threading.Thread] = []
        if background and size > 0:
            for n in range(threads):
                thread = threading.Thread(
                    target=self._fill, name=f"keyferry-wrapping-pool-{n}", daemon=True
                )
                thread.start()
                self._threads.append(thread)

    def take(self) -> WrappingKeyPair:
        with self._wanted:
            pair = self._keys.popleft() if self._keys else None
            self._wanted.notify()
        return pair if pair is not None else generate_wrapping_key(self.bits)

    def ready(self) -> int:
        with self._wanted:
            return len(self._keys)

    def wait_full(self, timeout: float = 30.0) -> bool:
        """For benchmarks and tests: block until the pool is full."""
        with self._wanted:
            return self._wanted.wait_for(
                lambda: len(self._keys) >= self.size or self._closed, timeout
            )

    def close(self) -> None:
        with self._wanted:
            self._closed = True
            self._wanted.notify_all()
        for thread in self._threads:
            thread.join(timeout=5)

    def _fill(self) -> None:
        try:  # Linux: a thread has its own nice value; elsewhere this is best left alone
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        except (AttributeError, OSError):
            pass
        while True:
            with self._wanted:
                self._wanted.wait_for(
                    lambda: self._closed or len(self._keys) + self._generating < self.size
                )
                if self._closed:
                    return
                self._generating += 1
            try:
                pair = generate_wrapping_key(self.bits)
            except Exception:  # never let the pool thread die silently
                log.exception("generating a wrapping key failed")
                return
            finally:
                with self._wanted:
                    self._generating -= 1
            with self._wanted:
                self._keys.append(pair)
                self._wanted.notify_all()
