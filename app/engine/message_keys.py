"""Encrypting data under a key's material, inside AES-GCM's limit for random nonces.

NIST SP 800-38D bounds AES-GCM with random 96-bit nonces to about 2**32 encryptions under
one key. A key's material therefore never encrypts data itself: a key derived from it with
HKDF-SHA256 and a random 128-bit salt does, for at most ``MESSAGES_PER_KEY`` messages, and
then a new salt and derived key take over. The salt travels in the ciphertext, so every
message opens for as long as the material is there, whatever salt sealed it.

A derivation costs a few encryptions' worth, so it is made once per batch of messages, not
per message; a key that has just been read from the store starts a new batch. A process
made by ``fork`` shares its parent's current batch: its nonces are still fresh from the OS,
so that only adds the child's messages to the batch, far inside the limit.

``seal`` returns salt (16) || nonce (12) || ciphertext and tag.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SALT_LEN = 16
NONCE_LEN = 12
#: Messages sealed under one derived key: 2**8 times inside NIST's 2**32, so that even
#: 2**48 messages under one material keep the chance of any repeated nonce below 2**-25.
MESSAGES_PER_KEY = 2**24
_INFO = b"keyferry/data-message-key"


def derive(material: bytes, salt: bytes) -> AESGCM:
    """The AES-256-GCM key of the batch that ``salt`` names."""
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_INFO).derive(material)
    return AESGCM(key)


class _Batch:
    __slots__ = ("aead", "salt", "uses")

    def __init__(self, material: bytes, salt: bytes) -> None:
        self.salt = salt
        self.aead = derive(material, salt)
        self.uses = itertools.count()  # next() is atomic: each value is one message


class MessageKeys:
    """Seals and opens data under one key's material (thread-safe)."""

    def __init__(
        self,
        material: bytes,
        *,
        random: Callable[[int], bytes] = os.urandom,
        messages_per_key: int = MESSAGES_PER_KEY,
    ) -> None:
        self._material = material
        self._random = random
        self._limit = messages_per_key
        self._lock = threading.Lock()
        self._batch = _Batch(material, random(SALT_LEN))

    def seal(self, plaintext: bytes, aad: bytes | None) -> bytes:
        batch = self._batch
        while next(batch.uses) >= self._limit:
            batch = self._next_batch(batch)
        nonce = self._random(NONCE_LEN)
        return batch.salt + nonce + batch.aead.encrypt(nonce, plaintext, aad)

    def open(self, sealed: bytes, aad: bytes | None) -> bytes:
        """Raises ``cryptography.exceptions.InvalidTag`` when ``sealed`` does not open."""
        salt, nonce = sealed[:SALT_LEN], sealed[SALT_LEN : SALT_LEN + NONCE_LEN]
        batch = self._batch
        aead = batch.aead if salt == batch.salt else derive(self._material, salt)
        return aead.decrypt(nonce, sealed[SALT_LEN + NONCE_LEN :], aad)

    def open_unsalted(self, sealed: bytes, aad: bytes | None) -> bytes:
        """Data sealed before message keys (nonce || ciphertext under the material itself):
        still readable, never written."""
        return AESGCM(self._material).decrypt(sealed[:NONCE_LEN], sealed[NONCE_LEN:], aad)

    def _next_batch(self, spent: _Batch) -> _Batch:
        with self._lock:  # one new batch, however many threads find this one spent
            if self._batch is spent:
                self._batch = _Batch(self._material, self._random(SALT_LEN))
            return self._batch
