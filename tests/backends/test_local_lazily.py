"""A local backend opened lazily (the list window's, app.py): nothing is opened until its
first call; that call raises what opening raises, and the next one tries again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.backends.local import open_local
from app.model.errors import KmsError, SetupError


def test_opens_at_the_first_call_and_says_why_it_cannot(tmp_path) -> None:
    key_file = tmp_path / "master.key"
    key_file.write_bytes(b"short")
    key_file.chmod(0o600)
    backend = open_local(
        tmp_path / "store", master_key_file=key_file, background=False, lazily=True
    )
    assert not (tmp_path / "store").exists(), "opened before its first call"
    assert backend.is_open is False
    assert str(backend.label) == f"Local engine ({tmp_path / 'store'})"
    with pytest.raises(SetupError, match="master-key file"):
        backend.list_keys(limit=10)
    assert backend.is_open is False
    key_file.unlink()  # the user moves the damaged file away; the next call opens
    assert backend.list_keys(limit=10).keys == ()
    assert backend.is_open is True
    assert backend.kms.store.directory == tmp_path / "store"
    backend.close()
    assert backend.is_open is False
    with pytest.raises(KmsError) as closed:
        backend.list_keys(limit=10)
    assert closed.value.code == "KMS.0101"


def test_an_open_that_fails_half_way_leaves_nothing_behind(tmp_path, monkeypatch) -> None:
    """The store opens, then the first sweep finds it locked past the busy timeout (another
    program's long transaction): the call gets KMS.0102, and no file of the store stays open
    (connections, the change watch's among them) and no wrapping-pool thread stays behind;
    the next call opens it."""
    import sqlite3
    import threading

    from app.engine.kms import LocalKms

    real_sweep, failures = LocalKms.sweep, [1]

    def sweep(self: LocalKms) -> int:
        if failures:
            failures.pop()
            raise sqlite3.OperationalError("database is locked")
        return real_sweep(self)

    def pool_threads() -> int:
        return sum("wrapping-pool" in t.name for t in threading.enumerate())

    def open_store_files() -> list[str]:
        fds = Path("/proc/self/fd")
        targets = [os.readlink(fd) for fd in fds.iterdir() if fd.is_symlink()]
        return [t for t in targets if t.startswith(str(tmp_path / "store"))]

    monkeypatch.setattr(LocalKms, "sweep", sweep)
    before_threads = pool_threads()
    backend = open_local(tmp_path / "store", master_key_file=tmp_path / "key", lazily=True)
    with pytest.raises(KmsError) as refused:
        backend.list_keys(limit=1)
    assert refused.value.code == "KMS.0102"
    assert pool_threads() == before_threads and open_store_files() == []
    assert backend.list_keys(limit=1).keys == ()
    backend.close()
