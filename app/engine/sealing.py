"""Secrets at rest: AES-256-GCM under keys derived from the store's master key.

Every sealed value is bound to what it belongs to (its purpose and key ID) through the
associated data, so a sealed blob moved to another key or column does not open. Sub-keys are
derived with HKDF so the master key itself encrypts nothing.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Callable
from hashlib import sha256

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

NONCE_LEN = 12
_VERSION = b"\x01"


class SealError(Exception):
    """A sealed value failed to open: tampered, moved, or sealed under another master key."""


def derive(master_key: bytes, purpose: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"keyferry/" + purpose.encode()
    ).derive(master_key)


class Sealer:
    """Seals and opens values for one purpose ("material", "import-token", ...)."""

    def __init__(
        self, master_key: bytes, purpose: str, *, random: Callable[[int], bytes] = os.urandom
    ) -> None:
        if len(master_key) != 32:
            raise ValueError("the master key must be 32 bytes")
        self._aead = AESGCM(derive(master_key, purpose))
        self._random = random

    def seal(self, plaintext: bytes, aad: bytes) -> bytes:
        nonce = self._random(NONCE_LEN)
        return _VERSION + nonce + self._aead.encrypt(nonce, plaintext, aad)

    def open(self, sealed: bytes, aad: bytes) -> bytes:
        if len(sealed) < 1 + NONCE_LEN + 16 or sealed[:1] != _VERSION:
            raise SealError("not a sealed value")
        nonce = sealed[1 : 1 + NONCE_LEN]
        try:
            return self._aead.decrypt(nonce, sealed[1 + NONCE_LEN :], aad)
        except InvalidTag:
            raise SealError("sealed value does not open") from None


class Fingerprinter:
    """Keyed fingerprints of material, so a re-import can be compared with the first import
    without keeping the material once it is deleted."""

    def __init__(self, master_key: bytes) -> None:
        self._key = derive(master_key, "material-fingerprint")

    def fingerprint(self, key_id: str, material: bytes) -> bytes:
        return hmac.new(self._key, key_id.encode() + b"\x00" + material, sha256).digest()

    @staticmethod
    def same(a: bytes, b: bytes) -> bool:
        return hmac.compare_digest(a, b)
