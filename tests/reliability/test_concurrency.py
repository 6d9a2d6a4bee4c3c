"""Concurrency (issue 7): four writers on one store at once, 500 operations each: no lost
update (every created key exists, every writer's last tag value is there, the audit log has
every operation) and no "database is locked" reaching a user."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

from app.backends.local import open_local
from tests.helpers import scale
from tests.reliability.invariants import check_store

ROOT = Path(__file__).resolve().parents[2]


def test_four_writers_on_one_store(tmp_path) -> None:
    store, key_file = tmp_path / "store", tmp_path / "master.key"
    backend = open_local(store, master_key_file=key_file, background=False)
    shared = backend.create_key(alias="shared", origin="kms").key_id
    backend.close()
    count = scale(500, 2000)
    writers = [subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.concurrent_writer", "local", str(store),
         str(key_file), shared, f"w{i}", str(count)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i in range(4)]
    reports = []
    for writer in writers:
        out, err = writer.communicate(timeout=600)
        assert writer.returncode == 0, err
        reports.append(json.loads(out.strip().splitlines()[-1]))
    for report in reports:
        assert report["errors"] == [], report["errors"][:5]
    backend = open_local(store, master_key_file=key_file, background=False)
    try:
        existing = {k.key_id for k in backend.all_keys()}
        for report in reports:
            assert set(report["created"]) <= existing, "a created key was lost"
        tags = {t.key: t.value for t in backend.show_tags(key_id=shared)}
        assert tags == {f"w{i}": "done" for i in range(4)}, "a tag update was lost"
        entries = backend.kms.audit.entries(limit=10**6, reads=True)
        assert len(entries) >= 4 * count, "the audit log misses operations"
    finally:
        backend.close()
    check_store(store / "keyferry.sqlite3", base64.b64decode(key_file.read_text()))
