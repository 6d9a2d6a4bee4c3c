"""Steps of the import flow through the official SDK, shared by the server tests."""

from __future__ import annotations

import base64
import os
from collections.abc import Callable
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkkms.v2 import KmsClient
from huaweicloudsdkkms.v2 import model as m

from app.model.importing import WrappingAlgorithm


def create_key(
    sdk: KmsClient, alias: str | None = None, *, origin: str = "external", description: str = ""
) -> str:
    answer = sdk.create_key(
        m.CreateKeyRequest(
            body=m.CreateKeyRequestBody(
                key_alias=alias or f"k-{os.urandom(4).hex()}",
                key_spec="AES_256",
                key_usage="ENCRYPT_DECRYPT",
                key_description=description,
                origin=origin,
            )
        )
    )
    return str(answer.key_info.key_id)


def describe(sdk: KmsClient, key_id: str) -> m.KeyDetails:
    return sdk.list_key_detail(
        m.ListKeyDetailRequest(body=m.OperateKeyRequestBody(key_id=key_id))
    ).key_info


def parameters(
    sdk: KmsClient, key_id: str, algorithm: WrappingAlgorithm = WrappingAlgorithm.RSAES_OAEP_SHA_256
) -> Any:
    return sdk.create_parameters_for_import(
        m.CreateParametersForImportRequest(
            body=m.GetParametersForImportRequestBody(
                key_id=key_id, wrapping_algorithm=algorithm.value
            )
        )
    )


def wrap(public_key_b64: str, material: bytes, algorithm: WrappingAlgorithm) -> str:
    public_key = serialization.load_der_public_key(base64.b64decode(public_key_b64))
    assert isinstance(public_key, RSAPublicKey)
    return base64.b64encode(public_key.encrypt(material, algorithm.padding())).decode()


def import_material(
    sdk: KmsClient,
    key_id: str,
    material: bytes,
    *,
    algorithm: WrappingAlgorithm = WrappingAlgorithm.RSAES_OAEP_SHA_256,
    expiration_time: int | None = None,
    token_of: str | None = None,
) -> Any:
    """Download parameters (for ``token_of`` if given), wrap, import into ``key_id``."""
    params = parameters(sdk, token_of or key_id, algorithm)
    return sdk.import_key_material(
        m.ImportKeyMaterialRequest(
            body=m.ImportKeyMaterialRequestBody(
                key_id=key_id,
                import_token=params.import_token,
                encrypted_key_material=wrap(params.public_key, material, algorithm),
                expiration_time=expiration_time,
            )
        )
    )


def imported_key(sdk: KmsClient, material: bytes | None = None) -> str:
    key_id = create_key(sdk)
    import_material(sdk, key_id, material or os.urandom(32))
    return key_id


def operate(sdk: KmsClient, method: str, key_id: str) -> Any:
    request = {
        "enable_key": m.EnableKeyRequest,
        "disable_key": m.DisableKeyRequest,
        "cancel_key_deletion": m.CancelKeyDeletionRequest,
        "delete_imported_key_material": m.DeleteImportedKeyMaterialRequest,
    }[method]
    return getattr(sdk, method)(request(body=m.OperateKeyRequestBody(key_id=key_id)))


def schedule_deletion(sdk: KmsClient, key_id: str, days: str = "7") -> Any:
    return sdk.delete_key(
        m.DeleteKeyRequest(body=m.ScheduleKeyDeletionRequestBody(key_id=key_id, pending_days=days))
    )


def encrypt(sdk: KmsClient, key_id: str, text: str, aad: str | None = None) -> str:
    return sdk.encrypt_data(
        m.EncryptDataRequest(
            body=m.EncryptDataRequestBody(
                key_id=key_id, plain_text=text, additional_authenticated_data=aad
            )
        )
    ).cipher_text


def decrypt(sdk: KmsClient, cipher_text: str, aad: str | None = None) -> Any:
    return sdk.decrypt_data(
        m.DecryptDataRequest(
            body=m.DecryptDataRequestBody(
                cipher_text=cipher_text, additional_authenticated_data=aad
            )
        )
    )


def batch_tags(sdk: KmsClient, key_id: str, action: str, tags: dict[str, str]) -> Any:
    return sdk.batch_create_kms_tags(
        m.BatchCreateKmsTagsRequest(
            key_id=key_id,
            body=m.BatchCreateKmsTagsRequestBody(
                tags=[m.TagItem(key=k, value=v) for k, v in tags.items()], action=action
            ),
        )
    )


def show_tags(sdk: KmsClient, key_id: str) -> dict[str, str]:
    answer = sdk.show_kms_tags(m.ShowKmsTagsRequest(key_id=key_id))
    return {t.key: t.value for t in answer.tags}


def refused(call: Callable[[], Any]) -> ClientRequestException:
    """The SDK's exception for a call the server must refuse."""
    with pytest.raises(ClientRequestException) as caught:
        call()
    return caught.value
