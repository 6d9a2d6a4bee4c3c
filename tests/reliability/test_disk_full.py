"""Disk full (issue 7): the operation that runs out of space fails cleanly with KMS.0102 and
a sentence saying so, changes nothing, and the store stays usable once there is room again.

As root the store sits on a 2 MB tmpfs, a real full disk; where mounting is not allowed the
worker caps its own file size instead (RLIMIT_FSIZE, "a size-limited file")."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

from app.engine import DEFAULT_PROJECT, FileMasterKey, LocalKms
from tests.reliability.invariants import check_store

ROOT = Path(__file__).resolve().parents[2]


def _mount_tmpfs(where: Path) -> bool:
    where.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    return result.returncode == 0


def _fill(store: Path, key_file: Path, *limit: str) -> dict:
    child = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.reliability.disk_full_child",
            str(store),
            str(key_file),
            *limit,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    return json.loads(child.stdout.strip().splitlines()[-1])


def test_a_full_disk_fails_cleanly_and_the_store_recovers(tmp_path) -> None:
    key_file = tmp_path / "master.key"
    disk = tmp_path / "disk"
    on_tmpfs = _mount_tmpfs(disk)
    store = disk / "store"
    try:
        LocalKms.open(
            store, master_key_source=FileMasterKey(key_file), background=False, pool_size=0
        ).close()
        outcome = _fill(store, key_file) if on_tmpfs else _fill(store, key_file, "800000")
        assert outcome["code"] == "KMS.0102", outcome
        assert "Nothing was changed" in outcome["message"], outcome
        assert outcome["unchanged"] and outcome["created"] > 10, outcome
        check_store(store / "keyferry.sqlite3", base64.b64decode(key_file.read_text()))
        if on_tmpfs:  # make room again: the store must simply work
            (disk / "room").write_bytes(b"")
            subprocess.run(["mount", "-o", "remount,size=8m", str(disk)], check=True)
        kms = LocalKms.open(
            store, master_key_source=FileMasterKey(key_file), background=False, pool_size=0
        )
        try:
            key = kms.create_key(project_id=DEFAULT_PROJECT, key_alias="after", origin="kms")
            blob = kms.encrypt_data(
                project_id=DEFAULT_PROJECT, key_id=key.key_id, plain_text=b"room again"
            )
            assert (
                kms.decrypt_data(project_id=DEFAULT_PROJECT, cipher_text=blob)[1] == b"room again"
            )
        finally:
            kms.close()
    finally:
        if on_tmpfs:
            subprocess.run(["umount", "-l", str(disk)], check=False)
