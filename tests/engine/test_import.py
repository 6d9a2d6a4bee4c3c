"""Importing key material: every check in DESIGN.md's order, each with its code, the
lifecycle of imported material, and time (tokens and material expire)."""

from __future__ import annotations

import base64
import time

import pytest

from app.engine import DEFAULT_PROJECT, FileMasterKey, LocalKms, ManualClock
from app.model.errors import KmsError
from app.model.importing import WrappingAlgorithm
from app.model.kcv import key_check_value
from app.model.keys import KeyState
from tests.engine.helpers import do_import, external, params, refused, rows
from tests.helpers import material, wrap_for

P = DEFAULT_PROJECT
ALGORITHMS = list(WrappingAlgorithm)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_import_enables_the_key_and_it_encrypts(kms: LocalKms, algorithm) -> None:
    key = external(kms)
    secret = material()
    cmk = do_import(kms, key, secret, algorithm=algorithm)
    assert cmk.state is KeyState.ENABLED
    assert cmk.kcv == key_check_value(secret)
    blob = kms.encrypt_data(project_id=P, key_id=key, plain_text=b"works like any other")
    assert kms.decrypt_data(project_id=P, cipher_text=blob) == (key, b"works like any other")


def test_parameters_are_a_der_rsa_2048_key_and_a_24h_token(
    kms: LocalKms, clock: ManualClock
) -> None:
    from cryptography.hazmat.primitives import serialization

    p = params(kms, external(kms))
    public_key = serialization.load_der_public_key(p.public_key_der)
    assert public_key.key_size == 2048
    assert p.expiration_time == int(clock.now()) + 24 * 3600
    assert 200 <= len(p.import_token) <= 6144
    base64.b64decode(p.import_token, validate=True)


def test_parameters_only_for_external_keys_pending_import(kms: LocalKms) -> None:
    generated = kms.create_key(project_id=P, key_alias="gen", origin="kms").key_id
    refused("KMS.0309", params, kms, generated)
    key = external(kms)
    do_import(kms, key, material())
    refused("KMS.0310", params, kms, key)
    refused(
        "KMS.0308",
        kms.get_parameters_for_import,
        project_id=P,
        key_id=key,
        wrapping_algorithm="RSAES_OAEP_SHA_512",
    )


def test_each_check_in_order_with_its_code(kms: LocalKms, clock: ManualClock) -> None:
    key, other = external(kms, "a"), external(kms, "b")
    p, p_other = params(kms, key), params(kms, other)
    secret = material()
    good = wrap_for(p, secret)
    before = rows(kms)

    def attempt(code: str, *, token=p.import_token, key_id=key, blob=good, expires=None):
        refused(
            code,
            kms.import_key_material,
            project_id=P,
            key_id=key_id,
            import_token=token,
            encrypted_key_material=blob,
            expiration_time=expires,
        )
        assert rows(kms) == before, f"{code} changed the store"

    # 1. token authentic: tampered, truncated, garbage, too short, not Base64
    raw = bytearray(base64.b64decode(p.import_token))
    raw[40] ^= 1
    attempt("KMS.2605", token=base64.b64encode(bytes(raw)).decode())
    attempt("KMS.2605", token=p.import_token[:-8])
    attempt("KMS.2605", token="A" * 300)
    attempt("KMS.2605", token="short")
    attempt("KMS.2605", token="!" * 400)
    # 2. the token's key is the request's key (checked before expiry)
    attempt("KMS.2603", token=p_other.import_token)
    # 3. not expired
    clock.advance(24 * 3600)
    attempt("KMS.2601")
    attempt("KMS.2603", token=p_other.import_token)  # key mismatch still comes first
    clock.advance(-1)
    # 6. unwraps: wrong algorithm, garbage, empty, wrong length: all the same error
    for blob in (
        wrap_for(p, secret, WrappingAlgorithm.RSAES_OAEP_SHA_1),
        b"\x00" * 256,
        b"\x01" * 255,
        wrap_for(p_other, secret),
    ):
        attempt("KMS.0311", blob=blob)
    messages = set()
    for blob in (b"\x00" * 256, wrap_for(p_other, secret), b"x"):
        with pytest.raises(KmsError) as caught:
            kms.import_key_material(
                project_id=P, key_id=key, import_token=p.import_token, encrypted_key_material=blob
            )
        messages.add((caught.value.code, caught.value.message))
    assert len(messages) == 1, "unwrap failures must be indistinguishable"
    # 7. exactly 32 bytes
    for size in (0, 16, 31, 33, 64):
        attempt("KMS.2604", blob=wrap_for(p, bytes(size)))
    # 9. expiry in the future
    attempt("KMS.2602", expires=int(clock.now()))
    attempt("KMS.2602", expires=int(clock.now()) - 100)
    cmk = kms.import_key_material(
        project_id=P,
        key_id=key,
        import_token=p.import_token,
        encrypted_key_material=good,
        expiration_time=int(clock.now()) + 60,
    )
    assert cmk.state is KeyState.ENABLED
    assert cmk.material_expires_ms == (int(clock.now()) + 60) * 1000


def test_origin_and_state_checks(kms: LocalKms) -> None:
    key = external(kms)
    p = params(kms, key)
    secret = material()
    do_import(kms, key, secret, p=p)
    # 5. the key is Enabled now: the same token cannot import again
    refused("KMS.0310", do_import, kms, key, secret, p=p)
    kms.disable_key(project_id=P, key_id=key)
    refused("KMS.0310", do_import, kms, key, secret, p=p)


def test_base64_material_from_the_api_is_accepted(kms: LocalKms) -> None:
    key = external(kms)
    p = params(kms, key)
    blob = base64.b64encode(wrap_for(p, material())).decode()
    assert (
        kms.import_key_material(
            project_id=P, key_id=key, import_token=p.import_token, encrypted_key_material=blob
        ).state
        is KeyState.ENABLED
    )
    key2 = external(kms, "b")
    refused(
        "KMS.0308",
        kms.import_key_material,
        project_id=P,
        key_id=key2,
        import_token=params(kms, key2).import_token,
        encrypted_key_material="not base64!",
    )


def test_reimport_accepts_only_the_same_material(kms: LocalKms) -> None:
    key = external(kms)
    secret = material()
    first = do_import(kms, key, secret)
    blob = kms.encrypt_data(project_id=P, key_id=key, plain_text=b"kept")
    deleted = kms.delete_imported_key_material(project_id=P, key_id=key)
    assert deleted.state is KeyState.PENDING_IMPORT and deleted.kcv is None
    refused("KMS.1301", kms.encrypt_data, project_id=P, key_id=key, plain_text=b"x")
    before = rows(kms)
    refused("KMS.2606", do_import, kms, key, material())
    assert rows(kms) == before
    again = do_import(kms, key, secret)
    assert again.kcv == first.kcv and again.state is KeyState.ENABLED
    assert kms.decrypt_data(project_id=P, cipher_text=blob)[1] == b"kept"


def test_delete_material_rules(kms: LocalKms) -> None:
    generated = kms.create_key(project_id=P, key_alias="gen", origin="kms").key_id
    refused("KMS.0309", kms.delete_imported_key_material, project_id=P, key_id=generated)
    key = external(kms)
    refused("KMS.2701", kms.delete_imported_key_material, project_id=P, key_id=key)
    do_import(kms, key, material())
    kms.disable_key(project_id=P, key_id=key)
    assert (
        kms.delete_imported_key_material(project_id=P, key_id=key).state is KeyState.PENDING_IMPORT
    )
    kms.schedule_key_deletion(project_id=P, key_id=key, pending_days=7)
    refused("KMS.2701", kms.delete_imported_key_material, project_id=P, key_id=key)


def test_expired_material_is_never_used_even_before_a_sweep(
    kms: LocalKms, clock: ManualClock
) -> None:
    key = external(kms)
    secret = material()
    do_import(kms, key, secret, expiration_time=int(clock.now()) + 3600)
    blob = kms.encrypt_data(project_id=P, key_id=key, plain_text=b"x")
    clock.advance(3600)
    assert kms.describe_key(project_id=P, key_id=key).state is KeyState.PENDING_IMPORT
    assert kms.list_keys(project_id=P, key_state=5).total == 1
    refused("KMS.1301", kms.encrypt_data, project_id=P, key_id=key, plain_text=b"x")
    refused("KMS.1301", kms.decrypt_data, project_id=P, cipher_text=blob)
    refused("KMS.1301", kms.disable_key, project_id=P, key_id=key)
    assert kms.sweep() == 1
    sealed = (
        kms.store.connection()
        .execute("SELECT material, state FROM keys WHERE key_id = ?", (key,))
        .fetchone()
    )
    assert sealed == (None, 5)
    # the console's answer to expired material: import the same material again
    assert do_import(kms, key, secret).state is KeyState.ENABLED


def test_import_into_key_with_expired_material_before_sweep(
    kms: LocalKms, clock: ManualClock
) -> None:
    key = external(kms)
    secret = material()
    do_import(kms, key, secret, expiration_time=int(clock.now()) + 10)
    clock.advance(11)
    cmk = do_import(kms, key, secret)  # no sweep in between
    assert cmk.state is KeyState.ENABLED and cmk.material_expires_ms is None


def test_token_from_another_store_is_not_authentic(
    tmp_path, clock: ManualClock, kms: LocalKms
) -> None:
    other = LocalKms.open(
        tmp_path / "other",
        master_key_source=FileMasterKey(tmp_path / "k2"),
        clock=clock,
        background=False,
        pool_size=0,
    )
    try:
        key = external(kms)
        foreign = other.create_key(project_id=P, key_alias="f", origin="external").key_id
        p = params(other, foreign)
        refused(
            "KMS.2605",
            kms.import_key_material,
            project_id=P,
            key_id=key,
            import_token=p.import_token,
            encrypted_key_material=wrap_for(p, material()),
        )
    finally:
        other.close()


def test_token_of_another_project_is_refused(kms: LocalKms) -> None:
    key = kms.create_key(project_id="alpha", key_alias="a", origin="external").key_id
    p = kms.get_parameters_for_import(
        project_id="alpha", key_id=key, wrapping_algorithm="RSAES_OAEP_SHA_256"
    )
    refused(
        "KMS.2603",
        kms.import_key_material,
        project_id="beta",
        key_id=key,
        import_token=p.import_token,
        encrypted_key_material=wrap_for(p, material()),
    )


def test_the_wrapping_pool_waits_out_start_up_unless_a_key_is_wanted() -> None:
    """Start-up is left alone for START_DELAY_S; a key taken before that starts the fill."""
    from app.engine.wrapping_pool import WrappingKeyPool

    idle = WrappingKeyPool(size=2, bits=1024, start_delay_s=60)
    hurried = WrappingKeyPool(size=2, bits=1024, start_delay_s=60)
    try:
        time.sleep(0.5)
        assert idle.ready() == 0 and hurried.ready() == 0, "generated during start-up"
        assert hurried.take().public_der  # generated inline: the pool was empty
        deadline = time.monotonic() + 30
        while hurried.ready() < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert hurried.ready() == 2, "a wanted key did not start the fill"
        assert idle.ready() == 0
    finally:
        idle.close()
        hurried.close()


def test_wrapping_pool_serves_prepared_keys(tmp_path, clock: ManualClock) -> None:
    kms = LocalKms.open(
        tmp_path / "s",
        master_key_source=FileMasterKey(tmp_path / "k"),
        clock=clock,
        background=True,
        pool_size=3,
    )
    try:
        assert kms.pool.wait_full(timeout=30)
        assert kms.pool.ready() == 3
        key = external(kms)
        keys = {params(kms, key).public_key_der for _ in range(3)}
        assert len(keys) == 3, "each download gets its own wrapping key"
        assert kms.pool.wait_full(timeout=30)
    finally:
        kms.close()
