"""The data operations of the remote backend (encrypt, decrypt, data keys), apart from the
key operations in ``huawei.py``. None of them changes a key, so each is a read: retried on
429 and 502-504 (``remote_calls.py``). The API's encrypt-data takes text, so plaintext must
be UTF-8 (KMS.2101 otherwise).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from typing import Any

from huaweicloudsdkkms.v2 import model as m

from app.backends.base import Decrypted
from app.backends.remote_errors import answer_error
from app.model.errors import KmsError
from app.model.keys import DataKey
from app.model.messages import Message
from app.model.signing import EncryptionAlgorithm


class RemoteData:
    """The data operations; the backend supplies ``_read``."""

    def _read(self, method: str, request: Any) -> Any:
        raise NotImplementedError

    def encrypt_data(
        self,
        *,
        key_id: str,
        plain_text: bytes,
        additional_authenticated_data: bytes = b"",
        encryption_algorithm: EncryptionAlgorithm | None = None,
    ) -> str:
        answer = self._read(
            "encrypt_data",
            m.EncryptDataRequest(
                body=m.EncryptDataRequestBody(
                    key_id=key_id,
                    plain_text=_text(plain_text, "KMS.2101", "remote.the_plaintext"),
                    additional_authenticated_data=_aad(additional_authenticated_data),
                    encryption_algorithm=_name(encryption_algorithm),
                )
            ),
        )
        return str(required(answer.cipher_text, "cipher_text"))

    def decrypt_data(
        self,
        *,
        cipher_text: str,
        additional_authenticated_data: bytes = b"",
        key_id: str | None = None,
        encryption_algorithm: EncryptionAlgorithm | None = None,
    ) -> Decrypted:
        answer = self._read(
            "decrypt_data",
            m.DecryptDataRequest(
                body=m.DecryptDataRequestBody(
                    cipher_text=cipher_text,
                    additional_authenticated_data=_aad(additional_authenticated_data),
                    key_id=key_id,
                    encryption_algorithm=_name(encryption_algorithm),
                )
            ),
        )
        if answer.plain_text_base64:
            try:
                plaintext = base64.b64decode(answer.plain_text_base64, validate=True)
            except (binascii.Error, ValueError):
                raise answer_error("plain_text_base64 (not Base64)") from None
        else:
            plaintext = str(required(answer.plain_text, "plain_text")).encode("utf-8")
        return Decrypted(key_id=str(required(answer.key_id, "key_id")), plaintext=plaintext)

    def create_datakey(
        self,
        *,
        key_id: str,
        key_spec: str | None = None,
        datakey_length: int | None = None,
        with_plaintext: bool = True,
    ) -> DataKey:
        body = m.CreateDatakeyRequestBody(
            key_id=key_id,
            key_spec=key_spec,
            datakey_length=None if datakey_length is None else str(datakey_length),
        )
        if not with_plaintext:
            answer = self._read(
                "create_datakey_without_plaintext",
                m.CreateDatakeyWithoutPlaintextRequest(body=body),
            )
            return DataKey(
                key_id=key_id,
                plaintext=None,
                cipher_text=str(required(answer.cipher_text, "cipher_text")),
            )
        answer = self._read("create_datakey", m.CreateDatakeyRequest(body=body))
        return DataKey(
            key_id=key_id,
            plaintext=_unhex(answer.plain_text, "plain_text"),
            cipher_text=str(required(answer.cipher_text, "cipher_text")),
        )

    def decrypt_datakey(
        self, *, key_id: str, cipher_text: str, datakey_cipher_length: int | None = None
    ) -> bytes:
        answer = self._read(
            "decrypt_datakey",
            m.DecryptDatakeyRequest(
                body=m.DecryptDatakeyRequestBody(
                    key_id=key_id,
                    cipher_text=cipher_text,
                    datakey_cipher_length=None
                    if datakey_cipher_length is None
                    else str(datakey_cipher_length),
                )
            ),
        )
        datakey = _unhex(answer.data_key, "data_key")
        digest = answer.datakey_dgst
        if digest and not hmac.compare_digest(
            str(digest).lower(), hashlib.sha256(datakey).hexdigest()
        ):
            raise answer_error("datakey_dgst (it does not match the data key)")
        return datakey

    def encrypt_datakey(self, *, key_id: str, plain_text: bytes, datakey_plain_length: int) -> str:
        answer = self._read(
            "encrypt_datakey",
            m.EncryptDatakeyRequest(
                body=m.EncryptDatakeyRequestBody(
                    key_id=key_id,
                    plain_text=plain_text.hex(),
                    datakey_plain_length=str(datakey_plain_length),
                )
            ),
        )
        return str(required(answer.cipher_text, "cipher_text"))


def required(value: Any, name: str) -> Any:
    if value is None or value == "":
        raise answer_error(name)
    return value


def _text(data: bytes, code: str, what: str) -> str:
    try:
        return bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        raise KmsError(code, "remote.not_utf8", what=Message(what)) from None


def _aad(data: bytes) -> str | None:
    return _text(data, "KMS.0308", "remote.the_aad") if data else None


def _unhex(value: Any, name: str) -> bytes:
    try:
        return bytes.fromhex(str(required(value, name)))
    except ValueError:
        raise answer_error(f"{name} (not hex)") from None


def _name(value: EncryptionAlgorithm | str | None) -> str | None:
    return None if value is None else str(getattr(value, "value", value))
