"""A damaged store is said, not papered over (issue 13): SQLite's damage reaches the user as
KMS.0102 with the advice to restore a backup, and ``check_store`` (``keyferry check``) finds
damage of every kind: SQLite's, and broken invariants SQLite cannot see."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.engine import DEFAULT_PROJECT, FileMasterKey, LocalKms
from app.engine.check import check_store
from app.engine.store import Store
from app.model.errors import KmsError
from app.model.keys import KeyState
from tests.engine.helpers import do_import, external
from tests.helpers import material
from tests.seeding import SeedKey, seed

P = DEFAULT_PROJECT


@pytest.fixture
def filled(store_dir: Path, master_key_file: Path) -> dict[str, str]:
    """A closed store with a key in every state, its WAL checkpointed into the file."""
    kms = LocalKms.open(
        store_dir, master_key_source=FileMasterKey(master_key_file), background=False, pool_size=0
    )
    try:
        keys = {"pending": external(kms, "pending"), "imported": external(kms, "imported")}
        do_import(kms, keys["imported"], material())
        keys["generated"] = kms.create_key(project_id=P, key_alias="gen", origin="kms").key_id
        keys["disabled"] = kms.create_key(project_id=P, key_alias="off", origin="kms").key_id
        kms.disable_key(project_id=P, key_id=keys["disabled"])
        keys["deleting"] = kms.create_key(project_id=P, key_alias="del", origin="kms").key_id
        kms.schedule_key_deletion(project_id=P, key_id=keys["deleting"], pending_days=7)
        seed(kms, [SeedKey(alias=f"bulk-{i}", state=KeyState.ENABLED) for i in range(3000)])
    finally:
        kms.close()
    _checkpoint(store_dir)
    return keys


def _checkpoint(store_dir: Path) -> None:
    with sqlite3.connect(store_dir / Store.DB_NAME) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _tamper(store_dir: Path, *statements: str) -> None:
    """Change rows behind the engine's back, its table constraints off (as damage is)."""
    conn = sqlite3.connect(store_dir / Store.DB_NAME, isolation_level=None)
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        for statement in statements:
            conn.execute(statement)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _page_of(store_dir: Path, name: str) -> tuple[int, int]:
    """Where the root page of a table or index ``name`` starts in the file, and its size."""
    with sqlite3.connect(store_dir / Store.DB_NAME) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,))
        return (root.fetchone()[0] - 1) * size, size


def test_a_whole_store_passes(filled, store_dir, master_key_file) -> None:
    report = check_store(store_dir, FileMasterKey(master_key_file))
    assert report.ok, report.problems
    assert report.keys == 3005
    assert report.sealed == 3004  # every key with material: all but the pending import


def test_swapped_sealed_material_is_found(filled, store_dir, master_key_file) -> None:
    """Well-formed for SQLite, wrong for Keyferry: one key's sealed material under another."""
    _tamper(
        store_dir,
        f"UPDATE keys SET material = (SELECT material FROM keys WHERE key_id = "
        f"'{filled['generated']}') WHERE key_id = '{filled['disabled']}'",
    )
    report = check_store(store_dir, FileMasterKey(master_key_file))
    assert report.problems == (f"key {filled['disabled']}: its sealed material does not open",)


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ("state = 2, material = NULL, kcv = NULL", "Enabled or Disabled without material"),
        ("kcv = NULL", "material without a KCV"),
        ("kcv = 'ABCDEF'", "does not match its KCV"),
        ("deletion_ms = NULL", "deletion date does not agree"),
        ("material_fingerprint = NULL", "has no fingerprint"),
        ("state = 9", "not a key state"),
        ("alias = CAST(X'ff41' AS TEXT)", "not UTF-8 text"),
    ],
)
def test_broken_invariants_are_found(filled, store_dir, master_key_file, change, said) -> None:
    target = filled["deleting"] if "deletion" in change else filled["imported"]
    _tamper(store_dir, f"UPDATE keys SET {change} WHERE key_id = '{target}'")
    report = check_store(store_dir, FileMasterKey(master_key_file))
    assert not report.ok
    assert any(p.startswith(f"key {target}: ") and said in p for p in report.problems), (
        report.problems
    )


def test_damaged_pages_are_found_and_said_by_every_operation(
    filled, store_dir, master_key_file
) -> None:
    """Garbage over the keys' index by project: SQLite's check lists it, and the listing
    (which reads that index) is KMS.0102 with what to do, not a short list."""
    offset, size = _page_of(store_dir, "keys_by_project")
    with open(store_dir / Store.DB_NAME, "r+b") as handle:
        handle.seek(offset)
        handle.write(b"\xa5" * size)
    report = check_store(store_dir, FileMasterKey(master_key_file))
    assert any(p.startswith("SQLite: ") for p in report.problems), report.problems
    with LocalKms.open(
        store_dir, master_key_source=FileMasterKey(master_key_file), background=False, pool_size=0
    ) as kms:
        with pytest.raises(KmsError) as caught:
            kms.list_keys(project_id=P)
    assert caught.value.code == "KMS.0102"
    assert "damaged" in caught.value.message and "keyferry check" in caught.value.message
    assert "restore a backup" in caught.value.message.lower()


def test_text_that_is_not_utf8_is_said_as_damage(filled, store_dir, master_key_file) -> None:
    """SQLite stores such text without complaint; reading it failed with a sentence about
    reading or writing, which hid the damage."""
    _tamper(
        store_dir,
        f"UPDATE keys SET alias = CAST(X'ff41' AS TEXT) WHERE key_id = '{filled['imported']}'",
    )
    with LocalKms.open(
        store_dir, master_key_source=FileMasterKey(master_key_file), background=False, pool_size=0
    ) as kms:
        with pytest.raises(KmsError) as caught:
            kms.describe_key(project_id=P, key_id=filled["imported"])
    assert caught.value.code == "KMS.0102" and "restore a backup" in caught.value.message.lower()


def test_the_wrong_master_key_is_said(filled, store_dir, tmp_path) -> None:
    import base64
    import os

    other = tmp_path / "other.key"
    other.write_text(base64.b64encode(os.urandom(32)).decode())
    other.chmod(0o600)
    report = check_store(store_dir, FileMasterKey(other))
    assert report.problems == (
        f"the master key in the master-key file {other} does not open this store",
    )
    report = check_store(store_dir, FileMasterKey(tmp_path / "absent.key"))
    assert report.sealed == 0 and "sealed values were not opened" in report.problems[0]


def test_checking_changes_nothing(filled, store_dir, master_key_file) -> None:
    before = (store_dir / Store.DB_NAME).read_bytes()
    check_store(store_dir, FileMasterKey(master_key_file))
    assert (store_dir / Store.DB_NAME).read_bytes() == before


def test_no_store_is_said(tmp_path, master_key_file) -> None:
    with pytest.raises(KmsError, match="There is no key store"):
        check_store(tmp_path / "nothing", FileMasterKey(master_key_file))
    assert not (tmp_path / "nothing").exists()
