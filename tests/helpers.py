"""Small helpers shared by tests: wrapping material for a set of import parameters, and an
in-memory keyring backend (the clean choice for unit tests, per DESIGN.md)."""

from __future__ import annotations

import os

from cryptography.hazmat.primitives import serialization
from keyring.backend import KeyringBackend

from app.backends.base import KmsBackend
from app.model.importing import ImportParameters, WrappingAlgorithm

#: Every plaintext material and import token tests handled; the ``kms`` fixture scans its
#: store for all of them (and the tokens' private keys) when a test ends.
SEEN_MATERIAL: list[bytes] = []
SEEN_TOKENS: list[str] = []


def wrap_for(
    params: ImportParameters, material: bytes, algorithm: WrappingAlgorithm | None = None
) -> bytes:
    """``material`` wrapped with the parameters' public key (and their algorithm unless
    another is given), as a user's HSM would."""
    if len(set(material)) > 8:  # real material; not the zero-filled sizes tests probe
        SEEN_MATERIAL.append(bytes(material))
    SEEN_TOKENS.append(params.import_token)
    public_key = serialization.load_der_public_key(params.public_key_der)
    return public_key.encrypt(material, (algorithm or params.wrapping_algorithm).padding())


def material() -> bytes:
    return os.urandom(32)


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


def scale(ci: int, long: int) -> int:
    """How many examples/iterations: ``ci`` normally, ``long`` under ``pytest --long``."""
    return long if os.environ.get("KEYFERRY_LONG_TESTS") == "1" else ci


def import_recorded(backend: KmsBackend, alias: str, expires: int | None = None) -> str:
    """A new key of ``alias`` with fresh material imported through the import record (the
    KCV as wrapped here); the material's KCV."""
    from app.backends.import_record import ImportClaim, import_and_record
    from app.model.kcv import key_check_value

    algorithm = WrappingAlgorithm.RSAES_OAEP_SHA_256
    key = backend.create_key(alias=alias)
    params = backend.get_parameters_for_import(key_id=key.key_id, wrapping_algorithm=algorithm)
    material = os.urandom(32)
    kcv = key_check_value(material)
    import_and_record(
        backend,
        key_id=key.key_id,
        import_token=params.import_token,
        encrypted_key_material=wrap_for(params, material),
        expiration_time=expires,
        claim=ImportClaim(kcv=kcv, kcv_source="wrapped-here", wrapping_algorithm=algorithm),
    )
    return kcv


def wrap_private_for(
    params: ImportParameters, pkcs8: bytes, *, temporary: bytes | None = None
) -> tuple[bytes, bytes]:
    """The two layers of an asymmetric import (a temporary AES key wrapped with the
    parameters' key, ``pkcs8`` wrapped under it with RFC 5649), as the console's openssl
    commands make them. The temporary key and the private key are secrets of the run: the
    store's scan looks for them."""
    from cryptography.hazmat.primitives.keywrap import aes_key_wrap_with_padding

    temporary = temporary if temporary is not None else os.urandom(32)
    SEEN_MATERIAL.extend([temporary, bytes(pkcs8)])
    return wrap_for(params, temporary), aes_key_wrap_with_padding(temporary, bytes(pkcs8))


def pkcs8_of(key: object) -> bytes:
    """A private key as unencrypted PKCS#8 DER."""
    return key.private_bytes(  # type: ignore[attr-defined, no-any-return]
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
