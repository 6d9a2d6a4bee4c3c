"""The API's data operations over the engine: encrypt and decrypt data, create, encrypt and
decrypt data keys.

Encodings are the API's: ``plain_text`` of encrypt-data is text (its UTF-8 bytes are
encrypted) and ``cipher_text`` is the Base64 of the engine's ciphertext; decrypt-data answers
the text and its Base64 (``plain_text_base64``, exact even for bytes that are not UTF-8).
Data keys and their ciphertexts travel as hex; ``plain_text`` of encrypt-datakey is the data
key followed by its SHA-256 digest.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

from app.model.errors import KmsError
from app.server.calls import Call, Reply, Route
from app.server.params import Body


def _algorithm(body: Body) -> str | None:
    """``encryption_algorithm``: the engine checks it against the key (SYMMETRIC_DEFAULT
    for AES, RSAES_OAEP_SHA_256 for an RSA ENCRYPT_DECRYPT key)."""
    return body.optional_text("encryption_algorithm") or None


def _aad(body: Body) -> bytes:
    return body.text("additional_authenticated_data").encode("utf-8")


def _no_datakey_aad(body: Body) -> None:
    # Ignoring it would let a caller believe a data key is bound to data it is not bound to.
    if body.text("additional_authenticated_data"):
        raise KmsError("KMS.0308", "server.datakey_aad")


def _unhex(text: str, name: str) -> bytes:
    try:
        return bytes.fromhex(text)
    except ValueError:
        code = "KMS.2201" if name == "cipher_text" else "KMS.2101"
        raise KmsError(code, "server.not_hex", name=name) from None


def encrypt_data(call: Call) -> Reply:
    body = call.body
    key_id = body.text("key_id", required=True)
    blob = call.kms.encrypt_data(
        project_id=call.project_id,
        key_id=key_id,
        plain_text=body.text("plain_text", required=True).encode("utf-8"),
        additional_authenticated_data=_aad(body),
        encryption_algorithm=_algorithm(body),
    )
    return Reply(payload={"key_id": key_id, "cipher_text": base64.b64encode(blob).decode("ascii")})


def decrypt_data(call: Call) -> Reply:
    body = call.body
    text = body.text("cipher_text", required=True)
    try:
        blob = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise KmsError("KMS.2201", "server.cipher_text") from None
    expected = body.optional_text("key_id")
    key_id, plaintext = call.kms.decrypt_data(
        project_id=call.project_id,
        cipher_text=blob,
        additional_authenticated_data=_aad(body),
        key_id=expected or None,
        encryption_algorithm=_algorithm(body),
    )
    if expected and expected != key_id:
        raise KmsError("KMS.2201", "server.other_key")
    return Reply(
        payload={
            "key_id": key_id,
            "plain_text": plaintext.decode("utf-8", "replace"),
            "plain_text_base64": base64.b64encode(plaintext).decode("ascii"),
        }
    )


def _create_datakey(call: Call, *, with_plaintext: bool) -> Reply:
    body = call.body
    _no_datakey_aad(body)
    key_id = body.text("key_id", required=True)
    plaintext, blob = call.kms.create_datakey(
        project_id=call.project_id,
        key_id=key_id,
        key_spec=body.optional_text("key_spec"),
        datakey_length=body.number("datakey_length", code="KMS.1901"),
        with_plaintext=with_plaintext,
    )
    payload = {"key_id": key_id, "cipher_text": blob.hex()}
    if plaintext is not None:
        payload["plain_text"] = plaintext.hex()
    return Reply(payload=payload)


def create_datakey(call: Call) -> Reply:
    return _create_datakey(call, with_plaintext=True)


def create_datakey_without_plaintext(call: Call) -> Reply:
    return _create_datakey(call, with_plaintext=False)


def decrypt_datakey(call: Call) -> Reply:
    body = call.body
    _no_datakey_aad(body)
    datakey = call.kms.decrypt_datakey(
        project_id=call.project_id,
        key_id=body.text("key_id", required=True),
        cipher_text=_unhex(body.text("cipher_text", required=True), "cipher_text"),
        datakey_cipher_length=body.number("datakey_cipher_length", code="KMS.2202"),
    )
    return Reply(
        payload={
            "data_key": datakey.hex(),
            "datakey_length": str(len(datakey)),
            "datakey_dgst": hashlib.sha256(datakey).hexdigest(),
        }
    )


def encrypt_datakey(call: Call) -> Reply:
    body = call.body
    _no_datakey_aad(body)
    key_id = body.text("key_id", required=True)
    length = body.required_number("datakey_plain_length", code="KMS.2102")
    blob = call.kms.encrypt_datakey(
        project_id=call.project_id,
        key_id=key_id,
        plain_text=_unhex(body.text("plain_text", required=True), "plain_text"),
        datakey_plain_length=length,
    )
    return Reply(
        payload={"key_id": key_id, "cipher_text": blob.hex(), "datakey_length": str(length)}
    )


ROUTES = [
    Route("POST", "encrypt-data", encrypt_data),
    Route("POST", "decrypt-data", decrypt_data),
    Route("POST", "create-datakey", create_datakey),
    Route("POST", "create-datakey-without-plaintext", create_datakey_without_plaintext),
    Route("POST", "decrypt-datakey", decrypt_datakey),
    Route("POST", "encrypt-datakey", encrypt_datakey),
]
