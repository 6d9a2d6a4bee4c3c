"""A small pool of RSA wrapping keys, generated ahead in a background thread.

RSA-2048 generation takes tens of milliseconds (and varies a lot); get-parameters-for-import
should not. The pool keeps keys ready, already serialised, and refills itself with two
threads (OpenSSL releases the GIL while it generates, so they use both cores) at a low
scheduling priority, so a window or a server running beside them keeps the CPU it needs. If
the pool is empty (a burst beyond its size), the caller generates one inline rather than
wait. Keys live only in memory until a token seals one.

The threads start generating ``start_delay_s`` after the pool is made, or at once when a key
is taken or awaited: a program's first second is its start-up (the list window, the server's
socket), which 32 key generations on both cores would slow for nothing: nobody can want a
wrapping key before the window is up.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from dataclasses import dataclass

log = logging.getLogger(__name__)

START_DELAY_S = 2.0


@dataclass(frozen=True)
class WrappingKeyPair:
    private_der: bytes  # PKCS#8
    public_der: bytes  # SubjectPublicKeyInfo


def generate_wrapping_key(bits: int = 2048) -> WrappingKeyPair:
    # Here, not at the top: the serialization package pulls in SSH, DSA, EC and more, which
    # a program's start-up does not need (the pool's threads import it after the delay).
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

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
        self,
        size: int = 32,
        bits: int = 2048,
        *,
        background: bool = True,
        threads: int = 2,
        start_delay_s: float = START_DELAY_S,
    ) -> None:
        self.size = size
        self.bits = bits
        self._keys: deque[WrappingKeyPair] = deque()
        self._wanted = threading.Condition()
        self._closed = False
        self._started = start_delay_s <= 0
        self._start_delay_s = start_delay_s
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
            self._started = True
            self._wanted.notify_all()
        return pair if pair is not None else generate_wrapping_key(self.bits)

    def ready(self) -> int:
        with self._wanted:
            return len(self._keys)

    def wait_full(self, timeout: float = 30.0) -> bool:
        """For benchmarks and tests: block until the pool is full."""
        with self._wanted:
            self._started = True
            self._wanted.notify_all()
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
        with self._wanted:
            self._wanted.wait_for(lambda: self._started or self._closed, self._start_delay_s)
            self._started = True
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
