"""Concurrency (issue 7): the GUI's backend (two processes), ``keyferry serve`` (driven by the
official SDK) and the CLI write to one store at once, 500 operations each. No lost update:
every created key exists, every writer's last tag value is there, the audit log holds every
operation; and no "database is locked" (or any other error) reaches a user."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

from app.backends.local import open_local
from tests.helpers import scale
from tests.reliability.invariants import check_store
from tests.server.live import start_server

ROOT = Path(__file__).resolve().parents[2]


def test_gui_backend_server_and_cli_on_one_store(tmp_path) -> None:
    server = start_server(tmp_path / "serve")
    store, key_file = server.data_dir, server.master_key_file
    try:
        backend = open_local(store, master_key_file=key_file, background=False)
        shared = backend.create_key(alias="shared", origin="kms").key_id
        backend.close()
        count = scale(500, 2000)
        plan = [
            ("local", str(store), "gui-a"),
            ("local", str(store), "gui-b"),
            ("sdk", server.url, "sdk"),
            ("cli", str(store), "cli"),
        ]
        writers = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.reliability.concurrent_writer",
                    mode,
                    target,
                    str(key_file),
                    shared,
                    name,
                    str(count),
                ],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for mode, target, name in plan
        ]
        reports = {}
        for (_, _, name), writer in zip(plan, writers, strict=True):
            out, err = writer.communicate(timeout=900)
            assert writer.returncode == 0, err
            reports[name] = json.loads(out.strip().splitlines()[-1])
        assert "Traceback" not in server.log()
    finally:
        server.stop()
    for name, report in reports.items():
        assert report["errors"] == [], (name, report["errors"][:5])
        assert len(report["created"]) == count // 5, name
    backend = open_local(store, master_key_file=key_file, background=False)
    try:
        existing = {k.key_id for k in backend.all_keys()}
        for report in reports.values():
            assert set(report["created"]) <= existing, "a created key was lost"
        tags = {t.key: t.value for t in backend.show_tags(key_id=shared)}
        assert tags == {name: "done" for name in reports}, "a tag update was lost"
        ops = [e for e in backend.kms.audit.entries(limit=10**6, reads=True) if e.result == "ok"]
        assert len(ops) >= 4 * count, "the audit log misses operations"
    finally:
        backend.close()
    check_store(store / "keyferry.sqlite3", base64.b64decode(key_file.read_text()))
