"""A change's audit entry survives a SIGKILL right after the change is acknowledged: the
entry commits with the change, never later. One worker per kind of change (and a refusal)
makes it on a fresh store, prints its acknowledgement and kills itself at once; the store is
then read without the engine."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.audit_kill_child import CHANGES

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", list(CHANGES))
def test_the_audit_entry_of_an_acknowledged_change_survives_sigkill(tmp_path, name) -> None:
    store, key_file = tmp_path / "store", tmp_path / "master.key"
    child = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.reliability.audit_kill_child",
            str(store),
            str(key_file),
            name,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    [ack] = [line for line in child.stdout.splitlines() if line.startswith("ack ")]
    _, key_id, result = ack.split()
    operation = name.split(",")[0]
    conn = sqlite3.connect(f"file:{store / 'keyferry.sqlite3'}?mode=ro", uri=True)
    try:
        entries = conn.execute(
            "SELECT operation, key_id, result, error_code FROM audit WHERE operation = ?",
            (operation,),
        ).fetchall()
        keys = [row[0] for row in conn.execute("SELECT key_id FROM keys")]
    finally:
        conn.close()
    if result == "ok":
        assert entries == [(operation, key_id, "ok", None)], f"the entry of {name} was lost"
    else:
        code = result.split(":")[1]
        assert entries == [(operation, keys[0], "refused", code)], "the refusal's entry was lost"
