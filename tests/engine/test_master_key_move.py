"""Moving a store's master key between a file and a keyring: every key stays readable, and a
step that fails leaves the key where the store looks for it. (A real Secret Service moves it
in test_secret_service.py; here the keyring is the in-memory one.)"""

from __future__ import annotations

import base64
import os
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.engine import DEFAULT_PROJECT, FileMasterKey, KeyringMasterKey, LocalKms
from app.engine.master_key_move import move_master_key
from app.model.errors import SetupError
from app.model.keys import Origin
from tests.helpers import MemoryKeyring


def _open(store: Path, source) -> LocalKms:
    return LocalKms.open(store, master_key_source=source, background=False, pool_size=0)


def _seeded(store: Path, key_file: Path) -> tuple[str, bytes]:
    """A store with one key, its master key in ``key_file``: the key ID and a ciphertext."""
    kms = _open(store, FileMasterKey(key_file))
    try:
        key_id = kms.create_key(project_id=DEFAULT_PROJECT, key_alias="a", origin=Origin.KMS).key_id
        blob = kms.encrypt_data(project_id=DEFAULT_PROJECT, key_id=key_id, plain_text=b"kept")
        return key_id, blob
    finally:
        kms.close()


def _reads(store: Path, source, blob: bytes) -> bool:
    kms = _open(store, source)
    try:
        return kms.decrypt_data(project_id=DEFAULT_PROJECT, cipher_text=blob)[1] == b"kept"
    finally:
        kms.close()


def test_a_new_key_file_is_0600_in_folders_made_0700(tmp_path) -> None:
    key_file = tmp_path / "config" / "keyferry" / "master.key"
    FileMasterKey(key_file).save("store", os.urandom(32))
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    for folder in (key_file.parent, key_file.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert len(base64.b64decode(key_file.read_text())) == 32


def test_from_a_file_to_the_keyring_and_back(tmp_path, memory_keyring: MemoryKeyring) -> None:
    store, key_file = tmp_path / "store", tmp_path / "master.key"
    _, blob = _seeded(store, key_file)
    kms = _open(store, FileMasterKey(key_file))
    switched: list[str] = []
    assert (
        move_master_key(kms, target=KeyringMasterKey(), switch=lambda: switched.append("k")) is None
    )
    assert switched == ["k"] and not key_file.exists()
    assert isinstance(kms.master_key_source, KeyringMasterKey)
    back = tmp_path / "back" / "master.key"
    assert move_master_key(kms, target=FileMasterKey(back)) is None
    kms.close()
    assert memory_keyring.entries == {}, "the keyring's copy went with the move"
    assert stat.S_IMODE(back.stat().st_mode) == 0o600
    assert _reads(store, FileMasterKey(back), blob)


def test_a_target_folder_that_refuses_writing_leaves_the_key_in_its_file(tmp_path) -> None:
    """A real refusal mid-move: the target's folder is immutable, so the new file cannot be
    created; nothing is switched and the store opens from its file as before."""
    store, key_file = tmp_path / "store", tmp_path / "master.key"
    _, blob = _seeded(store, key_file)
    before = key_file.read_bytes()
    locked = tmp_path / "locked"
    locked.mkdir()
    kms = _open(store, FileMasterKey(key_file))
    switched: list[str] = []
    with _immutable(locked), pytest.raises(SetupError, match="Cannot create the master-key"):
        move_master_key(
            kms,
            target=FileMasterKey(locked / "master.key"),
            switch=lambda: switched.append("x"),
        )
    assert isinstance(kms.master_key_source, FileMasterKey)
    kms.close()
    assert switched == [] and key_file.read_bytes() == before
    assert not (locked / "master.key").exists()
    assert _reads(store, FileMasterKey(key_file), blob)


def test_a_target_that_cannot_be_read_is_refused_before_anything_is_written(tmp_path) -> None:
    store, key_file = tmp_path / "store", tmp_path / "master.key"
    _, blob = _seeded(store, key_file)
    (tmp_path / "plain").write_text("a file, not a folder")
    kms = _open(store, FileMasterKey(key_file))
    with pytest.raises(SetupError, match="Cannot read the master-key file"):
        move_master_key(kms, target=FileMasterKey(tmp_path / "plain" / "master.key"))
    kms.close()
    assert _reads(store, FileMasterKey(key_file), blob)


def test_a_failed_switch_takes_the_copy_back(tmp_path, memory_keyring: MemoryKeyring) -> None:
    """The window could not remember the new place: the keyring's copy goes again and the
    file stays, so the next start finds the key where it looks."""
    store, key_file = tmp_path / "store", tmp_path / "master.key"
    _, blob = _seeded(store, key_file)
    kms = _open(store, FileMasterKey(key_file))

    def switch() -> None:
        raise SetupError("master_key.file_not_written", path=tmp_path / "settings", reason="full")

    with pytest.raises(SetupError, match="settings"):
        move_master_key(kms, target=KeyringMasterKey(), switch=switch)
    kms.close()
    assert memory_keyring.entries == {}
    assert _reads(store, FileMasterKey(key_file), blob)


def test_a_target_with_another_key_is_refused(tmp_path) -> None:
    store, key_file = tmp_path / "store", tmp_path / "master.key"
    _seeded(store, key_file)
    other = tmp_path / "other.key"
    FileMasterKey(other).save("x", os.urandom(32))
    held = other.read_bytes()
    kms = _open(store, FileMasterKey(key_file))
    with pytest.raises(SetupError, match="already a different master key"):
        move_master_key(kms, target=FileMasterKey(other))
    kms.close()
    assert other.read_bytes() == held and key_file.exists()


def test_a_target_holding_the_same_key_already_is_kept(tmp_path) -> None:
    store, key_file = tmp_path / "store", tmp_path / "master.key"
    _, blob = _seeded(store, key_file)
    copy = tmp_path / "copy.key"
    copy.write_bytes(key_file.read_bytes())
    copy.chmod(0o600)
    kms = _open(store, FileMasterKey(key_file))
    assert move_master_key(kms, target=FileMasterKey(copy)) is None
    kms.close()
    assert not key_file.exists() and _reads(store, FileMasterKey(copy), blob)


def test_keep_source_leaves_the_old_copy(tmp_path, memory_keyring: MemoryKeyring) -> None:
    store, key_file = tmp_path / "store", tmp_path / "master.key"
    _, blob = _seeded(store, key_file)
    kms = _open(store, FileMasterKey(key_file))
    assert move_master_key(kms, target=KeyringMasterKey(), keep_source=True) is None
    kms.close()
    assert _reads(store, FileMasterKey(key_file), blob)
    assert _reads(store, KeyringMasterKey(), blob)


@contextmanager
def _immutable(folder: Path) -> Iterator[None]:
    """``folder`` made immutable (chattr +i): nothing in it can be removed, even by root."""
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"chattr +i needs an ext2/3/4 file system: {done.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_an_old_copy_that_cannot_be_removed_is_a_warning(
    tmp_path, memory_keyring: MemoryKeyring
) -> None:
    """The key is in the keyring and the window looks there; the file stayed, and the user
    is told to remove it (it opens the store)."""
    store, folder = tmp_path / "store", tmp_path / "keys"
    folder.mkdir()
    key_file = folder / "master.key"
    _, blob = _seeded(store, key_file)
    kms = _open(store, FileMasterKey(key_file))
    with _immutable(folder):
        warning = move_master_key(kms, target=KeyringMasterKey())
    kms.close()
    assert warning is not None and warning.id == "master_key.move_old_copy_left"
    assert "could not be removed: Cannot remove the master-key file" in str(warning)
    assert key_file.exists() and _reads(store, KeyringMasterKey(), blob)


def test_a_source_that_no_longer_opens_the_store_is_not_moved(
    tmp_path, memory_keyring: MemoryKeyring
) -> None:
    store, key_file = tmp_path / "store", tmp_path / "master.key"
    _seeded(store, key_file)
    kms = _open(store, FileMasterKey(key_file))
    key_file.unlink()
    FileMasterKey(key_file).save("x", os.urandom(32))  # replaced while the store was open
    with pytest.raises(SetupError, match="does not open this store"):
        move_master_key(kms, target=KeyringMasterKey())
    kms.close()
    assert memory_keyring.entries == {} and key_file.exists()
