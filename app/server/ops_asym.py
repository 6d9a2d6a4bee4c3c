"""The API's operations of asymmetric keys over the engine: sign, validate-signature
(``verify``) and show-public-key (``get-publickey``), with the SDK's field names.

``message`` and ``signature`` are Base64; ``message_type`` is DIGEST (the default) or RAW;
``signature_valid`` is the string "true" or "false", as the API answers it.
"""

from __future__ import annotations

import base64
import binascii

from app.model.errors import KmsError
from app.server.calls import Call, Reply, Route
from app.server.params import Body

#: Base64 of the longest message (4096 bytes) or signature; more is refused before decoding.
_BASE64_MAX = 8192


def _bytes(body: Body, name: str) -> bytes:
    text = body.text(name, required=True)
    if len(text) > _BASE64_MAX:
        raise KmsError("KMS.0308", "sign.not_base64", field=name)
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise KmsError("KMS.0308", "sign.not_base64", field=name) from None


def sign(call: Call) -> Reply:
    body = call.body
    key_id = body.text("key_id", required=True)
    signature = call.kms.sign(
        project_id=call.project_id,
        key_id=key_id,
        message=_bytes(body, "message"),
        signing_algorithm=body.text("signing_algorithm", required=True),
        message_type=body.optional_text("message_type") or None,
    )
    return Reply(payload={"key_id": key_id, "signature": base64.b64encode(signature).decode()})


def validate_signature(call: Call) -> Reply:
    body = call.body
    key_id = body.text("key_id", required=True)
    valid = call.kms.validate_signature(
        project_id=call.project_id,
        key_id=key_id,
        message=_bytes(body, "message"),
        signature=_bytes(body, "signature"),
        signing_algorithm=body.text("signing_algorithm", required=True),
        message_type=body.optional_text("message_type") or None,
    )
    return Reply(payload={"key_id": key_id, "signature_valid": "true" if valid else "false"})


def show_public_key(call: Call) -> Reply:
    key_id = call.body.text("key_id", required=True)
    pem = call.kms.get_public_key(project_id=call.project_id, key_id=key_id)
    return Reply(payload={"key_id": key_id, "public_key": pem})


ROUTES = [
    Route("POST", "sign", sign),
    Route("POST", "verify", validate_signature),
    Route("POST", "get-publickey", show_public_key),
]
