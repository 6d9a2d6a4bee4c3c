"""Every error code of the spec a client can trigger, through the official SDK against
``keyferry serve``: the status, the code and a message the SDK reads from the error body.

(KMS.2601 needs time to pass: ``test_time.py``. KMS.0202/0203 need bodies the SDK never
sends: ``test_hostile_input.py``. APIGW.0301: ``test_signatures.py``.)
"""

from __future__ import annotations

import hashlib
import os
import time
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from huaweicloudsdkkms.v2 import KmsClient
from huaweicloudsdkkms.v2 import model as m

from app.model.importing import WrappingAlgorithm
from tests.server import steps
from tests.server.live import LiveServer, sdk_client

Trigger = Callable[[KmsClient], Callable[[], Any]]


def _kms_key(sdk: KmsClient) -> str:
    return steps.create_key(sdk, origin="kms")


def _disabled(sdk: KmsClient) -> str:
    key_id = _kms_key(sdk)
    steps.operate(sdk, "disable_key", key_id)
    return key_id


def _pending_deletion(sdk: KmsClient) -> str:
    key_id = _kms_key(sdk)
    steps.schedule_deletion(sdk, key_id)
    return key_id


def _tag(sdk: KmsClient, key: str, value: str = "v") -> Callable[[], Any]:
    key_id = steps.create_key(sdk)
    return lambda: sdk.create_kms_tag(
        m.CreateKmsTagRequest(
            key_id=key_id, body=m.CreateKmsTagRequestBody(tag=m.TagItem(key=key, value=value))
        )
    )


def _batch(sdk: KmsClient, action: str, tags: list[tuple[str, str]]) -> Callable[[], Any]:
    key_id = steps.create_key(sdk)
    return lambda: sdk.batch_create_kms_tags(
        m.BatchCreateKmsTagsRequest(
            key_id=key_id,
            body=m.BatchCreateKmsTagsRequestBody(
                tags=[m.TagItem(key=k, value=v) for k, v in tags], action=action
            ),
        )
    )


def _import_raw(
    sdk: KmsClient,
    key_id: str,
    *,
    token: str | None = None,
    material: bytes | None = None,
    expiration_time: int | None = None,
    wrap_with: WrappingAlgorithm | None = None,
) -> Callable[[], Any]:
    algorithm = WrappingAlgorithm.RSAES_OAEP_SHA_256
    params = steps.parameters(sdk, key_id, algorithm)
    wrapped = steps.wrap(params.public_key, material or os.urandom(32), wrap_with or algorithm)
    return lambda: sdk.import_key_material(
        m.ImportKeyMaterialRequest(
            body=m.ImportKeyMaterialRequestBody(
                key_id=key_id,
                import_token=token or params.import_token,
                encrypted_key_material=wrapped,
                expiration_time=expiration_time,
            )
        )
    )


def _tampered_token(sdk: KmsClient) -> Callable[[], Any]:
    key_id = steps.create_key(sdk)
    token = steps.parameters(sdk, key_id).import_token
    middle = len(token) // 2
    flipped = token[:middle] + ("A" if token[middle] != "A" else "B") + token[middle + 1 :]
    return _import_raw(sdk, key_id, token=flipped)


def _token_of_another_key(sdk: KmsClient) -> Callable[[], Any]:
    other = steps.create_key(sdk)
    return _import_raw(sdk, steps.create_key(sdk), token=steps.parameters(sdk, other).import_token)


def _different_material(sdk: KmsClient) -> Callable[[], Any]:
    key_id = steps.imported_key(sdk)
    steps.operate(sdk, "delete_imported_key_material", key_id)
    return _import_raw(sdk, key_id)


def _datakey(sdk: KmsClient, key_id: str) -> Any:
    return sdk.create_datakey(
        m.CreateDatakeyRequest(body=m.CreateDatakeyRequestBody(key_id=key_id, datakey_length="256"))
    )


def _decrypt_datakey(sdk: KmsClient, length: str) -> Callable[[], Any]:
    key_id = _kms_key(sdk)
    created = _datakey(sdk, key_id)
    return lambda: sdk.decrypt_datakey(
        m.DecryptDatakeyRequest(
            body=m.DecryptDatakeyRequestBody(
                key_id=key_id, cipher_text=created.cipher_text, datakey_cipher_length=length
            )
        )
    )


def _encrypt_datakey(sdk: KmsClient, plain: bytes, length: str) -> Callable[[], Any]:
    key_id = _kms_key(sdk)
    return lambda: sdk.encrypt_datakey(
        m.EncryptDatakeyRequest(
            body=m.EncryptDatakeyRequestBody(
                key_id=key_id, plain_text=plain.hex(), datakey_plain_length=length
            )
        )
    )


def _list(sdk: KmsClient, **fields: str) -> Callable[[], Any]:
    return lambda: sdk.list_keys(m.ListKeysRequest(body=m.ListKeysRequestBody(**fields)))


def on(make_key: Callable[[KmsClient], str], action: Callable[[KmsClient, str], Any]) -> Trigger:
    """A trigger that makes a key first, then acts on it."""

    def trigger(sdk: KmsClient) -> Callable[[], Any]:
        key_id = make_key(sdk)
        return lambda: action(sdk, key_id)

    return trigger


def _twice(sdk: KmsClient) -> Callable[[], Any]:
    steps.create_key(sdk, "twice")
    return lambda: steps.create_key(sdk, "twice")


DK = os.urandom(32)
CASES: dict[str, tuple[int, Trigger]] = {
    "KMS.0204": (
        400,
        lambda s: lambda: s.list_key_detail(m.ListKeyDetailRequest(body=m.OperateKeyRequestBody())),
    ),
    "KMS.0205": (400, lambda s: lambda: steps.describe(s, "not-a-key-id")),
    "KMS.0207": (404, lambda s: lambda: steps.describe(s, str(uuid.uuid4()))),
    "KMS.0209": (400, on(_disabled, lambda s, k: steps.encrypt(s, k, "x"))),
    "KMS.0210": (400, on(_pending_deletion, lambda s, k: steps.encrypt(s, k, "x"))),
    "KMS.0308": (
        400,
        on(
            steps.create_key,
            lambda s, k: s.create_parameters_for_import(
                m.CreateParametersForImportRequest(
                    body=m.GetParametersForImportRequestBody(key_id=k, wrapping_algorithm="RSA_X")
                )
            ),
        ),
    ),
    "KMS.0309": (400, on(_kms_key, steps.parameters)),
    "KMS.0310": (400, on(steps.imported_key, steps.parameters)),
    "KMS.0311": (
        400,
        lambda s: _import_raw(s, steps.create_key(s), wrap_with=WrappingAlgorithm.RSAES_PKCS1_V1_5),
    ),
    "KMS.0401": (400, lambda s: _batch(s, "create", [])),
    "KMS.0404": (400, lambda s: _batch(s, "update", [("a", "b")])),
    "KMS.0405": (400, lambda s: _tag(s, "k", "v*")),
    "KMS.0406": (400, lambda s: _tag(s, "k<")),
    "KMS.0409": (400, lambda s: _batch(s, "create", [(f"t{i}", "v") for i in range(11)])),
    "KMS.0410": (400, lambda s: _tag(s, "k", "v" * 44)),
    "KMS.0411": (400, lambda s: _tag(s, "k" * 37)),
    "KMS.0413": (400, lambda s: _batch(s, "create", [("a", "1"), ("a", "2")])),
    "KMS.1101": (400, lambda s: lambda: steps.create_key(s, "bad alias!")),
    "KMS.1103": (400, lambda s: lambda: steps.create_key(s, description="d" * 256)),
    "KMS.1104": (400, _twice),
    "KMS.1201": (400, on(_kms_key, lambda s, k: steps.operate(s, "enable_key", k))),
    "KMS.1301": (400, on(_disabled, lambda s, k: steps.operate(s, "disable_key", k))),
    "KMS.1401": (400, on(_kms_key, lambda s, k: steps.schedule_deletion(s, k, "6"))),
    "KMS.1402": (400, on(_pending_deletion, lambda s, k: steps.schedule_deletion(s, k, "7"))),
    "KMS.1501": (400, on(_kms_key, lambda s, k: steps.operate(s, "cancel_key_deletion", k))),
    "KMS.1601": (400, lambda s: _list(s, limit="0")),
    "KMS.1602": (400, lambda s: _list(s, marker="-1")),
    "KMS.1901": (
        400,
        on(
            _kms_key,
            lambda s, k: s.create_datakey(
                m.CreateDatakeyRequest(
                    body=m.CreateDatakeyRequestBody(key_id=k, datakey_length="7")
                )
            ),
        ),
    ),
    "KMS.2101": (400, on(_kms_key, lambda s, k: steps.encrypt(s, k, "x" * 4097))),
    "KMS.2102": (400, lambda s: _encrypt_datakey(s, DK + hashlib.sha256(DK).digest(), "31")),
    "KMS.2103": (400, lambda s: _encrypt_datakey(s, DK + bytes(32), "32")),
    "KMS.2201": (400, lambda s: lambda: steps.decrypt(s, "AAAA" * 20)),
    "KMS.2202": (400, lambda s: _decrypt_datakey(s, "31")),
    "KMS.2602": (
        400,
        lambda s: _import_raw(s, steps.create_key(s), expiration_time=int(time.time()) - 60),
    ),
    "KMS.2603": (400, _token_of_another_key),
    "KMS.2604": (400, lambda s: _import_raw(s, steps.create_key(s), material=os.urandom(31))),
    "KMS.2605": (400, _tampered_token),
    "KMS.2606": (400, _different_material),
    "KMS.2701": (
        400,
        on(steps.create_key, lambda s, k: steps.operate(s, "delete_imported_key_material", k)),
    ),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_error_code_reaches_the_sdk(sdk: KmsClient, code: str) -> None:
    status, trigger = CASES[code]
    call = trigger(sdk)
    error = steps.refused(call)
    assert (error.status_code, error.error_code) == (status, code)
    assert error.error_msg and "Traceback" not in error.error_msg
    assert error.request_id and len(error.request_id) == 32  # X-Request-Id, read by the SDK


def test_an_invalid_project_id_is_refused(live_server: LiveServer) -> None:
    client = sdk_client(live_server.url, "not.a!project")
    try:
        error = steps.refused(lambda: steps.create_key(client))
    finally:
        client.close()
    assert (error.status_code, error.error_code) == (400, "KMS.0201")


def test_alias_ending_in_default_is_reserved(sdk: KmsClient) -> None:
    error = steps.refused(lambda: steps.create_key(sdk, "team/default"))
    assert error.error_code == "KMS.1101" and "/default" in error.error_msg


def test_pending_days_beyond_the_range_and_not_a_number(sdk: KmsClient) -> None:
    key_id = _kms_key(sdk)
    for days in ("1097", "abc", "7.5"):
        error = steps.refused(lambda d=days: steps.schedule_deletion(sdk, key_id, d))
        assert error.error_code == "KMS.1401", days
    assert steps.describe(sdk, key_id).key_state == "2"  # nothing changed
