"""The backend contract for asymmetric keys, on the embedded engine and through the SDK
against ``keyferry serve``: the same specs, answers and codes on both."""

from __future__ import annotations

import base64
import hashlib
import os

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils

from app.backends.base import KmsBackend
from app.model.errors import KmsError
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeySpec, KeyState, KeyUsage
from app.model.private_keys import key_fingerprint
from app.model.signing import MessageType, SigningAlgorithm
from tests.helpers import pkcs8_of, wrap_private_for


def _imported(
    backend: KmsBackend, key: object, spec: KeySpec, usage: KeyUsage | None = None
) -> str:
    cmk = backend.create_key(alias=f"a-{os.urandom(3).hex()}", key_spec=spec, key_usage=usage)
    params = backend.get_parameters_for_import(
        key_id=cmk.key_id, wrapping_algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256
    )
    material, wrapped = wrap_private_for(params, pkcs8_of(key))
    backend.import_key_material(
        key_id=cmk.key_id,
        import_token=params.import_token,
        encrypted_key_material=material,
        encrypted_privatekey=wrapped,
    )
    return cmk.key_id


def _code(call: object, **kwargs: object) -> str:
    with pytest.raises(KmsError) as caught:
        call(**kwargs)  # type: ignore[operator]
    return caught.value.code


def test_an_ec_key_imports_signs_and_shows_its_public_key(any_backend: KmsBackend) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    key_id = _imported(any_backend, key, KeySpec.EC_P256)
    cmk = any_backend.describe_key(key_id=key_id)
    assert (cmk.state, cmk.key_spec, cmk.key_usage) == (
        KeyState.ENABLED, KeySpec.EC_P256, KeyUsage.SIGN_VERIFY,
    )  # fmt: skip
    pem = any_backend.get_public_key(key_id=key_id)
    assert key_fingerprint(serialization.load_pem_public_key(pem.encode())) == key_fingerprint(key)
    digest = hashlib.sha256(b"contract").digest()
    algorithm = SigningAlgorithm.ECDSA_SHA_256
    signature = any_backend.sign(key_id=key_id, message=digest, signing_algorithm=algorithm)
    key.public_key().verify(signature, digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))
    assert any_backend.validate_signature(
        key_id=key_id, message=b"contract", signature=signature, signing_algorithm=algorithm,
        message_type=MessageType.RAW,
    )  # fmt: skip
    assert not any_backend.validate_signature(
        key_id=key_id, message=bytes(32), signature=signature, signing_algorithm=algorithm
    )
    assert _code(
        any_backend.sign, key_id=key_id, message=bytes(31), signing_algorithm=algorithm
    ) == ("KMS.0308")
    assert _code(any_backend.delete_imported_key_material, key_id=key_id) == "KMS.2611"


def test_an_rsa_key_encrypts_and_refuses_to_sign(any_backend: KmsBackend) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    key_id = _imported(any_backend, key, KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT)
    cipher_text = any_backend.encrypt_data(key_id=key_id, plain_text=b"contract")
    oaep = padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
    assert key.decrypt(base64.b64decode(cipher_text), oaep) == b"contract"
    back = any_backend.decrypt_data(cipher_text=cipher_text, key_id=key_id)
    assert (back.key_id, back.plaintext) == (key_id, b"contract")
    assert _code(
        any_backend.sign, key_id=key_id, message=bytes(32),
        signing_algorithm=SigningAlgorithm.RSASSA_PSS_SHA_256,
    ) == "KMS.2610"  # fmt: skip


def test_a_wrong_private_key_is_refused_alike(any_backend: KmsBackend) -> None:
    other = ec.generate_private_key(ec.SECP384R1())
    with pytest.raises(KmsError) as caught:
        _imported(any_backend, other, KeySpec.EC_P256)
    assert caught.value.code == "KMS.2609"
    pending = [k for k in any_backend.all_keys() if k.key_spec is KeySpec.EC_P256]
    assert pending and all(k.state is KeyState.PENDING_IMPORT for k in pending)
