"""The data operations of the local backend (encrypt, decrypt, data keys), apart from the
key operations in ``local.py``: each is the engine's, in this backend's project, with the
API's text forms (a ciphertext in Base64, a data key's in hex) turned into bytes and back.
"""

from __future__ import annotations

import base64
import binascii
from typing import TYPE_CHECKING

from app.backends.base import Decrypted
from app.model.errors import KmsError
from app.model.keys import DataKey
from app.model.signing import EncryptionAlgorithm

if TYPE_CHECKING:  # the engine is imported where it is opened
    from app.engine.kms import LocalKms


class LocalData:
    """The data operations; the backend supplies ``kms`` and ``project_id``."""

    project_id: str

    @property
    def kms(self) -> LocalKms:
        raise NotImplementedError

    def encrypt_data(
        self,
        *,
        key_id: str,
        plain_text: bytes,
        additional_authenticated_data: bytes = b"",
        encryption_algorithm: EncryptionAlgorithm | None = None,
    ) -> str:
        blob = self.kms.encrypt_data(
            project_id=self.project_id,
            key_id=key_id,
            plain_text=plain_text,
            additional_authenticated_data=additional_authenticated_data,
            encryption_algorithm=encryption_algorithm,
        )
        return base64.b64encode(blob).decode("ascii")

    def decrypt_data(
        self,
        *,
        cipher_text: str,
        additional_authenticated_data: bytes = b"",
        key_id: str | None = None,
        encryption_algorithm: EncryptionAlgorithm | None = None,
    ) -> Decrypted:
        owner, plaintext = self.kms.decrypt_data(
            project_id=self.project_id,
            cipher_text=_unbase64(cipher_text),
            additional_authenticated_data=additional_authenticated_data,
            key_id=key_id,
            encryption_algorithm=encryption_algorithm,
        )
        return Decrypted(key_id=owner, plaintext=plaintext)

    def create_datakey(
        self,
        *,
        key_id: str,
        key_spec: str | None = None,
        datakey_length: int | None = None,
        with_plaintext: bool = True,
    ) -> DataKey:
        plaintext, blob = self.kms.create_datakey(
            project_id=self.project_id,
            key_id=key_id,
            key_spec=key_spec,
            datakey_length=datakey_length,
            with_plaintext=with_plaintext,
        )
        return DataKey(key_id=key_id, plaintext=plaintext, cipher_text=blob.hex())

    def decrypt_datakey(
        self, *, key_id: str, cipher_text: str, datakey_cipher_length: int | None = None
    ) -> bytes:
        return self.kms.decrypt_datakey(
            project_id=self.project_id,
            key_id=key_id,
            cipher_text=_unhex(cipher_text),
            datakey_cipher_length=datakey_cipher_length,
        )

    def encrypt_datakey(self, *, key_id: str, plain_text: bytes, datakey_plain_length: int) -> str:
        return self.kms.encrypt_datakey(
            project_id=self.project_id,
            key_id=key_id,
            plain_text=plain_text,
            datakey_plain_length=datakey_plain_length,
        ).hex()


def _unbase64(text: str) -> bytes:
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError, AttributeError):
        raise KmsError("KMS.2201", "local.cipher_not_base64") from None


def _unhex(text: str) -> bytes:
    try:
        return bytes.fromhex(text.strip())
    except (ValueError, AttributeError):
        raise KmsError("KMS.2201", "local.datakey_not_hex") from None
