"""Asymmetric keys through the official SDK against ``keyferry serve``: the console's openssl
commands import an EC and an RSA key, the SDK signs, validates and reads the public key
(signatures checked outside with ``cryptography``), and hostile ``encrypted_privatekey``
values never get a 5xx nor change the key."""

from __future__ import annotations

import base64
import hashlib
import subprocess
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, utils
from huaweicloudsdkkms.v2 import KmsClient
from huaweicloudsdkkms.v2 import model as m
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.material.recipes import asymmetric_recipe, private_key_steps
from app.model.importing import WrappingAlgorithm
from app.model.keys import KeySpec
from tests.server import raw, steps
from tests.server.live import LiveServer


def _create(sdk: KmsClient, alias: str, spec: KeySpec, usage: str = "SIGN_VERIFY") -> str:
    body = m.CreateKeyRequestBody(
        key_alias=alias, key_spec=spec.value, key_usage=usage, origin="external"
    )
    return str(sdk.create_key(m.CreateKeyRequest(body=body)).key_info.key_id)


def _console_files(sdk: KmsClient, key_id: str, spec: KeySpec, folder: Path) -> tuple[str, Path]:
    """The import token, and the folder where the guide's commands made both files."""
    params = steps.parameters(sdk, key_id)
    (folder / "PublicKey.bin").write_bytes(base64.b64decode(params.public_key))
    for step in private_key_steps(spec) + asymmetric_recipe(
        WrappingAlgorithm.RSAES_OAEP_SHA_256, "PublicKey.bin"
    ):
        subprocess.run(step.argv, cwd=folder, check=True, capture_output=True)
    return str(params.import_token), folder


def _import(sdk: KmsClient, key_id: str, token: str, folder: Path) -> None:
    body = m.ImportKeyMaterialRequestBody(
        key_id=key_id,
        import_token=token,
        encrypted_key_material=base64.b64encode(
            (folder / "EncryptedKeyMaterial.bin").read_bytes()
        ).decode(),
        encrypted_privatekey=base64.b64encode(
            (folder / "out_rsa_private_key.der").read_bytes()
        ).decode(),
    )
    assert sdk.import_key_material(m.ImportKeyMaterialRequest(body=body)).status_code == 200


def test_ec_key_imports_signs_and_validates_through_the_sdk(sdk: KmsClient, tmp_path: Path) -> None:
    key_id = _create(sdk, "ec-imported", KeySpec.EC_P256)
    assert steps.describe(sdk, key_id).key_spec == "EC_P256"
    _import(sdk, key_id, *_console_files(sdk, key_id, KeySpec.EC_P256, tmp_path))
    details = steps.describe(sdk, key_id)
    assert (details.key_state, details.key_spec, details.key_usage) == (
        "2",
        "EC_P256",
        "SIGN_VERIFY",
    )
    pem = sdk.show_public_key(
        m.ShowPublicKeyRequest(body=m.OperateKeyRequestBody(key_id=key_id))
    ).public_key
    own = serialization.load_pem_private_key((tmp_path / "pkcs1.pem").read_bytes(), None)
    assert (
        serialization.load_pem_public_key(pem.encode()).public_numbers()
        == own.public_key().public_numbers()
    )  # type: ignore[union-attr]
    digest = hashlib.sha256(b"signed through the SDK").digest()
    message = base64.b64encode(digest).decode()
    signed = sdk.sign(
        m.SignRequest(
            body=m.SignRequestBody(
                key_id=key_id, message=message, signing_algorithm="ECDSA_SHA_256"
            )
        )
    )
    signature = base64.b64decode(signed.signature)
    own.public_key().verify(signature, digest, ec.ECDSA(utils.Prehashed(hashes.SHA256())))  # type: ignore[call-arg, arg-type]
    check = m.VerifyRequestBody(
        key_id=key_id,
        message=message,
        signature=signed.signature,
        signing_algorithm="ECDSA_SHA_256",
    )
    assert sdk.validate_signature(m.ValidateSignatureRequest(body=check)).signature_valid == "true"
    check.message = base64.b64encode(bytes(32)).decode()
    assert sdk.validate_signature(m.ValidateSignatureRequest(body=check)).signature_valid == "false"
    check.signing_algorithm = "RSASSA_PSS_SHA_256"
    error = steps.refused(lambda: sdk.validate_signature(m.ValidateSignatureRequest(body=check)))
    assert (error.status_code, error.error_code) == (400, "KMS.0308")


def test_rsa_encrypt_decrypt_key_through_the_sdk(sdk: KmsClient, tmp_path: Path) -> None:
    key_id = _create(sdk, "rsa-enc", KeySpec.RSA_2048, "ENCRYPT_DECRYPT")
    _import(sdk, key_id, *_console_files(sdk, key_id, KeySpec.RSA_2048, tmp_path))
    body = m.EncryptDataRequestBody(
        key_id=key_id, plain_text="hello", encryption_algorithm="RSAES_OAEP_SHA_256"
    )
    cipher_text = sdk.encrypt_data(m.EncryptDataRequest(body=body)).cipher_text
    own = serialization.load_pem_private_key((tmp_path / "pkcs1.pem").read_bytes(), None)
    oaep = padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
    assert own.decrypt(base64.b64decode(cipher_text), oaep) == b"hello"  # type: ignore[union-attr]
    back = sdk.decrypt_data(
        m.DecryptDataRequest(
            body=m.DecryptDataRequestBody(
                cipher_text=cipher_text, key_id=key_id, encryption_algorithm="RSAES_OAEP_SHA_256"
            )
        )
    )
    assert back.plain_text == "hello"
    sign = m.SignRequestBody(
        key_id=key_id,
        message=base64.b64encode(bytes(32)).decode(),
        signing_algorithm="RSASSA_PSS_SHA_256",
    )
    error = steps.refused(lambda: sdk.sign(m.SignRequest(body=sign)))
    assert error.error_code == "KMS.2610"


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    value=st.one_of(
        st.binary(max_size=600).map(lambda b: base64.b64encode(b).decode()),
        st.text(max_size=300),
        st.integers(),
        st.lists(st.integers(), max_size=3),
        st.binary(min_size=16, max_size=4000)
        .filter(lambda b: len(b) % 8 == 0)
        .map(lambda b: base64.b64encode(b).decode()),
        st.just("A" * 20000),
    )
)
def test_hostile_encrypted_privatekey_is_refused_with_a_code(
    live_server: LiveServer, sdk: KmsClient, project_id: str, tmp_path_factory, value: object
) -> None:
    folder = tmp_path_factory.mktemp("hostile")
    key_id = _create(sdk, f"h-{folder.name}", KeySpec.EC_P256)
    token, folder = _console_files(sdk, key_id, KeySpec.EC_P256, folder)
    payload = {
        "key_id": key_id,
        "import_token": token,
        "encrypted_key_material": base64.b64encode(
            (folder / "EncryptedKeyMaterial.bin").read_bytes()
        ).decode(),
        "encrypted_privatekey": value,
    }
    answer = raw.post(live_server.url, f"/v1.0/{project_id}/kms/import-key-material", payload)
    assert 400 <= answer.status < 500, answer.body
    assert answer.error_code.startswith("KMS.") and b"Traceback" not in answer.body
    assert steps.describe(sdk, key_id).key_state == "5"
