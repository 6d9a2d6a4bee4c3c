"""Backup and restore (issue 7): a user moves to a new machine with one sealed file and a
passphrase; the keys keep working and no plaintext secret is in the file."""

from __future__ import annotations

import base64
import json
import stat

import pytest

from app.cli import main
from tests.helpers import MemoryKeyring


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_restore_round_trip_to_a_new_machine(
    tmp_path, capsys, monkeypatch, memory_keyring: MemoryKeyring
) -> None:
    old = ["--data-dir", str(tmp_path / "old")]
    monkeypatch.setenv("KEYFERRY_BACKUP_PASSPHRASE", "correct horse battery")
    key = json.loads(
        run(
            capsys,
            *old,
            "--json",
            "create-key",
            "--alias",
            "moved",
            "--origin",
            "kms",
            "--tag",
            "env=prod",
        )[1]
    )["key_id"]
    (tmp_path / "plain").write_bytes(b"encrypted on the old machine")
    run(
        capsys,
        *old,
        "encrypt-data",
        key,
        "--in",
        str(tmp_path / "plain"),
        "--out",
        str(tmp_path / "ct"),
    )
    code, _, err = run(capsys, *old, "backup", "--out", str(tmp_path / "kf.backup"))
    assert code == 0, err
    backup = (tmp_path / "kf.backup").read_bytes()
    assert stat.S_IMODE((tmp_path / "kf.backup").stat().st_mode) == 0o600
    [master] = memory_keyring.entries.values()
    for secret in (base64.b64decode(master), b"moved", b"env"):
        assert secret not in backup, "the backup is sealed, even the key list"

    # the new machine: an empty keyring and an empty data folder
    memory_keyring.entries.clear()
    new = ["--data-dir", str(tmp_path / "new")]
    monkeypatch.setenv("KEYFERRY_BACKUP_PASSPHRASE", "wrong passphrase")
    code, _, err = run(capsys, *new, "restore", "--from", str(tmp_path / "kf.backup"))
    assert code == 2 and "passphrase is wrong" in err
    assert memory_keyring.entries == {}
    monkeypatch.setenv("KEYFERRY_BACKUP_PASSPHRASE", "correct horse battery")
    code, _, err = run(capsys, *new, "restore", "--from", str(tmp_path / "kf.backup"))
    assert code == 0, err
    code, _, err = run(
        capsys, *new, "decrypt-data", "--in", str(tmp_path / "ct"), "--out", str(tmp_path / "back")
    )
    assert code == 0, err
    assert (tmp_path / "back").read_bytes() == b"encrypted on the old machine"
    details = json.loads(run(capsys, *new, "--json", "describe-key", key)[1])
    assert details["key_alias"] == "moved" and details["tags"] == [{"key": "env", "value": "prod"}]
    # restoring over an existing store is refused; the store is untouched
    code, _, err = run(capsys, *new, "restore", "--from", str(tmp_path / "kf.backup"))
    assert code == 2 and "already holds a key store" in err


def test_backup_needs_a_real_passphrase_and_a_new_file(
    tmp_path, capsys, monkeypatch, memory_keyring
) -> None:
    store = ["--data-dir", str(tmp_path / "s")]
    run(capsys, *store, "create-key", "--alias", "k")
    monkeypatch.setenv("KEYFERRY_BACKUP_PASSPHRASE", "short")
    code, _, err = run(capsys, *store, "backup", "--out", str(tmp_path / "b"))
    assert code == 2 and "at least 8" in err and not (tmp_path / "b").exists()
    monkeypatch.setenv("KEYFERRY_BACKUP_PASSPHRASE", "long enough now")
    (tmp_path / "b").write_bytes(b"keep me")
    code, _, err = run(capsys, *store, "backup", "--out", str(tmp_path / "b"))
    assert code == 2 and "already exists" in err
    assert (tmp_path / "b").read_bytes() == b"keep me"
    (tmp_path / "not-a-backup").write_bytes(b"hello")
    code, _, err = run(
        capsys,
        "--data-dir",
        str(tmp_path / "n"),
        "restore",
        "--from",
        str(tmp_path / "not-a-backup"),
    )
    assert code == 2 and "not a Keyferry backup" in err


@pytest.fixture(autouse=True)
def _no_master_key_file(monkeypatch) -> None:
    monkeypatch.delenv("KEYFERRY_MASTER_KEY_FILE", raising=False)
