"""The import record: every import through ``import_and_record`` leaves an attempt and a
result, local or remote, whatever the outcome; the file is 0600 in a 0700 folder beside the
profiles, only ever appended to, holds nothing secret, keeps fields it does not know, and
travels with ``keyferry backup``."""

from __future__ import annotations

import base64
import json
import stat
from pathlib import Path

import pytest

from app.backends.import_record import (
    ImportClaim,
    ImportRecord,
    KcvSource,
    Outcome,
    import_and_record,
)
from app.backends.local import LocalBackend, backup_store, restore_store
from app.backends.profiles import default_config_dir
from app.model.errors import KmsError, SetupError
from app.model.importing import WrappingAlgorithm
from app.model.kcv import key_check_value
from app.model.keys import KeyState
from tests.helpers import material, wrap_for

ALGORITHM = WrappingAlgorithm.RSAES_OAEP_SHA_256


def _prepared(backend: LocalBackend) -> tuple[str, str, bytes, bytes, int]:
    key = backend.create_key(alias="recorded")
    params = backend.get_parameters_for_import(key_id=key.key_id, wrapping_algorithm=ALGORITHM)
    plain = material()
    return key.key_id, params.import_token, plain, wrap_for(params, plain), params.expiration_time


def _run(backend: LocalBackend, key_id: str, token: str, wrapped: bytes, claim: ImportClaim):
    return import_and_record(
        backend,
        key_id=key_id,
        import_token=token,
        encrypted_key_material=wrapped,
        expiration_time=None,
        claim=claim,
    )


def test_a_local_import_is_recorded_beside_the_profiles(
    backend: LocalBackend, private_config_dir: Path
) -> None:
    key_id, token, plain, wrapped, expires = _prepared(backend)
    cmk = _run(
        backend,
        key_id,
        token,
        wrapped,
        ImportClaim(wrapping_algorithm=ALGORITHM, token_expires_s=expires, alias="recorded"),
    )
    record = ImportRecord()
    assert record.path == default_config_dir() / "imports.jsonl"
    assert record.path.parent == private_config_dir
    assert stat.S_IMODE(record.path.stat().st_mode) == 0o600
    (entry,) = record.entries()
    assert entry.kms == backend.where and entry.kms.kind == "local"
    assert (entry.key_id, entry.alias, entry.outcome) == (key_id, "recorded", Outcome.IMPORTED)
    assert (entry.kcv, entry.kcv_source) == (key_check_value(plain), KcvSource.KMS.value)
    assert entry.kcv_verified is True  # the KMS reported it itself
    assert cmk.kcv == entry.kcv
    assert entry.wrapping_algorithm == ALGORITHM.value
    assert (entry.token_expires_ms, entry.material_expires_ms) == (expires * 1000, None)
    assert entry.os_user and entry.error_code is None
    text = record.path.read_bytes()
    for secret in (plain, wrapped, token.encode()):
        for form in (secret, secret.hex().encode(), base64.b64encode(secret)):
            assert form not in text, "a secret reached the import record"


def test_a_refused_import_is_recorded_with_its_code(backend: LocalBackend) -> None:
    key_id, token, plain, wrapped, _ = _prepared(backend)
    claim = ImportClaim(kcv=key_check_value(plain), kcv_source=KcvSource.TYPED.value)
    with pytest.raises(KmsError) as caught:
        _run(backend, key_id, token, wrapped[:-1] + bytes([wrapped[-1] ^ 1]), claim)
    (entry,) = ImportRecord().entries(key_id=key_id)
    assert (entry.outcome, entry.error_code) == (Outcome.REFUSED, caught.value.code)
    assert entry.kcv == key_check_value(plain) and entry.kcv_source == "typed"
    assert ImportRecord().material_of(backend.where, key_id) is None


def test_the_kcv_a_claim_knows_is_the_imports_expectation_and_is_recorded_verified(
    backend: LocalBackend,
) -> None:
    """The claim's KCV goes to the backend as expect_kcv: the local engine checks it, and the
    record says where the KCV came from and that the KMS verified it."""
    key_id, token, plain, wrapped, _ = _prepared(backend)
    kcv = key_check_value(plain)
    _run(backend, key_id, token, wrapped, ImportClaim(kcv=kcv, kcv_source=KcvSource.TYPED))
    (entry,) = ImportRecord().entries(key_id=key_id)
    assert (entry.outcome, entry.kcv, entry.kcv_source) == (Outcome.IMPORTED, kcv, "typed")
    assert entry.kcv_verified is True and entry.as_json()["kcv_verified"] is True


def test_material_with_another_kcv_is_refused_and_recorded_unverified(
    backend: LocalBackend,
) -> None:
    key_id, token, _, wrapped, _ = _prepared(backend)
    claim = ImportClaim(kcv="000000", kcv_source=KcvSource.WRAPPED_HERE)
    with pytest.raises(KmsError) as caught:
        _run(backend, key_id, token, wrapped, claim)
    assert caught.value.code == "KMS.2607"
    assert backend.describe_key(key_id=key_id).state is KeyState.PENDING_IMPORT
    (entry,) = ImportRecord().entries(key_id=key_id)
    assert (entry.outcome, entry.error_code) == (Outcome.REFUSED, "KMS.2607")
    assert (entry.kcv, entry.kcv_source, entry.kcv_verified) == ("000000", "wrapped-here", False)
    assert ImportRecord().material_of(backend.where, key_id) is None


def test_the_record_is_only_appended_to(backend: LocalBackend) -> None:
    key_id, token, _, wrapped, _ = _prepared(backend)
    with pytest.raises(KmsError):
        _run(backend, key_id, token, b"\0" * 256, ImportClaim())
    before = ImportRecord().path.read_bytes()
    _run(backend, key_id, token, wrapped, ImportClaim())
    after = ImportRecord().path.read_bytes()
    assert after.startswith(before) and len(after.splitlines()) == 4
    outcomes = [e.outcome for e in ImportRecord().entries(key_id=key_id)]
    assert outcomes == [Outcome.REFUSED, Outcome.IMPORTED]


def test_no_record_no_import(backend: LocalBackend, tmp_path: Path, monkeypatch) -> None:
    """An import that could not be recorded is not made: the record is the proof."""
    key_id, token, _, wrapped, _ = _prepared(backend)
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv("KEYFERRY_CONFIG_DIR", str(tmp_path / "a-file" / "config"))
    with pytest.raises(SetupError) as caught:
        _run(backend, key_id, token, wrapped, ImportClaim())
    assert "cannot be written" in str(caught.value) and "KEYFERRY_CONFIG_DIR" in str(caught.value)
    assert backend.describe_key(key_id=key_id).state is KeyState.PENDING_IMPORT


def test_an_attempt_without_a_result_reads_as_unknown(tmp_path: Path) -> None:
    record = ImportRecord(tmp_path)
    record.append(
        {"id": "a1", "event": "attempt", "time_ms": 1, "kms_kind": "remote"}
        | {"kms": "https://kms.example", "project_id": "p", "key_id": "k", "kcv": "ABC123"}
    )
    (entry,) = record.entries()
    assert entry.outcome is Outcome.UNKNOWN and "stopped during the import" in entry.detail
    assert not entry.result_recorded and entry.kcv_verified is None


def test_the_schema_is_open_and_damage_is_skipped(tmp_path: Path) -> None:
    record = ImportRecord(tmp_path)
    claim_line = {
        "id": "b2",
        "event": "attempt",
        "time_ms": 5,
        "kms_kind": "remote",
        "kms": "https://kms.example",
        "project_id": "p",
        "key_id": "k",
        "kcv": "ABC123",
        "kcv_source": "pkcs11",
        "token": {"label": "hsm-1", "serial": "0042"},
    }
    record.append(claim_line)
    with record.path.open("ab") as handle:
        handle.write(b'{"id": "torn", "event": "att\n[1, 2]\n')
    record.append({"id": "b2", "event": "result", "outcome": "imported"})
    (entry,) = record.entries()
    assert entry.outcome is Outcome.IMPORTED and entry.kcv_source == "pkcs11"
    assert entry.extra == {"token": {"label": "hsm-1", "serial": "0042"}}
    assert entry.as_json()["token"] == {"label": "hsm-1", "serial": "0042"}
    json.dumps(entry.as_json())


def test_the_backup_carries_the_record(
    backend: LocalBackend, tmp_path: Path, private_config_dir: Path, monkeypatch
) -> None:
    key_id, token, _, wrapped, _ = _prepared(backend)
    _run(backend, key_id, token, wrapped, ImportClaim(alias="recorded"))
    before = ImportRecord().entries()
    data_dir = backend.kms.store.directory
    backup = tmp_path / "kf.backup"
    backup_store(data_dir, backup, "correct horse", master_key_file=tmp_path / "master.key")
    assert ImportRecord().path.read_bytes() not in backup.read_bytes()

    ImportRecord().path.unlink()  # a new machine: no record yet
    restore_store(backup, tmp_path / "new", "correct horse", master_key_file=tmp_path / "new.key")
    assert ImportRecord().entries() == before
    assert stat.S_IMODE(ImportRecord().path.stat().st_mode) == 0o600
    restore_store(backup, tmp_path / "newer", "correct horse", master_key_file=tmp_path / "k3")
    assert ImportRecord().entries() == before, "restoring twice adds nothing twice"
