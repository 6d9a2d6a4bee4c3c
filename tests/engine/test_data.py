"""Data operations work the same for imported and generated keys."""

from __future__ import annotations

import hashlib

import pytest

from app.engine import DEFAULT_PROJECT, LocalKms
from tests.engine.helpers import do_import, external, refused
from tests.helpers import material

P = DEFAULT_PROJECT


@pytest.fixture(params=["imported", "generated"])
def key(request, kms: LocalKms) -> str:
    if request.param == "generated":
        return kms.create_key(project_id=P, key_alias="gen", origin="kms").key_id
    key_id = external(kms)
    do_import(kms, key_id, material())
    return key_id


def test_encrypt_decrypt_with_aad(kms: LocalKms, key: str) -> None:
    blob = kms.encrypt_data(
        project_id=P, key_id=key, plain_text=b"p" * 4096, additional_authenticated_data=b"ctx"
    )
    assert kms.decrypt_data(
        project_id=P, cipher_text=blob, additional_authenticated_data=b"ctx"
    ) == (key, b"p" * 4096)
    refused(
        "KMS.2201",
        kms.decrypt_data,
        project_id=P,
        cipher_text=blob,
        additional_authenticated_data=b"other",
    )
    tampered = bytearray(blob)
    tampered[-1] ^= 1
    refused("KMS.2201", kms.decrypt_data, project_id=P, cipher_text=bytes(tampered))
    refused("KMS.2201", kms.decrypt_data, project_id=P, cipher_text=b"short")
    refused("KMS.2101", kms.encrypt_data, project_id=P, key_id=key, plain_text=b"")
    refused("KMS.2101", kms.encrypt_data, project_id=P, key_id=key, plain_text=b"p" * 4097)
    # a ciphertext of one project does not decrypt in another
    refused("KMS.0207", kms.decrypt_data, project_id="other", cipher_text=blob)


def test_state_controls_use(kms: LocalKms, key: str) -> None:
    blob = kms.encrypt_data(project_id=P, key_id=key, plain_text=b"x")
    kms.disable_key(project_id=P, key_id=key)
    refused("KMS.0209", kms.encrypt_data, project_id=P, key_id=key, plain_text=b"x")
    refused("KMS.0209", kms.decrypt_data, project_id=P, cipher_text=blob)
    kms.schedule_key_deletion(project_id=P, key_id=key, pending_days=7)
    refused("KMS.0210", kms.decrypt_data, project_id=P, cipher_text=blob)
    kms.cancel_key_deletion(project_id=P, key_id=key)
    kms.enable_key(project_id=P, key_id=key)
    assert kms.decrypt_data(project_id=P, cipher_text=blob)[1] == b"x"


def test_data_keys(kms: LocalKms, key: str) -> None:
    plain, blob = kms.create_datakey(project_id=P, key_id=key)
    assert plain is not None and len(plain) == 32
    assert (
        kms.decrypt_datakey(project_id=P, key_id=key, cipher_text=blob, datakey_cipher_length=32)
        == plain
    )
    none, blob2 = kms.create_datakey(
        project_id=P, key_id=key, datakey_length="512", with_plaintext=False
    )
    assert (
        none is None and len(kms.decrypt_datakey(project_id=P, key_id=key, cipher_text=blob2)) == 64
    )
    assert len(kms.create_datakey(project_id=P, key_id=key, key_spec="AES_128")[0]) == 16
    refused("KMS.1901", kms.create_datakey, project_id=P, key_id=key, datakey_length=7)
    refused("KMS.1901", kms.create_datakey, project_id=P, key_id=key, datakey_length=8200)
    refused("KMS.0308", kms.create_datakey, project_id=P, key_id=key, key_spec="DES")
    refused(
        "KMS.2202",
        kms.decrypt_datakey,
        project_id=P,
        key_id=key,
        cipher_text=blob,
        datakey_cipher_length=31,
    )
    # a data key wrapped as data does not open as a data key (and the reverse)
    data_blob = kms.encrypt_data(project_id=P, key_id=key, plain_text=plain)
    refused("KMS.2201", kms.decrypt_datakey, project_id=P, key_id=key, cipher_text=data_blob)
    refused("KMS.2201", kms.decrypt_data, project_id=P, cipher_text=blob)


def test_encrypt_datakey_checks_the_digest(kms: LocalKms, key: str) -> None:
    datakey = bytes(range(32))
    blob = kms.encrypt_datakey(
        project_id=P,
        key_id=key,
        plain_text=datakey + hashlib.sha256(datakey).digest(),
        datakey_plain_length=32,
    )
    assert kms.decrypt_datakey(project_id=P, key_id=key, cipher_text=blob) == datakey
    refused(
        "KMS.2103",
        kms.encrypt_datakey,
        project_id=P,
        key_id=key,
        plain_text=datakey + bytes(32),
        datakey_plain_length=32,
    )
    refused(
        "KMS.2102",
        kms.encrypt_datakey,
        project_id=P,
        key_id=key,
        plain_text=datakey,
        datakey_plain_length=32,
    )
    other = kms.create_key(project_id=P, key_alias="other", origin="kms").key_id
    refused("KMS.2201", kms.decrypt_datakey, project_id=P, key_id=other, cipher_text=blob)


def test_each_data_call_asks_for_changes_once(kms: LocalKms) -> None:
    """The change check is the data path's largest cost: one per call, never two."""
    key = kms.create_key(project_id=P, key_alias="once", origin="kms").key_id
    blob = kms.encrypt_data(project_id=P, key_id=key, plain_text=b"warm")
    asked: list[str] = []
    kms._usable._watch._conn.set_trace_callback(asked.append)
    for _ in range(5):
        kms.encrypt_data(project_id=P, key_id=key, plain_text=b"data")
        kms.decrypt_data(project_id=P, cipher_text=blob)
    assert asked.count("PRAGMA data_version") == 10


def test_a_key_disabled_by_another_program_is_refused_at_once(
    kms: LocalKms, store_dir, master_key_file, clock
) -> None:
    """The data path serves keys from memory; a commit by any other connection (another
    process: here a second engine on the same store) must be seen on the very next call."""
    from app.engine import FileMasterKey

    key = kms.create_key(project_id=P, key_alias="shared", origin="kms").key_id
    blob = kms.encrypt_data(project_id=P, key_id=key, plain_text=b"warm")
    other = LocalKms.open(
        store_dir,
        master_key_source=FileMasterKey(master_key_file),
        clock=clock,
        background=False,
        pool_size=0,
    )
    try:
        other.disable_key(project_id=P, key_id=key)
        refused("KMS.0209", kms.encrypt_data, project_id=P, key_id=key, plain_text=b"x")
        refused("KMS.0209", kms.decrypt_data, project_id=P, cipher_text=blob)
        other.enable_key(project_id=P, key_id=key)
        assert kms.decrypt_data(project_id=P, cipher_text=blob)[1] == b"warm"
    finally:
        other.close()


def test_cached_key_still_stops_at_its_expiry(kms: LocalKms, clock) -> None:
    from tests.engine.helpers import do_import, external

    key = external(kms)
    do_import(kms, key, material(), expiration_time=int(clock.now()) + 5)
    kms.encrypt_data(project_id=P, key_id=key, plain_text=b"hot now")
    clock.advance(5)
    refused("KMS.1301", kms.encrypt_data, project_id=P, key_id=key, plain_text=b"x")


def test_ciphertexts_of_the_first_format_still_decrypt(kms: LocalKms) -> None:
    """Format 01 (before message keys): the key's material itself, a random nonce."""
    import os

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    secret = material()
    key = external(kms)
    do_import(kms, key, secret)
    nonce = os.urandom(12)
    old = b"\x01" + key.encode() + nonce + AESGCM(secret).encrypt(nonce, b"old", b"\x01ctx")
    assert kms.decrypt_data(
        project_id=P, cipher_text=old, additional_authenticated_data=b"ctx"
    ) == (key, b"old")
    new = kms.encrypt_data(project_id=P, key_id=key, plain_text=b"new")
    assert new[:1] == b"\x02" and kms.decrypt_data(project_id=P, cipher_text=new)[1] == b"new"
