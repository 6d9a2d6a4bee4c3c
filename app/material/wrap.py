"""The user's side of an import: make or load 32 bytes of material, and wrap them with a
downloaded wrapping key, byte-compatible with the openssl commands of the console guide."""

from __future__ import annotations

import base64
import binascii
import os
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

from app.material.files import FileProblem, describe, read_input
from app.model.importing import MATERIAL_LENGTH, WrappingAlgorithm
from app.model.kcv import key_check_value

__all__ = [
    "generate_material",
    "key_check_value",
    "load_plaintext_material",
    "load_wrapping_key",
    "wrap_material",
]


def generate_material(random: Callable[[int], bytes] = os.urandom) -> bytearray:
    """32 random bytes from the OS's CSPRNG, in a buffer the caller can wipe."""
    return bytearray(random(MATERIAL_LENGTH))


def load_plaintext_material(path: Path | str) -> bytearray:
    """A plaintext material file: exactly 32 raw bytes, nothing else."""
    data = bytearray(read_input(path, "a 32-byte key material file", limit=1024 * 1024))
    if len(data) == MATERIAL_LENGTH:
        return data
    found = describe(bytes(data))
    data[:] = bytes(len(data))
    hint = ""
    if "hex text" in found:
        hint = " Convert it to raw bytes first, for example: xxd -r -p IN > OUT."
    elif "Base64" in found:
        hint = " Convert it to raw bytes first, for example: base64 -d IN > OUT."
    raise FileProblem(
        f"{path} holds {found}; key material must be exactly {MATERIAL_LENGTH} raw bytes "
        f"(256 bits).{hint}",
        code="KMS.2604",
    )


def load_wrapping_key(path: Path | str) -> RSAPublicKey:
    """A downloaded wrapping key: DER SubjectPublicKeyInfo. PEM and Base64 of the same
    structure are accepted too, since each is unambiguous."""
    data = read_input(path, "a wrapping key")
    for candidate in _der_candidates(data):
        try:
            key = serialization.load_der_public_key(candidate)
        except (ValueError, TypeError):
            continue
        if isinstance(key, RSAPublicKey):
            return key
        raise FileProblem(f"{path} holds a public key, but not an RSA one.")
    raise FileProblem(
        f"{path} is not a wrapping key: it holds {describe(data)}. Use the wrappingKey_... "
        "file downloaded with the import token."
    )


def _der_candidates(data: bytes) -> list[bytes]:
    candidates = [data]
    text = data.strip()
    if text.startswith(b"-----BEGIN PUBLIC KEY-----"):
        body = b"".join(line for line in text.splitlines() if not line.startswith(b"-----"))
        text = body
    try:
        candidates.append(base64.b64decode(text, validate=False))
    except (binascii.Error, ValueError):
        pass
    return candidates


def wrap_material(
    material: bytes | bytearray, public_key: RSAPublicKey, algorithm: WrappingAlgorithm
) -> bytes:
    if len(material) != MATERIAL_LENGTH:
        raise FileProblem(
            f"Key material must be exactly {MATERIAL_LENGTH} bytes, not {len(material)}.",
            code="KMS.2604",
        )
    return public_key.encrypt(bytes(material), algorithm.padding())
