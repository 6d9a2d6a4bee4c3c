"""The store's folder and file (issue 13): Keyferry never changes a folder it did not
create, never follows a link to its store, and says a damaged store instead of starting a
new one over it."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from app.engine import DEFAULT_PROJECT, FileMasterKey, LocalKms
from app.engine.store import Store
from app.model.errors import KmsError

P = DEFAULT_PROJECT
OTHER_UID = 65534  # nobody


def open_store(directory: Path, key_file: Path) -> LocalKms:
    return LocalKms.open(
        directory, master_key_source=FileMasterKey(key_file), background=False, pool_size=0
    )


def refused(directory: Path, key_file: Path, *words: str) -> KmsError:
    with pytest.raises(KmsError) as caught:
        open_store(directory, key_file)
    assert caught.value.code == "KMS.0102"
    for word in words:
        assert word in caught.value.message, caught.value.message
    return caught.value


def as_root_give_away(path: Path) -> None:
    assert os.geteuid() == 0, "this test gives a file to another user: run the tests as root"
    os.chown(path, OTHER_UID, OTHER_UID, follow_symlinks=False)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_a_missing_folder_is_created_0700_whatever_the_umask(tmp_path, master_key_file) -> None:
    old = os.umask(0)
    try:
        open_store(tmp_path / "new" / "store", master_key_file).close()
    finally:
        os.umask(old)
    assert mode(tmp_path / "new" / "store") == 0o700
    assert mode(tmp_path / "new" / "store" / Store.DB_NAME) == 0o600


def test_a_sticky_world_writable_folder_keeps_its_mode_and_is_refused(
    tmp_path, master_key_file
) -> None:
    """``--data-dir /tmp`` once made /tmp 0700: empty or not, such a folder is refused."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    refused(shared, master_key_file, "Other users can write", "chmod 700")
    assert mode(shared) == 0o1777 and os.listdir(shared) == []
    (shared / "someone-elses.txt").write_text("hello")
    refused(shared, master_key_file, "is not a Keyferry store and is not empty")
    assert mode(shared) == 0o1777
    assert os.listdir(shared) == ["someone-elses.txt"]
    assert not master_key_file.exists(), "no master key made for a refused folder"


def test_an_existing_folder_is_used_but_never_chmodded(tmp_path, master_key_file) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    folder.chmod(0o750)
    open_store(folder, master_key_file).close()
    assert mode(folder) == 0o750  # its owner's choice: others cannot write it
    open_store(folder, master_key_file).close()


def test_a_store_folder_others_can_write_is_refused_not_changed(store_dir, master_key_file) -> None:
    kms = open_store(store_dir, master_key_file)
    key = kms.create_key(project_id=P, key_alias="kept").key_id
    kms.close()
    store_dir.chmod(0o770)
    refused(store_dir, master_key_file, "Other users can write", f"chmod 700 {store_dir}")
    assert mode(store_dir) == 0o770
    store_dir.chmod(0o700)
    with open_store(store_dir, master_key_file) as kms:
        assert kms.describe_key(project_id=P, key_id=key).alias == "kept"


def test_a_store_folder_of_another_user_is_refused(store_dir, master_key_file) -> None:
    open_store(store_dir, master_key_file).close()
    as_root_give_away(store_dir)
    refused(store_dir, master_key_file, "belongs to another user")


def test_a_folder_holding_other_files_is_refused_and_left_as_it_was(
    tmp_path, master_key_file
) -> None:
    folder = tmp_path / "documents"
    folder.mkdir(mode=0o700)
    (folder / "notes.txt").write_text("mine")
    refused(folder, master_key_file, "is not a Keyferry store and is not empty")
    assert os.listdir(folder) == ["notes.txt"]


def test_a_file_or_proc_self_as_the_folder_is_a_clear_refusal(tmp_path, master_key_file) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    refused(a_file, master_key_file, "is not a folder")
    assert a_file.read_text() == "not a folder"
    refused(Path("/proc/self"), master_key_file, "is not a Keyferry store")


def test_leftovers_without_the_store_file_are_not_a_new_store(store_dir, master_key_file) -> None:
    open_store(store_dir, master_key_file).close()
    (store_dir / (Store.DB_NAME + "-wal")).write_bytes(b"frames of a store that was moved")
    os.unlink(store_dir / Store.DB_NAME)
    refused(store_dir, master_key_file, "what is left of a key store", "restore a backup")
    assert not (store_dir / Store.DB_NAME).exists()


def test_a_symlinked_store_file_is_refused_and_its_target_untouched(
    tmp_path, store_dir, master_key_file
) -> None:
    open_store(store_dir, master_key_file).close()
    target = tmp_path / "elsewhere.sqlite3"
    os.replace(store_dir / Store.DB_NAME, target)
    target.chmod(0o644)
    before = target.read_bytes()
    (store_dir / Store.DB_NAME).symlink_to(target)
    refused(store_dir, master_key_file, "is a symbolic link")
    assert mode(target) == 0o644, "no chmod through the link"
    assert target.read_bytes() == before


def test_an_empty_store_file_is_refused_not_made_a_new_store(store_dir, master_key_file) -> None:
    """A store truncated to 0 bytes silently became a new, empty store (and a new master key
    on a keyring): the keys looked gone. Now it is said, and nothing is written."""
    open_store(store_dir, master_key_file).close()
    (store_dir / Store.DB_NAME).write_bytes(b"")
    master_key_file.unlink()
    refused(store_dir, master_key_file, "is empty (0 bytes)", "keyferry restore")
    assert (store_dir / Store.DB_NAME).stat().st_size == 0
    assert not master_key_file.exists()


def test_a_file_that_is_not_sqlite_is_refused_unchanged(store_dir, master_key_file) -> None:
    store_dir.mkdir(mode=0o700)
    junk = os.urandom(8192)
    (store_dir / Store.DB_NAME).write_bytes(junk)
    refused(store_dir, master_key_file, "is not a SQLite database", "keyferry restore")
    assert (store_dir / Store.DB_NAME).read_bytes() == junk
    assert sorted(os.listdir(store_dir)) == [Store.DB_NAME]


def test_another_programs_database_is_refused_and_not_written(store_dir, master_key_file) -> None:
    store_dir.mkdir(mode=0o700)
    with sqlite3.connect(store_dir / Store.DB_NAME) as conn:
        conn.execute("CREATE TABLE photos (name TEXT)")
    refused(store_dir, master_key_file, "not a Keyferry store")
    with sqlite3.connect(store_dir / Store.DB_NAME) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert tables == {"photos"}


def test_a_new_store_appears_whole_under_its_name(tmp_path, master_key_file) -> None:
    """The schema is written under a temporary name and linked into place: two processes
    creating one store at once both end up on the same, complete store."""
    import subprocess
    import sys

    folder = tmp_path / "raced"
    code = (
        "import sys; from pathlib import Path; from app.engine.store import Store;"
        "Store(Path(sys.argv[1])).close()"
    )
    children = [
        subprocess.Popen([sys.executable, "-c", code, str(folder)], stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    for child in children:
        _, err = child.communicate(timeout=60)
        assert child.returncode == 0, err.decode()
    assert [n for n in os.listdir(folder) if n.startswith(Store.DB_NAME + ".new-")] == []
    with open_store(folder, master_key_file) as kms:
        assert kms.create_key(project_id=P, key_alias="one").alias == "one"
