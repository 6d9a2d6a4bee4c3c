"""Secrets never reach a log, an exception text or a file a user did not ask for (issue 7):
the whole import flow and its refusals run with every logger at DEBUG, and everything logged
or raised is scanned for every secret of the run."""

from __future__ import annotations

import base64
import logging
import os
import stat

import pytest
from cryptography.hazmat.primitives import serialization

from app.engine import DEFAULT_PROJECT, LocalKms
from app.model.errors import KmsError
from app.model.importing import WrappingAlgorithm
from tests.helpers import material, wrap_for

P = DEFAULT_PROJECT


def _forms(secret: bytes) -> list[bytes]:
    return [
        secret,
        secret.hex().encode(),
        secret.hex().upper().encode(),
        base64.b64encode(secret),
        base64.urlsafe_b64encode(secret),
    ]


def test_no_secret_in_logs_or_exception_texts(kms: LocalKms, master_key_file, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []
    secrets = [base64.b64decode(master_key_file.read_text())]

    def attempt(call, **kwargs):
        try:
            return call(**kwargs)
        except KmsError as error:
            texts.extend([str(error), error.message, repr(error)])
            return None

    for algorithm in WrappingAlgorithm:
        key = kms.create_key(
            project_id=P, key_alias=f"k-{algorithm.value}", origin="external"
        ).key_id
        params = kms.get_parameters_for_import(
            project_id=P, key_id=key, wrapping_algorithm=algorithm
        )
        secret = material()
        private = kms._tokens.open(params.import_token).private_key_der
        secrets += [secret, private]
        numbers = serialization.load_der_private_key(private, None).private_numbers()
        secrets += [numbers.d.to_bytes(256, "big"), numbers.p.to_bytes(128, "big")]
        good = wrap_for(params, secret)
        for blob in (
            good[:-1],
            bytes(256),
            wrap_for(params, secret[:31]),
            wrap_for(params, secret, WrappingAlgorithm.RSAES_OAEP_SHA_1),
        ):
            attempt(
                kms.import_key_material,
                project_id=P,
                key_id=key,
                import_token=params.import_token,
                encrypted_key_material=blob,
            )
        attempt(
            kms.import_key_material,
            project_id=P,
            key_id=key,
            import_token=params.import_token[:-4] + "AAAA",
            encrypted_key_material=good,
        )
        attempt(
            kms.import_key_material,
            project_id=P,
            key_id=key,
            import_token=params.import_token,
            encrypted_key_material=good,
        )
        attempt(
            kms.import_key_material,
            project_id=P,
            key_id=key,
            import_token=params.import_token,
            encrypted_key_material=good,
        )
        kms.delete_imported_key_material(project_id=P, key_id=key)
        attempt(
            kms.import_key_material,
            project_id=P,
            key_id=key,
            import_token=params.import_token,
            encrypted_key_material=wrap_for(params, material()),
        )
    generated = kms.create_key(project_id=P, key_alias="gen", origin="kms").key_id
    datakey, blob = kms.create_datakey(project_id=P, key_id=generated)
    secrets.append(datakey)
    attempt(
        kms.decrypt_datakey,
        project_id=P,
        key_id=generated,
        cipher_text=blob,
        datakey_cipher_length=7,
    )
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    haystack = ("\n".join(texts) + logged).encode()
    assert len(texts) >= 20, "the refusals were exercised"
    for secret in secrets:
        for form in _forms(secret):
            assert form not in haystack


def test_downloads_and_plaintext_files_are_private(tmp_path, capsys, monkeypatch) -> None:
    from app.cli import main

    monkeypatch.setenv("KEYFERRY_DATA_DIR", str(tmp_path / "store"))
    monkeypatch.setenv("KEYFERRY_MASTER_KEY_FILE", str(tmp_path / "master.key"))
    main(["--json", "create-key", "--alias", "k"])
    import json

    key = json.loads(capsys.readouterr().out)["key_id"]
    main(["get-parameters-for-import", key, "--out-dir", str(tmp_path)])
    main(
        [
            "wrap",
            "--wrapping-key",
            str(next(tmp_path.glob("wrappingKey_*"))),
            "--algorithm",
            "RSAES_OAEP_SHA_256",
            "--generate",
            str(tmp_path / "plain.bin"),
            "--out",
            str(tmp_path / "EncryptedKeyMaterial.bin"),
        ]
    )
    for path in [
        *tmp_path.glob("*_*"),
        tmp_path / "plain.bin",
        tmp_path / "EncryptedKeyMaterial.bin",
        tmp_path / "master.key",
    ]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE((tmp_path / "store").stat().st_mode) == 0o700


def test_every_token_failure_is_one_code_and_one_sentence(kms: LocalKms) -> None:
    key = kms.create_key(project_id=P, key_alias="k", origin="external").key_id
    params = kms.get_parameters_for_import(
        project_id=P, key_id=key, wrapping_algorithm="RSAES_OAEP_SHA_256"
    )
    raw = base64.b64decode(params.import_token)
    bad_tokens = [
        params.import_token[:-10],
        "A" * 400,
        "",
        "ü" * 300,
        base64.b64encode(raw[:1] + b"\x00" + raw[2:]).decode(),
        base64.b64encode(raw + b"x").decode(),
        base64.b64encode(raw[:-1] + bytes([raw[-1] ^ 1])).decode(),
    ]
    answers = set()
    for token in bad_tokens:
        with pytest.raises(KmsError) as caught:
            kms.import_key_material(
                project_id=P, key_id=key, import_token=token, encrypted_key_material=bytes(256)
            )
        answers.add((caught.value.code, caught.value.message))
    assert answers == {("KMS.2605", KmsError("KMS.2605").message)}


def test_material_comparison_is_constant_time(kms: LocalKms, monkeypatch) -> None:
    """Re-import compares keyed fingerprints with hmac.compare_digest, never ==."""
    import hmac

    calls = []
    real = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: calls.append(1) or real(a, b))
    key = kms.create_key(project_id=P, key_alias="k", origin="external").key_id
    params = kms.get_parameters_for_import(
        project_id=P, key_id=key, wrapping_algorithm="RSAES_OAEP_SHA_256"
    )
    secret = material()
    kms.import_key_material(
        project_id=P,
        key_id=key,
        import_token=params.import_token,
        encrypted_key_material=wrap_for(params, secret),
    )
    kms.delete_imported_key_material(project_id=P, key_id=key)
    kms.import_key_material(
        project_id=P,
        key_id=key,
        import_token=params.import_token,
        encrypted_key_material=wrap_for(params, secret),
    )
    assert len(calls) >= 2


def test_locked_keyring_is_explained(store_dir, clock) -> None:
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.errors import KeyringLocked

    from app.model.errors import SetupError

    class Locked(KeyringBackend):
        priority = 1

        def get_password(self, service, username):
            raise KeyringLocked("locked")

        def set_password(self, service, username, password):
            raise KeyringLocked("locked")

        def delete_password(self, service, username):
            raise KeyringLocked("locked")

    previous = keyring.get_keyring()
    keyring.set_keyring(Locked())
    try:
        with pytest.raises(SetupError, match="keyring is locked"):
            LocalKms.open(store_dir, clock=clock, background=False, pool_size=0)
    finally:
        keyring.set_keyring(previous)


def test_no_private_or_temporary_key_in_logs_or_exception_texts(kms: LocalKms, caplog) -> None:
    """Every refusal of an asymmetric import, and the signing and encryption that follow,
    with every logger at DEBUG: no form of the private key (its PKCS#8, its private number),
    of the temporary key or of the store's sealed copy is logged or raised."""
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    from app.engine import records
    from tests.helpers import pkcs8_of, wrap_private_for

    caplog.set_level(logging.DEBUG)
    texts: list[str] = []
    secrets: list[bytes] = []

    def attempt(call, **kwargs):
        try:
            return call(**kwargs)
        except KmsError as error:
            texts.extend([str(error), error.message, repr(error)])
            return None

    own = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    wrong = ec.generate_private_key(ec.SECP384R1())
    key = kms.create_key(project_id=P, key_alias="asym", origin="external", key_spec="RSA_2048")
    params = kms.get_parameters_for_import(
        project_id=P, key_id=key.key_id, wrapping_algorithm=WrappingAlgorithm.RSAES_OAEP_SHA_256
    )
    request = {"project_id": P, "key_id": key.key_id, "import_token": params.import_token}
    for pkcs8 in (pkcs8_of(wrong), pkcs8_of(own)[:-1], pkcs8_of(own)):
        temporary = os.urandom(32)
        material, wrapped = wrap_private_for(params, pkcs8, temporary=temporary)
        secrets += [temporary, pkcs8]
        for blob in (wrapped[:-8], wrapped[:8] + bytes(8) + wrapped[16:], wrapped):
            attempt(
                kms.import_key_material,
                **request,
                encrypted_key_material=material,
                encrypted_privatekey=blob,
            )
    numbers = own.private_numbers()
    secrets += [numbers.d.to_bytes(256, "big"), numbers.p.to_bytes(128, "big")]
    sealed, _ = records.secrets(kms.store.connection(), key.key_id)
    assert sealed is not None, "the right key imported"
    secrets.append(kms._material.open(sealed, key.key_id.encode()))
    for call in (
        lambda: kms.sign(project_id=P, key_id=key.key_id, message=b"x", signing_algorithm="x"),
        lambda: kms.encrypt_data(project_id=P, key_id=key.key_id, plain_text=b"x"),
        lambda: kms.delete_imported_key_material(project_id=P, key_id=key.key_id),
    ):
        attempt(lambda run=call, **_: run())
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    haystack = ("\n".join(texts) + logged).encode()
    assert len(texts) >= 24, "the refusals were exercised"
    for secret in secrets:
        for form in _forms(secret):
            assert form not in haystack
