"""What Try it does with a key, in plain Python (run on the task runner, tested without Qt):
encrypt a text and decrypt it back (AES, or RSA with RSAES_OAEP_SHA_256), or sign its
digest and verify the signature (RSA and EC SIGN_VERIFY keys), as an application would."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from app.backends.base import KmsBackend
from app.model.keys import Cmk, KeyFamily, KeyUsage
from app.model.signing import EncryptionAlgorithm, MessageType, SigningAlgorithm


@dataclass(frozen=True)
class Tried:
    """``output``: the ciphertext or the signature (Base64). ``decrypted`` after encrypting;
    after signing, ``valid`` (the text's signature verifies) and ``altered_valid`` (it
    verifies for the text with one more character, which it must not)."""

    output: str
    decrypted: bytes | None = None
    valid: bool | None = None
    altered_valid: bool | None = None


def signs(cmk: Cmk) -> bool:
    return cmk.key_usage is KeyUsage.SIGN_VERIFY


def encryption_algorithm(cmk: Cmk) -> EncryptionAlgorithm | None:
    """RSAES_OAEP_SHA_256 for an RSA key; None (the symmetric default) for AES."""
    if cmk.key_spec.family is KeyFamily.RSA:
        return EncryptionAlgorithm.RSAES_OAEP_SHA_256
    return None


def encrypt_and_decrypt(backend: KmsBackend, cmk: Cmk, text: bytes) -> Tried:
    algorithm = encryption_algorithm(cmk)
    if algorithm is None:  # as before asymmetric keys: the protocol's defaults
        ciphertext = backend.encrypt_data(key_id=cmk.key_id, plain_text=text)
        return Tried(ciphertext, backend.decrypt_data(cipher_text=ciphertext).plaintext)
    ciphertext = backend.encrypt_data(
        key_id=cmk.key_id, plain_text=text, encryption_algorithm=algorithm
    )
    decrypted = backend.decrypt_data(
        cipher_text=ciphertext, key_id=cmk.key_id, encryption_algorithm=algorithm
    )
    return Tried(ciphertext, decrypted.plaintext)


def _digest(algorithm: SigningAlgorithm, text: bytes) -> bytes:
    return hashlib.new(algorithm.openssl_digest, text).digest()


def sign_and_verify(
    backend: KmsBackend, cmk: Cmk, text: bytes, algorithm: SigningAlgorithm
) -> Tried:
    """Sign the text's digest (message_type DIGEST, the API's default) and verify it, and
    verify the same signature against the text with one character more."""

    def verify(message: bytes, signature: bytes) -> bool:
        return backend.validate_signature(
            key_id=cmk.key_id,
            message=_digest(algorithm, message),
            signature=signature,
            signing_algorithm=algorithm,
            message_type=MessageType.DIGEST,
        )

    signature = backend.sign(
        key_id=cmk.key_id,
        message=_digest(algorithm, text),
        signing_algorithm=algorithm,
        message_type=MessageType.DIGEST,
    )
    return Tried(
        base64.b64encode(signature).decode("ascii"),
        valid=verify(text, signature),
        altered_valid=verify(text + b".", signature),
    )
