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
    data = bytearray(read_input(path, "what.material_file", limit=1024 * 1024))
    if len(data) == MATERIAL_LENGTH:
        return data
    found = describe(bytes(data))
    data[:] = bytes(len(data))
    hinted = {
        "content.hex": "material.wrong_size_hex",
        "content.base64": "material.wrong_size_base64",
        "content.base64_token": "material.wrong_size_base64",
    }
    raise FileProblem(
        hinted.get(found.id, "material.wrong_size"),
        code="KMS.2604",
        path=path,
        content=found,
        expected=MATERIAL_LENGTH,
    )


def load_wrapping_key(path: Path | str) -> RSAPublicKey:
    """A downloaded wrapping key: DER SubjectPublicKeyInfo. PEM and Base64 of the same
    structure are accepted too, since each is unambiguous."""
    data = read_input(path, "what.wrapping_key")
    for candidate in _der_candidates(data):
        try:
            key = serialization.load_der_public_key(candidate)
        except (ValueError, TypeError):
            continue
        if isinstance(key, RSAPublicKey):
            return key
        raise FileProblem("wrapping_key.not_rsa", path=path)
    raise FileProblem("wrapping_key.not_a_key", path=path, content=describe(data))


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
            "material.length", code="KMS.2604", expected=MATERIAL_LENGTH, length=len(material)
        )
    return public_key.encrypt(bytes(material), algorithm.padding())
