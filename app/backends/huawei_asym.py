"""The asymmetric operations of the remote backend (sign, validate-signature,
show-public-key) with the SDK's own models. None changes a key, so each is a read (retried
like the data operations). Bytes travel as Base64 (``message``, ``signature``)."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from huaweicloudsdkkms.v2 import model as m

from app.backends.huawei_data import required
from app.backends.remote_errors import answer_error
from app.model.signing import MessageType, SigningAlgorithm


class RemoteAsym:
    """Sign, verify and the public key; the backend supplies ``_read``."""

    def _read(self, method: str, request: Any) -> Any:
        raise NotImplementedError

    def sign(
        self,
        *,
        key_id: str,
        message: bytes,
        signing_algorithm: SigningAlgorithm,
        message_type: MessageType = MessageType.DIGEST,
    ) -> bytes:
        body = m.SignRequestBody(
            key_id=key_id,
            message=base64.b64encode(bytes(message)).decode("ascii"),
            signing_algorithm=SigningAlgorithm(signing_algorithm).value,
            message_type=MessageType(message_type).value,
        )
        answer = self._read("sign", m.SignRequest(body=body))
        try:
            return base64.b64decode(str(required(answer.signature, "signature")), validate=True)
        except (binascii.Error, ValueError):
            raise answer_error("signature (not Base64)") from None

    def validate_signature(
        self,
        *,
        key_id: str,
        message: bytes,
        signature: bytes,
        signing_algorithm: SigningAlgorithm,
        message_type: MessageType = MessageType.DIGEST,
    ) -> bool:
        body = m.VerifyRequestBody(
            key_id=key_id,
            message=base64.b64encode(bytes(message)).decode("ascii"),
            signature=base64.b64encode(bytes(signature)).decode("ascii"),
            signing_algorithm=SigningAlgorithm(signing_algorithm).value,
            message_type=MessageType(message_type).value,
        )
        answer = self._read("validate_signature", m.ValidateSignatureRequest(body=body))
        valid = str(required(answer.signature_valid, "signature_valid")).lower()
        if valid not in ("true", "false"):
            raise answer_error("signature_valid (not true or false)")
        return valid == "true"

    def get_public_key(self, *, key_id: str) -> str:
        request = m.ShowPublicKeyRequest(body=m.OperateKeyRequestBody(key_id=key_id))
        return str(required(self._read("show_public_key", request).public_key, "public_key"))
