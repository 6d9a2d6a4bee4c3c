"""The store across restarts, its file modes, its master key, and what it never contains."""

from __future__ import annotations

import base64
import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from app.engine import DEFAULT_PROJECT, FileMasterKey, KeyringMasterKey, LocalKms, ManualClock
from app.engine.store import SCHEMA_VERSION, Store
from app.model.errors import SetupError
from app.model.keys import KeyState
from tests.engine.helpers import do_import, external, params
from tests.helpers import MemoryKeyring, material, wrap_for

P = DEFAULT_PROJECT


def reopen(store_dir: Path, key_file: Path, clock: ManualClock) -> LocalKms:
    return LocalKms.open(
        store_dir,
        master_key_source=FileMasterKey(key_file),
        clock=clock,
        background=False,
        pool_size=0,
    )


def test_restart_keeps_imported_keys_working(store_dir, master_key_file, clock) -> None:
    kms = reopen(store_dir, master_key_file, clock)
    key = external(kms)
    do_import(kms, key, material())
    blob = kms.encrypt_data(project_id=P, key_id=key, plain_text=b"before restart")
    kms.close()
    kms = reopen(store_dir, master_key_file, clock)
    try:
        assert kms.describe_key(project_id=P, key_id=key).state is KeyState.ENABLED
        assert kms.decrypt_data(project_id=P, cipher_text=blob)[1] == b"before restart"
        again = kms.encrypt_data(project_id=P, key_id=key, plain_text=b"after")
        assert kms.decrypt_data(project_id=P, cipher_text=again)[1] == b"after"
    finally:
        kms.close()


def test_files_are_private(store_dir, master_key_file, kms: LocalKms) -> None:
    assert stat.S_IMODE(store_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((store_dir / Store.DB_NAME).stat().st_mode) == 0o600
    assert stat.S_IMODE(master_key_file.stat().st_mode) == 0o600


def test_store_settings(kms: LocalKms) -> None:
    conn = kms.store.connection()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def _as_schema_1(path: Path) -> None:
    """Turn a store back into schema 1: the audit table checked with IN lists."""
    import sqlite3

    from app.engine import store

    v1 = (
        store._AUDIT_V1_TO_V2.replace("audit_v1", "audit_v2")
        .replace(
            "result = 'ok' OR result = 'refused' OR result = 'failed'",
            "result IN ('ok', 'refused', 'failed')",
        )
        .replace("read = 0 OR read = 1", "read IN (0, 1)")
    )
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    for statement in store._split(v1):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("COMMIT")
    conn.close()


def test_a_schema_1_store_is_upgraded_with_its_audit_log_intact(
    store_dir, master_key_file, clock
) -> None:
    import sqlite3

    from app.engine import store as store_module

    kms = reopen(store_dir, master_key_file, clock)
    key = external(kms)
    secret = material()
    do_import(kms, key, secret)
    kms.describe_key(project_id=P, key_id=key)
    kms.close()
    path = store_dir / Store.DB_NAME
    _as_schema_1(path)
    with sqlite3.connect(path) as conn:
        before = conn.execute("SELECT * FROM audit ORDER BY seq").fetchall()
        assert (
            " IN ("
            in conn.execute("SELECT sql FROM sqlite_master WHERE name = 'audit'").fetchone()[0]
        )
    assert len(before) >= 4

    kms = reopen(store_dir, master_key_file, clock)
    try:
        conn = kms.store.connection()
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
        assert conn.execute("SELECT * FROM audit ORDER BY seq").fetchall() == before
        assert (
            " IN ("
            not in conn.execute("SELECT sql FROM sqlite_master WHERE name = 'audit'").fetchone()[0]
        )
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert {"audit_by_key", "audit_no_update", "audit_no_delete"} <= names
        assert "audit_v1" not in names
        fresh = sqlite3.connect(":memory:")  # the same table, index and triggers as a new store
        for statement in store_module._split(store_module._SCHEMA):
            fresh.execute(statement)
        shape = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'audit' ORDER BY name"
        assert conn.execute(shape).fetchall() == fresh.execute(shape).fetchall()
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM audit")
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            conn.execute(
                "INSERT INTO audit (time_ms, actor, operation, result) "
                "VALUES (1, 'a', 'b', 'maybe')"
            )
        assert kms.describe_key(project_id=P, key_id=key).state is KeyState.ENABLED
        kms.disable_key(project_id=P, key_id=key)  # a change: its entry follows the others
        assert [e.operation for e in kms.history(key_id=key)][-1] == "disable-key"
        last = conn.execute("SELECT max(seq) FROM audit").fetchone()[0]
        assert last > before[-1][0]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        kms.close()


def test_a_newer_schema_is_refused_with_a_sentence(store_dir, master_key_file, clock) -> None:
    reopen(store_dir, master_key_file, clock).close()
    import sqlite3

    with sqlite3.connect(store_dir / Store.DB_NAME) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(Exception, match="newer Keyferry"):
        reopen(store_dir, master_key_file, clock)


def test_wrong_or_missing_master_key_is_explained_never_replaced(
    store_dir, master_key_file, clock, tmp_path
) -> None:
    reopen(store_dir, master_key_file, clock).close()
    other = tmp_path / "other.key"
    other.write_text(base64.b64encode(os.urandom(32)).decode())
    other.chmod(0o600)
    with pytest.raises(SetupError, match="does not belong to the store"):
        reopen(store_dir, other, clock)
    with pytest.raises(SetupError, match="will not create a new master key"):
        reopen(store_dir, tmp_path / "absent.key", clock)
    assert not (tmp_path / "absent.key").exists()


def test_readable_master_key_file_is_refused(store_dir, master_key_file, clock) -> None:
    reopen(store_dir, master_key_file, clock).close()
    master_key_file.chmod(0o644)
    with pytest.raises(SetupError, match="chmod 600"):
        reopen(store_dir, master_key_file, clock)


def test_keyring_holds_the_master_key(store_dir, clock, memory_keyring: MemoryKeyring) -> None:
    kms = LocalKms.open(
        store_dir, master_key_source=KeyringMasterKey(), clock=clock, background=False, pool_size=0
    )
    key = external(kms)
    kms.close()
    [(service, account)] = memory_keyring.entries
    assert service == "keyferry" and account == f"master-key:{kms.store_id}"
    kms = LocalKms.open(store_dir, clock=clock, background=False, pool_size=0)
    assert kms.describe_key(project_id=P, key_id=key).alias == "imported"
    kms.close()
    memory_keyring.entries.clear()  # the entry is deleted from the keyring
    with pytest.raises(SetupError, match="not in the system keyring"):
        LocalKms.open(store_dir, clock=clock, background=False, pool_size=0)
    assert memory_keyring.entries == {}, "no new master key over an existing store"


def test_no_keyring_backend_names_both_ways_out(store_dir, clock) -> None:
    import keyring
    from keyring.backends.fail import Keyring as FailKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        with pytest.raises(SetupError) as caught:
            LocalKms.open(store_dir, clock=clock, background=False, pool_size=0)
    finally:
        keyring.set_keyring(previous)
    assert "Secret Service" in str(caught.value)
    assert "--master-key-file" in str(caught.value)
    assert "KEYFERRY_MASTER_KEY_FILE" in str(caught.value)


def test_no_plaintext_secret_in_database_wal_or_audit(store_dir, master_key_file, clock) -> None:
    """Scan every byte the store wrote for every secret the test handled."""
    kms = reopen(store_dir, master_key_file, clock)
    secrets: list[bytes] = [base64.b64decode(master_key_file.read_text())]
    for i, algorithm in enumerate(["RSAES_OAEP_SHA_256", "RSAES_PKCS1_V1_5", "RSAES_OAEP_SHA_1"]):
        key = external(kms, f"k{i}")
        p = params(kms, key, algorithm)
        secret = material()
        kms.import_key_material(
            project_id=P,
            key_id=key,
            import_token=p.import_token,
            encrypted_key_material=wrap_for(p, secret),
        )
        private = serialization.load_der_private_key(
            kms._tokens.open(p.import_token).private_key_der, None
        )
        numbers = private.private_numbers()
        secrets += [
            secret,
            kms._tokens.open(p.import_token).private_key_der,
            numbers.d.to_bytes(256, "big"),
            numbers.p.to_bytes(128, "big"),
        ]
        kms.delete_imported_key_material(project_id=P, key_id=key)
    generated = kms.create_key(project_id=P, key_alias="gen", origin="kms").key_id
    plain, _ = kms.create_datakey(project_id=P, key_id=generated)
    secrets.append(plain)
    # the store writes WAL frames; look before and after a checkpoint
    written = [f.read_bytes() for f in store_dir.iterdir() if f.is_file()]
    kms.close()
    written += [f.read_bytes() for f in store_dir.iterdir() if f.is_file()]
    assert any(b"import-key-material" in blob for blob in written), "scan sees the audit log"
    for blob in written:
        for secret in secrets:
            for form in (secret, secret.hex().encode(), base64.b64encode(secret)):
                assert form not in blob


def test_the_change_token_moves_even_when_threads_ask_at_once(tmp_path) -> None:
    """The change token is PRAGMA data_version on the watch's one connection. SQLite keeps
    a connection's read snapshot while any statement on it is still active, so a token read
    then misses a commit (shown first); token() therefore runs one statement at a time to its
    end, and from eight threads at once it still moves after every commit by another
    connection."""
    import threading

    store = Store(tmp_path / "s")
    try:
        watch = store.change_watch()
        before = watch.token()
        pinned = watch._conn.execute("SELECT name FROM sqlite_master")
        pinned.fetchone()  # a statement left active on the watch's connection
        with store.write() as conn:
            conn.execute("INSERT INTO meta VALUES ('probe', '1')")
        assert watch.token() == before, "SQLite no longer pins the snapshot: revisit watch.py"
        pinned.close()
        assert watch.token() != before

        missed: list[int] = []
        stop = threading.Event()

        def ask() -> None:
            while not stop.is_set():
                watch.token()

        askers = [threading.Thread(target=ask) for _ in range(8)]
        for asker in askers:
            asker.start()
        try:
            for n in range(200):
                seen = watch.token()
                with store.write() as conn:
                    conn.execute("INSERT INTO meta VALUES (?, '1')", (f"k{n}",))
                if watch.token() == seen:
                    missed.append(n)
        finally:
            stop.set()
            for asker in askers:
                asker.join()
        assert not missed, f"{len(missed)} of 200 commits did not move the token"
    finally:
        store.close()
