"""A backup's header is read before it is authenticated (issue 13): its scrypt settings are
anyone's until then, so only the ones Keyferry writes are used. Others (r=0 or p=0 raised a
traceback, p=2^30 a MemoryError, log_n=22 took 3 GB and 15 s) are refused at once, and
nothing is restored."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from app.engine.backup import create_backup, restore_backup
from app.engine.master_key import FileMasterKey
from app.model.errors import SetupError

PASSPHRASE = "correct horse battery"
_HEADER = struct.Struct(">16sHIII16s12s")  # magic, version, log2 n, r, p, salt, nonce


@pytest.fixture(scope="module")
def backup(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from app.engine import LocalKms

    folder = tmp_path_factory.mktemp("backup")
    source = FileMasterKey(folder / "master.key")
    LocalKms.open(folder / "store", master_key_source=source, background=False).close()
    create_backup(folder / "store", source, folder / "kf.backup", PASSPHRASE)
    return (folder / "kf.backup").read_bytes()


def _with(blob: bytes, **fields: int) -> bytes:
    magic, version, log_n, r, p, salt, nonce = _HEADER.unpack_from(blob)
    values = {"log_n": log_n, "r": r, "p": p} | fields
    header = _HEADER.pack(magic, version, values["log_n"], values["r"], values["p"], salt, nonce)
    return header + blob[_HEADER.size :]


@pytest.mark.parametrize(
    "fields",
    [{"r": 0}, {"p": 0}, {"p": 2**30}, {"log_n": 22}, {"log_n": 14}, {"r": 2**31}, {"log_n": 0}],
    ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()),
)
def test_foreign_scrypt_settings_are_refused_at_once(backup, tmp_path: Path, fields) -> None:
    altered = tmp_path / "altered.backup"
    altered.write_bytes(_with(backup, **fields))
    source = FileMasterKey(tmp_path / "new.key")
    with pytest.raises(SetupError, match="settings Keyferry never writes"):
        restore_backup(altered, tmp_path / "new", source, PASSPHRASE)
    assert not (tmp_path / "new").exists() and not (tmp_path / "new.key").exists()


def test_keyferrys_own_settings_restore(backup, tmp_path: Path) -> None:
    (tmp_path / "kf.backup").write_bytes(backup)
    source = FileMasterKey(tmp_path / "new.key")
    assert restore_backup(tmp_path / "kf.backup", tmp_path / "new", source, PASSPHRASE)


def test_a_backup_path_that_is_not_a_file_is_a_sentence(tmp_path: Path) -> None:
    source = FileMasterKey(tmp_path / "new.key")
    with pytest.raises(SetupError, match="No such file"):
        restore_backup(tmp_path / "missing", tmp_path / "new", source, PASSPHRASE)
    with pytest.raises(SetupError, match="not a regular file"):
        restore_backup(tmp_path, tmp_path / "new", source, PASSPHRASE)
