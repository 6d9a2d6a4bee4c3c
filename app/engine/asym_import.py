"""The private key of an asymmetric import, from the request to what the store keeps.

``encrypted_key_material`` holds a temporary 256-bit AES key wrapped like symmetric
material; ``encrypted_privatekey`` the PKCS#8 DER private key wrapped under it with RFC 5649.
Each step has its own error: the temporary key's length (KMS.2604), the private key's unwrap
(KMS.0311: the integrity check of RFC 5649 fails the same way for every wrong byte), what the
unwrapped bytes are (KMS.2608) and whether they fit the key's spec (KMS.2609). The temporary
key and the plaintext private key are wiped from their buffers when done; what is kept is
sealed (``ImportOps``).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.keywrap import InvalidUnwrap, aes_key_unwrap_with_padding

from app.model.errors import KmsError
from app.model.kcv import key_check_value
from app.model.keys import KeyFamily, KeySpec
from app.model.private_keys import (
    PRIVATE_KEY_MAX_BYTES,
    TEMPORARY_KEY_LENGTH,
    fingerprint,
    load_pkcs8,
    public_key_der,
    without_block_padding,
)

#: An RFC 5649 output is 8 bytes longer than its input, rounded up to 8.
WRAPPED_MAX_BYTES = PRIVATE_KEY_MAX_BYTES + 16


@dataclass(frozen=True)
class ImportedPair:
    """A checked private key: its PKCS#8 DER (to seal), its public key DER (to compare on
    re-import) and its fingerprint (shown as the KCV's counterpart)."""

    pkcs8: bytes
    public_der: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_der)


def wrapped_private_key(value: object) -> bytes:
    """``encrypted_privatekey`` as the API sends it (Base64), or bytes in-process."""
    if isinstance(value, bytes | bytearray):
        data = bytes(value)
    elif isinstance(value, str):
        try:
            data = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise KmsError("KMS.0308", "asym.private_key_not_base64") from None
    else:
        raise KmsError("KMS.0308", "asym.private_key_not_text")
    if not 16 <= len(data) <= WRAPPED_MAX_BYTES or len(data) % 8:
        raise KmsError("KMS.0311", "asym.private_key_size", limit=WRAPPED_MAX_BYTES)
    return data


def unwrap_private_key(
    temporary_key: bytes, wrapped: bytes, spec: KeySpec, *, algorithm: str
) -> ImportedPair:
    """The private key under ``temporary_key`` (the unwrapped ``encrypted_key_material``),
    checked against ``spec``."""
    temporary = bytearray(temporary_key)
    try:
        if len(temporary) != TEMPORARY_KEY_LENGTH:
            raise KmsError(
                "KMS.2604",
                "asym.temporary_key_length",
                length=len(temporary),
                expected=TEMPORARY_KEY_LENGTH,
                algorithm=algorithm,
            )
        try:
            der = bytearray(aes_key_unwrap_with_padding(bytes(temporary), wrapped))
        except (InvalidUnwrap, ValueError):
            raise KmsError("KMS.0311", "asym.private_key_unwrap") from None
    finally:
        temporary[:] = bytes(len(temporary))
    try:
        pkcs8 = without_block_padding(bytes(der))  # a token's zero padding is not the key's
        key = load_pkcs8(pkcs8, spec)
        return ImportedPair(pkcs8=pkcs8, public_der=public_key_der(key))
    finally:
        der[:] = bytes(len(der))


def generate_pair(spec: KeySpec) -> ImportedPair:
    """A new key pair of ``spec`` for a key of origin kms (OpenSSL's own random source)."""
    if spec.family is KeyFamily.RSA and spec.rsa_bits:
        key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey = rsa.generate_private_key(
            public_exponent=65537, key_size=spec.rsa_bits
        )
    else:
        curve = ec.SECP256R1() if spec.curve == "secp256r1" else ec.SECP384R1()
        key = ec.generate_private_key(curve)
    der = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return ImportedPair(pkcs8=der, public_der=public_key_der(key))


def new_material(spec: KeySpec, random: Callable[[int], bytes]) -> tuple[bytes, str]:
    """Material for a key of origin kms and its proof (KCV, or public key fingerprint).
    Made before the write transaction: an RSA-4096 pair takes a while."""
    if spec.is_asymmetric:
        pair = generate_pair(spec)
        return pair.pkcs8, pair.fingerprint
    material = bytes(random(32))
    return material, key_check_value(material)
