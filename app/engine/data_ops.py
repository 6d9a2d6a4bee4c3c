"""Data operations: encrypt and decrypt data, create and wrap data keys.

They work the same for imported and KMS-generated keys: both hold 32 bytes of material under
which data is sealed with AES-256-GCM, through keys derived per batch of messages
(``message_keys.py``). A ciphertext names its key (so decrypt-data needs no key ID: the name
is not authenticated, but a changed name selects a key that does not decrypt it):
``02 || key ID (36) || salt (16) || nonce (12) || ciphertext and tag``. Ciphertexts of format
``01`` (no salt: sealed under the material itself) still open. The caller's additional
authenticated data is bound, and data and data keys are kept apart by the GCM associated
data: none for plain data, ``01 || aad`` for data with AAD, ``02`` for data keys, so no blob
of one kind opens as another. Usable keys come from memory (``EngineCore._usable_key``).
"""

from __future__ import annotations

import hashlib
import hmac

from cryptography.exceptions import InvalidTag

from app.engine.asym_ops import AsymOps
from app.engine.key_cache import UsableKey, UsablePair
from app.engine.message_keys import NONCE_LEN, SALT_LEN
from app.engine.operations import operation
from app.model import rules, signing
from app.model.errors import KmsError
from app.model.keys import KeySpec

_SALTED = b"\x02"
_UNSALTED = b"\x01"  # read, never written
_KEY_ID_END = 1 + 36
_TAG_LEN = 16
PLAINTEXT_MAX = 4096
_DATAKEY_SPECS = {"AES_256": 256, "AES_128": 128}
_BYTES = (bytes, bytearray)


class DataOps(AsymOps):
    """Data operations of ``LocalKms`` (a mixin: ``self`` is the engine)."""

    @operation("encrypt-data")
    def encrypt_data(
        self,
        *,
        project_id: str,
        key_id: str,
        plain_text: bytes,
        additional_authenticated_data: bytes = b"",
        encryption_algorithm: str | None = None,
    ) -> bytes:
        """Sealed under the key's material, or RSAES_OAEP_SHA_256 for an RSA
        ENCRYPT_DECRYPT key (``asym_ops.py``), whose ciphertext names no key."""
        if not isinstance(plain_text, _BYTES) or not 1 <= len(plain_text) <= PLAINTEXT_MAX:
            raise KmsError("KMS.2101", "data.plaintext_size", limit=PLAINTEXT_MAX)
        now = self.now_ms()
        usable = self._usable_entry(project_id, key_id, now)  # one change check per call
        if isinstance(usable, UsablePair):
            pair = self._rsa_pair(project_id, key_id, encryption_algorithm, now)
            blob = self._rsa_encrypt(pair, bytes(plain_text))
        else:
            signing.parse_encryption_algorithm(encryption_algorithm, KeySpec.AES_256)
            blob = _seal_with(usable, key_id, bytes(plain_text), additional_authenticated_data)
        self.audit.append_later(
            operation="encrypt-data", project_id=project_id, key_id=key_id, time_ms=now
        )
        return blob

    @operation("decrypt-data")
    def decrypt_data(
        self,
        *,
        project_id: str,
        cipher_text: bytes,
        additional_authenticated_data: bytes = b"",
        key_id: str | None = None,
        encryption_algorithm: str | None = None,
    ) -> tuple[str, bytes]:
        """``key_id`` and ``encryption_algorithm`` matter for an RSA ciphertext only: a
        symmetric one names its key."""
        now = self.now_ms()
        if _asymmetric(encryption_algorithm) or (
            key_id is not None
            and isinstance(self._usable_entry(project_id, key_id, now), UsablePair)
        ):
            if key_id is None:
                raise KmsError("KMS.0204", "encrypt.key_id_needed", algorithm=encryption_algorithm)
            if not isinstance(cipher_text, _BYTES):
                raise KmsError("KMS.2201")
            pair = self._rsa_pair(project_id, key_id, encryption_algorithm, now)
            plaintext = self._rsa_decrypt(pair, bytes(cipher_text))
        else:
            key_id, plaintext = self._open_data(
                project_id, cipher_text, additional_authenticated_data, now
            )
        self.audit.append_later(
            operation="decrypt-data", project_id=project_id, key_id=key_id, time_ms=now
        )
        return key_id, plaintext

    @operation("create-datakey")
    def create_datakey(
        self,
        *,
        project_id: str,
        key_id: str,
        key_spec: str | None = None,
        datakey_length: int | str | None = None,
        with_plaintext: bool = True,
    ) -> tuple[bytes | None, bytes]:
        """A new data key: (its plaintext, or None without plaintext; its ciphertext)."""
        length = _datakey_bytes(key_spec, datakey_length)
        datakey = bytes(self.random(length))
        now = self.now_ms()
        blob = self._seal_data(project_id, key_id, datakey, b"", now, purpose=b"datakey")
        name = "create-datakey" if with_plaintext else "create-datakey-without-plaintext"
        self.audit.append_later(operation=name, project_id=project_id, key_id=key_id, time_ms=now)
        return (datakey if with_plaintext else None), blob

    @operation("decrypt-datakey")
    def decrypt_datakey(
        self,
        *,
        project_id: str,
        key_id: str,
        cipher_text: bytes,
        datakey_cipher_length: int | str | None = None,
    ) -> bytes:
        rules.check_key_id(key_id)
        now = self.now_ms()
        owner, datakey = self._open_data(project_id, cipher_text, b"", now, purpose=b"datakey")
        if owner != key_id:
            raise KmsError("KMS.2201", "data.datakey_other_key")
        declared = datakey_cipher_length
        if declared is not None and _int(declared, "KMS.2202") != len(datakey):
            raise KmsError("KMS.2202", "data.datakey_cipher_length")
        self.audit.append_later(
            operation="decrypt-datakey", project_id=project_id, key_id=key_id, time_ms=now
        )
        return datakey

    @operation("encrypt-datakey")
    def encrypt_datakey(
        self,
        *,
        project_id: str,
        key_id: str,
        plain_text: bytes,
        datakey_plain_length: int | str,
    ) -> bytes:
        """``plain_text`` is the data key followed by its SHA-256 digest (the API's form)."""
        length = _int(datakey_plain_length, "KMS.2102")
        if not 1 <= length <= 1024 or len(plain_text) != length + 32:
            raise KmsError("KMS.2102", "data.datakey_plain_length")
        datakey, digest = plain_text[:length], plain_text[length:]
        if not hmac.compare_digest(hashlib.sha256(datakey).digest(), digest):
            raise KmsError("KMS.2103")
        now = self.now_ms()
        blob = self._seal_data(project_id, key_id, datakey, b"", now, purpose=b"datakey")
        self.audit.append_later(
            operation="encrypt-datakey", project_id=project_id, key_id=key_id, time_ms=now
        )
        return blob

    # ------------------------------------------------------------------- internals

    def _seal_data(
        self,
        project_id: str,
        key_id: str,
        plaintext: bytes,
        aad: bytes,
        now: int,
        *,
        purpose: bytes = b"data",
    ) -> bytes:
        usable = self._usable_key(project_id, key_id, now)
        return _seal_with(usable, key_id, plaintext, aad, purpose=purpose)

    def _open_data(
        self, project_id: str, blob: bytes, aad: bytes, now: int, *, purpose: bytes = b"data"
    ) -> tuple[str, bytes]:
        if not isinstance(blob, _BYTES):
            raise KmsError("KMS.2201")
        version, body = bytes(blob[:1]), bytes(blob[_KEY_ID_END:])
        salt_len = {_SALTED: SALT_LEN, _UNSALTED: 0}.get(version)
        if salt_len is None or len(body) < salt_len + NONCE_LEN + _TAG_LEN:
            raise KmsError("KMS.2201")
        try:
            key_id = rules.check_key_id(blob[1:_KEY_ID_END].decode("ascii"))
        except (UnicodeDecodeError, KmsError):
            raise KmsError("KMS.2201") from None
        cipher = self._usable_key(project_id, key_id, now).cipher
        try:
            if version == _SALTED:
                plaintext = cipher.open(body, _aad(purpose, aad))
            else:
                plaintext = cipher.open_unsalted(body, _aad(purpose, aad))
        except InvalidTag:
            raise KmsError("KMS.2201", "data.does_not_decrypt") from None
        return key_id, plaintext


def _asymmetric(algorithm: str | None) -> bool:
    return algorithm not in (None, "", signing.EncryptionAlgorithm.SYMMETRIC_DEFAULT.value)


def _aad(purpose: bytes, aad: bytes) -> bytes | None:
    if purpose == b"datakey":
        return b"\x02"
    return b"\x01" + bytes(aad) if aad else None


def _int(value: int | str, code: str) -> int:
    if isinstance(value, bool):
        raise KmsError(code)
    try:
        return int(value)
    except (TypeError, ValueError):
        raise KmsError(code) from None


def _datakey_bytes(key_spec: str | None, datakey_length: int | str | None) -> int:
    if datakey_length is not None and datakey_length != "":
        bits = _int(datakey_length, "KMS.1901")
        if not 8 <= bits <= 8192 or bits % 8:
            raise KmsError("KMS.1901")
        return bits // 8
    spec = key_spec or "AES_256"
    if spec not in _DATAKEY_SPECS:
        raise KmsError("KMS.0308", "data.datakey_spec", spec=spec)
    return _DATAKEY_SPECS[spec] // 8


def _seal_with(
    usable: UsableKey, key_id: str, plaintext: bytes, aad: bytes, *, purpose: bytes = b"data"
) -> bytes:
    return _SALTED + key_id.encode("ascii") + usable.cipher.seal(plaintext, _aad(purpose, aad))
