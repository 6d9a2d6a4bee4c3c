"""The official SDK against ``keyferry serve``: the whole import flow, every lifecycle
operation, tags, encrypt/decrypt, data keys and the paging of list-keys, with the API's field
names and types as the SDK's models read them."""

from __future__ import annotations

import base64
import hashlib
import os
import time

import pytest
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.hazmat.primitives.serialization import load_der_public_key
from huaweicloudsdkkms.v2 import KmsClient
from huaweicloudsdkkms.v2 import model as m

from app.model.importing import WrappingAlgorithm
from tests.server import steps
from tests.server.live import LiveServer, sdk_client


@pytest.mark.parametrize("algorithm", list(WrappingAlgorithm))
def test_the_whole_import_flow_through_the_sdk(
    sdk: KmsClient, algorithm: WrappingAlgorithm
) -> None:
    created = sdk.create_key(
        m.CreateKeyRequest(
            body=m.CreateKeyRequestBody(
                key_alias="demo-imported",
                key_spec="AES_256",
                key_usage="ENCRYPT_DECRYPT",
                key_description="imported demo",
                origin="external",
            )
        )
    )
    key_id = created.key_info.key_id
    assert created.key_info.region_id == "local" and created.key_info.domain_id
    assert steps.describe(sdk, key_id).key_state == "5"

    params = steps.parameters(sdk, key_id, algorithm)
    assert params.key_id == key_id
    assert isinstance(params.expiration_time, int)
    assert abs(params.expiration_time - (time.time() + 86400)) < 120
    public_key = load_der_public_key(base64.b64decode(params.public_key))
    assert isinstance(public_key, RSAPublicKey) and public_key.key_size == 2048
    assert 200 <= len(params.import_token) <= 6144

    material = os.urandom(32)
    expires = int(time.time()) + 3600
    answer = sdk.import_key_material(
        m.ImportKeyMaterialRequest(
            body=m.ImportKeyMaterialRequestBody(
                key_id=key_id,
                import_token=params.import_token,
                encrypted_key_material=steps.wrap(params.public_key, material, algorithm),
                expiration_time=expires,
            )
        )
    )
    assert answer.status_code == 200
    details = steps.describe(sdk, key_id)
    assert (details.key_state, details.origin) == ("2", "external")
    assert details.expiration_time == str(expires * 1000)
    assert details.key_alias == "demo-imported"
    assert details.key_description == "imported demo"

    cipher_text = steps.encrypt(sdk, key_id, "proof the imported key works")
    assert steps.decrypt(sdk, cipher_text).plain_text == "proof the imported key works"

    steps.operate(sdk, "delete_imported_key_material", key_id)
    assert steps.describe(sdk, key_id).key_state == "5"
    steps.import_material(sdk, key_id, material, algorithm=algorithm)  # the same material again
    details = steps.describe(sdk, key_id)
    assert (details.key_state, details.expiration_time) == ("2", "")  # never expires now


def test_every_lifecycle_operation(sdk: KmsClient) -> None:
    key_id = steps.create_key(sdk, "life", origin="kms")
    assert steps.describe(sdk, key_id).key_state == "2"

    disabled = steps.operate(sdk, "disable_key", key_id)
    assert (disabled.key_info.key_id, disabled.key_info.key_state) == (key_id, "3")
    enabled = steps.operate(sdk, "enable_key", key_id)
    assert enabled.key_info.key_state == "2"

    before = time.time()
    scheduled = steps.schedule_deletion(sdk, key_id, "7")
    assert (scheduled.key_id, scheduled.key_state) == (key_id, "4")
    deletion_ms = int(steps.describe(sdk, key_id).scheduled_deletion_date)
    assert abs(deletion_ms / 1000 - (before + 7 * 86400)) < 120
    cancelled = steps.operate(sdk, "cancel_key_deletion", key_id)
    assert (cancelled.key_id, cancelled.key_state) == (key_id, "3")  # back Disabled
    assert steps.describe(sdk, key_id).scheduled_deletion_date == ""

    alias = sdk.update_key_alias(
        m.UpdateKeyAliasRequest(
            body=m.UpdateKeyAliasRequestBody(key_id=key_id, key_alias="life/renamed")
        )
    )
    assert (alias.key_info.key_id, alias.key_info.key_alias) == (key_id, "life/renamed")
    described = sdk.update_key_description(
        m.UpdateKeyDescriptionRequest(
            body=m.UpdateKeyDescriptionRequestBody(key_id=key_id, key_description="new words")
        )
    )
    assert described.key_info.key_description == "new words"
    details = steps.describe(sdk, key_id)
    assert (details.key_alias, details.key_description) == ("life/renamed", "new words")


def test_tags(sdk: KmsClient) -> None:
    key_id = steps.create_key(sdk)
    answer = sdk.create_kms_tag(
        m.CreateKmsTagRequest(
            key_id=key_id, body=m.CreateKmsTagRequestBody(tag=m.TagItem(key="team", value="sec"))
        )
    )
    assert answer.status_code == 204
    assert (
        steps.batch_tags(
            sdk, key_id, "create", {"env/stage": "prod", "成本": "中心 1", "empty": ""}
        ).status_code
        == 204
    )
    shown = sdk.show_kms_tags(m.ShowKmsTagsRequest(key_id=key_id))
    assert shown.exist_tags_num == 4
    assert steps.show_tags(sdk, key_id) == {
        "team": "sec",
        "env/stage": "prod",
        "成本": "中心 1",
        "empty": "",
    }

    steps.batch_tags(sdk, key_id, "create", {"team": "ops"})  # one value per tag key
    steps.batch_tags(sdk, key_id, "delete", {"empty": ""})
    # A tag key with "/" and one with non-ASCII text travel percent-encoded in the path.
    for tag_key in ("env/stage", "成本"):
        deleted = sdk.delete_tag(m.DeleteTagRequest(key_id=key_id, key=tag_key))
        assert deleted.status_code == 204
    assert steps.show_tags(sdk, key_id) == {"team": "ops"}


def test_encrypt_and_decrypt_data(sdk: KmsClient) -> None:
    key_id = steps.create_key(sdk, origin="kms")
    text = "héllo, 世界 — " + "x" * 100
    cipher_text = steps.encrypt(sdk, key_id, text, aad="context-1")
    base64.b64decode(cipher_text, validate=True)  # Base64 of the engine's blob
    answer = steps.decrypt(sdk, cipher_text, aad="context-1")
    assert (answer.key_id, answer.plain_text) == (key_id, text)
    assert base64.b64decode(answer.plain_text_base64) == text.encode("utf-8")
    error = steps.refused(lambda: steps.decrypt(sdk, cipher_text, aad="context-2"))
    assert (error.status_code, error.error_code) == (400, "KMS.2201")


def test_data_keys(sdk: KmsClient) -> None:
    key_id = steps.create_key(sdk, origin="kms")
    created = sdk.create_datakey(
        m.CreateDatakeyRequest(body=m.CreateDatakeyRequestBody(key_id=key_id, datakey_length="512"))
    )
    datakey = bytes.fromhex(created.plain_text)
    assert (created.key_id, len(datakey)) == (key_id, 64)

    decrypted = sdk.decrypt_datakey(
        m.DecryptDatakeyRequest(
            body=m.DecryptDatakeyRequestBody(
                key_id=key_id, cipher_text=created.cipher_text, datakey_cipher_length="64"
            )
        )
    )
    assert bytes.fromhex(decrypted.data_key) == datakey
    assert decrypted.datakey_length == "64"
    assert decrypted.datakey_dgst == hashlib.sha256(datakey).hexdigest()

    bare = sdk.create_datakey_without_plaintext(
        m.CreateDatakeyWithoutPlaintextRequest(
            body=m.CreateDatakeyRequestBody(key_id=key_id, key_spec="AES_128")
        )
    )
    assert bare.cipher_text and b"plain_text" not in bare.raw_content
    again = sdk.decrypt_datakey(
        m.DecryptDatakeyRequest(
            body=m.DecryptDatakeyRequestBody(
                key_id=key_id, cipher_text=bare.cipher_text, datakey_cipher_length="16"
            )
        )
    )
    assert len(bytes.fromhex(again.data_key)) == 16

    mine = os.urandom(32)
    wrapped = sdk.encrypt_datakey(
        m.EncryptDatakeyRequest(
            body=m.EncryptDatakeyRequestBody(
                key_id=key_id,
                plain_text=(mine + hashlib.sha256(mine).digest()).hex(),
                datakey_plain_length="32",
            )
        )
    )
    assert (wrapped.key_id, wrapped.datakey_length) == (key_id, "32")
    back = sdk.decrypt_datakey(
        m.DecryptDatakeyRequest(
            body=m.DecryptDatakeyRequestBody(
                key_id=key_id, cipher_text=wrapped.cipher_text, datakey_cipher_length="32"
            )
        )
    )
    assert bytes.fromhex(back.data_key) == mine


def test_list_keys_pages_through_every_key_once(sdk: KmsClient) -> None:
    created = [steps.create_key(sdk, f"page-{i}", origin="kms") for i in range(7)]
    seen: list[str] = []
    marker = None
    pages = 0
    while True:
        page = sdk.list_keys(
            m.ListKeysRequest(body=m.ListKeysRequestBody(limit="3", marker=marker))
        )
        pages += 1
        assert page.total == 7 and isinstance(page.total, int)
        assert page.keys == [d.key_id for d in page.key_details]
        seen += page.keys
        if page.truncated == "false":
            assert page.next_marker == ""
            break
        assert page.truncated == "true" and page.next_marker
        marker = page.next_marker
    assert pages == 3
    assert sorted(seen) == sorted(created) and len(set(seen)) == 7  # no key twice

    for key_id in created[:2]:
        steps.operate(sdk, "disable_key", key_id)
    disabled = sdk.list_keys(m.ListKeysRequest(body=m.ListKeysRequestBody(key_state="3")))
    assert (disabled.total, sorted(disabled.keys)) == (2, sorted(created[:2]))
    other_spec = sdk.list_keys(m.ListKeysRequest(body=m.ListKeysRequestBody(key_spec="RSA_2048")))
    assert (other_spec.total, other_spec.keys) == (0, [])


def test_projects_are_namespaces(live_server: LiveServer, sdk: KmsClient) -> None:
    key_id = steps.create_key(sdk, "shared-alias")
    other = sdk_client(live_server.url)
    try:
        error = steps.refused(lambda: steps.describe(other, key_id))
        assert (error.status_code, error.error_code) == (404, "KMS.0207")
        steps.create_key(other, "shared-alias")  # an alias is unique per project only
        listed = other.list_keys(m.ListKeysRequest(body=m.ListKeysRequestBody()))
        assert key_id not in listed.keys and listed.total == 1
    finally:
        other.close()
