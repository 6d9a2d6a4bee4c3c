"""What an asymmetric key does, in the API's words: signing algorithms, message types and
encryption algorithms, and the rules that say which key, usage and input each accepts.

Both the engine (refusing a request from any client) and the GUI and CLI (greying a choice,
or checking a file before sending it) call these rules.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from app.model.errors import KmsError
from app.model.keys import Cmk, KeyFamily, KeySpec, KeyUsage

if TYPE_CHECKING:
    from cryptography.hazmat.primitives import hashes

#: The API's limit on a RAW message to sign, and on plaintext for encrypt-data.
MESSAGE_MAX = 4096
#: SHA-256 digest length: OAEP with SHA-256 spends twice this plus two bytes of a block.
_OAEP_SHA256_OVERHEAD = 2 * 32 + 2


class MessageType(StrEnum):
    """What ``message`` holds: its digest (the API's default) or the message itself."""

    DIGEST = "DIGEST"
    RAW = "RAW"


class SigningAlgorithm(StrEnum):
    """The signing algorithms of the keys the console imports."""

    RSASSA_PSS_SHA_256 = "RSASSA_PSS_SHA_256"
    RSASSA_PSS_SHA_384 = "RSASSA_PSS_SHA_384"
    RSASSA_PSS_SHA_512 = "RSASSA_PSS_SHA_512"
    RSASSA_PKCS1_V1_5_SHA_256 = "RSASSA_PKCS1_V1_5_SHA_256"
    RSASSA_PKCS1_V1_5_SHA_384 = "RSASSA_PKCS1_V1_5_SHA_384"
    RSASSA_PKCS1_V1_5_SHA_512 = "RSASSA_PKCS1_V1_5_SHA_512"
    ECDSA_SHA_256 = "ECDSA_SHA_256"
    ECDSA_SHA_384 = "ECDSA_SHA_384"
    ECDSA_SHA_512 = "ECDSA_SHA_512"

    @property
    def family(self) -> KeyFamily:
        return KeyFamily.EC if self.startswith("ECDSA") else KeyFamily.RSA

    @property
    def is_pss(self) -> bool:
        return self.value.startswith("RSASSA_PSS")

    @property
    def hash_bits(self) -> int:
        return int(self.value[-3:])

    @property
    def digest_size(self) -> int:
        """The length in bytes of a DIGEST message for this algorithm."""
        return self.hash_bits // 8

    @property
    def openssl_digest(self) -> str:
        """The digest's name in openssl's options (``-sha256``, ``digest:sha256``)."""
        return f"sha{self.hash_bits}"

    def hash(self) -> hashes.HashAlgorithm:
        from cryptography.hazmat.primitives import hashes

        if self.hash_bits == 256:
            return hashes.SHA256()
        return hashes.SHA384() if self.hash_bits == 384 else hashes.SHA512()


class EncryptionAlgorithm(StrEnum):
    """encrypt-data's ``encryption_algorithm``: AES for symmetric keys, OAEP for RSA."""

    SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT"
    RSAES_OAEP_SHA_256 = "RSAES_OAEP_SHA_256"


_ALGORITHMS: dict[str, SigningAlgorithm] = {a.value: a for a in SigningAlgorithm}
_FAMILIES: dict[SigningAlgorithm, KeyFamily] = {a: a.family for a in SigningAlgorithm}
_MESSAGE_TYPES: dict[str, MessageType] = {t.value: t for t in MessageType}


def signing_algorithms(spec: KeySpec) -> tuple[SigningAlgorithm, ...]:
    """The signing algorithms a key of ``spec`` signs with (none for a symmetric key)."""
    return tuple(a for a in SigningAlgorithm if a.family is spec.family)


def parse_signing_algorithm(value: object, spec: KeySpec) -> SigningAlgorithm:
    """``value`` as a signing algorithm of a key of ``spec``, or KMS.0308 saying which.
    (Dictionary lookups: this runs on every signature.)"""
    algorithm = _ALGORITHMS.get(value) if isinstance(value, str) else None
    if algorithm is not None and _FAMILIES[algorithm] is spec.family:
        return algorithm
    names = ", ".join(a.value for a in signing_algorithms(spec))
    if algorithm is None:
        raise KmsError("KMS.0308", "sign.algorithm_unknown", value=value, names=names)
    raise KmsError(
        "KMS.0308", "sign.algorithm_spec", algorithm=algorithm.value, spec=spec.value, names=names
    )


def parse_message_type(value: object) -> MessageType:
    if value is None or value == "":
        return MessageType.DIGEST
    kind = _MESSAGE_TYPES.get(value) if isinstance(value, str) else None
    if kind is None:
        raise KmsError("KMS.0308", "sign.message_type", value=value)
    return kind


def check_message(message: bytes, message_type: MessageType, algorithm: SigningAlgorithm) -> None:
    """A DIGEST is exactly the algorithm's digest length; a RAW message 1 to 4096 bytes."""
    if message_type is MessageType.DIGEST:
        if len(message) != algorithm.digest_size:
            raise KmsError(
                "KMS.0308",
                "sign.digest_length",
                length=len(message),
                expected=algorithm.digest_size,
                algorithm=algorithm.value,
            )
    elif not 1 <= len(message) <= MESSAGE_MAX:
        raise KmsError("KMS.0308", "sign.message_size", length=len(message), limit=MESSAGE_MAX)


def check_usage(cmk: Cmk, usage: KeyUsage) -> None:
    """Refuse an operation of ``usage`` on a key made for another (KMS.2610)."""
    if cmk.key_usage is not usage:
        operation = "sign.usage_sign" if usage is KeyUsage.SIGN_VERIFY else "sign.usage_encrypt"
        raise KmsError("KMS.2610", operation, usage=cmk.key_usage.value, spec=cmk.key_spec.value)


def parse_encryption_algorithm(value: object, spec: KeySpec) -> EncryptionAlgorithm:
    """The algorithm for a key of ``spec``: SYMMETRIC_DEFAULT (the default) for AES,
    RSAES_OAEP_SHA_256 for RSA; anything else is KMS.0308."""
    default = (
        EncryptionAlgorithm.RSAES_OAEP_SHA_256
        if spec.family is KeyFamily.RSA
        else EncryptionAlgorithm.SYMMETRIC_DEFAULT
    )
    if value is None or value == "":
        return default
    if str(value) != default.value:
        raise KmsError(
            "KMS.0308", "encrypt.algorithm", value=value, spec=spec.value, expected=default.value
        )
    return default


def oaep_plaintext_max(spec: KeySpec) -> int:
    """The longest plaintext RSAES_OAEP_SHA_256 encrypts under a key of ``spec``."""
    return (spec.rsa_bits or 0) // 8 - _OAEP_SHA256_OVERHEAD
