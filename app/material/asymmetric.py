"""The user's side of an asymmetric import: take or make a private key, and wrap it in the
console's two layers, byte-compatible with its openssl commands.

1. A temporary 256-bit AES key, wrapped with the downloaded wrapping key and the token's
   algorithm exactly as symmetric material is (``EncryptedKeyMaterial.bin``).
2. The private key as unencrypted PKCS#8 DER, wrapped under the temporary key with AES key
   wrap with padding, RFC 5649 (``openssl enc -id-aes256-wrap-pad -iv A65959A6``).

The temporary key and the PKCS#8 bytes live in buffers that are wiped once wrapped; nothing
but the two wrapped files is ever written.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.keywrap import aes_key_wrap_with_padding

from app.material.files import FileProblem, describe, read_input, write_private
from app.material.wrap import wrap_material
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeyFamily, KeySpec
from app.model.private_keys import (
    PRIVATE_KEY_MAX_BYTES,
    TEMPORARY_KEY_LENGTH,
    check_fits,
    public_key_der,
)
from app.model.private_keys import fingerprint as public_key_fingerprint

#: The file names of the console guide.
ENCRYPTED_PRIVATE_KEY_NAME = "out_rsa_private_key.der"


@dataclass(frozen=True)
class WrappedPrivateKey:
    """Both files of an asymmetric import, and the proof to compare: the public key's
    SHA-256 fingerprint (``public_key_der`` is public)."""

    encrypted_key_material: bytes
    encrypted_private_key: bytes
    public_key_der: bytes

    @property
    def fingerprint(self) -> str:
        return public_key_fingerprint(self.public_key_der)


def generate_private_key(spec: KeySpec) -> PrivateKeyTypes:
    """A new private key of ``spec`` (RSA with exponent 65537, or EC on its curve)."""
    if spec.family is KeyFamily.RSA and spec.rsa_bits:
        return rsa.generate_private_key(public_exponent=65537, key_size=spec.rsa_bits)
    if spec.family is KeyFamily.EC and spec.curve:
        return ec.generate_private_key(
            ec.SECP256R1() if spec.curve == "secp256r1" else ec.SECP384R1()
        )
    raise FileProblem("private_key.spec_none", spec=spec.value)


def needs_passphrase(path: Path | str) -> bool:
    """Whether the private key file is encrypted (a PEM with a passphrase, or an encrypted
    PKCS#8 DER), so the caller asks for its passphrase before ``load_private_key``."""
    data = read_input(path, "what.private_key")
    try:
        _parse(data, None, Path(path))
    except _NeedsPassphrase:
        return True
    except FileProblem:
        return False
    return False


def load_private_key(path: Path | str, passphrase: bytes | None = None) -> PrivateKeyTypes:
    """A private key file: PEM (PKCS#8, PKCS#1 or SEC1, encrypted with ``passphrase`` or
    not) or DER (PKCS#8, PKCS#1, SEC1). The file's bytes are wiped after parsing."""
    path = Path(path)
    data = bytearray(read_input(path, "what.private_key"))
    try:
        return _parse(bytes(data), passphrase, path)
    except _NeedsPassphrase:
        raise FileProblem("private_key.passphrase", path=path) from None
    finally:
        data[:] = bytes(len(data))


class _NeedsPassphrase(Exception):
    pass


def _parse(data: bytes, passphrase: bytes | None, path: Path) -> PrivateKeyTypes:
    pem = data.lstrip().startswith(b"-----BEGIN")
    loader = serialization.load_pem_private_key if pem else serialization.load_der_private_key
    try:
        return loader(data, password=passphrase)
    except TypeError:
        # cryptography: a password for an unencrypted key, or none for an encrypted one.
        if passphrase is None:
            raise _NeedsPassphrase from None
        return loader(data, password=None)
    except ValueError:
        if passphrase is not None and (b"ENCRYPTED" in data[:200] or not pem):
            raise FileProblem("private_key.bad_passphrase", path=path) from None
        raise _not_a_private_key(data, path) from None
    except UnsupportedAlgorithm:
        raise _not_a_private_key(data, path) from None


def _not_a_private_key(data: bytes, path: Path) -> FileProblem:
    for load in (serialization.load_pem_public_key, serialization.load_der_public_key):
        try:
            load(data)
        except (ValueError, TypeError, UnsupportedAlgorithm):
            continue
        return FileProblem("private_key.is_public", path=path)
    return FileProblem("private_key.not_a_key", path=path, content=describe(data))


def pkcs8_der(key: PrivateKeyTypes) -> bytearray:
    """The key as unencrypted PKCS#8 DER, in a buffer the caller wipes."""
    return bytearray(
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


def wrap_private_key(
    key: PrivateKeyTypes,
    spec: KeySpec,
    wrapping_key: RSAPublicKey,
    algorithm: WrappingAlgorithm,
    *,
    random: Callable[[int], bytes] = os.urandom,
) -> WrappedPrivateKey:
    """Both layers for ``key``, which must fit ``spec`` (KMS.2609 otherwise, before
    anything is made)."""
    check_fits(key, spec)
    temporary = bytearray(random(TEMPORARY_KEY_LENGTH))
    der = pkcs8_der(key)
    try:
        if len(der) > PRIVATE_KEY_MAX_BYTES:  # cannot happen for the six specs
            raise FileProblem("private_key.spec_none", spec=spec.value)
        wrapped_key = aes_key_wrap_with_padding(bytes(temporary), bytes(der))
        wrapped_material = wrap_material(temporary, wrapping_key, algorithm)
    finally:
        temporary[:] = bytes(len(temporary))
        der[:] = bytes(len(der))
    return WrappedPrivateKey(wrapped_material, wrapped_key, public_key_der(key))


def write_wrapped(
    wrapped: WrappedPrivateKey, material_path: Path | str, private_key_path: Path | str
) -> tuple[Path, Path]:
    """Write both files (0600, synced; see ``files.write_private``). When the second write
    fails, the first file is removed, so no half of a pair is left behind."""
    return write_pair(
        wrapped.encrypted_key_material,
        wrapped.encrypted_private_key,
        material_path,
        private_key_path,
    )


def write_pair(
    encrypted_key_material: bytes,
    encrypted_private_key: bytes,
    material_path: Path | str,
    private_key_path: Path | str,
) -> tuple[Path, Path]:
    """``write_wrapped`` for the two files' bytes (a token's wrap has no ``WrappedPrivateKey``)."""
    material = write_private(material_path, encrypted_key_material)
    try:
        private = write_private(private_key_path, encrypted_private_key)
    except FileProblem:
        material.unlink(missing_ok=True)
        raise
    return material, private


def load_encrypted_private_key(path: Path | str) -> bytes:
    """An ``encrypted_privatekey`` file as the console writes it: binary RFC 5649 output,
    16 bytes or more, a multiple of 8."""
    data = read_input(path, "what.encrypted_private_key", limit=PRIVATE_KEY_MAX_BYTES + 16)
    if len(data) < 16 or len(data) % 8:
        raise FileProblem("asym.private_key_size", limit=PRIVATE_KEY_MAX_BYTES + 16)
    return data
