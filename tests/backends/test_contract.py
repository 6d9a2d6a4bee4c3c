"""The backend contract: one set of tests, run on the embedded engine and on the remote
backend through the official SDK against ``keyferry serve``. Both must give the same
answers and refuse with the same codes, since the GUI and the CLI cannot tell them apart."""

from __future__ import annotations

import hashlib
import os
import time

import pytest

from app.backends.base import KmsBackend
from app.model.errors import KmsError
from app.model.importing import WrappingAlgorithm
from app.model.kcv import key_check_value
from app.model.keys import Cmk, KeyState, Origin, Tag
from tests.helpers import wrap_for


def _code(call: object, *args: object, **kwargs: object) -> str:
    with pytest.raises(KmsError) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    assert caught.value.message
    return caught.value.code


def _imported(
    backend: KmsBackend, material: bytes | None = None, expiration_time: int | None = None
) -> str:
    cmk = backend.create_key(alias=f"imp-{os.urandom(3).hex()}")
    params = backend.get_parameters_for_import(
        key_id=cmk.key_id, wrapping_algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256
    )
    backend.import_key_material(
        key_id=cmk.key_id,
        import_token=params.import_token,
        encrypted_key_material=wrap_for(params, material or os.urandom(32)),
        expiration_time=expiration_time,
    )
    return cmk.key_id


def test_create_key_with_empty_material(any_backend: KmsBackend) -> None:
    cmk = any_backend.create_key(
        alias="contract/one", description="words", tags=[Tag("b", "2"), Tag("a", "1")]
    )
    assert (cmk.alias, cmk.description, cmk.origin, cmk.state) == (
        "contract/one",
        "words",
        Origin.EXTERNAL,
        KeyState.PENDING_IMPORT,
    )
    assert cmk.tags == (Tag("a", "1"), Tag("b", "2"))
    assert abs(cmk.created_ms / 1000 - time.time()) < 600


def test_describe_gives_the_created_key(any_backend: KmsBackend) -> None:
    cmk = any_backend.create_key(alias="described", tags=[Tag("a", "1")])
    assert any_backend.describe_key(key_id=cmk.key_id) == cmk


def test_a_key_with_kms_material_is_enabled_at_once(any_backend: KmsBackend) -> None:
    assert any_backend.create_key(alias="contract/kms", origin=Origin.KMS).state is KeyState.ENABLED


def test_an_alias_is_unique(any_backend: KmsBackend) -> None:
    any_backend.create_key(alias="contract/twice")
    assert _code(any_backend.create_key, alias="contract/twice") == "KMS.1104"


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"alias": "bad alias"}, "KMS.1101"),
        ({"alias": "x", "description": "d" * 256}, "KMS.1103"),
    ],
    ids=["alias", "description"],
)
def test_create_key_refuses(any_backend: KmsBackend, fields: dict[str, str], code: str) -> None:
    assert _code(any_backend.create_key, **fields) == code


@pytest.mark.parametrize(
    ("key_id", "code"),
    [("00000000-0000-4000-8000-000000000000", "KMS.0207"), ("nope", "KMS.0205")],
    ids=["unknown", "malformed"],
)
def test_describe_refuses(any_backend: KmsBackend, key_id: str, code: str) -> None:
    assert _code(any_backend.describe_key, key_id=key_id) == code


@pytest.mark.parametrize("algorithm", list(WrappingAlgorithm))
def test_import_parameters_expire_in_a_day(
    any_backend: KmsBackend, algorithm: WrappingAlgorithm
) -> None:
    key_id = any_backend.create_key(alias="params").key_id
    params = any_backend.get_parameters_for_import(key_id=key_id, wrapping_algorithm=algorithm)
    assert (params.key_id, params.wrapping_algorithm) == (key_id, algorithm)
    assert abs(params.expiration_time - (time.time() + 86400)) < 600


@pytest.mark.parametrize("algorithm", list(WrappingAlgorithm))
def test_imported_material_enables_the_key_until_it_expires(
    any_backend: KmsBackend, algorithm: WrappingAlgorithm
) -> None:
    key_id = any_backend.create_key(alias="flow").key_id
    params = any_backend.get_parameters_for_import(key_id=key_id, wrapping_algorithm=algorithm)
    expires = int(time.time()) + 7200
    cmk = any_backend.import_key_material(
        key_id=key_id,
        import_token=params.import_token,
        encrypted_key_material=wrap_for(params, os.urandom(32), algorithm),
        expiration_time=expires,
    )
    assert (cmk.state, cmk.material_expires_ms) == (KeyState.ENABLED, expires * 1000)


def test_deleting_material_brings_the_key_back_to_pending_import(any_backend: KmsBackend) -> None:
    key_id = _imported(any_backend, expiration_time=int(time.time()) + 7200)
    cmk = any_backend.delete_imported_key_material(key_id=key_id)
    assert (cmk.state, cmk.material_expires_ms) == (KeyState.PENDING_IMPORT, None)


def test_only_the_same_material_imports_again(any_backend: KmsBackend) -> None:
    material = os.urandom(32)
    key_id = _imported(any_backend, material)
    any_backend.delete_imported_key_material(key_id=key_id)
    algorithm = WrappingAlgorithm.RSAES_OAEP_SHA_256
    params = any_backend.get_parameters_for_import(key_id=key_id, wrapping_algorithm=algorithm)
    other = wrap_for(params, os.urandom(32))
    assert (
        _code(
            any_backend.import_key_material,
            key_id=key_id,
            import_token=params.import_token,
            encrypted_key_material=other,
        )
        == "KMS.2606"
    )
    cmk = any_backend.import_key_material(
        key_id=key_id,
        import_token=params.import_token,
        encrypted_key_material=wrap_for(params, material),
    )
    assert (cmk.state, cmk.material_expires_ms) == (KeyState.ENABLED, None)


_REFUSED_IMPORTS = {
    "token of another key": ("KMS.2603", lambda p, key, other: {"key_id": other}),
    "tampered token": (
        "KMS.2605",
        lambda p, key, other: {"import_token": p.import_token[:-8] + "A" * 8},
    ),
    "31 bytes": (
        "KMS.2604",
        lambda p, key, other: {"encrypted_key_material": wrap_for(p, os.urandom(31))},
    ),
    "another algorithm": (
        "KMS.0311",
        lambda p, key, other: {
            "encrypted_key_material": wrap_for(
                p, os.urandom(32), WrappingAlgorithm.RSAES_PKCS1_V1_5
            )
        },
    ),
    "expiry in the past": (
        "KMS.2602",
        lambda p, key, other: {"expiration_time": int(time.time()) - 10},
    ),
}


@pytest.mark.parametrize("case", list(_REFUSED_IMPORTS))
def test_an_import_is_refused_and_changes_nothing(any_backend: KmsBackend, case: str) -> None:
    code, changes = _REFUSED_IMPORTS[case]
    key_id = any_backend.create_key(alias="refusals").key_id
    other_id = any_backend.create_key(alias="other").key_id
    params = any_backend.get_parameters_for_import(
        key_id=key_id, wrapping_algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256
    )
    fields: dict[str, object] = {
        "key_id": key_id,
        "import_token": params.import_token,
        "encrypted_key_material": wrap_for(params, os.urandom(32)),
        **changes(params, key_id, other_id),
    }
    assert _code(any_backend.import_key_material, **fields) == code
    assert any_backend.describe_key(key_id=key_id).state is KeyState.PENDING_IMPORT


def test_kms_material_cannot_be_imported_or_deleted(any_backend: KmsBackend) -> None:
    generated = any_backend.create_key(alias="gen", origin=Origin.KMS).key_id
    algorithm = WrappingAlgorithm.RSAES_OAEP_SHA_256
    assert (
        _code(any_backend.get_parameters_for_import, key_id=generated, wrapping_algorithm=algorithm)
        == "KMS.0309"
    )
    assert _code(any_backend.delete_imported_key_material, key_id=generated) == "KMS.0309"


def test_no_material_to_delete_before_an_import(any_backend: KmsBackend) -> None:
    key_id = any_backend.create_key(alias="empty").key_id
    assert _code(any_backend.delete_imported_key_material, key_id=key_id) == "KMS.2701"


def test_no_import_parameters_once_imported(any_backend: KmsBackend) -> None:
    done = _imported(any_backend)
    algorithm = WrappingAlgorithm.RSAES_OAEP_SHA_256
    assert (
        _code(any_backend.get_parameters_for_import, key_id=done, wrapping_algorithm=algorithm)
        == "KMS.0310"
    )


def test_an_expected_kcv_is_verified_or_said_to_be_unverified(any_backend: KmsBackend) -> None:
    """The local engine refuses material with another KCV (KMS.2607); a remote KMS cannot
    check one, says so through ``verifies_kcv``, and imports without pretending it did.
    Both refuse a malformed one."""
    key_id = any_backend.create_key(alias="kcv").key_id
    params = any_backend.get_parameters_for_import(
        key_id=key_id, wrapping_algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256
    )
    material = os.urandom(32)
    wrong = f"{int(key_check_value(material), 16) ^ 0x800000:06X}"

    def attempt(expect_kcv: str) -> Cmk:
        return any_backend.import_key_material(
            key_id=key_id,
            import_token=params.import_token,
            encrypted_key_material=wrap_for(params, material),
            expect_kcv=expect_kcv,
        )

    assert _code(attempt, "CABA0") == "KMS.0308"
    if any_backend.verifies_kcv:
        assert _code(attempt, wrong) == "KMS.2607"
        assert any_backend.describe_key(key_id=key_id).state is KeyState.PENDING_IMPORT
        assert attempt(key_check_value(material)).kcv == key_check_value(material)
    else:
        cmk = attempt(wrong)
        assert cmk.state is KeyState.ENABLED and cmk.kcv is None, "no KCV is made up"


def test_disable_and_enable(any_backend: KmsBackend) -> None:
    key_id = _imported(any_backend)
    assert any_backend.disable_key(key_id=key_id).state is KeyState.DISABLED
    assert any_backend.enable_key(key_id=key_id).state is KeyState.ENABLED


def test_enabling_an_enabled_key_is_refused(any_backend: KmsBackend) -> None:
    assert _code(any_backend.enable_key, key_id=_imported(any_backend)) == "KMS.1201"


def test_disabling_a_disabled_key_is_refused(any_backend: KmsBackend) -> None:
    key_id = _imported(any_backend)
    any_backend.disable_key(key_id=key_id)
    assert _code(any_backend.disable_key, key_id=key_id) == "KMS.1301"


def test_scheduled_deletion_waits_its_days(any_backend: KmsBackend) -> None:
    scheduled = any_backend.schedule_key_deletion(key_id=_imported(any_backend), pending_days=30)
    assert scheduled.state is KeyState.PENDING_DELETION
    assert scheduled.deletion_ms is not None
    assert abs(scheduled.deletion_ms / 1000 - (time.time() + 30 * 86400)) < 600


@pytest.mark.parametrize("days", [6, 1097])
def test_deletion_waits_7_to_1096_days(any_backend: KmsBackend, days: int) -> None:
    key_id = _imported(any_backend)
    assert _code(any_backend.schedule_key_deletion, key_id=key_id, pending_days=days) == "KMS.1401"


def test_deletion_is_scheduled_once(any_backend: KmsBackend) -> None:
    key_id = _imported(any_backend)
    any_backend.schedule_key_deletion(key_id=key_id, pending_days=30)
    assert _code(any_backend.schedule_key_deletion, key_id=key_id, pending_days=7) == "KMS.1402"


def test_a_key_pending_deletion_cannot_change(any_backend: KmsBackend) -> None:
    key_id = _imported(any_backend)
    any_backend.schedule_key_deletion(key_id=key_id, pending_days=30)
    assert _code(any_backend.update_key_alias, key_id=key_id, alias="late") == "KMS.0210"


def test_cancelled_deletion_leaves_the_key_disabled(any_backend: KmsBackend) -> None:
    key_id = _imported(any_backend)
    any_backend.schedule_key_deletion(key_id=key_id, pending_days=30)
    cancelled = any_backend.cancel_key_deletion(key_id=key_id)
    assert (cancelled.state, cancelled.deletion_ms) == (KeyState.DISABLED, None)


def test_cancelling_what_is_not_scheduled_is_refused(any_backend: KmsBackend) -> None:
    assert _code(any_backend.cancel_key_deletion, key_id=_imported(any_backend)) == "KMS.1501"


def test_alias_and_description_change(any_backend: KmsBackend) -> None:
    key_id = _imported(any_backend)
    assert any_backend.update_key_alias(key_id=key_id, alias="renamed").alias == "renamed"
    assert any_backend.update_key_description(key_id=key_id, description="new").description == "new"


def test_tags_one_at_a_time_and_in_batches(any_backend: KmsBackend) -> None:
    key_id = any_backend.create_key(alias="tags").key_id
    assert any_backend.create_tag(key_id=key_id, tag=Tag("env/stage", "prod")).tags == (
        Tag("env/stage", "prod"),
    )
    cmk = any_backend.batch_tags(
        key_id=key_id, action="create", tags=[Tag("a", "1"), Tag("团队", "安全")]
    )
    assert len(cmk.tags) == 3
    assert any_backend.show_tags(key_id=key_id) == cmk.tags


def test_tags_are_deleted_by_key(any_backend: KmsBackend) -> None:
    key_id = any_backend.create_key(
        alias="untag", tags=[Tag("env/stage", "prod"), Tag("a", "1"), Tag("团队", "安全")]
    ).key_id
    any_backend.batch_tags(key_id=key_id, action="delete", tags=[Tag("a")])
    cmk = any_backend.delete_tag(key_id=key_id, tag_key="env/stage")
    assert cmk.tags == (Tag("团队", "安全"),)


_REFUSED_TAGS = {
    "an eleventh": (
        "KMS.0409",
        "batch_tags",
        {"action": "create", "tags": [Tag(f"t{i}") for i in range(11)]},
    ),
    "key too long": ("KMS.0411", "create_tag", {"tag": Tag("k" * 37)}),
    "value too long": ("KMS.0410", "create_tag", {"tag": Tag("k", "v" * 44)}),
    "unknown action": ("KMS.0404", "batch_tags", {"action": "merge", "tags": [Tag("k")]}),
    "absent tag": ("KMS.0406", "delete_tag", {"tag_key": "absent"}),
}


@pytest.mark.parametrize("case", list(_REFUSED_TAGS))
def test_tag_changes_refused(any_backend: KmsBackend, case: str) -> None:
    code, method, fields = _REFUSED_TAGS[case]
    key_id = any_backend.create_key(alias="tag-refusals").key_id
    assert _code(getattr(any_backend, method), key_id=key_id, **fields) == code


def test_data_round_trip_with_its_context(any_backend: KmsBackend) -> None:
    key_id = _imported(any_backend)
    cipher_text = any_backend.encrypt_data(
        key_id=key_id, plain_text="secret ✓".encode(), additional_authenticated_data=b"ctx"
    )
    result = any_backend.decrypt_data(cipher_text=cipher_text, additional_authenticated_data=b"ctx")
    assert (result.key_id, result.plaintext) == (key_id, "secret ✓".encode())


def test_decrypting_without_its_context_is_refused(any_backend: KmsBackend) -> None:
    key_id = _imported(any_backend)
    cipher_text = any_backend.encrypt_data(
        key_id=key_id, plain_text=b"x", additional_authenticated_data=b"ctx"
    )
    assert _code(any_backend.decrypt_data, cipher_text=cipher_text) == "KMS.2201"


def test_plaintext_over_4096_bytes_is_refused(any_backend: KmsBackend) -> None:
    key_id = _imported(any_backend)
    assert _code(any_backend.encrypt_data, key_id=key_id, plain_text=b"x" * 4097) == "KMS.2101"


def test_a_disabled_key_neither_encrypts_nor_decrypts(any_backend: KmsBackend) -> None:
    key_id = _imported(any_backend)
    cipher_text = any_backend.encrypt_data(key_id=key_id, plain_text=b"x")
    any_backend.disable_key(key_id=key_id)
    assert _code(any_backend.encrypt_data, key_id=key_id, plain_text=b"x") == "KMS.0209"
    assert _code(any_backend.decrypt_data, cipher_text=cipher_text) == "KMS.0209"


def _data_key_cmk(backend: KmsBackend) -> str:
    return backend.create_key(alias=f"dk-{os.urandom(3).hex()}", origin=Origin.KMS).key_id


def test_a_data_key_and_its_ciphertext(any_backend: KmsBackend) -> None:
    key_id = _data_key_cmk(any_backend)
    made = any_backend.create_datakey(key_id=key_id, datakey_length=256)
    assert made.plaintext is not None and len(made.plaintext) == 32
    assert (
        any_backend.decrypt_datakey(
            key_id=key_id, cipher_text=made.cipher_text, datakey_cipher_length=32
        )
        == made.plaintext
    )


def test_a_data_key_without_plaintext(any_backend: KmsBackend) -> None:
    key_id = _data_key_cmk(any_backend)
    bare = any_backend.create_datakey(key_id=key_id, key_spec="AES_128", with_plaintext=False)
    assert bare.plaintext is None
    assert len(any_backend.decrypt_datakey(key_id=key_id, cipher_text=bare.cipher_text)) == 16


def test_one_s_own_data_key_encrypted(any_backend: KmsBackend) -> None:
    key_id = _data_key_cmk(any_backend)
    mine = os.urandom(24)
    wrapped = any_backend.encrypt_datakey(
        key_id=key_id, plain_text=mine + hashlib.sha256(mine).digest(), datakey_plain_length=24
    )
    assert any_backend.decrypt_datakey(key_id=key_id, cipher_text=wrapped) == mine


def test_data_key_refusals(any_backend: KmsBackend) -> None:
    """Each call refused with its own code: a length not in whole bytes, a digest that does
    not match, a ciphertext of another length."""
    key_id = _data_key_cmk(any_backend)
    assert _code(any_backend.create_datakey, key_id=key_id, datakey_length=12) == "KMS.1901"
    mine = os.urandom(24)
    assert (
        _code(
            any_backend.encrypt_datakey,
            key_id=key_id,
            plain_text=mine + bytes(32),
            datakey_plain_length=24,
        )
        == "KMS.2103"
    )
    made = any_backend.create_datakey(key_id=key_id, datakey_length=256)
    assert (
        _code(
            any_backend.decrypt_datakey,
            key_id=key_id,
            cipher_text=made.cipher_text,
            datakey_cipher_length=16,
        )
        == "KMS.2202"
    )


def test_listing_and_paging(any_backend: KmsBackend) -> None:
    made = [any_backend.create_key(alias=f"list-{i}", origin=Origin.KMS).key_id for i in range(5)]
    any_backend.disable_key(key_id=made[1])
    # Creation order; keys made within one millisecond come in key ID order.
    every = [k.key_id for k in any_backend.all_keys()]
    assert sorted(every) == sorted(made)
    page = any_backend.list_keys(limit=2)
    assert ([k.key_id for k in page.keys], page.truncated, page.total) == (every[:2], True, 5)
    rest = any_backend.list_keys(limit=10, marker=page.next_marker)
    assert ([k.key_id for k in rest.keys], rest.truncated, rest.next_marker) == (
        every[2:],
        False,
        None,
    )
    disabled = any_backend.list_keys(key_state=KeyState.DISABLED)
    assert [k.key_id for k in disabled.keys] == [made[1]]
    assert _code(any_backend.list_keys, limit=0) == "KMS.1601"


def test_changes_are_announced(any_backend: KmsBackend) -> None:
    key_id = any_backend.create_key(alias="watched", origin=Origin.KMS).key_id
    seen: list[frozenset[str]] = []
    unsubscribe = any_backend.subscribe(seen.append)
    any_backend.disable_key(key_id=key_id)
    unsubscribe()
    any_backend.enable_key(key_id=key_id)
    assert seen == [frozenset({key_id})]


def test_the_backends_say_what_they_are(any_backend: KmsBackend) -> None:
    assert any_backend.label
    assert any_backend.project_id
    assert isinstance(any_backend.supports_history, bool)
    assert any_backend.is_open is True
    assert any_backend.verifies_kcv is any_backend.is_local
